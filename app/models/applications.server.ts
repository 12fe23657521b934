// Applications and their pipeline (docs/product.md §3 "Applications"). A graduate applies once per
// vacancy and the row keeps a snapshot of what was sent; employers move it through the
// pipeline of app/domain/applications/pipeline.ts; every move is an application_events row
// and a notification to the other side; "hired" records a placement and an `employed`
// outcome in the same transaction.
// Every function is scoped: graduate functions take the graduate's id, employer functions the
// company's id, so an id from elsewhere names nothing (the routes answer 404).
import type { DB } from "@db/connection";
import type { ApplicationStatus, EmploymentType } from "@db/schema";
import { todayInBishkek } from "~/domain/calendar";
import { canMove } from "~/domain/applications/pipeline";
import { parseSnapshot, serializeSnapshot } from "~/domain/applications/snapshot";
import { inTransaction, tell, tellCompany } from "./messages.server";
import { cancelInterviewReminders, queueInterviewMessages } from "./interview-messages.server";
import { cancelInterviewOnLeaving, forgetGraduateInterviewWords } from "./interviews.server";
import { withdrawOfferOnHire } from "./offers.server";
import { recordHireOutcome } from "./outcomes.server";
import { applicationFor } from "./application-of.server";
import { takeSnapshot } from "./application-snapshot.server";
import type { CompanyApplicantsQuery } from "~/domain/applications/applicants-query";

export { NOTE_MAX } from "~/domain/applications/pipeline";

export { type ApplicationSnapshot, type SnapshotView, parseSnapshot } from "~/domain/applications/snapshot";

/** A vacancy graduates may apply to: open, of a verified company, deadline not passed. */
export async function openVacancy(db: DB, vacancyId: number) {
  const today = todayInBishkek();
  return db
    .selectFrom("vacancies")
    .innerJoin("companies", "companies.id", "vacancies.company_id")
    .select([
      "vacancies.id",
      "vacancies.title",
      "vacancies.employment_type",
      "vacancies.company_id",
      "vacancies.region_id",
      "companies.name as company_name",
      "companies.slug as company_slug",
    ])
    .where("vacancies.id", "=", vacancyId)
    .where("vacancies.status", "=", "open")
    .where("companies.status", "=", "verified")
    .where((eb) => eb.or([eb("vacancies.deadline", "is", null), eb("vacancies.deadline", ">=", today)]))
    .executeTakeFirst();
}

export async function applicationOfGraduateFor(db: DB, graduateId: number, vacancyId: number) {
  return db.selectFrom("applications").select(["id", "status"]).where("graduate_id", "=", graduateId).where("vacancy_id", "=", vacancyId).executeTakeFirst();
}

