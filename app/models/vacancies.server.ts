// Vacancies (docs/product.md §3, §4): the employer's drafts and their lifecycle, moderation by
// staff, and the vacancy as a page shows it. The public board is app/models/board.server.ts,
// saved searches app/models/saved-searches.server.ts, feeds and JSON-LD app/domain/vacancies.
import { sql } from "kysely";
import type { DB } from "@db/connection";
import type { CefrLevel, EmploymentType, SkillLevel, VacancyStatus, WorkMode } from "@db/schema";
import { todayInBishkek } from "~/domain/calendar";
import { toFtsQuery } from "~/domain/search/full-text";
import { parseSkillLine } from "~/domain/skills/skill-line";
import { sanitizeRichText } from "~/domain/text/rich-text";
import { recordAudit } from "./audit.server";
import { facetsChanged } from "./board.server";
import { decisionKey } from "~/domain/messages/event-keys";
import { tellCompany } from "./messages.server";
import { refreshVacancySearch } from "./search-index.server";
import { checkSavedSearches } from "./saved-searches.server";
import { resolveSkillText, type SkillRef } from "./skills.server";

import {
  BOARD_SORTS,
  type BoardSort,
  CEFR_LEVELS,
  EMPLOYMENT_TYPES,
  SKILL_LEVELS,
  VACANCY_LANGUAGES,
  VACANCY_STATUSES,
  WORK_MODES,
} from "~/domain/vacancies/options";

export { BOARD_SORTS, type BoardSort, CEFR_LEVELS, EMPLOYMENT_TYPES, SKILL_LEVELS, VACANCY_LANGUAGES, VACANCY_STATUSES, WORK_MODES };
export const MAX_VACANCY_SKILLS = 30;

const nowIso = () => new Date().toISOString();

// ---- typed skills: "Skill" or "Skill: advanced" (parseSkillLine: app/domain/skills/skill-line.ts) ----

/** Resolves typed skill lines through the taxonomy; reports the lines that name nothing. */
export async function resolveSkillLines(db: DB, lines: string[]): Promise<{ found: { skill: SkillRef; level: SkillLevel }[]; unknown: string[] }> {
  const found = new Map<number, { skill: SkillRef; level: SkillLevel }>();
  const unknown: string[] = [];
  for (const line of lines) {
    const { text, level } = parseSkillLine(line);
    if (!text) continue;
    const skill = await resolveSkillText(db, text);
    if (!skill) unknown.push(text);
    else if (!found.has(skill.id)) found.set(skill.id, { skill, level: level ?? "basic" });
  }
  return { found: [...found.values()], unknown };
}

// ---- writing ----

export type VacancyInput = {
  title: string;
  /** As typed: sanitised here. */
  description: string;
  employmentType: EmploymentType;
  workMode: WorkMode;
  city: string | null;
  regionId: number | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryHidden: boolean;
  openings: number;
  deadline: string | null;
  skills: { skillId: number; required: boolean; minLevel: SkillLevel }[];
  languages: { language: string; minLevel: CefrLevel }[];
};

/** Statuses in which the employer may still change the text. */
const EDITABLE: VacancyStatus[] = ["draft", "submitted", "rejected", "open"];

export type CompanyRef = { id: number; status: "pending" | "verified" | "rejected"; trusted: number };

async function companyRef(db: DB, companyId: number): Promise<CompanyRef | undefined> {
  return db.selectFrom("companies").select(["id", "status", "trusted"]).where("id", "=", companyId).executeTakeFirst();
}

const publishesDirectly = (c: CompanyRef) => c.status === "verified" && c.trusted === 1;

export type SaveResult = { ok: true; id: number } | { ok: false; reason: "not-found" | "not-editable" };

/**
 * Creates (id null) or updates a vacancy of the given company; another company's vacancy is
 * "not-found". An open vacancy edited by a company that is not trusted goes back to moderation.
 */
