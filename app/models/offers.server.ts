// Offers with a deadline (docs/product.md §15, docs/decisions/061-interview-slots-and-offers.md): the
// employer makes an offer (start date, optional pay, answer-by date) and may withdraw it; the
// graduate accepts it in the portal — the hire, which records the placement and its outcome with the
// as-of rule of docs/product.md §6 — or declines it (the application is withdrawn with the reason).
// Each step is one transaction with its history event and its messages (decision 057); a step that
// finds the offer or the application changed meanwhile writes nothing. Queries only.
import type { DB } from "@db/connection";
import type { ApplicationStatus, EmploymentType } from "@db/schema";
import { offerExpired } from "~/domain/applications/interview-slots";
import { canMove } from "~/domain/applications/pipeline";
import { type EventTx, tell, tellCompany } from "./messages.server";
import { cancelInterviewReminders } from "./interview-messages.server";
import { cancelInterviewOnLeaving } from "./interviews.server";
import { recordHireOutcome } from "./outcomes.server";
import { type ApplicationRow, applicationFor } from "./application-of.server";

export type OfferRefusal = "not-found" | "transition" | "expired";
export type OfferResult = { ok: true } | { ok: false; reason: OfferRefusal };

class Refused extends Error {
  constructor(readonly reason: OfferRefusal) {
    super(reason);
  }
}

async function refusable(db: DB, fn: (trx: EventTx) => Promise<void>): Promise<OfferResult> {
  try {
    await db.transaction().execute(fn);
    return { ok: true };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, reason: e.reason };
    // Two offers written at once for one application: the unique index keeps one.
    if (e instanceof Error && /UNIQUE constraint failed: offers\.application_id|UNIQUE constraint failed: placements\.application_id/.test(e.message))
      return { ok: false, reason: "transition" };
    throw e;
  }
}

