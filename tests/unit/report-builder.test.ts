// The report builder's query and table (docs/decisions/064-report-builder.md): a hand-edited, stale or hostile
// query string or saved JSON gives the defaults, never an error; the table is the dashboard's figures, cell by cell;
// the exports leave a small-n share and its numerator out and keep the denominator.
import { describe, expect, it } from "vitest";
import { computeIndicators, type OutcomeFact } from "~/domain/outcomes/indicators";
import {
  DEFAULT_REPORT_INDICATORS,
  exportColumns,
  exportValue,
  REPORT_INDICATORS,
  reportCell,
  reportQueryFrom,
  reportQueryFromJson,
  reportSearch,
  reportTable,
} from "~/domain/outcomes/report";

const q = (search: string) => reportQueryFrom(new URLSearchParams(search));

describe("the report query", () => {
  it("reads rows, indicators, checkpoint and years, in a canonical order", () => {
    const query = q("by=cohort&ind=employmentRate&ind=n&ind=within6&checkpoint=m12&year=2025&year=2023&year=2025");
    expect(query).toEqual({ by: "cohort", indicators: ["n", "employmentRate", "within6"], checkpoint: "m12", year: [2023, 2025] });
    expect(q(reportSearch(query))).toEqual(query);
  });

  it("falls back to the defaults on anything it does not know", () => {
    const defaults = { by: "school", indicators: [...DEFAULT_REPORT_INDICATORS], checkpoint: "m6", year: [] };
    expect(q("")).toEqual(defaults);
    expect(q("by=total&ind=salary&ind=%00&checkpoint=m7&year=1899&year=20255&year=abc")).toEqual(defaults);
    expect(q(`by=${"x".repeat(100_000)}&ind=${"n".repeat(5000)}`)).toEqual(defaults);
    expect(q("by[]=school&ind[$ne]=n&checkpoint=m6&checkpoint=m12").checkpoint).toBe("m6");
  });

  it("keeps at most 30 years", () => {
    const many = Array.from({ length: 60 }, (_, i) => `year=${1990 + i}`).join("&");
    expect(q(many).year).toHaveLength(30);
  });

  it("reads a saved report's JSON through the same rules: broken JSON opens the defaults", () => {
    expect(reportQueryFromJson('{"by":"sex","indicators":["medianPay"],"checkpoint":"m36","year":[2024]}')).toEqual({
      by: "sex",
      indicators: ["medianPay"],
      checkpoint: "m36",
      year: [2024],
    });
    for (const bad of ["", "null", "[1,2]", "{", '"text"', '{"by":5,"indicators":"n","year":{"a":1}}'])
      expect(reportQueryFromJson(bad)).toEqual({ by: "school", indicators: [...DEFAULT_REPORT_INDICATORS], checkpoint: "m6", year: [] });
  });
});

let id = 0;
const fact = (outcome: OutcomeFact["outcome"], extra: Partial<OutcomeFact> = {}): OutcomeFact => ({
  graduateId: ++id,
  graduationDate: "2024-06-30",
  outcome,
  firstJobStart: null,
  ...extra,
});
const employed = (htp: boolean, pay: number | null = null) =>
  fact("employed", { employment: { htpResident: htp, related: "yes", fullTime: true, monthlyPay: pay }, firstJobStart: "2024-07-10" });

