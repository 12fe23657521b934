// The paced worker's tick clock (docs/decisions/051-outbox.md, "Session 14"): a tick reached a little
// late keeps the schedule, so the paced rate is reached; a pause starts the schedule again, so no burst
// follows it; a tick is never earlier than its time.
import { describe, expect, it } from "vitest";
import { nextTick } from "~/domain/messages/outbox";

const PERIOD = 17.8;

/** The start times of `n` ticks when each is asked for `lateBy(k)` ms after the previous tick's time. */
function ticks(n: number, lateBy: (k: number) => number): number[] {
  const out: number[] = [];
  let at = -Infinity;
  let asked = 1000;
  for (let k = 0; k < n; k++) {
    at = nextTick(at, asked, PERIOD);
    out.push(Math.max(at, asked)); // a tick in the past starts when asked
    asked = Math.max(at, asked) + lateBy(k);
  }
  return out;
}

describe("the paced worker's ticks", () => {
  it("the first tick starts at once; an early ask waits for the tick's time", () => {
    expect(nextTick(-Infinity, 5, PERIOD)).toBe(5);
    expect(nextTick(100, 101, PERIOD)).toBe(100 + PERIOD);
  });

  it("ticks asked for on time keep exactly the period", () => {
    const t = ticks(10, () => 5);
    for (let k = 1; k < t.length; k++) expect(t[k]! - t[k - 1]!).toBeCloseTo(PERIOD);
  });

  it("an occasional slip of less than a period is made up: 100 ticks take 99 periods, as if none had slipped", () => {
    // Every fifth tick's slots report 25 ms after it started (later than the next tick was due).
    const t = ticks(100, (k) => (k % 5 === 4 ? 25 : 5));
    expect(t[99]! - t[0]!).toBeCloseTo(99 * PERIOD, 5);
  });

  it("never two ticks closer than the slip allows: a late tick is followed by one that comes sooner, not by a run of them", () => {
    const t = ticks(50, (k) => (k % 5 === 4 ? 25 : 5));
    // The schedule is kept: every tick is at or after its time k·PERIOD from the first.
    t.forEach((at, k) => expect(at).toBeGreaterThanOrEqual(t[0]! + k * PERIOD - 1e-9));
    // At most one tick of credit: no two consecutive starts come within the time a slot needs (5 ms here) of each other.
    for (let k = 1; k < t.length; k++) expect(t[k]! - t[k - 1]!).toBeGreaterThanOrEqual(5 - 1e-9);
  });

  it("after a pause longer than a period the schedule starts again: no burst of the ticks missed meanwhile", () => {
    const last = 1000;
    const after = nextTick(last, last + 10 * PERIOD, PERIOD);
    expect(after).toBe(last + 10 * PERIOD);
    // and the next is a full period later
    expect(nextTick(after, after + 1, PERIOD)).toBeCloseTo(after + PERIOD);
  });

  it("a tick late by more than a period (the slots slower than the pace) is not made up: the rate is the slots' own", () => {
    const t = ticks(20, () => 2 * PERIOD + 1);
    for (let k = 1; k < t.length; k++) expect(t[k]! - t[k - 1]!).toBeCloseTo(2 * PERIOD + 1);
  });
});
