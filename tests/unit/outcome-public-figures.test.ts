// The public outcome table (app/domain/outcomes/public-figures.ts, docs/product.md §6 "since the first release"):
// secondary suppression, knowledge gating and the page's default checkpoint. The properties at the end
// attack random cohort tables by brute force, independently of the module's own interval reasoning.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHECKPOINTS, OUTCOME_CODES, type OutcomeCode } from "~/domain/outcomes/codes";
import { computeIndicators, type OutcomeFact, type OutcomeIndicators } from "~/domain/outcomes/indicators";
import {
  columnIsSafe,
  defaultPublicCheckpoint,
  defaultPublicCheckpointOf,
  PUBLIC_RATES,
  publishTable,
  rateOf,
  type PublicRateName,
  type PublicRow,
  type PublicTable,
} from "~/domain/outcomes/public-figures";

let nextId = 1;
function fact(year: number, outcome: OutcomeCode, employment?: OutcomeFact["employment"], firstJobStart: string | null = null): OutcomeFact {
  return { graduateId: nextId++, graduationDate: `${year}-06-30`, outcome, employment, firstJobStart };
}
const job = { htpResident: true, related: "yes" as const, fullTime: true, monthlyPay: 50_000 };
/** A year of `n` graduates: `employed` of them employed (started a month after graduation), the rest seeking or unknown. */
function year(y: number, n: number, employed: number, unknown = 0): { year: number; facts: OutcomeFact[] } {
  const facts = Array.from({ length: n }, (_, i) =>
    i < employed ? fact(y, "employed", job, `${y}-07-30`) : i < employed + unknown ? fact(y, "unknown") : fact(y, "seeking"),
  );
  return { year: y, facts };
}
function table(years: { year: number; facts: OutcomeFact[] }[]): PublicTable {
  return publishTable(
    years.map((y) => ({ year: y.year, indicators: computeIndicators(y.facts, { checkpoint: "m12" }) })),
    computeIndicators(
      years.flatMap((y) => y.facts),
      { checkpoint: "m12" },
    ),
  );
}
const shown = (row: PublicRow, name: PublicRateName) => row.cells[name].shown;

