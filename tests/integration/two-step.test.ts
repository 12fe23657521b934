// Two-step sign-in (docs/product.md §8, issue 19 item 4, docs/decisions/066-two-step-sign-in.md), with a
// fixed clock: set-up confirmed by a code and ten recovery codes shown once; sign-in goes through
// /login/code with no session before the code; a code's time step is accepted once (±1 step); a recovery
// code works once; wrong codes are throttled like passwords, also when sent at once; staff and admins are
// reminded during the grace period and sent to the set-up page after it; an admin's reset is audited;
// demo accounts skip the second step.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Connection } from "@db/connection";
import { recordDemoMarks } from "@db/seed/demo-removal";
import { MAX_FAILURES_PER_ACCOUNT } from "~/auth/throttle.server";
import { openSecret, PENDING_MINUTES, sealSecret } from "~/auth/two-step.server";
import { codeAt, stepAt } from "~/domain/two-step/totp";
import * as root from "~/root";
import * as account from "~/routes/account";
import * as setupPage from "~/routes/account_.two-step";
import * as adminSettings from "~/routes/admin.settings";
import * as staffList from "~/routes/admin.staff";
import * as graceRoute from "~/routes/admin.settings_.two-step";
import * as resetRoute from "~/routes/admin.staff_.$id.two-step";
import * as login from "~/routes/login";
import * as loginCode from "~/routes/login_.code";
import * as logout from "~/routes/logout";
import * as staffHome from "~/routes/staff._index";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeUser, PASSWORD, sessionCookieFor } from "../support/factories";
import { call, cookieFrom, get, post } from "../support/remix";

let c: Connection;
// A fixed clock (Date only: timers and the database's own clock run as usual).
const T0 = new Date("2026-12-01T06:00:10.000Z");
beforeEach(async () => {
  c = await createTestDatabase();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
  // The rule took effect long ago; each test sets the account's creation date it needs.
  await c.db.updateTable("settings").set({ value: "2026-01-01T00:00:00.000Z" }).where("key", "=", "two_step_since").execute();
});
afterEach(() => {
  vi.useRealTimers();
  closeTestDatabases();
});

const at = (ms: number) => vi.setSystemTime(new Date(T0.getTime() + ms));
const DAY = 24 * 3600 * 1000;

async function person(role: "staff" | "admin" | "employer" | "graduate", createdAt = T0.toISOString(), email?: string) {
  const user = await makeUser(c, role, email ? { email } : {});
  await c.db.updateTable("users").set({ created_at: createdAt }).where("id", "=", user.id).execute();
  return { ...user, cookie: await sessionCookieFor(user.id) };
}

const secretOf = async (userId: number) => {
  const row = await c.db.selectFrom("user_two_step").select("secret").where("user_id", "=", userId).executeTakeFirstOrThrow();
  return openSecret(row.secret, userId)!;
};

/** Sets two-step up through the page, as the person does: start, read the secret, confirm with the current code. */
async function setUp(user: { id: number; cookie: string }) {
  const started = await call(setupPage.action, post("/account/two-step", { intent: "start" }, { cookie: user.cookie }));
  expect(started.status).toBe(302);
  const secret = await secretOf(user.id);
  const confirmed = await call(setupPage.action, post("/account/two-step", { intent: "confirm", code: codeAt(secret, new Date()) }, { cookie: user.cookie }));
  expect(confirmed.status).toBe(200);
  return { secret, recoveryCodes: (confirmed.data as { recoveryCodes: string[] }).recoveryCodes };
}

/** The password step; returns the answer and the half-signed-in cookie. */
async function password(email: string, address = "10.0.0.1") {
  const res = await call(login.action, post("/login", { email, password: PASSWORD }), {}, address);
  return { res, pending: cookieFrom(res.headers, "__two_step") };
}

const codeStep = (pending: string, code: string, address = "10.0.0.1") =>
  call(loginCode.action, post("/login/code", { code }, { cookie: pending }), {}, address);

const sessions = async (userId: number) => (await c.db.selectFrom("sessions").select("id").where("user_id", "=", userId).execute()).length;
const audits = (action: string) => c.db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();

