// Interviews proposed as slots (docs/product.md §15, docs/decisions/061-interview-slots-and-offers.md):
// the employer proposes 1–3 slots for one or many applications (one transaction for all), the
// graduate picks one or asks for another time, either side cancels or moves it, and the employer
// records how a past interview went. Every change is an application_events row (the history, and
// "the interview time as stored today": a picked slot is an event with interview_at) and its
// messages through `tell` in the same transaction (decision 057). Queries only; the routes parse
// and authorize. Employer functions take the company's id, graduate functions the graduate's id,
// so an id from elsewhere names nothing.
import type { Updateable, Transaction } from "kysely";
import type { DB } from "@db/connection";
import type { ApplicationEventStep, ApplicationStatus, InterviewOutcome, InterviewsTable, InterviewStatus, Database } from "@db/schema";
import type { Slot, SlotProposal } from "~/domain/applications/interview-slots";
import {
  INTERVIEW_ANOTHER_TIME,
  INTERVIEW_CANCELLED,
  INTERVIEW_CONFIRMED,
  INTERVIEW_REMINDER,
  INTERVIEW_SLOT_PICKED,
  reminderDueAt,
  type SlotInterviewVars,
} from "~/domain/messages/interview";
import { cancelInterviewReminders } from "./interview-messages.server";
import { type ApplicationRow, applicationFor, applicationRows } from "./application-of.server";
import { type EventTx, tell, tellCompany } from "./messages.server";
import { idemKeyOf, queueMessage } from "./outbox.server";

/** An interview that is still going on: one per application (the interviews_open index). */
const OPEN: readonly InterviewStatus[] = ["proposed", "another-time", "confirmed"];

export type InterviewRefusal = "not-found" | "transition" | "reason" | "slot" | "past" | "not-yet";
export type InterviewResult = { ok: true } | { ok: false; reason: InterviewRefusal; applicationId?: number };

/** Thrown inside a transaction to roll every write back and answer `result`. */
class Refused extends Error {
  constructor(readonly result: InterviewResult & { ok: false }) {
    super(result.reason);
  }
}

async function refusable(db: DB, fn: (trx: EventTx) => Promise<void>): Promise<InterviewResult> {
  try {
    await db.transaction().execute(fn);
    return { ok: true };
  } catch (e) {
    if (e instanceof Refused) return e.result;
    // Two proposals for one application at once: the unique index keeps one.
    if (e instanceof Error && /UNIQUE constraint failed: interviews\.application_id/.test(e.message)) return { ok: false, reason: "transition" };
    throw e;
  }
}

async function openInterviewOf(trx: DB, applicationId: number) {
  return trx.selectFrom("interviews").selectAll().where("application_id", "=", applicationId).where("status", "in", OPEN).executeTakeFirst();
}
type InterviewRow = NonNullable<Awaited<ReturnType<typeof openInterviewOf>>>;

/**
 * The step's history event, dated `now` (the step's own clock), and the application's last change with
 * it: a step inside the interview stage is activity on the application too (the lists sort by it).
 */
