// Vacancies (docs/product.md §3, §4): the employer's drafts, moderation by staff, the public job board
// with its full-text index (vacancies_fts, contentless: rowid = vacancy id), feeds, and
// graduates' saved searches. Only open vacancies of verified companies are public.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { z } from "zod";
import type { DB } from "@db/connection";
import type { CefrLevel, EmploymentType, SkillLevel, VacancyStatus, WorkMode } from "@db/schema";
import { richTextToPlain, sanitizeRichText } from "~/domain/text/rich-text";
import { recordAudit } from "./audit.server";
import { todayInBishkek, toFtsQuery } from "./directory.server";
import { foldForSearch } from "./graduate-search.server";
import { notify, notifyCompany } from "./notifications.server";
import { resolveSkillText, type SkillRef } from "./skills.server";

import { BOARD_SORTS, type BoardSort, CEFR_LEVELS, EMPLOYMENT_TYPES, SKILL_LEVELS, VACANCY_LANGUAGES, VACANCY_STATUSES, WORK_MODES } from "~/domain/vacancies/options";

export { BOARD_SORTS, type BoardSort, CEFR_LEVELS, EMPLOYMENT_TYPES, SKILL_LEVELS, VACANCY_LANGUAGES, VACANCY_STATUSES, WORK_MODES };
export const BOARD_PAGE_SIZE = 20;
export const FEED_SIZE = 50;
export const MAX_VACANCY_SKILLS = 30;

const nowIso = () => new Date().toISOString();

// ---- typed skills: "Skill" or "Skill: advanced" ----

const LEVEL_WORDS: Record<string, SkillLevel> = {
  basic: "basic", intermediate: "intermediate", advanced: "advanced",
  базовый: "basic", средний: "intermediate", продвинутый: "advanced",
  базалык: "basic", орто: "intermediate", жогорку: "advanced",
};

/** One typed line: the skill text and the level after its last colon (when that names a level). */
export function parseSkillLine(line: string): { text: string; level: SkillLevel | null } {
  const m = /^(.*\S)\s*:\s*([^:]+)$/.exec(line.trim());
  const level = m ? LEVEL_WORDS[m[2]!.trim().toLowerCase()] : undefined;
  return m && level ? { text: m[1]!.trim(), level } : { text: line.trim(), level: null };
}

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
      ({ id: vacancyId } = await trx.insertInto("vacancies").values({ ...row, company_id: companyId, created_by: userId }).returning("id").executeTakeFirstOrThrow());
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
      await trx.insertInto("vacancy_skills").values(input.skills.map((s) => ({ vacancy_id: vacancyId, skill_id: s.skillId, required: s.required ? 1 : 0, min_level: s.minLevel }))).execute();
    }
    if (input.languages.length) {
      await trx.insertInto("vacancy_languages").values(input.languages.map((l) => ({ vacancy_id: vacancyId, language: l.language, min_level: l.minLevel }))).execute();
    }
    await refreshVacancySearch(trx, vacancyId);
    return { ok: true, id: vacancyId };
  });
  facetsChanged();
  return result;
}

/** Rebuilds one vacancy's search row: title, description, company name, every name and alias of its skills. */
export async function refreshVacancySearch(db: DB, vacancyId: number): Promise<void> {
  await sql`delete from vacancies_fts where rowid = ${vacancyId}`.execute(db);
  const v = await db
    .selectFrom("vacancies")
    .innerJoin("companies", "companies.id", "vacancies.company_id")
    .select(["vacancies.title", "vacancies.description", "companies.name as company"])
    .where("vacancies.id", "=", vacancyId)
    .executeTakeFirst();
  if (!v) return;
  const skills = await db
    .selectFrom("skill_aliases")
    .select("alias")
    .where("skill_id", "in", (eb) => eb.selectFrom("vacancy_skills").select("skill_id").where("vacancy_id", "=", vacancyId))
    .orderBy("id")
    .execute();
  await sql`insert into vacancies_fts (rowid, title, description, company, skills) values (${vacancyId}, ${foldForSearch(v.title)}, ${foldForSearch(richTextToPlain(v.description))}, ${foldForSearch(v.company)}, ${foldForSearch(skills.map((s) => s.alias).join(" "))})`.execute(db);
}

