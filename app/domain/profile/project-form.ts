// The project form's fields (/me/projects/:id), shared by its action and the demo generator
// (db/seed/profiles.ts), so a seeded project holds only what the form accepts.
import { z } from "zod";
import { monthInBishkek } from "~/domain/calendar";
import { optionalText, requiredText } from "~/utils/fields";

const MONTH = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;

/** A month typed as YYYY-MM (also YYYY-M), or empty; stored as YYYY-MM. */
const optionalMonth = z
  .string()
  .trim()
  .max(20, "portfolio.errors.month")
  .optional()
  .transform((v) => {
    if (!v) return null;
    const m = /^(\d{4})-(\d{1,2})$/.exec(v);
    return m ? `${m[1]}-${m[2]!.padStart(2, "0")}` : v;
  })
  .refine((v) => v === null || MONTH.test(v), "portfolio.errors.month")
  .refine((v) => v === null || v <= monthInBishkek(), "portfolio.errors.future");

const httpUrl = z.httpUrl();
/** An http(s) link, or empty. A bare "github.com/…" is read as https://github.com/…. */
const optionalUrl = z
  .string()
  .trim()
  .max(500, "errors.tooLong")
  .optional()
  .transform((v) => (!v ? null : /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`))
  .refine((v) => v === null || httpUrl.safeParse(v).success, "portfolio.errors.url");

export const ProjectSchema = z
  .object({
    title: requiredText(120),
    summary: optionalText(300),
    description: optionalText(5000),
    role: optionalText(120),
    skills: optionalText(3000),
    repoUrl: optionalUrl,
    demoUrl: optionalUrl,
    startedOn: optionalMonth,
    finishedOn: optionalMonth,
  })
  // Compared only when both are real months (a malformed one already has its own message).
  .refine((v) => !v.startedOn || !v.finishedOn || !MONTH.test(v.startedOn) || !MONTH.test(v.finishedOn) || v.finishedOn >= v.startedOn, {
    path: ["finishedOn"],
    message: "portfolio.errors.finishedBeforeStarted",
  });
