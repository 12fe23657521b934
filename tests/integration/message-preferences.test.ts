// Message preferences (docs/product.md §13, docs/decisions/053-message-preferences-and-digests.md):
// the account page's "Messages" card and the one-click unsubscribe change the same setting, both
// ways; the worker follows it (a topic turned off, at once versus digest) over real SMTP; a post
// with a value the page did not offer is a 400 that keeps the ticks and saves nothing; each role
// sees its own topics; migration 0022 keeps earlier unsubscribes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@db/connection";
import { migrations } from "@db/migrations/index";
import { unsubscribeToken } from "~/auth/unsubscribe-token.server";
import { deliveryModeOf, preferencesOf } from "~/models/message-preferences.server";
import { queueMessage } from "~/models/outbox.server";
import * as account from "~/routes/account";
import * as unsubscribe from "~/routes/unsubscribe.$token";
import { makeGraduate, sessionCookieFor, signedIn } from "../support/factories";
import { aheadOfNow, useOutboxHarness } from "../support/outbox-harness";
import { call, get, post } from "../support/remix";

const h = useOutboxHarness();

type Card = { topics: { topic: string; digest: string; email: boolean; telegram: boolean; mode: string }[]; telegramShown: boolean; digestHour: number };

async function card(cookie: string): Promise<Card> {
  const o = await call(account.loader, get("/account", { cookie }));
  expect(o.status).toBe(200);
  return (o.data as { messages: Card }).messages;
}

const topic = (m: Card, name: string) => m.topics.find((t) => t.topic === name);

async function graduate() {
  const g = await makeGraduate(h.c, { account: true });
  return { userId: g.userId!, cookie: await sessionCookieFor(g.userId!) };
}

async function unsubscribeState(userId: number, kind: string) {
  const token = unsubscribeToken({ userId, kind, channel: "email" });
  return (await call(unsubscribe.loader, get(`/unsubscribe/${token}`), { token })).data as { state: string };
}

describe("the page and the one-click unsubscribe are one setting", () => {
  it("an unsubscribe from an invitation e-mail unticks 'My applications' by e-mail on the page; ticking it again is seen by the link", async () => {
    const g = await graduate();
    expect(topic(await card(g.cookie), "applications")).toMatchObject({ email: true, telegram: true, mode: "instant" });
    const token = unsubscribeToken({ userId: g.userId, kind: "application-invited", channel: "email" });
    const done = await call(unsubscribe.action, post(`/unsubscribe/${token}`, { "List-Unsubscribe": "One-Click" }), { token });
    expect(done.data).toMatchObject({ state: "off" });
    // The whole topic: the status-change e-mails too, on e-mail only.
    expect(topic(await card(g.cookie), "applications")).toMatchObject({ email: false, telegram: true });
    expect(await unsubscribeState(g.userId, "application-status")).toMatchObject({ state: "off" });

    const saved = await call(
      account.action,
      post(
        "/account",
        [
          ["intent", "preferences"],
          ["email", "applications"],
          ["email", "surveys"],
        ],
        { cookie: g.cookie },
      ),
    );
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/account#messages");
    expect(topic(await card(g.cookie), "applications")).toMatchObject({ email: true });
    expect(await unsubscribeState(g.userId, "application-invited")).toMatchObject({ state: "on" });

    // And off from the page: the link says it is off already.
    await call(
      account.action,
      post(
        "/account",
        [
          ["intent", "preferences"],
          ["email", "surveys"],
        ],
        { cookie: g.cookie },
      ),
    );
    expect(await unsubscribeState(g.userId, "application-status")).toMatchObject({ state: "off" });
  });

  it("a message that cannot be turned off answers so, and its link changes nothing", async () => {
    const g = await graduate();
    const token = unsubscribeToken({ userId: g.userId, kind: "password-reset", channel: "email" });
    const done = await call(unsubscribe.action, post(`/unsubscribe/${token}`, { "List-Unsubscribe": "One-Click" }), { token });
    expect(done).toMatchObject({ status: 200, data: { state: "required" } });
    expect(await h.c.db.selectFrom("message_preferences").selectAll().execute()).toEqual([]);
  });
});

