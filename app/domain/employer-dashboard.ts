// The employer dashboard's rules (docs/product.md §15, docs/decisions/058-employer-dashboard.md):
// which week "this week" is, when an application has waited too long for a first answer, and the
// time-to-hire medians. Pure, so the figures are unit-tested with hand-computed cases
// (tests/unit/employer-dashboard.test.ts); the queries are in app/models/employer-dashboard.server.ts.
import type { ApplicationStatus } from "@db/schema";
import { bishkekDayStartUtc, nextDay, todayInBishkek } from "./calendar";

const DAY_MS = 86_400_000;

/** The stages counted per open vacancy: new (applied, not yet answered), in progress (screening), interview, offer. */
export const DASHBOARD_STAGES = ["applied", "screening", "interview", "offer"] as const satisfies readonly ApplicationStatus[];
export type DashboardStage = (typeof DASHBOARD_STAGES)[number];

/** An application waiting longer than this many days for the employer's first answer is listed. */
export const WAITING_DAYS = 5;
/** Time-to-hire is counted over applications made in this many days before today. */
export const TIME_TO_HIRE_PERIOD_DAYS = 365;
/** A median of fewer applications than this is "not enough data", not a figure. */
export const MIN_SAMPLE = 3;
/** Best-matching graduates shown per open vacancy. */
export const BEST_MATCHES = 3;
/** The longest list of waiting applications shown (the count says how many there are). */
export const WAITING_SHOWN = 10;

/** The Bishkek calendar week (Monday to Sunday) holding `now`: its days and its span as UTC instants [from, to). */
export function bishkekWeek(now: Date | number = Date.now()): { firstDay: string; lastDay: string; from: string; to: string } {
  const today = todayInBishkek(now);
  const weekday = (new Date(`${today}T00:00:00.000Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const firstDay = new Date(Date.parse(`${today}T00:00:00.000Z`) - weekday * DAY_MS).toISOString().slice(0, 10);
  const lastDay = new Date(Date.parse(`${firstDay}T00:00:00.000Z`) + 6 * DAY_MS).toISOString().slice(0, 10);
  return { firstDay, lastDay, from: bishkekDayStartUtc(firstDay), to: bishkekDayStartUtc(nextDay(lastDay)) };
}

/** The instant before which an application still unanswered has waited longer than WAITING_DAYS. */
export function waitingCutoff(now: Date | number = Date.now()): string {
  return new Date((typeof now === "number" ? now : now.getTime()) - WAITING_DAYS * DAY_MS).toISOString();
}

/** Whole days an application has waited since it was made (for "waiting 6 days"). */
export function daysWaiting(appliedAt: string, now: Date | number = Date.now()): number {
  return Math.floor(((typeof now === "number" ? now : now.getTime()) - Date.parse(appliedAt)) / DAY_MS);
}

/** The first day of the time-to-hire period (a Bishkek date), and the instant it starts. */
export function timeToHirePeriod(now: Date | number = Date.now()): { firstDay: string; from: string } {
  const today = todayInBishkek(now);
  const firstDay = new Date(Date.parse(`${today}T00:00:00.000Z`) - TIME_TO_HIRE_PERIOD_DAYS * DAY_MS).toISOString().slice(0, 10);
  return { firstDay, from: bishkekDayStartUtc(firstDay) };
}

/** The median of a list (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One application's history as time-to-hire reads it: when it was made, and when it first reached each step. */
export type HireHistory = { appliedAt: string; answeredAt: string | null; interviewAt: string | null; hiredAt: string | null };

/** A median in days (one decimal) and the number of applications it is made of; days null = not enough data. */
export type MedianDays = { days: number | null; n: number };
export type TimeToHire = { firstAnswer: MedianDays; interview: MedianDays; hire: MedianDays };

function medianDays(histories: readonly HireHistory[], step: (h: HireHistory) => string | null, minSample: number): MedianDays {
  const spans: number[] = [];
  for (const h of histories) {
    const at = step(h);
    if (at === null) continue;
    // Never negative: a step recorded in the same instant as the application is 0 days.
    spans.push(Math.max(0, Date.parse(at) - Date.parse(h.appliedAt)) / DAY_MS);
  }
  const m = spans.length >= minSample ? median(spans) : null;
  return { days: m === null ? null : Math.round(m * 10) / 10, n: spans.length };
}

/**
 * Median days from application to the employer's first answer (screening or a rejection), to the
 * interview stage and to the hire, each over the applications that reached that step.
 */
export function timeToHire(histories: readonly HireHistory[], minSample = MIN_SAMPLE): TimeToHire {
  return {
    firstAnswer: medianDays(histories, (h) => h.answeredAt, minSample),
    interview: medianDays(histories, (h) => h.interviewAt, minSample),
    hire: medianDays(histories, (h) => h.hiredAt, minSample),
  };
}