/** After a company is renamed: its vacancies' search rows carry the new name. */
export async function refreshCompanyVacanciesSearch(db: DB, companyId: number): Promise<void> {
  const rows = await db.selectFrom("vacancies").select("id").where("company_id", "=", companyId).execute();
  for (const r of rows) await refreshVacancySearch(db, r.id);
}

export type TransitionResult = { ok: true; status: VacancyStatus } | { ok: false; reason: "not-found" | "wrong-status" | "company-not-verified" | "deadline-passed" };

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
  const done = await db
    .updateTable("vacancies")
    .set(direct ? { status: "open", published_at: now, reject_reason: null, closed_at: null, updated_at: now } : { status: "submitted", updated_at: now })
    .where("id", "=", id)
    .where("status", "in", ["draft", "rejected"])
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) return { ok: false, reason: "wrong-status" };
  facetsChanged();
  if (direct) await checkSavedSearches(db);
  return { ok: true, status: direct ? "open" : "submitted" };
}

/** The employer ends a vacancy: closed (any time before it ends) or filled (once it was open). */
export async function endVacancy(db: DB, companyId: number, id: number, to: "closed" | "filled"): Promise<TransitionResult> {
  const v = await ownVacancy(db, companyId, id);
  if (!v) return { ok: false, reason: "not-found" };
  const from: VacancyStatus[] = to === "closed" ? ["draft", "submitted", "rejected", "open"] : ["open", "closed"];
  const now = nowIso();
  const done = await db.updateTable("vacancies").set({ status: to, closed_at: now, updated_at: now }).where("id", "=", id).where("status", "in", from).executeTakeFirst();
  facetsChanged();
  return Number(done.numUpdatedRows) === 0 ? { ok: false, reason: "wrong-status" } : { ok: true, status: to };
}

/**
 * Staff approve a submitted vacancy of a verified company: it is published and its company told.
 * One whose deadline passed while it waited would be published and closed at once, so it needs a
 * new deadline (today or later, checked by the caller) — issue 14, item 5.
 */
export async function approveVacancy(db: DB, id: number, staffId: number, newDeadline: string | null = null, today = todayInBishkek()): Promise<TransitionResult> {
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
  const done = await db
    .updateTable("vacancies")
    .set({ status: "open", published_at: now, reject_reason: null, closed_at: null, updated_at: now, deadline })
    .where("id", "=", id)
    .where("status", "=", "submitted")
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) return { ok: false, reason: "wrong-status" };
  facetsChanged();
  await recordAudit(db, {
    actorId: staffId, action: "vacancy.approve", entity: "vacancy", entityId: id,
    before: { status: "submitted", ...(deadline !== v.deadline ? { deadline: v.deadline } : {}) },
    after: { status: "open", ...(deadline !== v.deadline ? { deadline } : {}) },
  });
  await notifyCompany(db, v.company_id, "vacancy-approved", { vacancy: v.title }, `/vacancies/${id}`);
  await checkSavedSearches(db);
  return { ok: true, status: "open" };
}

/** Staff send a submitted vacancy back with a reason the employer sees. */
export async function rejectVacancy(db: DB, id: number, staffId: number, reason: string): Promise<TransitionResult> {
  const v = await db.selectFrom("vacancies").select(["id", "status", "title", "company_id"]).where("id", "=", id).executeTakeFirst();
  if (!v) return { ok: false, reason: "not-found" };
  const done = await db
    .updateTable("vacancies")
    .set({ status: "rejected", reject_reason: reason, updated_at: nowIso() })
    .where("id", "=", id)
    .where("status", "=", "submitted")
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) return { ok: false, reason: "wrong-status" };
  await recordAudit(db, { actorId: staffId, action: "vacancy.reject", entity: "vacancy", entityId: id, before: { status: "submitted" }, after: { status: "rejected", reason } });
  await notifyCompany(db, v.company_id, "vacancy-rejected", { vacancy: v.title, reason }, `/employer/vacancies/${id}`);
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
  facetsChanged();
  return Number(done.numUpdatedRows);
}

