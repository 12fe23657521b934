// The graduate directory (/graduates): full-text search over graduates_fts plus filters,
// for staff and verified employers (docs/product.md §3, §8, §10). One page query with its count (or,
// with the filters and the ranked text in memory, none: docs/decisions/048, Session 10), one query
// for the page's cards and one for their skills: no per-row queries, whatever the page size.
import { type RawBuilder, sql } from "kysely";
import type { DB } from "@db/connection";
import type { SkillLevel, SkillSource, Visibility } from "@db/schema";
import { todayInBishkek } from "~/domain/calendar";
import { type FullTextIndex, searchInTiers, type TextSearch } from "./full-text.server";
import { resolveSkillText, type SkillRef } from "./skills.server";
import { directoryView } from "./directory-view.server";
import { type RankedHits, rankedHits } from "./text-hits-cache.server";
import { listableVisibilities, type Viewer } from "~/domain/visibility";

export const DIRECTORY_PAGE_SIZE = 20;
import { DIRECTORY_SORTS, type DirectorySort } from "~/domain/directory/options";
import { claimEvidence, type EvidencePair } from "~/domain/profile/skill-evidence";
import { LEVEL_RANK, SOURCE_RANK } from "~/domain/skills/levels";

export { DIRECTORY_SORTS, type DirectorySort };

/** Skills shown on each card. */
const TOP_SKILLS = 5;

export type DirectoryQuery = {
  q?: string;
  /** Typed skill text in any language or alias, resolved through the taxonomy. */
  skill?: string;
  schoolId?: number;
  regionId?: number;
  cohortId?: number;
  availableNow?: boolean;
  relocate?: boolean;
  /** Defaults to relevance when there is search text, otherwise to recent. */
  sort?: DirectorySort;
  page?: number;
  /** YYYY-MM-DD; defaults to today in Bishkek. */
  today?: string;
};

/** A listed skill with its (level, evidence) pairs: a verified basic never reads as a verified higher level (docs/decisions/022). */
export type DirectorySkill = { id: number; name_ky: string; name_ru: string; name_en: string; source: SkillSource; level: SkillLevel; pairs: EvidencePair[] };

export type DirectoryItem = {
  id: number;
  slug: string | null;
  first_name: string;
  last_name: string;
  headline: string | null;
  school_ky: string;
  school_ru: string;
  school_en: string;
  graduation_date: string;
  region_ky: string | null;
  region_ru: string | null;
  region_en: string | null;
  city: string | null;
  available_from: string | null;
  willing_to_relocate: boolean;
  /** Shown to staff, who also list private profiles. */
  visibility: Visibility;
  skills: DirectorySkill[];
  /** How many skills the graduate claims in all (the card shows the first few). */
  skill_count: number;
};

export type DirectoryResult = {
  items: DirectoryItem[];
  total: number;
  pages: number;
  /** The page shown: the one asked for, kept within 1…pages. */
  page: number;
  /** The order actually applied (relevance needs search text). */
  sort: DirectorySort;
  /** The skill filter's text resolved to a taxonomy skill. */
  skill: SkillRef | null;
  /** The skill filter named no skill: the result is empty and the page says so. */
  unknownSkill: boolean;
  /** The search text as a whole names a skill (its holders are found and ranked first). */
  qSkill: SkillRef | null;
  /** Words the results also matched (job words, skill aliases, near spellings), for highlighting. */
  alsoWords: string[];
  /** Nothing matched the text, but this corrected text finds something ("did you mean"). */
  suggestion: string | null;
  /** The results matched only near spellings of a name (one typo): these. */
  near: string[];
};
type DirectoryPage = Omit<DirectoryResult, "alsoWords" | "suggestion" | "near">;

/**
 * Ids of the graduates who claim the skill or used it in a portfolio project (computed once per query).
 * A project's owner is read from the narrow projects_owner index, not the wide projects rows
 * (migration 0015, docs/decisions/048-directory-and-skill-gap-speed.md).
 */
function holdersOf(skillId: number): RawBuilder<unknown> {
  return sql`select graduate_id as id from graduate_skills where skill_id = ${skillId}
    union select p.graduate_id from project_skills ps join projects p indexed by projects_owner on p.id = ps.project_id where ps.skill_id = ${skillId}`;
}

/** The directory's full-text index for planTextSearch (exported for the fast-path test, tests/integration/search-fast-paths.test.ts). */
export const GRADUATES_INDEX: FullTextIndex = {
  table: "graduates_fts",
  vocab: "graduates_fts_vocab",
  // Typos are forgiven in graduates' names and skill names (docs/product.md §14).
  columns: { exact: ["name", "headline", "about", "projects", "skills"], names: ["name", "skills"] },
  // bm25 weights of name, headline, about, projects, skills.
  weights: [10, 5, 1, 2, 4],
  holders: holdersOf,
};

