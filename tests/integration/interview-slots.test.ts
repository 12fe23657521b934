// Interviews proposed as slots and offers with a deadline (docs/product.md §15,
// docs/decisions/061-interview-slots-and-offers.md), through the model functions the forms call, on a
// real SQLite file: one transaction for many applications, a slot picked twice at once, the calendar
// entries both sides get (parsed back with ical.js: UID stable, SEQUENCE rising, METHOD REQUEST then
// CANCEL, DTSTART in Asia/Bishkek) over a real SMTP server, the reminder following the confirmed
// slot, the outcome of a past interview, and offers accepted (the hire), declined, expired or
// withdrawn under the graduate's hand.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { forgetGraduateApplications, invite } from "~/models/applications.server";
import {
  askAnotherTime,
  cancelInterview,
  interviewForGraduate,
  interviewsAwaitingOutcome,
  interviewsBetween,
  pickSlot,
  proposeInterviews,
  recordInterviewOutcome,
} from "~/models/interviews.server";
import { acceptOffer, declineOffer, makeOffer, offerForCompany, withdrawOffer } from "~/models/offers.server";
import { type OutboxWorker, outboxWorker, smtpTransport } from "~/server/outbox-worker";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { addCompanyMember, makeCompany, makeGraduate, makeUser, makeVacancy } from "../support/factories";
import { parseIcs } from "../support/ics";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

const PUBLIC_URL = "http://portal.test";
const FROM = "IT Cluster Careers <careers@portal.test>";
/** 15 February 2027, 10:00 and 14:00 in Bishkek. */
const AT1 = "2027-02-15T04:00:00.000Z";
const AT2 = "2027-02-15T08:00:00.000Z";
const AT3 = "2027-02-17T03:30:00.000Z";
const PLACE = "Бишкек, ул. Токтогула 120, офис 4";
const DAY = 86_400_000;

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

/** A company with two members, a vacancy and `n` graduates invited and moved to screening. */
async function scene(n = 1, locale: "ky" | "ru" | "en" = "en") {
  const employer = await makeUser(c, "employer");
  const colleague = await makeUser(c, "employer");
  await c.db.updateTable("users").set({ locale: "ru" }).where("id", "=", employer.id).execute();
  const companyId = await makeCompany(c, employer.id, { status: "verified", name: "Ала-Тоо Софт" });
  await addCompanyMember(c, companyId, colleague.id);
  const vacancyId = await makeVacancy(c, companyId, { title: "Junior QA" });
  const apps: { id: number; graduateId: number; userId: number; email: string }[] = [];
  for (let i = 0; i < n; i++) {
    const g = await makeGraduate(c, { firstName: "Айпери", lastName: `Жумабекова${i || ""}`, account: true });
    await c.db.updateTable("graduates").set({ visibility: "employers" }).where("id", "=", g.graduateId).execute();
    await c.db.updateTable("users").set({ locale }).where("id", "=", g.userId!).execute();
    const invited = await invite(c.db, companyId, vacancyId, { id: g.graduateId }, employer.id);
    const id = (invited as { id: number }).id;
    await c.db.updateTable("applications").set({ status: "screening" }).where("id", "=", id).execute();
    const { email } = await c.db.selectFrom("users").select("email").where("id", "=", g.userId!).executeTakeFirstOrThrow();
    apps.push({ id, graduateId: g.graduateId, userId: g.userId!, email });
  }
  await c.db.deleteFrom("outbox").execute();
  return { employer, colleague, companyId, vacancyId, apps };
}

const proposal = (slots = [AT1, AT2], reason: string | null = null) => ({
  slots: slots.map((s) => ({ start: s, end: new Date(Date.parse(s) + 45 * 60_000).toISOString() })),
  minutes: 45,
  place: PLACE,
  reason,
});