// ---- reading ----

export type VacancyDetail = NonNullable<Awaited<ReturnType<typeof getVacancy>>>;

/** A vacancy with its company, region, skills and languages (whatever its status). */
export async function getVacancy(db: DB, id: number) {
  const v = await db
    .selectFrom("vacancies as v")
    .innerJoin("companies as c", "c.id", "v.company_id")
    .leftJoin("regions as r", "r.id", "v.region_id")
    .selectAll("v")
    .select(["c.name as company_name", "c.slug as company_slug", "c.website as company_website", "c.status as company_status", "c.trusted as company_trusted", "c.city as company_city"])
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
      .orderBy("vs.required", "desc")
      .orderBy("s.name_en")
      .execute(),
    db.selectFrom("vacancy_languages").select(["language", "min_level"]).where("vacancy_id", "=", id).orderBy("language").execute(),
  ]);
  return { ...v, skills, languages };
}

export const isPublic = (v: { status: VacancyStatus; company_status: string }) => v.status === "open" && v.company_status === "verified";

/** The employer's dashboard: the company's vacancies, newest first, with their applicant counts. */
export async function listCompanyVacancies(db: DB, companyId: number, filter: { status?: VacancyStatus; q?: string } = {}) {
  const { status } = filter;
  const fts = filter.q ? toFtsQuery(filter.q) : null;
  let q = db
    .selectFrom("vacancies as v")
    .select(["v.id", "v.title", "v.status", "v.deadline", "v.published_at", "v.updated_at", "v.reject_reason"])
    .select((eb) => eb.selectFrom("applications as a").select((e) => e.fn.countAll<number>().as("n")).whereRef("a.vacancy_id", "=", "v.id").where("a.status", "!=", "invited").as("applicants"))
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
  return { vacancies: rows.map((r) => ({ ...r, applicants: Number(r.applicants ?? 0) })), counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) as Partial<Record<VacancyStatus, number>> };
}

/** The moderation queue: submitted vacancies, oldest first. */
export async function listSubmittedVacancies(db: DB) {
  return db
    .selectFrom("vacancies as v")
    .innerJoin("companies as c", "c.id", "v.company_id")
    .select(["v.id", "v.title", "v.description", "v.updated_at", "v.employment_type", "v.work_mode", "v.city", "v.deadline", "c.id as company_id", "c.name as company_name", "c.status as company_status", "c.slug as company_slug"])
    .where("v.status", "=", "submitted")
    .orderBy("v.updated_at")
    .orderBy("v.id")
    .limit(200)
    .execute();
}

// ---- the board ----

/** Typed text: control characters become spaces, very long input is cut, never refused. */
const text = (max: number) =>
  z
    .string()
    .catch("")
    .transform((s) => Array.from(s.replace(/\p{Cc}+/gu, " ").trim()).slice(0, max).join("").trim());
const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined);

