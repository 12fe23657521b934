// docs/product.md §6 indicators on hand-made cohorts: every expected figure is worked out by hand in the comments.
import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OUTCOME_CODES, type OutcomeCode } from "~/domain/outcomes/codes";
import {
  addCalendarMonths,
  checkpointDate,
  computeIndicators,
  indicatorsBy,
  medianWholeKgs,
  publicView,
  type OutcomeFact,
  type OutcomeIndicators,
  type PublicIndicators,
  type Rate,
} from "~/domain/outcomes/indicators";
import { medianDaysToFirstJob } from "~/domain/outcomes/time-to-job";

let nextId = 1;
function fact(outcome: OutcomeCode, extra: Partial<OutcomeFact> = {}): OutcomeFact {
  return { graduateId: nextId++, graduationDate: "2025-06-30", outcome, firstJobStart: null, ...extra };
}
function employed(employment: Partial<NonNullable<OutcomeFact["employment"]>> = {}, extra: Partial<OutcomeFact> = {}): OutcomeFact {
  return fact("employed", {
    employment: { htpResident: false, related: "unknown", fullTime: true, monthlyPay: null, ...employment },
    ...extra,
  });
}
function times<T>(count: number, make: () => T): T[] {
  return Array.from({ length: count }, make);
}

/** Every Rate-shaped object in the indicators, with its path. */
function ratesOf(value: unknown, path = ""): [string, Rate][] {
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  const here: [string, Rate][] = "numerator" in record && "denominator" in record ? [[path, record as unknown as Rate]] : [];
  return [...here, ...Object.entries(record).flatMap(([k, v]) => ratesOf(v, `${path}.${k}`))];
}

// The main cohort, graduating 2025-06-30: 14 graduates.
//   E1 day 0 (started 2025-06-01, before graduation), HTP, related yes, full-time 30 000
//   E2 2025-09-30 = day 92 (Jul 31 + Aug 31 + Sep 30; exactly graduation + 3 months), HTP, related no, full-time 40 000
//   E3 2025-10-01 = day 93 (one day past 3 months), not HTP, related yes, PART-TIME 10 000
//   E4 no start date known, not HTP, related unknown, full-time, no pay
//   E5 2026-06-30 = day 365 (exactly graduation + 12 months), HTP, related yes, full-time 25 000
//   S1 seeking, never had a job; S2 seeking, had a first job from 2025-07-15 = day 15
//   military, service, education, not_seeking: one each; unknown: two; excluded: one
function mainCohort(): OutcomeFact[] {
  return [
    employed({ htpResident: true, related: "yes", monthlyPay: 30_000 }, { firstJobStart: "2025-06-01" }),
    employed({ htpResident: true, related: "no", monthlyPay: 40_000 }, { firstJobStart: "2025-09-30" }),
    employed({ htpResident: false, related: "yes", fullTime: false, monthlyPay: 10_000 }, { firstJobStart: "2025-10-01" }),
    employed({ htpResident: false, related: "unknown", monthlyPay: null }, { firstJobStart: null }),
    employed({ htpResident: true, related: "yes", monthlyPay: 25_000 }, { firstJobStart: "2026-06-30" }),
    fact("seeking"),
    fact("seeking", { firstJobStart: "2025-07-15" }),
    fact("military"),
    fact("service"),
    fact("education"),
    fact("not_seeking"),
    fact("unknown"),
    fact("unknown"),
    fact("excluded", { firstJobStart: "2025-07-01" }),
  ];
}

