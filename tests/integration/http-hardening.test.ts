// Issue 13, items 2, 10, 11 and 14, against the real production build over HTTP: unknown
// methods, a redirect target outside Latin-1, sign-in attempts sent all at once, bodies too large
// or with too many fields or parts, and the throttle on every password or code check.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, MAX_SHORT_CODE_FAILURES_ALL } from "~/auth/throttle.server";
import { type RunningServer, startServer } from "../support/server";

let server: RunningServer;
beforeAll(async () => {
  // Behind a (simulated) proxy, so each test can speak from its own client address.
  server = await startServer({ TRUST_PROXY: "1" });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const DEMO_PASSWORD = "demo-portal-2026";
let addressCounter = 0;
const freshAddress = () => `203.0.113.${++addressCounter}`;
const database = () => new Database(path.join(server.dataDir, "portal.sqlite"), { readonly: true });

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: string; sentBytes: number; ms: number };

/**
 * One request through node:http (fetch refuses TRACE and cannot stop sending when an answer
 * arrives early). `chunks` yields the body piece by piece; sending stops as soon as the server
 * answers, so a refused 400 MB body is never actually produced.
 */
function raw(
  method: string,
  pathname: string,
  options: { headers?: Record<string, string>; chunks?: () => Iterator<Buffer>; body?: string | Buffer } = {},
): Promise<Raw> {
  const url = new URL(pathname, server.url);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const req = http.request(url, { method, headers: { Origin: server.url, "X-Forwarded-For": freshAddress(), ...options.headers } }, (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sentBytes, ms: performance.now() - started }));
      res.on("error", reject);
    });
    // The server may close the connection after answering a body it will not read.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    if (options.body !== undefined) {
      sentBytes = Buffer.byteLength(options.body);
      req.end(options.body);
      return;
    }
    if (!options.chunks) {
      req.end();
      return;
    }
    const source = options.chunks();
    const pump = () => {
      while (!answered && !req.destroyed) {
        const next = source.next();
        if (next.done) return void req.end();
        sentBytes += next.value.length;
        if (!req.write(next.value)) return void req.once("drain", pump);
      }
    };
    pump();
  });
}

/** `total` bytes of `unit` repeated, in 64 KiB pieces. */
function* repeated(unit: string, total: number): Iterator<Buffer> {
  const piece = Buffer.from(unit.repeat(Math.ceil(65_536 / unit.length)));
  for (let sent = 0; sent < total; sent += piece.length) yield piece;
}

function rssOfServer(): number {
  const status = fs.readFileSync(`/proc/${server.process.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) * 1024;
}

async function signIn(email: string, password: string, extra: Record<string, string> = {}, address = freshAddress()) {
  const res = await fetch(`${server.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, "X-Forwarded-For": address },
    body: new URLSearchParams({ email, password, ...extra }),
  });
  await res.arrayBuffer();
  const cookie =
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith("__session="))
      ?.split(";")[0] ?? null;
  return { status: res.status, location: res.headers.get("location"), cookie };
}

