// Placement outcomes (docs/product.md §6). Rows are append-only (triggers refuse updates): recording or
// correcting a checkpoint inserts a new row that supersedes the current one, and the insert
// trigger moves the `current` flag to it in the same statement. See docs/decisions/008.
import { sql } from "kysely";
import type { DB } from "@db/connection";
import type { NewOutcome, OutcomeSourceColumn } from "@db/schema";
import { nextDay, todayInBishkek } from "~/domain/calendar";
import { randomToken, sha256 } from "~/auth/tokens.server";
import { CHECKPOINTS, type Checkpoint } from "~/domain/outcomes/codes";
import { checkpointDate, followUpCheckpoint, hireCheckpoint, type FollowUpState } from "~/domain/outcomes/checkpoint-dates";
import type { OutcomeDetails, SurveyAnswer } from "~/domain/outcomes/forms";
import {
  FOLLOW_UP_PAGE_SIZE,
  HIRE_RELATEDNESS,
  HOURS_OF_EMPLOYMENT_TYPE,
  KIND_OF_EMPLOYMENT_TYPE,
  SURVEY_LINK_DAYS,
  type VacancyEmploymentType,
} from "~/domain/outcomes/records";
import { recordAudit } from "./audit.server";
import { companyByName } from "./employer-links.server";
import { followUpPage } from "./follow-up-view.server";
import type { FollowUpQuery } from "~/domain/outcomes/follow-up-query";
import { htpOnDay } from "~/domain/companies/htp";

const today = () => todayInBishkek();

async function graduationDateOf(db: DB, graduateId: number): Promise<string | null> {
  const row = await db
    .selectFrom("graduates")
    .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
    .select("cohorts.graduation_date")
    .where("graduates.id", "=", graduateId)
    .executeTakeFirst();
  return row?.graduation_date ?? null;
}

export async function currentOutcome(db: DB, graduateId: number, checkpoint: Checkpoint) {
  return db
    .selectFrom("outcomes")
    .selectAll()
    .where("graduate_id", "=", graduateId)
    .where("checkpoint", "=", checkpoint)
    .where("current", "=", sql.lit(1))
    .executeTakeFirst();
}

export type RecordOutcomeInput = OutcomeDetails & {
  graduateId: number;
  checkpoint: Checkpoint;
  source: OutcomeSourceColumn;
  recordedBy: number | null;
  placementId?: number | null;
  /** When it was recorded, if not now (the demo generator writes past hires; docs/decisions/006). */
  recordedAt?: string;
};

export type RecordOutcomeResult =
  | { ok: true; id: number; previous: Awaited<ReturnType<typeof currentOutcome>> | null }
  | { ok: false; reason: "graduate" | "company" | "region" | "after-checkpoint" };

/**
 * Appends one record for a graduate's checkpoint; the previous current row (if any) stays as
 * history and is named by `supersedes_id`. An employer typed as a name that is a known company's
 * (any script or case) is linked to it; the HTP flag is the company's status on the job's start
 * date (docs/decisions/021); "started before graduation" follows the dates.
 * Call inside a transaction when other writes must go with it.
 */