describe("what the worker sends follows the setting", () => {
  it("a topic turned off is not sent; a message already queued at once is sent even to a digest reader (the mode was decided when it was queued, decision 062), and so is the digest", async () => {
    await h.startSmtp();
    const g = await graduate();
    await call(
      account.action,
      post(
        "/account",
        [
          ["intent", "preferences"],
          ["email", "saved-searches"],
          ["digest", "saved-searches"],
        ],
        { cookie: g.cookie },
      ),
    );
    const vars = { vacancy: "x", company: "y", status: "screening" };
    await queueMessage(h.c.db, { userId: g.userId, kind: "application-status", eventKey: 1, vars, link: null });
    await queueMessage(h.c.db, { userId: g.userId, kind: "saved-search-hits", eventKey: 2, vars: { n: 1, name: "React" }, link: null });
    await queueMessage(h.c.db, { userId: g.userId, kind: "saved-search-digest", eventKey: "2026-03-10", vars: { n: 1, items: "[]", more: 0 }, link: null });
    expect(await h.deliverOnce({ now: aheadOfNow })).toMatchObject({ claimed: 3, sent: 2, notSent: 1 });
    const rows = await h.c.db.selectFrom("outbox").select(["kind", "status", "last_error"]).orderBy("id").execute();
    expect(rows).toEqual([
      { kind: "application-status", status: "not_sent", last_error: "unsubscribed" },
      { kind: "saved-search-hits", status: "sent", last_error: null },
      { kind: "saved-search-digest", status: "sent", last_error: null },
    ]);
    expect((await h.smtp.waitFor(2)).map((m) => m.messageId).sort()).toEqual([
      expect.stringContaining("saved-search-digest.2026-03-10"),
      expect.stringContaining("saved-search-hits.2"),
    ]);
  });

  it("deliveryModeOf tells the at-once senders who reads a topic as a digest", async () => {
    const g = await graduate();
    const employer = await signedIn(h.c, "employer", "verified");
    // The defaults (decision 053): saved-search hits as a digest, new applications at once.
    expect(await deliveryModeOf(h.c.db, g.userId, "saved-search-hits")).toBe("digest");
    expect(await deliveryModeOf(h.c.db, employer.id, "application-received")).toBe("instant");
    await call(
      account.action,
      post(
        "/account",
        [
          ["intent", "preferences"],
          ["email", "saved-searches"],
        ],
        { cookie: g.cookie },
      ),
    );
    await call(
      account.action,
      post(
        "/account",
        [
          ["intent", "preferences"],
          ["digest", "new-applications"],
        ],
        { cookie: employer.cookie },
      ),
    );
    expect(await deliveryModeOf(h.c.db, g.userId, "saved-search-hits")).toBe("instant");
    expect(await deliveryModeOf(h.c.db, employer.id, "application-received")).toBe("digest");
    expect(await deliveryModeOf(h.c.db, g.userId, "application-status")).toBe("instant");
  });
});

describe("the form", () => {
  it("a value the page did not offer is a 400 that keeps the ticks and saves nothing", async () => {
    const g = await graduate();
    for (const bad of [
      [["email", "staff-digest"]], // another role's topic
      [["digest", "applications"]], // a topic that is never a digest
      [["telegram", "applications"]], // no Telegram boxes were shown (no bot, no chat)
      [["email", "<script>"]],
    ] as [string, string][][]) {
      const o = await call(account.action, post("/account", [["intent", "preferences"], ["email", "interviews"], ...bad], { cookie: g.cookie }));
      expect(o.status).toBe(400);
      expect((o.data as { prefsPosted: { email: string[] } }).prefsPosted.email).toContain("interviews");
      expect((o.data as { prefsError: string }).prefsError).toBe("errors.preferenceChoice");
    }
    expect(await h.c.db.selectFrom("message_preferences").selectAll().execute()).toEqual([]);
  });

  it("each role sees its own topics; staff and admins the daily digest only; Telegram boxes only with a linked chat", async () => {
    const g = await graduate();
    const employer = await signedIn(h.c, "employer", "verified");
    const staff = await signedIn(h.c, "staff");
    const admin = await signedIn(h.c, "admin");
    const names = async (cookie: string) => (await card(cookie)).topics.map((t) => t.topic);
    expect(await names(g.cookie)).toEqual(["applications", "interviews", "saved-searches", "surveys", "conversations"]);
    expect(await names(employer.cookie)).toEqual(["interviews", "new-applications", "reviews", "conversations"]);
    expect(await names(staff.cookie)).toEqual(["staff-digest"]);
    expect(await names(admin.cookie)).toEqual(["staff-digest"]);
    expect((await card(g.cookie)).telegramShown).toBe(false);
    expect((await card(staff.cookie)).topics[0]).toMatchObject({ digest: "only", email: true, mode: "digest" });
    // A staff member turns the digest off; it stays a digest.
    await call(account.action, post("/account", [["intent", "preferences"]], { cookie: staff.cookie }));
    expect((await preferencesOf(h.c.db, staff.id))["staff-digest"]).toEqual({ email: false, telegram: false, mode: "digest" });
  });
});

