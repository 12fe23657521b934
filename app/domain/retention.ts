// Data retention (docs/product.md §8 and §16, docs/decisions/067-data-retention.md): how long three
// kinds of personal text are kept, set by an admin in whole months (or kept for good), and the day
// from which what is older goes. Pure: the settings' shape, the form's rules, the cut-off instant.
import { z } from "zod";
import { addCalendarMonths } from "~/domain/outcomes/calendar";
import { bishkekDayStartUtc, todayInBishkek } from "~/domain/calendar";

/**
 * surveyText: the job title a graduate typed in a survey answer (the answer's figures stay);
 * messages: conversation messages with their attachments; rejected: rejected applications with everything
 * that hangs on them.
 */
export const RETENTION_KINDS = ["surveyText", "messages", "rejected"] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** Months per kind; null keeps it for good (the default: nothing is removed until an admin chooses). */
export type RetentionSettings = Record<RetentionKind, number | null>;

export const KEEP_FOREVER: RetentionSettings = { surveyText: null, messages: null, rejected: null };

export const MIN_RETENTION_MONTHS = 1;
export const MAX_RETENTION_MONTHS = 120;

/** The settings table's key of each kind. */
export const RETENTION_SETTING_KEYS: Record<RetentionKind, string> = {
  surveyText: "retention.survey_text_months",
  messages: "retention.message_months",
  rejected: "retention.rejected_months",
};

/** A stored value: "keep" (or nothing, or anything damaged) keeps; a whole number in range is months. */
export function parseStoredMonths(value: string | null | undefined): number | null {
  if (value == null || !/^\d{1,3}$/.test(value)) return null;
  const n = Number(value);
  return n >= MIN_RETENTION_MONTHS && n <= MAX_RETENTION_MONTHS ? n : null;
}

export const storedMonths = (months: number | null): string => (months === null ? "keep" : String(months));

/** A typed period: empty keeps for good; else whole months 1–120 ("12", not "12.5", "1e1" or "-3"). */
const monthsField = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const s = (v ?? "").trim();
    if (s === "") return null;
    const n = /^\d{1,3}$/.test(s) ? Number(s) : NaN;
    if (!(n >= MIN_RETENTION_MONTHS && n <= MAX_RETENTION_MONTHS)) {
      ctx.addIssue({ code: "custom", message: "retention.errors.months" });
      return z.NEVER;
    }
    return n;
  });

/** The admin's form: one field per kind (the form's names are the kinds). */
export const RetentionSchema = z
  .object({ surveyText: monthsField, messages: monthsField, rejected: monthsField })
  .transform((v): RetentionSettings => ({ surveyText: v.surveyText, messages: v.messages, rejected: v.rejected }));

/**
 * The instant before which a kind kept `months` is removed, for a run at `now`: the start of the Bishkek
 * day `months` calendar months before today (kept 6 months on 2027-03-10: what was written before
 * 2026-09-10 in Bishkek goes). Whole days, so every run of a day cuts at the same instant.
 */
export function retentionCutoff(now: Date, months: number): string {
  return bishkekDayStartUtc(addCalendarMonths(todayInBishkek(now), -months));
}
