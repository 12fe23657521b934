import { describe, expect, it } from "vitest";
import type { ApplicationStatus } from "@db/schema";
import { allowedMoves, APPLICATION_STATUSES, canMove, isFinal, type PipelineActor } from "~/domain/applications/pipeline";

// Every allowed move; everything else (all other pairs, for both actors) is refused.
const ALLOWED: Record<PipelineActor, [ApplicationStatus, ApplicationStatus][]> = {
  employer: [
    ["applied", "screening"],
    ["screening", "interview"],
    ["interview", "offer"],
    ["offer", "hired"],
    ["applied", "rejected"],
    ["screening", "rejected"],
    ["interview", "rejected"],
    ["offer", "rejected"],
  ],
  graduate: [
    ["invited", "applied"],
    ["invited", "withdrawn"],
    ["applied", "withdrawn"],
    ["screening", "withdrawn"],
    ["interview", "withdrawn"],
    ["offer", "withdrawn"],
    // Accepting an offer is the hire (docs/decisions/061-interview-slots-and-offers.md).
    ["offer", "hired"],
  ],
};

describe("the application pipeline", () => {
  for (const actor of ["employer", "graduate"] as const) {
    for (const from of APPLICATION_STATUSES) {
      for (const to of APPLICATION_STATUSES) {
        const expected = ALLOWED[actor].some(([f, t]) => f === from && t === to);
        it(`${actor}: ${from} → ${to} is ${expected ? "allowed" : "refused"}`, () => {
          expect(canMove(from, to, actor)).toBe(expected);
        });
      }
    }
  }

  it("has final statuses with no way out for anyone", () => {
    for (const s of ["hired", "rejected", "withdrawn"] as const) {
      expect(isFinal(s)).toBe(true);
      expect(allowedMoves(s, "employer")).toEqual([]);
      expect(allowedMoves(s, "graduate")).toEqual([]);
    }
    expect(APPLICATION_STATUSES.filter((s) => !isFinal(s))).toEqual(["invited", "applied", "screening", "interview", "offer"]);
  });

  it("never skips a stage forward and lets only the employer reject, only the graduate withdraw", () => {
    expect(canMove("applied", "offer", "employer")).toBe(false);
    expect(canMove("applied", "hired", "employer")).toBe(false);
    expect(canMove("applied", "rejected", "graduate")).toBe(false);
    expect(canMove("applied", "withdrawn", "employer")).toBe(false);
    expect(canMove("invited", "applied", "employer")).toBe(false);
  });
});

describe("interview times", () => {
  it("reads datetime-local as Bishkek time and stores UTC", async () => {
    const { bishkekLocalToUtc } = await import("~/domain/applications/interview-time");
    expect(bishkekLocalToUtc("2026-12-01T10:00")).toBe("2026-12-01T04:00:00.000Z");
    expect(bishkekLocalToUtc("2026-12-01T03:30")).toBe("2026-11-30T21:30:00.000Z");
    expect(bishkekLocalToUtc("2026-02-31T10:00")).toBeNull();
    expect(bishkekLocalToUtc("2026-12-01 10:00")).toBeNull();
    expect(bishkekLocalToUtc("2026-12-01T24:00")).toBeNull();
  });
});