export async function saveVacancy(db: DB, companyId: number, id: number | null, input: VacancyInput, userId: number): Promise<SaveResult> {
  const company = await companyRef(db, companyId);
  if (!company) return { ok: false, reason: "not-found" };
  const row = {
    title: input.title,
    description: sanitizeRichText(input.description),
    employment_type: input.employmentType,
    work_mode: input.workMode,
    city: input.city,
    region_id: input.regionId,
    salary_min: input.salaryMin,
    salary_max: input.salaryMax,
    salary_hidden: input.salaryHidden ? 1 : 0,
    openings: input.openings,
    deadline: input.deadline,
  };
  const result = await db.transaction().execute(async (trx): Promise<SaveResult> => {
    let vacancyId: number;
    if (id === null) {
      ({ id: vacancyId } = await trx
        .insertInto("vacancies")
        .values({ ...row, company_id: companyId, created_by: userId })
        .returning("id")
        .executeTakeFirstOrThrow());
    } else {
      const current = await trx.selectFrom("vacancies").select(["id", "status"]).where("id", "=", id).where("company_id", "=", companyId).executeTakeFirst();
      if (!current) return { ok: false, reason: "not-found" };
      if (!EDITABLE.includes(current.status)) return { ok: false, reason: "not-editable" };
      const backToModeration = current.status === "open" && !publishesDirectly(company);
      await trx
        .updateTable("vacancies")
        .set({ ...row, updated_at: nowIso(), ...(backToModeration ? { status: "submitted", published_at: null } : {}) })
        .where("id", "=", id)
        .execute();
      await trx.deleteFrom("vacancy_skills").where("vacancy_id", "=", id).execute();
      await trx.deleteFrom("vacancy_languages").where("vacancy_id", "=", id).execute();
      vacancyId = id;
    }
    if (input.skills.length) {
      await trx
        .insertInto("vacancy_skills")
        .values(input.skills.map((s) => ({ vacancy_id: vacancyId, skill_id: s.skillId, required: s.required ? 1 : 0, min_level: s.minLevel })))
        .execute();
    }
    if (input.languages.length) {
      await trx
        .insertInto("vacancy_languages")
        .values(input.languages.map((l) => ({ vacancy_id: vacancyId, language: l.language, min_level: l.minLevel })))
        .execute();
    }
    await refreshVacancySearch(trx, vacancyId);
    return { ok: true, id: vacancyId };
  });
  facetsChanged(db);
  return result;
}

/** After a company is renamed: its vacancies' search rows carry the new name. */
export async function refreshCompanyVacanciesSearch(db: DB, companyId: number): Promise<void> {
  const rows = await db.selectFrom("vacancies").select("id").where("company_id", "=", companyId).execute();
  for (const r of rows) await refreshVacancySearch(db, r.id);
}

export type TransitionResult =
  { ok: true; status: VacancyStatus } | { ok: false; reason: "not-found" | "wrong-status" | "company-not-verified" | "deadline-passed" };

async function ownVacancy(db: DB, companyId: number, id: number) {
  return db.selectFrom("vacancies").select(["id", "status", "title", "company_id"]).where("id", "=", id).where("company_id", "=", companyId).executeTakeFirst();
}

/** The employer sends a draft (or a rejected vacancy, edited) to moderation; a trusted verified company publishes at once. */
export async function submitVacancy(db: DB, companyId: number, id: number): Promise<TransitionResult> {
  const v = await ownVacancy(db, companyId, id);
  const company = await companyRef(db, companyId);
  if (!v || !company) return { ok: false, reason: "not-found" };
  if (v.status !== "draft" && v.status !== "rejected") return { ok: false, reason: "wrong-status" };
  const direct = publishesDirectly(company);
  const now = nowIso();
  // Published at once: the saved searches' messages commit with the publication (docs/decisions/057-one-way-to-tell.md).
  const done = await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable("vacancies")
      .set(direct ? { status: "open", published_at: now, reject_reason: null, closed_at: null, updated_at: now } : { status: "submitted", updated_at: now })
      .where("id", "=", id)
      .where("status", "in", ["draft", "rejected"])
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    if (direct) await checkSavedSearches(trx);
    return true;
  });
  if (!done) return { ok: false, reason: "wrong-status" };
  facetsChanged(db);
  return { ok: true, status: direct ? "open" : "submitted" };
}