/** The board's query string, read tolerantly: a hand-edited or stale address shows the board, never an error. */
export const BoardParams = z.object({
  q: text(200),
  skill: text(100),
  region: id,
  city: text(100),
  mode: z.enum(WORK_MODES).optional().catch(undefined),
  type: z.enum(EMPLOYMENT_TYPES).optional().catch(undefined),
  company: id,
  salary: z.string().optional().catch(undefined).transform((v) => v === "1" || v === "on" || v === "true"),
  sort: z.enum(BOARD_SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type BoardQuery = z.output<typeof BoardParams>;

export function parseBoardQuery(search: URLSearchParams | string): BoardQuery {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  return BoardParams.parse(Object.fromEntries(params));
}

/** The canonical query string of a search (no page, no empty values): what a saved search stores. */
export function boardQueryString(q: BoardQuery): string {
  const params = new URLSearchParams();
  if (q.q) params.set("q", q.q);
  if (q.skill) params.set("skill", q.skill);
  if (q.region) params.set("region", String(q.region));
  if (q.city) params.set("city", q.city);
  if (q.mode) params.set("mode", q.mode);
  if (q.type) params.set("type", q.type);
  if (q.company) params.set("company", String(q.company));
  if (q.salary) params.set("salary", "1");
  if (q.sort) params.set("sort", q.sort);
  return params.toString();
}

export type BoardItem = {
  id: number;
  title: string;
  company_name: string;
  company_slug: string;
  city: string | null;
  region_ky: string | null;
  region_ru: string | null;
  region_en: string | null;
  employment_type: EmploymentType;
  work_mode: WorkMode;
  salary_min: number | null;
  salary_max: number | null;
  deadline: string | null;
  published_at: string;
  skills: { id: number; name_ky: string; name_ru: string; name_en: string }[];
};

export type BoardResult = {
  items: BoardItem[];
  total: number;
  pages: number;
  page: number;
  sort: BoardSort;
  skill: SkillRef | null;
  unknownSkill: boolean;
};

/** bm25 weights of the columns title, description, company, skills. */
const BM25_WEIGHTS = sql.raw("10.0, 1.0, 4.0, 5.0");
const TOP_SKILLS = 6;

export async function searchVacancies(
  db: DB,
  query: Partial<BoardQuery> & { publishedAfter?: string; publishedUntil?: string; onlyIds?: number[]; pageSize?: number },
): Promise<BoardResult> {
  const pageSize = query.pageSize ?? BOARD_PAGE_SIZE;
  const q = (query.q ?? "").trim();
  const skillText = (query.skill ?? "").trim();
  const skill = skillText ? await resolveSkillText(db, skillText) : null;
  const unknownSkill = Boolean(skillText) && !skill;
  // Text that as a whole names a skill ("C#", "питон"): vacancies asking for it match even when
  // the word is nowhere in their text (the tokenizer cannot tell C, C++ and C# apart).
  const qSkill = q ? await resolveSkillText(db, q) : null;
  const fts = q && !(qSkill && /[+#]/.test(q)) ? toFtsQuery(q, { prefix: !qSkill }) : null;
  const searching = fts !== null || qSkill !== null;
  const requested = query.sort ?? (searching ? "relevance" : "newest");
  const sort: BoardSort = requested === "relevance" && !searching ? "newest" : requested;
  const empty = (): BoardResult => ({ items: [], total: 0, pages: 1, page: 1, sort, skill, unknownSkill });
  if (unknownSkill || (q && !searching)) return empty();

  const score = sort === "relevance" ? sql`bm25(vacancies_fts, ${BM25_WEIGHTS})` : sql`null`;
  const ftsHits = fts ? sql`select rowid as id, ${score} as score, 0 as holder from vacancies_fts where vacancies_fts match ${fts}` : null;
  const skillHits = qSkill ? sql`select vacancy_id as id, null as score, 1 as holder from vacancy_skills where skill_id = ${qSkill.id}` : null;
  const hits = ftsHits && skillHits ? sql`select id, min(score) as score, max(holder) as holder from (${ftsHits} union all ${skillHits}) group by id` : (ftsHits ?? skillHits);
  const withHits = hits ? sql`with hits(id, score, holder) as materialized (${hits}) ` : sql``;
  const from = hits ? sql`hits h cross join vacancies v on v.id = h.id join companies c on c.id = v.company_id` : sql`vacancies v join companies c on c.id = v.company_id`;

  const list = [sql`v.status = 'open'`, sql`c.status = 'verified'`];
  if (query.region) list.push(sql`v.region_id = ${query.region}`);
  if (query.city) list.push(sql`v.city = ${query.city}`);
  if (query.mode) list.push(sql`v.work_mode = ${query.mode}`);
  if (query.type) list.push(sql`v.employment_type = ${query.type}`);
  if (query.company) list.push(sql`v.company_id = ${query.company}`);
  if (query.salary) list.push(sql`v.salary_hidden = 0 and (v.salary_min is not null or v.salary_max is not null)`);
  if (skill) list.push(sql`v.id in (select vacancy_id from vacancy_skills where skill_id = ${skill.id})`);
  if (query.publishedAfter) list.push(sql`v.published_at > ${query.publishedAfter}`);
  if (query.publishedUntil) list.push(sql`v.published_at <= ${query.publishedUntil}`);
  if (query.onlyIds) list.push(query.onlyIds.length ? sql`v.id in (${sql.join(query.onlyIds)})` : sql`0`);
  const where = sql.join(list, sql` and `);

  const counted = await sql<{ total: number }>`${withHits}select count(*) as total from ${from} where ${where}`.execute(db);
  const total = Number(counted.rows[0]?.total ?? 0);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.trunc(query.page ?? 1) || 1), pages);
  if (total === 0) return { ...empty(), page };

  // Every order ends with the id, so equal keys never shuffle between pages.
  const shownSalary = sql`case when v.salary_hidden = 0 then coalesce(v.salary_max, v.salary_min) end`;
  const orderBy = {
    relevance: sql`h.holder desc, coalesce(h.score, 0), v.published_at desc, v.id desc`,
    newest: sql`v.published_at desc, v.id desc`,
    deadline: sql`v.deadline is null, v.deadline, v.id`,
    salary: sql`${shownSalary} is null, ${shownSalary} desc, v.id desc`,
  }[sort];
  const { rows } = await sql<Omit<BoardItem, "skills">>`${withHits}select v.id, v.title, c.name as company_name, c.slug as company_slug, v.city,
      r.name_ky as region_ky, r.name_ru as region_ru, r.name_en as region_en, v.employment_type, v.work_mode,
      case when v.salary_hidden = 0 then v.salary_min end as salary_min, case when v.salary_hidden = 0 then v.salary_max end as salary_max,
      v.deadline, v.published_at
    from ${from} left join regions r on r.id = v.region_id
    where ${where}
    order by ${orderBy} limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db);
  const skills = await requiredSkills(db, rows.map((r) => r.id));
  return { items: rows.map((r) => ({ ...r, skills: skills.get(r.id) ?? [] })), total, pages, page, sort, skill, unknownSkill };
}

async function requiredSkills(db: DB, ids: number[]) {
  const out = new Map<number, BoardItem["skills"]>();
  if (ids.length === 0) return out;
  const { rows } = await sql<{ vacancy_id: number; id: number; name_ky: string; name_ru: string; name_en: string }>`
    select vacancy_id, id, name_ky, name_ru, name_en from (
      select vs.vacancy_id, s.id, s.name_ky, s.name_ru, s.name_en,
        row_number() over (partition by vs.vacancy_id order by vs.required desc, s.name_en, s.id) as n
      from vacancy_skills vs join skills s on s.id = vs.skill_id
      where vs.vacancy_id in (${sql.join(ids)})
    ) where n <= ${TOP_SKILLS} order by vacancy_id, n`.execute(db);
  for (const { vacancy_id, ...s } of rows) {
    const list = out.get(vacancy_id) ?? [];
    list.push(s);
    out.set(vacancy_id, list);
  }
  return out;
}

type Facets = { companies: { id: number; name: string }[]; cities: string[] };
/** The board's select choices change only when vacancies do: kept per database for a minute at most. */
const facetCache = new WeakMap<DB, { at: number; version: number; value: Facets }>();
let facetVersion = 0;
const FACET_TTL_MS = 60_000;
/** Called by every write that can change what is public. */
const facetsChanged = () => {
  facetVersion += 1;
};

/** The choices of the board's selects: companies and cities that have public vacancies. */
export async function boardFacets(db: DB): Promise<Facets> {
  const cached = facetCache.get(db);
  if (cached && cached.version === facetVersion && Date.now() - cached.at < FACET_TTL_MS) return cached.value;
  const version = facetVersion;
  const [companies, cities] = await Promise.all([
    // A few dozen companies, each checked through the (company_id, status) index.
    sql<{ id: number; name: string }>`select c.id, c.name from companies c where c.status = 'verified'
      and exists (select 1 from vacancies v where v.company_id = c.id and v.status = 'open') order by c.name, c.id`.execute(db),
    sql<{ city: string }>`select v.city from vacancies v where v.status = 'open' and v.city is not null and v.city != ''
      and v.company_id in (select id from companies where status = 'verified') group by v.city order by v.city`.execute(db),
  ]);
  const value = { companies: companies.rows, cities: cities.rows.map((r) => r.city) };
  facetCache.set(db, { at: Date.now(), version, value });
  return value;
}

/** The newest public vacancies (home page, feeds). */
export async function recentOpenVacancies(db: DB, limit: number) {
  return db
    .selectFrom("vacancies as v")
    .innerJoin("companies as c", "c.id", "v.company_id")
    .select(["v.id", "v.title", "v.description", "v.city", "v.published_at", "v.deadline", "v.work_mode", "v.employment_type", "c.name as company_name"])
    .where("v.status", "=", "open")
    .where("c.status", "=", "verified")
    .orderBy("v.published_at", "desc")
    .orderBy("v.id", "desc")
    .limit(limit)
    .execute();
}

/** Feed rows for the given vacancies, in the given order. */
export async function getFeedItems(db: DB, ids: number[]): Promise<FeedItem[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("vacancies as v")
    .innerJoin("companies as c", "c.id", "v.company_id")
    .select(["v.id", "v.title", "v.description", "v.city", "v.published_at", "c.name as company_name"])
    .where("v.id", "in", ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is (typeof rows)[number] => r !== undefined);
}

// ---- saved searches ----

export async function createSavedSearch(db: DB, userId: number, query: BoardQuery, name: string | null): Promise<number> {
  const qs = boardQueryString(query);
  const fallback = [query.q, query.skill, query.city].filter(Boolean).join(" · ");
  const { id } = await db
    .insertInto("saved_searches")
    .values({
      user_id: userId,
      name: (name || fallback || "*").slice(0, 100),
      query: qs,
      feed_token: randomBytes(24).toString("base64url"),
      last_checked_at: nowIso(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function listSavedSearches(db: DB, userId: number) {
  return db.selectFrom("saved_searches").select(["id", "name", "query", "feed_token", "created_at"]).where("user_id", "=", userId).orderBy("created_at", "desc").orderBy("id", "desc").execute();
}

export async function deleteSavedSearch(db: DB, userId: number, id: number): Promise<boolean> {
  const done = await db.deleteFrom("saved_searches").where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  return Number(done.numDeletedRows) > 0;
}

export async function savedSearchByToken(db: DB, token: string) {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  return (await db.selectFrom("saved_searches").select(["id", "name", "query"]).where("feed_token", "=", token).executeTakeFirst()) ?? null;
}

/**
 * For each saved search, the public vacancies published since it was last checked: one
 * "saved-search-hits" notification per search that has any. Called when a vacancy opens.
 */
export async function checkSavedSearches(db: DB): Promise<number> {
  const until = nowIso();
  const searches = await db.selectFrom("saved_searches").select(["id", "user_id", "name", "query", "last_checked_at"]).execute();
  if (searches.length === 0) return 0;
  // Usually one vacancy has just opened: each search is then matched against those few only.
  const oldest = searches.reduce((min, s) => (s.last_checked_at < min ? s.last_checked_at : min), until);
  const { rows: fresh } = await sql<{ id: number; published_at: string }>`select v.id, v.published_at from vacancies v join companies c on c.id = v.company_id
    where v.status = 'open' and c.status = 'verified' and v.published_at > ${oldest} and v.published_at <= ${until}`.execute(db);
  let sent = 0;
  for (const s of searches) {
    const candidates = fresh.filter((v) => v.published_at > s.last_checked_at).map((v) => v.id);
    if (candidates.length === 0) continue;
    const query = parseBoardQuery(s.query);
    const result = await searchVacancies(db, { ...query, page: 1, pageSize: 1, sort: "newest", onlyIds: candidates });
    if (result.total > 0) {
      await notify(db, s.user_id, "saved-search-hits", { n: result.total, name: s.name }, `/vacancies${s.query ? `?${s.query}` : ""}`);
      sent += 1;
    }
  }
  await db.updateTable("saved_searches").set({ last_checked_at: until, updated_at: until }).where("last_checked_at", "<", until).execute();
  return sent;
}

// ---- feeds and JSON-LD ----

/** Text safe inside XML: escaped, and without the control characters XML 1.0 forbids. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export type FeedItem = { id: number; title: string; company_name: string; description: string; published_at: string | null; city: string | null };

/** An RSS 2.0 document. */
export function renderRss(feed: { title: string; description: string; link: string; self: string; items: FeedItem[] }, origin: string): string {
  const items = feed.items
    .map((v) => {
      const link = `${origin}/vacancies/${v.id}`;
      const text = richTextToPlain(v.description);
      const summary = text.length > 600 ? `${text.slice(0, 600)}…` : text;
      return [
        "<item>",
        `<title>${xmlText(`${v.title} — ${v.company_name}`)}</title>`,
        `<link>${xmlText(link)}</link>`,
        `<guid isPermaLink="true">${xmlText(link)}</guid>`,
        v.published_at ? `<pubDate>${new Date(v.published_at).toUTCString()}</pubDate>` : "",
        `<description>${xmlText(summary)}</description>`,
        "</item>",
      ].join("");
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xmlText(feed.title)}</title>
<link>${xmlText(feed.link)}</link>
<description>${xmlText(feed.description)}</description>
<atom:link href="${xmlText(feed.self)}" rel="self" type="application/rss+xml"/>
${items}
</channel>
</rss>
`;
}

export function rssResponse(body: string, options: { private?: boolean } = {}): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "application/rss+xml; charset=utf-8",
      "Cache-Control": options.private ? "private, max-age=300" : "public, max-age=300",
      ...(options.private ? { "X-Robots-Tag": "noindex" } : {}),
    },
  });
}