export async function recordOutcome(db: DB, input: RecordOutcomeInput): Promise<RecordOutcomeResult> {
  const graduationDate = await graduationDateOf(db, input.graduateId);
  if (!graduationDate) return { ok: false, reason: "graduate" };
  let e = input.employment;
  // As-of rule (docs/decisions/021): a record describes the graduate on the checkpoint's date, so a
  // job that started after that date belongs to a later checkpoint.
  if (input.code === "employed" && e?.startDate && e.startDate > checkpointDate(graduationDate, input.checkpoint))
    return { ok: false, reason: "after-checkpoint" };
  if (e && e.companyId == null && e.employerName) {
    const known = await companyByName(db, e.employerName);
    if (known) e = { ...e, companyId: known.id, employerName: null };
  }
  let htp: number | null = null;
  if (e?.companyId != null) {
    const company = await db.selectFrom("companies").select(["status", "verified_at"]).where("id", "=", e.companyId).executeTakeFirst();
    if (!company) return { ok: false, reason: "company" };
    htp = htpOnDay(company, e.startDate ?? input.asOf) ? 1 : 0;
  }
  if (e?.regionId != null && !(await db.selectFrom("regions").select("id").where("id", "=", e.regionId).executeTakeFirst()))
    return { ok: false, reason: "region" };
  const previous = (await currentOutcome(db, input.graduateId, input.checkpoint)) ?? null;
  const row: NewOutcome = {
    graduate_id: input.graduateId,
    checkpoint: input.checkpoint,
    code: input.code,
    as_of: input.asOf,
    source: input.source,
    recorded_by: input.recordedBy,
    supersedes_id: previous?.id ?? null,
    employment_kind: e?.kind ?? null,
    hours_per_week: e?.hours ?? null,
    company_id: e?.companyId ?? null,
    company_htp_resident: e ? (e.companyId != null ? htp : 0) : null,
    employer_name: e?.companyId != null ? null : (e?.employerName ?? null),
    job_title: e?.jobTitle ?? null,
    start_date: e?.startDate ?? null,
    monthly_pay: e?.monthlyPay ?? null,
    related: e?.related ?? null,
    started_before_graduation: e?.startDate ? (e.startDate < graduationDate ? 1 : 0) : null,
    job_region_id: e?.regionId ?? null,
    placement_id: input.placementId ?? null,
    not_seeking_reason: input.code === "not_seeking" ? input.notSeekingReason : null,
    excluded_reason: input.code === "excluded" ? input.excludedReason : null,
    ...(input.recordedAt ? { created_at: input.recordedAt, updated_at: input.recordedAt } : {}),
  };
  const { id } = await db.insertInto("outcomes").values(row).returning("id").executeTakeFirstOrThrow();
  return { ok: true, id, previous };
}

/**
 * "Hired" becomes an `employed` record without retyping (called in move()'s transaction), with the
 * vacancy's kind, hours and region: at the first checkpoint on or after the start date, never at an
 * earlier one (as-of rule, docs/decisions/021). A job starting after the last checkpoint makes none (null).
 */
export async function recordHireOutcome(
  db: DB,
  hire: {
    graduateId: number;
    placementId: number;
    companyId: number;
    jobTitle: string;
    employmentType: VacancyEmploymentType;
    startDate: string;
    monthlyPay: number | null;
    regionId: number | null;
    actorUserId: number;
    recordedAt?: string;
  },
): Promise<number | null> {
  const graduationDate = (await graduationDateOf(db, hire.graduateId))!;
  const checkpoint = hireCheckpoint(graduationDate, hire.startDate);
  if (!checkpoint) return null;
  // A hire never rewrites a checkpoint that has passed and that staff or a survey already recorded: that
  // figure may be published (as-of rule, docs/decisions/021). The placement itself is kept; staff see it
  // on the graduate's page and correct the checkpoint if the hire is right.
  const current = await currentOutcome(db, hire.graduateId, checkpoint);
  if (current && (current.source === "staff" || current.source === "survey") && checkpointDate(graduationDate, checkpoint) < todayInBishkek()) return null;
  const result = await recordOutcome(db, {
    graduateId: hire.graduateId,
    checkpoint,
    code: "employed",
    asOf: hire.startDate,
    source: "application",
    recordedBy: hire.actorUserId,
    placementId: hire.placementId,
    recordedAt: hire.recordedAt,
    employment: {
      kind: KIND_OF_EMPLOYMENT_TYPE[hire.employmentType] ?? "employee",
      hours: HOURS_OF_EMPLOYMENT_TYPE[hire.employmentType] ?? 40,
      companyId: hire.companyId,
      employerName: null,
      jobTitle: hire.jobTitle,
      startDate: hire.startDate,
      monthlyPay: hire.monthlyPay,
      related: HIRE_RELATEDNESS,
      regionId: hire.regionId,
    },
    notSeekingReason: null,
    excludedReason: null,
  });
  if (!result.ok) throw new Error(`hire outcome not recorded: ${result.reason}`);
  return result.id;
}

