// A skill's evidence as pages show it: (level, evidence) pairs, because a verification proves
// the level it checked and nothing higher (docs/product.md §5, docs/decisions/022-evidence-per-level.md).
// "basic ✓ verified; intermediate, self-declared" is two pairs, never "intermediate, verified".
import type { SkillLevel, SkillSource } from "@db/schema";
import { LEVEL_RANK, SOURCE_RANK } from "~/domain/skills/levels";

export type EvidencePair = { level: SkillLevel; evidence: SkillSource };

/** Evidence order: verified (staff, module) > shown in a portfolio project > self-declared. */
export { SOURCE_RANK };

export const isVerifiedSource = (source: SkillSource) => source === "module" || source === "staff";

/**
 * The pairs no other pair matches or beats in both level and evidence, lowest level first
 * (the last one is the highest level, with the best evidence it has).
 */
export function strongestEvidence(pairs: readonly EvidencePair[]): EvidencePair[] {
  const sorted = [...pairs].sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || SOURCE_RANK[b.evidence] - SOURCE_RANK[a.evidence]);
  const kept: EvidencePair[] = [];
  let best = -1;
  for (const p of sorted) {
    if (SOURCE_RANK[p.evidence] > best) {
      kept.push({ level: p.level, evidence: p.evidence });
      best = SOURCE_RANK[p.evidence];
    }
  }
  return kept.reverse();
}

/**
 * The pairs of one claim row (graduate_skills, migration 0011): the declared level is
 * self-declared; `verified_level` is what a module (basic) or staff (the level checked)
 * proved; a skill shown in a project is shown at basic.
 */
export function claimEvidence(claim: { level: SkillLevel; source: SkillSource; verified_level: SkillLevel | null }, inProject: boolean): EvidencePair[] {
  const pairs: EvidencePair[] = [{ level: claim.level, evidence: "self" }];
  if (claim.verified_level && isVerifiedSource(claim.source)) pairs.push({ level: claim.verified_level, evidence: claim.source });
  if (inProject || claim.source === "portfolio") pairs.push({ level: "basic", evidence: "portfolio" });
  return strongestEvidence(pairs);
}

/** The level to act on (the highest held) and the evidence it has. */
export function topPair(pairs: readonly EvidencePair[]): EvidencePair {
  return pairs[pairs.length - 1]!;
}

/**
 * A profile's skill chips are grouped by their strongest evidence, verified first; the page
 * orders each group by the name it shows (sortByShownName, docs/decisions/050-skill-chips-order.md).
 */
export function evidenceGroup(pairs: readonly EvidencePair[]): number {
  return -SOURCE_RANK[bestSource(pairs)];
}

/** The strongest evidence over all pairs (for sorting and badges that mean "something is verified"). */
export function bestSource(pairs: readonly EvidencePair[]): SkillSource {
  return pairs.reduce<SkillSource>((best, p) => (SOURCE_RANK[p.evidence] > SOURCE_RANK[best] ? p.evidence : best), "self");
}
