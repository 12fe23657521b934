// Survey campaigns in-process (docs/decisions/055-survey-campaigns.md): who the confirm page counts
// by e-mail, by Telegram and as unreached; the send writes the campaign, each graduate's own link,
// the outbox rows and one audit entry together; a double submit or a second campaign sends nothing
// twice; an answer through the link shows on the campaign page; one reminder, to those who did not
// answer. The real build over HTTP with real SMTP and Telegram is tests/integration/survey-campaigns-http.test.ts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { todayInBishkek } from "~/domain/calendar";
import * as campaignRoute from "~/routes/staff.outcomes.campaigns.$id";
import * as campaignsRoute from "~/routes/staff.outcomes.campaigns._index";
import * as newCampaign from "~/routes/staff.outcomes.campaigns.new";
import * as survey from "~/routes/survey.$token";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeCohort, makeGraduate, makeUser, sessionCookieFor, signedIn } from "../support/factories";
import { call, get, post } from "../support/remix";
import { turnOffChannel } from "~/models/message-preferences.server";
import { sha256 } from "~/auth/tokens.server";
import { linkAsSent } from "~/auth/survey-link-token.server";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

type Preview = { ok: true; total: number; byEmail: number; byTelegram: number; alreadyInvited: number; unreached: { name: string; reach: string }[] };
type Page = {
  counts: { total: number; messaged: number; answered: number; waiting: number; optedOut: number; noChannel: number };
  members: { name: string; reach: string; answered: boolean; email: string; telegram: string; reminded: boolean }[];
  reminded: boolean;
  remindable: number;
};

/** Five due graduates (cohort graduating today: the graduation checkpoint is due), one per kind of reach. */
async function world() {
  const staff = await makeUser(c, "staff");
  const cohortId = await makeCohort(c, todayInBishkek());
  const g = async (firstName: string, account: boolean) => makeGraduate(c, { cohortId, firstName, lastName: "Тест", staffId: staff.id, account });
  const mail = await g("Айбек", true);
  const both = await g("Бермет", true);
  const noAccount = await g("Жылдыз", false);
  const optedOut = await g("Канат", true);
  const bounced = await g("Нургуль", true);
  await c.db.insertInto("telegram_links").values({ user_id: both.userId!, chat_id: 777001 }).execute();
  await turnOffChannel(c.db, optedOut.userId!, "survey-invitation", "email");
  await c.db.insertInto("message_channel_failures").values({ user_id: bounced.userId!, channel: "email", reason: "550 no such user" }).execute();
  return { staff, cookie: await sessionCookieFor(staff.id), cohortId, mail, both, noAccount, optedOut, bounced };
}

async function previewOf(cookie: string, cohortId: number) {
  const res = await call(newCampaign.loader, get(`/staff/outcomes/campaigns/new?cohort=${cohortId}`, { cookie }));
  expect(res.status).toBe(200);
  return res.data as { preview: Preview; sendKey: string };
}

const send = (cookie: string, cohortId: number, key: string) =>
  call(newCampaign.action, post("/staff/outcomes/campaigns/new", { intent: "send", key, school: "", cohort: String(cohortId) }, { cookie }));

async function pageOf(cookie: string, id: number) {
  const res = await call(campaignRoute.loader, get(`/staff/outcomes/campaigns/${id}`, { cookie }), { id: String(id) });
  expect(res.status).toBe(200);
  return res.data as Page;
}

const remind = (cookie: string, id: number) =>
  call(campaignRoute.action, post(`/staff/outcomes/campaigns/${id}`, { intent: "remind" }, { cookie }), { id: String(id) });

