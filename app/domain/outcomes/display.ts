// What the public outcomes page needs in the browser, kept apart from dashboard.ts so the page
// does not ship zod (its query parsing) to every visitor (docs/product.md §10 page weight).
import type { Checkpoint } from "./codes";

/** Only when there are no figures at all; otherwise the page opens at the latest checkpoint with enough knowledge. */
export const DEFAULT_PUBLIC_CHECKPOINT: Checkpoint = "m12";

/** A share as a whole percent for tables and CSV ("67 %" is read faster than "66.7 %"). */
export function percent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100);
}

/**
 * The public page's one parameter: a known checkpoint, or the default (never an error) — on the page,
 * the latest checkpoint with enough knowledge (defaultPublicCheckpoint in public-figures.ts).
 */
export function publicCheckpointOf(
  value: string | null,
  checkpoints: readonly Checkpoint[],
  fallback: () => Checkpoint = () => DEFAULT_PUBLIC_CHECKPOINT,
): Checkpoint {
  return checkpoints.includes(value as Checkpoint) ? (value as Checkpoint) : fallback();
}
