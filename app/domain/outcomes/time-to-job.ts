// Time to first job over the job-seeking base (DESIGN §6): shares within 3, 6 and 12 calendar months of
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

/**
 * Within N months means started on or before the same day of the month N calendar months after
 * graduation (clamped to the month's last day; see addCalendarMonthsToDay). The windows follow each
 * graduate's own graduation date, so a group may mix cohorts.
 * `observedMonths` (the checkpoint's months, when known) marks windows longer than the time observed:
 * their shares are lower bounds, as jobs starting after the checkpoint are not yet recorded.
 */
export function timeToFirstJob(base: readonly (FirstJobFact & { employed: boolean })[], observedMonths?: number): TimeToFirstJob {
  // Many graduates share a graduation date and start dates repeat: each distinct date is parsed once.
  const parsed = new Map<string, number | null>();
  const parse = (iso: string) => {
    let day = parsed.get(iso);
    if (day === undefined) {
      day = parseIsoDay(iso);
      parsed.set(iso, day);
    }
    return day;
  };
  const days = base.map((fact) => firstJobDay(fact, parse));
  const startUnknown = base.filter((fact, i) => fact.employed && days[i] === null).length;

  // A dashboard passes 100,000 facts from a handful of graduation dates: each date's window ends are
  // worked out once, not once per graduate and window.
  const windowEnds = new Map<string, (number | null)[]>();
  const endsOf = (graduationDate: string) => {
    let ends = windowEnds.get(graduationDate);
    if (!ends) {
      const graduation = parseIsoDay(graduationDate);
      ends = TIME_TO_JOB_WINDOWS.map((months) => (graduation === null ? null : addCalendarMonthsToDay(graduation, months) - graduation));
      windowEnds.set(graduationDate, ends);
    }
    return ends;
  };
  const within = {} as TimeToFirstJob["within"];
  TIME_TO_JOB_WINDOWS.forEach((months, w) => {
    let started = 0;
    base.forEach((fact, i) => {
      const d = days[i];
      if (d === null || d === undefined) return;
      // Day 0 needs no date: a job begun before graduation is within every window.
      const end = endsOf(fact.graduationDate)[w];
      if (d === 0 || (end !== null && end !== undefined && d <= end)) started++;
    });
    within[months] = { ...rate(started, base.length), lowerBound: observedMonths !== undefined && months > observedMonths };
  });

  return { base: base.length, startUnknown, within, median: medianDaysToFirstJob(days) };
}

/**
 * The first day d at which started(d) * 2 >= base, i.e. at least half of the base had started a job
 * (exactly half counts: with 4 graduates and starts on days 10 and 20, the median is day 20).
 * Graduates with no known start (null) stay in the base as still searching.
 */
export function medianDaysToFirstJob(days: readonly (number | null)[]): MedianDaysToFirstJob {
  const base = days.length;
  const smallN = base < SMALL_N;
  if (base === 0) return { days: null, status: "no_base", base, smallN };
  const known = days.filter((d): d is number => d !== null).sort((a, b) => a - b);
  const needed = Math.ceil(base / 2);
  if (known.length < needed) return { days: null, status: "not_reached", base, smallN };
  return { days: known[needed - 1]!, status: "reached", base, smallN };
}