const outboxRows = () => c.db.selectFrom("outbox").selectAll().where("channel", "=", "email").orderBy("id").execute();
const slotIds = async (applicationId: number) => (await interviewForGraduate(c.db, await graduateOf(applicationId), applicationId))!.slots.map((s) => s.id);
const graduateOf = async (applicationId: number) =>
  (await c.db.selectFrom("applications").select("graduate_id").where("id", "=", applicationId).executeTakeFirstOrThrow()).graduate_id;

function startWorker(): OutboxWorker {
  worker = outboxWorker(c.db, {
    email: smtpTransport({ url: smtp!.url, from: FROM }, { connectionMs: 3000, socketMs: 3000 }),
    telegram: null,
    publicUrl: PUBLIC_URL,
    secret: "s".repeat(40),
    now: () => new Date(Date.now() + 2_000),
    log: () => undefined,
  });
  return worker;
}

describe("the employer proposes slots", () => {
  it("for many applications in one transaction: each moves to interview with its slots, and each graduate is told", async () => {
    const s = await scene(2);
    const r = await proposeInterviews(
      c.db,
      s.companyId,
      s.apps.map((a) => a.id),
      proposal(),
      s.employer.id,
    );
    expect(r).toEqual({ ok: true });
    for (const a of s.apps) {
      const app = await c.db.selectFrom("applications").select("status").where("id", "=", a.id).executeTakeFirstOrThrow();
      expect(app.status).toBe("interview");
      const iv = await interviewForGraduate(c.db, a.graduateId, a.id);
      expect([iv!.status, iv!.minutes, iv!.place, iv!.slots.map((x) => x.start)]).toEqual(["proposed", 45, PLACE, [AT1, AT2]]);
    }
    expect((await outboxRows()).map((o) => [o.kind, o.user_id])).toEqual(s.apps.map((a) => ["interview-proposed", a.userId]));
  });

  it("an application of another company among them: nothing is written for any", async () => {
    const s = await scene(1);
    const other = await scene(1);
    const before = snapshot(c);
    const r = await proposeInterviews(c.db, s.companyId, [s.apps[0]!.id, other.apps[0]!.id], proposal(), s.employer.id);
    expect(r).toEqual({ ok: false, reason: "not-found", applicationId: other.apps[0]!.id });
    expect(snapshot(c)).toEqual(before);
  });

  it("an application already past the interview stage refuses the whole request", async () => {
    const s = await scene(2);
    await c.db.updateTable("applications").set({ status: "offer" }).where("id", "=", s.apps[1]!.id).execute();
    const before = snapshot(c);
    expect(
      await proposeInterviews(
        c.db,
        s.companyId,
        s.apps.map((a) => a.id),
        proposal(),
        s.employer.id,
      ),
    ).toMatchObject({ ok: false, reason: "transition" });
    expect(snapshot(c)).toEqual(before);
  });
});

