// Whether a company counted as an HTP resident on a given day (docs/product.md §6): outcomes count
// "employed at an HTP resident" by it.
import { todayInBishkek } from "~/domain/calendar";

/** The Bishkek calendar day of a UTC timestamp ("2025-01-10T20:00:00Z" → "2025-01-11"), by the one calendar. */
function bishkekDay(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso.slice(0, 10) : todayInBishkek(ms);
}

/**
 * Whether a job at this company was at an HTP resident on the day it started: the company is verified
 * and was verified on or before that day. The portal keeps no history of residency beyond the
 * verification date, so that date stands for "HTP resident since" (a verified company with no recorded
 * date counts as verified). `day` null (no start date known) → today's status.
 */
export function htpOnDay(company: { status: string; verified_at: string | null }, day: string | null): boolean {
  if (company.status !== "verified") return false;
  if (!company.verified_at || !day) return true;
  return bishkekDay(company.verified_at) <= day;
}