describe("secondary suppression", () => {
  it("hides the smallest other year when one year is hidden and the total is shown (the outside tester's case)", () => {
    // Lyceum 14: 2019 has 5 graduates, 4 employed — the "4 of 5" the tester recovered as total − visible years.
    const t = table([year(2019, 5, 4), year(2020, 12, 6), year(2021, 30, 20)]);
    const [y2019, y2020, y2021] = t.years;
    expect(shown(y2019!, "employmentRate")).toBe(false); // primary: fewer than 10
    expect(shown(y2020!, "employmentRate")).toBe(false); // secondary: the smaller of the other two
    expect(shown(y2021!, "employmentRate")).toBe(true);
    expect(t.total.cells.employmentRate).toEqual({ shown: true, percent: Math.round((30 / 47) * 100) });
    // What is left: 2019 + 2020 = 10 employed of 17; 2019 could be anything from 0 (10 − 12 < 0) to 5.
  });

  it("also hides a year whose hidden partner would otherwise be pinned: all or none of them employed", () => {
    // 2019 and 2020 both hidden by the primary rule, and nobody of them employed: 0 of 12 is derivable.
    const none = table([year(2019, 5, 0), year(2020, 7, 0), year(2021, 30, 20), year(2022, 40, 25)]);
    expect(none.years.filter((y) => !shown(y, "employmentRate")).length).toBe(3);
    expect(none.total.cells.employmentRate.shown).toBe(true);
    // Every year small: only the total could give them away, so the total is hidden.
    const small = table([year(2019, 5, 4), year(2020, 3, 1)]);
    expect(small.years.every((y) => !shown(y, "employmentRate"))).toBe(true);
    expect(small.total.cells.employmentRate.shown).toBe(false); // 8 graduates: small itself
    const one = table([year(2019, 5, 4), year(2020, 30, 3)]);
    expect(one.years.map((y) => shown(y, "employmentRate"))).toEqual([false, false]);
    expect(one.total.cells.employmentRate.shown).toBe(true);
  });

  it("hides career and HTP placement together: they share a denominator", () => {
    // 2019 and 2020 (small) have jobs but none at an HTP company: the HTP column needs a third hidden
    // year (0 of them would be pinned), the career column would not — and a shown career cell of that
    // year would give away the HTP cell's denominator.
    const noHtp = (t: { year: number; facts: OutcomeFact[] }) => ({
      ...t,
      facts: t.facts.map((f) => (f.employment ? { ...f, employment: { ...f.employment, htpResident: false } } : f)),
    });
    const t = table([noHtp(year(2019, 5, 2, 1)), noHtp(year(2020, 6, 1, 1)), year(2021, 12, 5, 1), year(2022, 30, 20, 3)]);
    expect(t.years.map((y) => shown(y, "htpPlacementRate"))).toEqual([false, false, false, true]);
    for (const row of [...t.years, t.total]) expect(shown(row, "careerOutcomesRate")).toBe(shown(row, "htpPlacementRate"));
  });

  it("sends no numerator, no denominator and no reason for a hidden figure", () => {
    const json = JSON.stringify(table([year(2019, 5, 4), year(2020, 12, 6), year(2021, 30, 20)]));
    expect(json).not.toMatch(/numerator|denominator|"value"|"a":|"d":|smallN|reason/);
    expect(json).toContain('{"shown":false}');
  });

  it("columnIsSafe: one hidden year beside a shown total is not safe; two with room either way are", () => {
    /** [a, d, n] per year, which are hidden, the total; denominators published (= n) or not. */
    const check = (years: [number, number, number][], hidden: boolean[], total: [number, number, number], totalHidden: boolean, published: boolean) => {
      const cell = ([a, d, n]: [number, number, number], isHidden: boolean) => ({
        a,
        d,
        hidden: isHidden,
        protect: isHidden,
        bounds: { aLo: 0, aHi: n, dLo: published ? n : 0, dHi: n },
      });
      return columnIsSafe(
        years.map((y, i) => cell(y, hidden[i]!)),
        cell(total, totalHidden),
      );
    };
    const years: [number, number, number][] = [
      [4, 5, 5],
      [6, 12, 12],
      [20, 30, 30],
    ];
    expect(check(years, [true, false, false], [30, 47, 47], false, true)).toBe(false);
    expect(check(years, [true, true, false], [30, 47, 47], false, true)).toBe(true);
    expect(check(years, [true, false, false], [30, 47, 47], true, true)).toBe(true);
    // Denominator not published: two hidden years whose denominators are all their graduates are pinned.
    expect(
      check(
        [
          [2, 5, 5],
          [3, 7, 7],
          [9, 12, 20],
        ],
        [true, true, false],
        [14, 24, 32],
        false,
        false,
      ),
    ).toBe(false);
    expect(
      check(
        [
          [2, 4, 5],
          [3, 7, 7],
          [9, 12, 20],
        ],
        [true, true, false],
        [14, 23, 32],
        false,
        false,
      ),
    ).toBe(true);
  });

  it("columnIsSafe: bounds from a row's other figures count (related jobs ≤ the jobs a shown employment rate gives)", () => {
    // Related employment, two hidden years: 2 of 2 and 1 of 3 related; together 3 of 5, shown total 12 of 17.
    const related = (jobsOfFirst: number) =>
      columnIsSafe(
        [
          { a: 2, d: 2, hidden: true, protect: true, bounds: { aLo: 0, aHi: 5, dLo: 0, dHi: jobsOfFirst } },
          { a: 1, d: 3, hidden: true, protect: true, bounds: { aLo: 0, aHi: 6, dLo: 0, dHi: 3 } },
          { a: 9, d: 12, hidden: false, protect: false, bounds: { aLo: 0, aHi: 20, dLo: 0, dHi: 20 } },
        ],
        { a: 12, d: 17, hidden: false, protect: false, bounds: { aLo: 0, aHi: 31, dLo: 0, dHi: 31 } },
      );
    expect(related(5)).toBe(true); // the first year's employment hidden: up to 5 jobs
    expect(related(2)).toBe(false); // 2 jobs shown, the second year 3: 5 = 2 + 3, both denominators pinned
  });

  it("a follow-up year's withheld rates need no protection of their own: they hide no one", () => {
    // 2024: nobody reached (0 % shown); the total is withheld too. 2023's 67 % stays, although with it
    // the total's withheld employment (20 of 60) could be worked out.
    const t = table([year(2024, 30, 0, 30), year(2023, 30, 20, 5)]);
    expect(t.years[1]!.cells.employmentRate).toEqual({ shown: true, percent: 67 });
  });
});

