// What the public /outcomes page may publish of a school's table (rows: graduation years and "All
// years"; one column per indicator), docs/product.md §6 "since the first release". Three rules, in order:
//  1. primary: a figure with fewer than SMALL_N graduates behind it is hidden;
//  2. knowledge: a row whose knowledge rate is under KNOWLEDGE_RATE_FLAG publishes no rate, only
//     "follow-up in progress, N % reached";
//  3. secondary: no small figure, nor one hidden to protect it, may be worked out from what is shown
//     (the total minus the visible years, bounds from the row's other figures): more years, or the
//     total, are hidden until none can. docs/decisions/020-secondary-suppression.md
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
 * knowledge are shares of all graduates, whose number every row shows anyway (boundsOf).
 */
const SUPPRESSION_GROUPS: readonly (readonly PublicRateName[])[] = [
  // Knowledge first: whether a follow-up row may say "N % reached" decides what the others must protect.
  ["knowledgeRate"],
  ["employmentRate"],
  ["careerOutcomesRate", "htpPlacementRate"],
  ["relatedEmploymentRate"],
  ["within6"],
];

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

/**
 * What can be known of one cell's numerator a and denominator d: a ≤ d always, and bounds from the
 * row's graduates and the row's shown figures (related ≤ employed …). A shown cell is a point.
 */
export type CellBounds = { aLo: number; aHi: number; dLo: number; dHi: number };

/**
 * A set of (a, d) pairs given by bounds on a, on d and on g = d − a. Every set here is one: a cell's
 * pairs, the pairs a sum of cells can reach (bounds add up: in the plane, a sum of such lattice
 * polygons has exactly the sums of their lattice points), and the difference of two.
 */
type Poly = { aLo: number; aHi: number; dLo: number; dHi: number; gLo: number; gHi: number };

/** The tight bounds of a cell's pairs; null when none fits. */
function polyOf(b: CellBounds): Poly | null {
  const aHi = Math.min(b.aHi, b.dHi);
  const dLo = Math.max(b.dLo, b.aLo);
  if (b.aLo > aHi || dLo > b.dHi) return null;
  return { aLo: b.aLo, aHi, dLo, dHi: b.dHi, gLo: Math.max(0, dLo - aHi), gHi: b.dHi - b.aLo };
}
const ZERO: Poly = { aLo: 0, aHi: 0, dLo: 0, dHi: 0, gLo: 0, gHi: 0 };
const plus = (p: Poly, q: Poly): Poly => ({
  aLo: p.aLo + q.aLo,
  aHi: p.aHi + q.aHi,
  dLo: p.dLo + q.dLo,
  dHi: p.dHi + q.dHi,
  gLo: p.gLo + q.gLo,
  gHi: p.gHi + q.gHi,
});
/** The x with x + q in p for some q in q's set. */
const minus = (p: Poly, q: Poly): Poly => ({
  aLo: p.aLo - q.aHi,
  aHi: p.aHi - q.aLo,
  dLo: p.dLo - q.dHi,
  dHi: p.dHi - q.dLo,
  gLo: p.gLo - q.gHi,
  gHi: p.gHi - q.gLo,
});
const both = (p: Poly, q: Poly): Poly => ({
  aLo: Math.max(p.aLo, q.aLo),
  aHi: Math.min(p.aHi, q.aHi),
  dLo: Math.max(p.dLo, q.dLo),
  dHi: Math.min(p.dHi, q.dHi),
  gLo: Math.max(p.gLo, q.gLo),
  gHi: Math.min(p.gHi, q.gHi),
});

/** How many numerators, denominators and rates (a/d, d > 0) the pairs of a set allow: 0, 1, or 2 for "two or more". */
function freedom(p: Poly): { a: number; d: number; rate: number } {
  let aMin = Infinity;
  let aMax = -Infinity;
  let ds = 0;
  let rate: [number, number] | null = null;
  let rates = 0;
  for (let d = Math.max(p.dLo, 0); d <= p.dHi; d++) {
    const lo = Math.max(p.aLo, d - p.gHi, 0);
    const hi = Math.min(p.aHi, d - p.gLo, d);
    if (lo > hi) continue;
    ds++;
    aMin = Math.min(aMin, lo);
    aMax = Math.max(aMax, hi);
    if (d === 0 || rates > 1) continue;
    if (hi > lo) rates = 2;
    else if (rate === null) [rate, rates] = [[lo, d], 1];
    else if (lo * rate[1] !== rate[0] * d) rates = 2;
  }
  const cap = (x: number) => Math.min(x, 2);
  return { a: ds === 0 ? 0 : cap(aMax - aMin + 1), d: cap(ds), rate: rates };
}