// ---- Staff: one graduate's outcomes ----

/** One graduate for the staff outcome page; undefined outside `within` (the staff scope's schools, null = all: decision 063). */
export async function graduateForOutcomes(db: DB, graduateId: number, within: readonly number[] | null) {
  let q = db
    .selectFrom("graduates")
    .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
    .innerJoin("schools", "schools.id", "cohorts.school_id")
    .select([
      "graduates.id",
      "graduates.first_name",
      "graduates.last_name",
      "graduates.anonymised_at",
      "graduates.cohort_id",
      "cohorts.graduation_date",
      "schools.name_ky",
      "schools.name_ru",
      "schools.name_en",
    ])
    .where("graduates.id", "=", graduateId);
  if (within !== null) q = q.where("cohorts.school_id", "in", within.length ? within : [0]);
  return q.executeTakeFirst();
}

/** Every record of a graduate, newest first, with who recorded it and the company's name. */
export async function outcomeHistory(db: DB, graduateId: number) {
  return db
    .selectFrom("outcomes")
    .leftJoin("users", "users.id", "outcomes.recorded_by")
    .leftJoin("companies", "companies.id", "outcomes.company_id")
    .leftJoin("regions", "regions.id", "outcomes.job_region_id")
    .select([
      "outcomes.id",
      "outcomes.checkpoint",
      "outcomes.code",
      "outcomes.as_of",
      "outcomes.source",
      "outcomes.current",
      "outcomes.supersedes_id",
      "outcomes.employment_kind",
      "outcomes.hours_per_week",
      "outcomes.company_id",
      "outcomes.company_htp_resident",
      "outcomes.employer_name",
      "outcomes.job_title",
      "outcomes.start_date",
      "outcomes.monthly_pay",
      "outcomes.related",
      "outcomes.started_before_graduation",
      "outcomes.job_region_id",
      "outcomes.not_seeking_reason",
      "outcomes.excluded_reason",
      "outcomes.created_at",
      "users.display_name as recorded_by_name",
      "companies.name as company_name",
      "regions.name_ky as region_ky",
      "regions.name_ru as region_ru",
      "regions.name_en as region_en",
    ])
    .where("outcomes.graduate_id", "=", graduateId)
    .orderBy("outcomes.id", "desc")
    .execute();
}

export type OutcomeHistoryRow = Awaited<ReturnType<typeof outcomeHistory>>[number];

// ---- Follow-up ----

export type FollowUpRow = {
  id: number;
  first_name: string;
  last_name: string;
  cohort_id: number;
  graduation_date: string;
  name_ky: string;
  name_ru: string;
  name_en: string;
  checkpoint: Checkpoint;
  checkpoint_date: string;
  state: FollowUpState;
  current_code: string | null;
  consent: number | null;
  contact_phone: string | null;
  contact_telegram: string | null;
};

/** The follow-up filters and the staff scope's schools (`within`, schoolIdsOf: null or absent = every school). */
export type ScopedFollowUpQuery = FollowUpQuery & { within?: readonly number[] | null };

const FOLLOW_UP_COLUMNS = [
  "graduates.id",
  "graduates.first_name",
  "graduates.last_name",
  "graduates.cohort_id",
  "cohorts.graduation_date",
  "schools.name_ky",
  "schools.name_ru",
  "schools.name_en",
  "graduates.contact_phone",
  "graduates.contact_telegram",
] as const;

const followUpRowsOf = (db: DB) =>
  db.selectFrom("graduates").innerJoin("cohorts", "cohorts.id", "graduates.cohort_id").innerJoin("schools", "schools.id", "cohorts.school_id");

