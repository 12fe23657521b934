// The application pipeline as data: which status may follow which, and who may move it.
// Remix-free so the rules are unit-tested alone (tests/unit/pipeline.test.ts).
import type { ApplicationStatus } from "@db/schema";

export const APPLICATION_STATUSES = [
  "invited",
  "applied",
  "screening",
  "interview",
  "offer",
  "hired",
  "rejected",
  "withdrawn",
] as const satisfies readonly ApplicationStatus[];
export const FINAL_STATUSES: readonly ApplicationStatus[] = ["hired", "rejected", "withdrawn"];

export type PipelineActor = "employer" | "graduate";

/** The employer moves an application forward one stage, or rejects it from any open stage. */
const EMPLOYER_MOVES: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  invited: [],
  applied: ["screening", "rejected"],
  screening: ["interview", "rejected"],
  interview: ["offer", "rejected"],
  offer: ["hired", "rejected"],
  hired: [],
  rejected: [],
  withdrawn: [],
};

/**
 * The graduate accepts an invitation by applying, accepts an offer (the hire: app/models/offers.server.ts,
 * docs/decisions/061-interview-slots-and-offers.md), or withdraws from any open stage (declining an offer included).
 */
const GRADUATE_MOVES: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  invited: ["applied", "withdrawn"],
  applied: ["withdrawn"],
  screening: ["withdrawn"],
  interview: ["withdrawn"],
  offer: ["hired", "withdrawn"],
  hired: [],
  rejected: [],
  withdrawn: [],
};

export function isFinal(status: ApplicationStatus): status is "hired" | "rejected" | "withdrawn" {
  return FINAL_STATUSES.includes(status);
}

export function allowedMoves(from: ApplicationStatus, actor: PipelineActor): readonly ApplicationStatus[] {
  return (actor === "employer" ? EMPLOYER_MOVES : GRADUATE_MOVES)[from];
}

export function canMove(from: ApplicationStatus, to: ApplicationStatus, actor: PipelineActor): boolean {
  return allowedMoves(from, actor).includes(to);
}

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === "string" && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

/** The longest cover note or move note, in characters. */
export const NOTE_MAX = 2000;