/**
 * One cell of a column for columnIsSafe: its true values, whether it is hidden, whether it must stay
 * impossible to work out (every hidden cell but one withheld only by the follow-up gate with 10 or
 * more graduates behind it: that hides no one), and what is known of it.
 */
export type ColumnCell = { a: number; d: number; hidden: boolean; protect: boolean; bounds: CellBounds };

/**
 * Whether no hidden figure of a column can be worked out by someone who knows every shown cell's
 * numerator and denominator exactly (a whole percent of a small base gives them), each cell's bounds
 * (the row's graduates, the row's shown figures), and that the years add up to the total. A hidden
 * cell (the total too) is safe when its numerator, denominator and rate can each still take two
 * values — or could not anyway from its own row's figures (a share of 0 employed). Exact, not an
 * estimate: docs/decisions/020-secondary-suppression.md.
 */
export function columnIsSafe(years: readonly ColumnCell[], total: ColumnCell): boolean {
  const own = (c: ColumnCell) => (c.hidden ? polyOf(c.bounds) : polyOf({ aLo: c.a, aHi: c.a, dLo: c.d, dHi: c.d }));
  const polys = years.map(own);
  const totalPoly = own(total);
  if (!totalPoly || polys.some((p) => p === null)) return false; // empty bounds cannot be (bounds come from the truth): hide more
  const sumOf = (skip: number) => polys.reduce<Poly>((sum, p, i) => (i === skip ? sum : plus(sum, p!)), ZERO);
  const safe = (mine: Poly, feasible: Poly) => {
    const alone = freedom(mine);
    const left = freedom(feasible);
    return (left.a > 1 || alone.a < 2) && (left.d > 1 || alone.d < 2) && (left.rate > 1 || alone.rate < 2);
  };
  for (let i = 0; i < years.length; i++) {
    const c = years[i]!;
    // Pairs of this year that leave the others a way to make up the total.
    if (c.hidden && c.protect && !safe(polys[i]!, both(polys[i]!, minus(totalPoly, sumOf(i))))) return false;
  }
  return !(total.hidden && total.protect) || safe(totalPoly, both(totalPoly, sumOf(-1)));
}

// ---- The table ----

/**
 * What someone reading a row can bound a cell by: its graduates, and the row's other shown figures —
 * employed ≤ known − not seeking ≤ known; career includes the employed; HTP jobs and jobs with known
 * relatedness are jobs; the job-seeking base lies between the employed and known − not seeking.
 */
function boundsOf(r: OutcomeIndicators, name: PublicRateName, shown: (name: PublicRateName) => boolean): CellBounds {
  const n = r.n;
  const E = shown("employmentRate") ? r.employmentRate.numerator : undefined;
  const K = shown("knowledgeRate") ? r.knowledgeRate.numerator : undefined;
  const R = shown("careerOutcomesRate") || shown("htpPlacementRate") ? r.careerOutcomesRate.denominator : undefined;
  const min = (...xs: (number | undefined)[]) => Math.min(...xs.filter((x): x is number => x !== undefined));
  const max = (...xs: (number | undefined)[]) => Math.max(...xs.filter((x): x is number => x !== undefined));
  switch (name) {
    case "employmentRate":
      return { aLo: 0, aHi: min(n, K, R), dLo: n, dHi: n };
    case "knowledgeRate":
      return { aLo: max(0, E, R), aHi: n, dLo: n, dHi: n };
    case "careerOutcomesRate":
      return { aLo: max(0, E), aHi: n, dLo: max(0, E), dHi: min(n, K) };
    case "htpPlacementRate":
      return { aLo: 0, aHi: min(n, E), dLo: max(0, E), dHi: min(n, K) };
    case "relatedEmploymentRate":
      return { aLo: 0, aHi: n, dLo: 0, dHi: min(n, E) };
    case "within6":
      return { aLo: 0, aHi: n, dLo: max(0, E), dHi: min(n, K, R) };
  }
}

