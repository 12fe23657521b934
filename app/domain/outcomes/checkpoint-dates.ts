// Calendar arithmetic for checkpoints (docs/product.md §6): +6 months of 2025-08-31 is 2026-02-28, not
// March 3rd. Pure and safe in the browser; dates are ISO calendar dates (YYYY-MM-DD).
import { addCalendarMonths, checkpointDate } from "./calendar";
import { CHECKPOINTS, type Checkpoint } from "./codes";

/** A follow-up is "due" from its checkpoint date for this many days, "overdue" after. */
export const DUE_DAYS = 30;

/** Adds calendar months to an ISO date, clamping to the last day of the target month (calendar.ts). */
export const addMonths = addCalendarMonths;
export { checkpointDate };

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every checkpoint of a cohort with its date. */
export function checkpointDates(graduationDate: string): { checkpoint: Checkpoint; date: string }[] {
  return CHECKPOINTS.map((checkpoint) => ({ checkpoint, date: checkpointDate(graduationDate, checkpoint) }));
}

/**
 * The checkpoint a situation that begins on `date` belongs to: the latest checkpoint whose
 * date is on or before it; a job begun before graduation belongs to graduation.
 */
export function checkpointOn(graduationDate: string, date: string): { checkpoint: Checkpoint; beforeGraduation: boolean } {
  let found: Checkpoint = "graduation";
  for (const { checkpoint, date: at } of checkpointDates(graduationDate)) if (at <= date) found = checkpoint;
  return { checkpoint: found, beforeGraduation: date < graduationDate };
}

/**
 * The checkpoint a hire fills (docs/product.md §6, as-of rule; docs/decisions/021): the first whose date is on
 * or after the job's start, as a record at a checkpoint describes the graduate on that date. A job
 * begun before graduation fills graduation; one starting after the last checkpoint fills none.
 */
export function hireCheckpoint(graduationDate: string, startDate: string): Checkpoint | null {
  for (const { checkpoint, date } of checkpointDates(graduationDate)) if (startDate <= date) return checkpoint;
  return null;
}

/** Checkpoints the follow-up list chases (+36 months is optional, docs/product.md §6). */
export const FOLLOW_UP_CHECKPOINTS = ["graduation", "m6", "m12"] as const satisfies readonly Checkpoint[];

export type FollowUpState = "due" | "overdue";

/**
 * Which checkpoint of a cohort staff should be chasing today, if any: the latest one reached,
 * due for DUE_DAYS from its date and overdue after that, until the next checkpoint is reached
 * (then that one is chased instead; m12 stays overdue until the +36 months date).
 */
export function followUpCheckpoint(graduationDate: string, today: string): { checkpoint: Checkpoint; date: string; state: FollowUpState } | null {
  const dates = checkpointDates(graduationDate);
  let chosen: { checkpoint: Checkpoint; date: string } | null = null;
  for (const c of dates) if (c.date <= today) chosen = c;
  if (!chosen || !(FOLLOW_UP_CHECKPOINTS as readonly Checkpoint[]).includes(chosen.checkpoint)) return null;
  const state: FollowUpState = today <= addDays(chosen.date, DUE_DAYS) ? "due" : "overdue";
  return { ...chosen, state };
}
