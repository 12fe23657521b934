// The rules of interview slots and offers (docs/product.md §15, docs/decisions/061-interview-slots-and-offers.md).
// Pure and Remix-free: the slot form's checks (1–3 slots typed in Bishkek time, none in the past,
// none overlapping, a length in range) and the offer's answer-by rule, unit-tested alone
// (tests/unit/interview-slots.test.ts). Error values are message keys, shown beside the field.
import type { InterviewOutcome } from "@db/schema";
import { todayInBishkek } from "~/domain/calendar";
import { bishkekLocalToUtc } from "./interview-time";

export const SLOT_RULES = {
  max: 3,
  minMinutes: 15,
  maxMinutes: 240,
  /** How far ahead a slot may be: a typo in the year should not send a calendar entry for 2062. */
  maxDaysAhead: 366,
  placeMax: 500,
  reasonMax: 1000,
} as const;

/** The slot fields of the form, in order ("slot1" … "slot3"). */
export const SLOT_FIELDS = ["slot1", "slot2", "slot3"] as const;
export type SlotField = (typeof SLOT_FIELDS)[number];

export type Slot = { start: string; end: string };
export type SlotErrors = Partial<Record<SlotField | "minutes" | "place" | "_form", string>>;

export type SlotProposal = { slots: Slot[]; minutes: number; place: string };

/**
 * Reads the slot form: `fields` is every posted field (so a fourth slot is seen and refused, not
 * dropped). Returns the slots (UTC, in the order typed) or the errors beside their fields.
 */
export function readSlotProposal(fields: Record<string, string>, now: Date): { ok: true; value: SlotProposal } | { ok: false; errors: SlotErrors } {
  const errors: SlotErrors = {};
  const extra = Object.keys(fields).filter((k) => /^slot\d+$/.test(k) && !(SLOT_FIELDS as readonly string[]).includes(k) && fields[k]!.trim() !== "");
  if (extra.length) errors._form = "interviews.errors.tooMany";

  const minutesText = (fields.minutes ?? "").trim();
  const minutes = /^\d{1,4}$/.test(minutesText) ? Number(minutesText) : NaN;
  if (!minutesText) errors.minutes = "errors.required";
  else if (!Number.isInteger(minutes) || minutes < SLOT_RULES.minMinutes || minutes > SLOT_RULES.maxMinutes) errors.minutes = "interviews.errors.minutes";

  const place = (fields.place ?? "").trim();
  if (!place) errors.place = "errors.required";
  else if (place.length > SLOT_RULES.placeMax) errors.place = "errors.tooLong";

  const latest = now.getTime() + SLOT_RULES.maxDaysAhead * 86_400_000;
  const slots: (Slot & { field: SlotField })[] = [];
  for (const field of SLOT_FIELDS) {
    const typed = (fields[field] ?? "").trim();
    if (!typed) continue;
    const start = bishkekLocalToUtc(typed);
    if (!start) errors[field] = "errors.invalid";
    else if (Date.parse(start) <= now.getTime()) errors[field] = "interviews.errors.past";
    else if (Date.parse(start) > latest) errors[field] = "interviews.errors.tooFar";
    else slots.push({ field, start, end: new Date(Date.parse(start) + (Number.isNaN(minutes) ? 0 : minutes) * 60_000).toISOString() });
  }
  if (!slots.length && !SLOT_FIELDS.some((f) => errors[f])) errors.slot1 = "errors.required";
  // Overlapping slots (the same time twice included): the later-typed one is marked.
  if (!errors.minutes) {
    slots.forEach((s, i) => {
      const clash = slots.slice(0, i).some((o) => Date.parse(s.start) < Date.parse(o.end) && Date.parse(o.start) < Date.parse(s.end));
      if (clash) errors[s.field] = "interviews.errors.overlap";
    });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { slots: slots.map(({ start, end }) => ({ start, end })), minutes, place } };
}

/** An offer may be accepted through the whole of its answer-by day in Bishkek. */
export function offerExpired(answerBy: string, now: Date | number = Date.now()): boolean {
  return answerBy < todayInBishkek(now);
}

/** An answer-by date may not be before today (Bishkek). */
export function answerByAllowed(answerBy: string, now: Date | number = Date.now()): boolean {
  return answerBy >= todayInBishkek(now);
}

/** What the employer records after an interview whose time has passed (docs/decisions/061-interview-slots-and-offers.md). */
export const INTERVIEW_OUTCOMES = ["passed", "not-passed", "no-show"] as const satisfies readonly InterviewOutcome[];
