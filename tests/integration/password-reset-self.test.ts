// Self-service password reset by e-mail (docs/product.md §13, docs/decisions/054-self-service-password-reset.md):
// the request page answers alike and in the same time for any address; an account gets a 30-minute
// single-use link by e-mail (over a real SMTP server), in its language; the link is never stored
// readable nor shown in /admin/outbox; requests are throttled per address and per client, also when
// sent at once. The whole path over HTTP with the real build: password-reset-http.test.ts.
import { describe, expect, it } from "vitest";
import { sha256 } from "~/auth/tokens.server";
import { PASSWORD_RESET_KIND, REQUEST_ANSWER_FLOOR_MS, RESET_RESEND_MINUTES, SELF_RESET_MINUTES } from "~/domain/messages/password-reset";
import { serverT } from "~/i18n/catalog.server";
import { createPasswordReset, findUsableReset, redeemPasswordReset } from "~/models/password-resets.server";
import { verifyPassword } from "~/auth/password.server";
import { optOut } from "~/models/outbox.server";
import * as adminOutbox from "~/routes/admin.outbox";
import * as forgot from "~/routes/forgot-password";
import * as login from "~/routes/login";
import * as reset from "~/routes/reset.$token";
import { makeUser, PASSWORD, sessionCookieFor } from "../support/factories";
import { OUTBOX_PUBLIC_URL as PUBLIC_URL, useOutboxHarness } from "../support/outbox-harness";
import { call, get, post } from "../support/remix";

const NEW_PASSWORD = "a-new-long-password";

const h = useOutboxHarness({ smtp: true });

const ask = (email: string, client = "10.1.1.1") => call(forgot.action, post("/forgot-password", { email }), {}, client);

async function timedAsk(email: string) {
  const started = performance.now();
  const res = await ask(email);
  return { res, ms: performance.now() - started };
}

async function person(locale: "ky" | "ru" | "en" | null = "ru") {
  const user = await makeUser(h.c, "graduate", { name: "Айпери Жумабекова" });
  await h.c.db.updateTable("users").set({ locale }).where("id", "=", user.id).execute();
  return user;
}

const outboxRows = () => h.c.db.selectFrom("outbox").selectAll().orderBy("id").execute();
const selfResets = (userId: number) =>
  h.c.db.selectFrom("password_resets").selectAll().where("user_id", "=", userId).where("kind", "=", "self").orderBy("id").execute();
const audits = (action: string) => h.c.db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();

/** The token of the reset link in a received e-mail's text. */
function tokenIn(text: string | undefined): string {
  const m = /\/reset\/([A-Za-z0-9_-]{20,})/.exec(text ?? "");
  if (!m) throw new Error(`no reset link in:\n${text}`);
  return m[1]!;
}