type PageRow = Omit<DirectoryItem, "skills" | "skill_count" | "willing_to_relocate"> & { willing_to_relocate: number };

/** The directory's search: the text in tiers and "did you mean" (app/models/full-text.server.ts), with the filters and order. */
export async function searchGraduates(db: DB, viewer: Viewer, query: DirectoryQuery): Promise<DirectoryResult> {
  const q = (query.q ?? "").trim();
  const skillText = (query.skill ?? "").trim();
  const skill = skillText ? await resolveSkillText(db, skillText) : null;
  const unknownSkill = Boolean(skillText) && !skill;
  const outcome = await searchInTiers(db, GRADUATES_INDEX, q, (plan) => directoryPage(db, viewer, query, q, skill, unknownSkill, plan), {
    fallbacks: !unknownSkill,
  });
  return { ...outcome.result, alsoWords: outcome.alsoWords, suggestion: outcome.suggestion, near: outcome.near };
}

async function directoryPage(
  db: DB,
  viewer: Viewer,
  query: DirectoryQuery,
  q: string,
  skill: SkillRef | null,
  unknownSkill: boolean,
  plan: TextSearch,
): Promise<DirectoryPage> {
  // Search text that, as a whole, names a skill ("питон", "C#"): holders of that skill are
  // found even when the words are nowhere in the text, and come first (app/models/full-text.server.ts).
  const { qSkill, searching, withHits: hitsFor } = plan;

  const requested = query.sort ?? (searching ? "relevance" : "recent");
  const sort: DirectorySort = requested === "relevance" && !searching ? "recent" : requested;
  const empty = (): DirectoryPage => ({ items: [], total: 0, pages: 1, page: 1, sort, skill, unknownSkill, qSkill });
  if (unknownSkill) return empty();
  // Text with nothing searchable in it (only punctuation, say) matches nobody.
  if (q && !searching) return empty();

  // Filters and orders read only the narrow graduates_directory index, never the wide rows: by id
  // for each hit of a search, or whole when there is no text (migration 0015, docs/decisions/048).
  const graduates = sql`graduates g indexed by graduates_directory`;
  const from = searching ? sql`hits h cross join ${graduates} on g.id = h.id` : graduates;

  const today = query.today ?? todayInBishkek();
  // Region: where the graduate is now (their own region_id); when they have not said, the
  // region of their school. The same effective region is shown on the card.
  const regionOf = sql`coalesce(g.region_id, s.region_id)`;
  const conditions = () => {
    const list = [
      sql`g.anonymised_at is null`,
      // Most profiles are listable, so reading the narrow index in order beats fetching nearly
      // every row at random through the visibility index: the unary + keeps SQLite off that index.
      sql`+g.visibility in (${sql.join(listableVisibilities(viewer))})`,
    ];
    if (query.schoolId) list.push(sql`c.school_id = ${query.schoolId}`);
    if (query.cohortId) list.push(sql`g.cohort_id = ${query.cohortId}`);
    if (query.regionId) list.push(sql`${regionOf} = ${query.regionId}`);
    if (query.availableNow) list.push(sql`(g.available_from is null or g.available_from <= ${today})`);
    if (query.relocate) list.push(sql`g.willing_to_relocate = 1`);
    if (skill) list.push(sql`g.id in (${holdersOf(skill.id)})`);
    return sql.join(list, sql` and `);
  };
  const schoolJoins = sql`join cohorts c on c.id = g.cohort_id join schools s on s.id = c.school_id`;

  const filterJoins = query.schoolId || query.regionId ? schoolJoins : sql``;
  // With text and a filter, the filters' rows are found first and the text's hits kept to them, so
  // bm25 and the tier are computed for those hits only: a common word matches half the directory
  // (docs/decisions/048, Session 9). Without a filter every listable graduate would be kept: no gain.
  const narrowed = Boolean(query.schoolId || query.cohortId || query.regionId || query.availableNow || query.relocate || skill);
  // The text's hits ranked once per index version and kept in memory (docs/decisions/048, Session 9,
  // dir16b): then only the filters run. Without a filter, relevance computes bm25 for every hit anyway,
  // so they are ranked now; otherwise this search runs as below and they are ranked in the background.
  const ranked = plan.text ? await rankedHits(db, GRADUATES_INDEX, plan.text, { now: !(searching && narrowed) && sort === "relevance" }) : null;
  // The filters tested in memory (app/models/directory-view.server.ts; null inside a transaction and while it
  // loads): with a filter or the ranked text, the rows and every order are computed here, and a first search
  // gets its filters' rows from it as a list (decision 048, Session 10). The plain listing with neither stays
  // one SQL read of the narrow index (decision 048: a page in a fixed number of queries).
  const view =
    narrowed || ranked
      ? await directoryView(db, {
          visibilities: listableVisibilities(viewer),
          schoolId: query.schoolId,
          cohortId: query.cohortId,
          regionId: query.regionId,
          availableOn: query.availableNow ? today : undefined,
          relocate: query.relocate,
          skillId: skill?.id,
        })
      : null;
  if (view && (ranked || !searching)) {
    // The rows: the ranked hits (and the holders of the skill the text names) in relevance order, or every listed graduate.
    const found = ranked ? rankedOrder(ranked, view.passes, qSkill ? await view.holders(qSkill.id) : null) : view.listed();
    const pages = Math.max(1, Math.ceil(found.length / DIRECTORY_PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.trunc(query.page ?? 1) || 1), pages);
    const ordered = sort === "relevance" ? found : view.firstInOrder(found, sort, page * DIRECTORY_PAGE_SIZE);
    if (ordered) {
      if (found.length === 0) return { ...empty(), page: 1 };
      const ids = ordered.slice((page - 1) * DIRECTORY_PAGE_SIZE, page * DIRECTORY_PAGE_SIZE);
      return { items: await cardsOf(db, ids, skill, qSkill), total: found.length, pages, page, sort, skill, unknownSkill, qSkill };
    }
  }
  // The filters' rows, handed to SQLite as a list when the view has them (reading them is most of a first search's filter cost).
  const within =
    searching && narrowed
      ? view
        ? sql`select value as id from json_each(${JSON.stringify(view.listed())})`
        : sql`select g.id from ${graduates} ${filterJoins} where ${conditions()}`
      : undefined;
  const withHits = hitsFor(sort === "relevance", within, ranked ?? undefined);
  // The hits are then the filtered rows already.
  // Without text (here only when the view cannot order names as SQLite does), its filters' rows drive the read by id.
  const listed = !searching && view ? sql`g.id in (select value from json_each(${JSON.stringify(view.listed())}))` : null;
  const where = within ? sql`1` : (listed ?? conditions());
  const joins = within || listed ? sql`` : filterJoins;
  // …and relevance orders by the hits' own columns: the graduates' rows are not read at all (decision 048, dir16b).
  const hitsOnly = Boolean(within) && sort === "relevance";
  const source = hitsOnly ? sql`hits h` : from;
  const idOf = hitsOnly ? sql`h.id` : sql`g.id`;
  // Every order ends with the id, so equal keys never shuffle between pages.
  const orderBy = {
    // Holders of a skill named in the search first, then bm25 (lower is better).
    // (Exact above loose above typo hits: the tier, then bm25.)
    relevance: sql`h.holder desc, h.tier, coalesce(h.score, 0), ${idOf}`,
    // Never-published profiles (only staff list them) last, newest record first.
    recent: sql`g.published_at desc, g.id desc`,
    // The Kyrgyz alphabet (ң after н, ө after о, ү after у; ё = е): the stored key of migration 0013 (docs/decisions/046).
    name: sql`g.name_sort_key, g.id`,
    // Soonest available first; no date given comes last.
    available: sql`g.available_from is null, g.available_from, g.id`,
  }[sort];
  // The page's ids first (sorting narrow rows; deep pages stay cheap), then their cards. The
  // count rides along (a window over the whole match, computed before the limit), so the text
  // is matched once, not once for the count and again for the page (docs/decisions/048).
  const pageOf = (n: number) =>
    sql<{ id: number; total: number }>`${withHits}select ${idOf} as id, count(*) over () as total from ${source} ${joins} where ${where}
      order by ${orderBy} limit ${DIRECTORY_PAGE_SIZE} offset ${(n - 1) * DIRECTORY_PAGE_SIZE}`.execute(db);
  const requestedPage = Math.max(1, Math.trunc(query.page ?? 1) || 1);
  let { rows: pageIds } = await pageOf(requestedPage);
  let total = Number(pageIds[0]?.total ?? 0);
  let page = requestedPage;
  if (pageIds.length === 0 && requestedPage > 1) {
    // Past the end (a stale link): count, then show the last page.
    const counted = await sql<{
      total: number;
    }>`${hitsFor(false, within, ranked ?? undefined)}select count(*) as total from ${source} ${joins} where ${where}`.execute(db);
    total = Number(counted.rows[0]?.total ?? 0);
    page = Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE));
    if (total > 0) pageIds = (await pageOf(page)).rows;
  }
  const pages = Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE));
  if (total === 0) return { ...empty(), page: 1 };
  const ids = pageIds.map((r) => r.id);
  return { items: await cardsOf(db, ids, skill, qSkill), total, pages, page, sort, skill, unknownSkill, qSkill };
}