describe("setting it up", () => {
  it("shows a QR code and the secret in groups of four, switches on only with a right code, and shows ten recovery codes once (stored hashed)", async () => {
    const user = await person("employer");
    const before = await call(setupPage.loader, get("/account/two-step", { cookie: user.cookie }));
    expect(before.data).toMatchObject({ on: false, setup: null, demo: false, staffRole: false, mustSetUp: false });

    await call(setupPage.action, post("/account/two-step", { intent: "start" }, { cookie: user.cookie }));
    const page = (await call(setupPage.loader, get("/account/two-step", { cookie: user.cookie }))).data as { setup: { qr: string; secret: string } };
    expect(page.setup.qr).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>/);
    expect(page.setup.qr).not.toMatch(/<script|on\w+=/i);
    const secret = await secretOf(user.id);
    expect(page.setup.secret.replace(/ /g, "")).toBe(secret);
    expect(page.setup.secret).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    // At rest the secret is sealed, not the base32 the QR code holds.
    const stored = await c.db.selectFrom("user_two_step").selectAll().where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect(stored.secret).not.toContain(secret);
    expect(stored.enabled_at).toBeNull();
    expect(openSecret(stored.secret, user.id + 1)).toBeNull();

    const wrong = await call(setupPage.action, post("/account/two-step", { intent: "confirm", code: "000000" }, { cookie: user.cookie }));
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({ errors: { code: "errors.twoStepCode" }, values: { code: "000000" } });
    expect((await c.db.selectFrom("user_two_step").select("enabled_at").where("user_id", "=", user.id).executeTakeFirstOrThrow()).enabled_at).toBeNull();

    const right = await call(setupPage.action, post("/account/two-step", { intent: "confirm", code: codeAt(secret, new Date()) }, { cookie: user.cookie }));
    expect(right.status).toBe(200);
    const codes = (right.data as { recoveryCodes: string[] }).recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const hashes = await c.db.selectFrom("user_recovery_codes").select(["code_hash", "used_at"]).where("user_id", "=", user.id).execute();
    expect(hashes).toHaveLength(10);
    for (const h of hashes) {
      expect(h.code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(codes.some((code) => h.code_hash.includes(code.replace(/-/g, "")))).toBe(false);
    }
    const after = await call(setupPage.loader, get("/account/two-step", { cookie: user.cookie }));
    expect(after.data).toMatchObject({ on: true, recoveryLeft: 10, setup: null });
    expect(JSON.stringify(after.data)).not.toContain(codes[0]);
    expect((await audits("two-step.enable")).map((a) => a.entity_id)).toEqual([String(user.id)]);
    // The account page's card says it is on.
    expect((await call(account.loader, get("/account", { cookie: user.cookie }))).data).toMatchObject({ twoStep: { on: true, demo: false } });
  });

  it("turns off only with a right code (throttled), and the secret and codes go", async () => {
    const user = await person("graduate");
    const { secret } = await setUp(user);
    at(60_000);
    const wrong = await call(setupPage.action, post("/account/two-step", { intent: "disable", code: "123456" }, { cookie: user.cookie }));
    expect(wrong.status).toBe(400);
    expect(await c.db.selectFrom("user_two_step").select("user_id").where("user_id", "=", user.id).executeTakeFirst()).toBeDefined();
    const right = await call(setupPage.action, post("/account/two-step", { intent: "disable", code: codeAt(secret, new Date()) }, { cookie: user.cookie }));
    expect(right.status).toBe(302);
    expect(await c.db.selectFrom("user_two_step").select("user_id").where("user_id", "=", user.id).executeTakeFirst()).toBeUndefined();
    expect(await c.db.selectFrom("user_recovery_codes").select("id").where("user_id", "=", user.id).execute()).toEqual([]);
    expect(await audits("two-step.disable")).toHaveLength(1);
  });
});