/** The page's graduates, in the order of `ids`. */
async function followUpDetails(db: DB, ids: readonly number[]) {
  if (!ids.length) return [];
  const rows = await followUpRowsOf(db).select(FOLLOW_UP_COLUMNS).where("graduates.id", "in", ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  // A graduate removed since the view's last look is left out; the next request's catch-up sees it.
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The follow-up list in SQL: what the in-memory view (decision 071) answers, read from the tables. */
async function followUpsBySql(
  db: DB,
  chase: ReadonlyMap<Checkpoint, number[]>,
  stateOf: ReadonlyMap<number, { checkpoint: Checkpoint; date: string }>,
  askedPage: number,
  pageSize: number,
) {
  const base = followUpRowsOf(db)
    .where("graduates.anonymised_at", "is", null)
    .where((eb) =>
      eb.or(
        [...chase].map(([checkpoint, ids]) =>
          eb.and([
            eb("graduates.cohort_id", "in", ids),
            eb.not(
              eb.exists(
                eb
                  .selectFrom("outcomes")
                  .select("outcomes.id")
                  .whereRef("outcomes.graduate_id", "=", "graduates.id")
                  .where("outcomes.checkpoint", "=", checkpoint)
                  .where("outcomes.current", "=", sql.lit(1))
                  .where("outcomes.code", "<>", "unknown"),
              ),
            ),
          ]),
        ),
      ),
    )
    // `current = 1` is written as a literal throughout so SQLite can use the partial indexes.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("outcomes")
            .select("outcomes.id")
            .whereRef("outcomes.graduate_id", "=", "graduates.id")
            .where("outcomes.current", "=", sql.lit(1))
            .where("outcomes.code", "=", "excluded"),
        ),
      ),
    )
    // The withdrawn-consent set is computed once (uncorrelated), not per graduate.
    .where("graduates.id", "not in", (eb) =>
      eb
        .selectFrom("outcome_consents as oc")
        .select("oc.graduate_id")
        .where("oc.given", "=", 0)
        .where("oc.id", "=", (inner) =>
          inner
            .selectFrom("outcome_consents as latest")
            .select((x) => x.fn.max("latest.id").as("id"))
            .whereRef("latest.graduate_id", "=", "oc.graduate_id"),
        ),
    );
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const pages = Math.max(1, Math.ceil(Number(total) / pageSize));
  const page = Math.min(askedPage, pages);
  const found = await base
    .select(FOLLOW_UP_COLUMNS)
    // The newest checkpoints first: what is due comes before what has long been overdue.
    .orderBy(
      sql`case graduates.cohort_id ${sql.join(
        [...stateOf].map(([id, f]) => sql`when ${id} then ${f.date}`),
        sql` `,
      )} end`,
      "desc",
    )
    // In the Kyrgyz alphabet (migration 0013, docs/decisions/046-small-list-search-and-kyrgyz-order.md).
    .orderBy("graduates.name_sort_key")
    .orderBy("graduates.id")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total), pages, page, found };
}

/**
 * Graduates whose checkpoint is due (its date up to 30 days after) or overdue (later, until the
 * next checkpoint), while no current record other than `unknown` exists for it. Excluded
 * graduates and those who withdrew consent are left out. Newest cohorts first.
 */
/** The cohorts of the list's filters with a checkpoint to chase on `on`: each one's state, and the cohorts per checkpoint. */
async function chasedCohorts(db: DB, query: ScopedFollowUpQuery, on: string) {
  let cohorts = db.selectFrom("cohorts").select(["id", "graduation_date", "school_id"]);
  // A scoped officer's list holds their schools' cohorts alone (docs/decisions/063-staff-scope.md).
  if (query.within) cohorts = cohorts.where("school_id", "in", query.within.length ? query.within : [0]);
  if (query.schoolId) cohorts = cohorts.where("school_id", "=", query.schoolId);
  if (query.cohortId) cohorts = cohorts.where("id", "=", query.cohortId);
  const chase = new Map<Checkpoint, number[]>();
  const stateOf = new Map<number, { checkpoint: Checkpoint; date: string; state: FollowUpState }>();
  for (const c of await cohorts.execute()) {
    const f = followUpCheckpoint(c.graduation_date, on);
    if (!f) continue;
    stateOf.set(c.id, f);
    chase.set(f.checkpoint, [...(chase.get(f.checkpoint) ?? []), c.id]);
  }
  return { chase, stateOf };
}

