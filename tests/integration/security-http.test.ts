// docs/product.md §8 on the wire, against the real production server: sign-in throttling per account and
// per address, session rotation and ending, cookie flags, and security headers on every kind of
// response. (server.test.ts covers start-up, CSRF and the first header checks.)
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "~/auth/throttle.server";
import { type RunningServer, startServer } from "../support/server";

// Behind a (simulated) reverse proxy, so X-Forwarded-For names the client and X-Forwarded-Proto https.
let proxied: RunningServer;
beforeAll(async () => {
  proxied = await startServer({ TRUST_PROXY: "1" });
}, 120_000);
afterAll(async () => {
  await proxied?.stop();
});

const DEMO_PASSWORD = "demo-portal-2026";
let addressCounter = 0;
const freshAddress = () => `198.51.100.${++addressCounter}`;

type SignIn = { status: number; cookie: string | null; setCookie: string | undefined; headers: Headers };
async function signIn(email: string, password: string, options: { address?: string; cookie?: string; https?: boolean; base?: string } = {}): Promise<SignIn> {
  const base = options.base ?? proxied.url;
  const headers: Record<string, string> = {
    "Content-Type": "application/x-www-form-urlencoded",
    Origin: options.https ? base.replace("http:", "https:") : base,
    "X-Forwarded-For": options.address ?? freshAddress(),
  };
  if (options.https) headers["X-Forwarded-Proto"] = "https";
  if (options.cookie) headers.Cookie = options.cookie;
  const res = await fetch(`${base}/login`, { method: "POST", redirect: "manual", headers, body: new URLSearchParams({ email, password }) });
  await res.arrayBuffer();
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("__session="));
  return { status: res.status, cookie: setCookie ? setCookie.split(";")[0]! : null, setCookie, headers: res.headers };
}

/** 200 when the cookie is a live session, a redirect to /login when it is not. */
async function sessionWorks(cookie: string): Promise<boolean> {
  const res = await fetch(`${proxied.url}/account`, { redirect: "manual", headers: { Cookie: cookie } });
  await res.arrayBuffer();
  if (res.status === 200) return true;
  expect(res.status).toBe(302);
  expect(res.headers.get("location")).toMatch(/^\/login\?/);
  return false;
}

