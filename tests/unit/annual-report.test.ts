// What the yearly report prints beyond the public page's tables (app/domain/outcomes/annual.ts,
// docs/decisions/065-annual-report.md): sums of schools shown only when every part is, the sources of
// the known outcomes with small ones merged so none can be worked out, and the ?year= parameter.
import { describe, expect, it } from "vitest";
import { publishSum, reportYearOf, sourceLines } from "~/domain/outcomes/annual";
import type { OutcomeCode } from "~/domain/outcomes/codes";
import { computeIndicators, type OutcomeFact } from "~/domain/outcomes/indicators";
import { PUBLIC_RATES, type PublicCell, type PublicRow } from "~/domain/outcomes/public-figures";

let next = 1;
/** `count` graduates of 2025 with this outcome (employed: full time, related, at an HTP resident, 40,000 KGS). */
function facts(count: number, outcome: OutcomeCode): OutcomeFact[] {
  return Array.from({ length: count }, () => ({
    graduateId: next++,
    graduationDate: "2025-06-30",
    outcome,
    firstJobStart: outcome === "employed" ? "2025-08-01" : null,
    ...(outcome === "employed" ? { employment: { htpResident: true, related: "yes" as const, fullTime: true, monthlyPay: 40_000 } } : {}),
  }));
}

const shown = (percent: number): PublicCell => ({ shown: true, percent });
/** A school's published row with every cell shown, but the named ones hidden. */
function part(hidden: readonly string[] = [], payShown = true): PublicRow {
  const cells = Object.fromEntries(PUBLIC_RATES.map((name) => [name, hidden.includes(name) ? { shown: false } : shown(50)])) as PublicRow["cells"];
  return { n: 20, followUp: false, cells, pay: payShown ? { shown: true, kgs: 40_000 } : { shown: false } };
}

describe("publishSum: a region's or the cluster's row", () => {
  const big = computeIndicators([...facts(30, "employed"), ...facts(10, "seeking"), ...facts(5, "unknown")], { checkpoint: "m6" });

  it("shows the sum's own figures when every part shows them", () => {
    const row = publishSum(big, [part(), part()]);
    expect(row.n).toBe(45);
    expect(row.followUp).toBe(false);
    expect(row.cells.employmentRate).toEqual(shown(67)); // 30 of 45
    expect(row.cells.knowledgeRate).toEqual(shown(89)); // 40 of 45
    expect(row.pay).toEqual({ shown: true, kgs: 40_000 });
  });

  it("hides a figure when one part's same figure is hidden, however large the sum", () => {
    const row = publishSum(big, [part(["employmentRate"]), part()]);
    expect(row.cells.employmentRate).toEqual({ shown: false });
    expect(row.cells.knowledgeRate).toEqual(shown(89));
  });

  it("hides career outcomes and HTP placement together (one denominator)", () => {
    const row = publishSum(big, [part(["htpPlacementRate"]), part()]);
    expect(row.cells.htpPlacementRate).toEqual({ shown: false });
    expect(row.cells.careerOutcomesRate).toEqual({ shown: false });
  });

  it("hides the pay when a part's pay is hidden", () => {
    expect(publishSum(big, [part([], false), part()]).pay).toEqual({ shown: false });
  });

  it("applies the primary rule and the follow-up gate to the sum itself", () => {
    const small = computeIndicators(facts(6, "employed"), { checkpoint: "m6" });
    expect(PUBLIC_RATES.map((name) => publishSum(small, [part()]).cells[name].shown)).toEqual(PUBLIC_RATES.map(() => false));
    const followed = computeIndicators([...facts(5, "employed"), ...facts(15, "unknown")], { checkpoint: "m6" });
    const row = publishSum(followed, [part(), part()]);
    expect(row.followUp).toBe(true);
    expect(row.cells.knowledgeRate).toEqual(shown(25));
    expect(row.cells.employmentRate).toEqual({ shown: false });
    expect(row.pay).toEqual({ shown: false });
  });
});

describe("sourceLines: how the known outcomes were learned", () => {
  const sum = part();

  it("lists sources of 10 or more, largest first, and merges the small ones", () => {
    expect(sourceLines({ survey: 30, staff: 12, employer: 4, application: 7 }, sum)).toEqual([
      { source: "survey", count: 30, percent: 57 },
      { source: "staff", count: 12, percent: 23 },
      { source: "other", count: 11, percent: 21 },
    ]);
  });

  it("merges the next smallest source too while the merged ones are fewer than 10 (else known minus the rest gives them)", () => {
    expect(sourceLines({ survey: 30, staff: 12, employer: 4 }, sum)).toEqual([
      { source: "survey", count: 30, percent: 65 },
      { source: "other", count: 16, percent: 35 },
    ]);
  });

  it("says nothing when the sum's knowledge or employment figure is hidden", () => {
    expect(sourceLines({ survey: 30 }, part(["knowledgeRate"]))).toEqual([]);
    expect(sourceLines({ survey: 30 }, part(["employmentRate"]))).toEqual([]);
    expect(sourceLines({}, sum)).toEqual([]);
  });
});

describe("reportYearOf", () => {
  it("reads a four-digit year, takes empty as the latest, refuses the rest", () => {
    expect(reportYearOf(null)).toEqual({ ok: true, year: null });
    expect(reportYearOf("")).toEqual({ ok: true, year: null });
    expect(reportYearOf(" 2025 ")).toEqual({ ok: true, year: 2025 });
    for (const bad of ["abc", "99999", "20 25", "2025.0", "-2025", "２０２５"]) expect(reportYearOf(bad)).toEqual({ ok: false });
  });
});