/**
 * The published table of one school: years (any order) and their total. Hiding is decided column
 * group by column group; a group hides more years, the smallest first (least lost), and at last the
 * total, until every hidden figure is safe (columnIsSafe). A later group only hides more, which takes
 * bounds away from an earlier group's cells and so cannot make them unsafe.
 */
export function publishTable(years: readonly { year: number; indicators: OutcomeIndicators }[], total: OutcomeIndicators): PublicTable {
  const rows = [...years.map((y) => y.indicators), total];
  const last = rows.length - 1;
  const followUp = rows.map(needsFollowUp);
  // Primary and knowledge rules first, for every column: the bounds of one column read the others.
  const hidden = new Map<PublicRateName, boolean[]>(
    PUBLIC_RATES.map((name) => [name, rows.map((r, i) => rateOf(r, name).smallN || (followUp[i]! && name !== "knowledgeRate"))]),
  );
  // Columns sharing a denominator agree from the start (same denominator, so the same small cells).
  for (const group of SUPPRESSION_GROUPS) {
    const pattern = rows.map((_, i) => group.some((name) => hidden.get(name)![i]!));
    for (const name of group) hidden.set(name, pattern);
  }

  /** The row says "follow-up in progress, N % reached" (its knowledge rate is shown). */
  const followUpShown = (i: number) => followUp[i]! && !hidden.get("knowledgeRate")![i];
  for (const group of SUPPRESSION_GROUPS) {
    const pattern = hidden.get(group[0]!)!;
    const mustShow = rows.map((_, i) => group.includes("knowledgeRate") && followUp[i]!); // "N % reached" is the point of the row
    const cellsOf = (name: PublicRateName): ColumnCell[] =>
      rows.map((r, i) => ({
        a: rateOf(r, name).numerator,
        d: rateOf(r, name).denominator,
        hidden: pattern[i]!,
        protect: pattern[i]! && !(followUpShown(i) && rateOf(r, name).denominator >= SMALL_N),
        bounds: boundsOf(r, name, (other) => !hidden.get(other)![i]),
      }));
    const safe = () =>
      group.every((name) => {
        const cells = cellsOf(name);
        return columnIsSafe(cells.slice(0, last), cells[last]!);
      });
    // Order of sacrifice: ordinary years, smallest first (least lost); then the total; then, only if
    // nothing else will do, a "follow-up" row's knowledge rate (the row then shows plain hidden marks).
    const order = pattern
      .map((_, i) => ({ i, size: Math.max(...group.map((name) => rateOf(rows[i]!, name).denominator)), rank: (mustShow[i] ? 2 : 0) + (i === last ? 1 : 0) }))
      .sort((x, y) => x.rank - y.rank || x.size - y.size || (years[x.i]?.year ?? 0) - (years[y.i]?.year ?? 0));
    while (!safe()) {
      const next = order.find(({ i }) => !pattern[i]);
      if (!next) break; // everything is hidden: nothing of this column is published
      pattern[next.i] = true;
    }
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
    return {
      n: r.n,
      followUp: followUp[i]! && cells.knowledgeRate.shown,
      cells,
      pay: pay.smallN || followUp[i] ? { shown: false } : { shown: true, kgs: pay.value },
    };
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

/**
 * defaultPublicCheckpoint with each checkpoint's knowledge asked for one at a time, latest first:
 * the first with enough knowledge is the answer, so the earlier ones are never asked (each costs a
 * load of the outcome facts of that checkpoint on the first /outcomes after a start). The same
 * answer as defaultPublicCheckpoint over all of them.
 */
export function defaultPublicCheckpointOf(knowledgeOf: (checkpoint: Checkpoint) => { known: number; n: number }): Checkpoint {
  const asked: { checkpoint: Checkpoint; known: number; n: number }[] = [];
  for (const checkpoint of [...CHECKPOINTS].reverse()) {
    const k = { checkpoint, ...knowledgeOf(checkpoint) };
    if (k.n >= SMALL_N && k.known / k.n >= KNOWLEDGE_RATE_FLAG) return checkpoint;
    asked.push(k);
  }
  return defaultPublicCheckpoint(asked);
}