export async function listFollowUps(db: DB, query: ScopedFollowUpQuery, on = today(), pageSize = FOLLOW_UP_PAGE_SIZE) {
  const { chase, stateOf } = await chasedCohorts(db, query, on);
  if (chase.size === 0) return { rows: [] as FollowUpRow[], total: 0, pages: 1 };
  // From memory (app/models/follow-up-view.server.ts, decision 071); the SQL below while the view loads or inside a transaction.
  const fromView = await followUpPage(db, stateOf, query.page, pageSize);
  const { total, pages, page, found } = fromView
    ? { ...fromView, found: await followUpDetails(db, fromView.ids) }
    : await followUpsBySql(db, chase, stateOf, query.page, pageSize);
  const ids = found.map((g) => g.id);
  const current = ids.length
    ? await db.selectFrom("outcomes").select(["graduate_id", "checkpoint", "code"]).where("graduate_id", "in", ids).where("current", "=", sql.lit(1)).execute()
    : [];
  const consents = ids.length
    ? await db.selectFrom("outcome_consents").select(["graduate_id", "given"]).where("graduate_id", "in", ids).orderBy("id").execute()
    : [];
  const consentOf = new Map(consents.map((c) => [c.graduate_id, c.given]));
  const codeOf = new Map(current.map((o) => [`${o.graduate_id}.${o.checkpoint}`, o.code]));
  // A graduate moved to another cohort between the view's look and this read is left out of this page.
  const rows: FollowUpRow[] = found.flatMap((g) => {
    const f = stateOf.get(g.cohort_id);
    if (!f) return [];
    return {
      ...g,
      checkpoint: f.checkpoint,
      checkpoint_date: f.date,
      state: f.state,
      current_code: codeOf.get(`${g.id}.${f.checkpoint}`) ?? null,
      consent: consentOf.get(g.id) ?? null,
    };
  });
  return { rows, total, pages, page };
}

/**
 * The follow-up list's graduates (its first page of `limit`), in its order, with the cohort each is
 * in and the checkpoint chased there — nothing else: what a survey campaign plans from, which reads
 * its own columns of them (decision 071 "Session 14"). When more than `limit` are due, the count alone.
 */
export async function dueFollowUps(
  db: DB,
  query: ScopedFollowUpQuery,
  limit: number,
  on = today(),
): Promise<{ total: number; due: { id: number; cohortId: number; checkpoint: Checkpoint }[] }> {
  const { chase, stateOf } = await chasedCohorts(db, query, on);
  if (chase.size === 0) return { total: 0, due: [] };
  // From memory (decision 071); the SQL while the view loads or inside a transaction.
  let page = await followUpPage(db, stateOf, 1, limit);
  if (!page) {
    // The count first (one graduate's row): a list over the limit is refused without reading its rows.
    const counted = await followUpsBySql(db, chase, stateOf, 1, 1);
    if (counted.total > limit) return { total: counted.total, due: [] };
    const { total, found } = await followUpsBySql(db, chase, stateOf, 1, limit);
    page = { total, pages: 1, page: 1, ids: found.map((g) => g.id), cohorts: found.map((g) => g.cohort_id) };
  }
  const { total, ids, cohorts } = page;
  if (total > limit) return { total, due: [] };
  return { total, due: ids.map((id, i) => ({ id, cohortId: cohorts[i]!, checkpoint: stateOf.get(cohorts[i]!)!.checkpoint })) };
}

// ---- Survey links ----

export async function createSurveyLink(
  db: DB,
  graduateId: number,
  checkpoint: Checkpoint,
  actorId: number,
  now = Date.now(),
): Promise<{ token: string; expiresAt: string }> {
  const token = randomToken();
  const expiresAt = new Date(now + SURVEY_LINK_DAYS * 86_400_000).toISOString();
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("survey_links")
      .values({ token_hash: sha256(token), graduate_id: graduateId, checkpoint, created_by: actorId, expires_at: expiresAt })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId,
      action: "survey-link.create",
      entity: "graduate",
      entityId: graduateId,
      after: { surveyLinkId: id, checkpoint, expiresAt },
    });
  });
  return { token, expiresAt };
}

