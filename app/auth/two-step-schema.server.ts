// The code forms' schema (sign-in's second step, switching on and off). Server-only like the sign-in
// schema (app/auth/sign-in-schema.server.ts): zod stays out of the pages' first-load JavaScript.
import { z } from "zod";

/** A six-digit code or a recovery code as typed (spaces and dashes allowed); checked by checkSecondStep. */
export const CodeSchema = z.object({
  code: z.string("errors.required").trim().min(1, "errors.required").max(40, "errors.twoStepCode"),
});
