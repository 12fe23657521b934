// A skill's evidence in words, one (level, evidence) pair at a time (docs/decisions/022):
// "basic ✓ verified; intermediate, self-declared". Every page that shows a skill's level uses it.
import type { SkillLevel, SkillSource } from "@db/schema";
import type { EvidenceRank, SkillClaim } from "~/domain/matching/score";
import { LEVEL_OF_RANK } from "~/domain/skills/levels";
import { type EvidencePair, isVerifiedSource } from "~/domain/profile/skill-evidence";
import type { T } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";

type Kind = "verified" | "portfolio" | "self";
type ShownPair = { level: SkillLevel; kind: Kind };

const KIND_OF_RANK: Record<EvidenceRank, Kind> = { 1: "self", 2: "portfolio", 3: "verified" };
const kindOf = (source: SkillSource): Kind => (isVerifiedSource(source) ? "verified" : source === "portfolio" ? "portfolio" : "self");

/** Pairs as the profile shows them (evidence by source). */
export const fromSources = (pairs: readonly EvidencePair[]): ShownPair[] => pairs.map((p) => ({ level: p.level, kind: kindOf(p.evidence) }));
/** Pairs as the matching explanation holds them (ranks). */
export const fromRanks = (pairs: readonly SkillClaim[]): ShownPair[] => pairs.map((p) => ({ level: LEVEL_OF_RANK[p.level], kind: KIND_OF_RANK[p.evidence] }));

/** The pairs in one line of text, lowest level first, in the page's language. */
export function evidenceText(t: T, pairs: readonly ShownPair[]): string {
  return pairs.map((p) => t(`evidence.pair.${p.kind}`, { level: t(`evidence.level.${p.level}`) })).join("; ");
}

/** The pairs, the verified ones marked for styling (the ✓ and the word carry the meaning). */
export function SkillEvidence({ pairs }: { pairs: readonly ShownPair[] }) {
  const { t } = useT();
  return (
    <span className="skill-evidence">
      {pairs.map((p, i) => (
        <span key={`${p.level}-${p.kind}`} className={p.kind === "verified" ? "is-verified" : undefined}>
          {i > 0 ? "; " : ""}
          {t(`evidence.pair.${p.kind}`, { level: t(`evidence.level.${p.level}`) })}
        </span>
      ))}
    </span>
  );
}
