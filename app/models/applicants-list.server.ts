// The employer's applicants list (docs/product.md §15, docs/decisions/059-bulk-decisions-and-undo.md):
// one company's applications with the filters of app/domain/applications/applicants-query.ts, each with
// its match score from the matching index (the score the vacancy's candidates page shows, as of now)
// and, on the page shown, the one-line reason. Queries only.
import { sql } from "kysely";
import type { Connection, DB } from "@db/connection";
import type { ApplicationStatus, Lang } from "@db/schema";
import { pick } from "~/i18n/pick";
import { sortOptions } from "~/domain/search/name-order";
import { bishkekDayStartUtc, nextDay, todayInBishkek } from "~/domain/calendar";
import type { CompanyApplicantsQuery } from "~/domain/applications/applicants-query";
import { type Explanation, explainMatch, type PreparedVacancy, quickMatch, rankingDay, scoreOf } from "~/domain/matching/score";
import { pageOf } from "~/domain/paging";
import { loadVacancy, matchIndexReady } from "./matching-index.server";
import { skillNames } from "./matching.server";
import { notesSummaryFor } from "./application-notes.server";

export const APPLICANTS_LIST_PAGE_SIZE = 50;

export type ApplicantListRow = {
  id: number;
  status: ApplicationStatus;
  applied_at: string;
  updated_at: string;
  vacancy_id: number;
  vacancy_title: string;
  first_name: string;
  last_name: string;
  headline: string | null;
  city: string | null;
  /** 0–100, or null when the graduate cannot be scored (no rankable profile). */
  score: number | null;
  explanation: Explanation | null;
  /** The team's private notes and ratings on it (docs/decisions/060-notes-and-conversations.md): the company's own eyes only. */
  notes: number;
  averageRating: number | null;
};

/**
 * One page of the company's applicants. Filters in SQL (stage, vacancy, school, region, dates), the
 * name in JS (SQLite folds ASCII only), then the score of every remaining application — a cheap
 * arithmetic pass (quickMatch) — for the score filter and sort; the explanation only for the rows shown.
 */
