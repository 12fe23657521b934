// Match explanations for the JSON routes (/me/jobs.json, /vacancies/:id/candidates.json).
import { CEFR_OF_RANK as CEFR_WORDS, LEVEL_OF_RANK as LEVEL_WORDS } from "~/domain/skills/levels";
import { type Explanation, nextSteps, requiredTally } from "./score";

export type Named = { name_ky: string; name_ru: string; name_en: string };
export type SkillNames = Record<number, Named & { slug: string }>;

const EVIDENCE_WORDS = { 1: "self-declared", 2: "portfolio", 3: "verified" } as const;

/** An explanation for the JSON routes: skills by slug and name, levels as words, points as numbers. */
export function explanationJson(e: Explanation, skills: SkillNames) {
  const skill = (id: number) => ({ id, ...(skills[id] ?? { slug: String(id), name_ky: "", name_ru: "", name_en: "" }) });
  const requirement = (r: Explanation["required"][number]) => ({
    skill: skill(r.skillId),
    minLevel: LEVEL_WORDS[r.minLevel],
    status: r.status,
    // The highest level held and its evidence, then every (level, evidence) pair (docs/decisions/022).
    level: r.claims.length ? LEVEL_WORDS[r.claims[r.claims.length - 1]!.level] : null,
    evidence: r.claims.length ? EVIDENCE_WORDS[r.claims[r.claims.length - 1]!.evidence] : null,
    pairs: r.claims.map((p) => ({ level: LEVEL_WORDS[p.level], evidence: EVIDENCE_WORDS[p.evidence] })),
    via: r.viaSkillId ? skill(r.viaSkillId) : null,
    credit: r.credit / 1000,
  });
  const points = (p: number) => Math.round(p / 100) / 100;
  return {
    total: points(e.total),
    components: Object.fromEntries(Object.entries(e.components).map(([k, v]) => [k, points(v)])),
    requiredMet: e.requiredMet,
    requiredCount: e.requiredCount,
    // Held below the asked level: partly met, as the pages say (issue 14 item 7).
    requiredPartly: requiredTally(e).partly.length,
    required: e.required.map(requirement),
    niceToHave: e.niceToHave.map(requirement),
    languages: e.languages.map((l) => ({
      language: l.language,
      minLevel: CEFR_WORDS[l.minLevel],
      level: l.have ? CEFR_WORDS[l.have] : null,
      status: l.status,
    })),
    place: e.place,
    availability: e.availability,
    modulesCompleted: e.modulesCompleted,
    modulesVerified: e.modulesVerified,
    modulesTotal: 12,
    certificate: e.certificate,
    learnNext: nextSteps(e).map((l) => ({ skill: skill(l.skillId), scoreAfter: l.scoreAfter, action: l.kind, level: LEVEL_WORDS[l.level] })),
  };
}