describe("the graduate answers", () => {
  it("picks a slot: confirmed, a history event with the time (as dashboards read it), both sides told, the reminder due the day before", async () => {
    const s = await scene(1);
    const a = s.apps[0]!;
    await proposeInterviews(c.db, s.companyId, [a.id], proposal(), s.employer.id);
    await c.db.deleteFrom("outbox").execute();
    const [, second] = await slotIds(a.id);
    expect(await pickSlot(c.db, a.graduateId, a.id, second!, a.userId)).toEqual({ ok: true });
    const iv = await interviewForGraduate(c.db, a.graduateId, a.id);
    expect([iv!.status, iv!.starts_at]).toEqual(["confirmed", AT2]);
    const last = await c.db.selectFrom("application_events").selectAll().where("application_id", "=", a.id).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect([last.from_status, last.to_status, last.interview_at, last.interview_place]).toEqual(["interview", "interview", AT2, PLACE]);
    const rows = await outboxRows();
    expect(rows.map((o) => [o.kind, o.user_id])).toEqual([
      ["interview-confirmed", a.userId],
      ["interview-slot-picked", s.employer.id],
      ["interview-slot-picked", s.colleague.id],
      ["interview-reminder", a.userId],
    ]);
    expect(rows[3]!.due_at).toBe(new Date(Date.parse(AT2) - DAY).toISOString());
    expect(JSON.parse(rows[0]!.payload_json)).toMatchObject({ at: AT2, minutes: 45, place: PLACE, sequence: 0, application: a.id, interview: iv!.id });
    expect((await interviewsBetween(c.db, s.companyId, "2027-02-14T18:00:00.000Z", "2027-02-21T18:00:00.000Z")).map((x) => x.starts_at)).toEqual([AT2]);
  });

  it("the same slot picked twice at once: one confirmation, the other refused, nothing half-written", async () => {
    const s = await scene(1);
    const a = s.apps[0]!;
    await proposeInterviews(c.db, s.companyId, [a.id], proposal(), s.employer.id);
    const [first, second] = await slotIds(a.id);
    const results = await Promise.all([pickSlot(c.db, a.graduateId, a.id, first!, a.userId), pickSlot(c.db, a.graduateId, a.id, second!, a.userId)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "transition" }]);
    expect((await outboxRows()).filter((o) => o.kind === "interview-confirmed")).toHaveLength(1);
    expect(await c.db.selectFrom("application_events").select("id").where("interview_at", "is not", null).execute()).toHaveLength(1);
  });

  it("a slot of another interview, or one already past, is refused", async () => {
    const s = await scene(2);
    await proposeInterviews(
      c.db,
      s.companyId,
      s.apps.map((a) => a.id),
      proposal(),
      s.employer.id,
    );
    const [foreign] = await slotIds(s.apps[1]!.id);
    const a = s.apps[0]!;
    expect(await pickSlot(c.db, a.graduateId, a.id, foreign!, a.userId)).toEqual({ ok: false, reason: "slot" });
    const [mine] = await slotIds(a.id);
    expect(await pickSlot(c.db, a.graduateId, a.id, mine!, a.userId, new Date(Date.parse(AT1) + 1000))).toEqual({ ok: false, reason: "past" });
    // Another graduate naming this application: it is not theirs.
    expect(await pickSlot(c.db, s.apps[1]!.graduateId, a.id, mine!, s.apps[1]!.userId)).toEqual({ ok: false, reason: "not-found" });
  });

  it("asks for another time with a message: the slots go, the company is told, new slots can follow", async () => {
    const s = await scene(1);
    const a = s.apps[0]!;
    await proposeInterviews(c.db, s.companyId, [a.id], proposal(), s.employer.id);
    await c.db.deleteFrom("outbox").execute();
    expect(await askAnotherTime(c.db, a.graduateId, a.id, "Мне удобнее после 16:00.", a.userId)).toEqual({ ok: true });
    const iv = await interviewForGraduate(c.db, a.graduateId, a.id);
    expect([iv!.status, iv!.request_note, iv!.slots]).toEqual(["another-time", "Мне удобнее после 16:00.", []]);
    expect((await outboxRows()).map((o) => [o.kind, o.user_id])).toEqual([
      ["interview-another-time", s.employer.id],
      ["interview-another-time", s.colleague.id],
    ]);
    expect(await proposeInterviews(c.db, s.companyId, [a.id], proposal([AT3]), s.employer.id)).toEqual({ ok: true });
    expect((await interviewForGraduate(c.db, a.graduateId, a.id))!.status).toBe("proposed");
  });
});