describe("a survey campaign", () => {
  it("counts who it reaches, sends each their own link in one transaction, never twice, and reminds once those who did not answer", async () => {
    const w = await world();
    const { preview, sendKey } = await previewOf(w.cookie, w.cohortId);
    expect(preview).toMatchObject({ ok: true, total: 5, byEmail: 2, byTelegram: 1, alreadyInvited: 0 });
    expect(preview.unreached.map((u) => [u.name, u.reach])).toEqual([
      ["Жылдыз Тест", "no_channel"],
      ["Канат Тест", "opted_out"],
      ["Нургуль Тест", "no_channel"],
    ]);

    const sent = await send(w.cookie, w.cohortId, sendKey);
    expect(sent.status).toBe(302);
    const id = Number(/\/staff\/outcomes\/campaigns\/(\d+)$/.exec(sent.location ?? "")![1]);
    const outbox = await c.db.selectFrom("outbox").select(["user_id", "channel", "kind", "link", "idem_key"]).orderBy("id").execute();
    // Two graduates messaged: e-mail for both, Telegram for the one who linked it; nothing for the three others.
    expect(outbox.map((o) => [o.user_id, o.channel, o.kind])).toEqual([
      [w.mail.userId, "email", "survey-invitation"],
      [w.both.userId, "email", "survey-invitation"],
      [w.both.userId, "telegram", "survey-invitation"],
    ]);
    expect(outbox[0]!.idem_key).toBe(`survey-invitation.${id}.${w.mail.userId}.email`);
    // Each their own one-time link; the two channels of one person carry the same link. The outbox
    // keeps only the link's id (a placeholder): no usable survey link is stored anywhere (decision 055).
    expect(outbox[0]!.link).toMatch(/^\/survey\/@\d+(\?lng=(ky|ru|en))?$/);
    expect(linkAsSent(outbox[0]!.link)).toMatch(/^\/survey\/[A-Za-z0-9_-]{43}(\?lng=(ky|ru|en))?$/);
    expect(outbox[1]!.link).not.toBe(outbox[0]!.link);
    expect(outbox[2]!.link).toBe(outbox[1]!.link);
    const links = await c.db.selectFrom("survey_links").select(["graduate_id", "checkpoint", "token_hash", "expires_at"]).orderBy("id").execute();
    expect(links.map((l) => [l.graduate_id, l.checkpoint])).toEqual([
      [w.mail.graduateId, "graduation"],
      [w.both.graduateId, "graduation"],
    ]);
    expect(links[0]!.token_hash).toBe(sha256(linkAsSent(outbox[0]!.link)!.split("/")[2]!.split("?")[0]!));
    const members = await c.db.selectFrom("survey_campaign_members").select(["graduate_id", "reach"]).where("campaign_id", "=", id).execute();
    expect(members).toHaveLength(5);
    // One audit entry for the bulk send: counts, not the list.
    const audit = await c.db.selectFrom("audit_log").select(["action", "entity_id", "after_json"]).where("action", "like", "survey-%").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "survey-campaign.send", entity_id: String(id) });
    expect(JSON.parse(audit[0]!.after_json!)).toEqual({
      school_id: null,
      cohort_id: w.cohortId,
      members: 5,
      messaged: 2,
      by_email: 2,
      by_telegram: 1,
      opted_out: 1,
      no_channel: 2,
      already_invited: 0,
    });
    expect(audit[0]!.after_json).not.toContain("Айбек");

    // The same form posted again (a double submit): the first campaign, nothing written.
    const before = snapshot(c);
    const again = await send(w.cookie, w.cohortId, sendKey);
    expect([again.status, again.location]).toEqual([302, `/staff/outcomes/campaigns/${id}`]);
    expect(again.headers.get("Set-Cookie")).toContain("flash.campaignRepeated");
    // A second campaign for the same list while the first one's links are open: nothing to send, a 409 that says so.
    const second = await previewOf(w.cookie, w.cohortId);
    expect(second.preview).toMatchObject({ total: 5, byEmail: 0, byTelegram: 0, alreadyInvited: 2 });
    const other = await send(w.cookie, w.cohortId, second.sendKey);
    expect(other.status).toBe(409);
    expect(other.data).toMatchObject({ errors: { _form: "campaigns.errors.nobody" } });
    expect(snapshot(c)).toEqual(before);

    // One of the two answers through their link: the page counts one answered.
    const token = linkAsSent(outbox[0]!.link)!.split("/")[2]!.split("?")[0]!;
    const answered = await call(survey.action, post(`/survey/${token}`, { code: "seeking" }), { token });
    expect(answered.status).toBe(302);
    let page = await pageOf(w.cookie, id);
    expect(page.counts).toMatchObject({ total: 5, messaged: 2, answered: 1, waiting: 1, optedOut: 1, noChannel: 2 });
    expect(page.members.find((m) => m.name === "Айбек Тест")).toMatchObject({ answered: true, email: "pending", telegram: "none" });
    expect(page.members.find((m) => m.name === "Бермет Тест")).toMatchObject({ answered: false, email: "pending", telegram: "pending" });
    expect([page.reminded, page.remindable]).toEqual([false, 1]);
    // One page of graduates (100 a page), whatever page the address asks for.
    for (const asked of ["2", "abc", "-1"]) {
      const other = await call(campaignRoute.loader, get(`/staff/outcomes/campaigns/${id}?page=${asked}`, { cookie: w.cookie }), { id: String(id) });
      expect(other.data).toMatchObject({ page: 1, pages: 1, members: expect.arrayContaining([expect.objectContaining({ name: "Айбек Тест" })]) });
    }

    // The reminder: only the one who did not answer, with the same link; audited with the count.
    const r = await remind(w.cookie, id);
    expect([r.status, r.location]).toEqual([302, `/staff/outcomes/campaigns/${id}`]);
    const reminders = await c.db.selectFrom("outbox").select(["user_id", "channel", "link"]).where("kind", "=", "survey-reminder").orderBy("id").execute();
    expect(reminders).toEqual([
      { user_id: w.both.userId, channel: "email", link: outbox[1]!.link },
      { user_id: w.both.userId, channel: "telegram", link: outbox[1]!.link },
    ]);
    const remindAudit = await c.db.selectFrom("audit_log").select("after_json").where("action", "=", "survey-campaign.remind").execute();
    expect(remindAudit.map((a) => JSON.parse(a.after_json!))).toEqual([{ reminded: 1 }]);
    page = await pageOf(w.cookie, id);
    expect(page.reminded).toBe(true);
    expect(page.members.find((m) => m.name === "Бермет Тест")!.reminded).toBe(true);

    // Only once: a second post is a 409 that says so and writes nothing.
    const afterReminder = snapshot(c);
    const twice = await remind(w.cookie, id);
    expect(twice.status).toBe(409);
    expect(twice.data).toMatchObject({ errors: { _form: "campaigns.remind.already" } });
    expect(snapshot(c)).toEqual(afterReminder);

    const list = await call(campaignsRoute.loader, get("/staff/outcomes/campaigns", { cookie: w.cookie }));
    expect((list.data as { campaigns: unknown[] }).campaigns).toEqual([
      expect.objectContaining({ id, members: 5, messaged: 2, answered: 1, reminded_at: expect.any(String) }),
    ]);
  });

  it("two members of staff sending at once make one campaign; the other is told nothing was sent", async () => {
    const w = await world();
    const other = await signedIn(c, "staff");
    const [a, b] = await Promise.all([previewOf(w.cookie, w.cohortId), previewOf(other.cookie, w.cohortId)]);
    const results = await Promise.all([send(w.cookie, w.cohortId, a.sendKey), send(other.cookie, w.cohortId, b.sendKey)]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(await c.db.selectFrom("survey_campaigns").select("id").execute()).toHaveLength(1);
    expect(await c.db.selectFrom("outbox").select("id").execute()).toHaveLength(3);
    expect(await c.db.selectFrom("survey_links").select("id").execute()).toHaveLength(2);
  });

  it("an unsubscribe from the invitation also holds for the reminder, channel by channel", async () => {
    const w = await world();
    const { sendKey } = await previewOf(w.cookie, w.cohortId);
    const id = Number((await send(w.cookie, w.cohortId, sendKey)).location!.split("/").pop());
    // Both graduates click "stop these e-mails" in the invitation (what the one-click unsubscribe does).
    for (const g of [w.mail, w.both]) await turnOffChannel(c.db, g.userId!, "survey-invitation", "email");
    expect((await remind(w.cookie, id)).status).toBe(302);
    const rows = await c.db
      .selectFrom("outbox")
      .select(["user_id", "channel", "status", "last_error"])
      .where("kind", "=", "survey-reminder")
      .orderBy("id")
      .execute();
    // The one with only e-mail gets no reminder; the other gets it in Telegram only.
    expect(rows).toEqual([
      { user_id: w.both.userId, channel: "email", status: "not_sent", last_error: "unsubscribed" },
      { user_id: w.both.userId, channel: "telegram", status: "queued", last_error: null },
    ]);
  });

  it("two reminders at once send one", async () => {
    const w = await world();
    const { sendKey } = await previewOf(w.cookie, w.cohortId);
    const sent = await send(w.cookie, w.cohortId, sendKey);
    const id = Number(sent.location!.split("/").pop());
    const results = await Promise.all([remind(w.cookie, id), remind(w.cookie, id)]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(await c.db.selectFrom("outbox").select("id").where("kind", "=", "survey-reminder").execute()).toHaveLength(3);
  });

  it("refuses bad input with a 4xx and writes nothing; other roles are refused", async () => {
    const w = await world();
    const before = snapshot(c);
    for (const fields of [
      { intent: "send", key: "short", cohort: String(w.cohortId) } as Record<string, string>,
      { intent: "send", key: "k".repeat(30), cohort: "abc" },
      { intent: "send", cohort: String(w.cohortId) },
      { intent: "other", key: "k".repeat(30) },
      // "0" is no school: it must not be read as "no filter" (every due graduate) nor reach the insert (a 500 before).
      { intent: "send", key: "z".repeat(30), school: "0", cohort: "" },
      // A school or cohort that does not exist (deleted since the preview, or forged).
      { intent: "send", key: "y".repeat(30), school: "999999", cohort: "" },
      { intent: "send", key: "x".repeat(30), school: "", cohort: "999999" },
    ]) {
      const res = await call(newCampaign.action, post("/staff/outcomes/campaigns/new", fields, { cookie: w.cookie }));
      expect(res.status, JSON.stringify(fields)).toBe(400);
    }
    expect((await remind(w.cookie, 999_999)).status).toBe(404);
    expect((await call(campaignRoute.loader, get("/staff/outcomes/campaigns/999999", { cookie: w.cookie }), { id: "999999" })).status).toBe(404);
    const badIntent = await call(campaignRoute.action, post("/staff/outcomes/campaigns/1", { intent: "x" }, { cookie: w.cookie }), { id: "1" });
    expect(badIntent.status).toBe(400);
    for (const role of ["graduate", "employer"] as const) {
      const u = await signedIn(c, role, role === "employer" ? "verified" : undefined);
      expect((await send(u.cookie, w.cohortId, "k".repeat(30))).status).toBe(403);
      expect((await call(newCampaign.loader, get("/staff/outcomes/campaigns/new", { cookie: u.cookie }))).status).toBe(403);
      expect((await remind(u.cookie, 1)).status).toBe(403);
    }
    const visitor = await send("", w.cohortId, "k".repeat(30));
    expect(visitor.location).toMatch(/^\/login/);
    // signedIn() wrote the two accounts; nothing else changed
    const after = snapshot(c);
    for (const table of ["survey_campaigns", "survey_campaign_members", "survey_links", "outbox", "audit_log"]) expect(after[table]).toEqual(before[table]);
  });
});