describe("signing in", () => {
  it("asks for a code after the password, with no session until it is right; each time step is accepted once, within one step either side", async () => {
    const user = await person("staff");
    const { secret } = await setUp(user);
    await c.db.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    const setUpStep = stepAt(new Date());

    at(10 * 30_000);
    const { res, pending } = await password(user.email);
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login/code");
    expect(pending).toBeTruthy();
    expect(cookieFrom(res.headers)).toBeNull();
    expect(await sessions(user.id)).toBe(0);
    // The half-signed-in cookie opens nothing but the code page.
    expect((await call(staffHome.loader, get("/staff", { cookie: pending! }))).location).toMatch(/^\/login\?/);
    expect((await call(loginCode.loader, get("/login/code", { cookie: pending! }))).status).toBe(200);

    const now = new Date();
    expect(stepAt(now)).toBe(setUpStep + 10);
    const code = codeAt(secret, now);
    const ok = await codeStep(pending!, code);
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/staff");
    expect(cookieFrom(ok.headers)).toBeTruthy();
    expect(cookieFrom(ok.headers, "__two_step")).toBe("__two_step=");
    expect(await sessions(user.id)).toBe(1);

    // The same code again (a replay), and the step before it (inside the window, but older than the one used): refused.
    const again = await password(user.email);
    const replay = await codeStep(again.pending!, code);
    expect(replay.status).toBe(400);
    expect(replay.data).toMatchObject({ errors: { code: "errors.twoStepCode" } });
    expect(cookieFrom(replay.headers)).toBeNull();
    expect((await codeStep(again.pending!, codeAt(secret, new Date(now.getTime() - 30_000)))).status).toBe(400);
    // Two steps ahead is outside the window; the next step is inside it and new.
    expect((await codeStep(again.pending!, codeAt(secret, new Date(now.getTime() + 60_000)))).status).toBe(400);
    expect((await codeStep(again.pending!, codeAt(secret, new Date(now.getTime() + 30_000)))).status).toBe(302);
    expect(await sessions(user.id)).toBe(2);
  });

  it("takes a recovery code once (typed in lower case with spaces), then refuses it", async () => {
    const user = await person("admin");
    const { recoveryCodes } = await setUp(user);
    const [first, second] = recoveryCodes;
    const { pending } = await password(user.email);
    const typed = first!.toLowerCase().replace(/-/g, " ");
    expect((await codeStep(pending!, typed)).status).toBe(302);
    const again = await password(user.email);
    expect((await codeStep(again.pending!, first!)).status).toBe(400);
    expect((await codeStep(again.pending!, second!)).status).toBe(302);
    const left = await c.db.selectFrom("user_recovery_codes").select("id").where("user_id", "=", user.id).where("used_at", "is", null).execute();
    expect(left).toHaveLength(8);
  });

  it("sends back to the password after five minutes, and ignores a cookie it did not sign", async () => {
    const user = await person("staff");
    const { secret } = await setUp(user);
    const { pending } = await password(user.email);
    at(PENDING_MINUTES * 60_000 + 1000);
    const late = await codeStep(pending!, codeAt(secret, new Date()));
    expect(late.status).toBe(302);
    expect(late.location).toBe("/login");
    expect(await sessions(user.id)).toBe(1); // only the set-up's own session
    const forged = `__two_step=${Buffer.from(JSON.stringify({ u: user.id, r: "", e: Date.now() + 60_000 })).toString("base64")}`;
    expect((await call(loginCode.loader, get("/login/code", { cookie: forged }))).location).toBe("/login");
    expect((await codeStep(forged, codeAt(secret, new Date()))).location).toBe("/login");
  });

  it("throttles wrong codes like passwords: after 5, a 429 with Retry-After even for the right code; codes sent at once cannot pass the limit", async () => {
    const user = await person("staff");
    const { secret } = await setUp(user);
    at(5 * 30_000);
    const { pending } = await password(user.email);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect((await codeStep(pending!, "000000")).status).toBe(400);
    const refused = await codeStep(pending!, codeAt(secret, new Date()));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(refused.data).toMatchObject({ errors: { _form: ["errors.throttled", { minutes: 15 }] } });
    expect(await sessions(user.id)).toBe(1);
    // From another address too: the account's count holds whatever the address.
    expect((await codeStep(pending!, codeAt(secret, new Date()), "10.9.9.9")).status).toBe(429);

    const other = await person("staff");
    await setUp(other);
    const second = await password(other.email);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => codeStep(second.pending!, String(100000 + i), `10.1.0.${i}`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - MAX_FAILURES_PER_ACCOUNT);
  });

  it("an account without two-step signs in with the password alone", async () => {
    const user = await person("employer");
    const { res, pending } = await password(user.email);
    expect(pending).toBeNull();
    expect(cookieFrom(res.headers)).toBeTruthy();
  });
});