async function addEvent(
  db: DB,
  applicationId: number,
  from: ApplicationStatus | null,
  to: ApplicationStatus,
  actorUserId: number,
  extra: { note?: string | null; interviewAt?: string | null; interviewPlace?: string | null; at?: string } = {},
): Promise<number> {
  const { id } = await db
    .insertInto("application_events")
    .values({
      // The step's time is the application's updated_at when the caller gives it (one clock for both rows).
      ...(extra.at ? { created_at: extra.at, updated_at: extra.at } : {}),
      application_id: applicationId,
      from_status: from,
      to_status: to,
      actor_user_id: actorUserId,
      note: extra.note ?? null,
      interview_at: extra.interviewAt ?? null,
      interview_place: extra.interviewPlace ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

const isUniqueViolation = (e: unknown) => e instanceof Error && /UNIQUE constraint failed/.test(e.message);

export type ApplyResult = { ok: true; id: number } | { ok: false; reason: "not-open" | "already" | "projects" };

/**
 * The graduate applies (once per vacancy). An invitation row becomes the application; any
 * other existing row means "already applied". Projects must be the graduate's own.
 */
export async function apply(
  db: DB,
  graduate: { id: number; user_id: number | null; first_name: string; last_name: string },
  vacancyId: number,
  input: { note: string | null; projectIds: number[] },
  actorUserId: number,
  /** When it happens: now, or the demo's day it writes (db/seed; polish: a history's steps all shared one minute). */
  at = new Date(),
): Promise<ApplyResult> {
  try {
    return await db.transaction().execute(async (trx): Promise<ApplyResult> => {
      const vacancy = await openVacancy(trx, vacancyId);
      if (!vacancy) return { ok: false, reason: "not-open" };
      const existing = await applicationOfGraduateFor(trx, graduate.id, vacancyId);
      if (existing && existing.status !== "invited") return { ok: false, reason: "already" };
      const projectIds = [...new Set(input.projectIds)];
      if (projectIds.length) {
        const own = await trx.selectFrom("projects").select("id").where("graduate_id", "=", graduate.id).where("id", "in", projectIds).execute();
        if (own.length !== projectIds.length) return { ok: false, reason: "projects" };
      }
      const snapshot_json = serializeSnapshot(await takeSnapshot(trx, graduate.id, projectIds));
      const now = at.toISOString();
      let id: number;
      let eventId: number;
      if (existing) {
        const updated = await trx
          .updateTable("applications")
          .set({ status: "applied", note: input.note, snapshot_json, updated_at: now })
          .where("id", "=", existing.id)
          .where("status", "=", "invited")
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: "already" };
        id = existing.id;
        eventId = await addEvent(trx, id, "invited", "applied", actorUserId, { note: input.note, at: now });
      } else {
        ({ id } = await trx
          .insertInto("applications")
          .values({ vacancy_id: vacancyId, graduate_id: graduate.id, status: "applied", note: input.note, snapshot_json, created_at: now, updated_at: now })
          .returning("id")
          .executeTakeFirstOrThrow());
        eventId = await addEvent(trx, id, null, "applied", actorUserId, { note: input.note, at: now });
      }
      // Applying to an invitation is the candidate's answer to it (docs/decisions/057-one-way-to-tell.md).
      await tellCompany(trx, vacancy.company_id, {
        kind: existing ? "invitation-accepted" : "application-received",
        eventKey: eventId,
        vars: { graduate: `${graduate.first_name} ${graduate.last_name}`, vacancy: vacancy.title },
        link: `/employer/applications/${id}`,
      });
      return { ok: true, id };
    });
  } catch (e) {
    // Two submits at once: the unique index (vacancy, graduate) keeps one.
    if (isUniqueViolation(e)) return { ok: false, reason: "already" };
    throw e;
  }
}

export type InviteResult = { ok: true; id: number } | { ok: false; reason: "not-open" | "graduate" | "already" };

/** An employer invites a graduate whose profile employers may see to apply for an open vacancy. */
/**
 * Invites one graduate: named by id (the candidate list's button) or by the slug of the profile page
 * the employer is on — never by an address typed into a form (issue 14 item 9).
 */
export async function invite(
  db: DB,
  companyId: number,
  vacancyId: number,
  who: { id: number } | { slug: string },
  actorUserId: number,
  at = new Date(),
): Promise<InviteResult> {
  return db.transaction().execute(async (trx): Promise<InviteResult> => {
    const vacancy = await openVacancy(trx, vacancyId);
    if (!vacancy || vacancy.company_id !== companyId) return { ok: false, reason: "not-open" };
    const graduate = await trx
      .selectFrom("graduates")
      .select(["id", "user_id"])
      .where((eb) => ("id" in who ? eb("id", "=", who.id) : eb("slug", "=", who.slug)))
      .where("visibility", "in", ["employers", "public"])
      .where("anonymised_at", "is", null)
      .where("user_id", "is not", null)
      .executeTakeFirst();
    if (!graduate) return { ok: false, reason: "graduate" };
    if (await applicationOfGraduateFor(trx, graduate.id, vacancyId)) return { ok: false, reason: "already" };
    const { id } = await trx
      .insertInto("applications")
      .values({ vacancy_id: vacancyId, graduate_id: graduate.id, status: "invited", created_at: at.toISOString(), updated_at: at.toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    const eventId = await addEvent(trx, id, null, "invited", actorUserId, { at: at.toISOString() });
    const vars = { company: vacancy.company_name, vacancy: vacancy.title };
    // The e-mail commits with the invitation or not at all (docs/decisions/051-outbox.md).
    await tell(trx, { userId: graduate.user_id!, kind: "application-invited", eventKey: eventId, vars, link: `/me/applications/${id}` });
    return { ok: true, id };
  });
}

export type MoveInput = {
  to: ApplicationStatus;
  note: string | null;
  /** UTC ISO time, required when moving to "interview". */
  interviewAt: string | null;
  interviewPlace: string | null;
  /** Required when moving to "hired". */
  startDate: string | null;
  monthlyPay: number | null;
  /**
   * The stage the person saw when they chose the move (the form carries it). When the application is
   * no longer there, a colleague moved it first: "conflict", nothing written (docs/decisions/059-bulk-decisions-and-undo.md).
   */
  seen?: ApplicationStatus | null;
};

/** A step along the pipeline: done, not this party's application, or not allowed from its current status. */
export type TransitionResult = { ok: true } | { ok: false; reason: "not-found" | "transition" } | { ok: false; reason: "conflict"; current: ApplicationStatus };
export type MoveResult = TransitionResult;

/** The employer moves an application of its own company one allowed step (in the caller's transaction, if given one). */
export async function move(db: DB, companyId: number, applicationId: number, input: MoveInput, actorUserId: number, at = new Date()): Promise<MoveResult> {
  return inTransaction(db, async (trx): Promise<MoveResult> => {
    const app = await applicationFor(trx, { companyId }, applicationId).executeTakeFirst();
    if (!app) return { ok: false, reason: "not-found" };
    if (input.seen && input.seen !== app.status) return { ok: false, reason: "conflict", current: app.status };
    if (!canMove(app.status, input.to, "employer")) return { ok: false, reason: "transition" };
    if (input.to === "hired" && !input.startDate) return { ok: false, reason: "transition" };
    const now = at.toISOString();
    const updated = await trx
      .updateTable("applications")
      .set({ status: input.to, updated_at: now })
      .where("id", "=", app.id)
      .where("status", "=", app.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: "transition" };
    const interview = input.to === "interview";
    const eventId = await addEvent(trx, app.id, app.status, input.to, actorUserId, {
      at: now,
      note: input.note,
      interviewAt: interview ? input.interviewAt : null,
      interviewPlace: interview ? input.interviewPlace : null,
    });
    if (input.to === "hired") {
      const placement = await trx
        .insertInto("placements")
        .values({
          application_id: app.id,
          graduate_id: app.graduate_id,
          company_id: app.company_id,
          vacancy_id: app.vacancy_id,
          job_title: app.title,
          employment_type: app.employment_type as EmploymentType,
          start_date: input.startDate!,
          monthly_pay: input.monthlyPay,
          company_htp_resident: app.company_status === "verified" ? 1 : 0,
          recorded_by: actorUserId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      // docs/product.md §3: "hired" creates the placement outcome without anyone typing it again.
      await recordHireOutcome(trx, {
        graduateId: app.graduate_id,
        placementId: placement.id,
        companyId: app.company_id,
        jobTitle: app.title,
        employmentType: app.employment_type as EmploymentType,
        startDate: input.startDate!,
        monthlyPay: input.monthlyPay,
        regionId: app.region_id,
        actorUserId,
      });
    }
    if (app.user_id) {
      const vars = { vacancy: app.title, company: app.company_name, status: input.to };
      // Moving to "interview" sends the interview's details (time, place, .ics) and its reminder
      // instead of the bare stage (docs/decisions/056-interview-messages.md); the in-portal
      // notification is the stage move either way.
      const sendsInterview = interview && input.interviewAt !== null;
      await tell(
        trx,
        { userId: app.user_id, kind: "application-status", eventKey: eventId, vars, link: `/me/applications/${app.id}` },
        { outbox: !sendsInterview },
      );
      if (sendsInterview)
        await queueInterviewMessages(trx, {
          applicationId: app.id,
          userId: app.user_id,
          eventId,
          vacancy: app.title,
          company: app.company_name,
          at: input.interviewAt!,
          place: input.interviewPlace ?? "",
          now: new Date(now),
        });
    }
    if (app.status === "interview") await cancelInterviewReminders(trx, app.id, new Date(now));
    if (input.to === "rejected") await cancelInterviewOnLeaving(trx, app.id, eventId, input.note ?? "—", new Date(now));
    // A hire settles what the hiring left open: the offer and an interview still to come (REVIEW18 F10).
    if (input.to === "hired") {
      await withdrawOfferOnHire(trx, app.id, new Date(now));
      await cancelInterviewOnLeaving(trx, app.id, eventId, input.note ?? "—", new Date(now));
    }
    return { ok: true };
  });
}

export type WithdrawResult = TransitionResult;

/** The graduate withdraws their own application (or declines an invitation) from any open stage. */
export async function withdraw(
  db: DB,
  graduate: { id: number; first_name: string; last_name: string },
  applicationId: number,
  note: string | null,
  actorUserId: number,
  at = new Date(),
): Promise<WithdrawResult> {
  return db.transaction().execute(async (trx): Promise<WithdrawResult> => {
    const app = await trx
      .selectFrom("applications")
      .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
      .select(["applications.id", "applications.status", "vacancies.title", "vacancies.company_id"])
      .where("applications.id", "=", applicationId)
      .where("applications.graduate_id", "=", graduate.id)
      .executeTakeFirst();
    if (!app) return { ok: false, reason: "not-found" };
    if (!canMove(app.status, "withdrawn", "graduate")) return { ok: false, reason: "transition" };
    const updated = await trx
      .updateTable("applications")
      .set({ status: "withdrawn", updated_at: at.toISOString() })
      .where("id", "=", app.id)
      .where("status", "=", app.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: "transition" };
    const eventId = await addEvent(trx, app.id, app.status, "withdrawn", actorUserId, { note, at: at.toISOString() });
    if (app.status === "interview") await cancelInterviewReminders(trx, app.id, at);
    await cancelInterviewOnLeaving(trx, app.id, eventId, note ?? "—", at);
    // Withdrawing an invitation is declining it: the employer hears the candidate's answer.
    await tellCompany(trx, app.company_id, {
      kind: app.status === "invited" ? "invitation-declined" : "application-withdrawn",
      eventKey: eventId,
      vars: { graduate: `${graduate.first_name} ${graduate.last_name}`, vacancy: app.title },
      link: `/employer/applications/${app.id}`,
    });
    return { ok: true };
  });
}

// ---- Reading ----

async function historyOf(db: DB, applicationId: number) {
  return db
    .selectFrom("application_events")
    .leftJoin("users", "users.id", "application_events.actor_user_id")
    .select([
      "application_events.id",
      "application_events.from_status",
      "application_events.to_status",
      "application_events.note",
      "application_events.interview_at",
      "application_events.interview_place",
      "application_events.undoes_event_id",
      "application_events.step",
      "application_events.created_at",
      "users.display_name as actor_name",
      "users.role as actor_role",
    ])
    .where("application_events.application_id", "=", applicationId)
    .orderBy("application_events.created_at")
    .orderBy("application_events.id")
    .execute();
}

export type ApplicationEvent = Awaited<ReturnType<typeof historyOf>>[number];

/**
 * The interview time in force: the latest event at the interview stage, when it set a time. Slots
 * proposed, asked to move or cancelled (docs/decisions/061-interview-slots-and-offers.md) are events
 * without one: no time holds until a slot is picked again.
 */
function latestInterview(events: ApplicationEvent[]) {
  const last = [...events].reverse().find((e) => e.to_status === "interview");
  return last?.interview_at ? last : null;
}

const summaryColumns = [
  "applications.id",
  "applications.status",
  "applications.created_at",
  "applications.updated_at",
  "vacancies.id as vacancy_id",
  "vacancies.title as vacancy_title",
  "vacancies.status as vacancy_status",
  "companies.name as company_name",
  "companies.slug as company_slug",
] as const;

export async function listGraduateApplications(db: DB, graduateId: number) {
  return db
    .selectFrom("applications")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
    .innerJoin("companies", "companies.id", "vacancies.company_id")
    .select(summaryColumns)
    .where("applications.graduate_id", "=", graduateId)
    .orderBy("applications.updated_at", "desc")
    .orderBy("applications.id", "desc")
    .execute();
}

export async function getGraduateApplication(db: DB, graduateId: number, applicationId: number) {
  const app = await db
    .selectFrom("applications")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
    .innerJoin("companies", "companies.id", "vacancies.company_id")
    .select([...summaryColumns, "applications.note", "applications.snapshot_json"])
    .where("applications.id", "=", applicationId)
    .where("applications.graduate_id", "=", graduateId)
    .executeTakeFirst();
  if (!app) return null;
  const { snapshot_json, ...rest } = app;
  const events = await historyOf(db, app.id);
  return { ...rest, snapshot: parseSnapshot(snapshot_json), events, interview: latestInterview(events) };
}

export const APPLICANTS_PAGE_SIZE = 50;

/** A company's applicants (its own vacancies only), newest activity first; the name search runs case-insensitively in any script. */
export async function listCompanyApplicants(db: DB, companyId: number, query: Omit<CompanyApplicantsQuery, "page">) {
  let select = db
    .selectFrom("applications")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
    .innerJoin("companies", "companies.id", "vacancies.company_id")
    .innerJoin("graduates", "graduates.id", "applications.graduate_id")
    .select([...summaryColumns, "graduates.first_name", "graduates.last_name", "graduates.headline", "graduates.slug as graduate_slug"])
    .where("vacancies.company_id", "=", companyId)
    .where("graduates.anonymised_at", "is", null);
  if (query.status) select = select.where("applications.status", "=", query.status);
  if (query.vacancyId) select = select.where("vacancies.id", "=", query.vacancyId);
  const rows = await select.orderBy("applications.updated_at", "desc").orderBy("applications.id", "desc").execute();
  // SQLite's lower() and LIKE fold ASCII only; names are mostly Cyrillic, so fold here.
  const words = query.q.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return rows;
  return rows.filter((r) => {
    const name = `${r.first_name} ${r.last_name}`.toLocaleLowerCase();
    return words.every((w) => name.includes(w));
  });
}

export async function getCompanyApplication(db: DB, companyId: number, applicationId: number) {
  const app = await db
    .selectFrom("applications")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
    .innerJoin("companies", "companies.id", "vacancies.company_id")
    .innerJoin("graduates", "graduates.id", "applications.graduate_id")
    .select([
      ...summaryColumns,
      "applications.note",
      "applications.snapshot_json",
      "graduates.first_name",
      "graduates.last_name",
      "graduates.slug as graduate_slug",
    ])
    .where("applications.id", "=", applicationId)
    .where("vacancies.company_id", "=", companyId)
    .executeTakeFirst();
  if (!app) return null;
  const { snapshot_json, ...rest } = app;
  const events = await historyOf(db, app.id);
  const placement = await db
    .selectFrom("placements")
    .select(["start_date", "monthly_pay", "job_title", "company_htp_resident"])
    .where("application_id", "=", app.id)
    .executeTakeFirst();
  return { ...rest, snapshot: parseSnapshot(snapshot_json), events, interview: latestInterview(events), placement: placement ?? null };
}

/** The company's vacancies, for the applicants filter and the per-vacancy page. */
export async function companyVacancies(db: DB, companyId: number) {
  return db
    .selectFrom("vacancies")
    .select(["id", "title", "status"])
    .where("company_id", "=", companyId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

export async function companyVacancy(db: DB, companyId: number, vacancyId: number) {
  return db.selectFrom("vacancies").select(["id", "title", "status"]).where("id", "=", vacancyId).where("company_id", "=", companyId).executeTakeFirst();
}

// ---- Personal data (/me/data) ----

/** A copy for the data download: as read, or the stored text itself when it is no copy at all. */
function sentCopy(json: string | null) {
  const copy = parseSnapshot(json);
  return copy === "unreadable" ? json : copy;
}

/** The graduate's applications for the data download: status, what was sent, the history. */
export async function exportGraduateApplications(db: DB, graduateId: number) {
  const apps = await db
    .selectFrom("applications")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
    .innerJoin("companies", "companies.id", "vacancies.company_id")
    .select([
      "applications.id",
      "applications.status",
      "applications.note",
      "applications.snapshot_json",
      "applications.created_at",
      "vacancies.title as vacancy",
      "companies.name as company",
    ])
    .where("applications.graduate_id", "=", graduateId)
    .orderBy("applications.id")
    .execute();
  const events = apps.length
    ? await db
        .selectFrom("application_events")
        .select(["application_id", "from_status", "to_status", "note", "interview_at", "interview_place", "created_at"])
        .where(
          "application_id",
          "in",
          apps.map((a) => a.id),
        )
        .orderBy("id")
        .execute()
    : [];
  return apps.map(({ snapshot_json, ...a }) => ({
    ...a,
    sent: sentCopy(snapshot_json),
    history: events.filter((e) => e.application_id === a.id).map(({ application_id: _, ...e }) => e),
  }));
}

/**
 * Account deletion: the copies of the profile sent with applications (name, contacts, about,
 * projects) and the cover notes go with the profile; statuses, events and placements stay for
 * the anonymous placement statistics. The graduate's own notes in the history (cover note,
 * reason for withdrawing) go too. To be called in deleteGraduateAccount's transaction, before
 * the user row is deleted.
 */
export async function forgetGraduateApplications(db: DB, graduateId: number, userId: number): Promise<void> {
  await db
    .updateTable("applications")
    .set({ snapshot_json: null, note: null, updated_at: new Date().toISOString() })
    .where("graduate_id", "=", graduateId)
    .execute();
  const ids = db.selectFrom("applications").select("id").where("graduate_id", "=", graduateId);
  await db.updateTable("application_events").set({ note: null }).where("application_id", "in", ids).where("actor_user_id", "=", userId).execute();
  // Their words on interviews and offers too (docs/decisions/061-interview-slots-and-offers.md).
  await forgetGraduateInterviewWords(db, graduateId, userId);
}
