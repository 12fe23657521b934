// Digests that lose nothing (issue 17 leftovers, item 2; docs/decisions/062-mail-limits-digests-and-batches.md):
// (a) every at-once kind of a topic that may be read as a digest is listed in that digest when its
// reader reads it so (the list of kinds is read from the registry, so a new kind fails here until
// the digest lists it); (b) switching between "at once" and "daily digest" between an event and the
// digest neither loses the event nor sends it twice — counted over real SMTP.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { decodeItems, digestLines } from "~/domain/messages/digest";
import { MESSAGE_KINDS, type MessageKind, TOPICS } from "~/domain/messages/kinds";
import { parseBoardQuery } from "~/domain/vacancies/board-query";
import { serverT } from "~/i18n/catalog.server";
import { apply, withdraw } from "~/models/applications.server";
import { acceptOffer, declineOffer, makeOffer } from "~/models/offers.server";
import { savePreferences } from "~/models/message-preferences.server";
import { checkSavedSearches, createSavedSearch } from "~/models/saved-searches.server";
import { outboxWorker, smtpTransport, type OutboxWorker } from "~/server/outbox-worker";
import { DAILY_JOBS, scheduledJobs } from "~/server/scheduled-jobs";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeApplication, makeCompany, makeGraduate, makeUser, makeVacancy } from "../support/factories";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

let c: Connection;
let smtp: TestSmtp | undefined;
let worker: OutboxWorker | undefined;

beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await smtp?.close();
  smtp = undefined;
  closeTestDatabases();
});

/** Runs the daily jobs now (hour 0: always due); each call is a new Bishkek day's run when `dayOffset` grows. */
async function runDigests(dayOffset = 0) {
  const at = new Date(Date.now() + 60_000 + dayOffset * 86_400_000);
  const r = scheduledJobs(c.db, { hour: 0, now: () => at, jobs: DAILY_JOBS, log: () => undefined });
  try {
    return await r.runDue();
  } finally {
    await r.stop();
  }
}

const digestRows = (kind: "applications-digest" | "saved-search-digest") =>
  c.db.selectFrom("outbox").select(["user_id", "payload_json", "status"]).where("kind", "=", kind).where("channel", "=", "email").orderBy("id").execute();

async function company() {
  const owner = await makeUser(c, "employer");
  const companyId = await makeCompany(c, owner.id, { status: "verified", name: "Ала-Тоо Софт" });
  const vacancyId = await makeVacancy(c, companyId, { title: "Junior frontend-разработчик" });
  return { owner, companyId, vacancyId };
}

async function graduate(firstName: string) {
  const g = await makeGraduate(c, { firstName, lastName: "Жумабекова", account: true });
  // Seen by employers: an employer may invite them.
  await c.db.updateTable("graduates").set({ visibility: "employers" }).where("id", "=", g.graduateId).execute();
  return { ...g, row: { id: g.graduateId, user_id: g.userId!, first_name: firstName, last_name: "Жумабекова" } };
}

/** An offer starting in two months, to be answered within a month. */
const offerTerms = () => {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  return { startDate: day(60), monthlyPay: 60000, answerBy: day(30), note: null };
};

