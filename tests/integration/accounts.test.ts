import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import * as account from "~/routes/account";
import * as join from "~/routes/join";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as signup from "~/routes/signup";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "~/auth/throttle.server";
import { sha256 } from "~/auth/tokens.server";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeInvitation, makeUser, PASSWORD, sessionCookieFor } from "../support/factories";
import { call, cookieFrom, get, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

const sessionCount = async (userId: number) =>
  Number(
    (
      await c.db
        .selectFrom("sessions")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("user_id", "=", userId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("employer sign-up", () => {
  const fields = { name: "Тимур Исаков", company: "Ала-Тоо Софт", email: "Timur@AlaToo.kg", password: "long-enough-pass", passwordRepeat: "long-enough-pass" };

  it("creates the account and a pending company, and sends the person to sign in (no session: the answer must not differ for a taken address)", async () => {
    const res = await call(signup.action, post("/signup", fields));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login");
    const user = await c.db.selectFrom("users").selectAll().where("email", "=", "timur@alatoo.kg").executeTakeFirstOrThrow();
    expect(user.role).toBe("employer");
    expect(user.password_hash).toMatch(/^scrypt\$/);
    const company = await c.db
      .selectFrom("companies")
      .innerJoin("company_members", "company_members.company_id", "companies.id")
      .selectAll("companies")
      .where("company_members.user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(company).toMatchObject({ name: "Ала-Тоо Софт", status: "pending", slug: "ala-too-soft" });
    expect(await sessionCount(user.id)).toBe(0);
    expect(res.headers.getSetCookie().some((l) => l.startsWith("__session="))).toBe(false);
    expect(res.headers.getSetCookie().some((l) => l.startsWith("flash=flash.signUpDone"))).toBe(true);
  });

  it("answers bad input with 400, field messages, the typed values (no passwords), and writes nothing", async () => {
    const before = snapshot(c);
    const res = await call(signup.action, post("/signup", { ...fields, email: "not-an-email", passwordRepeat: "different-pass-1" }));
    expect(res.status).toBe(400);
    const body = res.data as { errors: Record<string, unknown>; values: Record<string, string> };
    expect(body.errors.email).toBe("errors.email");
    expect(body.errors.passwordRepeat).toBe("errors.passwordMismatch");
    expect(body.values.company).toBe("Ала-Тоо Софт");
    expect(body.values.password).toBeUndefined();
    expect(snapshot(c)).toEqual(before);
  });

  it("answers a taken email exactly like a new one, creates nothing, and tells the address's owner in the portal", async () => {
    const owner = await makeUser(c, "graduate", { email: "timur@alatoo.kg" });
    const fresh = await call(signup.action, post("/signup", { ...fields, email: "someone-new@alatoo.kg" }));
    const usersBefore = (await c.db.selectFrom("users").select("id").execute()).length;
    const res = await call(signup.action, post("/signup", fields));
    expect({ status: res.status, location: res.location, cookies: res.headers.getSetCookie() }).toEqual({
      status: fresh.status,
      location: fresh.location,
      cookies: fresh.headers.getSetCookie(),
    });
    expect((await c.db.selectFrom("users").select("id").execute()).length).toBe(usersBefore);
    const notices = await c.db.selectFrom("notifications").select(["kind", "user_id"]).where("user_id", "=", owner.id).execute();
    expect(notices).toEqual([{ kind: "sign-up-existing", user_id: owner.id }]);
  });
});

describe("sign-in, sessions and sign-out", () => {
  it("signs in, lands on the role's home, and rotates the session identifier", async () => {
    const staff = await makeUser(c, "staff");
    const oldCookie = await sessionCookieFor(staff.id);
    const res = await call(login.action, post("/login", { email: staff.email.toUpperCase(), password: PASSWORD }, { cookie: oldCookie }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/staff");
    const newCookie = cookieFrom(res.headers)!;
    expect(newCookie).not.toBe(oldCookie);
    expect(await sessionCount(staff.id)).toBe(1); // the session the request carried was ended
    const page = await call(account.loader, get("/account", { cookie: newCookie }));
    expect(page.status).toBe(200);
    const stale = await call(account.loader, get("/account", { cookie: oldCookie }));
    expect(stale.status).toBe(302);
  });

  it("follows a same-site redirectTo, never an outside one", async () => {
    const u = await makeUser(c, "employer");
    const ok = await call(login.action, post("/login", { email: u.email, password: PASSWORD, redirectTo: "/account?x=1" }));
    expect(ok.location).toBe("/account?x=1");
    const evil = await call(login.action, post("/login", { email: u.email, password: PASSWORD, redirectTo: "//evil.example/" }));
    expect(evil.location).toBe("/employer");
  });

  it("refuses a wrong password with 401 and the email kept", async () => {
    const u = await makeUser(c, "graduate");
    const res = await call(login.action, post("/login", { email: u.email, password: "wrong-password" }));
    expect(res.status).toBe(401);
    expect(res.data).toMatchObject({ errors: { _form: "errors.badCredentials" }, values: { email: u.email } });
  });

  it(`throttles an account after ${MAX_FAILURES_PER_ACCOUNT} failures, even from other addresses and with the right password`, async () => {
    const u = await makeUser(c, "graduate");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const res = await call(login.action, post("/login", { email: u.email, password: "wrong-password" }), {}, `10.0.0.${i}`);
      expect(res.status).toBe(401);
    }
    const blocked = await call(login.action, post("/login", { email: u.email, password: PASSWORD }), {}, "10.0.0.99");
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect((blocked.data as { errors: { _form: unknown } }).errors._form).toEqual(["errors.throttled", { minutes: 15 }]);
    expect(await sessionCount(u.id)).toBe(0);
  });

  it(`throttles an address after ${MAX_FAILURES_PER_ADDRESS} failures across accounts`, async () => {
    const victim = await makeUser(c, "employer");
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await call(login.action, post("/login", { email: `nobody${i}@test.kg`, password: "wrong-password" }), {}, "192.0.2.7");
    }
    const blocked = await call(login.action, post("/login", { email: victim.email, password: PASSWORD }), {}, "192.0.2.7");
    expect(blocked.status).toBe(429);
    const elsewhere = await call(login.action, post("/login", { email: victim.email, password: PASSWORD }), {}, "192.0.2.8");
    expect(elsewhere.status).toBe(302);
  });

  it("a successful sign-in clears the account's failures", async () => {
    const u = await makeUser(c, "graduate");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await call(login.action, post("/login", { email: u.email, password: "nope-nope-nope" }));
    expect((await call(login.action, post("/login", { email: u.email, password: PASSWORD }))).status).toBe(302);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await call(login.action, post("/login", { email: u.email, password: "nope-nope-nope" }));
    expect((await call(login.action, post("/login", { email: u.email, password: PASSWORD }))).status).toBe(302);
  });

  it("sign-out ends the session on the server and clears the cookie", async () => {
    const u = await makeUser(c, "graduate");
    const cookie = await sessionCookieFor(u.id);
    const res = await call(logout.action, post("/logout", {}, { cookie }));
    expect(res.status).toBe(302);
    expect(res.headers.getSetCookie().some((l) => l.startsWith("__session=;") && /Max-Age=0/i.test(l))).toBe(true);
    expect(await sessionCount(u.id)).toBe(0);
    expect((await call(account.loader, get("/account", { cookie }))).status).toBe(302);
  });

  it("stores only a hash of the session token", async () => {
    const u = await makeUser(c, "graduate");
    await sessionCookieFor(u.id);
    const row = await c.db.selectFrom("sessions").select("id").where("user_id", "=", u.id).executeTakeFirstOrThrow();
    expect(row.id).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("password change", () => {
  it("refuses a wrong current password", async () => {
    const u = await makeUser(c, "employer");
    const cookie = await sessionCookieFor(u.id);
    const res = await call(
      account.action,
      post("/account", { currentPassword: "not-it-at-all", password: "brand-new-pass", passwordRepeat: "brand-new-pass" }, { cookie }),
    );
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ errors: { currentPassword: "errors.currentPasswordWrong" } });
  });

  it("ends every other session and keeps this device signed in with a fresh one", async () => {
    const u = await makeUser(c, "employer");
    const phone = await sessionCookieFor(u.id);
    const laptop = await sessionCookieFor(u.id);
    const res = await call(
      account.action,
      post("/account", { currentPassword: PASSWORD, password: "brand-new-pass", passwordRepeat: "brand-new-pass" }, { cookie: laptop }),
    );
    expect(res.status).toBe(302);
    const fresh = cookieFrom(res.headers)!;
    expect((await call(account.loader, get("/account", { cookie: phone }))).status).toBe(302);
    expect((await call(account.loader, get("/account", { cookie: laptop }))).status).toBe(302);
    expect((await call(account.loader, get("/account", { cookie: fresh }))).status).toBe(200);
    expect((await call(login.action, post("/login", { email: u.email, password: "brand-new-pass" }))).status).toBe(302);
  });
});

describe("graduates join with an invitation code", () => {
  const fields = (code: string, email = "aigerim@mail.kg") => ({ code, email, password: "my-own-password", passwordRepeat: "my-own-password" });

  it("shows who the code belongs to, then binds the new account to that graduate record", async () => {
    const staff = await makeUser(c, "staff");
    const { code, graduateId } = await makeInvitation(c, staff.id);
    const preview = await call(join.loader, get(`/join?code=${code.toLowerCase()}&lng=en`));
    expect(preview.data).toMatchObject({ problem: null, welcome: { name: "Айгерим", date: "30 June 2026" } });

    const res = await call(join.action, post("/join", fields(code)));
    expect(res.status).toBe(302);
    const graduate = await c.db
      .selectFrom("graduates")
      .innerJoin("users", "users.id", "graduates.user_id")
      .select(["users.role", "users.email", "users.display_name"])
      .where("graduates.id", "=", graduateId)
      .executeTakeFirstOrThrow();
    expect(graduate).toEqual({ role: "graduate", email: "aigerim@mail.kg", display_name: "Айгерим Осмонова" });
    const invitation = await c.db.selectFrom("invitations").select("used_at").where("code", "=", code).executeTakeFirstOrThrow();
    expect(invitation.used_at).not.toBeNull();
  });

  it("refuses a used, an expired and an unknown code, writing nothing but the counted failure (the throttle)", async () => {
    // A wrong code is counted against the address (issue 13, item 14); nothing else is written.
    const withoutThrottle = () => {
      const { sign_in_failures: _counted, ...rest } = snapshot(c);
      return rest;
    };
    const staff = await makeUser(c, "staff");
    const first = await makeInvitation(c, staff.id);
    expect((await call(join.action, post("/join", fields(first.code)))).status).toBe(302);
    const before = snapshot(c);
    const again = await call(join.action, post("/join", fields(first.code, "other@mail.kg")));
    expect(again.status).toBe(400);
    expect(again.data).toMatchObject({ errors: { code: "errors.inviteUsed" } });

    const second = await makeInvitation(c, staff.id, { firstName: "Бакыт", lastName: "Сыдыков" });
    await c.db.updateTable("invitations").set({ expires_at: "2020-01-01T00:00:00.000Z" }).where("code", "=", second.code).execute();
    const beforeExpired = withoutThrottle();
    const failuresBefore = (snapshot(c).sign_in_failures as unknown[]).length;
    const expired = await call(join.action, post("/join", fields(second.code, "bakyt@mail.kg")));
    expect(expired.data).toMatchObject({ errors: { code: "errors.inviteExpired" } });
    expect(withoutThrottle()).toEqual(beforeExpired);
    expect((snapshot(c).sign_in_failures as unknown[]).length).toBe(failuresBefore + 1);

    const unknown = await call(join.action, post("/join", fields("KG-ZZZZ-ZZZZ", "x@mail.kg")));
    expect(unknown.data).toMatchObject({ errors: { code: "errors.inviteUnknown" } });
    expect(before.users).toHaveLength((snapshot(c).users as unknown[]).length);
  });

  it("does not use up the code when the email is already taken", async () => {
    const staff = await makeUser(c, "staff");
    const { code } = await makeInvitation(c, staff.id);
    await makeUser(c, "employer", { email: "aigerim@mail.kg" });
    const before = snapshot(c);
    const res = await call(join.action, post("/join", fields(code)));
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ errors: { email: "errors.emailTaken" }, values: { code, email: "aigerim@mail.kg" } });
    expect(snapshot(c)).toEqual(before);
  });

  it("is only for signed-out people", async () => {
    const u = await makeUser(c, "graduate");
    const res = await call(join.loader, get("/join", { cookie: await sessionCookieFor(u.id) }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/me/profile"); // the graduate's landing page (homeFor)
  });
});

describe("session tokens", () => {
  it("a tampered cookie is not a session", async () => {
    const u = await makeUser(c, "admin");
    const cookie = await sessionCookieFor(u.id);
    const tampered = cookie.slice(0, -3) + (cookie.endsWith("abc") ? "xyz" : "abc");
    expect((await call(account.loader, get("/account", { cookie: tampered }))).status).toBe(302);
    expect(sha256("x")).toHaveLength(64);
  });
});

// Issue 14 loose end: a signed-in person who opens /login, /signup or /join is sent to their own
// landing page, the one signing in sends them to (homeFor), not to the password form.
describe("pages for signed-out people, opened while signed in", () => {
  it("send each role to its own landing page", async () => {
    const landing = { employer: "/employer", graduate: "/me/profile", staff: "/staff", admin: "/admin" } as const;
    for (const role of ["employer", "graduate", "staff", "admin"] as const) {
      const user = await makeUser(c, role, { email: `${role}@landing.kg` });
      const cookie = await sessionCookieFor(user.id);
      for (const [path, route] of [
        ["/login", login],
        ["/signup", signup],
        ["/join", join],
      ] as const) {
        const res = await call(route.loader, get(path, { cookie }));
        expect({ role, path, status: res.status, location: res.location }).toEqual({ role, path, status: 302, location: landing[role] });
      }
    }
  });
});
