// Field schemas shared by forms. Messages are catalog keys, translated when shown.
import { z } from "zod";

/**
 * Control characters other than tab and line breaks are dropped from typed text: nobody types them, and
 * SQLite's length() stops at a NUL, so "\0\0\0" would pass the form's checks and fail a column's CHECK
 * (a 500 the hostile-input test found on team notes).
 */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const withoutControls = (s: string) => s.replace(CONTROLS, "");

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