/**
 * The order of relevance from the kept ranking (docs/decisions/048, Session 10), the same as the
 * SQL's `holder desc, tier, coalesce(score, 0), id`: holders of the skill the text names first —
 * those the text also found in rank order (tier, bm25), then the others by id (tier 2, no score) —
 * then the other hits in rank order; each kept only if it passes the filters.
 */
function rankedOrder(ranked: RankedHits, passes: (id: number) => boolean, qHolders: Uint8Array | null): number[] {
  const first: number[] = [];
  const rest: number[] = [];
  for (const id of ranked.ids) if (passes(id)) (qHolders?.[id] ? first : rest).push(id);
  if (qHolders) {
    const hit = new Uint8Array(qHolders.length);
    for (const id of ranked.ids) if (id < hit.length) hit[id] = 1;
    for (let id = 1; id < qHolders.length; id++) if (qHolders[id] && !hit[id] && passes(id)) first.push(id);
  }
  return first.concat(rest);
}

/** The cards of the page's graduates, in the page's order, with their first few skills. */
async function cardsOf(db: DB, ids: number[], skill: SkillRef | null, qSkill: SkillRef | null): Promise<DirectoryItem[]> {
  const regionOf = sql`coalesce(g.region_id, s.region_id)`;
  const schoolJoins = sql`join cohorts c on c.id = g.cohort_id join schools s on s.id = c.school_id`;
  const { rows: cards } = ids.length
    ? await sql<PageRow>`select g.id, g.slug, g.first_name, g.last_name, g.headline, g.city, g.available_from,
          g.willing_to_relocate, g.visibility, s.name_ky as school_ky, s.name_ru as school_ru, s.name_en as school_en,
          c.graduation_date, r.name_ky as region_ky, r.name_ru as region_ru, r.name_en as region_en
        from graduates g ${schoolJoins} left join regions r on r.id = ${regionOf}
        where g.id in (${sql.join(ids)})`.execute(db)
    : { rows: [] };
  const byId = new Map(cards.map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r): r is PageRow => r !== undefined);

  const skills = await topSkills(
    db,
    rows.map((r) => r.id),
    [skill?.id, qSkill?.id].filter((id): id is number => id !== undefined),
  );
  return rows.map((r) => ({
    ...r,
    willing_to_relocate: r.willing_to_relocate === 1,
    skills: skills.get(r.id)?.skills ?? [],
    skill_count: skills.get(r.id)?.count ?? 0,
  }));
}

