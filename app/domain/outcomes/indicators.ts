// Placement indicators per checkpoint (docs/product.md §6: NACE First-Destination rates with EQAVET beside them).
// Plain TypeScript over a list of facts, one per graduate: no Remix, no database, safe in the browser.
// The staff dashboard shows computeIndicators; the public /outcomes page shows publicView of it.

import {
  CHECKPOINT_MONTHS,
  KNOWLEDGE_RATE_FLAG,
  MIN_PAYS_FOR_MEDIAN,
  OUTCOME_CODES,
  SMALL_N,
  type Checkpoint,
  type OutcomeCode,
  type Relatedness,
} from "./codes";
import { medianWholeKgs } from "./median";
import { rate, type Rate } from "./rate";
import { type FirstJob, FirstJobTally, firstJobOf, memoisedParse, TIME_TO_JOB_WINDOWS, type TimeToFirstJob, type TimeToJobWindow } from "./time-to-job";

export { checkpointDate, addCalendarMonths } from "./calendar";
export { medianWholeKgs } from "./median";
export { rate, type Rate } from "./rate";
export { TIME_TO_JOB_WINDOWS, type TimeToJobWindow, type TimeToFirstJob } from "./time-to-job";

/** What is known of one graduate of the base at one checkpoint. */
export type OutcomeFact = {
  graduateId: number;
  /** ISO date of the cohort's graduation. */
  graduationDate: string;
  /** The current primary outcome at this checkpoint ("unknown" when there is no record). */
  outcome: OutcomeCode;
  /**
   * Only for `employed`. An employed fact without it counts as employed everywhere, but not at an HTP
   * resident, with relatedness unknown, and without a pay: nothing is claimed that was not recorded.
   */
  employment?: {
    /** The employer was an HTP resident on the record's date. */
    htpResident: boolean;
    related: Relatedness;
    /** Hours >= FULL_TIME_HOURS. */
    fullTime: boolean;
    /** KGS, whole. */
    monthlyPay: number | null;
  };
  /** Earliest known start date of the graduate's first job (any checkpoint up to this one), or null. */
  firstJobStart: string | null;
  startedBeforeGraduation?: boolean;
  /**
   * firstJobOf(this fact), when whoever keeps facts in memory has worked it out once already;
   * worked out here when absent. Must agree with the three fields above.
   */
  firstJob?: FirstJob;
};

export type MedianMonthlyPay = {
  /** Full-time employed graduates with a recorded pay: always shown beside the median. */
  n: number;
  /** Null when n < MIN_PAYS_FOR_MEDIAN (docs/product.md §6: shown only with 5 or more pays behind it). */
  value: number | null;
  /** n < SMALL_N: a pay is a cell like any rate, so it is hidden on public pages below 10 pays. */
  smallN: boolean;
};

export type OutcomeIndicators = {
  /** Every fact given, excluded ones too. */
  graduates: number;
  /** N = graduates − excluded: the cohort base. */
  n: number;
  /** known = N − unknown. */
  known: number;
  counts: Record<OutcomeCode, number>;
  /** known / N, flagged under KNOWLEDGE_RATE_FLAG. */
  knowledgeRate: Rate & { flagged: boolean };
  /** NACE: (employed + military + service + education) / (known − not_seeking). */
  careerOutcomesRate: Rate;
  /** EQAVET: employed / N — an unknown graduate counts as not placed. */
  employmentRate: Rate;
  /** Employed at an HTP resident / (known − not_seeking). */
  htpPlacementRate: Rate;
  /** Employed at an HTP resident / employed. */
  htpShareOfEmployed: Rate;
  /** Employed in a related job / employed with relatedness known (yes or no). */
  relatedEmploymentRate: Rate;
  timeToFirstJob: TimeToFirstJob;
  medianMonthlyPay: MedianMonthlyPay;
};

export type IndicatorOptions = {
  /** The checkpoint the facts belong to: time-to-job windows longer than it are marked lower bounds. */
  checkpoint?: Checkpoint;
};

/**
 * Every docs/product.md §6 indicator gathered one fact at a time, so one pass over the facts can fill
 * the total, each group and each year at once (the staff dashboard gives 100,000).
 */
export class IndicatorTally {
  private graduates = 0;
  private readonly counts = Object.fromEntries(OUTCOME_CODES.map((code) => [code, 0])) as Record<OutcomeCode, number>;
  private atHtp = 0;
  private relatedYes = 0;
  private relatedKnown = 0;
  private readonly pays: number[] = [];
  private readonly firstJobs = new FirstJobTally();
  private parse: ((iso: string) => number | null) | undefined;

  add(f: OutcomeFact): void {
    this.graduates++;
    this.counts[f.outcome]++;
    const employed = f.outcome === "employed";
    if (employed && f.employment) {
      const e = f.employment;
      if (e.htpResident === true) this.atHtp++;
      if (e.related === "yes") this.relatedYes++;
      if (e.related === "yes" || e.related === "no") this.relatedKnown++;
      if (e.fullTime === true && typeof e.monthlyPay === "number" && Number.isFinite(e.monthlyPay)) this.pays.push(e.monthlyPay);
    }
    if (employed || f.outcome === "seeking") this.firstJobs.add(f.firstJob ?? firstJobOf(f, (this.parse ??= memoisedParse())), employed);
  }

