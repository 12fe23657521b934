// The profile form's fields ("basics" on /me/profile), shared by its action and the demo
// generator (db/seed/profiles.ts), so a seeded profile holds only what the form accepts.
import { z } from "zod";
import { isoDate, optionalText } from "~/utils/fields";
import { REMOTE_PREFERENCES, VISIBILITIES } from "./options";

const optionalEmail = z
  .string()
  .trim()
  .max(254, "errors.tooLong")
  .optional()
  .transform((v) => (v ? v.toLowerCase() : null))
  .pipe(z.union([z.null(), z.email("errors.email")]));

export const BasicsSchema = z.object({
  intent: z.literal("basics"),
  headline: optionalText(120),
  about: optionalText(3000),
  regionId: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .pipe(z.number().int().positive("errors.invalid").nullable()),
  city: optionalText(80),
  relocate: z.literal("on").optional(),
  remote: z.union([z.enum(REMOTE_PREFERENCES as [string, ...string[]], "errors.invalid"), z.literal("")]).optional(),
  availableFrom: z.union([isoDate, z.literal("")]).optional(),
  contactEmail: optionalEmail,
  contactPhone: optionalText(40).pipe(
    z
      .string()
      .regex(/^\+?[0-9 ()-]{6,20}$/, "errors.invalid")
      .nullable(),
  ),
  contactTelegram: optionalText(40).pipe(
    z
      .string()
      .regex(/^@?[A-Za-z0-9_]{5,32}$/, "errors.invalid")
      .nullable(),
  ),
  visibility: z.enum(VISIBILITIES as [string, ...string[]], "errors.invalid"),
});
