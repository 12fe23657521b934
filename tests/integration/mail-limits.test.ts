// Mail-bomb limits (issue 17 leftovers, docs/decisions/062-mail-limits-digests-and-batches.md): the
// portal must not be a tool for filling someone's mailbox. A reset asked for again while the last
// one is still waiting to be sent, or was sent under five minutes ago, sends no new e-mail (the same
// answer); the "someone tried to sign up with your address" notice goes at most once per address
// per Bishkek day. Counted over a real SMTP server. The request path of /forgot-password runs the
// same statements whether or not the address has an account (counted, not timed).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { RESET_RESEND_MINUTES } from "~/domain/messages/password-reset";
import * as forgot from "~/routes/forgot-password";
import * as signup from "~/routes/signup";
import { type OutboxWorker, outboxWorker, smtpTransport } from "~/server/outbox-worker";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeUser } from "../support/factories";
import { call, post } from "../support/remix";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

let c: Connection;
let smtp: TestSmtp;
let worker: OutboxWorker | undefined;

beforeEach(async () => {
  c = await createTestDatabase();
  smtp = await startTestSmtp();
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await smtp.close();
  closeTestDatabases();
});

function deliver() {
  worker ??= outboxWorker(c.db, {
    email: smtpTransport({ url: smtp.url, from: "Careers <careers@portal.test>" }, { connectionMs: 3000, socketMs: 3000 }),
    publicUrl: "http://portal.test",
    secret: "s".repeat(40),
    // A little ahead of the wall clock: rows written during the test are due at once.
    now: () => new Date(Date.now() + 2_000),
    log: () => undefined,
  });
  return worker.runOnce();
}

/** Gives the SMTP server a moment to receive anything more, then says how many messages arrived. */
async function arrived(): Promise<number> {
  await new Promise((r) => setTimeout(r, 150));
  return smtp.received.length;
}

const ask = (email: string, client: string) => call(forgot.action, post("/forgot-password", { email }), {}, client);

describe("password reset e-mails are coalesced", () => {
  it("a second and third request while the first e-mail waits, or within five minutes of its sending, send nothing more; later one more goes", async () => {
    const user = await makeUser(c, "graduate");
    // From different clients, under the per-address limit: only the coalescing holds them back.
    expect((await ask(user.email, "10.9.0.1")).status).toBe(200);
    expect((await ask(user.email, "10.9.0.2")).data).toEqual({ ok: true, email: user.email });
    await deliver();
    await smtp.waitFor(1);
    expect(await arrived()).toBe(1);

    // Just sent: the same answer, no new e-mail, no new link.
    expect((await ask(user.email, "10.9.0.3")).data).toEqual({ ok: true, email: user.email });
    await deliver();
    expect(await arrived()).toBe(1);
    const links = await c.db.selectFrom("password_resets").select(["id", "used_at"]).where("user_id", "=", user.id).execute();
    expect(links).toHaveLength(1);
    expect(links[0]!.used_at).toBeNull();

    // Sent more than five minutes ago (the row's time moved back, as the clock cannot be): a new e-mail.
    const before = new Date(Date.now() - (RESET_RESEND_MINUTES + 1) * 60_000).toISOString();
    await c.db.updateTable("outbox").set({ sent_at: before }).where("user_id", "=", user.id).execute();
    await ask(user.email, "10.9.0.4");
    await deliver();
    await smtp.waitFor(2);
    expect(await arrived()).toBe(2);

    const requests = await c.db.selectFrom("audit_log").select("after_json").where("action", "=", "password-reset.request").orderBy("id").execute();
    expect(requests.map((r) => JSON.parse(r.after_json!))).toEqual([
      { sent: true },
      { sent: false, coalesced: true },
      { sent: false, coalesced: true },
      { sent: true },
    ]);
  });

  it("an expired or used link does not hold back a new request", async () => {
    const user = await makeUser(c, "graduate");
    await ask(user.email, "10.9.1.1");
    await c.db
      .updateTable("password_resets")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("user_id", "=", user.id)
      .execute();
    await ask(user.email, "10.9.1.2");
    expect(await c.db.selectFrom("outbox").select("id").where("user_id", "=", user.id).execute()).toHaveLength(2);
  });
});

