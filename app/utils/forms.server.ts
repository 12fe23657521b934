// One way to read a posted form: zod at the boundary, field errors as message keys
// (translated on the page), typed values returned so the form can show them again.
import { data } from "@remix-run/node";
import type { z } from "zod";
import { en, type MessageKey } from "~/i18n/messages/en";
import { isMessageKey } from "~/i18n/translate";

import type { FieldErrors, FormFailureData } from "./form-types";
import { type BodyLimits, FORM_LIMITS, readBoundedForm } from "./request-body.server";

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
  if (message && isMessageKey(en, message)) return message;
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

/**
 * Reads the body as a form within the route's limits (request-body.server.ts), answering 400
 * (never 500) when it is not one and 413 when it is larger than the route accepts.
 */
export async function readForm(request: Request, limits: BodyLimits = FORM_LIMITS): Promise<FormData> {
  const read = await readBoundedForm(request, limits);
  if (read.ok) return read.form;
  throw data({ reason: read.status === 413 ? "too-large" : "bad-request" }, { status: read.status });
}

/** 429 with Retry-After: a throttle refused the attempt before anything was checked. */
export function throttled(verdict: { retryAfterMinutes: number }, formData: FormData) {
  return data(
    { ok: false as const, errors: { _form: ["errors.throttled", { minutes: verdict.retryAfterMinutes }] as const }, values: typedValues(formData) },
    { status: 429, headers: { "Retry-After": String(verdict.retryAfterMinutes * 60) } },
  );
}
