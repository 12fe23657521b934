// The report builder (docs/product.md §6 indicators, §16; docs/decisions/064-report-builder.md): its query — the
// rows (one §6 breakdown), the indicators as columns, the checkpoint and the graduation years — and the table it
// gives, shaped once from the dashboard's figures (outcomeDashboard) for the page, the .xlsx and the CSV alike.
// Plain TypeScript and zod: no database, no Remix.
import { z } from "zod";
import { CHECKPOINTS, SMALL_N, type Checkpoint } from "./codes";
import { BREAKDOWNS, DEFAULT_DASHBOARD_CHECKPOINT } from "./dashboard";
import type { OutcomeIndicators } from "./indicators";

/** What a report's rows can be: every dashboard breakdown but "total" (a report always has a total row). */
export const REPORT_ROWS = BREAKDOWNS.filter((b): b is Exclude<(typeof BREAKDOWNS)[number], "total"> => b !== "total");
export type ReportRows = (typeof REPORT_ROWS)[number];

/** The §6 indicators a report can show as columns, in the order the dashboard shows them. */
export const REPORT_INDICATORS = [
  "n",
  "knowledgeRate",
  "careerOutcomesRate",
  "employmentRate",
  "htpPlacementRate",
  "htpShareOfEmployed",
  "relatedEmploymentRate",
  "within3",
  "within6",
  "within12",
  "medianDays",
  "medianPay",
] as const;
export type ReportIndicator = (typeof REPORT_INDICATORS)[number];

/** A new report (and a form sent with nothing ticked) shows N, knowledge, the two headline rates and HTP placement. */
export const DEFAULT_REPORT_INDICATORS: readonly ReportIndicator[] = ["n", "knowledgeRate", "careerOutcomesRate", "employmentRate", "htpPlacementRate"];

export type ReportQuery = {
  by: ReportRows;
  indicators: ReportIndicator[];
  checkpoint: Checkpoint;
  /** Graduation years; none = every year. */
  year: number[];
};

/** At most this many years in one report (the benchmark asks for 8; a ministry series rarely goes past 20). */
export const MAX_REPORT_YEARS = 30;

// Tolerant: a stale, hand-edited or saved-by-an-older-release query shows a report, never an error (decision 038).
const ReportParams = z.object({
  by: z.enum(REPORT_ROWS).catch("school"),
  indicators: z
    .array(z.string())
    .catch([])
    .transform((values) => {
      const chosen = REPORT_INDICATORS.filter((i) => values.includes(i));
      return chosen.length ? chosen : [...DEFAULT_REPORT_INDICATORS];
    }),
  checkpoint: z.enum(CHECKPOINTS).catch(DEFAULT_DASHBOARD_CHECKPOINT),
  year: z
    .array(z.union([z.string(), z.number()]))
    .catch([])
    .transform((values) =>
      [
        ...new Set(
          values
            .map(String)
            .filter((v) => /^(19|20)\d\d$/.test(v))
            .map(Number),
        ),
      ]
        .sort((a, b) => a - b)
        .slice(0, MAX_REPORT_YEARS),
    ),
});

/** The report a query string asks for (`by`, `ind` repeated, `checkpoint`, `year` repeated). */
export function reportQueryFrom(params: URLSearchParams): ReportQuery {
  return ReportParams.parse({
    by: params.get("by") ?? undefined,
    indicators: params.getAll("ind"),
    checkpoint: params.get("checkpoint") ?? undefined,
    year: params.getAll("year"),
  });
}

/**
 * What makes two saved reports' names the same (letter case and surrounding spaces aside): two reports under
 * one name could not be told apart in the list. Stored as saved_reports.name_key, unique per owner (migration 0045).
 */
export function reportNameKey(name: string): string {
  return name.trim().toLocaleLowerCase();
}

/** A saved report's stored JSON, read through the same tolerant schema: unreadable JSON opens the defaults. */
export function reportQueryFromJson(json: string): ReportQuery {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    raw = {};
  }
  return ReportParams.parse(typeof raw === "object" && raw !== null && !Array.isArray(raw) ? raw : {});
}

