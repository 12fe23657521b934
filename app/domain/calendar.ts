// One calendar for the whole portal: Asia/Bishkek. A deadline, a checkpoint, "available now", a
// date typed in a form or an audit filter is a day there (docs/product.md §4), whatever the server's own
// time zone, so "today" comes from here and nowhere else (tests/unit/calendar.test.ts keeps it so).
// Kyrgyzstan has kept UTC+6 all year since 2005 (no daylight saving): a Bishkek day is a fixed
// UTC span, 18:00 UTC the evening before to 18:00 UTC.

export const PORTAL_TIME_ZONE = "Asia/Bishkek";
const BISHKEK_OFFSET_MS = 6 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Bishkek wall clock as a UTC-shaped instant: read its UTC fields to get Bishkek's. */
function bishkekClock(now: Date | number): Date {
  return new Date((typeof now === "number" ? now : now.getTime()) + BISHKEK_OFFSET_MS);
}

/** An instant's Bishkek wall-clock time as an ISO string ("2027-02-15T10:00:00.000" + "Z" read as Bishkek's): for times shown or written in calendars. */
export function bishkekWallClockIso(at: string | Date | number): string {
  return bishkekClock(typeof at === "string" ? Date.parse(at) : at).toISOString();
}

/** Today's date in Bishkek, "YYYY-MM-DD" (from 18:00 UTC it is already tomorrow there). */
export function todayInBishkek(now: Date | number = Date.now()): string {
  return bishkekClock(now).toISOString().slice(0, 10);
}

/** This month in Bishkek, "YYYY-MM". */
export function monthInBishkek(now: Date | number = Date.now()): string {
  return todayInBishkek(now).slice(0, 7);
}

/** The instant (ISO, UTC) a Bishkek calendar day begins: 2026-03-10 → 2026-03-09T18:00:00.000Z. */
export function bishkekDayStartUtc(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - BISHKEK_OFFSET_MS).toISOString();
}

/** The calendar day after an ISO date. */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);
}
