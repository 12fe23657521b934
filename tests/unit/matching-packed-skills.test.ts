// PackedSkills (app/domain/matching/ranker.ts): the matching index's compact form of a graduate's
// skills (docs/decisions/070-start-in-seconds.md, Session 14). It must read exactly as the Map of
// strongest pairs the loader built before: every set of pairs, every explanation, every ranking.
import { describe, expect, it } from "vitest";
import { type CandidateEntry, MatchIndex, PackedSkills } from "~/domain/matching/ranker";
import { type EvidenceRank, explainMatch, type LevelRank, prepareVacancy, rankingDay, type SkillClaim, strongestPairs } from "~/domain/matching/score";
import { prng, randomCandidate, randomRelations, randomVacancy } from "../support/matching-facts";

const DAY = rankingDay("2026-11-15");
const ALL_PAIRS: SkillClaim[] = [1, 2, 3].flatMap((level) => [1, 2, 3].map((evidence) => ({ level: level as LevelRank, evidence: evidence as EvidenceRank })));

/** The form the loader built before: each skill's strongest pairs in a Map. */
const asMap = (skills: ReadonlyMap<number, readonly SkillClaim[]>) => new Map([...skills].map(([id, pairs]) => [id, strongestPairs(pairs)]));
const packed = (entry: CandidateEntry): CandidateEntry => ({ ...entry, facts: { ...entry.facts, skills: PackedSkills.of(entry.facts.skills) } });

describe("PackedSkills", () => {
  it("reads every set of (level, evidence) pairs as its strongest pairs", () => {
    for (let subset = 1; subset < 1 << ALL_PAIRS.length; subset++) {
      const pairs = ALL_PAIRS.filter((_, i) => subset & (1 << i));
      const skills = PackedSkills.of(new Map([[7, pairs]]));
      expect(skills.get(7), JSON.stringify(pairs)).toEqual(strongestPairs(pairs));
      expect(skills.has(7)).toBe(true);
      expect(skills.has(6) || skills.has(8)).toBe(false);
      expect(skills.get(8)).toBeUndefined();
    }
  });

  it("answers the Map interface over many skills, by skill id, and leaves out a skill with no pairs", () => {
    const source = new Map<number, SkillClaim[]>([
      [300, [{ level: 2, evidence: 3 }]],
      [
        5,
        [
          { level: 1, evidence: 1 },
          { level: 3, evidence: 1 },
        ],
      ],
      [42, []],
      [1, [{ level: 3, evidence: 2 }]],
    ]);
    const skills = PackedSkills.of(source);
    expect(skills.size).toBe(3);
    expect([...skills.keys()]).toEqual([1, 5, 300]);
    expect(new Map(skills)).toEqual(new Map([...asMap(source)].filter(([id]) => id !== 42).sort(([a], [b]) => a - b)));
    expect([...skills.values()]).toEqual([...skills.entries()].map(([, pairs]) => pairs));
    const seen: number[] = [];
    skills.forEach((_, id) => seen.push(id));
    expect(seen).toEqual([1, 5, 300]);
    expect(skills.has(42)).toBe(false);
    expect(PackedSkills.of(new Map()).size).toBe(0);
    // an id too large to pack: a plain Map of the same strongest pairs
    const large = PackedSkills.of(new Map([[2 ** 30, [{ level: 1, evidence: 3 }]]]));
    expect(large.get(2 ** 30)).toEqual([{ level: 1, evidence: 3 }]);
  });

  it("gives the same explanations and rankings as the Map of strongest pairs", () => {
    const r = prng(20261207);
    const related = randomRelations(r);
    const relatedMap = new Map<number, number[]>();
    for (const [a, b] of related) if (a !== b) relatedMap.set(a, [...(relatedMap.get(a) ?? []), b]);
    const relatedOf = (id: number) => relatedMap.get(id) ?? [];
    const asMaps = new MatchIndex();
    const asPacked = new MatchIndex();
    asMaps.setRelations(related);
    asPacked.setRelations(related);
    const candidates: CandidateEntry[] = [];
    for (let id = 1; id <= 1500; id++) {
      const c = randomCandidate(r, id);
      const plain = { ...c, facts: { ...c.facts, skills: asMap(c.facts.skills) } };
      candidates.push(plain);
      asMaps.putCandidate(plain);
      asPacked.putCandidate(packed(c));
    }
    const vacancies = Array.from({ length: 150 }, (_, i) => randomVacancy(r, i + 1));
    for (const v of vacancies) {
      asMaps.putVacancy(v);
      asPacked.putVacancy(v);
    }
    for (const v of vacancies.slice(0, 40)) {
      const prepared = prepareVacancy(v.facts, relatedOf);
      for (const c of candidates.slice(0, 200)) {
        expect(explainMatch(asPacked.candidate(c.facts.id)!.facts, prepared, DAY)).toEqual(explainMatch(c.facts, prepared, DAY));
      }
      expect(asPacked.rankCandidates(v.facts, { includePlaced: true }, DAY, 0, 2000)).toEqual(
        asMaps.rankCandidates(v.facts, { includePlaced: true }, DAY, 0, 2000),
      );
    }
    for (const c of candidates.slice(0, 60)) {
      expect(asPacked.rankVacancies(asPacked.candidate(c.facts.id)!.facts, DAY, 0, 200)).toEqual(asMaps.rankVacancies(c.facts, DAY, 0, 200));
    }
    expect(asPacked.countHolders({})).toEqual(asMaps.countHolders({}));
    // an update and a drop take the packed graduate out of its postings as the Map one
    for (const index of [asMaps, asPacked]) index.dropCandidate(3);
    const moved = randomCandidate(r, 4);
    asMaps.putCandidate({ ...moved, facts: { ...moved.facts, skills: asMap(moved.facts.skills) } });
    asPacked.putCandidate(packed(moved));
    expect(asPacked.countHolders({})).toEqual(asMaps.countHolders({}));
    expect(asPacked.rankCandidates(vacancies[0]!.facts, {}, DAY, 0, 2000)).toEqual(asMaps.rankCandidates(vacancies[0]!.facts, {}, DAY, 0, 2000));
  });
});