async function historyEvent(
  trx: DB,
  applicationId: number,
  from: ApplicationStatus,
  to: ApplicationStatus,
  actorUserId: number,
  now: string,
  extra: { note?: string | null; at?: string | null; place?: string | null; step?: ApplicationEventStep } = {},
): Promise<number> {
  const { id } = await trx
    .insertInto("application_events")
    .values({
      application_id: applicationId,
      from_status: from,
      to_status: to,
      actor_user_id: actorUserId,
      note: extra.note ?? null,
      interview_at: extra.at ?? null,
      interview_place: extra.place ?? null,
      step: extra.step ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx.updateTable("applications").set({ updated_at: now }).where("id", "=", applicationId).execute();
  return id;
}

/** Moves the application one stage, only if no one moved it meanwhile. */
async function moveStage(trx: DB, app: ApplicationRow, to: ApplicationStatus, now: string): Promise<void> {
  const r = await trx
    .updateTable("applications")
    .set({ status: to, updated_at: now })
    .where("id", "=", app.id)
    .where("status", "=", app.status)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new Refused({ ok: false, reason: "transition", applicationId: app.id });
  app.status = to;
}

const graduateLink = (applicationId: number) => `/me/applications/${applicationId}`;
const companyLink = (applicationId: number) => `/employer/applications/${applicationId}`;

function calendarVars(app: ApplicationRow, iv: { id: number; minutes: number; place: string }, at: string, sequence: number, stamp: string): SlotInterviewVars {
  return {
    vacancy: app.title,
    company: app.company_name,
    graduate: `${app.first_name} ${app.last_name}`,
    at,
    minutes: iv.minutes,
    place: iv.place,
    application: app.id,
    interview: iv.id,
    sequence,
    stamp,
  };
}

// ---- The employer proposes ----

export type ProposeInput = SlotProposal & { reason: string | null };

/**
 * Proposes the slots for each application, all in one transaction: an application of another
 * company, or one no longer open for an interview, refuses the whole request (nothing written).
 * An application that was applied or in screening moves to "interview" (applied passes through
 * screening, two allowed steps); one with slots waiting gets the new slots; a confirmed interview
 * is moved (rescheduled), which needs a reason.
 */
export async function proposeInterviews(
  db: DB,
  companyId: number,
  applicationIds: readonly number[],
  input: ProposeInput,
  actorUserId: number,
  now = new Date(),
): Promise<InterviewResult> {
  const ids = [...new Set(applicationIds)];
  if (!ids.length) return { ok: false, reason: "not-found" };
  return refusable(db, async (trx) => {
    const stamp = now.toISOString();
    for (const applicationId of ids) {
      const app = await applicationFor(trx, { companyId }, applicationId).executeTakeFirst();
      if (!app) throw new Refused({ ok: false, reason: "not-found", applicationId });
      if (!["applied", "screening", "interview"].includes(app.status)) throw new Refused({ ok: false, reason: "transition", applicationId });
      if (app.status === "applied") {
        await moveStage(trx, app, "screening", stamp);
        await historyEvent(trx, app.id, "applied", "screening", actorUserId, stamp);
      }
      const existing = app.status === "interview" ? await openInterviewOf(trx, app.id) : undefined;
      const rescheduling = existing?.status === "confirmed";
      if (rescheduling && !input.reason) throw new Refused({ ok: false, reason: "reason", applicationId });
      let interviewId: number;
      if (existing) {
        const r = await trx
          .updateTable("interviews")
          // starts_at keeps the last confirmed time: the calendar entry a later cancellation withdraws.
          .set({ status: "proposed", minutes: input.minutes, place: input.place, reason: input.reason, request_note: null, updated_at: stamp })
          .where("id", "=", existing.id)
          .where("status", "=", existing.status)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new Refused({ ok: false, reason: "transition", applicationId });
        await trx.deleteFrom("interview_slots").where("interview_id", "=", existing.id).execute();
        interviewId = existing.id;
      } else {
        ({ id: interviewId } = await trx
          .insertInto("interviews")
          .values({ application_id: app.id, status: "proposed", minutes: input.minutes, place: input.place, reason: input.reason, created_by: actorUserId })
          .returning("id")
          .executeTakeFirstOrThrow());
      }
      await trx
        .insertInto("interview_slots")
        .values(input.slots.map((s) => ({ interview_id: interviewId, starts_at: s.start, ends_at: s.end })))
        .execute();
      const from = app.status;
      if (from === "screening") await moveStage(trx, app, "interview", stamp);
      const eventId = await historyEvent(trx, app.id, from, "interview", actorUserId, stamp, {
        note: input.reason,
        step: rescheduling ? "interview-moved" : "interview-proposed",
      });
      // A moved interview's reminder of the old time is not sent.
      if (rescheduling) await cancelInterviewReminders(trx, app.id, now);
      if (app.user_id) {
        await tell(trx, {
          userId: app.user_id,
          kind: rescheduling ? "interview-rescheduled" : "interview-proposed",
          eventKey: eventId,
          vars: { vacancy: app.title, company: app.company_name, n: input.slots.length, reason: input.reason ?? "" },
          link: graduateLink(app.id),
        });
      }
    }
  });
}

// ---- The graduate answers ----

async function graduateApplication(trx: DB, graduateId: number, applicationId: number): Promise<ApplicationRow> {
  const app = await applicationFor(trx, { graduateId }, applicationId).executeTakeFirst();
  if (!app) throw new Refused({ ok: false, reason: "not-found" });
  return app;
}

async function companyApplication(trx: DB, companyId: number, applicationId: number): Promise<ApplicationRow> {
  const app = await applicationFor(trx, { companyId }, applicationId).executeTakeFirst();
  if (!app) throw new Refused({ ok: false, reason: "not-found" });
  return app;
}

/** Sets the interview from `from` to `set`, only if no one changed it meanwhile (a slot picked twice at once: the second finds it changed). */
async function changeInterview(trx: DB, iv: InterviewRow, set: Updateable<InterviewsTable>, now: string): Promise<void> {
  const r = await trx
    .updateTable("interviews")
    .set({ ...set, updated_at: now })
    .where("id", "=", iv.id)
    .where("status", "=", iv.status)
    .where("sequence", "=", iv.sequence)
    .where("updated_at", "=", iv.updated_at)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new Refused({ ok: false, reason: "transition" });
}

/** The day-before reminder of a confirmed slot (the graduate's), due 24 hours ahead; none when it is nearer. */
async function queueReminder(trx: DB, userId: number, eventId: number, vars: SlotInterviewVars, now: Date): Promise<void> {
  const due = reminderDueAt(vars.at, now);
  if (!due) return;
  const reminder = { userId, kind: INTERVIEW_REMINDER, eventKey: eventId } as const;
  await queueMessage(trx, { userId, kind: INTERVIEW_REMINDER, eventKey: eventId, vars, link: graduateLink(vars.application) });
  await trx
    .updateTable("outbox")
    .set({ next_attempt_at: due, due_at: due })
    .where("idem_key", "in", [idemKeyOf(trx, reminder, "email"), idemKeyOf(trx, reminder, "telegram")])
    .where("status", "=", "queued")
    .execute();
}

/**
 * The graduate picks one of the proposed slots: the interview is confirmed, both sides get the
 * calendar entry (METHOD:REQUEST; a moved interview the same UID with a higher SEQUENCE) and the
 * graduate's reminder is written due the day before.
 */
export async function pickSlot(
  db: DB,
  graduateId: number,
  applicationId: number,
  slotId: number,
  actorUserId: number,
  now = new Date(),
): Promise<InterviewResult> {
  return refusable(db, async (trx) => {
    const app = await graduateApplication(trx, graduateId, applicationId);
    const iv = app.status === "interview" ? await openInterviewOf(trx, app.id) : undefined;
    if (!iv || iv.status !== "proposed") throw new Refused({ ok: false, reason: "transition" });
    const slot = await trx.selectFrom("interview_slots").select(["starts_at"]).where("id", "=", slotId).where("interview_id", "=", iv.id).executeTakeFirst();
    if (!slot) throw new Refused({ ok: false, reason: "slot" });
    if (Date.parse(slot.starts_at) <= now.getTime()) throw new Refused({ ok: false, reason: "past" });
    const stamp = now.toISOString();
    // The first calendar entry is SEQUENCE 0; a later time for the same interview is its update.
    const sequence = iv.calendar_sent ? iv.sequence + 1 : iv.sequence;
    await changeInterview(trx, iv, { status: "confirmed", starts_at: slot.starts_at, sequence, calendar_sent: 1, request_note: null }, stamp);
    const eventId = await historyEvent(trx, app.id, "interview", "interview", actorUserId, stamp, { at: slot.starts_at, place: iv.place, step: "slot-picked" });
    const vars = calendarVars(app, iv, slot.starts_at, sequence, stamp);
    const userId = app.user_id ?? actorUserId;
    await tell(trx, { userId, kind: INTERVIEW_CONFIRMED, eventKey: eventId, vars, link: graduateLink(app.id) });
    await tellCompany(trx, app.company_id, { kind: INTERVIEW_SLOT_PICKED, eventKey: eventId, vars, link: companyLink(app.id) });
    await cancelInterviewReminders(trx, app.id, now);
    await queueReminder(trx, userId, eventId, vars, now);
  });
}

/** None of the slots suits the graduate (or a confirmed time no longer does): they ask for another time with a message. */
export async function askAnotherTime(
  db: DB,
  graduateId: number,
  applicationId: number,
  message: string,
  actorUserId: number,
  now = new Date(),
): Promise<InterviewResult> {
  return refusable(db, async (trx) => {
    const app = await graduateApplication(trx, graduateId, applicationId);
    const iv = app.status === "interview" ? await openInterviewOf(trx, app.id) : undefined;
    if (!iv || (iv.status !== "proposed" && iv.status !== "confirmed")) throw new Refused({ ok: false, reason: "transition" });
    const stamp = now.toISOString();
    await changeInterview(trx, iv, { status: "another-time", request_note: message }, stamp);
    await trx.deleteFrom("interview_slots").where("interview_id", "=", iv.id).execute();
    const eventId = await historyEvent(trx, app.id, "interview", "interview", actorUserId, stamp, { note: message, step: "another-time" });
    if (iv.status === "confirmed") await cancelInterviewReminders(trx, app.id, now);
    await tellCompany(trx, app.company_id, {
      kind: INTERVIEW_ANOTHER_TIME,
      eventKey: eventId,
      vars: { graduate: `${app.first_name} ${app.last_name}`, vacancy: app.title, message },
      link: companyLink(app.id),
    });
  });
}

/**
 * Either side cancels the interview with a reason. Both sides are told; when a calendar entry went
 * out, the message carries its METHOD:CANCEL (same UID, higher SEQUENCE). The reminder is not sent.
 * The application stays at "interview": the employer may propose again, or move it on.
 */
export async function cancelInterview(
  db: DB,
  by: { companyId: number } | { graduateId: number },
  applicationId: number,
  reason: string,
  actorUserId: number,
  now = new Date(),
): Promise<InterviewResult> {
  return refusable(db, async (trx) => {
    const app = "companyId" in by ? await companyApplication(trx, by.companyId, applicationId) : await graduateApplication(trx, by.graduateId, applicationId);
    const iv = app.status === "interview" ? await openInterviewOf(trx, app.id) : undefined;
    if (!iv) throw new Refused({ ok: false, reason: "transition" });
    const stamp = now.toISOString();
    const calendar = iv.calendar_sent === 1 && iv.starts_at !== null;
    const sequence = calendar ? iv.sequence + 1 : iv.sequence;
    await changeInterview(trx, iv, { status: "cancelled", reason, sequence }, stamp);
    const eventId = await historyEvent(trx, app.id, "interview", "interview", actorUserId, stamp, { note: reason, step: "interview-cancelled" });
    await cancelInterviewReminders(trx, app.id, now);
    // A time that was never confirmed has no calendar entry to cancel: the message alone.
    const vars: Record<string, string | number> = calendar
      ? { ...calendarVars(app, iv, iv.starts_at!, sequence, stamp), reason }
      : { vacancy: app.title, company: app.company_name, graduate: `${app.first_name} ${app.last_name}`, reason };
    if (app.user_id) await tell(trx, { userId: app.user_id, kind: INTERVIEW_CANCELLED, eventKey: eventId, vars, link: graduateLink(app.id) });
    await tellCompany(trx, app.company_id, { kind: INTERVIEW_CANCELLED, eventKey: eventId, vars, link: companyLink(app.id) });
  });
}

/**
 * The application left the interview stage without it (rejected, withdrawn): an interview still to come is
 * cancelled with it — a confirmed time's calendar entry gets its METHOD:CANCEL (same UID, next SEQUENCE) —
 * so nobody's calendar keeps an interview that will not happen (review of issue 18; decision 061).
 * One that has already taken place stays as it was. Called inside the move's transaction.
 */
export async function cancelInterviewOnLeaving(trx: Transaction<Database>, applicationId: number, eventId: number, reason: string, now: Date): Promise<void> {
  const iv = await openInterviewOf(trx, applicationId);
  if (!iv || (iv.starts_at !== null && iv.starts_at <= now.toISOString())) return;
  const app = await applicationFor(trx, "any", applicationId).executeTakeFirstOrThrow();
  const stamp = now.toISOString();
  const calendar = iv.calendar_sent === 1 && iv.starts_at !== null;
  const sequence = calendar ? iv.sequence + 1 : iv.sequence;
  await changeInterview(trx, iv, { status: "cancelled", reason, sequence }, stamp);
  await cancelInterviewReminders(trx, applicationId, now);
  const vars: Record<string, string | number> = calendar
    ? { ...calendarVars(app, iv, iv.starts_at!, sequence, stamp), reason }
    : { vacancy: app.title, company: app.company_name, graduate: `${app.first_name} ${app.last_name}`, reason };
  if (app.user_id) await tell(trx, { userId: app.user_id, kind: INTERVIEW_CANCELLED, eventKey: eventId, vars, link: graduateLink(app.id) });
  await tellCompany(trx, app.company_id, { kind: INTERVIEW_CANCELLED, eventKey: eventId, vars, link: companyLink(app.id) });
}

/** The employer records how a confirmed interview went, once its time has passed. */
export async function recordInterviewOutcome(
  db: DB,
  companyId: number,
  applicationId: number,
  outcome: InterviewOutcome,
  note: string | null,
  actorUserId: number,
  now = new Date(),
): Promise<InterviewResult> {
  return refusable(db, async (trx) => {
    const app = await companyApplication(trx, companyId, applicationId);
    const iv = await openInterviewOf(trx, app.id);
    if (!iv || iv.status !== "confirmed" || !iv.starts_at) throw new Refused({ ok: false, reason: "transition" });
    if (Date.parse(iv.starts_at) > now.getTime()) throw new Refused({ ok: false, reason: "not-yet" });
    await changeInterview(trx, iv, { status: "done", outcome, outcome_note: note }, now.toISOString());
  });
}

// ---- Reading ----

/** The application's latest interview (open or not) and its slots, as the page shows it. */
async function latestInterviewOf(db: DB, applicationId: number) {
  const iv = await db
    .selectFrom("interviews")
    .select(["id", "status", "minutes", "place", "starts_at", "sequence", "request_note", "reason", "outcome", "outcome_note", "updated_at"])
    .where("application_id", "=", applicationId)
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!iv) return null;
  const slots: (Slot & { id: number })[] = await db
    .selectFrom("interview_slots")
    .select(["id", "starts_at as start", "ends_at as end"])
    .where("interview_id", "=", iv.id)
    .orderBy("starts_at")
    .execute();
  return { ...iv, slots };
}

export type InterviewView = NonNullable<Awaited<ReturnType<typeof latestInterviewOf>>> & { awaitingOutcome: boolean };

function withOutcomeDue(iv: Awaited<ReturnType<typeof latestInterviewOf>>, now: Date): InterviewView | null {
  if (!iv) return null;
  return { ...iv, awaitingOutcome: iv.status === "confirmed" && iv.starts_at !== null && Date.parse(iv.starts_at) <= now.getTime() };
}

/** The interview of the graduate's own application (null when it is not theirs or has none). */
export async function interviewForGraduate(db: DB, graduateId: number, applicationId: number, now = new Date()): Promise<InterviewView | null> {
  const own = await db.selectFrom("applications").select("id").where("id", "=", applicationId).where("graduate_id", "=", graduateId).executeTakeFirst();
  return own ? withOutcomeDue(await latestInterviewOf(db, own.id), now) : null;
}

/** The interview of an application of the company's (null when it is not the company's or has none). */
export async function interviewForCompany(db: DB, companyId: number, applicationId: number, now = new Date()): Promise<InterviewView | null> {
  const own = await db
    .selectFrom("applications")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
    .select("applications.id")
    .where("applications.id", "=", applicationId)
    .where("vacancies.company_id", "=", companyId)
    .executeTakeFirst();
  return own ? withOutcomeDue(await latestInterviewOf(db, own.id), now) : null;
}

function companyInterviews(db: DB, companyId: number) {
  return db
    .selectFrom("interviews")
    .innerJoin("applications", "applications.id", "interviews.application_id")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
    .innerJoin("graduates", "graduates.id", "applications.graduate_id")
    .select([
      "interviews.id",
      "interviews.application_id",
      "interviews.starts_at",
      "interviews.minutes",
      "interviews.place",
      "interviews.status",
      "vacancies.title as vacancy",
      "graduates.first_name",
      "graduates.last_name",
    ])
    .where("vacancies.company_id", "=", companyId)
    .where("applications.status", "=", "interview");
}

/** Confirmed interviews of the company starting in [fromUtc, toUtc): the dashboard's "interviews this week". */
export async function interviewsBetween(db: DB, companyId: number, fromUtc: string, toUtc: string) {
  return companyInterviews(db, companyId)
    .where("interviews.status", "in", ["confirmed", "done"])
    .where("interviews.starts_at", ">=", fromUtc)
    .where("interviews.starts_at", "<", toUtc)
    .orderBy("interviews.starts_at")
    .execute();
}

/** Confirmed interviews whose time has passed and whose outcome the employer has not recorded (the page and the dashboard ask for it). */
export async function interviewsAwaitingOutcome(db: DB, companyId: number, now = new Date()) {
  return companyInterviews(db, companyId)
    .where("interviews.status", "=", "confirmed")
    .where("interviews.starts_at", "<=", now.toISOString())
    .orderBy("interviews.starts_at")
    .execute();
}

/** The applications named in the slot form, of this company, with the facts the form shows (others are left out). */
export async function applicationsForProposal(db: DB, companyId: number, applicationIds: readonly number[]) {
  if (!applicationIds.length) return [];
  const rows = await applicationRows(db)
    .select((eb) =>
      eb
        .selectFrom("interviews")
        .select("interviews.status")
        .whereRef("interviews.application_id", "=", "applications.id")
        .where("interviews.status", "in", OPEN)
        .as("interview_status"),
    )
    .where("applications.id", "in", [...new Set(applicationIds)])
    .where("vacancies.company_id", "=", companyId)
    .orderBy("applications.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    name: `${r.first_name} ${r.last_name}`,
    vacancy: r.title,
    interviewStatus: (r.interview_status ?? null) as InterviewStatus | null,
  }));
}

