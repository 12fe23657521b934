// The level scales and the order of evidence, defined once (docs/product.md §5,
// docs/decisions/022-evidence-per-level.md, docs/decisions/038-one-answer-per-rule.md). Forms, the
// matching score, the evidence shown on pages and the directory's SQL ordering all read them
// from here, so a scale can never mean one thing in one place and another elsewhere.
import type { CefrLevel, SkillLevel, SkillSource } from "@db/schema";

/** Skill levels, lowest first. */
export const SKILL_LEVELS = ["basic", "intermediate", "advanced"] as const satisfies readonly SkillLevel[];
/** Language levels (CEFR), lowest first; "native" above C2. */
export const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2", "native"] as const satisfies readonly CefrLevel[];

/** basic = 1, intermediate = 2, advanced = 3. */
export type LevelRank = 1 | 2 | 3;
/** self-declared = 1, shown in a portfolio project = 2, verified (module, certificate, staff) = 3. */
export type EvidenceRank = 1 | 2 | 3;
/** A1 = 1 … C2 = 6, native = 7. */
export type CefrRank = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const LEVEL_RANK: Record<SkillLevel, LevelRank> = { basic: 1, intermediate: 2, advanced: 3 };
export const LEVEL_OF_RANK: Record<LevelRank, SkillLevel> = { 1: "basic", 2: "intermediate", 3: "advanced" };
export const CEFR_RANK: Record<CefrLevel, CefrRank> = { A1: 1, A2: 2, B1: 3, B2: 4, C1: 5, C2: 6, native: 7 };
export const CEFR_OF_RANK: Record<CefrRank, CefrLevel> = { 1: "A1", 2: "A2", 3: "B1", 4: "B2", 5: "C1", 6: "C2", 7: "native" };

/**
 * Evidence order as pages and the directory sort it: staff-verified > module > shown in a
 * portfolio project > self-declared. (The score weighs module and staff alike: EVIDENCE_RANK.)
 */
export const SOURCE_RANK: Record<SkillSource, number> = { self: 0, portfolio: 1, module: 2, staff: 3 };
/** Evidence as the matching score weighs it: both kinds of verification count the same. */
export const EVIDENCE_RANK: Record<SkillSource, EvidenceRank> = { self: 1, portfolio: 2, module: 3, staff: 3 };
