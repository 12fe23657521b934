// Matching for the pages and JSON routes: candidates for a vacancy, jobs for a graduate, and
// the skill gap. Ranking comes from the in-memory index; the page's rows are explained with
// explainMatch and dressed with names from the database.
import type { Connection } from "@db/connection";
import type { ApplicationStatus } from "@db/schema";
import type { CandidateFilters, RankPage } from "~/domain/matching/ranker";
import { type Explanation, explainMatch, rankingDay } from "~/domain/matching/score";
import { todayInBishkek } from "~/domain/calendar";
import type { Named, SkillNames } from "~/domain/matching/json";
import type { CandidateQuery, SkillGapQuery } from "~/domain/matching/queries";
import { loadVacancy, matchIndexReady, type VacancyRow, vacancyEntryOf } from "./matching-index.server";

export const MATCH_PAGE_SIZE = 20;

/** Ranks once for the asked page; only a page past the end (a stale link) ranks again for the last one. */
function pageOf(requested: number, rank: (offset: number) => RankPage) {
  let ranked = rank((requested - 1) * MATCH_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(ranked.count / MATCH_PAGE_SIZE));
  const current = Math.min(requested, pages);
  if (current !== requested) ranked = rank((current - 1) * MATCH_PAGE_SIZE);
  return { ranked, current, pages };
}

/** The names of every skill the explanations mention (the applicants list uses it too). */
export async function skillNames(connection: Connection, explanations: Explanation[]): Promise<SkillNames> {
  const ids = new Set<number>();
  for (const e of explanations) {
    for (const r of [...e.required, ...e.niceToHave]) {
      ids.add(r.skillId);
      if (r.viaSkillId) ids.add(r.viaSkillId);
    }
  }
  if (ids.size === 0) return {};
  const rows = await connection.db
    .selectFrom("skills")
    .select(["id", "slug", "name_ky", "name_ru", "name_en"])
    .where("id", "in", [...ids])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, { slug: r.slug, name_ky: r.name_ky, name_ru: r.name_ru, name_en: r.name_en }]));
}

export type CandidateItem = {
  graduate: {
    id: number;
    slug: string | null;
    first_name: string;
    last_name: string;
    headline: string | null;
    city: string | null;
    school: Named;
    region: Named | null;
    graduation_date: string;
    visibility: "private" | "employers" | "public";
  };
  explanation: Explanation;
  /** The graduate's application to this vacancy, if any. */
  applicationStatus: ApplicationStatus | null;
};

