// How the employer's and the graduate's application pages answer a step along the pipeline.
import { data, redirect } from "@remix-run/node";
import type { MessageKey } from "~/i18n/messages/en";
import type { TransitionResult } from "~/models/applications.server";
import { cookieHeaders, type FlashKey, setFlash } from "./flash.server";
import { typedValues } from "./forms.server";
import { notFound } from "./http.server";

/**
 * 404 when the application is not the actor's; 409 with what was typed kept when the step is not
 * allowed from the current status (someone else moved it first); otherwise back to `to` with a flash.
 */
export function answerTransition(result: TransitionResult, form: FormData, options: { errorField: string; to: string; flash: FlashKey }) {
  if (!result.ok) {
    if (result.reason === "not-found") notFound();
    // A colleague moved it first: say where it is now (docs/decisions/059-bulk-decisions-and-undo.md).
    if (result.reason === "conflict")
      return data(
        { ok: false as const, errors: { [options.errorField]: `applicants.conflict.${result.current}` satisfies MessageKey }, values: typedValues(form) },
        { status: 409 },
      );
    return data(
      { ok: false as const, errors: { [options.errorField]: "applications.errors.transition" satisfies MessageKey }, values: typedValues(form) },
      { status: 409 },
    );
  }
  return redirect(options.to, { headers: cookieHeaders(setFlash(options.flash)) });
}
