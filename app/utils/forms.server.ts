// One way to read a posted form: zod at the boundary, field errors as message keys
// (translated on the page), typed values returned so the form can show them again.
import { data } from "@remix-run/node";
import type { z } from "zod";
import { en, type MessageKey } from "~/i18n/messages/en";

import type { FieldErrors, FormFailureData } from "./form-types";

export type { FieldErrors };
export type FormFailure = FormFailureData;
export type FormSuccess<T> = { ok: true; data: T };

const SECRET_FIELDS = /password/i;

/** What was typed, minus passwords, for re-displaying a rejected form. */
export function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !SECRET_FIELDS.test(key)) values[key] = value.slice(0, 10_000);
  }
  return values;
}

function toMessageKey(message: string | undefined, fieldValue: unknown): MessageKey {
  if (message && Object.prototype.hasOwnProperty.call(en, message)) return message as MessageKey;
  return fieldValue === undefined || fieldValue === "" ? "errors.required" : "errors.invalid";
}

/** Reads single-valued fields (the last one wins if a field is repeated) and validates them. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormSuccess<z.output<S>> | FormFailure {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) raw[key] = typeof value === "string" ? value : undefined;
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= toMessageKey(issue.message, raw[field]);
  }
  return { ok: false, errors, values: typedValues(formData) };
}

/** A 400 answer that keeps what was typed and says what is wrong, field by field. */
export function invalid(errors: FieldErrors, formData: FormData) {
  return data({ ok: false as const, errors, values: typedValues(formData) }, { status: 400 });
}

export function rejected(failure: FormFailure) {
  return data({ ok: false as const, errors: failure.errors, values: failure.values }, { status: 400 });
}

/** Reads the body as a form, answering 400 (never 500) when it is not one. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw data({ reason: "bad-request" }, { status: 400 });
  }
}