export type SurveyLinkState =
  | { state: "usable"; link: { id: number; graduate_id: number; checkpoint: Checkpoint; first_name: string; graduation_date: string } }
  | { state: "unknown" | "used" | "expired" };

export async function findSurveyLink(db: DB, token: string, now = new Date()): Promise<SurveyLinkState> {
  if (!token || token.length > 200) return { state: "unknown" };
  const row = await db
    .selectFrom("survey_links")
    .innerJoin("graduates", "graduates.id", "survey_links.graduate_id")
    .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
    .select([
      "survey_links.id",
      "survey_links.graduate_id",
      "survey_links.checkpoint",
      "survey_links.expires_at",
      "survey_links.used_at",
      "graduates.first_name",
      "graduates.anonymised_at",
      "cohorts.graduation_date",
    ])
    .where("survey_links.token_hash", "=", sha256(token))
    .executeTakeFirst();
  if (!row || row.anonymised_at) return { state: "unknown" };
  if (row.used_at) return { state: "used" };
  if (row.expires_at <= now.toISOString()) return { state: "expired" };
  return {
    state: "usable",
    link: { id: row.id, graduate_id: row.graduate_id, checkpoint: row.checkpoint, first_name: row.first_name, graduation_date: row.graduation_date },
  };
}

/** Stores the answer as a self-report (source `survey`) and uses the link up, in one transaction. */
export async function answerSurvey(
  db: DB,
  token: string,
  answer: SurveyAnswer,
  now = new Date(),
): Promise<{ ok: true; outcomeId: number } | { ok: false; state: "unknown" | "used" | "expired" | "start-too-late" | "start-in-future" }> {
  return db.transaction().execute(async (trx) => {
    const found = await findSurveyLink(trx, token, now);
    if (found.state !== "usable") return { ok: false as const, state: found.state };
    // A job begun after the link's checkpoint describes a later one (as-of rule): the answer fills
    // the checkpoint that job belongs to, and the past checkpoint keeps what it had. A start after the
    // last checkpoint belongs to none (a mistyped year, "2062"): the answer is refused, the link kept.
    const start = answer.code === "employed" ? (answer.employment?.startDate ?? null) : null;
    const checkpoint =
      start && start > checkpointDate(found.link.graduation_date, found.link.checkpoint)
        ? hireCheckpoint(found.link.graduation_date, start)
        : found.link.checkpoint;
    if (!checkpoint) return { ok: false as const, state: "start-too-late" as const };
    // "Employed" tells what the graduate does now: a job that has not begun yet is an offer, not a job
    // (decision 078). One day past Bishkek's today is allowed: a graduate a time zone ahead may already be there.
    if (start && start > nextDay(todayInBishkek(now))) return { ok: false as const, state: "start-in-future" as const };
    const claimed = await trx
      .updateTable("survey_links")
      .set({ used_at: now.toISOString(), updated_at: now.toISOString() })
      .where("id", "=", found.link.id)
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return { ok: false as const, state: "used" as const };
    const result = await recordOutcome(trx, {
      ...answer,
      asOf: todayInBishkek(now),
      graduateId: found.link.graduate_id,
      checkpoint,
      source: "survey",
      recordedBy: null,
    });
    if (!result.ok) throw new Error(`survey answer not recorded: ${result.reason}`);
    await trx.updateTable("survey_links").set({ outcome_id: result.id }).where("id", "=", found.link.id).execute();
    return { ok: true as const, outcomeId: result.id };
  });
}

export async function listSurveyLinks(db: DB, graduateId: number) {
  return db
    .selectFrom("survey_links")
    .select(["id", "checkpoint", "expires_at", "used_at", "created_at"])
    .where("graduate_id", "=", graduateId)
    .orderBy("id", "desc")
    .limit(20)
    .execute();
}

// ---- Employers confirm their hires ----