describe("moving and cancelling a confirmed interview", () => {
  it("a move needs a reason; the new pick is the same calendar entry with SEQUENCE 1, the old reminder is cancelled", async () => {
    const s = await scene(1);
    const a = s.apps[0]!;
    await proposeInterviews(c.db, s.companyId, [a.id], proposal(), s.employer.id);
    await pickSlot(c.db, a.graduateId, a.id, (await slotIds(a.id))[0]!, a.userId);
    const before = snapshot(c);
    expect(await proposeInterviews(c.db, s.companyId, [a.id], proposal([AT3]), s.employer.id)).toMatchObject({ ok: false, reason: "reason" });
    expect(snapshot(c)).toEqual(before);
    expect(await proposeInterviews(c.db, s.companyId, [a.id], proposal([AT3], "Интервьюер заболел"), s.employer.id)).toEqual({ ok: true });
    expect(await pickSlot(c.db, a.graduateId, a.id, (await slotIds(a.id))[0]!, a.userId)).toEqual({ ok: true });
    const rows = await outboxRows();
    expect(rows.map((o) => [o.kind, o.status, o.last_error])).toEqual([
      ["interview-proposed", "queued", null],
      ["interview-confirmed", "queued", null],
      ["interview-slot-picked", "queued", null],
      ["interview-slot-picked", "queued", null],
      ["interview-reminder", "not_sent", "cancelled"],
      ["interview-rescheduled", "queued", null],
      ["interview-confirmed", "queued", null],
      ["interview-slot-picked", "queued", null],
      ["interview-slot-picked", "queued", null],
      ["interview-reminder", "queued", null],
    ]);
    const confirmations = rows.filter((o) => o.kind === "interview-confirmed").map((o) => JSON.parse(o.payload_json) as Record<string, unknown>);
    expect(confirmations.map((v) => [v.interview, v.sequence, v.at])).toEqual([
      [confirmations[0]!.interview, 0, AT1],
      [confirmations[0]!.interview, 1, AT3],
    ]);
    expect(JSON.parse(rows[5]!.payload_json)).toMatchObject({ reason: "Интервьюер заболел" });
  });

  it("either side cancels with a reason: both sides told with a CANCEL of the same entry, the reminder not sent", async () => {
    const s = await scene(1);
    const a = s.apps[0]!;
    await proposeInterviews(c.db, s.companyId, [a.id], proposal(), s.employer.id);
    await pickSlot(c.db, a.graduateId, a.id, (await slotIds(a.id))[0]!, a.userId);
    await c.db.updateTable("outbox").set({ status: "sent" }).where("kind", "!=", "interview-reminder").execute();
    expect(await cancelInterview(c.db, { graduateId: a.graduateId }, a.id, "Я нашла другую работу", a.userId)).toEqual({ ok: true });
    const rows = await outboxRows();
    expect(rows.filter((o) => o.status !== "sent").map((o) => [o.kind, o.user_id, o.status])).toEqual([
      ["interview-reminder", a.userId, "not_sent"],
      ["interview-cancelled", a.userId, "queued"],
      ["interview-cancelled", s.employer.id, "queued"],
      ["interview-cancelled", s.colleague.id, "queued"],
    ]);
    expect(JSON.parse(rows.find((o) => o.kind === "interview-cancelled")!.payload_json)).toMatchObject({
      sequence: 1,
      at: AT1,
      reason: "Я нашла другую работу",
    });
    // Nothing open any more: a second cancel is refused, and the company cannot cancel what is gone.
    expect(await cancelInterview(c.db, { companyId: s.companyId }, a.id, "x", s.employer.id)).toEqual({ ok: false, reason: "transition" });
  });
});