describe("knowledge gating", () => {
  it("a year with no follow-up shows 'follow-up in progress', not 0 % employed", () => {
    // 2024: 30 graduates, nobody reached yet (the "0 % employed" school); 2023: 30, 25 reached.
    const t = table([year(2024, 30, 0, 30), year(2023, 30, 20, 5)]);
    const [y2024, y2023] = t.years;
    expect(y2024!.followUp).toBe(true);
    expect(y2024!.cells.knowledgeRate).toEqual({ shown: true, percent: 0 });
    for (const name of PUBLIC_RATES) if (name !== "knowledgeRate") expect(shown(y2024!, name), name).toBe(false);
    expect(y2024!.pay).toEqual({ shown: false });
    expect(y2023!.followUp).toBe(false);
    // All years: 25 of 60 reached (42 %): no rates either.
    expect(t.total.followUp).toBe(true);
    expect(t.total.cells.employmentRate.shown).toBe(false);
    // 2023's rates are shown: nothing else in its column is hidden but the total, and 2024 stays unknown.
    expect(y2023!.cells.employmentRate).toEqual({ shown: true, percent: 67 });
  });

  it("a small year is hidden plainly, never marked 'follow-up' (that would tell its knowledge rate)", () => {
    const t = table([year(2024, 6, 0, 6), year(2023, 30, 20, 5)]);
    expect(t.years[0]!.followUp).toBe(false);
    expect(t.years[0]!.cells.knowledgeRate.shown).toBe(false);
  });
});

describe("the default checkpoint", () => {
  it("is the latest with a knowledge rate of 65 % or more", () => {
    expect(
      defaultPublicCheckpoint([
        { checkpoint: "graduation", known: 90, n: 100 },
        { checkpoint: "m6", known: 80, n: 100 },
        { checkpoint: "m12", known: 65, n: 100 },
        { checkpoint: "m36", known: 10, n: 40 },
      ]),
    ).toBe("m12");
    expect(
      defaultPublicCheckpoint([
        { checkpoint: "m6", known: 70, n: 100 },
        { checkpoint: "m12", known: 64, n: 100 },
      ]),
    ).toBe("m6");
  });

  it("falls back to the best-known checkpoint, then to the fixed default", () => {
    expect(
      defaultPublicCheckpoint([
        { checkpoint: "m6", known: 50, n: 100 },
        { checkpoint: "m12", known: 20, n: 100 },
        { checkpoint: "m36", known: 5, n: 5 },
      ]),
    ).toBe("m36");
    expect(
      defaultPublicCheckpoint([
        { checkpoint: "m6", known: 50, n: 100 },
        { checkpoint: "m12", known: 20, n: 100 },
      ]),
    ).toBe("m6");
    expect(defaultPublicCheckpoint([])).toBe("m12");
    expect(defaultPublicCheckpoint([{ checkpoint: "m6", known: 0, n: 0 }])).toBe("m12");
  });

  it("asked one checkpoint at a time, latest first, gives the same answer and asks no checkpoint earlier than it", () => {
    const knowledge = fc.record({ known: fc.nat(40), extra: fc.nat(40) }).map(({ known, extra }) => ({ known, n: known + extra }));
    fc.assert(
      fc.property(fc.tuple(knowledge, knowledge, knowledge, knowledge), (ks) => {
        const all = CHECKPOINTS.map((checkpoint, i) => ({ checkpoint, ...ks[i]! }));
        const asked: string[] = [];
        const chosen = defaultPublicCheckpointOf((checkpoint) => {
          asked.push(checkpoint);
          return all.find((k) => k.checkpoint === checkpoint)!;
        });
        expect(chosen).toBe(defaultPublicCheckpoint(all));
        expect(asked).toEqual([...CHECKPOINTS].reverse().slice(0, asked.length));
        // Where a checkpoint has enough knowledge, nothing earlier than the one chosen is asked.
        const enough = all.some((k) => k.n >= 10 && k.known / k.n >= 0.65);
        if (enough) expect(asked.at(-1)).toBe(chosen);
      }),
      { numRuns: 300 },
    );
    // The /outcomes default on a quiet night: m36 well known, the three others never loaded.
    const asked: string[] = [];
    expect(defaultPublicCheckpointOf((c) => (asked.push(c), { known: 90, n: 100 }))).toBe("m36");
    expect(asked).toEqual(["m36"]);
  });
});