/** The canonical query string of a report: the page's address, the exports' and what a saved report runs. */
export function reportSearch(q: ReportQuery, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  p.set("by", q.by);
  for (const i of q.indicators) p.append("ind", i);
  p.set("checkpoint", q.checkpoint);
  for (const y of q.year) p.append("year", String(y));
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

// ---- The table ----

export type RateCell = {
  kind: "rate";
  value: number | null;
  numerator: number;
  denominator: number;
  /** Denominator under SMALL_N: marked on the page, left empty in the exports (docs/product.md §6). */
  smallN: boolean;
  /** Knowledge rate under 65 %. */
  flagged: boolean;
  /** A time-to-job window longer than the checkpoint: the share is a lower bound. */
  lowerBound: boolean;
};
export type ReportCell =
  | { kind: "count"; value: number }
  | RateCell
  | { kind: "days"; value: number | null; status: "reached" | "not_reached" | "no_base"; base: number; smallN: boolean }
  | { kind: "pay"; value: number | null; n: number; smallN: boolean };

/** One indicator of one group. */
export function reportCell(i: OutcomeIndicators, indicator: ReportIndicator): ReportCell {
  const rateCell = (r: OutcomeIndicators["employmentRate"], extra: { flagged?: boolean; lowerBound?: boolean } = {}): RateCell => ({
    kind: "rate",
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    smallN: r.smallN,
    flagged: extra.flagged ?? false,
    lowerBound: extra.lowerBound ?? false,
  });
  switch (indicator) {
    case "n":
      return { kind: "count", value: i.n };
    case "knowledgeRate":
      return rateCell(i.knowledgeRate, { flagged: i.knowledgeRate.flagged });
    case "within3":
    case "within6":
    case "within12": {
      const w = i.timeToFirstJob.within[Number(indicator.slice(6)) as 3 | 6 | 12];
      return rateCell(w, { lowerBound: w.lowerBound && w.value !== null });
    }
    case "medianDays": {
      const m = i.timeToFirstJob.median;
      return { kind: "days", value: m.days, status: m.status, base: m.base, smallN: m.smallN && m.status !== "no_base" };
    }
    case "medianPay":
      return { kind: "pay", value: i.medianMonthlyPay.value, n: i.medianMonthlyPay.n, smallN: i.medianMonthlyPay.smallN };
    default:
      return rateCell(i[indicator]);
  }
}

export const isRateIndicator = (i: ReportIndicator) => i !== "n" && i !== "medianDays" && i !== "medianPay";

export type ReportRow<L> = { key: string; label: L; graduates: number; cells: ReportCell[] };
export type ReportTable<L> = {
  indicators: ReportIndicator[];
  total: ReportRow<null>;
  rows: ReportRow<L>[];
  /** The first chosen rate, charted per group (null: the report has no rate column). */
  charted: ReportIndicator | null;
};

/** The table of a report from the dashboard's figures for the same selection (one row per group, the total first). */
export function reportTable<L>(
  indicators: readonly ReportIndicator[],
  figures: { total: OutcomeIndicators; rows: readonly { key: string; label: L; indicators: OutcomeIndicators }[] },
): ReportTable<L> {
  const cells = (i: OutcomeIndicators) => indicators.map((ind) => reportCell(i, ind));
  return {
    indicators: [...indicators],
    total: { key: "all", label: null, graduates: figures.total.graduates, cells: cells(figures.total) },
    rows: figures.rows.map((r) => ({ key: r.key, label: r.label, graduates: r.indicators.graduates, cells: cells(r.indicators) })),
    charted: indicators.find(isRateIndicator) ?? null,
  };
}

// ---- Export columns: what one indicator becomes in a spreadsheet (.xlsx and CSV share it) ----

/** value: the figure; numerator/denominator of a rate; base of the median days; n of the median pay. */
export type ExportPart = "value" | "numerator" | "denominator" | "base" | "n";
export type ExportFormat = "percent" | "count" | "days" | "kgs";
export type ExportColumn = { indicator: ReportIndicator; part: ExportPart; format: ExportFormat };

export function exportColumns(indicators: readonly ReportIndicator[]): ExportColumn[] {
  return indicators.flatMap((indicator): ExportColumn[] => {
    if (indicator === "n") return [{ indicator, part: "value", format: "count" }];
    if (indicator === "medianDays")
      return [
        { indicator, part: "value", format: "days" },
        { indicator, part: "base", format: "count" },
      ];
    if (indicator === "medianPay")
      return [
        { indicator, part: "value", format: "kgs" },
        { indicator, part: "n", format: "count" },
      ];
    return [
      { indicator, part: "value", format: "percent" },
      { indicator, part: "numerator", format: "count" },
      { indicator, part: "denominator", format: "count" },
    ];
  });
}

/**
 * One exported cell: a number, nothing (no base to divide), "suppressed" (small n: the share and its numerator
 * are left out, as the public page would, since an export leaves the portal), or "not_reached" (median days).
 */
export type ExportValue = number | null | "suppressed" | "not_reached";

/** The shares whose base is the group's graduates (N): that base is printed in the N column anyway. */
const BASE_IS_N: ReadonlySet<ReportIndicator> = new Set(["knowledgeRate", "employmentRate"]);

/**
 * A small-n cell leaves out its base too, unless the base is N (decision 074): a base under 10 is another
 * share's hidden numerator — HTP share of the employed has the employed as its base, the job base of the
 * first-job shares and median days is the employed with a known start, median pay's n the employed full-time
 * with a pay — so printing it gave the hidden count back ("employment: small n", "HTP share of employed: base 1").
 * A base of 0 is left out the same way: an empty value beside it would tell "0 employed".
 */
export function exportValue(cell: ReportCell, part: ExportPart, indicator: ReportIndicator): ExportValue {
  switch (cell.kind) {
    case "count":
      return cell.value;
    case "rate": {
      const smallBase = cell.denominator < SMALL_N;
      if (smallBase && !BASE_IS_N.has(indicator)) return "suppressed";
      if (part === "denominator") return cell.denominator;
      if (cell.denominator === 0) return null;
      if (cell.smallN) return "suppressed";
      return part === "numerator" ? cell.numerator : cell.value;
    }
    case "days":
      if (cell.base < SMALL_N) return "suppressed";
      if (part === "base") return cell.base;
      if (cell.status === "no_base") return null;
      return cell.status === "not_reached" ? "not_reached" : cell.value;
    case "pay":
      if (cell.n < SMALL_N) return "suppressed";
      return part === "n" ? cell.n : cell.value;
  }
}