describe("computeIndicators on a hand-made cohort", () => {
  const ind = computeIndicators(mainCohort(), { checkpoint: "m6" });

  it("counts every code, N and known", () => {
    expect(ind.counts).toEqual({
      employed: 5,
      military: 1,
      service: 1,
      education: 1,
      seeking: 2,
      not_seeking: 1,
      unknown: 2,
      excluded: 1,
    });
    expect(ind.graduates).toBe(14);
    expect(ind.n).toBe(13); // N = 14 − 1 excluded = 13
    expect(ind.known).toBe(11); // known = 13 − 2 unknown = 11
  });

  it("computes the knowledge, career outcomes and employment rates", () => {
    // 11 / 13 = 0.846… ≥ 0.65: not flagged
    expect(ind.knowledgeRate).toEqual({ numerator: 11, denominator: 13, value: 11 / 13, smallN: false, flagged: false });
    // (5 employed + 1 military + 1 service + 1 education) / (11 known − 1 not_seeking) = 8 / 10
    expect(ind.careerOutcomesRate).toEqual({ numerator: 8, denominator: 10, value: 0.8, smallN: false });
    // EQAVET: 5 employed / 13 (the 2 unknown count as not placed)
    expect(ind.employmentRate).toEqual({ numerator: 5, denominator: 13, value: 5 / 13, smallN: false });
  });

  it("computes the HTP and related-employment rates", () => {
    // HTP: E1, E2, E5 = 3; over known − not_seeking = 10
    expect(ind.htpPlacementRate).toEqual({ numerator: 3, denominator: 10, value: 0.3, smallN: false });
    // 3 of 5 employed; 5 < 10 → small n
    expect(ind.htpShareOfEmployed).toEqual({ numerator: 3, denominator: 5, value: 0.6, smallN: true });
    // related yes: E1, E3, E5 = 3; related known: E1, E2 (no), E3, E5 = 4 (E4 unknown left out)
    expect(ind.relatedEmploymentRate).toEqual({ numerator: 3, denominator: 4, value: 0.75, smallN: true });
  });

  it("computes time to first job over employed + seeking, counting the unstarted as still searching", () => {
    const t = ind.timeToFirstJob;
    // base = 5 employed + 2 seeking = 7; E4 is employed with no start date
    expect(t.base).toBe(7);
    expect(t.startUnknown).toBe(1);
    // within 3 months (≤ 2025-09-30): E1 day 0, S2 day 15, E2 day 92 → 3 / 7
    expect(t.within[3]).toEqual({ numerator: 3, denominator: 7, value: 3 / 7, smallN: true, lowerBound: false });
    // within 6 months (≤ 2025-12-30): + E3 day 93 → 4 / 7
    expect(t.within[6]).toEqual({ numerator: 4, denominator: 7, value: 4 / 7, smallN: true, lowerBound: false });
    // within 12 months (≤ 2026-06-30): + E5 → 5 / 7; the m6 checkpoint has not seen 12 months: a lower bound
    expect(t.within[12]).toEqual({ numerator: 5, denominator: 7, value: 5 / 7, smallN: true, lowerBound: true });
    // half of 7 needs 4 started; sorted known days 0, 15, 92, 93, 365 → the 4th is day 93
    expect(t.median).toEqual({ days: 93, status: "reached", base: 7, smallN: true });
  });

  it("takes the median pay of full-time pays only, and hides it under 5 pays", () => {
    // full-time with a pay: E1 30 000, E2 40 000, E5 25 000 (E3 is part-time, E4 has no pay) → n = 3
    expect(ind.medianMonthlyPay).toEqual({ n: 3, value: null, smallN: true });
  });

  it("needs no checkpoint: then no window is a lower bound", () => {
    const plain = computeIndicators(mainCohort());
    expect([plain.timeToFirstJob.within[3].lowerBound, plain.timeToFirstJob.within[6].lowerBound, plain.timeToFirstJob.within[12].lowerBound]).toEqual([
      false,
      false,
      false,
    ]);
    // at the graduation checkpoint every window is longer than what was observed
    const atGraduation = computeIndicators(mainCohort(), { checkpoint: "graduation" });
    expect(atGraduation.timeToFirstJob.within[3].lowerBound).toBe(true);
  });
});

describe("knowledge rate flag", () => {
  it("flags under 65 %, not at it", () => {
    // 20 graduates, 7 unknown: known = 13, 13 / 20 = 0.65 → not under 65 %
    const at = computeIndicators([...times(13, () => fact("seeking")), ...times(7, () => fact("unknown"))]);
    expect(at.knowledgeRate.value).toBe(0.65);
    expect(at.knowledgeRate.flagged).toBe(false);
    // 8 unknown: 12 / 20 = 0.6 → flagged
    const under = computeIndicators([...times(12, () => fact("seeking")), ...times(8, () => fact("unknown"))]);
    expect(under.knowledgeRate.value).toBe(0.6);
    expect(under.knowledgeRate.flagged).toBe(true);
  });
});