// ---- Properties: random cohort tables, attacked by brute force ----

const yearArb = fc.record({
  n: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 10, max: 22 })),
  // How much of the year is followed up: some years almost nobody (follow-up in progress).
  unknownShare: fc.constantFrom(0, 0.1, 0.3, 0.5, 0.9),
  outcomes: fc.array(fc.constantFrom<OutcomeCode>(...OUTCOME_CODES, "employed", "employed", "seeking"), { minLength: 22, maxLength: 22 }),
  details: fc.array(
    fc.record({
      htp: fc.boolean(),
      related: fc.constantFrom("yes", "no", "unknown"),
      start: fc.integer({ min: -30, max: 500 }),
      pay: fc.integer({ min: 10_000, max: 90_000 }),
    }),
    { minLength: 22, maxLength: 22 },
  ),
});
const schoolArb = fc.uniqueArray(fc.record({ year: fc.integer({ min: 2015, max: 2024 }), spec: yearArb }), {
  minLength: 1,
  maxLength: 5,
  selector: (y) => y.year,
});

type YearSpec = { n: number; unknownShare: number; outcomes: OutcomeCode[]; details: { htp: boolean; related: string; start: number; pay: number }[] };
function factsOf(y: number, spec: YearSpec): OutcomeFact[] {
  return Array.from({ length: spec.n }, (_, i) => {
    const outcome: OutcomeCode = i < Math.round(spec.n * spec.unknownShare) ? "unknown" : spec.outcomes[i]!;
    const d = spec.details[i]!;
    const start = new Date(Date.UTC(y, 5, 30) + d.start * 86_400_000).toISOString().slice(0, 10);
    return fact(
      y,
      outcome,
      outcome === "employed" ? { htpResident: d.htp, related: d.related as "yes" | "no" | "unknown", fullTime: d.pay > 20_000, monthlyPay: d.pay } : undefined,
      outcome === "employed" || outcome === "seeking" ? start : null,
    );
  });
}

/** Columns whose hidden cells' denominators a shown cell of the same row gives away. */
const SAME_DENOMINATOR: Partial<Record<PublicRateName, PublicRateName>> = { careerOutcomesRate: "htpPlacementRate", htpPlacementRate: "careerOutcomesRate" };

/**
 * Everything an attacker can work out about the hidden cells of one column, by brute force: the attacker
 * knows each shown cell's numerator and denominator exactly, every row's graduates, the denominator of a
 * share of all graduates (and of a hidden cell whose same-denominator partner is shown), what the row's
 * other shown figures bound (jobs ≤ known, related ≤ employed …), and that the years add up to the total
 * when the total is shown. Returns, per hidden cell (years, then the total), the distinct numerators,
 * denominators and rates that fit everything shown, and those its own row alone allows.
 */
