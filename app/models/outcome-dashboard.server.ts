// The staff outcome dashboard, its drill-down and the public /outcomes page (docs/product.md §6): the facts of
// every graduate of the base come from memory (outcome-facts.server.ts), and
// app/domain/outcomes/indicators.ts does the arithmetic. Base: every graduate of the selected cohorts
// whose checkpoint date has been reached, anonymised ones included (their row is kept for statistics);
// no current record at the checkpoint = unknown, or excluded when an earlier checkpoint excluded them.
import { sql } from "kysely";
import type { Connection, DB } from "@db/connection";
import { todayInBishkek } from "~/domain/calendar";
import type { Checkpoint, OutcomeCode } from "~/domain/outcomes/codes";
import { checkpointDate, GroupedTally, IndicatorTally, indicatorsBy, type OutcomeIndicators } from "~/domain/outcomes/indicators";
import { DRILL_PAGE_SIZE, groupKeyOf, inMeasure, type Breakdown, type DashboardFact, type DashboardQuery, type DrillQuery } from "~/domain/outcomes/dashboard";
import { defaultPublicCheckpointOf, publishTable } from "~/domain/outcomes/public-figures";
import { figuresOfVersion, outcomeFacts, outcomeFactsLoaded } from "./outcome-facts.server";

const today = () => todayInBishkek();

type Names = { name_ky: string; name_ru: string; name_en: string };

/**
 * One fact per graduate of the base at the checkpoint: the graduates of the selected schools' cohorts
 * whose checkpoint date is on or before `on` (the other cohorts are not in the base yet), from the
 * in-memory facts (app/models/outcome-facts.server.ts).
 */
export function dashboardFacts(
  connection: Connection,
  checkpoint: Checkpoint,
  schoolIds: readonly number[] = [],
  on = today(),
): { facts: readonly DashboardFact[]; notReachedCohorts: number; graduationYears: number[]; version: number } {
  const { cohorts, facts: all, version } = outcomeFacts(connection, checkpoint);
  return figuresOfVersion(connection, version, `facts|${checkpoint}|${on}|${schoolIds.join(",")}`, () => {
    const reached = new Set<number>();
    let notReachedCohorts = 0;
    const years = new Set<number>();
    for (const c of cohorts.values()) {
      if (schoolIds.length && !schoolIds.includes(c.school_id)) continue;
      years.add(Number(c.graduation_date.slice(0, 4)));
      if (checkpointDate(c.graduation_date, checkpoint) <= on) reached.add(c.id);
      else notReachedCohorts++;
    }
    const facts: DashboardFact[] = [];
    if (reached.size) for (const fact of all.values()) if (reached.has(fact.cohortId)) facts.push(fact);
    /** Graduation years of the selected schools' cohorts, reached or not: the year filter offers them all. */
    const graduationYears = [...years].sort((a, b) => b - a);
    return { facts, notReachedCohorts, graduationYears, version };
  });
}

export type GroupLabel = { key: string; names: Names | null; text: string | null; date?: string };

/** Names for the groups of a breakdown, in all three languages where the data has them. */
async function groupLabels(db: DB, by: Breakdown, keys: readonly string[]): Promise<Map<string, GroupLabel>> {
  const labels = new Map<string, GroupLabel>(keys.map((k) => [k, { key: k, names: null, text: null }]));
  const numeric = keys.filter((k) => /^\d+$/.test(k)).map(Number);
  if (by === "school" && numeric.length) {
    for (const s of await db.selectFrom("schools").select(["id", "name_ky", "name_ru", "name_en"]).where("id", "in", numeric).execute())
      labels.set(String(s.id), { key: String(s.id), names: s, text: null });
  } else if ((by === "school_region" || by === "job_region") && numeric.length) {
    for (const s of await db.selectFrom("regions").select(["id", "name_ky", "name_ru", "name_en"]).where("id", "in", numeric).execute())
      labels.set(String(s.id), { key: String(s.id), names: s, text: null });
  } else if (by === "cohort" && numeric.length) {
    const rows = await db
      .selectFrom("cohorts")
      .innerJoin("schools", "schools.id", "cohorts.school_id")
      .select(["cohorts.id", "cohorts.graduation_date", "schools.name_ky", "schools.name_ru", "schools.name_en"])
      .where("cohorts.id", "in", numeric)
      .execute();
    for (const c of rows)
      labels.set(String(c.id), {
        key: String(c.id),
        names: { name_ky: c.name_ky, name_ru: c.name_ru, name_en: c.name_en },
        text: null,
        date: c.graduation_date,
      });
  } else if (by === "employer") {
    const companyIds = keys.filter((k) => k.startsWith("c:")).map((k) => Number(k.slice(2)));
    if (companyIds.length)
      for (const c of await db.selectFrom("companies").select(["id", "name"]).where("id", "in", companyIds).execute())
        labels.set(`c:${c.id}`, { key: `c:${c.id}`, names: null, text: c.name });
    for (const k of keys) if (k.startsWith("n:")) labels.set(k, { key: k, names: null, text: k.slice(2) });
  } else if (by === "year") {
    for (const k of keys) labels.set(k, { key: k, names: null, text: k });
  }
  return labels;
}