describe("median monthly pay", () => {
  const fourPays = () => [20_000, 30_000, 25_000, 28_000].map((pay) => employed({ monthlyPay: pay }));
  const noise = () => [
    employed({ fullTime: false, monthlyPay: 100_000 }), // part-time: never in the median
    employed({ monthlyPay: null }), // full-time, no pay recorded
    fact("employed"), // no employment details at all
  ];

  it("is hidden with 4 pays but n is still given", () => {
    expect(computeIndicators([...fourPays(), ...noise()]).medianMonthlyPay).toEqual({ n: 4, value: null, smallN: true });
  });

  it("is shown with 5 pays (odd count: the middle one)", () => {
    // sorted 20 000, 22 000, 25 000, 28 000, 30 000 → 25 000; the part-time 100 000 would have moved it
    const five = [...fourPays(), employed({ monthlyPay: 22_000 }), ...noise()];
    expect(computeIndicators(five).medianMonthlyPay).toEqual({ n: 5, value: 25_000, smallN: true });
  });

  it("takes the mean of the two middle pays for an even count, rounded to whole KGS", () => {
    // sorted 20 000, 22 000, 25 000, 27 001, 28 000, 30 000 → (25 000 + 27 001) / 2 = 26 000.5 → 26 001
    const six = [...fourPays(), employed({ monthlyPay: 22_000 }), employed({ monthlyPay: 27_001 })];
    expect(computeIndicators(six).medianMonthlyPay).toEqual({ n: 6, value: 26_001, smallN: true });
    expect(medianWholeKgs([10_000, 20_000])).toBe(15_000);
    expect(medianWholeKgs([])).toBeNull();
  });

  it("is no longer small n at 10 pays", () => {
    // 10 pays 10 000, 11 000, … 19 000 → middle two 14 000 and 15 000 → 14 500
    const ten = times(10, () => 0).map((_, i) => employed({ monthlyPay: 10_000 + i * 1_000 }));
    expect(computeIndicators(ten).medianMonthlyPay).toEqual({ n: 10, value: 14_500, smallN: false });
  });
});

describe("time to first job", () => {
  it("does not reach the median when fewer than half have started", () => {
    // base 5 (2 employed, 3 seeking): half needs ceil(5 / 2) = 3 started, only 2 → not reached
    const facts = [employed({}, { firstJobStart: "2025-07-10" }), employed({}, { firstJobStart: "2025-08-10" }), ...times(3, () => fact("seeking"))];
    expect(computeIndicators(facts).timeToFirstJob.median).toEqual({ days: null, status: "not_reached", base: 5, smallN: true });
  });

  it("reaches the median on the exact day exactly half of the base has started", () => {
    // base 4: starts on day 10 (2025-07-10) and day 20 (2025-07-20) → 2 of 4 = half on day 20
    const facts = [employed({}, { firstJobStart: "2025-07-10" }), employed({}, { firstJobStart: "2025-07-20" }), ...times(2, () => fact("seeking"))];
    expect(computeIndicators(facts).timeToFirstJob.median).toEqual({ days: 20, status: "reached", base: 4, smallN: true });
    // the median of the employed alone would be day 15: not what docs/product.md asks for
    expect(medianDaysToFirstJob([10, null, null, null])).toEqual({ days: null, status: "not_reached", base: 4, smallN: true });
  });

  it("counts a job begun before graduation as day 0, by its date or by the flag", () => {
    const facts = [
      employed({}, { firstJobStart: "2025-03-01" }), // 121 days before graduation → day 0
      employed({}, { firstJobStart: null, startedBeforeGraduation: true }), // no date, but the flag → day 0
    ];
    const t = computeIndicators(facts).timeToFirstJob;
    expect(t.median.days).toBe(0); // base 2, both on day 0
    expect(t.within[3].numerator).toBe(2);
    expect(t.startUnknown).toBe(0);
  });

  it("keeps an employed graduate with no start date in the base but out of every numerator", () => {
    // base 2: one started day 30, one employed with no start → within 3: 1 / 2; median: 1 of 2 is half → day 30
    const facts = [employed({}, { firstJobStart: "2025-07-30" }), employed({}, { firstJobStart: null })];
    const t = computeIndicators(facts).timeToFirstJob;
    expect(t.base).toBe(2);
    expect(t.startUnknown).toBe(1);
    expect(t.within[12]).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    expect(t.median.days).toBe(30);
  });

  it("leaves everyone but employed and seeking out of the base", () => {
    const facts = (["military", "service", "education", "not_seeking", "unknown", "excluded"] as const).map((code) =>
      fact(code, { firstJobStart: "2025-07-01" }),
    );
    const t = computeIndicators(facts).timeToFirstJob;
    expect(t.base).toBe(0);
    expect(t.within[3]).toEqual({ numerator: 0, denominator: 0, value: null, smallN: true, lowerBound: false });
    expect(t.median).toEqual({ days: null, status: "no_base", base: 0, smallN: true });
  });

  it("uses calendar months clamped to the month's end (31st of the month, leap year)", () => {
    const grad = "2025-08-31";
    const within = (start: string) => {
      const w = computeIndicators([employed({}, { graduationDate: grad, firstJobStart: start })]).timeToFirstJob.within;
      return [w[3].numerator, w[6].numerator, w[12].numerator];
    };
    // 2025-08-31 + 3 months → 30 November (no 31st): on it is within 3, the day after is not
    expect(within("2025-11-30")).toEqual([1, 1, 1]);
    expect(within("2025-12-01")).toEqual([0, 1, 1]);
    // + 6 months → 2026-02-28
    expect(within("2026-02-28")).toEqual([0, 1, 1]);
    expect(within("2026-03-01")).toEqual([0, 0, 1]);
    // + 12 months → 2026-08-31
    expect(within("2026-08-31")).toEqual([0, 0, 1]);
    expect(within("2026-09-01")).toEqual([0, 0, 0]);
    // leap year: 2023-08-31 + 6 months → 2024-02-29
    const leap = computeIndicators([employed({}, { graduationDate: "2023-08-31", firstJobStart: "2024-02-29" })]);
    expect(leap.timeToFirstJob.within[6].numerator).toBe(1);
    // days across a leap day: 2024-02-28 → 2024-03-01 is 2 days
    const days = computeIndicators([employed({}, { graduationDate: "2024-02-28", firstJobStart: "2024-03-01" })]);
    expect(days.timeToFirstJob.median.days).toBe(2);
  });
});