describe("the report table", () => {
  // 12 in the base: 8 employed (3 at HTP residents), 2 seeking, 1 unknown, 1 not seeking; 1 excluded.
  const big = [
    ...[0, 1, 2].map(() => employed(true, 50000)),
    ...[0, 1, 2, 3, 4].map(() => employed(false, 30000)),
    fact("seeking"),
    fact("seeking"),
    fact("unknown"),
    fact("not_seeking"),
    fact("excluded"),
  ];
  const small = [employed(true, 40000), fact("seeking"), fact("unknown")];
  const all = computeIndicators([...big, ...small], { checkpoint: "m6" });
  const bigI = computeIndicators(big, { checkpoint: "m6" });
  const smallI = computeIndicators(small, { checkpoint: "m6" });

  it("has the total first, then one row per group, each cell the dashboard's figure", () => {
    const table = reportTable(REPORT_INDICATORS, {
      total: all,
      rows: [
        { key: "1", label: "A", indicators: bigI },
        { key: "2", label: "B", indicators: smallI },
      ],
    });
    expect(table.indicators).toEqual([...REPORT_INDICATORS]);
    expect(table.total.cells[0]).toEqual({ kind: "count", value: 15 });
    expect(table.rows.map((r) => [r.key, r.label, r.graduates])).toEqual([
      ["1", "A", 13],
      ["2", "B", 3],
    ]);
    const employment = table.rows[0]!.cells[REPORT_INDICATORS.indexOf("employmentRate")]!;
    expect(employment).toMatchObject({ kind: "rate", numerator: 8, denominator: 12, smallN: false });
    expect(employment.kind === "rate" && employment.value).toBeCloseTo(8 / 12);
    expect(table.rows[1]!.cells[REPORT_INDICATORS.indexOf("htpPlacementRate")]).toMatchObject({ numerator: 1, denominator: 2, smallN: true });
    expect(table.rows[0]!.cells[REPORT_INDICATORS.indexOf("medianPay")]).toEqual({ kind: "pay", value: 30000, n: 8, smallN: true });
    expect(table.charted).toBe("knowledgeRate");
    expect(reportTable(["n", "medianPay"], { total: all, rows: [] }).charted).toBeNull();
  });

  it("marks a time-to-job window longer than the checkpoint as a lower bound", () => {
    expect(reportCell(bigI, "within12")).toMatchObject({ kind: "rate", lowerBound: true });
    expect(reportCell(bigI, "within3")).toMatchObject({ kind: "rate", lowerBound: false });
  });

  it("exports three columns per share, and leaves a small-n share and its numerator out", () => {
    expect(exportColumns(["n", "employmentRate", "medianDays", "medianPay"]).map((c) => `${c.indicator}:${c.part}:${c.format}`)).toEqual([
      "n:value:count",
      "employmentRate:value:percent",
      "employmentRate:numerator:count",
      "employmentRate:denominator:count",
      "medianDays:value:days",
      "medianDays:base:count",
      "medianPay:value:kgs",
      "medianPay:n:count",
    ]);
    const shown = reportCell(bigI, "employmentRate");
    expect(exportValue(shown, "value", "employmentRate")).toBeCloseTo(8 / 12);
    expect(exportValue(shown, "numerator", "employmentRate")).toBe(8);
    // A share of all graduates keeps its base: it is N, printed in the N column anyway.
    const hidden = reportCell(smallI, "employmentRate");
    const parts = (cell: typeof hidden, indicator: Parameters<typeof exportValue>[2]) =>
      (["value", "numerator", "denominator"] as const).map((part) => exportValue(cell, part, indicator));
    expect(parts(hidden, "employmentRate")).toEqual(["suppressed", "suppressed", 3]);
    expect(exportValue(reportCell(computeIndicators([]), "employmentRate"), "value", "employmentRate")).toBeNull();
    // Decision 074: any other small base is a hidden count of another share (the employed, the job base,
    // the pays) and goes with its share, 0 included ("no base" would tell "0 employed").
    expect(parts(reportCell(smallI, "htpShareOfEmployed"), "htpShareOfEmployed")).toEqual(["suppressed", "suppressed", "suppressed"]);
    expect(parts(reportCell(computeIndicators([fact("unknown")]), "htpShareOfEmployed"), "htpShareOfEmployed")).toEqual([
      "suppressed",
      "suppressed",
      "suppressed",
    ]);
    expect(exportValue(reportCell(smallI, "medianPay"), "value", "medianPay")).toBe("suppressed");
    expect(exportValue(reportCell(smallI, "medianPay"), "n", "medianPay")).toBe("suppressed");
    expect(exportValue(reportCell(smallI, "medianDays"), "base", "medianDays")).toBe("suppressed");
    // A base of 10 or more prints as before (HTP placement: 3 of 12 known − 1 unknown − 1 not seeking = 10).
    expect(parts(reportCell(bigI, "htpPlacementRate"), "htpPlacementRate")).toEqual([0.3, 3, 10]);
  });
});
