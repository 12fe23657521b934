// The slot form's rules and the offer's answer-by day (app/domain/applications/interview-slots.ts,
// docs/decisions/061-interview-slots-and-offers.md): slots typed in Bishkek time (UTC+6), none in the
// past, none more than a year ahead, none overlapping, 1–3 of them, a length of 15–240 minutes.
import { describe, expect, it } from "vitest";
import { answerByAllowed, offerExpired, readSlotProposal } from "~/domain/applications/interview-slots";

/** 1 December 2026, 12:00 in Bishkek. */
const NOW = new Date("2026-12-01T06:00:00.000Z");
const form = (fields: Record<string, string>) => readSlotProposal({ minutes: "60", place: "Офис", ...fields }, NOW);

describe("reading the slot form", () => {
  it("reads up to three slots as UTC instants in the order typed, each as long as the interview", () => {
    const r = form({ slot1: "2026-12-03T10:00", slot2: "", slot3: "2026-12-02T15:30" });
    expect(r).toEqual({
      ok: true,
      value: {
        slots: [
          { start: "2026-12-03T04:00:00.000Z", end: "2026-12-03T05:00:00.000Z" },
          { start: "2026-12-02T09:30:00.000Z", end: "2026-12-02T10:30:00.000Z" },
        ],
        minutes: 60,
        place: "Офис",
      },
    });
  });

  it("a slot at or before now is in the past; one more than a year ahead is refused; an impossible date is invalid", () => {
    expect(form({ slot1: "2026-12-01T12:00" })).toEqual({ ok: false, errors: { slot1: "interviews.errors.past" } });
    expect(form({ slot1: "2026-12-01T12:01" }).ok).toBe(true);
    expect(form({ slot1: "2027-12-05T10:00" })).toEqual({ ok: false, errors: { slot1: "interviews.errors.tooFar" } });
    expect(form({ slot1: "2027-02-30T10:00" })).toEqual({ ok: false, errors: { slot1: "errors.invalid" } });
  });

  it("overlapping slots: the later-typed one is marked; back to back is fine", () => {
    expect(form({ slot1: "2026-12-03T10:00", slot2: "2026-12-03T10:59" })).toEqual({ ok: false, errors: { slot2: "interviews.errors.overlap" } });
    expect(form({ slot1: "2026-12-03T10:00", slot2: "2026-12-03T10:00" })).toEqual({ ok: false, errors: { slot2: "interviews.errors.overlap" } });
    expect(form({ slot1: "2026-12-03T10:00", slot2: "2026-12-03T11:00" }).ok).toBe(true);
  });

  it("at least one slot, at most three, a length from 15 to 240 minutes and a place", () => {
    expect(form({})).toEqual({ ok: false, errors: { slot1: "errors.required" } });
    expect(form({ slot1: "2026-12-03T10:00", slot4: "2026-12-04T10:00" })).toEqual({ ok: false, errors: { _form: "interviews.errors.tooMany" } });
    for (const minutes of ["14", "241", "-30", "1.5", "1e2", "sixty"]) expect(form({ slot1: "2026-12-03T10:00", minutes }).ok, minutes).toBe(false);
    expect(form({ slot1: "2026-12-03T10:00", minutes: "" })).toEqual({ ok: false, errors: { minutes: "errors.required" } });
    expect(form({ slot1: "2026-12-03T10:00", minutes: "240" }).ok).toBe(true);
    expect(form({ slot1: "2026-12-03T10:00", place: " " })).toEqual({ ok: false, errors: { place: "errors.required" } });
    expect(form({ slot1: "2026-12-03T10:00", place: "x".repeat(501) })).toEqual({ ok: false, errors: { place: "errors.tooLong" } });
  });
});

describe("the offer's answer-by day (Bishkek)", () => {
  it("may be today, not yesterday; accepting works through the whole day and not after it ends in Bishkek", () => {
    expect(answerByAllowed("2026-12-01", NOW)).toBe(true);
    expect(answerByAllowed("2026-11-30", NOW)).toBe(false);
    expect(offerExpired("2026-12-01", new Date("2026-12-01T17:59:59.000Z"))).toBe(false);
    // 18:00 UTC is midnight in Bishkek: the 2nd has begun.
    expect(offerExpired("2026-12-01", new Date("2026-12-01T18:00:00.000Z"))).toBe(true);
  });
});
