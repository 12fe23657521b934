// The real production server over HTTP: start-up (migrate + seed), headers, CSRF, language, errors.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";

let server: RunningServer;
beforeAll(async () => {
  // freshData: this file proves the first start itself (migrate + seed), so no copied demo folder.
  server = await startServer({}, undefined, { freshData: true });
});
afterAll(async () => {
  await server?.stop();
});

const signIn = (email: string, password?: string) => signInOverHttp(server.url, email, password);

describe("start-up", () => {
  it("migrates, seeds demo data into the empty database and keeps a generated session secret", async () => {
    expect(server.output()).toContain("demo data seeded");
    const secret = fs.readFileSync(path.join(server.dataDir, "session-secret"), "utf8");
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const db = new Database(path.join(server.dataDir, "portal.sqlite"), { readonly: true });
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      const emails = (db.prepare("select email from users order by email").all() as { email: string }[]).map((r) => r.email);
      expect(emails).toEqual(expect.arrayContaining(["admin@demo.kg", "staff@demo.kg", "employer@demo.kg", "graduate@demo.kg"]));
      const companies = db.prepare("select count(*) as n from companies").get() as { n: number };
      expect(companies.n).toBe(40);
    } finally {
      db.close();
    }
  });

  it("does not seed again on restart, and SEED_DEMO=0 starts an empty portal with reference data only", async () => {
    const again = await startServer({}, server.dataDir);
    try {
      expect(again.output()).not.toContain("demo data seeded");
      expect(again.output()).not.toContain("migrations applied");
    } finally {
      await again.stop();
    }
    const empty = await startServer({ SEED_DEMO: "0" });
    try {
      const db = new Database(path.join(empty.dataDir, "portal.sqlite"), { readonly: true });
      expect((db.prepare("select count(*) as n from users").get() as { n: number }).n).toBe(0);
      expect((db.prepare("select count(*) as n from schools").get() as { n: number }).n).toBe(6);
      expect((db.prepare("select count(*) as n from modules").get() as { n: number }).n).toBe(12);
      db.close();
    } finally {
      await empty.stop();
    }
  });
});

describe("operations and headers", () => {
  it("/healthz answers JSON with a database check", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("sends security headers with a per-response CSP nonce that the inline scripts carry", async () => {
    // A page that hydrates: the home page ships no script at all (decision 015).
    const res = await fetch(`${server.url}/login`);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const html = await res.text();
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const [, attrs] of inlineScripts) expect(attrs).toContain(`nonce="${nonce}"`);
    const second = await fetch(`${server.url}/login`);
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("sends HSTS and Secure cookies only behind HTTPS (trusted proxy)", async () => {
    const proxied = await startServer({ TRUST_PROXY: "1" }, server.dataDir);
    try {
      const res = await fetch(`${proxied.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-Proto": "https", Origin: proxied.url.replace("http:", "https:") },
        body: new URLSearchParams({ email: "staff@demo.kg", password: "demo-portal-2026" }),
      });
      expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      expect(res.headers.getSetCookie().find((c) => c.startsWith("__session="))).toMatch(/; Secure/i);
    } finally {
      await proxied.stop();
    }
    const plain = await fetch(`${server.url}/`);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("streamed HTML", () => {
  it("never carries NUL bytes, whatever the language (React 18 pads a split multi-byte letter with zeros)", async () => {
    const cookie = await signIn("graduate2@demo.kg");
    const browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
    for (const lng of ["ky", "ru", "en"]) {
      for (const path of ["/me/skills", "/me/profile", "/me/modules", "/", "/g/bakyt-toktogulov"]) {
        const res = await fetch(`${server.url}${path}?lng=${lng}`, { headers: { Cookie: cookie, "User-Agent": browser } });
        const body = Buffer.from(await res.arrayBuffer());
        expect(body.includes(0), `${path}?lng=${lng}`).toBe(false);
        expect(new TextDecoder("utf-8", { fatal: true }).decode(body).length).toBeGreaterThan(0);
      }
    }
  });
});

describe("cross-site request forgery", () => {
  it("refuses a state-changing request from another origin, even with a valid session", async () => {
    const cookie = await signIn("admin@demo.kg");
    const forged = await fetch(`${server.url}/admin/settings`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: "https://evil.example" },
      body: new URLSearchParams({ certificate_name_ky: "X", certificate_name_ru: "X", certificate_name_en: "X" }),
    });
    expect(forged.status).toBe(403);
    const byReferer = await fetch(`${server.url}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Referer: "https://evil.example/page" },
    });
    expect(byReferer.status).toBe(403);
    const crossSite = await fetch(`${server.url}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: server.url, "Sec-Fetch-Site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    const page = await fetch(`${server.url}/admin/settings`, { headers: { Cookie: cookie } });
    expect(await page.text()).not.toContain('value="X"');
    const sameOrigin = await fetch(`${server.url}/logout`, { method: "POST", redirect: "manual", headers: { Cookie: cookie, Origin: server.url } });
    expect(sameOrigin.status).toBe(302);
  });
});

describe("languages and errors over HTTP", () => {
  it("?lng= switches the language and the choice persists in a cookie", async () => {
    const first = await fetch(`${server.url}/login?lng=ru`);
    const lng = first.headers.getSetCookie().find((c) => c.startsWith("lng="))!;
    expect(lng).toMatch(/^lng=ru;/);
    expect(await first.text()).toContain('<html lang="ru"');
    const later = await fetch(`${server.url}/login`, { headers: { Cookie: lng.split(";")[0]!, "Accept-Language": "en" } });
    expect(await later.text()).toContain("Вход");
  });

  it("follows Accept-Language on a first visit", async () => {
    const html = await (await fetch(`${server.url}/login`, { headers: { "Accept-Language": "ky-KG,ky;q=0.9" } })).text();
    expect(html).toContain('<html lang="ky"');
  });

  it("answers unknown routes with a 404 page in the reader's language, and 403 to the wrong role", async () => {
    const res = await fetch(`${server.url}/no/such/page?lng=ru`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Страница не найдена");
    const cookie = await signIn("graduate@demo.kg");
    const denied = await fetch(`${server.url}/admin?lng=en`, { headers: { Cookie: cookie } });
    expect(denied.status).toBe(403);
    expect(await denied.text()).toContain("Access denied");
  });

  it("never answers 500 to a malformed body or nonsense parameters", async () => {
    const cookie = await signIn("admin@demo.kg");
    const garbage = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=x", Origin: server.url },
      body: "not multipart at all",
    });
    expect(garbage.status).toBeLessThan(500);
    expect(garbage.status).toBeGreaterThanOrEqual(400);
    for (const p of [
      "/admin/skills?page=9999999999999&category=-1&q=%00%27%22",
      "/admin/skills/1e9",
      "/admin/modules/0",
      "/reset/%E0%A4%A",
      "/join?code=" + "x".repeat(5000),
    ]) {
      const res = await fetch(`${server.url}${p}`, { headers: { Cookie: cookie } });
      expect(res.status, p).toBeLessThan(500);
    }
  });
});