describe("asking for a link", () => {
  it("answers the same page in the same time for an account, no account and a deactivated account; only the account gets a link and an e-mail", async () => {
    const user = await person();
    const gone = await person();
    await h.c.db.updateTable("users").set({ active: 0 }).where("id", "=", gone.id).execute();
    // A linked Telegram chat gets no copy: a reset goes by e-mail only.
    await h.c.db.insertInto("telegram_links").values({ user_id: user.id, chat_id: 4242 }).execute();

    const known = await timedAsk(user.email.toUpperCase());
    const unknown = await timedAsk("nobody-here@test.kg");
    const inactive = await timedAsk(gone.email);
    for (const { res, ms } of [known, unknown, inactive]) {
      expect(res.status).toBe(200);
      expect(Object.keys(res.data as object).sort()).toEqual(["email", "ok"]);
      expect(ms).toBeGreaterThanOrEqual(REQUEST_ANSWER_FLOOR_MS - 5);
    }
    expect(known.res.data).toEqual({ ok: true, email: user.email });
    expect(unknown.res.data).toEqual({ ok: true, email: "nobody-here@test.kg" });

    const [link] = await selfResets(user.id);
    expect(link).toBeDefined();
    expect(link!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(link!.used_at).toBeNull();
    const minutes = (Date.parse(link!.expires_at) - Date.parse(link!.created_at)) / 60_000;
    expect(minutes).toBeCloseTo(SELF_RESET_MINUTES, 3);
    expect(await selfResets(gone.id)).toEqual([]);

    const rows = await outboxRows();
    expect(rows.map((r) => [r.kind, r.channel, r.user_id, r.status, r.link])).toEqual([[PASSWORD_RESET_KIND, "email", user.id, "queued", null]]);
    // The row names the link's row, not a token: nothing in the outbox opens the reset page.
    expect(JSON.parse(rows[0]!.payload_json)).toEqual({ reset: link!.id });

    const requests = await audits("password-reset.request");
    expect(requests.map((a) => [a.entity_id, a.actor_user_id, a.after_json])).toEqual([
      [String(user.id), null, JSON.stringify({ sent: true })],
      [null, null, JSON.stringify({ sent: false })],
      [String(gone.id), null, JSON.stringify({ sent: false })],
    ]);
  });

  it("a malformed address is a 400 with the value kept, and writes nothing", async () => {
    const before = await h.c.db.selectFrom("audit_log").select("id").execute();
    const res = await ask("not an address");
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ ok: false, errors: { email: "errors.email" }, values: { email: "not an address" } });
    expect(await outboxRows()).toEqual([]);
    expect(await h.c.db.selectFrom("audit_log").select("id").execute()).toEqual(before);
  });

  it("a new request replaces an earlier unused e-mailed link, never a link staff handed over", async () => {
    const staff = await makeUser(h.c, "staff");
    const user = await person();
    const { token: staffToken } = await createPasswordReset(h.c.db, user.id, staff.id);
    await ask(user.email);
    // Its e-mail went out more than five minutes ago (sooner, a new request sends nothing: mail-limits.test.ts).
    const sentBefore = new Date(Date.now() - (RESET_RESEND_MINUTES + 1) * 60_000).toISOString();
    await h.c.db.updateTable("outbox").set({ status: "sent", sent_at: sentBefore }).execute();
    await ask(user.email);
    const links = await selfResets(user.id);
    expect(links).toHaveLength(2);
    expect(links[0]!.used_at).not.toBeNull();
    expect(links[1]!.used_at).toBeNull();
    expect(await findUsableReset(h.c.db, staffToken)).not.toBeNull();
    expect(await h.startWorker().runOnce()).toMatchObject({ sent: 1 });
    expect((await outboxRows()).map((r) => r.status)).toEqual(["sent", "sent"]);
  });

  it("is throttled per address asked about, also when the requests come at once: the same answer, no more e-mails, audited", async () => {
    const user = await person();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => ask(user.email, `10.2.0.${i}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    expect(new Set(answers.map((a) => JSON.stringify(a.data))).size).toBe(1);
    // Five requests pass the throttle; the first e-mail still waits, so the other four add none (decision 062).
    expect(await outboxRows()).toHaveLength(1);
    expect(await audits("password-reset.request")).toHaveLength(5);
    const refused = await audits("password-reset.throttled");
    expect(refused).toHaveLength(7);
    expect(refused.every((a) => a.entity_id === String(user.id))).toBe(true);
  });

  it("is throttled per client address, whatever the address asked about, also at once", async () => {
    const users = await Promise.all(Array.from({ length: 25 }, () => person()));
    const answers = await Promise.all(users.map((u) => ask(u.email, "10.3.0.1")));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await outboxRows()).toHaveLength(20);
    expect(await audits("password-reset.throttled")).toHaveLength(5);
    // Another client is not held back by this one.
    await ask((await person()).email, "10.3.0.2");
    expect(await outboxRows()).toHaveLength(21);
  });

  it("the texts say the link's real lifetime", () => {
    for (const lang of ["ky", "ru", "en"] as const) {
      const t = serverT(lang);
      for (const key of ["forgot.lead", "forgot.sent", "notify.password-reset"] as const) expect(t(key, { email: "x" })).toContain(String(SELF_RESET_MINUTES));
    }
  });
});

describe("the e-mail and the link", () => {
  it.each([
    ["ky", "Жаңы сырсөз коюңуз", "Саламатсызбы, Айпери Жумабекова!"],
    ["ru", "Задайте новый пароль", "Здравствуйте, Айпери Жумабекова!"],
    ["en", "Set a new password", "Hello, Айпери Жумабекова!"],
  ] as const)(
    "arrives over SMTP in the person's language (%s); its link sets the password once and signs out every session",
    async (lang, subject, greeting) => {
      const user = await person(lang);
      const otherSession = await sessionCookieFor(user.id);
      expect((await call(login.loader, get("/login", { cookie: otherSession }))).status).toBe(302); // signed in
      await ask(user.email);
      expect(await h.startWorker().runOnce()).toMatchObject({ claimed: 1, sent: 1 });
      const [mail] = await h.smtp.waitFor(1);
      expect(mail!.rcpt).toEqual([user.email]);
      expect(mail!.parsed.subject).toBe(subject);
      expect(mail!.parsed.text).toContain(greeting);
      expect(mail!.parsed.text).toContain(serverT(lang)("notify.password-reset"));
      const token = tokenIn(mail!.parsed.text);
      expect(mail!.parsed.text).toContain(`${PUBLIC_URL}/reset/${token}`);
      // It cannot be turned off, so it offers no unsubscribe link (header or footer).
      expect(mail!.raw).not.toMatch(/^List-Unsubscribe/im);
      expect(mail!.parsed.text).not.toContain(serverT(lang)("mail.unsubscribe"));
      expect(mail!.parsed.html).not.toContain("/unsubscribe/");
      // The page opens in the e-mail's language.
      expect(mail!.parsed.html).toContain(`href="${PUBLIC_URL}/reset/${token}?lng=${lang}"`);

      // Stored only as its hash; nowhere in the outbox or what /admin/outbox shows.
      const [link] = await selfResets(user.id);
      expect(link!.token_hash).toBe(sha256(token));
      const rows = await outboxRows();
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(rows[0]!.status).toBe("sent");
      const admin = await makeUser(h.c, "admin");
      const page = await call(adminOutbox.loader, get("/admin/outbox?status=sent", { cookie: await sessionCookieFor(admin.id) }));
      expect(page.status).toBe(200);
      expect(JSON.stringify(page.data)).toContain(PASSWORD_RESET_KIND);
      expect(JSON.stringify(page.data)).not.toContain(token);

      // The page opens, the new password is set, the old one no longer signs in.
      const opened = await call(reset.loader, get(`/reset/${token}`), { token });
      expect(opened).toMatchObject({ status: 200, data: { email: user.email } });
      const set = await call(reset.action, post(`/reset/${token}`, { password: NEW_PASSWORD, passwordRepeat: NEW_PASSWORD }), { token });
      expect(set).toMatchObject({ status: 302, location: "/login" });
      expect((await call(login.action, post("/login", { email: user.email, password: PASSWORD }))).status).toBe(401);
      expect((await call(login.action, post("/login", { email: user.email, password: NEW_PASSWORD }))).status).toBe(302);
      // The session from before the reset is gone (one rule with the staff link: setPassword ends them all).
      expect((await call(login.loader, get("/login", { cookie: otherSession }))).status).toBe(200);
      expect(await audits("password-reset.use")).toHaveLength(1);

      // A second time: refused.
      expect((await call(reset.loader, get(`/reset/${token}`), { token })).status).toBe(404);
      const again = await call(reset.action, post(`/reset/${token}`, { password: "yet-another-password", passwordRepeat: "yet-another-password" }), { token });
      expect(again.status).toBe(400);
      expect((await call(login.action, post("/login", { email: user.email, password: "yet-another-password" }))).status).toBe(401);
    },
  );

  it("using one link ends every other unused link of the account, staff-issued ones too", async () => {
    const staff = await makeUser(h.c, "staff");
    const user = await person();
    const { token: staffToken } = await createPasswordReset(h.c.db, user.id, staff.id);
    await ask(user.email);
    await h.startWorker().runOnce();
    const [mail] = await h.smtp.waitFor(1);
    const token = tokenIn(mail!.parsed.text);
    expect((await call(reset.action, post(`/reset/${token}`, { password: NEW_PASSWORD, passwordRepeat: NEW_PASSWORD }), { token })).status).toBe(302);
    expect(await findUsableReset(h.c.db, staffToken)).toBeNull();
  });

  it("is not sent once its 30 minutes have passed, and a sent link is refused after them", async () => {
    const user = await person();
    await ask(user.email);
    h.clock = new Date(Date.now() + (SELF_RESET_MINUTES + 1) * 60_000);
    expect(await h.startWorker().runOnce()).toMatchObject({ sent: 0, notSent: 1 });
    expect((await outboxRows()).map((r) => [r.status, r.last_error])).toEqual([["not_sent", "link-expired"]]);
    expect(h.smtp.rcptAttempts).toEqual([]);

    h.clock = new Date(Date.now() + 2_000);
    await ask(user.email);
    await h.worker.runOnce();
    const [mail] = await h.smtp.waitFor(1);
    const token = tokenIn(mail!.parsed.text);
    expect((await call(reset.loader, get(`/reset/${token}`), { token })).status).toBe(200);
    // Thirty minutes later (the row's time moved back, as the clock cannot be).
    await h.c.db
      .updateTable("password_resets")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("token_hash", "=", sha256(token))
      .execute();
    expect((await call(reset.loader, get(`/reset/${token}`), { token })).status).toBe(404);
    const late = await call(reset.action, post(`/reset/${token}`, { password: NEW_PASSWORD, passwordRepeat: NEW_PASSWORD }), { token });
    expect(late.status).toBe(400);
  });

  it("cannot be turned off: it is sent to someone who unsubscribed from its kind", async () => {
    const user = await person();
    await optOut(h.c.db, user.id, PASSWORD_RESET_KIND, "email");
    await ask(user.email);
    expect(await h.startWorker().runOnce()).toMatchObject({ sent: 1 });
  });

  it("without SMTP: the same answer, and the row is kept as not sent: no channel configured, with no link made", async () => {
    const user = await person();
    const res = await ask(user.email);
    expect(res).toMatchObject({ status: 200, data: { ok: true, email: user.email } });
    const [before] = await selfResets(user.id);
    expect(await h.startWorker({ email: false }).runOnce()).toMatchObject({ notSent: 1 });
    expect((await outboxRows()).map((r) => [r.status, r.last_error])).toEqual([["not_sent", "no-channel"]]);
    const [after] = await selfResets(user.id);
    expect(after!.token_hash).toBe(before!.token_hash);
  });
});

describe("using a link", () => {
  it("a link made before the account was deactivated opens nothing and sets nothing", async () => {
    const staff = await makeUser(h.c, "staff");
    const user = await person();
    const { token } = await createPasswordReset(h.c.db, user.id, staff.id);
    const hashBefore = (await h.c.db.selectFrom("users").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow()).password_hash;
    await h.c.db.updateTable("users").set({ active: 0 }).where("id", "=", user.id).execute();
    expect(await findUsableReset(h.c.db, token)).toBeNull();
    expect(await redeemPasswordReset(h.c.db, token, "a-new-password-2026")).toBe(false);
    expect((await h.c.db.selectFrom("users").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow()).password_hash).toBe(hashBefore);
  });

  it("the link is spent and the password set together: the new password signs in, the link is used", async () => {
    const staff = await makeUser(h.c, "staff");
    const user = await person();
    const { token } = await createPasswordReset(h.c.db, user.id, staff.id);
    expect(await redeemPasswordReset(h.c.db, token, "a-new-password-2026")).toBe(true);
    expect(await findUsableReset(h.c.db, token)).toBeNull();
    const { password_hash } = await h.c.db.selectFrom("users").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(await verifyPassword("a-new-password-2026", password_hash)).toBe(true);
  });
});