export async function companyApplicantsPage(connection: Connection, companyId: number, query: CompanyApplicantsQuery, pageSize = APPLICANTS_LIST_PAGE_SIZE) {
  // Only what filtering and sorting need; names, titles and headlines are read for the page's rows only.
  // Anonymised graduates are left out by the short list of them (graduates_anonymised, migration 0037):
  // joining graduates for that alone read a wide index entry for each of thousands of applications.
  // The graduate's row is joined only when a filter or the name search needs it.
  const base = connection.db
    .selectFrom("applications as a")
    .innerJoin("vacancies as v", "v.id", "a.vacancy_id")
    .select(["a.id", "a.status", "a.created_at", "a.updated_at", "a.graduate_id", "a.vacancy_id"])
    .where("v.company_id", "=", companyId)
    .where(sql<boolean>`a.graduate_id not in (select id from graduates indexed by graduates_anonymised where anonymised_at is not null)`);
  const needsGraduate = Boolean(query.schoolId || query.regionId || query.q);
  let select = needsGraduate ? base.innerJoin("graduates as g", "g.id", "a.graduate_id") : base;
  if (query.status) select = select.where("a.status", "=", query.status);
  if (query.vacancyId) select = select.where("a.vacancy_id", "=", query.vacancyId);
  if (query.schoolId || query.regionId) {
    let place = select.innerJoin("cohorts as c", (join) => join.on(sql<boolean>`c.id = g.cohort_id`)).innerJoin("schools as s", "s.id", "c.school_id");
    if (query.schoolId) place = place.where("c.school_id", "=", query.schoolId);
    // Where the graduate lives, or their school's region when they have not said: the candidates page's region rule.
    if (query.regionId) place = place.where((eb) => eb(eb.fn.coalesce(sql.ref<number | null>("g.region_id"), "s.region_id"), "=", query.regionId));
    select = place;
  }
  if (query.from) select = select.where("a.created_at", ">=", bishkekDayStartUtc(query.from));
  if (query.to) select = select.where("a.created_at", "<", bishkekDayStartUtc(nextDay(query.to)));
  const index = await matchIndexReady(connection);
  const day = rankingDay(todayInBishkek());
  const prepared = new Map<number, PreparedVacancy | null>();
  const vacancyOf = (id: number) => {
    if (!prepared.has(id)) {
      // Open vacancies are in the index; a closed one is read once for its requirements.
      const entry = index.vacancy(id) ?? loadVacancy(connection, id);
      prepared.set(id, entry ? index.prepare(entry.facts) : null);
    }
    return prepared.get(id)!;
  };
  type Row = {
    id: number;
    status: ApplicationStatus;
    created_at: string;
    updated_at: string;
    graduate_id: number;
    vacancy_id: number;
    first_name?: string;
    last_name?: string;
  };
  type Scored = Row & { total: number | null; meets: boolean };
  const scoreRow = (r: Row): Scored => {
    const candidate = index.candidate(r.graduate_id);
    const vacancy = vacancyOf(r.vacancy_id);
    // A private profile is scored for no employer (as on the candidates page): its current skills are not theirs to see.
    if (!candidate || candidate.visibility === "private" || !vacancy) return { ...r, total: null, meets: false };
    const m = quickMatch(candidate.facts, vacancy, day);
    return { ...r, total: m.total, meets: m.requiredMet === vacancy.required.length };
  };
  // Every row is scored only when the score filters or sorts; otherwise only the page's rows are.
  const scoresAll = query.sort === "score" || query.minScore !== null || query.meets;

  // Every row the SQL filters leave, when a name or the score decides what is on the page.
  const everyRow = async () => {
    if (query.q) select = select.select([sql<string>`g.first_name`.as("first_name"), sql<string>`g.last_name`.as("last_name")]);
    let rows: Row[] = await select.execute();

    const words = query.q.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    if (words.length) {
      rows = rows.filter((r) => {
        const name = `${r.first_name} ${r.last_name}`.toLocaleLowerCase();
        return words.every((w) => name.includes(w));
      });
    }

    // Totals in a typed array and the order as indexes: no object per row (the heap also holds the matching index).
    const totals = new Float64Array(rows.length).fill(-1);
    let kept: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      if (scoresAll) {
        const r = rows[i]!;
        const candidate = index.candidate(r.graduate_id);
        const vacancy = vacancyOf(r.vacancy_id);
        if (candidate && candidate.visibility !== "private" && vacancy) {
          const m = quickMatch(candidate.facts, vacancy, day);
          if (query.meets && m.requiredMet !== vacancy.required.length) continue;
          if (query.minScore && scoreOf(m.total) < query.minScore) continue;
          totals[i] = m.total;
        } else if (query.meets || query.minScore) continue;
      }
      kept.push(i);
    }
    const byDate = (a: number, b: number) => {
      const x = rows[a]!;
      const y = rows[b]!;
      return x.created_at < y.created_at ? 1 : x.created_at > y.created_at ? -1 : y.id - x.id;
    };
    kept = kept.sort(query.sort === "score" ? (a, b) => totals[b]! - totals[a]! || byDate(a, b) : byDate);
    const scored = kept;
    const paged = pageOf(scored, query.page, pageSize);
    return { total: scored.length, page: paged.page, pages: paged.pages, items: paged.items.map((i) => scoreRow(rows[i]!)) };
  };

  let total: number;
  let page: number;
  let pages: number;
  let items: Scored[];
  if (!scoresAll && !query.q) {
    // Newest first with no name or score filter: SQLite counts and reads the page alone.
    const { n } = await select
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    total = Number(n);
    pages = Math.max(1, Math.ceil(total / pageSize));
    page = Math.min(query.page, pages);
    const rows = await select
      .orderBy("a.created_at", "desc")
      .orderBy("a.id", "desc")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    items = rows.map(scoreRow);
  } else {
    ({ total, page, pages, items } = await everyRow());
  }

  const ids = items.map((r) => r.id);
  const details = ids.length
    ? await connection.db
        .selectFrom("applications as a")
        .innerJoin("vacancies as v", "v.id", "a.vacancy_id")
        .innerJoin("graduates as g", "g.id", "a.graduate_id")
        .select(["a.id", "v.title as vacancy_title", "g.first_name", "g.last_name", "g.headline", "g.city"])
        .where("a.id", "in", ids)
        .execute()
    : [];
  const detailOf = new Map(details.map((d) => [d.id, d]));
  const notesOf = await notesSummaryFor(connection.db, companyId, ids);
  const applicants: ApplicantListRow[] = items.map((r) => {
    const d = detailOf.get(r.id)!;
    const candidate = index.candidate(r.graduate_id);
    const vacancy = vacancyOf(r.vacancy_id);
    const explanation = candidate && vacancy && r.total !== null ? explainMatch(candidate.facts, vacancy, day, false) : null;
    return {
      id: r.id,
      status: r.status,
      applied_at: r.created_at,
      updated_at: r.updated_at,
      vacancy_id: r.vacancy_id,
      vacancy_title: d.vacancy_title,
      first_name: d.first_name,
      last_name: d.last_name,
      headline: d.headline,
      city: d.city,
      score: r.total === null ? null : scoreOf(r.total),
      explanation,
      notes: notesOf.get(r.id)?.notes ?? 0,
      averageRating: notesOf.get(r.id)?.averageRating ?? null,
    };
  });
  const skills = await skillNames(
    connection,
    applicants.flatMap((a) => (a.explanation ? [a.explanation] : [])),
  );
  return { total, page, pages, applicants, skills };
}

/** The choices of the list's filters: the company's vacancies, and the schools and regions by name in the reader's language. */
export async function listCompanyFilterChoices(db: DB, companyId: number, lang: Lang) {
  const [vacancies, schools, regions] = await Promise.all([
    db.selectFrom("vacancies").select(["id", "title"]).where("company_id", "=", companyId).orderBy("created_at", "desc").orderBy("id", "desc").execute(),
    db.selectFrom("schools").select(["id", "name_ky", "name_ru", "name_en"]).execute(),
    db.selectFrom("regions").select(["id", "name_ky", "name_ru", "name_en"]).execute(),
  ]);
  // In the Kyrgyz alphabet (docs/decisions/046-small-list-search-and-kyrgyz-order.md).
  return {
    vacancies,
    schools: sortOptions(schools.map((s) => ({ value: s.id, label: pick(s, "name", lang) }))),
    regions: sortOptions(regions.map((r) => ({ value: r.id, label: pick(r, "name", lang) }))),
  };
}