const JOB_POSTING_TYPES: Record<EmploymentType, string> = {
  full_time: "FULL_TIME", part_time: "PART_TIME", internship: "INTERN", apprenticeship: "OTHER", contract: "CONTRACTOR",
};

/** schema.org JobPosting for a vacancy page, as a string safe inside <script> ("<" escaped). */
export function jobPostingJsonLd(v: VacancyDetail, origin: string): string {
  const posting: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: v.title,
    description: v.description,
    datePosted: (v.published_at ?? v.created_at).slice(0, 10),
    employmentType: JOB_POSTING_TYPES[v.employment_type],
    hiringOrganization: { "@type": "Organization", name: v.company_name, ...(v.company_website && /^https?:\/\//i.test(v.company_website) ? { sameAs: v.company_website } : {}) },
    url: `${origin}/vacancies/${v.id}`,
    identifier: { "@type": "PropertyValue", name: v.company_name, value: String(v.id) },
    totalJobOpenings: v.openings,
  };
  if (v.deadline) posting.validThrough = `${v.deadline}T23:59:59+06:00`;
  const address = { "@type": "PostalAddress", ...(v.city ? { addressLocality: v.city } : {}), ...(v.region_en ? { addressRegion: v.region_en } : {}), addressCountry: "KG" };
  if (v.work_mode === "remote") {
    posting.jobLocationType = "TELECOMMUTE";
    posting.applicantLocationRequirements = { "@type": "Country", name: "KG" };
  } else {
    posting.jobLocation = { "@type": "Place", address };
  }
  if (!v.salary_hidden && (v.salary_min !== null || v.salary_max !== null)) {
    const value: Record<string, unknown> = { "@type": "QuantitativeValue", unitText: "MONTH" };
    if (v.salary_min !== null && v.salary_max !== null && v.salary_min !== v.salary_max) {
      value.minValue = v.salary_min;
      value.maxValue = v.salary_max;
    } else value.value = v.salary_min ?? v.salary_max;
    posting.baseSalary = { "@type": "MonetaryAmount", currency: "KGS", value };
  }
  if (v.skills.length) posting.skills = v.skills.map((s) => s.name_en).join(", ");
  return JSON.stringify(posting).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
