// What the public /outcomes page may publish of a school's table (rows: graduation years and "All
// years"; one column per indicator), DESIGN §6 "since the first release". Three rules, in order:
//  1. primary: a figure with fewer than SMALL_N graduates behind it is hidden;
//  2. knowledge: a row whose knowledge rate is under KNOWLEDGE_RATE_FLAG publishes no rate, only
//     "follow-up in progress, N % reached";
//  3. secondary: no hidden figure may be worked out from what is shown (the total minus the visible
//     years): more years, or the total, are hidden until none can. docs/decisions/020-secondary-suppression.md
// Pure and small: the loader sends only its result — whole percents, no numerator, no denominator.

import { CHECKPOINTS, KNOWLEDGE_RATE_FLAG, SMALL_N, type Checkpoint } from "./codes";
import { DEFAULT_PUBLIC_CHECKPOINT } from "./display";
import type { OutcomeIndicators } from "./indicators";
import type { Rate } from "./rate";

/** The rate columns of the public table, in page order. */
export const PUBLIC_RATES = ["employmentRate", "careerOutcomesRate", "htpPlacementRate", "relatedEmploymentRate", "within6", "knowledgeRate"] as const;
export type PublicRateName = (typeof PUBLIC_RATES)[number];

/**
 * Columns hidden together, row by row: career and HTP placement are shares of the same graduates
 * (known − not seeking), so one shown would give away the other's denominator. Employment and
 * knowledge are shares of all graduates, whose number every row shows anyway.
 */
const SUPPRESSION_GROUPS: readonly (readonly PublicRateName[])[] = [
  ["employmentRate"], ["careerOutcomesRate", "htpPlacementRate"], ["relatedEmploymentRate"], ["within6"], ["knowledgeRate"],
];
/** Shares of all graduates: their denominator is the row's published number of graduates. */
const OF_ALL_GRADUATES: ReadonlySet<PublicRateName> = new Set(["employmentRate", "knowledgeRate"]);

/** A published figure: a whole percent, or nothing at all (no reason, no denominator: both would tell). */
export type PublicCell = { shown: true; percent: number | null } | { shown: false };

export type PublicRow = {
  /** Graduates of the base (N): public, not an outcome. */
  n: number;
  /** Knowledge rate under the flag: the rates are withheld and cells.knowledgeRate says how many were reached. */
  followUp: boolean;
  cells: Record<PublicRateName, PublicCell>;
  /** Median monthly pay of full-time jobs, whole KGS. */
  pay: { shown: true; kgs: number | null } | { shown: false };
};

export type PublicTable = { years: (PublicRow & { year: number })[]; total: PublicRow };

export function rateOf(indicators: OutcomeIndicators, name: PublicRateName): Rate {
  return name === "within6" ? indicators.timeToFirstJob.within[6] : indicators[name];
}

/** A row whose rates would mislead: its knowledge rate can be shown (10 or more graduates) and is under 65 %. */
export function needsFollowUp(indicators: OutcomeIndicators): boolean {
  const k = indicators.knowledgeRate;
  return !k.smallN && k.value !== null && k.value < KNOWLEDGE_RATE_FLAG;
}

// ---- Whether the hidden cells of one column can be worked out ----

/** One cell of a column: its true numerator and denominator, and the row's number of graduates. */
export type ColumnCell = { a: number; d: number; n: number };

/**
 * Whether no hidden figure of a column can be worked out by someone who knows every shown cell's
 * numerator and denominator exactly (a whole percent of a small base gives them), every row's number of
 * graduates, that each count lies between 0 and it, and that the years add up to the total. A hidden
 * cell is safe when its numerator, its denominator (unless published as the row's graduates) and its
 * rate can each still take two values; a hidden total likewise. Exact, not an estimate: see the
 * decision record for why intervals suffice here.
 */
export function columnIsSafe(years: readonly ColumnCell[], hiddenYears: readonly boolean[], total: ColumnCell, totalHidden: boolean, denominatorPublished: boolean): boolean {
  const hidden = years.flatMap((c, i) => (hiddenYears[i] ? [c] : []));
  if (totalHidden) {
    // Nothing ties the hidden years to anything shown: each is free between 0 and its graduates; the
    // total is the shown years plus those, so it is free as soon as one of them is.
    return total.n === 0 || hidden.some((c) => c.n >= 1);
  }
  const lo = (c: ColumnCell) => (denominatorPublished ? c.n : 0);
  const sa = hidden.reduce((s, c) => s + c.a, 0);
  const sd = hidden.reduce((s, c) => s + c.d, 0);
  const allLo = hidden.reduce((s, c) => s + lo(c), 0);
  const allHi = hidden.reduce((s, c) => s + c.n, 0);
  for (const c of hidden) {
    if (c.n === 0) continue; // nothing behind it to tell
    // The others must take up the rest: sd − d between their bounds, sa − a between 0 and sd − d.
    const dMin = Math.max(lo(c), sd - (allHi - c.n));
    const dMax = Math.min(c.n, sd - (allLo - lo(c)));
    const aMin = Math.max(0, sa - sd + dMin);
    const aMax = Math.min(dMax, sa);
    if (aMax - aMin < 1) return false;
    if (!denominatorPublished && dMax - dMin < 1) return false;
    if (!twoRates(sa, sd, Math.max(dMin, 1), dMax)) return false;
  }
  return true;
}