  result(options: IndicatorOptions = {}): OutcomeIndicators {
    const { counts, pays } = this;
    const n = this.graduates - counts.excluded;
    const known = n - counts.unknown;
    const reachable = known - counts.not_seeking;
    const knowledgeRate = rate(known, n);
    return {
      graduates: this.graduates,
      n,
      known,
      counts: { ...counts },
      knowledgeRate: { ...knowledgeRate, flagged: knowledgeRate.value !== null && knowledgeRate.value < KNOWLEDGE_RATE_FLAG },
      careerOutcomesRate: rate(counts.employed + counts.military + counts.service + counts.education, reachable),
      employmentRate: rate(counts.employed, n),
      htpPlacementRate: rate(this.atHtp, reachable),
      htpShareOfEmployed: rate(this.atHtp, counts.employed),
      relatedEmploymentRate: rate(this.relatedYes, this.relatedKnown),
      timeToFirstJob: this.firstJobs.result(options.checkpoint === undefined ? undefined : CHECKPOINT_MONTHS[options.checkpoint]),
      medianMonthlyPay: {
        n: pays.length,
        value: pays.length >= MIN_PAYS_FOR_MEDIAN ? medianWholeKgs(pays) : null,
        smallN: pays.length < SMALL_N,
      },
    };
  }
}

/** Every docs/product.md §6 indicator for the facts of one checkpoint (one fact per graduate). */
export function computeIndicators(facts: readonly OutcomeFact[], options: IndicatorOptions = {}): OutcomeIndicators {
  const tally = new IndicatorTally();
  for (const f of facts) tally.add(f);
  return tally.result(options);
}

/** One tally per key, in the order each key is first met (see indicatorsBy). */
export class GroupedTally<K> {
  private readonly groups = new Map<K, IndicatorTally>();

  add(key: K, fact: OutcomeFact): void {
    let tally = this.groups.get(key);
    if (!tally) this.groups.set(key, (tally = new IndicatorTally()));
    tally.add(fact);
  }

  result(options: IndicatorOptions = {}): { key: K; indicators: OutcomeIndicators }[] {
    return [...this.groups].map(([key, tally]) => ({ key, indicators: tally.result(options) }));
  }
}

/**
 * Indicators per group (school, region, cohort, sex, employer, HTP or not …), in the order each key is
 * first met; callers sort for display. An array rather than a Map so a loader can return it as JSON.
 */
export function indicatorsBy<K>(
  facts: readonly OutcomeFact[],
  keyOf: (fact: OutcomeFact) => K,
  options: IndicatorOptions = {},
): { key: K; indicators: OutcomeIndicators }[] {
  const groups = new GroupedTally<K>();
  for (const fact of facts) groups.add(keyOf(fact), fact);
  return groups.result(options);
}

// ---- The public view: small cells hidden (docs/product.md §6) ----

/** A public figure: its value only when its denominator is SMALL_N or more; never its numerator. */
export type PublicRate = { value: number | null; denominator: number; hidden: boolean };

export type PublicIndicators = {
  n: number;
  knowledgeRate: PublicRate;
  careerOutcomesRate: PublicRate;
  employmentRate: PublicRate;
  htpPlacementRate: PublicRate;
  htpShareOfEmployed: PublicRate;
  relatedEmploymentRate: PublicRate;
  timeToFirstJob: {
    within: Record<TimeToJobWindow, PublicRate>;
    /** Hidden below SMALL_N with its status too: "not reached" in a base of 4 says as much as the figure. */
    medianDays: { days: number | null; status: "reached" | "not_reached" | "no_base" | null; base: number; hidden: boolean };
  };
  medianMonthlyPay: { value: number | null; n: number; hidden: boolean };
};

function publicRate(r: Rate): PublicRate {
  return r.smallN ? { value: null, denominator: r.denominator, hidden: true } : { value: r.value, denominator: r.denominator, hidden: false };
}

/**
 * One group's figures with the primary rule only (small cells hidden). Counts per code and numerators
 * are left out: with a small denominator they would give away what the hidden value hides (2 of 3
 * employed). Not enough for a table with totals: the public page publishes public-figures.ts's
 * publishTable, which also hides what a total minus the visible rows would give away.
 */
export function publicView(indicators: OutcomeIndicators): PublicIndicators {
  const t = indicators.timeToFirstJob;
  const within = {} as Record<TimeToJobWindow, PublicRate>;
  for (const months of TIME_TO_JOB_WINDOWS) within[months] = publicRate(t.within[months]);
  const pay = indicators.medianMonthlyPay;
  return {
    n: indicators.n,
    knowledgeRate: publicRate(indicators.knowledgeRate),
    careerOutcomesRate: publicRate(indicators.careerOutcomesRate),
    employmentRate: publicRate(indicators.employmentRate),
    htpPlacementRate: publicRate(indicators.htpPlacementRate),
    htpShareOfEmployed: publicRate(indicators.htpShareOfEmployed),
    relatedEmploymentRate: publicRate(indicators.relatedEmploymentRate),
    timeToFirstJob: {
      within,
      medianDays: t.median.smallN
        ? { days: null, status: null, base: t.median.base, hidden: true }
        : { days: t.median.days, status: t.median.status, base: t.median.base, hidden: false },
    },
    medianMonthlyPay: pay.smallN ? { value: null, n: pay.n, hidden: true } : { value: pay.value, n: pay.n, hidden: false },
  };
}