/** The vacancy's ranked candidates. The caller has checked who may see them. */
/** The vacancy by id, or its row as the guard already read it (then it is not read again). */
export async function candidatesFor(connection: Connection, vacancy: number | VacancyRow, query: CandidateQuery, viewer: "employer" | "staff") {
  const entry = typeof vacancy === "number" ? loadVacancy(connection, vacancy) : vacancyEntryOf(connection, vacancy);
  if (!entry) return null;
  const vacancyId = entry.facts.id;
  const index = await matchIndexReady(connection);
  const day = rankingDay(todayInBishkek());
  const filters: CandidateFilters = {
    meetsAllRequired: query.meets,
    schoolId: query.school,
    regionId: query.region,
    availableNow: query.available,
    includePlaced: query.placed,
    employerView: viewer === "employer",
  };
  const { ranked, current, pages } = pageOf(query.page, (offset) => index.rankCandidates(entry.facts, filters, day, offset, MATCH_PAGE_SIZE));
  const prepared = index.prepare(entry.facts);
  const explanations = ranked.items.map((r) => explainMatch(index.candidate(r.id)!.facts, prepared, day));
  const ids = ranked.items.map((r) => r.id);
  const [rows, applications, skills] = await Promise.all([
    ids.length
      ? connection.db
          .selectFrom("graduates as g")
          .innerJoin("cohorts as c", "c.id", "g.cohort_id")
          .innerJoin("schools as s", "s.id", "c.school_id")
          .leftJoin("regions as r", "r.id", "g.region_id")
          .select([
            "g.id",
            "g.slug",
            "g.first_name",
            "g.last_name",
            "g.headline",
            "g.city",
            "g.visibility",
            "c.graduation_date",
            "s.name_ky as school_ky",
            "s.name_ru as school_ru",
            "s.name_en as school_en",
            "r.name_ky as region_ky",
            "r.name_ru as region_ru",
            "r.name_en as region_en",
          ])
          .where("g.id", "in", ids)
          .execute()
      : [],
    ids.length
      ? connection.db.selectFrom("applications").select(["graduate_id", "status"]).where("vacancy_id", "=", vacancyId).where("graduate_id", "in", ids).execute()
      : [],
    skillNames(connection, explanations),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const statusOf = new Map(applications.map((a) => [a.graduate_id, a.status]));
  const items: CandidateItem[] = explanations.map((explanation) => {
    const g = byId.get(explanation.graduateId)!;
    return {
      graduate: {
        id: g.id,
        slug: g.slug,
        first_name: g.first_name,
        last_name: g.last_name,
        headline: g.headline,
        city: g.city,
        visibility: g.visibility,
        graduation_date: g.graduation_date,
        school: { name_ky: g.school_ky, name_ru: g.school_ru, name_en: g.school_en },
        region: g.region_ky && g.region_ru && g.region_en ? { name_ky: g.region_ky, name_ru: g.region_ru, name_en: g.region_en } : null,
      },
      explanation,
      applicationStatus: statusOf.get(g.id) ?? null,
    };
  });
  return { count: ranked.count, page: current, pages, items, skills, vacancyPlace: entry.facts.place, workMode: entry.facts.workMode };
}

export type JobItem = {
  vacancy: {
    id: number;
    title: string;
    company_name: string;
    company_slug: string;
    city: string | null;
    work_mode: string;
    employment_type: string;
    deadline: string | null;
  };
  explanation: Explanation;
  applicationStatus: ApplicationStatus | null;
};

/** Open vacancies ranked for one graduate. Null when the graduate has no rankable profile yet. */
export async function jobsFor(connection: Connection, graduateId: number, requestedPage: number) {
  const index = await matchIndexReady(connection);
  const candidate = index.candidate(graduateId);
  if (!candidate) return null;
  const day = rankingDay(todayInBishkek());
  const { ranked, current, pages } = pageOf(requestedPage, (offset) => index.rankVacancies(candidate.facts, day, offset, MATCH_PAGE_SIZE));
  const explanations = ranked.items.map((r) => {
    const entry = index.vacancy(r.id)!;
    return explainMatch(candidate.facts, index.prepare(entry.facts), day);
  });
  const ids = ranked.items.map((r) => r.id);
  const [rows, applications, skills] = await Promise.all([
    ids.length
      ? connection.db
          .selectFrom("vacancies as v")
          .innerJoin("companies as c", "c.id", "v.company_id")
          .select(["v.id", "v.title", "v.city", "v.work_mode", "v.employment_type", "v.deadline", "c.name as company_name", "c.slug as company_slug"])
          .where("v.id", "in", ids)
          .execute()
      : [],
    ids.length
      ? connection.db.selectFrom("applications").select(["vacancy_id", "status"]).where("graduate_id", "=", graduateId).where("vacancy_id", "in", ids).execute()
      : [],
    skillNames(connection, explanations),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const statusOf = new Map(applications.map((a) => [a.vacancy_id, a.status]));
  const items: JobItem[] = explanations.map((explanation) => ({
    vacancy: byId.get(explanation.vacancyId)!,
    explanation,
    applicationStatus: statusOf.get(explanation.vacancyId) ?? null,
  }));
  return { count: ranked.count, page: current, pages, items, skills };
}

// ---- skill gap ------------------------------------------------------------------------------

export type SkillGapRow = {
  skill: Named & { id: number; slug: string };
  /** Open vacancies that require the skill / list it as nice to have. */
  requiredBy: number;
  niceIn: number;
  /** Graduates in scope holding the skill (any level), and lacking it. */
  holders: number;
  lacking: number;
  modules: { number: number; title_ky: string; title_ru: string; title_en: string }[];
};

/**
 * The skills open vacancies ask for most that the graduates in scope (a school, a cohort or
 * everyone with a profile) lack: ordered by required demand × share lacking, so a skill every
 * vacancy wants and few have comes first. Input for the 12-module programme.
 */
export async function skillGap(connection: Connection, query: SkillGapQuery & { within?: readonly number[] | null }, limit = 25) {
  const index = await matchIndexReady(connection);
  // Counted over the index's columns, not by listing each skill's holders (docs/decisions/048); a
  // staff scope's schools (`within`, null = all) narrow it like the school filter (decision 063).
  const { graduates, holders: held } = index.countHolders({ schoolId: query.school, cohortId: query.cohort, schoolIds: query.within });
  // Kept by the index until a vacancy changes or the day does.
  const { vacancies, bySkill: demand } = index.skillDemand(todayInBishkek());
  const scored = [...demand].map(([skillId, d]) => {
    const holders = held.get(skillId) ?? 0;
    const lacking = graduates - holders;
    return { skillId, ...d, holders, lacking, weight: graduates ? (d.required + d.nice / 4) * (lacking / graduates) : 0 };
  });
  scored.sort((a, b) => b.weight - a.weight || b.required - a.required || a.skillId - b.skillId);
  const top = scored.filter((s) => s.lacking > 0).slice(0, limit);
  const ids = top.map((s) => s.skillId);
  const [skills, modules] = await Promise.all([
    ids.length ? connection.db.selectFrom("skills").select(["id", "slug", "name_ky", "name_ru", "name_en"]).where("id", "in", ids).execute() : [],
    ids.length
      ? connection.db
          .selectFrom("module_skills as ms")
          .innerJoin("modules as m", "m.id", "ms.module_id")
          .select(["ms.skill_id", "m.number", "m.title_ky", "m.title_ru", "m.title_en"])
          .where("ms.skill_id", "in", ids)
          .orderBy("m.number")
          .execute()
      : [],
  ]);
  const skillById = new Map(skills.map((s) => [s.id, s]));
  const rows: SkillGapRow[] = top.map((s) => ({
    skill: skillById.get(s.skillId)!,
    requiredBy: s.required,
    niceIn: s.nice,
    holders: s.holders,
    lacking: s.lacking,
    modules: modules.filter((m) => m.skill_id === s.skillId).map(({ number, title_ky, title_ru, title_en }) => ({ number, title_ky, title_ru, title_en })),
  }));
  return { graduates, vacancies, rows };
}