/** The step's history event, dated `now`, and the application's last change with it. */
async function event(
  trx: DB,
  applicationId: number,
  from: ApplicationStatus,
  to: ApplicationStatus,
  actorUserId: number,
  note: string | null,
  now: string,
): Promise<number> {
  const { id } = await trx
    .insertInto("application_events")
    .values({ application_id: applicationId, from_status: from, to_status: to, actor_user_id: actorUserId, note, created_at: now, updated_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx.updateTable("applications").set({ updated_at: now }).where("id", "=", applicationId).execute();
  return id;
}

async function moveStage(trx: DB, app: ApplicationRow, to: ApplicationStatus, now: string): Promise<void> {
  const r = await trx
    .updateTable("applications")
    .set({ status: to, updated_at: now })
    .where("id", "=", app.id)
    .where("status", "=", app.status)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new Refused("transition");
}

async function openOffer(trx: DB, applicationId: number) {
  return trx.selectFrom("offers").selectAll().where("application_id", "=", applicationId).where("status", "=", "open").executeTakeFirst();
}

/** Settles the open offer, only if it is still open (an accept racing a withdrawal: one of them finds it changed). */
async function settleOffer(trx: DB, offerId: number, set: { status: "accepted" | "declined" | "withdrawn"; decline_reason?: string | null }, now: string) {
  const r = await trx
    .updateTable("offers")
    .set({ ...set, answered_at: now, updated_at: now })
    .where("id", "=", offerId)
    .where("status", "=", "open")
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new Refused("transition");
}

/**
 * The employer's own "hired" move (applications.server.ts#move) withdraws an offer still open: the hire's
 * start date and pay are the placement's, so no second, open set of terms stays behind (REVIEW18 F10;
 * docs/decisions/061-interview-slots-and-offers.md). The graduate is told of the hire, not of a withdrawal.
 */
export async function withdrawOfferOnHire(trx: DB, applicationId: number, now: Date): Promise<void> {
  const offer = await openOffer(trx, applicationId);
  if (offer) await settleOffer(trx, offer.id, { status: "withdrawn" }, now.toISOString());
}

export type OfferInput = { startDate: string; monthlyPay: number | null; answerBy: string; note: string | null };

/**
 * The employer makes an offer: from "interview" the application moves to "offer"; at "offer" an
 * open offer is replaced by the new terms (the old one is withdrawn). The graduate is told.
 */
export async function makeOffer(
  db: DB,
  companyId: number,
  applicationId: number,
  input: OfferInput,
  actorUserId: number,
  now = new Date(),
): Promise<OfferResult> {
  return refusable(db, async (trx) => {
    const app = await applicationFor(trx, { companyId }, applicationId).executeTakeFirst();
    if (!app) throw new Refused("not-found");
    if (app.status !== "interview" && app.status !== "offer") throw new Refused("transition");
    const stamp = now.toISOString();
    const previous = await openOffer(trx, app.id);
    if (previous) await settleOffer(trx, previous.id, { status: "withdrawn" }, stamp);
    await trx
      .insertInto("offers")
      .values({
        application_id: app.id,
        status: "open",
        start_date: input.startDate,
        monthly_pay: input.monthlyPay,
        answer_by: input.answerBy,
        note: input.note,
        created_by: actorUserId,
      })
      .execute();
    if (app.status === "interview") {
      await moveStage(trx, app, "offer", stamp);
      // The interview stage is over: a reminder still waiting is not sent.
      await cancelInterviewReminders(trx, app.id, now);
    }
    const eventId = await event(trx, app.id, app.status, "offer", actorUserId, input.note, stamp);
    if (app.user_id) {
      await tell(trx, {
        userId: app.user_id,
        kind: "offer-made",
        eventKey: eventId,
        vars: { vacancy: app.title, company: app.company_name, startDate: input.startDate, answerBy: input.answerBy },
        link: `/me/applications/${app.id}`,
      });
    }
  });
}

/** The employer withdraws the open offer; the application stays at "offer" (a new offer, or a rejection, follows). */
export async function withdrawOffer(db: DB, companyId: number, applicationId: number, actorUserId: number, now = new Date()): Promise<OfferResult> {
  return refusable(db, async (trx) => {
    const app = await applicationFor(trx, { companyId }, applicationId).executeTakeFirst();
    if (!app) throw new Refused("not-found");
    const offer = app.status === "offer" ? await openOffer(trx, app.id) : undefined;
    if (!offer) throw new Refused("transition");
    const stamp = now.toISOString();
    await settleOffer(trx, offer.id, { status: "withdrawn" }, stamp);
    const eventId = await event(trx, app.id, "offer", "offer", actorUserId, null, stamp);
    if (app.user_id) {
      await tell(trx, {
        userId: app.user_id,
        kind: "offer-withdrawn",
        eventKey: eventId,
        vars: { vacancy: app.title, company: app.company_name },
        link: `/me/applications/${app.id}`,
      });
    }
  });
}

async function graduateOffer(trx: DB, graduateId: number, applicationId: number, now: Date) {
  const app = await applicationFor(trx, { graduateId }, applicationId).executeTakeFirst();
  if (!app) throw new Refused("not-found");
  const offer = canMove(app.status, "hired", "graduate") ? await openOffer(trx, app.id) : undefined;
  if (!offer) throw new Refused("transition");
  if (offerExpired(offer.answer_by, now)) throw new Refused("expired");
  return { app, offer };
}

/**
 * The graduate accepts the open offer before its answer-by day ends: the hire. The application
 * becomes "hired", the placement is recorded with the offer's start date and pay, and the
 * `employed` outcome with the as-of rule (docs/product.md §6; the same record the employer's
 * "hired" move writes in applications.server.ts#move). The company is told.
 */
export async function acceptOffer(db: DB, graduateId: number, applicationId: number, actorUserId: number, now = new Date()): Promise<OfferResult> {
  return refusable(db, async (trx) => {
    const { app, offer } = await graduateOffer(trx, graduateId, applicationId, now);
    const stamp = now.toISOString();
    await settleOffer(trx, offer.id, { status: "accepted" }, stamp);
    await moveStage(trx, app, "hired", stamp);
    const eventId = await event(trx, app.id, "offer", "hired", actorUserId, null, stamp);
    // An interview still to come will not take place: withdrawn from both calendars (REVIEW18 F10).
    await cancelInterviewOnLeaving(trx, app.id, eventId, "—", now);
    const placement = await trx
      .insertInto("placements")
      .values({
        application_id: app.id,
        graduate_id: app.graduate_id,
        company_id: app.company_id,
        vacancy_id: app.vacancy_id,
        job_title: app.title,
        employment_type: app.employment_type as EmploymentType,
        start_date: offer.start_date,
        monthly_pay: offer.monthly_pay,
        company_htp_resident: app.company_status === "verified" ? 1 : 0,
        recorded_by: actorUserId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordHireOutcome(trx, {
      graduateId: app.graduate_id,
      placementId: placement.id,
      companyId: app.company_id,
      jobTitle: app.title,
      employmentType: app.employment_type as EmploymentType,
      startDate: offer.start_date,
      monthlyPay: offer.monthly_pay,
      regionId: app.region_id,
      actorUserId,
    });
    await tellCompany(trx, app.company_id, {
      kind: "offer-accepted",
      eventKey: eventId,
      vars: { graduate: `${app.first_name} ${app.last_name}`, vacancy: app.title, startDate: offer.start_date },
      link: `/employer/applications/${app.id}`,
    });
  });
}

/** The graduate declines the open offer: the application is withdrawn with their reason, and the company is told. */
export async function declineOffer(
  db: DB,
  graduateId: number,
  applicationId: number,
  reason: string | null,
  actorUserId: number,
  now = new Date(),
): Promise<OfferResult> {
  return refusable(db, async (trx) => {
    const app = await applicationFor(trx, { graduateId }, applicationId).executeTakeFirst();
    if (!app) throw new Refused("not-found");
    const offer = app.status === "offer" ? await openOffer(trx, app.id) : undefined;
    if (!offer) throw new Refused("transition");
    const stamp = now.toISOString();
    // A decline needs no deadline: saying no after the answer-by day is still an answer.
    await settleOffer(trx, offer.id, { status: "declined", decline_reason: reason }, stamp);
    await moveStage(trx, app, "withdrawn", stamp);
    const eventId = await event(trx, app.id, "offer", "withdrawn", actorUserId, reason, stamp);
    await tellCompany(trx, app.company_id, {
      kind: "offer-declined",
      eventKey: eventId,
      // No reason given reads as a dash, not an empty "Reason: ."
      vars: { graduate: `${app.first_name} ${app.last_name}`, vacancy: app.title, reason: reason ?? "—" },
      link: `/employer/applications/${app.id}`,
    });
  });
}

export type OfferView = {
  id: number;
  status: "open" | "accepted" | "declined" | "withdrawn";
  startDate: string;
  monthlyPay: number | null;
  answerBy: string;
  note: string | null;
  /** Open, but its answer-by day has passed: the graduate can no longer accept it. */
  expired: boolean;
};

async function latestOffer(db: DB, applicationId: number, now: Date): Promise<OfferView | null> {
  const o = await db
    .selectFrom("offers")
    .select(["id", "status", "start_date", "monthly_pay", "answer_by", "note"])
    .where("application_id", "=", applicationId)
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!o) return null;
  return {
    id: o.id,
    status: o.status,
    startDate: o.start_date,
    monthlyPay: o.monthly_pay,
    answerBy: o.answer_by,
    note: o.note,
    expired: o.status === "open" && offerExpired(o.answer_by, now),
  };
}

/** The latest offer on the graduate's own application (null when none, or not theirs). */
export async function offerForGraduate(db: DB, graduateId: number, applicationId: number, now = new Date()): Promise<OfferView | null> {
  const own = await db.selectFrom("applications").select("id").where("id", "=", applicationId).where("graduate_id", "=", graduateId).executeTakeFirst();
  return own ? latestOffer(db, own.id, now) : null;
}

/** The latest offer on an application of the company's (null when none, or not the company's). */
export async function offerForCompany(db: DB, companyId: number, applicationId: number, now = new Date()): Promise<OfferView | null> {
  const own = await db
    .selectFrom("applications")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
    .select("applications.id")
    .where("applications.id", "=", applicationId)
    .where("vacancies.company_id", "=", companyId)
    .executeTakeFirst();
  return own ? latestOffer(db, own.id, now) : null;
}
