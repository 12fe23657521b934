// The graduate's "What happens next" card on their application page (docs/product.md §15): which words
// it shows, so they agree with the interview and offer cards below it (docs/decisions/061-interview-slots-and-offers.md).
import type { ApplicationStatus } from "@db/schema";

/**
 * The "What happens next" words agree with the interview or offer card below: times to choose, a new
 * time asked for, or an offer to answer (accepting is the hire, docs/product.md §15); otherwise the stage's own.
 */
export function nextStepKey(
  status: Exclude<ApplicationStatus, "invited" | "hired" | "rejected" | "withdrawn">,
  slots: { status: string; slots: unknown[] } | null,
  offer: { status: string; expired: boolean } | null,
) {
  if (status === "interview" && slots?.status === "proposed" && slots.slots.length) return "applications.next.interviewChoose" as const;
  if (status === "interview" && slots?.status === "another-time") return "applications.next.interviewWaiting" as const;
  if (status === "offer" && offer?.status === "open" && !offer.expired) return "applications.next.offerAnswer" as const;
  return `applications.next.${status}` as const;
}
