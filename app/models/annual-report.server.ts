// The yearly report for the ministry (/staff/reports/annual, docs/product.md §16, docs/decisions/065-annual-report.md):
// the public page's tables of the scope's schools at the public page's default checkpoint (the same
// publicOutcomes, so the same suppression), sums per region and for the whole cluster published by
// publishSum (app/domain/outcomes/annual.ts), and the sources of the cluster's known outcomes.
import { sql } from "kysely";
import type { Connection } from "@db/connection";
import { todayInBishkek } from "~/domain/calendar";
import { publishSum, sourceLines, type SourceLine } from "~/domain/outcomes/annual";
import { CHECKPOINTS, type Checkpoint, type OutcomeSource } from "~/domain/outcomes/codes";
import type { DashboardFact } from "~/domain/outcomes/dashboard";
import { computeIndicators, indicatorsBy } from "~/domain/outcomes/indicators";
import type { PublicRow } from "~/domain/outcomes/public-figures";
import { dashboardFacts, publicDefaultCheckpoint, publicOutcomes } from "./outcome-dashboard.server";
import { outcomeFactsLoaded } from "./outcome-facts.server";
import { listSchools } from "./reference.server";

type Names = { name_ky: string; name_ru: string; name_en: string };
export type ReportRow = PublicRow & { year: number };

export type AnnualSchool = {
  id: number;
  names: Names;
  region: Names & { id: number };
  /** The public page's rows of graduation years up to the report's year, latest first. */
  years: ReportRow[];
  /** The public page's "All years", only when the school has no later year (else it would count them). */
  total: PublicRow | null;
  /** The report year's row at each checkpoint its cohorts have reached (the public page at that checkpoint). */
  checkpoints: { checkpoint: Checkpoint; row: PublicRow }[];
};

export type AnnualRegion = { id: number; names: Names; schools: number; years: ReportRow[]; total: PublicRow | null };

export type AnnualReport = {
  /** The day the figures were read (Bishkek): the report's date. */
  made: string;
  checkpoint: Checkpoint;
  /** Graduation years with figures at the checkpoint in the scope's schools, latest first (the year chooser). */
  years: number[];
  year: number | null;
  /** The year asked for has no figures in the scope (the page answers 400 and offers `years`). */
  refused: boolean;
  schools: AnnualSchool[];
  regions: AnnualRegion[];
  /** The report year's graduates of every school of the scope together, and how their outcomes were learned. */
  summary: { row: PublicRow; known: number | null; sources: SourceLine[] } | null;
};

const today = () => todayInBishkek();

/**
 * The figures of the yearly report for the schools of `schoolIds` (null = the whole Agency) and the
 * graduation year `year` (null = the latest with figures). Only published rows leave here.
 */
export async function annualReport(c: Connection, schoolIds: readonly number[] | null, year: number | null, on = today()): Promise<AnnualReport> {
  await outcomeFactsLoaded(c); // loaded in the background at start: wait rather than hold the event loop
  const checkpoint = publicDefaultCheckpoint(c, on);
  // The scope limits the read itself (docs/decisions/063-staff-scope.md); each school's table is the public page's.
  const published = new Map<Checkpoint, Awaited<ReturnType<typeof publicOutcomes>>>();
  for (const cp of CHECKPOINTS) published.set(cp, await publicOutcomes(c, cp, on, schoolIds));
  const atDefault = published.get(checkpoint)!;
  const years = [...new Set(atDefault.flatMap((s) => s.table.years.map((y) => y.year)))].sort((a, b) => b - a);
  const refused = year !== null && !years.includes(year);
  const chosen = refused ? null : (year ?? years[0] ?? null);
  if (chosen === null) return { made: on, checkpoint, years, year: null, refused, schools: [], regions: [], summary: null };

  const regionOf = new Map((await listSchools(c.db)).map((s) => [s.id, { id: s.region_id, name_ky: s.region_ky, name_ru: s.region_ru, name_en: s.region_en }]));
  const schools: AnnualSchool[] = atDefault
    .filter((s) => s.table.years.some((y) => y.year <= chosen))
    .map((s) => ({
      id: s.id,
      names: { name_ky: s.name_ky, name_ru: s.name_ru, name_en: s.name_en },
      region: regionOf.get(s.id)!,
      years: s.table.years.filter((y) => y.year <= chosen),
      total: s.table.years.some((y) => y.year > chosen) ? null : s.table.total,
      checkpoints: CHECKPOINTS.flatMap((cp) => {
        const row = published
          .get(cp)!
          .find((p) => p.id === s.id)
          ?.table.years.find((y) => y.year === chosen);
        return row ? [{ checkpoint: cp, row }] : [];
      }),
    }));

  // Sums of schools from the same facts the public page counts (dashboardFacts), published by publishSum.
  const ids = schools.map((s) => s.id);
  const facts = dashboardFacts(c, checkpoint, ids, on).facts.filter((f) => f.year <= chosen);
  const options = { checkpoint };
  const byRegionYear = indicatorsBy(facts, (f) => `${(f as DashboardFact).schoolRegionId}:${(f as DashboardFact).year}`, options);
  const byRegion = indicatorsBy(facts, (f) => (f as DashboardFact).schoolRegionId, options);
  const regionIds = [...new Set(schools.map((s) => s.region.id))];
  const regions: AnnualRegion[] = regionIds.map((id) => {
    const members = schools.filter((s) => s.region.id === id);
    const regionYears = [...new Set(members.flatMap((s) => s.years.map((y) => y.year)))].sort((a, b) => b - a);
    const everyTotal = members.every((s) => s.total !== null);
    const overall = byRegion.find((g) => g.key === id)?.indicators;
    return {
      id,
      names: members[0]!.region,
      schools: members.length,
      years: regionYears.map((y) => ({
        year: y,
        ...publishSum(
          byRegionYear.find((g) => g.key === `${id}:${y}`)!.indicators,
          members.flatMap((s) => s.years.filter((r) => r.year === y)),
        ),
      })),
      total:
        everyTotal && overall
          ? publishSum(
              overall,
              members.map((s) => s.total!),
            )
          : null,
    };
  });

  const ofYear = facts.filter((f) => f.year === chosen);
  const row = publishSum(
    computeIndicators(ofYear, options),
    schools.flatMap((s) => s.years.filter((y) => y.year === chosen)),
  );
  const knownIds = ofYear.filter((f) => f.outcome !== "unknown" && f.outcome !== "excluded").map((f) => f.graduateId);
  const counts = await sourceCounts(c, checkpoint, knownIds);
  const sources = sourceLines(counts, row);
  return {
    made: on,
    checkpoint,
    years,
    year: chosen,
    refused,
    schools,
    regions,
    summary: { row, known: sources.length ? knownIds.length : null, sources },
  };
}

/** Current records at the checkpoint of these graduates, counted per source. */
async function sourceCounts(c: Connection, checkpoint: Checkpoint, graduateIds: readonly number[]): Promise<Partial<Record<OutcomeSource, number>>> {
  if (graduateIds.length === 0) return {};
  const rows = await c.db
    .selectFrom("outcomes")
    .select(["source", (eb) => eb.fn.countAll<number>().as("n")])
    .where("checkpoint", "=", checkpoint)
    .where("current", "=", 1)
    .where("graduate_id", "in", sql<number>`(select value from json_each(${JSON.stringify(graduateIds)}))`)
    .groupBy("source")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.source, Number(r.n)]));
}