/**
 * The company's hires (placements) and, for each, the checkpoints the employer may confirm:
 * reached (date ≤ today), after the start date, and not already recorded as employed at
 * this company.
 */
export async function listCompanyHires(db: DB, companyId: number, on = today()) {
  const hires = await db
    .selectFrom("placements")
    .innerJoin("graduates", "graduates.id", "placements.graduate_id")
    .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
    .select([
      "placements.id",
      "placements.graduate_id",
      "placements.job_title",
      "placements.start_date",
      "placements.monthly_pay",
      "graduates.first_name",
      "graduates.last_name",
      "graduates.anonymised_at",
      "cohorts.graduation_date",
    ])
    .where("placements.company_id", "=", companyId)
    .orderBy("placements.start_date", "desc")
    .orderBy("placements.id", "desc")
    .execute();
  const ids = [...new Set(hires.map((h) => h.graduate_id))];
  const current = ids.length
    ? await db
        .selectFrom("outcomes")
        .select(["graduate_id", "checkpoint", "code", "company_id", "source"])
        .where("graduate_id", "in", ids)
        .where("current", "=", sql.lit(1))
        .execute()
    : [];
  return hires.map((h) => {
    const confirmable: { checkpoint: Checkpoint; date: string }[] = [];
    const confirmed: Checkpoint[] = [];
    for (const checkpoint of CHECKPOINTS) {
      const date = checkpointDate(h.graduation_date, checkpoint);
      if (date > on || date < h.start_date) continue;
      const rec = current.find((o) => o.graduate_id === h.graduate_id && o.checkpoint === checkpoint);
      if (rec && rec.code === "employed" && rec.company_id === companyId) confirmed.push(checkpoint);
      else confirmable.push({ checkpoint, date });
    }
    const name = h.anonymised_at ? null : `${h.first_name} ${h.last_name}`;
    return { id: h.id, name, job_title: h.job_title, start_date: h.start_date, confirmable, confirmed };
  });
}

export type ConfirmResult = { ok: true; id: number } | { ok: false; reason: "not-found" | "checkpoint" };

/** An employer confirms that its hire still works there at a reached checkpoint (source `employer`). */
export async function confirmHire(
  db: DB,
  companyId: number,
  placementId: number,
  checkpoint: Checkpoint,
  actorUserId: number,
  on = today(),
): Promise<ConfirmResult> {
  return db.transaction().execute(async (trx): Promise<ConfirmResult> => {
    const hires = await listCompanyHires(trx, companyId, on);
    const hire = hires.find((h) => h.id === placementId);
    if (!hire) return { ok: false, reason: "not-found" };
    if (!hire.confirmable.some((c) => c.checkpoint === checkpoint)) return { ok: false, reason: "checkpoint" };
    const placement = await trx
      .selectFrom("placements")
      .innerJoin("vacancies", "vacancies.id", "placements.vacancy_id")
      .select([
        "placements.graduate_id",
        "placements.job_title",
        "placements.start_date",
        "placements.monthly_pay",
        "placements.employment_type",
        "vacancies.region_id",
      ])
      .where("placements.id", "=", placementId)
      .where("placements.company_id", "=", companyId)
      .executeTakeFirstOrThrow();
    const type = placement.employment_type as VacancyEmploymentType;
    const result = await recordOutcome(trx, {
      graduateId: placement.graduate_id,
      checkpoint,
      code: "employed",
      asOf: on,
      source: "employer",
      recordedBy: actorUserId,
      placementId,
      employment: {
        kind: KIND_OF_EMPLOYMENT_TYPE[type] ?? "employee",
        hours: HOURS_OF_EMPLOYMENT_TYPE[type] ?? 40,
        companyId,
        employerName: null,
        jobTitle: placement.job_title,
        startDate: placement.start_date,
        monthlyPay: placement.monthly_pay,
        related: HIRE_RELATEDNESS,
        regionId: placement.region_id,
      },
      notSeekingReason: null,
      excludedReason: null,
    });
    if (!result.ok) return { ok: false, reason: "not-found" };
    return { ok: true, id: result.id };
  });
}