/** The employer ends a vacancy: closed (any time before it ends) or filled (once it was open). */
export async function endVacancy(db: DB, companyId: number, id: number, to: "closed" | "filled"): Promise<TransitionResult> {
  const v = await ownVacancy(db, companyId, id);
  if (!v) return { ok: false, reason: "not-found" };
  const from: VacancyStatus[] = to === "closed" ? ["draft", "submitted", "rejected", "open"] : ["open", "closed"];
  const now = nowIso();
  const done = await db
    .updateTable("vacancies")
    .set({ status: to, closed_at: now, updated_at: now })
    .where("id", "=", id)
    .where("status", "in", from)
    .executeTakeFirst();
  facetsChanged(db);
  return Number(done.numUpdatedRows) === 0 ? { ok: false, reason: "wrong-status" } : { ok: true, status: to };
}

/**
 * Staff approve a submitted vacancy of a verified company: it is published and its company told.
 * One whose deadline passed while it waited would be published and closed at once, so it needs a
 * new deadline (today or later, checked by the caller) — issue 14, item 5.
 */
export async function approveVacancy(
  db: DB,
  id: number,
  staffId: number,
  newDeadline: string | null = null,
  today = todayInBishkek(),
): Promise<TransitionResult> {
  const v = await db
    .selectFrom("vacancies")
    .innerJoin("companies", "companies.id", "vacancies.company_id")
    .select(["vacancies.id", "vacancies.status", "vacancies.title", "vacancies.company_id", "vacancies.deadline", "companies.status as company_status"])
    .where("vacancies.id", "=", id)
    .executeTakeFirst();
  if (!v) return { ok: false, reason: "not-found" };
  if (v.status !== "submitted") return { ok: false, reason: "wrong-status" };
  if (v.company_status !== "verified") return { ok: false, reason: "company-not-verified" };
  const deadline = newDeadline ?? v.deadline;
  if (deadline !== null && deadline < today) return { ok: false, reason: "deadline-passed" };
  const now = nowIso();
  // The approval, its audit row, the company's message and the saved searches' messages commit together.
  const done = await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable("vacancies")
      .set({ status: "open", published_at: now, reject_reason: null, closed_at: null, updated_at: now, deadline })
      .where("id", "=", id)
      .where("status", "=", "submitted")
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await recordAudit(trx, {
      actorId: staffId,
      action: "vacancy.approve",
      entity: "vacancy",
      entityId: id,
      before: { status: "submitted", ...(deadline !== v.deadline ? { deadline: v.deadline } : {}) },
      after: { status: "open", ...(deadline !== v.deadline ? { deadline } : {}) },
    });
    await tellCompany(trx, v.company_id, { kind: "vacancy-approved", eventKey: decisionKey(id, now), vars: { vacancy: v.title }, link: `/vacancies/${id}` });
    await checkSavedSearches(trx);
    return true;
  });
  if (!done) return { ok: false, reason: "wrong-status" };
  facetsChanged(db);
  return { ok: true, status: "open" };
}

/** Staff send a submitted vacancy back with a reason the employer sees. */
export async function rejectVacancy(db: DB, id: number, staffId: number, reason: string): Promise<TransitionResult> {
  const v = await db.selectFrom("vacancies").select(["id", "status", "title", "company_id"]).where("id", "=", id).executeTakeFirst();
  if (!v) return { ok: false, reason: "not-found" };
  const now = nowIso();
  const done = await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable("vacancies")
      .set({ status: "rejected", reject_reason: reason, updated_at: now })
      .where("id", "=", id)
      .where("status", "=", "submitted")
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await recordAudit(trx, {
      actorId: staffId,
      action: "vacancy.reject",
      entity: "vacancy",
      entityId: id,
      before: { status: "submitted" },
      after: { status: "rejected", reason },
    });
    await tellCompany(trx, v.company_id, {
      kind: "vacancy-rejected",
      eventKey: decisionKey(id, now),
      vars: { vacancy: v.title, reason },
      link: `/employer/vacancies/${id}`,
    });
    return true;
  });
  if (!done) return { ok: false, reason: "wrong-status" };
  return { ok: true, status: "rejected" };
}

/**
 * Open vacancies whose deadline (a Bishkek calendar date) has passed close themselves: one
 * indexed read (status, deadline) on every board load, and one UPDATE only when there is
 * something to close, so busy board traffic does not queue for SQLite's write lock.
 */