describe("(a) every at-once kind of a digest topic is in the digest", () => {
  /** How each kind's event happens, through the model functions the pages call; returns who should read it in a digest. */
  const events: Partial<Record<MessageKind, () => Promise<{ reader: number; digest: "applications-digest" | "saved-search-digest" }>>> = {
    "application-received": async () => {
      const { owner, vacancyId } = await company();
      await savePreferences(c.db, owner.id, { "new-applications": { email: true, telegram: false, mode: "digest" } });
      await makeApplication(c, vacancyId, (await graduate("Айпери")).graduateId);
      return { reader: owner.id, digest: "applications-digest" };
    },
    "application-withdrawn": async () => {
      const { owner, vacancyId } = await company();
      await savePreferences(c.db, owner.id, { "new-applications": { email: true, telegram: false, mode: "digest" } });
      const g = await graduate("Бакыт");
      const id = await makeApplication(c, vacancyId, g.graduateId);
      expect(await withdraw(c.db, g.row, id, null, g.userId!)).toEqual({ ok: true });
      return { reader: owner.id, digest: "applications-digest" };
    },
    "invitation-accepted": async () => {
      const { owner, vacancyId } = await company();
      await savePreferences(c.db, owner.id, { "new-applications": { email: true, telegram: false, mode: "digest" } });
      const g = await graduate("Чолпон");
      await makeApplication(c, vacancyId, g.graduateId, { status: "invited" });
      expect(await apply(c.db, g.row, vacancyId, { note: null, projectIds: [] }, g.userId!)).toMatchObject({ ok: true });
      return { reader: owner.id, digest: "applications-digest" };
    },
    "invitation-declined": async () => {
      const { owner, vacancyId } = await company();
      await savePreferences(c.db, owner.id, { "new-applications": { email: true, telegram: false, mode: "digest" } });
      const g = await graduate("Динара");
      const id = await makeApplication(c, vacancyId, g.graduateId, { status: "invited" });
      expect(await withdraw(c.db, g.row, id, null, g.userId!)).toEqual({ ok: true });
      return { reader: owner.id, digest: "applications-digest" };
    },
    // The candidate's answer to an offer (docs/decisions/061-interview-slots-and-offers.md).
    "offer-accepted": async () => {
      const { owner, companyId, vacancyId } = await company();
      await savePreferences(c.db, owner.id, { "new-applications": { email: true, telegram: false, mode: "digest" } });
      const g = await graduate("Гүлзат");
      const id = await makeApplication(c, vacancyId, g.graduateId, { status: "interview" });
      expect(await makeOffer(c.db, companyId, id, offerTerms(), owner.id)).toEqual({ ok: true });
      expect(await acceptOffer(c.db, g.graduateId, id, g.userId!)).toEqual({ ok: true });
      return { reader: owner.id, digest: "applications-digest" };
    },
    "offer-declined": async () => {
      const { owner, companyId, vacancyId } = await company();
      await savePreferences(c.db, owner.id, { "new-applications": { email: true, telegram: false, mode: "digest" } });
      const g = await graduate("Жылдыз");
      const id = await makeApplication(c, vacancyId, g.graduateId, { status: "interview" });
      expect(await makeOffer(c.db, companyId, id, offerTerms(), owner.id)).toEqual({ ok: true });
      expect(await declineOffer(c.db, g.graduateId, id, null, g.userId!)).toEqual({ ok: true });
      return { reader: owner.id, digest: "applications-digest" };
    },
    "saved-search-hits": async () => {
      const g = await graduate("Эльмира");
      await createSavedSearch(c.db, g.userId!, parseBoardQuery(""), "Всё");
      await c.db
        .updateTable("saved_searches")
        .set({ last_checked_at: new Date(Date.now() - 3_600_000).toISOString() })
        .execute();
      await company();
      expect(await checkSavedSearches(c.db)).toBe(1);
      return { reader: g.userId!, digest: "saved-search-digest" };
    },
  };

  const digestKinds = Object.entries(MESSAGE_KINDS)
    .filter(([, rule]) => rule.form === "instant" && TOPICS[rule.topic].digest === "choice")
    .map(([kind]) => kind);

  it("the kinds covered here are every at-once kind of a topic that may be a digest", () => {
    expect(Object.keys(events).sort()).toEqual([...digestKinds].sort());
  });

  for (const kind of digestKinds) {
    it(`${kind}: nothing is sent at once to a digest reader, and the next digest lists it`, async () => {
      const { reader, digest } = await events[kind as MessageKind]!();
      const atOnce = await c.db.selectFrom("outbox").select("kind").where("user_id", "=", reader).where("kind", "=", kind).execute();
      expect(atOnce).toEqual([]);
      await runDigests();
      const rows = (await digestRows(digest)).filter((r) => r.user_id === reader);
      expect(rows).toHaveLength(1);
      const vars = JSON.parse(rows[0]!.payload_json) as Record<string, string | number>;
      const lines = digestLines(serverT("en"), vars, "http://portal.test");
      expect(lines.length, JSON.stringify(vars)).toBeGreaterThan(0);
      // The withdrawal and the declined invitation say what happened, not "a new application".
      if (kind === "application-withdrawn") expect(lines[lines.length - 1]!.text).toContain("withdrew");
      if (kind === "invitation-declined") expect(lines[lines.length - 1]!.text).toContain("declined");
      if (kind === "invitation-accepted") expect(lines[lines.length - 1]!.text).toContain("accepted");
    });
  }
});

