// The staff outcome dashboard's vocabulary (docs/product.md §6): its query string, the breakdowns, and the
// "measures" — which graduates stand behind each figure, so every number can open to a list.
// Plain TypeScript and zod: shared by the loaders, the CSV exports and the page components.

import { z } from "zod";
import { pageParam } from "~/utils/params";
import { CHECKPOINTS, FULL_TIME_HOURS, OUTCOME_CODES, type Checkpoint, type OutcomeCode } from "./codes";
import type { OutcomeFact } from "./indicators";
import { firstJobOf } from "./time-to-job";

/** The dashboard opens at six months: the first checkpoint with a settled picture. */
export const DEFAULT_DASHBOARD_CHECKPOINT: Checkpoint = "m6";

/** What a table row can be grouped by. "total" is the whole selection in one row. */
export const BREAKDOWNS = ["total", "school", "school_region", "job_region", "cohort", "year", "sex", "employer", "htp"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** One graduate of the base at one checkpoint, with what the breakdowns group by. */
export type DashboardFact = OutcomeFact & {
  cohortId: number;
  schoolId: number;
  schoolRegionId: number;
  year: number;
  sex: "f" | "m" | null;
  /** Region of the job (employed only), null when not recorded. */
  jobRegionId: number | null;
  /** "c:<company id>" or "n:<employer name>" (employed only). */
  employerKey: string | null;
};

/** The group a fact falls in, as a string (a URL parameter); "none" for "not employed / not recorded". */
export function groupKeyOf(fact: DashboardFact, by: Breakdown): string {
  switch (by) {
    case "total":
      return "all";
    case "school":
      return String(fact.schoolId);
    case "school_region":
      return String(fact.schoolRegionId);
    case "job_region":
      return fact.outcome === "employed" && fact.jobRegionId !== null ? String(fact.jobRegionId) : "none";
    case "cohort":
      return String(fact.cohortId);
    case "year":
      return String(fact.year);
    case "sex":
      return fact.sex ?? "none";
    case "employer":
      return fact.outcome === "employed" && fact.employerKey ? fact.employerKey : "none";
    case "htp":
      return fact.outcome !== "employed" ? "none" : fact.employment?.htpResident ? "yes" : "no";
  }
}

/**
 * The graduates behind each figure. A rate's numerator and denominator are each a measure
 * (employment rate: employed / base), and every count per code is one too.
 */
export const MEASURES = [
  "graduates",
  "base",
  "known",
  "reachable",
  "career",
  "employed",
  "htp",
  "relatedYes",
  "relatedKnown",
  "jobBase",
  "within3",
  "within6",
  "within12",
  "pays",
  ...OUTCOME_CODES.map((code) => `code_${code}` as const),
] as const;
export type Measure = (typeof MEASURES)[number];

/** A count of one outcome code (`code_employed` …): its label is the code's own. */
export function isCodeMeasure(measure: Measure): measure is `code_${OutcomeCode}` {
  return measure.startsWith("code_");
}

export function measureCode(measure: `code_${OutcomeCode}`): OutcomeCode {
  return OUTCOME_CODES.find((code) => measure === `code_${code}`) ?? "unknown";
}

const CAREER: readonly OutcomeCode[] = ["employed", "military", "service", "education"];

export function inMeasure(fact: OutcomeFact, measure: Measure): boolean {
  const o = fact.outcome;
  switch (measure) {
    case "graduates":
      return true;
    case "base":
      return o !== "excluded";
    case "known":
      return o !== "excluded" && o !== "unknown";
    case "reachable":
      return o !== "excluded" && o !== "unknown" && o !== "not_seeking";
    case "career":
      return CAREER.includes(o);
    case "employed":
      return o === "employed";
    case "htp":
      return o === "employed" && fact.employment?.htpResident === true;
    case "relatedYes":
      return o === "employed" && fact.employment?.related === "yes";
    case "relatedKnown":
      return o === "employed" && (fact.employment?.related === "yes" || fact.employment?.related === "no");
    case "jobBase":
      return o === "employed" || o === "seeking";
    case "within3":
    case "within6":
    case "within12": {
      if (o !== "employed" && o !== "seeking") return false;
      const { window } = fact.firstJob ?? firstJobOf(fact);
      return window !== null && window <= Number(measure.slice(6));
    }
    case "pays":
      return o === "employed" && fact.employment?.fullTime === true && typeof fact.employment.monthlyPay === "number";
    default:
      return o === measure.slice(5);
  }
}

/** Numerator and denominator measures of each rate, for the links behind a figure. */
export const RATE_MEASURES = {
  knowledgeRate: ["known", "base"],
  careerOutcomesRate: ["career", "reachable"],
  employmentRate: ["employed", "base"],
  htpPlacementRate: ["htp", "reachable"],
  htpShareOfEmployed: ["htp", "employed"],
  relatedEmploymentRate: ["relatedYes", "relatedKnown"],
  within3: ["within3", "jobBase"],
  within6: ["within6", "jobBase"],
  within12: ["within12", "jobBase"],
} as const satisfies Record<string, readonly [Measure, Measure]>;

export { FULL_TIME_HOURS };

// ---- The query string: tolerant, a stale or hand-edited address never fails ----

const ids = z
  .array(z.string())
  .catch([])
  .transform((values) =>
    [
      ...new Set(
        values
          .filter((v) => /^\d{1,9}$/.test(v))
          .map(Number)
          .filter((n) => n > 0),
      ),
    ].slice(0, 50),
  );
const years = z
  .array(z.string())
  .catch([])
  .transform((values) => [...new Set(values.filter((v) => /^(19|20)\d\d$/.test(v)).map(Number))].slice(0, 50));

const DashboardParams = z.object({
  checkpoint: z.enum(CHECKPOINTS).catch(DEFAULT_DASHBOARD_CHECKPOINT),
  school: ids,
  year: years,
  by: z.enum(BREAKDOWNS).catch("school"),
});

const DrillParams = DashboardParams.extend({
  group: z
    .string()
    .regex(/^[^\p{Cc}]{1,200}$/u)
    .catch("all"),
  measure: z.enum(MEASURES).catch("base"),
  page: pageParam,
});

export type DashboardQuery = z.infer<typeof DashboardParams>;
export type DrillQuery = z.infer<typeof DrillParams>;

function paramsOf(url: URL) {
  const p = url.searchParams;
  return {
    checkpoint: p.get("checkpoint") ?? undefined,
    school: p.getAll("school"),
    year: p.getAll("year"),
    by: p.get("by") ?? undefined,
    group: p.get("group") ?? undefined,
    measure: p.get("measure") ?? undefined,
    page: p.get("page") ?? undefined,
  };
}

export function dashboardQueryFrom(url: URL): DashboardQuery {
  return DashboardParams.parse(paramsOf(url));
}

export function drillQueryFrom(url: URL): DrillQuery {
  return DrillParams.parse(paramsOf(url));
}

/** The query string of a dashboard selection (filters in the URL: linkable, works without JS). */
export function dashboardSearch(q: DashboardQuery, extra: Record<string, string | number> = {}): string {
  const p = new URLSearchParams();
  p.set("checkpoint", q.checkpoint);
  for (const y of q.year) p.append("year", String(y));
  for (const s of q.school) p.append("school", String(s));
  p.set("by", q.by);
  for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
  return p.toString();
}

export const DRILL_PAGE_SIZE = 50;
export { DEFAULT_PUBLIC_CHECKPOINT, percent } from "./display";
