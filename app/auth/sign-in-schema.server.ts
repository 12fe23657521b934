// The sign-in form's schema. Server-only on purpose: zod and the shared field schemas are made at
// module level, and imported from the route module they pulled all of zod (~90 KB gzip) into
// the sign-in page's first-load JavaScript.
import { z } from "zod";
import { email } from "~/utils/fields";

export const SignInSchema = z.object({
  email,
  password: z.string("errors.required").min(1, "errors.required").max(200, "errors.passwordLong"),
  redirectTo: z.string().max(2000).optional(),
});