/** What the interview and offer pages name: the application of this company (undefined when it is not). */
export async function companyApplicationHeader(db: DB, companyId: number, applicationId: number) {
  const app = await applicationFor(db, { companyId }, applicationId).executeTakeFirst();
  return app ? { id: app.id, status: app.status, name: `${app.first_name} ${app.last_name}`, vacancy: app.title } : undefined;
}

/** What the graduate's interview and offer pages name: their own application (undefined when it is not theirs). */
export async function graduateApplicationHeader(db: DB, graduateId: number, applicationId: number) {
  const app = await applicationFor(db, { graduateId }, applicationId).executeTakeFirst();
  return app ? { id: app.id, status: app.status, company: app.company_name, vacancy: app.title } : undefined;
}

/**
 * The interview as the graduate sees it: the slots while they choose, the confirmed time, the
 * reasons given to them — never the employer's outcome or note (docs/product.md §8: a loader returns
 * only what the page shows to that viewer).
 */
export type GraduateInterviewView = {
  status: InterviewStatus;
  minutes: number;
  place: string;
  startsAt: string | null;
  slots: { id: number; start: string; end: string }[];
  requestNote: string | null;
  reason: string | null;
};

export async function graduateInterviewView(db: DB, graduateId: number, applicationId: number, now = new Date()): Promise<GraduateInterviewView | null> {
  const iv = await interviewForGraduate(db, graduateId, applicationId, now);
  if (!iv) return null;
  return {
    // A held interview is, for the graduate, the confirmed one: how it went is the employer's note.
    status: iv.status === "done" ? "confirmed" : iv.status,
    minutes: iv.minutes,
    place: iv.place,
    startsAt: iv.status === "confirmed" || iv.status === "done" ? iv.starts_at : null,
    slots: iv.status === "proposed" ? iv.slots.filter((s) => Date.parse(s.start) > now.getTime()) : [],
    requestNote: iv.request_note,
    reason: iv.reason,
  };
}

/**
 * Account deletion (called by applications.server.ts#forgetGraduateApplications in its transaction):
 * the graduate's own words on interviews and offers go with their other notes — a request for
 * another time, the reason they gave for cancelling or declining. Times, states and the employer's
 * own words stay, as the application's statuses do.
 */
export async function forgetGraduateInterviewWords(db: DB, graduateId: number, userId: number): Promise<void> {
  const ids = db.selectFrom("applications").select("id").where("graduate_id", "=", graduateId);
  await db.updateTable("interviews").set({ request_note: null }).where("application_id", "in", ids).execute();
  // A cancellation's reason is the graduate's when their account made the cancelling event.
  const cancelledByThem = db
    .selectFrom("application_events")
    .select("application_id")
    .where("application_id", "in", ids)
    .where("actor_user_id", "=", userId)
    .where("to_status", "=", "interview");
  await db.updateTable("interviews").set({ reason: null }).where("status", "=", "cancelled").where("application_id", "in", cancelledByThem).execute();
  await db.updateTable("offers").set({ decline_reason: null }).where("application_id", "in", ids).execute();
}