describe("the grace period for staff and admins", () => {
  it("reminds with the days left, then sends every page to the set-up page until it is on; employers and graduates are never sent", async () => {
    const staff = await person("staff", T0.toISOString());
    const graduate = await person("graduate", T0.toISOString());
    at(3 * DAY);
    expect((await call(staffHome.loader, get("/staff", { cookie: staff.cookie }))).status).toBe(200);
    expect((await call(root.loader, get("/staff", { cookie: staff.cookie }))).data).toMatchObject({ twoStepDaysLeft: 11 });
    expect((await call(root.loader, get("/me", { cookie: graduate.cookie }))).data).toMatchObject({ twoStepDaysLeft: null });

    at(14 * DAY);
    for (const path of ["/staff", "/account", "/"]) {
      const loader = path === "/staff" ? staffHome.loader : path === "/account" ? account.loader : root.loader;
      const res = await call(loader, get(path, { cookie: staff.cookie }));
      expect(res.status, path).toBe(302);
      expect(res.location, path).toBe("/account/two-step");
    }
    // Single-fetch data requests are sent too.
    expect((await call(staffHome.loader, get("/staff.data", { cookie: staff.cookie }))).location).toBe("/account/two-step");
    const setup = await call(setupPage.loader, get("/account/two-step", { cookie: staff.cookie }));
    expect(setup.status).toBe(200);
    expect(setup.data).toMatchObject({ mustSetUp: true, staffRole: true });
    expect((await call(root.loader, get("/account/two-step", { cookie: staff.cookie }))).status).toBe(200);
    expect((await call(logout.action, post("/logout", {}, { cookie: staff.cookie }))).location).toBe("/");
    expect((await call(account.loader, get("/account", { cookie: graduate.cookie }))).status).toBe(200);

    const again = { ...staff, cookie: await sessionCookieFor(staff.id) };
    await setUp(again);
    expect((await call(staffHome.loader, get("/staff", { cookie: again.cookie }))).status).toBe(200);
    expect((await call(root.loader, get("/staff", { cookie: again.cookie }))).data).toMatchObject({ twoStepDaysLeft: null });
  });

  it("the admin sets the grace period: a bad value is a 400 that keeps it and writes nothing; a good one moves the deadline, audited", async () => {
    const admin = await person("admin", "2026-11-30T00:00:00.000Z");
    const staff = await person("staff", "2026-11-01T00:00:00.000Z");
    // 14 days from 1 November: past.
    expect((await call(staffHome.loader, get("/staff", { cookie: staff.cookie }))).location).toBe("/account/two-step");
    expect((await call(adminSettings.loader, get("/admin/settings", { cookie: admin.cookie }))).data).toMatchObject({ twoStepGraceDays: 14 });

    for (const value of ["", "abc", "366", "-1", "3.5", "1e2"]) {
      const before = snapshot(c);
      const res = await call(graceRoute.action, post("/admin/settings/two-step", { grace_days: value }, { cookie: admin.cookie }));
      expect(res.status, value).toBe(400);
      expect(res.data, value).toMatchObject({ errors: { grace_days: "errors.graceDays" }, values: { grace_days: value } });
      expect(snapshot(c), value).toEqual(before);
    }
    const saved = await call(graceRoute.action, post("/admin/settings/two-step", { grace_days: "60" }, { cookie: admin.cookie }));
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/admin/settings#two-step");
    expect((await call(staffHome.loader, get("/staff", { cookie: staff.cookie }))).status).toBe(200);
    expect((await call(root.loader, get("/staff", { cookie: staff.cookie }))).data).toMatchObject({ twoStepDaysLeft: 30 });
    const [audit] = await audits("settings.two-step");
    expect(JSON.parse(audit!.after_json!)).toEqual({ graceDays: 60 });
    expect(JSON.parse(audit!.before_json!)).toEqual({ graceDays: 14 });
    // Staff may not change it.
    expect((await call(graceRoute.action, post("/admin/settings/two-step", { grace_days: "365" }, { cookie: staff.cookie }))).status).toBe(403);
  });
});