// ---- Consent ----

export async function consentHistory(db: DB, graduateId: number) {
  return db.selectFrom("outcome_consents").select(["id", "given", "created_at"]).where("graduate_id", "=", graduateId).orderBy("id", "desc").execute();
}

/** The latest consent decision: given or withdrawn with its date, or null when never asked. */
export async function currentConsent(db: DB, graduateId: number): Promise<{ given: boolean; at: string } | null> {
  const row = await db
    .selectFrom("outcome_consents")
    .select(["given", "created_at"])
    .where("graduate_id", "=", graduateId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { given: row.given === 1, at: row.created_at } : null;
}

export async function setConsent(db: DB, graduateId: number, given: boolean, actorUserId: number): Promise<void> {
  await db
    .insertInto("outcome_consents")
    .values({ graduate_id: graduateId, given: given ? 1 : 0, recorded_by: actorUserId })
    .execute();
}

/** For the personal-data download: consent decisions and the records about the graduate (the staff-only exclusion reason is left out). */
export async function exportGraduateOutcomes(db: DB, graduateId: number) {
  const consents = await db.selectFrom("outcome_consents").select(["given", "created_at"]).where("graduate_id", "=", graduateId).orderBy("id").execute();
  const records = await db
    .selectFrom("outcomes")
    .leftJoin("companies", "companies.id", "outcomes.company_id")
    .select([
      "outcomes.checkpoint",
      "outcomes.code",
      "outcomes.as_of",
      "outcomes.source",
      "outcomes.current",
      "outcomes.employment_kind",
      "outcomes.hours_per_week",
      "companies.name as company",
      "outcomes.employer_name",
      "outcomes.job_title",
      "outcomes.start_date",
      "outcomes.monthly_pay",
      "outcomes.related",
      "outcomes.not_seeking_reason",
      "outcomes.created_at",
    ])
    .where("outcomes.graduate_id", "=", graduateId)
    .orderBy("outcomes.id")
    .execute();
  return { consent: consents.map((c) => ({ given: c.given === 1, at: c.created_at })), records: records.map((r) => ({ ...r, current: r.current === 1 })) };
}

/** Writes a staff record with its audit entry (before: the superseded current row). */
export async function recordOutcomeByStaff(
  db: DB,
  input: Omit<RecordOutcomeInput, "source" | "placementId"> & { recordedBy: number },
): Promise<RecordOutcomeResult> {
  return db.transaction().execute(async (trx) => {
    const result = await recordOutcome(trx, { ...input, source: "staff" });
    if (result.ok) {
      await recordAudit(trx, {
        actorId: input.recordedBy,
        action: result.previous ? "outcome.correct" : "outcome.record",
        entity: "graduate",
        entityId: input.graduateId,
        before: result.previous ?? undefined,
        after: await trx.selectFrom("outcomes").selectAll().where("id", "=", result.id).executeTakeFirstOrThrow(),
      });
    }
    return result;
  });
}

export type StaffSurveyLinkResult = { ok: true; token: string; expiresAt: string; name: string } | { ok: false; reason: "not-found" | "consent" };

/** Staff make a survey link for a graduate's checkpoint (refused when consent was withdrawn). */
export async function createSurveyLinkForStaff(
  db: DB,
  graduateId: number,
  checkpoint: Checkpoint,
  actorId: number,
  within: readonly number[] | null,
): Promise<StaffSurveyLinkResult> {
  // Outside the staff scope's schools (`within`, null = all) the graduate is not found (decision 063).
  const graduate = await graduateForOutcomes(db, graduateId, within);
  if (!graduate || graduate.anonymised_at) return { ok: false, reason: "not-found" };
  const consent = await currentConsent(db, graduateId);
  if (consent && !consent.given) return { ok: false, reason: "consent" };
  const { token, expiresAt } = await createSurveyLink(db, graduateId, checkpoint, actorId);
  return { ok: true, token, expiresAt, name: `${graduate.first_name} ${graduate.last_name}` };
}
