// Time to first job over the job-seeking base (docs/product.md §6): shares within 3, 6 and 12 calendar months of
// graduation, and the median days counting the not-yet-employed as still searching.

import { SMALL_N } from "./codes";
import { addCalendarMonthsToDay, parseIsoDay } from "./calendar";
import { rate, type Rate } from "./rate";

export const TIME_TO_JOB_WINDOWS = [3, 6, 12] as const;
export type TimeToJobWindow = (typeof TIME_TO_JOB_WINDOWS)[number];

/** One graduate of the job-seeking base (outcome `employed` or `seeking`). */
export type FirstJobFact = {
  graduationDate: string;
  firstJobStart: string | null;
  startedBeforeGraduation?: boolean;
};

export type MedianDaysToFirstJob = {
  /** The first day after graduation by which at least half of the base had started a job; null when not reached. */
  days: number | null;
  /** "no_base": nobody is in the base; "not_reached": fewer than half are known to have started a job. */
  status: "reached" | "not_reached" | "no_base";
  base: number;
  smallN: boolean;
};

export type TimeToFirstJob = {
  /** Graduates whose outcome is `employed` or `seeking`: the denominator of every share here. */
  base: number;
  /** Employed graduates of the base with no known start date (see firstJobDay). */
  startUnknown: number;
  /** Share of the base whose first job started on or before graduation + 3, 6, 12 calendar months. */
  within: Record<TimeToJobWindow, Rate & { lowerBound: boolean }>;
  median: MedianDaysToFirstJob;
};

/**
 * Days from graduation to the first job's start: 0 for a job begun before graduation (by the flag or
 * by its date); null when no start is known. A graduate with no known start — the seeking who never
 * had a job, and also an employed graduate whose start date was not recorded — is not known to have
 * started within any window, so stays in the base but out of every numerator and counts as still
 * searching for the median. This can only understate placement speed, never overstate it, and
 * `startUnknown` says how many such graduates there are.
 */
export function firstJobDay(fact: FirstJobFact, parse: (iso: string) => number | null = parseIsoDay): number | null {
  if (fact.startedBeforeGraduation) return 0;
  const graduation = parse(fact.graduationDate);
  const start = fact.firstJobStart === null ? null : parse(fact.firstJobStart);
  if (graduation === null || start === null) return null;
  return Math.max(0, start - graduation);
}

/** A graduate's first job as time to first job reads it: its day, and the shortest window it started within. */
export type FirstJob = {
  /** firstJobDay: null when no start is known. */
  day: number | null;
  /** The shortest of TIME_TO_JOB_WINDOWS the job started within, or null (none, or no start known). */
  window: TimeToJobWindow | null;
};

/**
 * Within N months means started on or before the same day of the month N calendar months after
 * graduation (clamped to the month's last day; see addCalendarMonthsToDay). The windows follow each
 * graduate's own graduation date, so a group may mix cohorts. `parse` may memoise parseIsoDay: a
 * dashboard works out 100,000 facts from a handful of graduation dates.
 */
export function firstJobOf(fact: FirstJobFact, parse: (iso: string) => number | null = parseIsoDay): FirstJob {
  const day = firstJobDay(fact, parse);
  // Day 0 needs no date: a job begun before graduation is within every window.
  if (day === null || day === 0) return { day, window: day === 0 ? TIME_TO_JOB_WINDOWS[0] : null };
  const graduation = parse(fact.graduationDate);
  if (graduation === null) return { day, window: null };
  const window = TIME_TO_JOB_WINDOWS.find((months) => graduation + day <= addCalendarMonthsToDay(graduation, months)) ?? null;
  return { day, window };
}

/** parseIsoDay with each distinct date parsed once. */
export function memoisedParse(): (iso: string) => number | null {
  const parsed = new Map<string, number | null>();
  return (iso) => {
    let day = parsed.get(iso);
    if (day === undefined) {
      day = parseIsoDay(iso);
      parsed.set(iso, day);
    }
    return day;
  };
}

/** What time to first job is made of, gathered in one pass over the job-seeking base (see computeIndicators). */
export class FirstJobTally {
  base = 0;
  startUnknown = 0;
  /** How many started within each window and no shorter one (summed up to each window in result). */
  private readonly startedIn = TIME_TO_JOB_WINDOWS.map(() => 0);
  /** The known first-job days; the base's others are still searching. */
  private readonly known: number[] = [];

  /** One graduate of the job-seeking base (`employed` or `seeking`). */
  add(firstJob: FirstJob, employed: boolean): void {
    this.base++;
    if (firstJob.day !== null) this.known.push(firstJob.day);
    else if (employed) this.startUnknown++;
    const window = firstJob.window;
    if (window !== null) this.startedIn[TIME_TO_JOB_WINDOWS.indexOf(window)]!++;
  }

  /**
   * `observedMonths` (the checkpoint's months, when known) marks windows longer than the time observed:
   * their shares are lower bounds, as jobs starting after the checkpoint are not yet recorded.
   */
  result(observedMonths?: number): TimeToFirstJob {
    const within = {} as TimeToFirstJob["within"];
    let started = 0;
    TIME_TO_JOB_WINDOWS.forEach((months, w) => {
      started += this.startedIn[w]!;
      within[months] = { ...rate(started, this.base), lowerBound: observedMonths !== undefined && months > observedMonths };
    });
    return { base: this.base, startUnknown: this.startUnknown, within, median: medianOfKnownDays(this.known, this.base) };
  }
}

/**
 * The first day d at which started(d) * 2 >= base, i.e. at least half of the base had started a job
 * (exactly half counts: with 4 graduates and starts on days 10 and 20, the median is day 20).
 * Graduates with no known start (null) stay in the base as still searching.
 */
export function medianDaysToFirstJob(days: readonly (number | null)[]): MedianDaysToFirstJob {
  return medianOfKnownDays(
    days.filter((d): d is number => d !== null),
    days.length,
  );
}

/** medianDaysToFirstJob of a base of `base` graduates of whom these days are known (the others still searching). */
function medianOfKnownDays(knownDays: readonly number[], base: number): MedianDaysToFirstJob {
  const smallN = base < SMALL_N;
  if (base === 0) return { days: null, status: "no_base", base, smallN };
  const needed = Math.ceil(base / 2);
  if (knownDays.length < needed) return { days: null, status: "not_reached", base, smallN };
  // A typed array sorts numbers without a comparator call per pair.
  const known = Float64Array.from(knownDays).sort();
  return { days: known[needed - 1]!, status: "reached", base, smallN };
}
