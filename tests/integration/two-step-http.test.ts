// Two-step sign-in on the wire, against the real production build (docs/decisions/066-two-step-sign-in.md):
// a document POST (JavaScript off) of wrong codes gets 400 pages in the reader's language, then a 429 page
// with Retry-After — the same behaviour as a throttled password (decision 019); the half-signed-in cookie
// is HttpOnly, SameSite=Lax, limited to /login and five minutes, and is not a session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FAILURES_PER_ACCOUNT } from "~/auth/throttle.server";
import { codeAt } from "~/domain/two-step/totp";
import { ru } from "~/i18n/messages/ru";
import { type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";

const PASSWORD = "officer-pass-2026";
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

async function post(pathname: string, fields: Record<string, string>, cookie?: string) {
  const res = await fetch(`${server.url}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, "Accept-Language": "ru", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
  });
  return { res, text: await res.text() };
}

const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");

describe("two-step sign-in over HTTP", () => {
  it("wrong codes are 400 pages in Russian, the sixth a 429 page with Retry-After; the pending cookie is no session", { timeout: 120_000 }, async () => {
    const admin = await signInOverHttp(server.url, "admin@demo.kg");
    expect((await post("/admin/staff", { name: "Офицер", email: "officer-http@school.kg", password: PASSWORD }, admin)).res.status).toBe(302);
    const staff = await signInOverHttp(server.url, "officer-http@school.kg", PASSWORD);
    expect((await post("/account/two-step", { intent: "start" }, staff)).res.status).toBe(302);
    const page = await (await fetch(`${server.url}/account/two-step`, { headers: { Cookie: staff } })).text();
    const secret = /class="two-step-secret">([A-Z2-7 ]+)</.exec(page)![1]!.replace(/ /g, "");
    expect(page).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const on = await post("/account/two-step", { intent: "confirm", code: codeAt(secret, new Date()) }, staff);
    expect(on.res.status).toBe(200);
    expect((on.text.match(/<li><code>[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}<\/code><\/li>/g) ?? []).length).toBe(10);

    const password = await post("/login", { email: "officer-http@school.kg", password: PASSWORD });
    expect(password.res.status).toBe(302);
    expect(password.res.headers.get("location")).toBe("/login/code");
    const setCookies = password.res.headers.getSetCookie();
    expect(setCookies.some((c) => c.startsWith("__session="))).toBe(false);
    const pendingLine = setCookies.find((c) => c.startsWith("__two_step="))!;
    expect(pendingLine).toMatch(/; Max-Age=300;/);
    expect(pendingLine).toMatch(/; Path=\/login;/);
    expect(pendingLine).toMatch(/; HttpOnly/);
    expect(pendingLine).toMatch(/; SameSite=Lax/);
    const pending = pendingLine.split(";")[0]!;
    // Not a session: the account page sends to sign-in.
    const account = await fetch(`${server.url}/account`, { redirect: "manual", headers: { Cookie: pending } });
    expect(account.headers.get("location")).toMatch(/^\/login\?/);

    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const wrong = await post("/login/code", { code: "000000" }, pending);
      expect(wrong.res.status).toBe(400);
      expect(decode(wrong.text)).toContain(ru["errors.twoStepCode"]);
      expect(wrong.res.headers.getSetCookie().some((c) => c.startsWith("__session="))).toBe(false);
    }
    const throttled = await post("/login/code", { code: codeAt(secret, new Date(Date.now() + 30_000)) }, pending);
    expect(throttled.res.status).toBe(429);
    expect(Number(throttled.res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(decode(throttled.text)).toContain(ru["errors.throttled"].split("{")[0]!.trim());
    expect(throttled.res.headers.getSetCookie().some((c) => c.startsWith("__session="))).toBe(false);
  });
});