type Sets = { as: Set<number>; ds: Set<number>; rates: Set<string> };
function attack(rows: OutcomeIndicators[], published: PublicRow[], name: PublicRateName): (Sets & { row: number; alone: Sets; dPublished: boolean })[] {
  const last = rows.length - 1;
  const truth = rows.map((r) => ({ a: rateOf(r, name).numerator, d: rateOf(r, name).denominator, n: r.n }));
  const partner = SAME_DENOMINATOR[name];
  const dPublished = (i: number) => name === "employmentRate" || name === "knowledgeRate" || (partner !== undefined && published[i]!.cells[partner].shown);
  const hidden = truth
    .slice(0, last)
    .map((_, i) => i)
    .filter((i) => !published[i]!.cells[name].shown);
  // What the same row's shown cells tell: employed, known, known − not seeking.
  const fits = (i: number, a: number, d: number): boolean => {
    const cells = published[i]!.cells;
    const E = cells.employmentRate.shown ? rows[i]!.employmentRate.numerator : undefined;
    const Kn = cells.knowledgeRate.shown ? rows[i]!.knowledgeRate.numerator : undefined;
    const R = cells.careerOutcomesRate.shown || cells.htpPlacementRate.shown ? rows[i]!.careerOutcomesRate.denominator : undefined;
    const le = (x: number, bound: number | undefined) => bound === undefined || x <= bound;
    const ge = (x: number, bound: number | undefined) => bound === undefined || x >= bound;
    switch (name) {
      case "employmentRate":
        return le(a, Kn) && le(a, R);
      case "knowledgeRate":
        return ge(a, E) && ge(a, R);
      case "careerOutcomesRate":
        return le(d, Kn) && ge(d, E) && ge(a, E);
      case "htpPlacementRate":
        return le(d, Kn) && ge(d, E) && le(a, E);
      case "relatedEmploymentRate":
        return le(d, E);
      case "within6":
        return ge(d, E) && le(d, R) && le(d, Kn);
    }
  };
  const inBox = (i: number, a: number, d: number) => a >= 0 && a <= d && d <= truth[i]!.n && (!dPublished(i) || d === truth[i]!.d) && fits(i, a, d);
  const box = (i: number): [number, number][] => {
    const out: [number, number][] = [];
    for (let d = 0; d <= truth[i]!.n; d++) for (let a = 0; a <= d; a++) if (inBox(i, a, d)) out.push([a, d]);
    return out;
  };
  const totalShown = published[last]!.cells[name].shown;
  // Sums (Σa, Σd) the given hidden years can reach together, as Σa * K + Σd.
  const K = 4096;
  const sums = (cells: number[]): Set<number> => {
    let reach = new Set([0]);
    for (const i of cells) {
      const pairs = box(i).map(([a, d]) => a * K + d);
      const next = new Set<number>();
      for (const key of reach) for (const p of pairs) next.add(key + p);
      reach = next;
    }
    return reach;
  };
  const rateKey = (a: number, d: number) => (d === 0 ? "none" : String(a / d));
  const sets = (): Sets => ({ as: new Set(), ds: new Set(), rates: new Set() });
  const add = (x: Sets, a: number, d: number) => {
    x.as.add(a);
    x.ds.add(d);
    if (d > 0) x.rates.add(rateKey(a, d));
  };
  const found = hidden.map((i) => {
    const left = sets();
    const alone = sets();
    const restSums = totalShown ? sums(hidden.filter((j) => j !== i)) : null;
    const sa = hidden.reduce((s, j) => s + truth[j]!.a, 0);
    const sd = hidden.reduce((s, j) => s + truth[j]!.d, 0);
    for (const [a, d] of box(i)) {
      add(alone, a, d);
      if (restSums && (sa - a < 0 || sd - d < 0 || !restSums.has((sa - a) * K + (sd - d)))) continue;
      add(left, a, d);
    }
    return { row: i, ...left, alone, dPublished: dPublished(i) };
  });
  if (!totalShown) {
    // The total is the shown years plus whatever the hidden ones are, within what its own row allows.
    const visible = truth.slice(0, last).filter((_, i) => !hidden.includes(i));
    const va = visible.reduce((s, c) => s + c.a, 0);
    const vd = visible.reduce((s, c) => s + c.d, 0);
    const left = sets();
    const alone = sets();
    for (const [a, d] of box(last)) add(alone, a, d);
    for (const key of sums(hidden)) {
      const [a, d] = [va + Math.floor(key / K), vd + (key % K)];
      if (inBox(last, a, d)) add(left, a, d);
    }
    found.push({ row: last, ...left, alone, dPublished: dPublished(last) });
  }
  return found;
}