export async function closeExpiredVacancies(db: DB, today = todayInBishkek()): Promise<number> {
  const due = await db.selectFrom("vacancies").select("id").where("status", "=", "open").where("deadline", "<", today).limit(1).executeTakeFirst();
  if (!due) return 0;
  const now = nowIso();
  const done = await db
    .updateTable("vacancies")
    .set({ status: "closed", closed_at: now, updated_at: now })
    .where("status", "=", "open")
    .where("deadline", "<", today)
    .executeTakeFirst();
  facetsChanged(db);
  return Number(done.numUpdatedRows);
}

// ---- reading ----

/** A vacancy as the candidates page needs it: what the page shows and what ranking needs, in one read. */
export async function candidateVacancy(db: DB, id: number) {
  return db
    .selectFrom("vacancies")
    .select(["id", "company_id", "title", "status", "work_mode", "city", "region_id", "deadline", "published_at"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export type VacancyDetail = NonNullable<Awaited<ReturnType<typeof getVacancy>>>;

/** A vacancy with its company, region, skills and languages (whatever its status). */
export async function getVacancy(db: DB, id: number) {
  const v = await db
    .selectFrom("vacancies as v")
    .innerJoin("companies as c", "c.id", "v.company_id")
    .leftJoin("regions as r", "r.id", "v.region_id")
    .selectAll("v")
    .select([
      "c.name as company_name",
      "c.slug as company_slug",
      "c.website as company_website",
      "c.status as company_status",
      "c.trusted as company_trusted",
      "c.city as company_city",
    ])
    .select(["r.name_ky as region_ky", "r.name_ru as region_ru", "r.name_en as region_en"])
    .where("v.id", "=", id)
    .executeTakeFirst();
  if (!v) return null;
  const [skills, languages] = await Promise.all([
    db
      .selectFrom("vacancy_skills as vs")
      .innerJoin("skills as s", "s.id", "vs.skill_id")
      .select(["s.id", "s.slug", "s.name_ky", "s.name_ru", "s.name_en", "vs.required", "vs.min_level"])
      .where("vs.vacancy_id", "=", id)
      // Required first; the page orders each group by the name it shows (docs/decisions/050-skill-chips-order.md).
      .orderBy("vs.required", "desc")
      .orderBy("s.id")
      .execute(),
    db.selectFrom("vacancy_languages").select(["language", "min_level"]).where("vacancy_id", "=", id).orderBy("language").execute(),
  ]);
  return { ...v, skills, languages };
}

/** The employer's dashboard: the company's vacancies, newest first, with their applicant counts. */
export async function listCompanyVacancies(db: DB, companyId: number, filter: { status?: VacancyStatus; q?: string } = {}) {
  const { status } = filter;
  const fts = filter.q ? toFtsQuery(filter.q) : null;
  let q = db
    .selectFrom("vacancies as v")
    .select(["v.id", "v.title", "v.status", "v.deadline", "v.published_at", "v.updated_at", "v.reject_reason"])
    .select((eb) =>
      eb
        .selectFrom("applications as a")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("a.vacancy_id", "=", "v.id")
        .where("a.status", "!=", "invited")
        .as("applicants"),
    )
    .where("v.company_id", "=", companyId)
    .orderBy("v.updated_at", "desc")
    .orderBy("v.id", "desc");
  if (status) q = q.where("v.status", "=", status);
  if (filter.q) q = fts ? q.where(sql<boolean>`v.id in (select rowid from vacancies_fts where vacancies_fts match ${fts})`) : q.where(sql<boolean>`0`);
  const rows = await q.execute();
  const counts = await db
    .selectFrom("vacancies")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("company_id", "=", companyId)
    .groupBy("status")
    .execute();
  return {
    vacancies: rows.map((r) => ({ ...r, applicants: Number(r.applicants ?? 0) })),
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) as Partial<Record<VacancyStatus, number>>,
  };
}

/** The moderation queue: submitted vacancies, oldest first. */
export async function listSubmittedVacancies(db: DB) {
  return db
    .selectFrom("vacancies as v")
    .innerJoin("companies as c", "c.id", "v.company_id")
    .select([
      "v.id",
      "v.title",
      "v.description",
      "v.updated_at",
      "v.employment_type",
      "v.work_mode",
      "v.city",
      "v.deadline",
      "c.id as company_id",
      "c.name as company_name",
      "c.status as company_status",
      "c.slug as company_slug",
    ])
    .where("v.status", "=", "submitted")
    .orderBy("v.updated_at")
    .orderBy("v.id")
    .limit(200)
    .execute();
}