export type DashboardRow = { key: string; label: GroupLabel; indicators: OutcomeIndicators };

/** Staff dashboard: the selection's total, one row per group, and the rates per graduation year. */
export async function outcomeDashboard(c: Connection, query: DashboardQuery, on = today()) {
  const db = c.db;
  await outcomeFactsLoaded(c);
  const { facts: all, notReachedCohorts, graduationYears } = dashboardFacts(c, query.checkpoint, query.school, on);
  // The year filter is applied here, not in SQL, so the same read also gives the trend over years:
  // one pass fills the total, the groups and the years (docs/decisions/071).
  const options = { checkpoint: query.checkpoint };
  const totalTally = new IndicatorTally();
  const groupTally = new GroupedTally<string>();
  const yearTally = new GroupedTally<number>();
  const years = new Set(query.year);
  const grouped = query.by !== "total";
  for (const f of all) {
    yearTally.add(f.year, f);
    if (years.size && !years.has(f.year)) continue;
    totalTally.add(f);
    if (grouped) groupTally.add(groupKeyOf(f, query.by), f);
  }
  const total = totalTally.result(options);
  const groups = groupTally.result(options);
  const labels = await groupLabels(
    db,
    query.by,
    groups.map((g) => g.key),
  );
  const rows: DashboardRow[] = groups
    .map((g) => ({ key: g.key, label: labels.get(g.key)!, indicators: g.indicators }))
    .sort(
      (a, b) =>
        (a.key === "none" ? 1 : b.key === "none" ? -1 : 0) ||
        (query.by === "year" ? Number(b.key) - Number(a.key) : b.indicators.graduates - a.indicators.graduates) ||
        a.key.localeCompare(b.key),
    );
  const trend = yearTally.result(options).sort((a, b) => a.key - b.key);
  return { total, rows, trend, years: graduationYears, notReachedCohorts };
}

export type DrillRow = {
  id: number;
  first_name: string;
  last_name: string;
  anonymised: boolean;
  school: Names;
  graduation_date: string;
  code: OutcomeCode;
  employer: string | null;
  htp: boolean | null;
  job_title: string | null;
  start_date: string | null;
  hours: number | null;
  monthly_pay: number | null;
};