/** Whether a/d takes two values over the feasible pairs with d in [from, to]. */
function twoRates(sa: number, sd: number, from: number, to: number): boolean {
  let first: [number, number] | null = null;
  for (let d = from; d <= to; d++) {
    const aMin = Math.max(0, sa - sd + d);
    const aMax = Math.min(d, sa);
    if (aMin > aMax) continue;
    if (aMax > aMin) return true;
    if (first === null) first = [aMin, d];
    else if (aMin * first[1] !== first[0] * d) return true;
  }
  return false;
}

// ---- The table ----

/**
 * The published table of one school: years (any order) and their total. Hiding is decided column
 * group by column group; a group hides more years, the smallest first (least lost), and at last the
 * total, until every hidden figure is safe (columnIsSafe).
 */
export function publishTable(years: readonly { year: number; indicators: OutcomeIndicators }[], total: OutcomeIndicators): PublicTable {
  const rows = [...years.map((y) => y.indicators), total];
  const last = rows.length - 1;
  const followUp = rows.map(needsFollowUp);
  const hidden = new Map<PublicRateName, boolean[]>();

  for (const group of SUPPRESSION_GROUPS) {
    // Primary and knowledge rules; the group's columns share a denominator, so they agree on both.
    const pattern = rows.map((r, i) => group.some((name) => rateOf(r, name).smallN || (followUp[i]! && name !== "knowledgeRate")));
    const mustShow = rows.map((_, i) => group.includes("knowledgeRate") && followUp[i]!); // "N % reached" is the point of the row
    const columns = group.map((name) => ({
      name,
      cells: rows.map((r) => ({ a: rateOf(r, name).numerator, d: rateOf(r, name).denominator, n: r.n })),
      published: OF_ALL_GRADUATES.has(name),
    }));
    const safe = () => columns.every((col) => columnIsSafe(col.cells.slice(0, last), pattern.slice(0, last), col.cells[last]!, pattern[last]!, col.published));
    // Order of sacrifice: ordinary years, smallest first (least lost); then the total; then, only if
    // nothing else will do, a "follow-up" row's knowledge rate (the row then shows plain hidden marks).
    const order = pattern
      .map((_, i) => ({ i, size: Math.max(...columns.map((col) => col.cells[i]!.d)), rank: (mustShow[i] ? 2 : 0) + (i === last ? 1 : 0) }))
      .sort((x, y) => x.rank - y.rank || x.size - y.size || (years[x.i]?.year ?? 0) - (years[y.i]?.year ?? 0));
    while (!safe()) {
      const next = order.find(({ i }) => !pattern[i]);
      if (!next) break; // everything is hidden: nothing of this column is published
      pattern[next.i] = true;
    }
    for (const name of group) hidden.set(name, pattern);
  }

  const rowOut = (r: OutcomeIndicators, i: number): PublicRow => {
    const cells = {} as Record<PublicRateName, PublicCell>;
    for (const name of PUBLIC_RATES) {
      const v = rateOf(r, name).value;
      cells[name] = hidden.get(name)![i] ? { shown: false } : { shown: true, percent: v === null ? null : Math.round(v * 100) };
    }
    const pay = r.medianMonthlyPay;
    // A median is no sum: it cannot be worked out by subtraction, so pay needs only the primary rule.
    // "Follow-up in progress, N % reached" only when N may be shown; otherwise plain hidden marks, which
    // say nothing of the knowledge rate.
    return { n: r.n, followUp: followUp[i]! && cells.knowledgeRate.shown, cells, pay: pay.smallN || followUp[i] ? { shown: false } : { shown: true, kgs: pay.value } };
  };
  return { years: years.map((y, i) => ({ year: y.year, ...rowOut(y.indicators, i) })), total: rowOut(total, last) };
}

// ---- Which checkpoint the page opens at ----

/**
 * The latest checkpoint whose knowledge rate over all schools is 65 % or more (with at least SMALL_N
 * graduates in its base); failing that, the one with the highest knowledge rate; with no figures at
 * all, DEFAULT_PUBLIC_CHECKPOINT. A late checkpoint still being followed up would show mostly "follow-up
 * in progress"; an early one with few answers would mislead.
 */
export function defaultPublicCheckpoint(knowledge: readonly { checkpoint: Checkpoint; known: number; n: number }[]): Checkpoint {
  const byLatest = [...knowledge].filter((k) => k.n > 0).sort((x, y) => CHECKPOINTS.indexOf(y.checkpoint) - CHECKPOINTS.indexOf(x.checkpoint));
  const enough = byLatest.find((k) => k.n >= SMALL_N && k.known / k.n >= KNOWLEDGE_RATE_FLAG);
  if (enough) return enough.checkpoint;
  const best = byLatest.reduce<(typeof byLatest)[number] | null>((b, k) => (b === null || k.known / k.n > b.known / b.n ? k : b), null);
  return best?.checkpoint ?? DEFAULT_PUBLIC_CHECKPOINT;
}
