// Field schemas shared by forms. Messages are catalog keys, translated when shown.
import { z } from "zod";

/**
 * Control characters other than tab and line breaks are dropped from typed text: nobody types them, and
 * SQLite's length() stops at a NUL, so "\0\0\0" would pass the form's checks and fail a column's CHECK
 * (a 500 the hostile-input test found on team notes).
 */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/**
 * So are bidi controls and invisible format marks (REVIEW18 F5): an U+202E in a team note or a message
 * reversed the rest of the line for its readers. Embeddings, overrides and isolates (U+202A–E, U+2066–9),
 * direction marks (U+200E/F, U+061C), zero-width space, word joiner and invisible operators (U+200B,
 * U+2060–4), the BOM (U+FEFF) and the soft hyphen. ZWNJ and ZWJ (U+200C/D) stay: they are spelling in
 * some scripts and join emoji (docs/decisions/067-data-retention.md, "Review 18").
 */
const FORMAT_MARKS = /[\u00AD\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const withoutControls = (s: string) => s.replace(CONTROLS, "").replace(FORMAT_MARKS, "");

export const requiredText = (max = 200) =>
  z.string("errors.required").transform(withoutControls).pipe(z.string().trim().min(1, "errors.required").max(max, "errors.tooLong"));

export const optionalText = (max = 2000) =>
  z
    .string()
    .transform(withoutControls)
    .pipe(z.string().trim().max(max, "errors.tooLong"))
    .optional()
    .transform((v) => (v ? v : null));

export const email = z.string("errors.required").trim().min(1, "errors.required").max(254, "errors.tooLong").toLowerCase().pipe(z.email("errors.email"));

export const newPassword = z.string("errors.required").min(1, "errors.required").min(10, "errors.passwordShort").max(200, "errors.passwordLong");

export const isoDate = z
  .string("errors.required")
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.date")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "errors.date");

export const slug = z
  .string("errors.required")
  .trim()
  .min(2, "errors.tooShort")
  .max(60, "errors.tooLong")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "errors.slugFormat");

export const positiveId = z.coerce.number("errors.required").int("errors.invalid").positive("errors.required").max(Number.MAX_SAFE_INTEGER, "errors.invalid");

/** A module's score as typed (0–100, whole); empty means none. */
export const moduleScore = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .pipe(z.number("errors.invalid").int("errors.invalid").min(0, "errors.invalid").max(100, "errors.invalid").nullable());