describe("the calendar files over real SMTP", () => {
  it("graduate and company get REQUEST (UID stable, DTSTART in Asia/Bishkek), the move raises SEQUENCE, the cancellation is METHOD:CANCEL", async () => {
    smtp = await startTestSmtp();
    const s = await scene(1, "ky");
    const a = s.apps[0]!;
    await proposeInterviews(c.db, s.companyId, [a.id], proposal(), s.employer.id);
    await pickSlot(c.db, a.graduateId, a.id, (await slotIds(a.id))[0]!, a.userId);
    await proposeInterviews(c.db, s.companyId, [a.id], proposal([AT3], "Интервьюер заболел"), s.employer.id);
    await pickSlot(c.db, a.graduateId, a.id, (await slotIds(a.id))[0]!, a.userId);
    await cancelInterview(c.db, { companyId: s.companyId }, a.id, "Вакансия закрыта", s.employer.id);
    await startWorker().runOnce();
    const mails = await smtp.waitFor(11);
    const calendars = mails
      .flatMap((m) =>
        m.parsed.attachments.filter((x) => x.contentType === "text/calendar").map((x) => ({ to: m.rcpt[0], ics: parseIcs(x.content.toString("utf8")) })),
      )
      .filter((x) => x.to === a.email);
    expect(calendars.map((x) => [x.ics.method, x.ics.sequence, x.ics.start, x.ics.status])).toEqual([
      ["REQUEST", 0, AT1, "CONFIRMED"],
      ["REQUEST", 1, AT3, "CONFIRMED"],
      ["CANCEL", 2, AT3, "CANCELLED"],
    ]);
    const uid = calendars[0]!.ics.uid;
    expect(uid).toMatch(/^interview-slot-\d+@portal\.test$/);
    expect(calendars.every((x) => x.ics.uid === uid)).toBe(true);
    expect(calendars.map((x) => [x.ics.startTzid, x.ics.startLocal])).toEqual([
      ["Asia/Bishkek", "2027-02-15T10:00:00"],
      ["Asia/Bishkek", "2027-02-17T09:30:00"],
      ["Asia/Bishkek", "2027-02-17T09:30:00"],
    ]);
    expect(calendars[0]!.ics.end).toBe("2027-02-15T04:45:00.000Z");
    expect(calendars[0]!.ics.location).toBe(PLACE);
    expect(calendars[0]!.ics.attendee).toBe(`mailto:${a.email}`);
    // The company's members: the same entry, named after the candidate, in their own language.
    const employerEmail = (await c.db.selectFrom("users").select("email").where("id", "=", s.employer.id).executeTakeFirstOrThrow()).email;
    const company = mails
      .filter((m) => m.rcpt[0] === employerEmail)
      .flatMap((m) => m.parsed.attachments.filter((x) => x.contentType === "text/calendar").map((x) => parseIcs(x.content.toString("utf8"))));
    expect(company.map((x) => [x.method, x.uid, x.sequence])).toEqual([
      ["REQUEST", uid, 0],
      ["REQUEST", uid, 1],
      ["CANCEL", uid, 2],
    ]);
    expect(company[0]!.summary).toBe("Собеседование: Айпери Жумабекова — Junior QA");
    const confirmed = mails.find((m) => m.rcpt[0] === a.email && m.parsed.subject?.startsWith("Аңгемелешүү бекитилди"))!;
    expect(confirmed.parsed.text).toContain(
      "Ала-Тоо Софт компаниясындагы «Junior QA» боюнча аңгемелешүүнүн убактысы бекитилди: 2027-ж., 15-февралда саат 10:00 (Бишкек убактысы), 45 мүнөт.",
    );
  });
});

describe("the outcome of a past interview", () => {
  it("is asked for once the time has passed, and not before", async () => {
    const s = await scene(1);
    const a = s.apps[0]!;
    await proposeInterviews(c.db, s.companyId, [a.id], proposal(), s.employer.id);
    await pickSlot(c.db, a.graduateId, a.id, (await slotIds(a.id))[0]!, a.userId);
    expect(await interviewsAwaitingOutcome(c.db, s.companyId)).toEqual([]);
    expect(await recordInterviewOutcome(c.db, s.companyId, a.id, "passed", null, s.employer.id)).toEqual({ ok: false, reason: "not-yet" });
    const after = new Date(Date.parse(AT1) + 2 * 3_600_000);
    expect((await interviewsAwaitingOutcome(c.db, s.companyId, after)).map((x) => x.application_id)).toEqual([a.id]);
    const other = await scene(1);
    expect(await recordInterviewOutcome(c.db, other.companyId, a.id, "passed", null, other.employer.id, after)).toEqual({ ok: false, reason: "not-found" });
    expect(await recordInterviewOutcome(c.db, s.companyId, a.id, "no-show", "Не пришла", s.employer.id, after)).toEqual({ ok: true });
    expect(await interviewsAwaitingOutcome(c.db, s.companyId, after)).toEqual([]);
  });
});