describe("an admin's reset", () => {
  it("the staff list says whose two-step is on, begun or not set up", async () => {
    const admin = await person("admin");
    const on = await person("staff");
    const begun = await person("staff");
    const none = await person("staff");
    await setUp(on);
    expect((await call(setupPage.action, post("/account/two-step", { intent: "start" }, { cookie: begun.cookie }))).status).toBe(302);
    const res = await call(staffList.loader, get("/admin/staff", { cookie: admin.cookie }));
    const people = (res.data as { people: { id: number; twoStep: string }[] }).people;
    const stateOf = (id: number) => people.find((p) => p.id === id)?.twoStep;
    expect([stateOf(on.id), stateOf(begun.id), stateOf(none.id)]).toEqual(["on", "pending", "off"]);
  });

  it("removes the secret, the codes and the sessions, audited; the person signs in with the password and sets it up again", async () => {
    const admin = await person("admin");
    const staff = await person("staff");
    await setUp(staff);
    expect(await sessions(staff.id)).toBe(1);
    const res = await call(resetRoute.action, post(`/admin/staff/${staff.id}/two-step`, {}, { cookie: admin.cookie }), { id: String(staff.id) });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/admin/staff");
    expect(await c.db.selectFrom("user_two_step").select("user_id").where("user_id", "=", staff.id).executeTakeFirst()).toBeUndefined();
    expect(await c.db.selectFrom("user_recovery_codes").select("id").where("user_id", "=", staff.id).execute()).toEqual([]);
    expect(await sessions(staff.id)).toBe(0);
    const [audit] = await audits("two-step.reset");
    expect(audit).toMatchObject({ actor_user_id: admin.id, entity: "user", entity_id: String(staff.id) });
    expect(JSON.parse(audit!.before_json!)).toEqual({ twoStep: true });

    const { res: signIn, pending } = await password(staff.email);
    expect(pending).toBeNull();
    expect(cookieFrom(signIn.headers)).toBeTruthy();
  });

  it("is for admins only, and only for staff and admin accounts (404 otherwise, writing nothing)", async () => {
    const admin = await person("admin");
    const staff = await person("staff");
    const graduate = await person("graduate");
    await setUp(graduate);
    const before = snapshot(c);
    expect((await call(resetRoute.action, post(`/admin/staff/${admin.id}/two-step`, {}, { cookie: staff.cookie }), { id: String(admin.id) })).status).toBe(403);
    for (const id of [String(graduate.id), "999999", "abc", "1.0"]) {
      expect((await call(resetRoute.action, post(`/admin/staff/${id}/two-step`, {}, { cookie: admin.cookie }), { id })).status, id).toBe(404);
    }
    expect(snapshot(c)).toEqual(before);
  });
});

describe("demo accounts", () => {
  it("skip the second step and the grace period while they are demo accounts, and their pages say so", async () => {
    const demo = await person("staff", "2026-01-01T00:00:00.000Z", "officer@demo.kg");
    await recordDemoMarks(c.db);
    // Made after the demo: an @demo.kg address alone is not a demo account.
    const later = await person("staff", "2026-01-01T00:00:00.000Z", "later@demo.kg");

    expect((await call(staffHome.loader, get("/staff", { cookie: demo.cookie }))).status).toBe(200);
    expect((await call(root.loader, get("/staff", { cookie: demo.cookie }))).data).toMatchObject({ twoStepDaysLeft: null });
    expect((await call(staffHome.loader, get("/staff", { cookie: later.cookie }))).location).toBe("/account/two-step");

    expect((await call(account.loader, get("/account", { cookie: demo.cookie }))).data).toMatchObject({ twoStep: { demo: true, on: false } });
    expect((await call(setupPage.loader, get("/account/two-step", { cookie: demo.cookie }))).data).toMatchObject({ demo: true });
    const start = await call(setupPage.action, post("/account/two-step", { intent: "start" }, { cookie: demo.cookie }));
    expect(start.status).toBe(409);

    // Even with a secret in place (set before it became a demo account, say), the password is enough.
    await c.db
      .insertInto("user_two_step")
      .values({ user_id: demo.id, secret: sealSecret("JBSWY3DPEHPK3PXP", demo.id), enabled_at: T0.toISOString() })
      .execute();
    const { res, pending } = await password(demo.email);
    expect(pending).toBeNull();
    expect(cookieFrom(res.headers)).toBeTruthy();
  });
});
