// Calendar-month arithmetic on ISO dates ("YYYY-MM-DD"), shared by checkpoints and time to first job.
// Dates are whole days with no time zone: a graduation or a job start is a day, not an instant.

import { CHECKPOINT_MONTHS, type Checkpoint } from "./codes";

const MS_PER_DAY = 86_400_000;

/** A day as the number of days since 1970-01-01. */
type DayNumber = number;

/**
 * "2025-08-31" (anything after the tenth character, such as a time, is ignored) → its day number,
 * or null when it is not a real date (2025-02-30, "", "31.08.2025").
 */
export function parseIsoDay(value: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return null;
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 30 February over into March; a rolled-over day is not the date that was written.
  if (new Date(ms).getUTCDate() !== d) return null;
  return ms / MS_PER_DAY;
}

function formatDay(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The same day of the month `months` calendar months later; when that month is shorter, its last day
 * (2025-08-31 + 6 → 2026-02-28, 2023-08-31 + 6 → 2024-02-29, 2024-02-29 + 12 → 2025-02-28).
 * Clamping, not rolling over into the next month, keeps "within 6 months" inside the sixth month.
 */
export function addCalendarMonthsToDay(day: DayNumber, months: number): DayNumber {
  const date = new Date(day * MS_PER_DAY);
  const monthIndex = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDayOfMonth)) / MS_PER_DAY;
}

/** ISO date + whole calendar months (the clamping rule of addCalendarMonthsToDay); throws on a date that is not real. */
export function addCalendarMonths(isoDate: string, months: number): string {
  const day = parseIsoDay(isoDate);
  if (day === null) throw new RangeError(`Not an ISO date: ${JSON.stringify(isoDate)}`);
  if (!Number.isInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  return formatDay(addCalendarMonthsToDay(day, months));
}

/** The date a checkpoint falls due for a cohort: graduation + CHECKPOINT_MONTHS (2025-08-31, m6 → 2026-02-28). */
export function checkpointDate(graduationDate: string, checkpoint: Checkpoint): string {
  return addCalendarMonths(graduationDate, CHECKPOINT_MONTHS[checkpoint]);
}