describe("checkpointDate", () => {
  it("adds the checkpoint's calendar months, clamped to the month's last day", () => {
    expect(checkpointDate("2025-06-30", "graduation")).toBe("2025-06-30");
    expect(checkpointDate("2025-08-31", "m6")).toBe("2026-02-28");
    expect(checkpointDate("2023-08-31", "m6")).toBe("2024-02-29"); // leap year
    expect(checkpointDate("2024-02-29", "m12")).toBe("2025-02-28");
    expect(checkpointDate("2024-02-29", "m36")).toBe("2027-02-28");
    expect(checkpointDate("2025-01-31", "m6")).toBe("2025-07-31");
    expect(checkpointDate("2025-12-15", "m12")).toBe("2026-12-15");
    expect(checkpointDate("2025-07-31", "m6")).toBe("2026-01-31"); // across the year end
    expect(addCalendarMonths("2025-03-31", 1)).toBe("2025-04-30");
  });

  it("refuses a date that is not real", () => {
    expect(() => checkpointDate("2025-02-30", "m6")).toThrow(RangeError);
    expect(() => checkpointDate("31.08.2025", "m6")).toThrow(RangeError);
    expect(() => checkpointDate("", "m6")).toThrow(RangeError);
  });
});

describe("small n", () => {
  it("marks a rate at 9 and not at 10", () => {
    const nine = computeIndicators(times(9, () => employed()));
    const ten = computeIndicators(times(10, () => employed()));
    expect(nine.employmentRate).toEqual({ numerator: 9, denominator: 9, value: 1, smallN: true });
    expect(ten.employmentRate).toEqual({ numerator: 10, denominator: 10, value: 1, smallN: false });
    expect(publicView(nine).employmentRate).toEqual({ value: null, denominator: 9, hidden: true });
    expect(publicView(ten).employmentRate).toEqual({ value: 1, denominator: 10, hidden: false });
  });
});

describe("empty input", () => {
  it("divides by nothing: every value is null", () => {
    const ind = computeIndicators([]);
    expect(ind.n).toBe(0);
    expect(ind.known).toBe(0);
    expect(Object.values(ind.counts)).toEqual(OUTCOME_CODES.map(() => 0));
    for (const [path, r] of ratesOf(ind)) expect(r.value, path).toBeNull();
    expect(ind.knowledgeRate.flagged).toBe(false);
    expect(ind.timeToFirstJob.median.status).toBe("no_base");
    expect(ind.medianMonthlyPay).toEqual({ n: 0, value: null, smallN: true });
  });

  it("does the same when everyone is excluded", () => {
    const ind = computeIndicators(times(3, () => fact("excluded")));
    expect(ind.graduates).toBe(3);
    expect(ind.n).toBe(0);
    for (const [path, r] of ratesOf(ind)) expect(r.value, path).toBeNull();
  });
});

