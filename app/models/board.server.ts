// The public job board (docs/product.md §3, §4): full-text search over vacancies_fts
// (rowid = vacancy id) with filters and orders, the board's select choices (cached),
// and the rows of the feeds. Only open vacancies of verified companies are public.
import { type RawBuilder, sql } from "kysely";
import type { DB } from "@db/connection";
import type { EmploymentType, WorkMode } from "@db/schema";
import type { BoardQuery } from "~/domain/vacancies/board-query";
import type { FeedItem } from "~/domain/vacancies/feed";
import type { BoardSort } from "~/domain/vacancies/options";
import { type FullTextIndex, searchInTiers, type TextSearch } from "./full-text.server";
import { resolveSkillText, type SkillRef } from "./skills.server";

export const BOARD_PAGE_SIZE = 20;
export const FEED_SIZE = 50;

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
  /** The description (rich text), for a snippet of what a search matched. */
  description: string;
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
  /** Words the results also matched (job words, skill aliases, near spellings), for highlighting. */
  alsoWords: string[];
  /** Nothing matched the text, but this corrected text finds something ("did you mean"). */
  suggestion: string | null;
  /** The results matched only near spellings of a name (one typo): these. */
  near: string[];
};

const TOP_SKILLS = 6;
export const VACANCIES_INDEX: FullTextIndex = {
  table: "vacancies_fts",
  vocab: "vacancies_fts_vocab",
  // Typos are forgiven in company and skill names (docs/product.md §14).
  columns: { exact: ["title", "description", "company", "skills"], names: ["company", "skills"] },
  // bm25 weights of title, description, company, skills.
  weights: [10, 1, 4, 5],
  holders: (skillId: number) => sql`select vacancy_id as id from vacancy_skills where skill_id = ${skillId}`,
};

type BoardSearch = Partial<BoardQuery> & { publishedAfter?: string; publishedUntil?: string; onlyIds?: number[]; pageSize?: number };
type BoardPage = Omit<BoardResult, "alsoWords" | "suggestion" | "near">;

/**
 * The board's search: the text in tiers (exact, then stems, other script, job words and skill
 * aliases; one typo in company and skill names when nothing else matched; "did you mean"), with
 * the filters and order (app/models/full-text.server.ts). Saved-search checks (`onlyIds`) skip
 * the typo tier and the suggestion: they run for every search whenever a vacancy opens.
 */
export async function searchVacancies(db: DB, query: BoardSearch): Promise<BoardResult> {
  const q = (query.q ?? "").trim();
  const skillText = (query.skill ?? "").trim();
  const skill = skillText ? await resolveSkillText(db, skillText) : null;
  const unknownSkill = Boolean(skillText) && !skill;
  const outcome = await searchInTiers(db, VACANCIES_INDEX, q, (plan) => boardPage(db, query, q, skill, unknownSkill, plan), {
    fallbacks: !unknownSkill && !query.onlyIds,
  });
  return { ...outcome.result, alsoWords: outcome.alsoWords, suggestion: outcome.suggestion, near: outcome.near };
}

async function boardPage(db: DB, query: BoardSearch, q: string, skill: SkillRef | null, unknownSkill: boolean, plan: TextSearch): Promise<BoardPage> {
  const pageSize = query.pageSize ?? BOARD_PAGE_SIZE;
  // Text that as a whole names a skill ("C#", "питон"): vacancies asking for it match even when
  // the word is nowhere in their text (app/models/full-text.server.ts).
  const { searching, withHits: hitsFor } = plan;
  const requested = query.sort ?? (searching ? "relevance" : "newest");
  const sort: BoardSort = requested === "relevance" && !searching ? "newest" : requested;
  const empty = (): BoardPage => ({ items: [], total: 0, pages: 1, page: 1, sort, skill, unknownSkill });
  if (unknownSkill || (q && !searching)) return empty();

  const withHits = hitsFor(sort === "relevance");
  // The filters and orders read the narrow copy of their columns (migration 0016), not the wide
  // rows; only the page's rows are read whole (docs/decisions/049-board-search-speed.md). A listing
  // without text, newest first, walks the (status, published_at) index instead and stops after the page.
  const narrow = sql`vacancies v indexed by vacancies_board_filters`;
  const from = (v: RawBuilder<unknown>) =>
    searching ? sql`hits h cross join ${v} on v.id = h.id join companies c on c.id = v.company_id` : sql`${v} join companies c on c.id = v.company_id`;
  const idsFrom = from(searching || sort !== "newest" ? narrow : sql`vacancies v`);

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

  // Every order ends with the id, so equal keys never shuffle between pages.
  const shownSalary = sql`case when v.salary_hidden = 0 then coalesce(v.salary_max, v.salary_min) end`;
  const orderBy = {
    // Holders of a skill the text names, then exact above loose above typo hits, then bm25.
    relevance: sql`h.holder desc, h.tier, coalesce(h.score, 0), v.published_at desc, v.id desc`,
    newest: sql`v.published_at desc, v.id desc`,
    deadline: sql`v.deadline is null, v.deadline, v.id`,
    salary: sql`${shownSalary} is null, ${shownSalary} desc, v.id desc`,
  }[sort];
  const countAll = async () =>
    Number((await sql<{ total: number }>`${hitsFor(false)}select count(*) as total from ${from(narrow)} where ${where}`.execute(db)).rows[0]?.total ?? 0);
  /** The ids of one page in order. A text search counts in the same statement (a window over every row, computed before the limit): the text is matched once. */
  const pageIds = async (page: number) =>
    (
      await sql<{
        id: number;
        total: number | null;
      }>`${withHits}select v.id, ${searching ? sql`count(*) over ()` : sql`null`} as total from ${idsFrom} where ${where}
        order by ${orderBy} limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db)
    ).rows;

  let page = Math.max(1, Math.trunc(query.page ?? 1) || 1);
  let ids = await pageIds(page);
  // Without text the page is read in the order of an index and stops after it; counting is a pass over the narrow copy.
  let total = ids.length ? (ids[0]!.total ?? (await countAll())) : page > 1 ? await countAll() : 0;
  if (total === 0) return empty();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (ids.length === 0) {
    // A page past the end (a stale link): the last page.
    page = pages;
    ids = await pageIds(page);
    total = ids[0]?.total ?? total;
  }
  const { rows } = await sql<Omit<BoardItem, "skills">>`select v.id, v.title, c.name as company_name, c.slug as company_slug, v.city,
      r.name_ky as region_ky, r.name_ru as region_ru, r.name_en as region_en, v.employment_type, v.work_mode,
      case when v.salary_hidden = 0 then v.salary_min end as salary_min, case when v.salary_hidden = 0 then v.salary_max end as salary_max,
      v.deadline, v.published_at, v.description
    from vacancies v join companies c on c.id = v.company_id left join regions r on r.id = v.region_id
    where v.id in (${sql.join(ids.map((r) => r.id))})`.execute(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const shown = ids.map((r) => byId.get(r.id)).filter((r): r is Omit<BoardItem, "skills"> => r !== undefined);
  const skills = await requiredSkills(
    db,
    shown.map((r) => r.id),
  );
  return { items: shown.map((r) => ({ ...r, skills: skills.get(r.id) ?? [] })), total, pages, page, sort, skill, unknownSkill };
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
/**
 * Called by every write that can change what is public, with the database written to. Every
 * database's cached choices are dropped, not just this one's: the writer may hold a transaction,
 * which is not the handle the cache is kept under.
 */
export function facetsChanged(_db: DB): void {
  facetVersion += 1;
}

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