describe("the request path does the same database work for any address", () => {
  /** Every SQL statement prepared on the connection while `fn` runs (kysely prepares each one it runs). */
  /** The SQL of every statement run meanwhile, in order (kysely's statements are prepared once, db/connection.ts: watched as they run). */
  async function statementsOf(fn: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    type Run = (this: { source: string }, ...args: unknown[]) => unknown;
    const statement = Object.getPrototypeOf(c.sqlite.prepare("select 1")) as Record<string, Run>;
    const methods = ["run", "get", "all", "iterate"] as const;
    const originals = methods.map((name) => [name, statement[name]!] as const);
    for (const [name, original] of originals)
      statement[name] = function (this: { source: string }, ...args: unknown[]) {
        seen.push(this.source);
        return original.apply(this, args);
      };
    try {
      await fn();
    } finally {
      for (const [name, original] of originals) statement[name] = original;
    }
    return seen;
  }

  it("an account, no account, a deactivated account and a coalesced request run the same statements in the same order", async () => {
    const user = await makeUser(c, "graduate");
    const gone = await makeUser(c, "graduate");
    await c.db.updateTable("users").set({ active: 0 }).where("id", "=", gone.id).execute();
    const known = await statementsOf(() => ask(user.email, "10.9.2.1"));
    const unknown = await statementsOf(() => ask("nobody-here@test.kg", "10.9.2.2"));
    const inactive = await statementsOf(() => ask(gone.email, "10.9.2.3"));
    const coalesced = await statementsOf(() => ask(user.email, "10.9.2.4"));
    expect(known.length).toBeGreaterThan(3);
    expect(unknown).toEqual(known);
    expect(inactive).toEqual(known);
    expect(coalesced).toEqual(known);
    // And the account's request did make its link and e-mail (the same statements are not "no work").
    expect(await c.db.selectFrom("outbox").select("kind").where("user_id", "=", user.id).execute()).toEqual([{ kind: "password-reset" }]);
  });
});

describe("the sign-up-with-your-address notice", () => {
  const fields = (email: string) => ({
    name: "Тимур Исаков",
    company: "Ала-Тоо Софт",
    email,
    password: "long-enough-pass",
    passwordRepeat: "long-enough-pass",
  });

  it("is e-mailed at most once per address per Bishkek day, however often someone signs up with it", async () => {
    const owner = await makeUser(c, "employer", { email: "timur@alatoo.kg" });
    const other = await makeUser(c, "employer", { email: "aibek@alatoo.kg" });
    for (let i = 0; i < 4; i++) {
      const res = await call(signup.action, post("/signup", fields("timur@alatoo.kg")), {}, `10.8.0.${i}`);
      expect(res).toMatchObject({ status: 302, location: "/login" });
    }
    await call(signup.action, post("/signup", fields("aibek@alatoo.kg")), {}, "10.8.1.1");
    await deliver();
    await smtp.waitFor(2);
    expect(await arrived()).toBe(2);
    expect(smtp.received.map((m) => m.rcpt[0]).sort()).toEqual([other.email, owner.email].sort());
    // The portal's notice too: once.
    const notices = await c.db.selectFrom("notifications").select("kind").where("user_id", "=", owner.id).execute();
    expect(notices).toEqual([{ kind: "sign-up-existing" }]);

    // The next Bishkek day (yesterday's notice moved back a day): one more.
    const yesterday = (iso: string) => new Date(Date.parse(iso) - 86_400_000).toISOString();
    for (const n of await c.db.selectFrom("notifications").select(["id", "created_at"]).where("user_id", "=", owner.id).execute())
      await c.db
        .updateTable("notifications")
        .set({ created_at: yesterday(n.created_at) })
        .where("id", "=", n.id)
        .execute();
    await call(signup.action, post("/signup", fields("timur@alatoo.kg")), {}, "10.8.2.1");
    await deliver();
    await smtp.waitFor(3);
    expect(await arrived()).toBe(3);
  });
});