describe("(b) switching between at once and digest loses nothing and sends nothing twice", () => {
  function deliver() {
    worker ??= outboxWorker(c.db, {
      email: smtpTransport({ url: smtp!.url, from: "careers@portal.test" }, { connectionMs: 3000, socketMs: 3000 }),
      publicUrl: "http://portal.test",
      secret: "s".repeat(40),
      // A little ahead of the wall clock: the rows just written are due.
      now: () => new Date(Date.now() + 2_000),
      log: () => undefined,
    });
    return worker.runOnce();
  }
  const settle = () => new Promise((r) => setTimeout(r, 150));
  /** The kinds of the e-mails received about applications (the Message-ID starts with the outbox key). */
  const applicationMails = () =>
    smtp!.received
      .map((m) => m.messageId.replace(/^</, "").split(".")[0]!)
      .filter((k) => k.startsWith("application"))
      .sort();

  it("digest → at once before the digest: the event told in digest mode still comes in the next digest; the one after the switch comes at once, and only then", async () => {
    smtp = await startTestSmtp();
    const { owner, vacancyId } = await company();
    await savePreferences(c.db, owner.id, { "new-applications": { email: true, telegram: false, mode: "digest" } });
    await makeApplication(c, vacancyId, (await graduate("Айпери")).graduateId);
    // Switched to "at once" before the morning's digest.
    await savePreferences(c.db, owner.id, { "new-applications": { email: true, telegram: false, mode: "instant" } });
    await makeApplication(c, vacancyId, (await graduate("Бакыт")).graduateId);
    await runDigests();
    const [digest] = await digestRows("applications-digest");
    expect(digest).toBeDefined();
    const lines = decodeItems(JSON.parse(digest!.payload_json) as Record<string, string>);
    expect(lines.map((l) => l.vars.graduate)).toEqual(["Айпери Жумабекова"]);
    await deliver();
    await smtp.waitFor(2);
    await settle();
    // Two e-mails about applications: the second application at once, the digest with the first (the company's verification is the third).
    expect(applicationMails()).toEqual(["application-received", "applications-digest"]);
  });

  it("at once → digest before delivery: the message queued at once is still sent (once), the digest lists only what came after the switch", async () => {
    smtp = await startTestSmtp();
    const { owner, vacancyId } = await company();
    await makeApplication(c, vacancyId, (await graduate("Айпери")).graduateId);
    // Switched to the digest while the at-once e-mail still waited in the outbox.
    await savePreferences(c.db, owner.id, { "new-applications": { email: true, telegram: false, mode: "digest" } });
    await makeApplication(c, vacancyId, (await graduate("Бакыт")).graduateId);
    await runDigests();
    const [digest] = await digestRows("applications-digest");
    const lines = decodeItems(JSON.parse(digest!.payload_json) as Record<string, string>);
    expect(lines.map((l) => l.vars.graduate)).toEqual(["Бакыт Жумабекова"]);
    await deliver();
    await smtp.waitFor(2);
    await settle();
    expect(applicationMails()).toEqual(["application-received", "applications-digest"]);
    const atOnce = smtp.received.find((m) => m.messageId.includes("application-received."))!;
    expect(atOnce.parsed.text).toContain("Айпери Жумабекова");
  });

  it("a saved search read as a digest, switched to at once before the digest: the vacancies found before the switch come in the digest", async () => {
    const g = await graduate("Эльмира");
    await createSavedSearch(c.db, g.userId!, parseBoardQuery(""), "Всё");
    await c.db
      .updateTable("saved_searches")
      .set({ last_checked_at: new Date(Date.now() - 3_600_000).toISOString() })
      .execute();
    await company();
    expect(await checkSavedSearches(c.db)).toBe(1);
    await savePreferences(c.db, g.userId!, { "saved-searches": { email: true, telegram: false, mode: "instant" } });
    await runDigests();
    const rows = await digestRows("saved-search-digest");
    expect(rows.map((r) => r.user_id)).toEqual([g.userId]);
    expect(decodeItems(JSON.parse(rows[0]!.payload_json) as Record<string, string>).map((i) => i.vars.title)).toEqual(["Junior frontend-разработчик"]);
  });
});