describe("offers with a deadline", () => {
  async function atInterview() {
    const s = await scene(1);
    const a = s.apps[0]!;
    await c.db.updateTable("applications").set({ status: "interview" }).where("id", "=", a.id).execute();
    return { ...s, a };
  }
  const terms = { startDate: "2027-03-01", monthlyPay: 45000, answerBy: "2027-01-20", note: null };

  it("accepting is the hire: the placement with the offer's start and pay, the employed outcome, the company told", async () => {
    const s = await atInterview();
    expect(await makeOffer(c.db, s.companyId, s.a.id, terms, s.employer.id)).toEqual({ ok: true });
    expect((await outboxRows()).map((o) => o.kind)).toEqual(["offer-made"]);
    expect(await acceptOffer(c.db, s.a.graduateId, s.a.id, s.a.userId)).toEqual({ ok: true });
    const app = await c.db.selectFrom("applications").select("status").where("id", "=", s.a.id).executeTakeFirstOrThrow();
    expect(app.status).toBe("hired");
    const placement = await c.db.selectFrom("placements").selectAll().where("application_id", "=", s.a.id).executeTakeFirstOrThrow();
    expect([placement.start_date, placement.monthly_pay, placement.recorded_by]).toEqual(["2027-03-01", 45000, s.a.userId]);
    // Graduated 2026-06-30, starting 2027-03-01: the first checkpoint on or after the start is m12 (as-of rule, docs/product.md §6).
    const outcome = await c.db.selectFrom("outcomes").selectAll().where("placement_id", "=", placement.id).executeTakeFirstOrThrow();
    expect([outcome.code, outcome.as_of, outcome.checkpoint, outcome.source]).toEqual(["employed", "2027-03-01", "m12", "application"]);
    expect((await offerForCompany(c.db, s.companyId, s.a.id))!.status).toBe("accepted");
    expect((await outboxRows()).map((o) => [o.kind, o.user_id])).toEqual([
      ["offer-made", s.a.userId],
      ["offer-accepted", s.employer.id],
      ["offer-accepted", s.colleague.id],
    ]);
  });

  it("past its answer-by day the graduate can no longer accept; the employer sees it expired", async () => {
    const s = await atInterview();
    await makeOffer(c.db, s.companyId, s.a.id, terms, s.employer.id);
    const late = new Date("2027-01-20T18:00:00.000Z"); // midnight in Bishkek: the 21st
    const before = snapshot(c);
    expect(await acceptOffer(c.db, s.a.graduateId, s.a.id, s.a.userId, late)).toEqual({ ok: false, reason: "expired" });
    expect(snapshot(c)).toEqual(before);
    expect((await offerForCompany(c.db, s.companyId, s.a.id, late))!.expired).toBe(true);
    expect(await acceptOffer(c.db, s.a.graduateId, s.a.id, s.a.userId, new Date("2027-01-20T17:59:00.000Z"))).toEqual({ ok: true });
  });

  it("an offer withdrawn by the employer cannot be accepted; an accept racing the withdrawal: exactly one wins", async () => {
    const s = await atInterview();
    await makeOffer(c.db, s.companyId, s.a.id, terms, s.employer.id);
    expect(await withdrawOffer(c.db, s.companyId, s.a.id, s.employer.id)).toEqual({ ok: true });
    const before = snapshot(c);
    expect(await acceptOffer(c.db, s.a.graduateId, s.a.id, s.a.userId)).toEqual({ ok: false, reason: "transition" });
    expect(snapshot(c)).toEqual(before);
    await makeOffer(c.db, s.companyId, s.a.id, terms, s.employer.id);
    const [accepted, withdrawn] = await Promise.all([
      acceptOffer(c.db, s.a.graduateId, s.a.id, s.a.userId),
      withdrawOffer(c.db, s.companyId, s.a.id, s.employer.id),
    ]);
    expect([accepted.ok, withdrawn.ok].filter(Boolean)).toHaveLength(1);
    const placements = await c.db.selectFrom("placements").select("id").where("application_id", "=", s.a.id).execute();
    expect(placements).toHaveLength(accepted.ok ? 1 : 0);
  });

  it("declining withdraws the application with the reason, and tells the company", async () => {
    const s = await atInterview();
    await makeOffer(c.db, s.companyId, s.a.id, terms, s.employer.id);
    expect(await declineOffer(c.db, s.a.graduateId, s.a.id, "Выбрала другую компанию", s.a.userId)).toEqual({ ok: true });
    const app = await c.db.selectFrom("applications").select("status").where("id", "=", s.a.id).executeTakeFirstOrThrow();
    expect(app.status).toBe("withdrawn");
    const last = await c.db.selectFrom("application_events").selectAll().where("application_id", "=", s.a.id).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect([last.from_status, last.to_status, last.note]).toEqual(["offer", "withdrawn", "Выбрала другую компанию"]);
    expect((await outboxRows()).map((o) => o.kind)).toEqual(["offer-made", "offer-declined", "offer-declined"]);
    expect(await acceptOffer(c.db, s.a.graduateId, s.a.id, s.a.userId)).toEqual({ ok: false, reason: "transition" });
  });

  it("account deletion forgets the graduate's own words on interviews and offers (a request for another time, a cancel or decline reason)", async () => {
    const s = await scene(1);
    const a = s.apps[0]!;
    await proposeInterviews(c.db, s.companyId, [a.id], proposal(), s.employer.id);
    await askAnotherTime(c.db, a.graduateId, a.id, "Мой номер +996 555 000 111, звоните", a.userId);
    await proposeInterviews(c.db, s.companyId, [a.id], proposal([AT3]), s.employer.id);
    await cancelInterview(c.db, { graduateId: a.graduateId }, a.id, "Уезжаю к родителям в Ош", a.userId);
    await proposeInterviews(c.db, s.companyId, [a.id], proposal([AT3]), s.employer.id);
    await makeOffer(c.db, s.companyId, a.id, terms, s.employer.id);
    await declineOffer(c.db, a.graduateId, a.id, "Выбрала другую компанию", a.userId);
    await forgetGraduateApplications(c.db, a.graduateId, a.userId);
    const words = JSON.stringify([
      await c.db.selectFrom("interviews").select(["request_note", "reason"]).execute(),
      await c.db.selectFrom("offers").select("decline_reason").execute(),
    ]);
    for (const said of ["+996 555 000 111", "Ош", "другую компанию"]) expect(words).not.toContain(said);
    expect(await c.db.selectFrom("interviews").select("status").orderBy("id").execute()).toEqual([{ status: "cancelled" }, { status: "proposed" }]);
  });

  it("another company's member, or another graduate, names nothing", async () => {
    const s = await atInterview();
    const other = await scene(1);
    const before = snapshot(c);
    expect(await makeOffer(c.db, other.companyId, s.a.id, terms, other.employer.id)).toEqual({ ok: false, reason: "not-found" });
    expect(snapshot(c)).toEqual(before);
    await makeOffer(c.db, s.companyId, s.a.id, terms, s.employer.id);
    expect(await acceptOffer(c.db, other.apps[0]!.graduateId, s.a.id, other.apps[0]!.userId)).toEqual({ ok: false, reason: "not-found" });
    expect(await withdrawOffer(c.db, other.companyId, s.a.id, other.employer.id)).toEqual({ ok: false, reason: "not-found" });
  });
});