describe("an employed fact without employment details", () => {
  it("counts as employed but claims no HTP, relatedness or pay", () => {
    const ind = computeIndicators([fact("employed")]);
    expect(ind.employmentRate.numerator).toBe(1);
    expect(ind.htpPlacementRate).toMatchObject({ numerator: 0, denominator: 1 });
    expect(ind.relatedEmploymentRate).toMatchObject({ numerator: 0, denominator: 0, value: null });
    expect(ind.medianMonthlyPay.n).toBe(0);
  });
});

describe("indicatorsBy", () => {
  it("computes each group alone, in the order the keys are first met", () => {
    const a = [employed(), fact("seeking")].map((f) => ({ ...f, school: "Naryn" }));
    const b = [fact("unknown"), employed(), employed()].map((f) => ({ ...f, school: "Karakol" }));
    const facts = [b[0]!, a[0]!, b[1]!, a[1]!, b[2]!];
    const schoolOf = new Map(facts.map((f) => [f.graduateId, f.school]));
    const groups = indicatorsBy(facts, (f) => schoolOf.get(f.graduateId)!);
    expect(groups.map((g) => g.key)).toEqual(["Karakol", "Naryn"]);
    expect(groups[0]!.indicators).toEqual(computeIndicators(b));
    expect(groups[1]!.indicators).toEqual(computeIndicators(a));
    // Karakol: 2 employed / N 3; Naryn: 1 employed / N 2
    expect(groups[0]!.indicators.employmentRate.value).toBe(2 / 3);
    expect(groups[1]!.indicators.employmentRate.value).toBe(1 / 2);
    expect(indicatorsBy([], () => "x")).toEqual([]);
  });
});

describe("publicView", () => {
  it("hides small cells, keeps large ones, and never gives a numerator or the counts", () => {
    const view = publicView(computeIndicators(mainCohort()));
    expect(view.n).toBe(13);
    expect(view.employmentRate).toEqual({ value: 5 / 13, denominator: 13, hidden: false });
    expect(view.careerOutcomesRate).toEqual({ value: 0.8, denominator: 10, hidden: false });
    expect(view.htpShareOfEmployed).toEqual({ value: null, denominator: 5, hidden: true });
    expect(view.relatedEmploymentRate).toEqual({ value: null, denominator: 4, hidden: true });
    expect(view.timeToFirstJob.within[3]).toEqual({ value: null, denominator: 7, hidden: true });
    expect(view.timeToFirstJob.medianDays).toEqual({ days: null, status: null, base: 7, hidden: true });
    expect(view.medianMonthlyPay).toEqual({ value: null, n: 3, hidden: true });
    expect(JSON.stringify(view)).not.toMatch(/numerator|counts|seeking|unknown/);
  });

  it("shows the median pay and median days once 10 stand behind them", () => {
    // 10 employed, full-time, pays 10 000 … 19 000 (median 14 500), started days 1 … 10 after 2025-06-30
    const facts = times(10, () => 0).map((_, i) =>
      employed({ monthlyPay: 10_000 + i * 1_000 }, { firstJobStart: `2025-07-${String(i + 1).padStart(2, "0")}` }),
    );
    const view = publicView(computeIndicators(facts));
    expect(view.medianMonthlyPay).toEqual({ value: 14_500, n: 10, hidden: false });
    // half of 10 is 5 started: the 5th start is 2025-07-05 = day 5
    expect(view.timeToFirstJob.medianDays).toEqual({ days: 5, status: "reached", base: 10, hidden: false });
  });
});

describe("the outcomes domain modules", () => {
  it("import only each other (and zod, and the zod-only query-string fields), so pages can use them in the browser (no Remix, kysely or .server)", () => {
    const dir = "app/domain/outcomes";
    const offenders = fs.readdirSync(dir).flatMap((file) =>
      [...fs.readFileSync(`${dir}/${file}`, "utf8").matchAll(/from\s+"([^"]+)"/g)]
        .map((m) => m[1]!)
        // ~/utils/params: the shared query-string fields (zod only; docs/decisions/038).
        // ~/domain/staff/scope: the staff scope's plain type and checks (docs/decisions/063-staff-scope.md).
        .filter(
          (source) =>
            source !== "zod" &&
            source !== "~/utils/params" &&
            source !== "~/domain/staff/scope" &&
            (!/^\.\/[\w-]+$/.test(source) || source.endsWith(".server")),
        )
        .map((source) => `${file}: ${source}`),
    );
    expect(offenders).toEqual([]);
  });
});

// ---- Properties ----