describe("properties", () => {
  it("columnIsSafe agrees exactly with a brute-force search on random small columns", () => {
    const cellArb = fc
      .record({ n: fc.integer({ min: 0, max: 7 }), x: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), hidden: fc.boolean() })
      .map(({ n, x, hidden }) => {
        // A true (a, d) and bounds around it that a row might give: a ≤ d ≤ n.
        const d = x[0]! % (n + 1);
        const a = x[1]! % (d + 1);
        const dLo = d - (x[2]! % (d + 1));
        const dHi = d + (x[3]! % (n - d + 1));
        const aLo = a - (x[4]! % (a + 1));
        const aHi = a + (x[5]! % (n - a + 1));
        return { a, d, hidden, protect: hidden, bounds: { aLo, aHi, dLo, dHi } };
      });
    const verdicts = { safe: 0, unsafe: 0 };
    fc.assert(
      fc.property(fc.array(cellArb, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.nat(), (years, totalHidden, slack) => {
        const ta = years.reduce((x, c) => x + c.a, 0);
        const td = years.reduce((x, c) => x + c.d, 0);
        const tn = years.reduce((x, c) => x + Math.max(c.bounds.aHi, c.bounds.dHi), 0);
        const total = {
          a: ta,
          d: td,
          hidden: totalHidden,
          protect: totalHidden,
          bounds: {
            aLo: Math.max(0, ta - (slack % 3)),
            aHi: ta + (slack % 5),
            dLo: Math.max(0, td - (slack % 4)),
            dHi: Math.min(tn, td + (slack % 2)) + (slack % 2),
          },
        };
        const pairs = (c: typeof total) => {
          const out: [number, number][] = [];
          if (!c.hidden) return [[c.a, c.d] as [number, number]];
          for (let d = c.bounds.dLo; d <= c.bounds.dHi; d++) for (let a = c.bounds.aLo; a <= Math.min(c.bounds.aHi, d); a++) out.push([a, d]);
          return out;
        };
        const K = 4096;
        const sums = (cells: (typeof total)[]) => {
          let reach = new Set([0]);
          for (const c of cells) {
            const next = new Set<number>();
            for (const key of reach) for (const [a, d] of pairs(c)) next.add(key + a * K + d);
            reach = next;
          }
          return reach;
        };
        const totals = new Set(pairs(total).map(([a, d]) => a * K + d));
        const count = (xs: [number, number][]) => ({
          a: new Set(xs.map(([a]) => a)).size,
          d: new Set(xs.map(([, d]) => d)).size,
          rate: new Set(xs.filter(([, d]) => d > 0).map(([a, d]) => a / d)).size,
        });
        const ok = (alone: [number, number][], left: [number, number][]) => {
          const [x, y] = [count(alone), count(left)];
          return (y.a > 1 || x.a < 2) && (y.d > 1 || x.d < 2) && (y.rate > 1 || x.rate < 2);
        };
        let brute = true;
        years.forEach((c, i) => {
          if (!c.hidden) return;
          const rest = sums(years.filter((_, j) => j !== i));
          const left = pairs(c).filter(([a, d]) => [...rest].some((r) => totals.has(r + a * K + d)));
          if (!ok(pairs(c), left)) brute = false;
        });
        if (total.hidden) {
          const all = sums(years);
          const left = pairs(total).filter(([a, d]) => all.has(a * K + d));
          if (!ok(pairs(total), left)) brute = false;
        }
        expect(columnIsSafe(years, total)).toBe(brute);
        verdicts[brute ? "safe" : "unsafe"]++;
      }),
      { numRuns: 1500 },
    );
    expect(Math.min(verdicts.safe, verdicts.unsafe)).toBeGreaterThan(150); // both answers are exercised
  });

  it("no hidden figure of a random cohort table can be worked out from the published ones", () => {
    fc.assert(
      fc.property(schoolArb, (school) => {
        const years = school.map(({ year: y, spec }) => ({ year: y, indicators: computeIndicators(factsOf(y, spec), { checkpoint: "m12" }) }));
        const total = computeIndicators(
          school.flatMap(({ year: y, spec }) => factsOf(y, spec)),
          { checkpoint: "m12" },
        );
        nextId = 1;
        const t = publishTable(years, total);
        const rows = [...years.map((y) => y.indicators), total];
        const published = [...t.years, t.total];
        // Rows whose number of jobs the table settles at 0 (a row's 0 % employed, another's 0 % known):
        // then none of its jobs is at an HTP company, related or found within 6 months either — no
        // one more is revealed by those counts being 0 too. A job count pinned where its cell protects
        // someone fails on its own, as employmentRate's cell, below (seed 996900130 found this case).
        const noJobs = new Set(
          attack(rows, published, "employmentRate")
            .filter((cell) => cell.as.size === 1 && cell.as.has(0))
            .map((cell) => cell.row),
        );
        for (const name of PUBLIC_RATES) {
          for (const cell of attack(rows, published, name)) {
            // Withheld only by the follow-up gate, 10 or more behind it: hides no one (decision 020).
            if (published[cell.row]!.followUp && rateOf(rows[cell.row]!, name).denominator >= 10) continue;
            const where = `${name} row ${cell.row} of ${rows.length}`;
            const ofJobs = name === "htpPlacementRate" || name === "relatedEmploymentRate" || name === "within6";
            // Only what the cell's own row does not settle already (0 jobs shown: no HTP jobs either).
            const settledAtZero = ofJobs && noJobs.has(cell.row); // its count and so its rate are 0, as shown elsewhere
            if (cell.alone.as.size > 1 && !settledAtZero) expect(cell.as.size, `${where}: numerator pinned`).toBeGreaterThan(1);
            if (!cell.dPublished && cell.alone.ds.size > 1) expect(cell.ds.size, `${where}: denominator pinned`).toBeGreaterThan(1);
            if (cell.alone.rates.size > 1 && !settledAtZero) expect(cell.rates.size, `${where}: rate pinned`).toBeGreaterThan(1);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("every shown rate has 10 or more graduates behind it, and a follow-up row shows its knowledge rate only", () => {
    fc.assert(
      fc.property(schoolArb, (school) => {
        const years = school.map(({ year: y, spec }) => ({ year: y, indicators: computeIndicators(factsOf(y, spec), { checkpoint: "m12" }) }));
        const total = computeIndicators(
          school.flatMap(({ year: y, spec }) => factsOf(y, spec)),
          { checkpoint: "m12" },
        );
        const t = publishTable(years, total);
        [...years.map((y) => y.indicators), total].forEach((ind, i) => {
          const row = [...t.years, t.total][i]!;
          for (const name of PUBLIC_RATES) {
            if (row.cells[name].shown) expect(rateOf(ind, name).denominator).toBeGreaterThanOrEqual(10);
            if (row.followUp && name !== "knowledgeRate") expect(row.cells[name].shown).toBe(false);
          }
          if (row.followUp) expect(ind.knowledgeRate.value!).toBeLessThan(0.65);
          if (!ind.knowledgeRate.smallN && ind.knowledgeRate.value! < 0.65) {
            for (const name of PUBLIC_RATES) if (name !== "knowledgeRate") expect(row.cells[name].shown).toBe(false);
          }
          if (row.pay.shown) expect(ind.medianMonthlyPay.n).toBeGreaterThanOrEqual(10);
        });
      }),
      { numRuns: 200 },
    );
  });
});