async function post(pathname: string, fields: Record<string, string>, options: { cookie?: string; address?: string } = {}) {
  const res = await fetch(`${server.url}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: server.url,
      "X-Forwarded-For": options.address ?? freshAddress(),
      ...(options.cookie ? { Cookie: options.cookie } : {}),
      "Accept-Language": "ru",
    },
    body: new URLSearchParams(fields),
  });
  return {
    status: res.status,
    location: res.headers.get("location"),
    text: await res.text(),
    setCookie: res.headers.getSetCookie(),
    retryAfter: res.headers.get("retry-after"),
  };
}

describe("methods (item 2)", () => {
  it("answers any method other than GET, HEAD, POST and OPTIONS with 405 and an Allow header, without a stack trace in the log", async () => {
    for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "PROPFIND", "MKCOL", "LOCK", "SEARCH", "PURGE"]) {
      for (const pathname of ["/login", "/", "/vacancies/1", "/healthz", "/build/nothing.js"]) {
        const res = await raw(method, pathname, { headers: { "Accept-Language": "en" } });
        expect(res.status, `${method} ${pathname}`).toBe(405);
        expect(res.headers.allow, `${method} ${pathname}`).toBe("GET, HEAD, POST, OPTIONS");
      }
    }
    const ru = await raw("TRACE", "/login", { headers: { "Accept-Language": "ru" } });
    expect(ru.body).toContain("Метод не поддерживается");
    expect(server.output()).not.toMatch(/unsupported|TypeError|\n\s+at /);
  });

  it("answers OPTIONS itself: an OPTIONS request never reaches an action (it would pass the cross-site check as a safe method)", async () => {
    const res = await raw("OPTIONS", "/login", {
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
      body: new URLSearchParams({ email: "staff@demo.kg", password: DEMO_PASSWORD }).toString(),
    });
    expect(res.status).toBe(204);
    expect(res.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
    expect(res.headers["set-cookie"]?.some((c) => c.startsWith("__session="))).toBeFalsy();
  });
});

describe("redirect targets outside Latin-1 (item 2)", () => {
  it("signs in with redirectTo=/Ж: a percent-encoded Location, a working session, and no session row that was never delivered", async () => {
    const db = database();
    const sessions = () =>
      (db.prepare("select count(*) as n from sessions s join users u on u.id = s.user_id where u.email = 'graduate@demo.kg'").get() as { n: number }).n;
    const before = sessions();
    const res = await signIn("graduate@demo.kg", DEMO_PASSWORD, { redirectTo: "/Ж?q=Бишкек#жок" });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/%D0%96?q=%D0%91%D0%B8%D1%88%D0%BA%D0%B5%D0%BA#%D0%B6%D0%BE%D0%BA");
    expect(res.cookie).not.toBeNull();
    expect(sessions()).toBe(before + 1);
    db.close();
    const account = await fetch(`${server.url}/account`, { redirect: "manual", headers: { Cookie: res.cookie! } });
    await account.arrayBuffer();
    expect(account.status).toBe(200);
  });
});

describe("sign-in attempts sent all at once (item 10)", () => {
  it(`60 wrong passwords at once, the last one right: at most ${MAX_FAILURES_PER_ACCOUNT} are checked, none signs in, and the right password is refused after`, async () => {
    const attempts = Array.from({ length: 60 }, (_, i) => signIn("employer2@demo.kg", i === 59 ? DEMO_PASSWORD : `wrong-${i}`));
    const answers = await Promise.all(attempts);
    const statuses = answers.map((a) => a.status);
    const checked = statuses.filter((s) => s !== 429).length;
    expect(checked, statuses.join(" ")).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(statuses.filter((s) => s === 302).length + statuses.filter((s) => s === 401).length).toBe(checked);
    const afterwards = await signIn("employer2@demo.kg", DEMO_PASSWORD);
    expect(afterwards.status).toBe(429);
    expect(afterwards.cookie).toBeNull();
  });

  it(`one address, many accounts at once: at most ${MAX_FAILURES_PER_ADDRESS} checked`, async () => {
    const attacker = freshAddress();
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => signIn(`nobody-${i}@test.kg`, "wrong-password", {}, attacker)));
    const checked = answers.filter((a) => a.status !== 429).length;
    expect(checked).toBeLessThanOrEqual(MAX_FAILURES_PER_ADDRESS);
    expect((await signIn("staff@demo.kg", DEMO_PASSWORD, {}, attacker)).status).toBe(429);
  });

  it("a right password releases its reservation: 22 sign-ins in a row from one address never count against it", async () => {
    const address = freshAddress();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS + 2; i++) expect((await signIn("admin@demo.kg", DEMO_PASSWORD, {}, address)).status).toBe(302);
  }, 120_000);
});

describe("request bodies (item 11)", () => {
  const healthy = async () => {
    const started = performance.now();
    const res = await fetch(`${server.url}/healthz`);
    await res.arrayBuffer();
    return performance.now() - started;
  };

  // On a loaded machine the server's close can reach the client before its 413 is read (a reset within
  // milliseconds, seen once in a fresh-clone run): retried, so only a refusal that keeps failing fails.
  it("a declared 400 MB form is refused with 413 in the reader's language before any of it is read", { retry: 2 }, async () => {
    const res = await raw("POST", "/login", {
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(400 * 1024 * 1024), "Accept-Language": "ru" },
      chunks: () => repeated("a=b&", 400 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
    expect(res.body).toContain("Слишком большой запрос");
    expect(res.sentBytes).toBeLessThan(8 * 1024 * 1024);
    expect(res.ms).toBeLessThan(3_000);
  });

  it("an undeclared (chunked) 400 MB form and 3 million tiny fields: 413 once the route's limit is passed, no memory kept, /healthz unaffected", async () => {
    const rssBefore = rssOfServer();
    for (const unit of ["password=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a=&"]) {
      const pending = raw("POST", "/login", {
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "en" },
        chunks: () => repeated(unit, 400 * 1024 * 1024),
      });
      const latency = await healthy();
      const res = await pending;
      expect(res.status, unit.slice(0, 10)).toBe(413);
      expect(res.body).toContain("Request too large");
      expect(res.sentBytes).toBeLessThan(16 * 1024 * 1024);
      expect(latency).toBeLessThan(1_000);
    }
    expect(rssOfServer() - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it("too many fields in a small body: 413 at sign-in (20 fields) and on a signed-in form (1,000 fields)", async () => {
    const manyFields = (n: number) => Array.from({ length: n }, (_, i) => `f${i}=`).join("&");
    const login = await raw("POST", "/login", {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `email=a%40b.kg&password=x&${manyFields(1_500)}`,
    });
    expect(login.status).toBe(413);
    const { cookie } = await signIn("graduate2@demo.kg", DEMO_PASSWORD);
    const skills = await raw("POST", "/me/skills", {
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie! },
      body: manyFields(5_000),
    });
    expect(skills.status).toBe(413);
    // One field of 200 KB: within the body limit, over the field limit.
    const big = await raw("POST", "/me/skills", {
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie! },
      body: `intent=add&name=${"a".repeat(200_000)}`,
    });
    expect(big.status).toBe(413);
    // A page inside an area (the employer's layout) names the refusal in the reader's language…
    const employer = await signIn("employer@demo.kg", DEMO_PASSWORD);
    const hires = await raw("POST", "/employer/hires", {
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: employer.cookie! },
      body: manyFields(5_000),
    });
    expect(hires.status).toBe(413);
    expect(hires.body).toContain("Суроо-талап өтө чоң");
    // …and a route with no error boundary above it but the root's names it in all three languages.
    const portfolio = await raw("POST", "/g/any-graduate", {
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: employer.cookie! },
      body: manyFields(5_000),
    });
    expect(portfolio.status).toBe(413);
    expect(portfolio.body).toContain("Request too large");
    expect(portfolio.body).toContain("Слишком большой запрос");
  });

  it("uploads keep their larger limit but not unbounded: a 500 MB multipart body and 60,000 file parts are refused with 413, memory bounded", async () => {
    const { cookie } = await signIn("graduate@demo.kg", DEMO_PASSWORD);
    const rssBefore = rssOfServer();
    const boundary = "----hardening";
    const headers = { "Content-Type": `multipart/form-data; boundary=${boundary}`, Cookie: cookie!, "Accept-Language": "ky" };
    function* huge(): Iterator<Buffer> {
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`);
      yield* { [Symbol.iterator]: () => repeated("\0", 500 * 1024 * 1024) } as Iterable<Buffer>;
    }
    const big = await raw("POST", "/me/projects/new", { headers, chunks: huge });
    expect(big.status).toBe(413);
    expect(big.sentBytes).toBeLessThan(32 * 1024 * 1024);

    const part = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\n\r\n`;
    const parts = Buffer.from(part.repeat(60_000) + `--${boundary}--\r\n`);
    const started = performance.now();
    const many = await raw("POST", "/me/projects/new", { headers, body: parts });
    expect(many.status).toBe(413);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(rssOfServer() - rssBefore).toBeLessThan(96 * 1024 * 1024);
  });

  it("forms within their limits still work: a sign-in, and a real photo upload under the upload limit", async () => {
    const { status, cookie } = await signIn("graduate@demo.kg", DEMO_PASSWORD);
    expect(status).toBe(302);
    const png = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#4a7" } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.set("intent", "photo");
    form.set("photo", new File([new Uint8Array(png)], "me.png", { type: "image/png" }));
    const res = await fetch(`${server.url}/me/profile`, { method: "POST", redirect: "manual", headers: { Origin: server.url, Cookie: cookie! }, body: form });
    await res.arrayBuffer();
    expect(res.status).toBeLessThan(400);
  });
});

describe("every password and code check is throttled (item 14)", () => {
  it(`/account: the current password is checked at most ${MAX_FAILURES_PER_ACCOUNT} times; the right one after that is refused and changes nothing`, async () => {
    const { cookie } = await signIn("employer@demo.kg", DEMO_PASSWORD);
    const change = (current: string) =>
      post("/account", { currentPassword: current, password: "a-new-password-2026", passwordRepeat: "a-new-password-2026" }, { cookie: cookie! });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => change(`guess-${i}`)));
    expect(answers.filter((a) => a.status !== 429).length).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    const right = await change(DEMO_PASSWORD);
    expect(right.status).toBe(429);
    expect(Number(right.retryAfter)).toBeGreaterThan(0);
    expect(right.text).toContain("Слишком много неудачных попыток");
    expect((await signIn("employer@demo.kg", DEMO_PASSWORD)).status).toBe(302);
  });

  it("/me/data: deleting the account needs the password, checked at most the same number of times", async () => {
    const { cookie } = await signIn("graduate2@demo.kg", DEMO_PASSWORD);
    for (let i = 0; i < 30; i++) await post("/me/data", { password: `guess-${i}` }, { cookie: cookie! });
    const right = await post("/me/data", { password: DEMO_PASSWORD }, { cookie: cookie! });
    expect(right.status).toBe(429);
    expect(Number(right.retryAfter)).toBeGreaterThan(0);
    expect((await signIn("graduate2@demo.kg", DEMO_PASSWORD)).status).toBe(302);
  });

  it(`/join: at most ${MAX_FAILURES_PER_ADDRESS} wrong codes per address, whether checked by the link (GET) or the form (POST)`, async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS + 5; i++) {
      const viaLink = i % 2 === 0;
      if (viaLink) {
        const res = await fetch(`${server.url}/join?code=WRONG${i}`, { headers: { "X-Forwarded-For": address } });
        await res.arrayBuffer();
        statuses.push(res.status);
      } else {
        statuses.push(
          (await post("/join", { code: `WRONG${i}`, email: `x${i}@test.kg`, password: "long-enough-pass", passwordRepeat: "long-enough-pass" }, { address }))
            .status,
        );
      }
    }
    expect(
      statuses.slice(0, MAX_FAILURES_PER_ADDRESS).every((s) => s !== 429),
      statuses.join(" "),
    ).toBe(true);
    expect(
      statuses.slice(MAX_FAILURES_PER_ADDRESS).every((s) => s === 429),
      statuses.join(" "),
    ).toBe(true);
  });

  it(`/join: wrong two-group codes sent at once from ${MAX_SHORT_CODE_FAILURES_ALL + 30} addresses — at most ${MAX_SHORT_CODE_FAILURES_ALL} are checked in all; three-group codes are not held back by them`, async () => {
    // Each request from an address of its own: the per-address counter never stops any of them.
    const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    const guess = (i: number, groups: number) =>
      `KG-${Array.from({ length: groups }, (_, g) => Array.from({ length: 4 }, (_, k) => alphabet[(i * 7 + g * 5 + k * 3) % alphabet.length]).join("")).join("-")}`;
    const attempts = MAX_SHORT_CODE_FAILURES_ALL + 30;
    const statuses = await Promise.all(
      Array.from({ length: attempts }, (_, i) => {
        const address = `198.51.${100 + Math.floor(i / 250)}.${(i % 250) + 1}`;
        return i % 2 === 0
          ? fetch(`${server.url}/join?code=${guess(i, 2)}`, { headers: { "X-Forwarded-For": address } }).then(
              async (res) => (await res.arrayBuffer(), res.status),
            )
          : post(
              "/join",
              { code: guess(i, 2), email: `short${i}@test.kg`, password: "long-enough-pass", passwordRepeat: "long-enough-pass" },
              { address },
            ).then((r) => r.status);
      }),
    );
    const checked = statuses.filter((s) => s !== 429).length;
    expect(checked, statuses.join(" ")).toBe(MAX_SHORT_CODE_FAILURES_ALL);
    expect(statuses.filter((s) => s === 429).length, statuses.join(" ")).toBe(attempts - MAX_SHORT_CODE_FAILURES_ALL);
    // A three-group code from a fresh address is still checked (a 400 for a wrong one, not a 429).
    const long = await post(
      "/join",
      { code: guess(1, 3), email: "long@test.kg", password: "long-enough-pass", passwordRepeat: "long-enough-pass" },
      { address: "198.51.99.1" },
    );
    expect(long.status).toBe(400);
  });
});

describe("sign-up does not tell whether an address has an account (item 14)", () => {
  const fields = (email: string) => ({
    name: "Тимур Исаков",
    company: "Проверка ЖЧК",
    email,
    password: "long-enough-pass",
    passwordRepeat: "long-enough-pass",
  });
  const answer = async (email: string, address = freshAddress()) => {
    const res = await post("/signup", fields(email), { address });
    return { status: res.status, location: res.location, cookies: res.setCookie.map((c) => c.split("=")[0]).sort(), text: res.text };
  };

  it("answers a new and an existing address alike; the owner of the existing one is told in the portal, the new one can sign in", async () => {
    const db = database();
    const notices = () =>
      (
        db
          .prepare(
            "select count(*) as n from notifications n join users u on u.id = n.user_id where u.email = 'employer@demo.kg' and n.kind = 'sign-up-existing'",
          )
          .get() as { n: number }
      ).n;
    const users = () => (db.prepare("select count(*) as n from users").get() as { n: number }).n;
    const noticesBefore = notices();
    const usersBefore = users();
    const existing = await answer("Employer@demo.kg");
    const fresh = await answer("new-company@test.kg");
    expect(existing).toEqual(fresh);
    expect(fresh.status).toBe(302);
    expect(fresh.cookies).not.toContain("__session");
    expect(notices()).toBe(noticesBefore + 1);
    expect(users()).toBe(usersBefore + 1);
    db.close();
    expect((await signIn("new-company@test.kg", "long-enough-pass")).status).toBe(302);
    // The existing account keeps its password.
    expect((await signIn("employer@demo.kg", "long-enough-pass")).status).toBe(401);
  });

  it(`at most ${MAX_FAILURES_PER_ADDRESS} sign-ups per address in the window`, async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS + 2; i++) statuses.push((await answer(`bulk-${i}@test.kg`, address)).status);
    expect(
      statuses.slice(0, MAX_FAILURES_PER_ADDRESS).every((s) => s === 302),
      statuses.join(" "),
    ).toBe(true);
    expect(statuses.slice(MAX_FAILURES_PER_ADDRESS), statuses.join(" ")).toEqual([429, 429]);
  }, 120_000);
});