const DAY_MS = 86_400_000;
const isoPlus = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const factArb: fc.Arbitrary<OutcomeFact> = fc
  .record({
    graduateId: fc.nat(),
    graduationDate: fc.constantFrom("2024-02-29", "2025-06-30", "2025-08-31", "2025-12-31"),
    outcome: fc.constantFrom(...OUTCOME_CODES),
    employment: fc.record({
      htpResident: fc.boolean(),
      related: fc.constantFrom("yes", "no", "unknown") as fc.Arbitrary<"yes" | "no" | "unknown">,
      fullTime: fc.boolean(),
      monthlyPay: fc.option(fc.integer({ min: 0, max: 300_000 })),
    }),
    startOffset: fc.option(fc.integer({ min: -300, max: 900 })),
    startedBeforeGraduation: fc.boolean(),
  })
  .map(({ employment, startOffset, ...f }) => ({
    ...f,
    employment: f.outcome === "employed" ? employment : undefined,
    firstJobStart: startOffset === null ? null : isoPlus(f.graduationDate, startOffset),
  }));

function publicValues(view: PublicIndicators): { path: string; shown: boolean; behind: number }[] {
  const out: { path: string; shown: boolean; behind: number }[] = [];
  const walk = (v: unknown, path: string) => {
    if (v === null || typeof v !== "object") return;
    const r = v as Record<string, unknown>;
    if ("hidden" in r) {
      const behind = (r.denominator ?? r.base ?? r.n) as number;
      out.push({ path, shown: r.value != null || r.days != null || r.status != null, behind });
    }
    for (const [k, child] of Object.entries(r)) walk(child, `${path}.${k}`);
  };
  walk(view, "");
  return out;
}

describe("properties", () => {
  it("every rate is in [0, 1], or null exactly when its denominator is 0", () => {
    fc.assert(
      fc.property(fc.array(factArb, { maxLength: 40 }), (facts) => {
        for (const [, r] of ratesOf(computeIndicators(facts))) {
          if (r.denominator === 0) expect(r.value).toBeNull();
          else {
            expect(r.value).not.toBeNull();
            expect(r.value!).toBeGreaterThanOrEqual(0);
            expect(r.value!).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it("adding an employed fact never lowers the employment rate", () => {
    fc.assert(
      fc.property(fc.array(factArb, { maxLength: 40 }), factArb, (facts, extra) => {
        const before = computeIndicators(facts).employmentRate;
        const after = computeIndicators([...facts, { ...extra, outcome: "employed" }]).employmentRate;
        expect(after.numerator).toBe(before.numerator + 1);
        expect(after.value!).toBeGreaterThanOrEqual(before.value ?? 0);
      }),
    );
  });

  it("excluded facts never change any rate", () => {
    fc.assert(
      fc.property(
        fc.array(factArb, { maxLength: 30 }),
        fc.array(
          factArb.map((f) => ({ ...f, outcome: "excluded" as const })),
          { maxLength: 10 },
        ),
        fc.nat(),
        (facts, excluded, at) => {
          const i = facts.length === 0 ? 0 : at % (facts.length + 1);
          const mixed = [...facts.slice(0, i), ...excluded, ...facts.slice(i)];
          const without: OutcomeIndicators = computeIndicators(facts);
          const withExcluded = computeIndicators(mixed);
          expect(withExcluded.graduates).toBe(without.graduates + excluded.length);
          expect(withExcluded.counts.excluded).toBe(without.counts.excluded + excluded.length);
          const strip = (ind: OutcomeIndicators) => ({ ...ind, graduates: 0, counts: { ...ind.counts, excluded: 0 } });
          expect(strip(withExcluded)).toEqual(strip(without));
        },
      ),
    );
  });

  it("publicView never shows a figure with fewer than 10 behind it", () => {
    fc.assert(
      fc.property(fc.array(factArb, { maxLength: 60 }), (facts) => {
        const values = publicValues(publicView(computeIndicators(facts)));
        expect(values.length).toBe(11); // 6 rates, 3 windows, median days, median pay
        for (const v of values) if (v.behind < 10) expect(v.shown, v.path).toBe(false);
      }),
    );
  });

  it("the median pay lies between the smallest and largest full-time pay", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500_000 }), { minLength: 1, maxLength: 30 }), (pays) => {
        const m = medianWholeKgs(pays)!;
        expect(m).toBeGreaterThanOrEqual(Math.min(...pays));
        expect(m).toBeLessThanOrEqual(Math.max(...pays));
      }),
    );
  });
});
