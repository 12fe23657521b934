// Query-string fields of list pages, read tolerantly: a hand-edited or stale address shows the
// list, never an error (docs/decisions/038-one-answer-per-rule.md: one definition, used everywhere).
import { z } from "zod";

/** Typed text: control characters become spaces, very long input is cut, never refused. */
export const searchText = (max: number) =>
  z
    .string()
    .catch("")
    .transform((s) =>
      Array.from(s.replace(/\p{Cc}+/gu, " ").trim())
        .slice(0, max)
        .join("")
        .trim(),
    );

/** An id a list is filtered by; anything that is not one means no filter. */
export const filterId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined);

/** A checkbox filter: "1", "on" or "true" is on, anything else off. */
export const flagParam = z
  .string()
  .optional()
  .catch(undefined)
  .transform((v) => v === "1" || v === "on" || v === "true");

/** The page asked for; anything that is not a page number reads as the first. */
export const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);
