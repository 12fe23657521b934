// How the interview and offer routes answer a step (docs/decisions/061-interview-slots-and-offers.md):
// back to the application page with a flash, 404 when the application is not the actor's, 409 when
// the interview or offer changed meanwhile (a slot picked twice, an offer withdrawn), 410 for an
// offer past its answer-by day, 400 otherwise — each with the message beside its field and what was typed.
import { data, redirect } from "@remix-run/node";
import { getDb } from "~/db.server";
import { graduateApplicationHeader } from "~/models/interviews.server";
import type { MessageKey } from "~/i18n/messages/en";
import type { InterviewResult } from "~/models/interviews.server";
import type { OfferResult } from "~/models/offers.server";
import { cookieHeaders, type FlashKey, setFlash } from "./flash.server";
import { readForm, typedValues } from "./forms.server";
import { idParam, notFound } from "./http.server";

const INTERVIEW_ERRORS: Record<Exclude<InterviewResult, { ok: true }>["reason"], MessageKey> = {
  "not-found": "interviews.errors.changed",
  transition: "interviews.errors.changed",
  reason: "interviews.errors.reason",
  slot: "interviews.errors.slot",
  past: "interviews.errors.past",
  "not-yet": "interviews.errors.notYet",
};

export function answerInterviewStep(result: InterviewResult, form: FormData, to: string, flash: FlashKey, field = "_form") {
  if (result.ok) return redirect(to, { headers: cookieHeaders(setFlash(flash)) });
  if (result.reason === "not-found") notFound();
  const errorField = result.reason === "reason" ? "reason" : field;
  return data(
    { ok: false as const, errors: { [errorField]: INTERVIEW_ERRORS[result.reason] }, values: typedValues(form) },
    { status: result.reason === "transition" ? 409 : 400 },
  );
}

export function answerOfferStep(result: OfferResult, form: FormData, to: string, flash: FlashKey) {
  if (result.ok) return redirect(to, { headers: cookieHeaders(setFlash(flash)) });
  if (result.reason === "not-found") notFound();
  const key: MessageKey = result.reason === "expired" ? "offers.errors.expired" : "offers.errors.changed";
  return data({ ok: false as const, errors: { _form: key }, values: typedValues(form) }, { status: result.reason === "expired" ? 410 : 409 });
}

/** The graduate's interview and offer pages (after requireGraduate): their own application's header, else 404. */
export async function graduateStepApplication(graduateId: number, idValue: string | undefined) {
  const id = idParam(idValue);
  const application = await graduateApplicationHeader(getDb(), graduateId, id);
  if (!application) notFound();
  return { id, application };
}

/** A graduate's step posted to an interview or offer route (after requireGraduate): the id, the form, where success goes. */
export async function graduateStepPost(request: Request, idValue: string | undefined) {
  const id = idParam(idValue);
  return { id, form: await readForm(request), back: `/me/applications/${id}` };
}