/** The graduates behind one figure: a group of the breakdown and a measure, by name. `page` null = all (CSV). */
export async function drillDown(c: Connection, query: DrillQuery, page: number | null, on = today()) {
  const db = c.db;
  await outcomeFactsLoaded(c);
  const { facts } = dashboardFacts(c, query.checkpoint, query.school, on);
  const selected = facts.filter(
    (f) =>
      (query.year.length === 0 || query.year.includes(f.year)) &&
      (query.by === "total" || groupKeyOf(f, query.by) === query.group) &&
      inMeasure(f, query.measure),
  );
  // The outcome as the figure counted it (an exclusion carried forward has no record at this checkpoint).
  const outcomeOf = new Map(selected.map((f) => [f.graduateId, f.outcome]));
  const ids = [...outcomeOf.keys()];
  const total = ids.length;
  const pages = Math.max(1, Math.ceil(total / DRILL_PAGE_SIZE));
  const current = page === null ? null : Math.min(page, pages);
  if (total === 0) return { rows: [] as DrillRow[], total, pages, page: current ?? 1 };
  let q = db
    .selectFrom("graduates as g")
    .innerJoin("cohorts as c", "c.id", "g.cohort_id")
    .innerJoin("schools as s", "s.id", "c.school_id")
    .leftJoin("outcomes as o", (j) => j.onRef("o.graduate_id", "=", "g.id").on("o.checkpoint", "=", query.checkpoint).on("o.current", "=", sql.lit(1)))
    .leftJoin("companies as co", "co.id", "o.company_id")
    .select([
      "g.id",
      "g.first_name",
      "g.last_name",
      "g.anonymised_at",
      "s.name_ky",
      "s.name_ru",
      "s.name_en",
      "c.graduation_date",
      "o.code",
      "co.name as company_name",
      "o.employer_name",
      "o.company_htp_resident",
      "o.job_title",
      "o.start_date",
      "o.hours_per_week",
      "o.monthly_pay",
    ])
    .where("g.id", "in", sql<number>`(select value from json_each(${JSON.stringify(ids)}))`)
    // In the Kyrgyz alphabet (migration 0013, docs/decisions/046-small-list-search-and-kyrgyz-order.md).
    .orderBy("g.name_sort_key")
    .orderBy("g.id");
  if (current !== null) q = q.limit(DRILL_PAGE_SIZE).offset((current - 1) * DRILL_PAGE_SIZE);
  const found = await q.execute();
  const rows: DrillRow[] = found.map((r) => ({
    id: r.id,
    first_name: r.first_name,
    last_name: r.last_name,
    anonymised: r.anonymised_at !== null,
    school: { name_ky: r.name_ky, name_ru: r.name_ru, name_en: r.name_en },
    graduation_date: r.graduation_date,
    code: outcomeOf.get(r.id) ?? r.code ?? "unknown",
    employer: r.company_name ?? r.employer_name ?? null,
    htp: r.code === "employed" ? r.company_htp_resident === 1 : null,
    job_title: r.job_title,
    start_date: r.start_date,
    hours: r.hours_per_week,
    monthly_pay: r.monthly_pay,
  }));
  return { rows, total, pages, page: current ?? 1 };
}

/** The label of the group a drill-down is about (for its heading). */
export async function drillGroupLabel(db: DB, by: Breakdown, group: string): Promise<GroupLabel> {
  return (await groupLabels(db, by, [group])).get(group)!;
}

/**
 * Public /outcomes: per school, the published table (years and all years) after the primary, knowledge
 * and secondary rules (app/domain/outcomes/public-figures.ts). Nothing else of the facts leaves here.
 */
export async function publicOutcomes(c: Connection, checkpoint: Checkpoint, on = today(), schoolIds: readonly number[] | null = null) {
  const db = c.db;
  // schoolIds: the yearly report's scope (docs/decisions/065-annual-report.md); a school's table is the same either way.
  if (schoolIds?.length === 0) return [];
  await outcomeFactsLoaded(c);
  const { facts, version } = dashboardFacts(c, checkpoint, schoolIds ?? [], on);
  const { bySchoolYear, bySchool } = figuresOfVersion(c, version, `public|${checkpoint}|${on}|${schoolIds?.join(",") ?? "all"}`, () => {
    const options = { checkpoint };
    return {
      bySchoolYear: indicatorsBy(facts, (f) => `${(f as DashboardFact).schoolId}:${(f as DashboardFact).year}`, options),
      bySchool: indicatorsBy(facts, (f) => (f as DashboardFact).schoolId, options),
    };
  });
  let schoolsQuery = db.selectFrom("schools").select(["id", "name_ky", "name_ru", "name_en", "city_ky", "city_ru", "city_en"]).orderBy("id");
  if (schoolIds) schoolsQuery = schoolsQuery.where("id", "in", schoolIds);
  const schools = await schoolsQuery.execute();
  return schools.flatMap((s) => {
    const overall = bySchool.find((g) => g.key === s.id);
    if (!overall) return [];
    const years = bySchoolYear
      .filter((g) => g.key.startsWith(`${s.id}:`))
      .map((g) => ({ year: Number(g.key.split(":")[1]), indicators: g.indicators }))
      .sort((a, b) => b.year - a.year);
    return [{ ...s, table: publishTable(years, overall.indicators) }];
  });
}

/** The checkpoint /outcomes opens at: the latest with enough knowledge over all schools (defaultPublicCheckpoint). */
export function publicDefaultCheckpoint(c: Connection, on = today()): Checkpoint {
  // Latest first, the facts of a checkpoint loaded only when the later ones lack knowledge (session 14).
  return defaultPublicCheckpointOf((checkpoint) => {
    let n = 0;
    let known = 0;
    for (const f of dashboardFacts(c, checkpoint, [], on).facts) {
      if (f.outcome === "excluded") continue;
      n++;
      if (f.outcome !== "unknown") known++;
    }
    return { n, known };
  });
}
