// How the applicants lists answer their bulk form (docs/decisions/059-bulk-decisions-and-undo.md): bad
// input is a 400 with the message beside the field and the checked rows kept; an application of another
// company a 404 with nothing written; a selection none of which could move a 409 saying why for each;
// otherwise the action's result page, where it can be undone.
import { data, redirect } from "@remix-run/node";
import { readBulkForm } from "~/domain/applications/bulk-form";
import type { BulkResult } from "~/models/bulk-actions.server";
import type { MessageKey } from "~/i18n/messages/en";
import { cookieHeaders, setFlash } from "./flash.server";
import { typedValues } from "./forms.server";
import { notFound } from "./http.server";

export { readBulkForm };

const checkedOf = (form: FormData) =>
  form
    .getAll("application")
    .filter((v): v is string => typeof v === "string")
    .slice(0, 500);

export function bulkInvalid(form: FormData, errors: ReturnType<typeof readBulkForm> & { ok: false }) {
  return data({ ok: false as const, errors: errors.errors, values: typedValues(form), checked: checkedOf(form), skipped: [] }, { status: 400 });
}

export function answerBulk(result: BulkResult, form: FormData) {
  if (!result.ok) {
    if (result.reason === "not-found") notFound();
    const errors =
      result.reason === "template"
        ? { template: "applicants.bulk.errors.template" satisfies MessageKey }
        : { application: "applicants.bulk.errors.none" satisfies MessageKey };
    return data({ ok: false as const, errors, values: typedValues(form), checked: checkedOf(form), skipped: [] }, { status: 400 });
  }
  if (result.bulkId === null)
    return data(
      {
        ok: false as const,
        errors: { _form: "applicants.bulk.errors.nothing" satisfies MessageKey },
        values: typedValues(form),
        checked: checkedOf(form),
        skipped: result.skipped,
      },
      { status: 409 },
    );
  return redirect(`/employer/bulk-actions/${result.bulkId}`, { headers: cookieHeaders(setFlash("applicants.flash.bulkDone")) });
}
