// The level scales and evidence orders are defined once (app/domain/skills/levels.ts,
// docs/decisions/038-one-answer-per-rule.md); these checks keep their tables consistent.
import { describe, expect, it } from "vitest";
import { CEFR_LEVELS, CEFR_OF_RANK, CEFR_RANK, EVIDENCE_RANK, LEVEL_OF_RANK, LEVEL_RANK, SKILL_LEVELS, SOURCE_RANK } from "~/domain/skills/levels";

describe("level scales", () => {
  it("lists skill levels lowest first, and rank and name are inverse", () => {
    expect(SKILL_LEVELS.map((l) => LEVEL_RANK[l])).toEqual([1, 2, 3]);
    for (const l of SKILL_LEVELS) expect(LEVEL_OF_RANK[LEVEL_RANK[l]]).toBe(l);
  });

  it("lists CEFR levels lowest first, native last, and rank and name are inverse", () => {
    expect(CEFR_LEVELS.map((l) => CEFR_RANK[l])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const l of CEFR_LEVELS) expect(CEFR_OF_RANK[CEFR_RANK[l]]).toBe(l);
  });

  it("the score's evidence ranks never reverse the pages' evidence order", () => {
    const sources = (Object.keys(SOURCE_RANK) as (keyof typeof SOURCE_RANK)[]).sort((a, b) => SOURCE_RANK[a] - SOURCE_RANK[b]);
    expect(sources).toEqual(["self", "portfolio", "module", "staff"]);
    for (let i = 1; i < sources.length; i++) expect(EVIDENCE_RANK[sources[i]!]).toBeGreaterThanOrEqual(EVIDENCE_RANK[sources[i - 1]!]);
    expect(EVIDENCE_RANK.module).toBe(EVIDENCE_RANK.staff);
  });
});