describe("migration 0022", () => {
  it("an unsubscribe recorded before (message_opt_outs) becomes its topic turned off on that channel", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prefs-migration-"));
    const conn = openDatabase(path.join(dir, "portal.sqlite"));
    try {
      const migrator = new Migrator({ db: conn.db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo("0020_telegram_links")).error).toBeUndefined();
      conn.sqlite
        .prepare("insert into users (email, password_hash, role, display_name) values ('a@test.kg', 'x', 'graduate', 'A'), ('b@test.kg', 'x', 'employer', 'B')")
        .run();
      conn.sqlite
        .prepare(
          "insert into message_opt_outs (user_id, kind, channel) values (1, 'application-status', 'email'), (1, 'application-invited', 'telegram'), (2, 'vacancy-approved', 'email')",
        )
        .run();
      expect((await migrator.migrateTo("0022_message_preferences")).error).toBeUndefined();
      expect(conn.sqlite.prepare("select user_id, topic, email, telegram, mode from message_preferences order by user_id").all()).toEqual([
        { user_id: 1, topic: "applications", email: 0, telegram: 0, mode: null },
        { user_id: 2, topic: "reviews", email: 0, telegram: null, mode: null },
      ]);
      expect(conn.sqlite.prepare("select count(*) from sqlite_master where name = 'message_opt_outs'").pluck().get()).toBe(0);
    } finally {
      conn.sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("an address that bounced", () => {
  it("is shown on the account page with the date; 'send again' lifts the pause and new mail goes out", async () => {
    const g = await graduate();
    const vars = { vacancy: "x", company: "y", status: "screening" };
    expect((await call(account.loader, get("/account", { cookie: g.cookie }))).data).toMatchObject({ messages: { emailFailingSince: null } });

    // The mail server answers 550: the address bounces, and e-mail is paused for the person.
    await h.startSmtp({ refuseRecipient: { code: 550, text: "5.1.1 No such user" } });
    await queueMessage(h.c.db, { userId: g.userId, kind: "application-status", eventKey: 1, vars, link: null });
    expect(await h.deliverOnce({ now: aheadOfNow })).toMatchObject({ failed: 1 });
    const shown = (await call(account.loader, get("/account", { cookie: g.cookie }))).data as { messages: { emailFailingSince: string | null } };
    expect(shown.messages.emailFailingSince).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await queueMessage(h.c.db, { userId: g.userId, kind: "application-status", eventKey: 2, vars, link: null });
    expect(await h.deliverOnce({ now: aheadOfNow })).toMatchObject({ notSent: 1 });

    // The person says the address works: the pause is lifted, and the next message is delivered.
    await h.startSmtp();
    const retried = await call(account.action, post("/account", { intent: "email-retry" }, { cookie: g.cookie }));
    expect(retried.status).toBe(302);
    expect(retried.headers.get("location")).toBe("/account#messages");
    expect((await call(account.loader, get("/account", { cookie: g.cookie }))).data).toMatchObject({ messages: { emailFailingSince: null } });
    await queueMessage(h.c.db, { userId: g.userId, kind: "application-status", eventKey: 3, vars, link: null });
    expect(await h.deliverOnce({ now: aheadOfNow })).toMatchObject({ sent: 1 });
    expect(await h.smtp.waitFor(1)).toHaveLength(1);
  });
});
