// The applicants list's bulk form, read (docs/decisions/059-bulk-decisions-and-undo.md): the checked
// rows (`application`, repeated), the stage each row showed (`seen:<id>`), and either a move (`to`) or
// a rejection (`template`). Field errors are message keys; pure, so the rules are unit-tested alone.
import type { ApplicationStatus } from "@db/schema";
import type { FieldErrors } from "~/utils/form-types";
import { BULK_MAX, isBulkMoveTarget } from "./bulk";
import { isApplicationStatus } from "./pipeline";

export type BulkForm = { applicationIds: number[]; seen: Record<number, ApplicationStatus>; to: ApplicationStatus; templateId: number | null };

const ID = /^\d{1,12}$/;

export function readBulkForm(form: FormData): { ok: true; data: BulkForm } | { ok: false; errors: FieldErrors } {
  const intent = form.get("intent");
  const raw = form.getAll("application").map((v) => (typeof v === "string" ? v : ""));
  const errors: FieldErrors = {};
  if (!raw.length) errors.application = "applicants.bulk.errors.none";
  else if (raw.length > BULK_MAX) errors.application = ["applicants.bulk.errors.tooMany", { max: BULK_MAX }];
  else if (!raw.every((v) => ID.test(v))) errors.application = "errors.invalid";
  const seen: Record<number, ApplicationStatus> = {};
  for (const [key, value] of form.entries()) {
    const m = /^seen:(\d{1,12})$/.exec(key);
    if (m && isApplicationStatus(value)) seen[Number(m[1])] = value;
  }
  let to: ApplicationStatus = "rejected";
  let templateId: number | null = null;
  if (intent === "move") {
    const v = form.get("to");
    if (isBulkMoveTarget(v)) to = v;
    else errors.to = v ? "errors.invalid" : "errors.required";
  } else if (intent === "reject") {
    const field = form.get("template");
    const v = typeof field === "string" ? field : "";
    if (ID.test(v)) templateId = Number(v);
    else errors.template = v ? "applicants.bulk.errors.template" : "errors.required";
  } else errors._form = "errors.invalid";
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, data: { applicationIds: raw.map(Number), seen, to, templateId } };
}