/** `case <column> when … then <rank> … else 0 end`: an order the domain defines as data (app/domain/skills/levels.ts), in SQL. */
function rankOf(column: string, ranks: Readonly<Record<string, number>>): RawBuilder<number> {
  const arms = Object.entries(ranks).map(([value, rank]) => sql`when ${sql.lit(value)} then ${sql.lit(rank)}`);
  return sql<number>`case ${sql.ref(column)} ${sql.join(arms, sql` `)} else 0 end`;
}

/**
 * The first few skills of each listed graduate, in one query: the skills searched for first,
 * then the best evidenced (staff-verified > module > portfolio > self-declared), then level.
 */
async function topSkills(db: DB, graduateIds: number[], firstIds: number[]): Promise<Map<number, { skills: DirectorySkill[]; count: number }>> {
  const out = new Map<number, { skills: DirectorySkill[]; count: number }>();
  if (graduateIds.length === 0) return out;
  const searched = firstIds.length ? sql`gs.skill_id in (${sql.join(firstIds)})` : sql`0`;
  const result = await sql<Omit<DirectorySkill, "pairs"> & { verified_level: SkillLevel | null; graduate_id: number; n: number; total: number }>`
    select graduate_id, id, name_ky, name_ru, name_en, source, level, verified_level, n, total from (
      select gs.graduate_id, sk.id, sk.name_ky, sk.name_ru, sk.name_en, gs.source, gs.level, gs.verified_level,
        row_number() over (
          partition by gs.graduate_id
          order by ${searched} desc,
            ${rankOf("gs.source", SOURCE_RANK)} desc,
            ${rankOf("gs.level", LEVEL_RANK)} desc,
            sk.name_en, sk.id
        ) as n,
        count(*) over (partition by gs.graduate_id) as total
      from graduate_skills gs join skills sk on sk.id = gs.skill_id
      where gs.graduate_id in (${sql.join(graduateIds)})
    ) where n <= ${TOP_SKILLS}
    order by graduate_id, n`.execute(db);
  for (const { graduate_id, n: _n, total, verified_level, ...s } of result.rows) {
    const entry = out.get(graduate_id) ?? { skills: [], count: Number(total) };
    entry.skills.push({ ...s, pairs: claimEvidence({ ...s, verified_level }, false) });
    out.set(graduate_id, entry);
  }
  return out;
}
