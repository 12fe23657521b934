// The yearly report for the ministry (docs/product.md §6 and §16, docs/decisions/065-annual-report.md):
// what it may print beyond the public page's own tables. A school's rows are the public page's rows
// (publishTable, app/domain/outcomes/public-figures.ts); a region's or the cluster's figure adds schools
// up, so it is printed only when every school figure it adds up is printed too — it then tells nothing
// the schools' rows do not, and no hidden cell can be worked out from it.
import { OUTCOME_SOURCES, SMALL_N, type OutcomeSource } from "./codes";
import type { OutcomeIndicators } from "./indicators";
import { needsFollowUp, PUBLIC_RATES, rateOf, type PublicCell, type PublicRateName, type PublicRow } from "./public-figures";

/**
 * A sum of schools (a region, the cluster) as a published row: each cell under the public page's
 * primary rule and follow-up gate, and hidden besides whenever one of its parts' same cell is hidden
 * (a shown sum beside one hidden part is that part). `parts` are the published rows of the schools
 * whose graduates `indicators` counts.
 */
export function publishSum(indicators: OutcomeIndicators, parts: readonly PublicRow[]): PublicRow {
  const followUp = needsFollowUp(indicators);
  const cells = {} as Record<PublicRateName, PublicCell>;
  for (const name of PUBLIC_RATES) {
    const r = rateOf(indicators, name);
    const gated = followUp && name !== "knowledgeRate";
    const partsShown = parts.every((p) => p.cells[name].shown);
    cells[name] = r.smallN || gated || !partsShown ? { shown: false } : { shown: true, percent: r.value === null ? null : Math.round(r.value * 100) };
  }
  // Career outcomes and HTP placement share a denominator: shown together or not at all (decision 020).
  if (!cells.careerOutcomesRate.shown || !cells.htpPlacementRate.shown) {
    cells.careerOutcomesRate = { shown: false };
    cells.htpPlacementRate = { shown: false };
  }
  const pay = indicators.medianMonthlyPay;
  return {
    n: indicators.n,
    followUp: followUp && cells.knowledgeRate.shown,
    cells,
    pay: pay.smallN || followUp || !parts.every((p) => p.pay.shown) ? { shown: false } : { shown: true, kgs: pay.value },
  };
}

/** How the known outcomes were learned: a share per source, small sources merged into "other". */
export type SourceLine = { source: OutcomeSource | "other"; count: number; percent: number };

/**
 * The sources of a sum's known outcomes, as the report prints them: a source with fewer than SMALL_N
 * records joins "other sources"; while "other" holds 1 to SMALL_N − 1 records, the next smallest
 * source joins it too (else the known total minus the shown sources would give it). Empty when the
 * sum's knowledge or employment figure is hidden: then the counts would bound hidden cells.
 */
export function sourceLines(counts: Partial<Record<OutcomeSource, number>>, sum: PublicRow): SourceLine[] {
  if (!sum.cells.knowledgeRate.shown || !sum.cells.employmentRate.shown) return [];
  const present = OUTCOME_SOURCES.map((source) => ({ source, count: counts[source] ?? 0 }))
    .filter((s) => s.count > 0)
    .sort((a, b) => a.count - b.count || OUTCOME_SOURCES.indexOf(a.source) - OUTCOME_SOURCES.indexOf(b.source));
  const known = present.reduce((s, x) => s + x.count, 0);
  if (known === 0) return [];
  let merged = 0;
  let next = 0;
  while (next < present.length && (present[next]!.count < SMALL_N || (merged > 0 && merged < SMALL_N))) merged += present[next++]!.count;
  const share = (n: number) => Math.round((n / known) * 100);
  const lines: SourceLine[] = present
    .slice(next)
    .reverse()
    .map((s) => ({ ...s, percent: share(s.count) }));
  if (merged > 0) lines.push({ source: "other", count: merged, percent: share(merged) });
  return lines;
}

/**
 * The report's year from `?year=`: absent or empty → null (the latest year with figures); four digits →
 * that year (the model refuses one without figures); anything else is refused (the page answers 400).
 */
export function reportYearOf(param: string | null): { ok: true; year: number | null } | { ok: false } {
  const trimmed = (param ?? "").trim();
  if (trimmed === "") return { ok: true, year: null };
  return /^\d{4}$/.test(trimmed) ? { ok: true, year: Number(trimmed) } : { ok: false };
}