async function postForm(pathname: string, cookie: string, fields: Record<string, string>) {
  const res = await fetch(`${proxied.url}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: proxied.url, Cookie: cookie, "X-Forwarded-For": freshAddress() },
    body: new URLSearchParams(fields),
  });
  await res.arrayBuffer();
  return res;
}

describe("sign-in throttling over HTTP", () => {
  it(`locks an account after ${MAX_FAILURES_PER_ACCOUNT} failures even when each comes from another address`, async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect((await signIn("employer2@demo.kg", "wrong-password")).status).toBe(401);
    const blocked = await signIn("employer2@demo.kg", DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(blocked.cookie).toBeNull();
  });

  it(`locks an address after ${MAX_FAILURES_PER_ADDRESS} failures across accounts; other addresses still sign in`, async () => {
    const attacker = freshAddress();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) expect((await signIn(`nobody${i}@test.kg`, "wrong-password", { address: attacker })).status).toBe(401);
    expect((await signIn("staff@demo.kg", DEMO_PASSWORD, { address: attacker })).status).toBe(429);
    expect((await signIn("staff@demo.kg", DEMO_PASSWORD)).status).toBe(302);
  });
});

describe("sessions over HTTP", () => {
  it("sets the session cookie HttpOnly, SameSite=Lax, Path=/ — not Secure over plain HTTP", async () => {
    const { setCookie } = await signIn("employer@demo.kg", DEMO_PASSWORD);
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Lax/i);
    expect(setCookie).toMatch(/; Path=\//i);
    expect(setCookie).not.toMatch(/; Secure/i);
  });

  it("marks the cookie Secure behind HTTPS (TRUST_PROXY=1 and X-Forwarded-Proto: https)", async () => {
    const { setCookie, headers } = await signIn("employer@demo.kg", DEMO_PASSWORD, { https: true });
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });

  it("ignores X-Forwarded-Proto when no proxy is trusted (no Secure, no HSTS from a spoofed header)", async () => {
    const direct = await startServer({}, proxied.dataDir);
    try {
      const res = await signIn("employer@demo.kg", DEMO_PASSWORD, { https: true, base: direct.url });
      expect(res.status).toBe(403); // the https Origin is not this (http) site: refused as cross-site
      const page = await fetch(`${direct.url}/`, { headers: { "X-Forwarded-Proto": "https" } });
      expect(page.headers.get("strict-transport-security")).toBeNull();
      const plain = await signIn("employer@demo.kg", DEMO_PASSWORD, { base: direct.url });
      expect(plain.setCookie).not.toMatch(/; Secure/i);
    } finally {
      await direct.stop();
    }
  });

  it("rotates the session at sign-in: the cookie carried before is no longer valid after", async () => {
    const first = await signIn("admin@demo.kg", DEMO_PASSWORD);
    expect(await sessionWorks(first.cookie!)).toBe(true);
    const second = await signIn("admin@demo.kg", DEMO_PASSWORD, { cookie: first.cookie! });
    expect(second.status).toBe(302);
    expect(second.cookie).not.toBe(first.cookie);
    expect(await sessionWorks(first.cookie!)).toBe(false);
    expect(await sessionWorks(second.cookie!)).toBe(true);
    // A cookie the server never issued (session fixation) is never adopted.
    const planted = "__session=planted-value";
    const third = await signIn("admin@demo.kg", DEMO_PASSWORD, { cookie: planted });
    expect(third.cookie).not.toBe(planted);
    expect(await sessionWorks(planted)).toBe(false);
  });

  it("ends the session at sign-out", async () => {
    const { cookie } = await signIn("staff@demo.kg", DEMO_PASSWORD);
    const other = await signIn("staff@demo.kg", DEMO_PASSWORD);
    const res = await postForm("/logout", cookie!, {});
    expect(res.status).toBe(302);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("__session=;") && /Max-Age=0/i.test(c))).toBe(true);
    expect(await sessionWorks(cookie!)).toBe(false);
    expect(await sessionWorks(other.cookie!)).toBe(true); // signing out one device leaves the others
  });

  it("ends every session at a password change, keeping only the fresh one of the device that changed it", async () => {
    const phone = (await signIn("employer@demo.kg", DEMO_PASSWORD)).cookie!;
    const laptop = (await signIn("employer@demo.kg", DEMO_PASSWORD)).cookie!;
    const res = await postForm("/account", laptop, {
      currentPassword: DEMO_PASSWORD,
      password: "a-brand-new-password",
      passwordRepeat: "a-brand-new-password",
    });
    expect(res.status).toBe(302);
    const fresh = res.headers
      .getSetCookie()
      .find((c) => c.startsWith("__session="))!
      .split(";")[0]!;
    expect(await sessionWorks(phone)).toBe(false);
    expect(await sessionWorks(laptop)).toBe(false);
    expect(await sessionWorks(fresh)).toBe(true);
    expect((await signIn("employer@demo.kg", DEMO_PASSWORD)).status).toBe(401);
    expect((await signIn("employer@demo.kg", "a-brand-new-password")).status).toBe(302);
  });

  it("ends every session when a graduate deletes their account", async () => {
    const phone = (await signIn("graduate2@demo.kg", DEMO_PASSWORD)).cookie!;
    const laptop = (await signIn("graduate2@demo.kg", DEMO_PASSWORD)).cookie!;
    const res = await postForm("/me/data", laptop, { password: DEMO_PASSWORD });
    expect(res.status).toBe(302);
    expect(await sessionWorks(phone)).toBe(false);
    expect(await sessionWorks(laptop)).toBe(false);
    expect((await signIn("graduate2@demo.kg", DEMO_PASSWORD)).status).toBe(401);
  });
});

describe("security headers on real responses", () => {
  function uploadedImage(): string {
    const db = new Database(path.join(proxied.dataDir, "portal.sqlite"), { readonly: true });
    try {
      const row = db.prepare("select photo from graduates where photo is not null and visibility = 'public' limit 1").get() as { photo: string } | undefined;
      if (!row) throw new Error("the demo data has no photo");
      return `/uploads/${row.photo}`;
    } finally {
      db.close();
    }
  }

  const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

  it("an HTML page, a JSON route, an uploaded image and a 404 all carry the policy and the headers", async () => {
    // An HTML page that hydrates (its inline scripts must carry the nonce); the board ships none (decision 015).
    const kinds = { html: "/login?next=%2Fme", json: "/healthz", upload: uploadedImage(), notFound: "/no/such/page" };
    for (const https of [false, true]) {
      for (const [kind, pathname] of Object.entries(kinds)) {
        const headers: Record<string, string> = https ? { "X-Forwarded-Proto": "https" } : {};
        const res = await fetch(`${proxied.url}${pathname}`, { headers });
        const body = await res.text();
        const label = `${kind} ${pathname} https=${https}`;
        expect(res.status, label).toBe(kind === "notFound" ? 404 : 200);
        const csp = res.headers.get("content-security-policy");
        expect(csp, label).toContain("frame-ancestors 'none'");
        expect(res.headers.get("x-content-type-options"), label).toBe("nosniff");
        expect(res.headers.get("referrer-policy"), label).toBe("strict-origin-when-cross-origin");
        if (https) expect(res.headers.get("strict-transport-security"), label).toMatch(/max-age=31536000/);
        else expect(res.headers.get("strict-transport-security"), label).toBeNull();
        if (kind === "upload") {
          expect(res.headers.get("content-type")).toBe("image/webp");
          expect(csp).toContain("default-src 'none'");
          expect(csp).toContain("sandbox");
          continue;
        }
        const nonce = nonceOf(csp);
        expect(nonce, label).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
        expect(csp, label).not.toContain("'unsafe-inline'");
        const again = await fetch(`${proxied.url}${pathname}`, { headers });
        await again.arrayBuffer();
        expect(nonceOf(again.headers.get("content-security-policy")), label).not.toBe(nonce);
        if (kind === "html" || kind === "notFound") {
          const inline = [...body.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
          expect(inline.length, label).toBeGreaterThan(0);
          for (const [, attrs] of inline) expect(attrs, label).toContain(`nonce="${nonce}"`);
        }
      }
    }
  });

  it("Cross-Origin-Opener-Policy: on every page with a session or with script; not on signed-out pages that ship no JavaScript (decision 016)", async () => {
    const coop = async (pathname: string, cookie?: string) => {
      const res = await fetch(`${proxied.url}${pathname}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
      const body = await res.text();
      return { coop: res.headers.get("cross-origin-opener-policy"), body, status: res.status };
    };
    const board = await coop("/vacancies");
    const vacancy = /href="(\/vacancies\/\d+)"/.exec(board.body)![1]!;
    const { cookie } = await signIn("graduate@demo.kg", DEMO_PASSWORD);
    expect(cookie).toBeTruthy();
    for (const pathname of ["/", "/vacancies", vacancy, "/outcomes"]) {
      const out = await coop(pathname);
      expect(out.status, pathname).toBe(200);
      expect(out.body, `${pathname} runs no script`).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
      expect(out.coop, `${pathname} signed out`).toBeNull();
      expect((await coop(pathname, cookie!)).coop, `${pathname} signed in`).toBe("same-origin");
    }
    // /join ships no script since the slow-link budget (docs/decisions/033-light-first-load.md); signed in, it redirects home.
    const join = await coop("/join");
    expect(join.body, "/join runs no script").not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
    expect(join.coop, "/join signed out").toBeNull();
    for (const pathname of ["/login", "/signup", "/no/such/page"]) expect((await coop(pathname)).coop, pathname).toBe("same-origin");
    for (const pathname of ["/me/applications", "/account"]) expect((await coop(pathname, cookie!)).coop, pathname).toBe("same-origin");
    // The board's page cache replays the signed-out page as rendered: still without the policy.
    expect((await coop("/vacancies")).coop).toBeNull();
  });
});
