// Properties of the matching score and ranking (docs/product.md §5): monotone, order-free,
// deterministic ties, related credit never full, 0–100, the fast path equals the explanation.
// Ids and skills are drawn from small ranges so relations, requirements and claims overlap.
// A skill holds (level, evidence) pairs (docs/decisions/022): a verification proves its level only.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CandidateEntry, MatchIndex } from "~/domain/matching/ranker";
import {
  type CandidateFacts,
  type CefrRank,
  claimCredit,
  compareRanked,
  evidenceCredit,
  type EvidenceRank,
  explainMatch,
  type LevelRank,
  PRECISION,
  prepareVacancy,
  quickMatch,
  rankingDay,
  relatedCredit,
  type RelatedOf,
  type SkillClaim,
  strongestPairs,
  type VacancyFacts,
  WEIGHTS,
} from "~/domain/matching/score";
import { prng } from "../support/matching-facts";

const RUNS = { numRuns: 300 };
const DAY = rankingDay("2026-11-30");
const SKILLS = 8;
const LANGS = ["ky", "ru", "en", "de"] as const;
const CITIES = ["бишкек", "нарын", "ош"] as const;
const DATES = [null, "2026-01-15", "2026-11-30", "2026-12-01", "2026-12-31", "2027-01-01", "2027-03-02", "2027-03-03"] as const;

// ---- arbitraries ----------------------------------------------------------------------

const skillIdArb = fc.integer({ min: 1, max: SKILLS });
const levelArb = fc.constantFrom<LevelRank>(1, 2, 3);
const evidenceArb = fc.constantFrom<EvidenceRank>(1, 2, 3);
const claimArb: fc.Arbitrary<SkillClaim> = fc.record({ level: levelArb, evidence: evidenceArb });
const placeArb = fc.record({
  regionId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  city: fc.option(fc.constantFrom<string>(...CITIES), { nil: null }),
});
const candidateArb = (ids = fc.integer({ min: 1, max: 30 })): fc.Arbitrary<CandidateFacts> =>
  fc
    .record({
      id: ids,
      skills: fc.array(fc.tuple(skillIdArb, fc.array(claimArb, { minLength: 1, maxLength: 3 })), { maxLength: 6 }).map((xs) => new Map(xs)),
      languages: fc
        .array(
          fc.tuple(
            fc.constantFrom<string>(...LANGS),
            fc.integer({ min: 1, max: 7 }).map((n) => n as CefrRank),
          ),
          { maxLength: 4 },
        )
        .map((xs) => new Map(xs)),
      place: placeArb,
      willingToRelocate: fc.boolean(),
      remotePreference: fc.constantFrom<CandidateFacts["remotePreference"]>("onsite", "hybrid", "remote", "any", null),
      availableFrom: fc.constantFrom<string | null>(...DATES),
      modules: fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))),
      certificate: fc.constantFrom<CandidateFacts["certificate"]>("none", "claimed", "verified"),
    })
    .map(({ modules: [modulesCompleted, modulesVerified], ...c }) => ({ ...c, modulesCompleted, modulesVerified }));
const vacancyArb: fc.Arbitrary<VacancyFacts> = fc.record({
  id: fc.integer({ min: 1, max: 30 }),
  skills: fc.array(fc.record({ skillId: skillIdArb, minLevel: levelArb, required: fc.boolean() }), { maxLength: 6 }),
  languages: fc.array(fc.record({ language: fc.constantFrom<string>(...LANGS), minLevel: fc.integer({ min: 1, max: 6 }).map((n) => n as CefrRank) }), {
    maxLength: 3,
  }),
  workMode: fc.constantFrom<VacancyFacts["workMode"]>("onsite", "hybrid", "remote"),
  place: placeArb,
});
const pairsArb = fc.array(fc.tuple(skillIdArb, skillIdArb), { maxLength: 8 });
const seedArb = fc.integer();

// ---- helpers --------------------------------------------------------------------------

/** Symmetric relations, like the taxonomy's. */
function relatedFrom(pairs: readonly [number, number][]): RelatedOf {
  const map = new Map<number, number[]>();
  for (const [a, b] of pairs) {
    if (a === b) continue;
    map.set(a, [...(map.get(a) ?? []), b]);
    map.set(b, [...(map.get(b) ?? []), a]);
  }
  return (id) => map.get(id) ?? [];
}
const symmetric = (pairs: readonly [number, number][]) =>
  pairs.flatMap(([a, b]): [number, number][] => [
    [a, b],
    [b, a],
  ]);

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const r = prng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const explain = (c: CandidateFacts, v: VacancyFacts, pairs: readonly [number, number][] = []) => explainMatch(c, prepareVacancy(v, relatedFrom(pairs)), DAY);
const total = (c: CandidateFacts, v: VacancyFacts, pairs: readonly [number, number][] = []) => explain(c, v, pairs).total;
/** The skill with this one pair only. */
const withSkill = (c: CandidateFacts, skillId: number, claim: SkillClaim): CandidateFacts => ({ ...c, skills: new Map([...c.skills, [skillId, [claim]]]) });
/** The skill with this pair added beside the ones it has. */
const withPair = (c: CandidateFacts, skillId: number, claim: SkillClaim): CandidateFacts => ({
  ...c,
  skills: new Map([...c.skills, [skillId, [...(c.skills.get(skillId) ?? []), claim]]]),
});
/** The skill's pairs with one of them replaced. */
const withPairAt = (c: CandidateFacts, skillId: number, at: number, claim: SkillClaim): CandidateFacts => {
  const pairs = [...(c.skills.get(skillId) ?? [])];
  pairs[at % pairs.length] = claim;
  return { ...c, skills: new Map([...c.skills, [skillId, pairs]]) };
};
const withoutSkills = (c: CandidateFacts, ids: Iterable<number>): CandidateFacts => {
  const skills = new Map(c.skills);
  for (const id of ids) skills.delete(id);
  return { ...c, skills };
};

function entry(facts: CandidateFacts): CandidateEntry {
  return { facts, schoolId: 1, cohortId: 1, regionId: facts.place.regionId, visibility: "public", placed: false };
}
/** Brute-force ranking by explainMatch: (total desc, id asc). */
function bruteRank(cands: readonly CandidateFacts[], v: VacancyFacts, pairs: readonly [number, number][]) {
  const prepared = prepareVacancy(v, relatedFrom(pairs));
  return cands
    .map((c) => ({ id: c.id, total: explainMatch(c, prepared, DAY, false).total }))
    .sort(compareRanked)
    .map((x) => [x.id, x.total]);
}
function indexRank(cands: readonly CandidateFacts[], v: VacancyFacts, pairs: readonly [number, number][]) {
  const index = new MatchIndex();
  index.setRelations(symmetric(pairs));
  for (const c of cands) index.putCandidate(entry(c));
  return index.rankCandidates(v, {}, DAY, 0, cands.length + 1).items.map((x) => [x.id, x.total]);
}
const uniqueCandidates = fc.uniqueArray(candidateArb(), { selector: (c) => c.id, minLength: 1, maxLength: 12 });

// ---- properties -----------------------------------------------------------------------

describe("matching properties", () => {
  it("scores stay in 0–100, components within their weights, quickMatch equals explainMatch", () => {
    fc.assert(
      fc.property(candidateArb(), vacancyArb, pairsArb, (c, v, pairs) => {
        const prepared = prepareVacancy(v, relatedFrom(pairs));
        const e = explainMatch(c, prepared, DAY);
        const q = quickMatch(c, prepared, DAY);
        expect(q.total).toBe(e.total);
        expect(q.requiredMet).toBe(e.requiredMet);
        expect(Number.isInteger(e.total)).toBe(true);
        expect(e.total).toBeGreaterThanOrEqual(0);
        expect(e.total).toBeLessThanOrEqual(100 * PRECISION);
        expect(e.score).toBeGreaterThanOrEqual(0);
        expect(e.score).toBeLessThanOrEqual(100);
        expect(e.score).toBe(Math.round(e.total / PRECISION));
        for (const [name, weight] of Object.entries(WEIGHTS)) {
          const points = e.components[name as keyof typeof WEIGHTS];
          expect(points).toBeGreaterThanOrEqual(0);
          expect(points).toBeLessThanOrEqual(weight * PRECISION);
        }
        expect(e.requiredMet).toBeLessThanOrEqual(e.requiredCount);
        expect(e.requiredMet).toBe(e.required.filter((r) => r.status === "met").length);
        // learnNext: best first, each a real gain that the score reaches
        for (const l of e.learnNext) expect(l.scoreAfter).toBeGreaterThanOrEqual(e.score);
        for (let i = 1; i < e.learnNext.length; i++) expect(e.learnNext[i]!.scoreAfter).toBeLessThanOrEqual(e.learnNext[i - 1]!.scoreAfter);
      }),
      { numRuns: 1000 },
    );
  });

  it("every credit is within 0–1000 and a related skill's credit is below holding the skill itself", () => {
    for (const minLevel of [1, 2, 3] as LevelRank[])
      for (const level of [1, 2, 3] as LevelRank[])
        for (const evidence of [1, 2, 3] as EvidenceRank[]) {
          const own = claimCredit({ level, evidence }, minLevel);
          expect(own).toBeGreaterThan(0);
          expect(own).toBeLessThanOrEqual(1000);
          expect(relatedCredit({ level, evidence }, minLevel)).toBeLessThan(own);
        }
  });

  it("adding a skill never lowers a total", () => {
    fc.assert(
      fc.property(candidateArb(), vacancyArb, pairsArb, skillIdArb, claimArb, (c, v, pairs, s, claim) => {
        fc.pre(!c.skills.has(s));
        expect(total(withSkill(c, s, claim), v, pairs)).toBeGreaterThanOrEqual(total(c, v, pairs));
      }),
      RUNS,
    );
  });

  it("raising a level never lowers a total", () => {
    fc.assert(
      fc.property(candidateArb(), vacancyArb, pairsArb, skillIdArb, claimArb, levelArb, (c, v, pairs, s, claim, higher) => {
        fc.pre(higher > claim.level);
        const before = withSkill(c, s, claim);
        const after = withSkill(c, s, { ...claim, level: higher });
        expect(total(after, v, pairs)).toBeGreaterThanOrEqual(total(before, v, pairs));
      }),
      RUNS,
    );
  });

  it("adding evidence never lowers a total", () => {
    fc.assert(
      fc.property(candidateArb(), vacancyArb, pairsArb, skillIdArb, claimArb, evidenceArb, (c, v, pairs, s, claim, stronger) => {
        fc.pre(stronger > claim.evidence);
        const before = withSkill(c, s, claim);
        const after = withSkill(c, s, { ...claim, evidence: stronger });
        expect(total(after, v, pairs)).toBeGreaterThanOrEqual(total(before, v, pairs));
      }),
      RUNS,
    );
  });

  it("adding a (level, evidence) pair beside a skill's others never lowers a total", () => {
    fc.assert(
      fc.property(candidateArb(), vacancyArb, pairsArb, skillIdArb, claimArb, (c, v, pairs, s, claim) => {
        expect(total(withPair(c, s, claim), v, pairs)).toBeGreaterThanOrEqual(total(c, v, pairs));
      }),
      RUNS,
    );
  });

  it("raising the level or the evidence of one pair among several never lowers a total", () => {
    fc.assert(
      fc.property(candidateArb(), vacancyArb, pairsArb, skillIdArb, fc.nat(), levelArb, evidenceArb, (c, v, pairs, s, at, level, evidence) => {
        const held = c.skills.get(s);
        fc.pre(held !== undefined && held.length > 0);
        const old = held![at % held!.length]!;
        const raised = withPairAt(c, s, at, { level: Math.max(old.level, level) as LevelRank, evidence: Math.max(old.evidence, evidence) as EvidenceRank });
        expect(total(raised, v, pairs)).toBeGreaterThanOrEqual(total(c, v, pairs));
      }),
      RUNS,
    );
  });

  it("a verification proves its own level only: full credit needs a verified pair at or above the asked level", () => {
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 1, maxLength: 4 }), levelArb, (held, minLevel) => {
        const credit = evidenceCredit(held, minLevel);
        const verifiedThere = held.some((p) => p.evidence === 3 && p.level >= minLevel);
        expect(credit === 1000).toBe(verifiedThere);
        // The best credit over the pairs, never a mix of one pair's level and another's evidence.
        expect(credit).toBe(Math.max(...held.map((p) => claimCredit(p, minLevel))));
        const mixed = claimCredit(
          { level: Math.max(...held.map((p) => p.level)) as LevelRank, evidence: Math.max(...held.map((p) => p.evidence)) as EvidenceRank },
          minLevel,
        );
        expect(credit).toBeLessThanOrEqual(mixed);
        // The pairs kept for showing give the same credit, and none is beaten by another.
        const kept = strongestPairs(held);
        expect(evidenceCredit(kept, minLevel)).toBe(credit);
        for (const a of kept) for (const b of kept) if (a !== b) expect(a.level >= b.level && a.evidence >= b.evidence).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("the example of docs/product.md §5: basic verified beside intermediate self-declared, asked intermediate", () => {
    const v: VacancyFacts = {
      id: 1,
      skills: [{ skillId: 1, minLevel: 2, required: true }],
      languages: [],
      workMode: "remote",
      place: { regionId: null, city: null },
    };
    const base: CandidateFacts = {
      id: 1,
      skills: new Map(),
      languages: new Map(),
      place: { regionId: null, city: null },
      willingToRelocate: false,
      remotePreference: null,
      availableFrom: null,
      modulesCompleted: 0,
      modulesVerified: 0,
      certificate: "none",
    };
    const both = explain(withPair(withSkill(base, 1, { level: 1, evidence: 3 }), 1, { level: 2, evidence: 1 }), v).required[0]!;
    expect(both.credit).toBe(Math.max(claimCredit({ level: 1, evidence: 3 }, 2), claimCredit({ level: 2, evidence: 1 }, 2)));
    expect(both.credit).toBe(700);
    expect(both.status).toBe("met");
    expect(both.claims).toEqual([
      { level: 1, evidence: 3 },
      { level: 2, evidence: 1 },
    ]);
  });

  it("a completed module or a better certificate (none → claimed → verified) raises a total; verifying a module raises it more", () => {
    fc.assert(
      fc.property(candidateArb(), vacancyArb, pairsArb, (c, v, pairs) => {
        const t = total(c, v, pairs);
        if (c.modulesCompleted < 12) {
          const marked = total({ ...c, modulesCompleted: c.modulesCompleted + 1 }, v, pairs);
          const verified = total({ ...c, modulesCompleted: c.modulesCompleted + 1, modulesVerified: c.modulesVerified + 1 }, v, pairs);
          expect(marked).toBeGreaterThan(t);
          expect(verified).toBeGreaterThan(marked);
        }
        if (c.modulesVerified < c.modulesCompleted) expect(total({ ...c, modulesVerified: c.modulesVerified + 1 }, v, pairs)).toBeGreaterThan(t);
        const order = ["none", "claimed", "verified"] as const;
        const next = order[order.indexOf(c.certificate) + 1];
        if (next) expect(total({ ...c, certificate: next }, v, pairs)).toBeGreaterThan(t);
      }),
      RUNS,
    );
  });

  it("shuffling a vacancy's skills and languages changes nothing", () => {
    fc.assert(
      fc.property(candidateArb(), vacancyArb, pairsArb, seedArb, (c, v, pairs, seed) => {
        const shuffled = { ...v, skills: shuffle(v.skills, seed), languages: shuffle(v.languages, seed + 1) };
        expect(explain(c, shuffled, pairs)).toEqual(explain(c, v, pairs));
      }),
      RUNS,
    );
  });

  it("the insertion order of a graduate's skills and languages changes nothing", () => {
    fc.assert(
      fc.property(candidateArb(), vacancyArb, pairsArb, seedArb, (c, v, pairs, seed) => {
        const skills = new Map(shuffle([...c.skills], seed).map(([id, pairs], i) => [id, shuffle(pairs, seed + i)] as const));
        const shuffled = { ...c, skills, languages: new Map(shuffle([...c.languages], seed + 1)) };
        expect(explain(shuffled, v, pairs)).toEqual(explain(c, v, pairs));
      }),
      RUNS,
    );
  });

  it("the order of relation pairs (and their direction) changes nothing", () => {
    fc.assert(
      fc.property(candidateArb(), vacancyArb, pairsArb, seedArb, (c, v, pairs, seed) => {
        const shuffled = shuffle(pairs, seed).map(([a, b], i): [number, number] => (i % 2 ? [b, a] : [a, b]));
        expect(explain(c, v, shuffled)).toEqual(explain(c, v, pairs));
        // the index's relations too
        const one = new MatchIndex();
        one.setRelations(symmetric(pairs));
        const two = new MatchIndex();
        two.setRelations(shuffle(symmetric(pairs), seed));
        expect(explainMatch(c, two.prepare(v), DAY)).toEqual(explainMatch(c, one.prepare(v), DAY));
      }),
      RUNS,
    );
  });

  it("the order graduates are given in never changes the ranking, and it equals the brute-force order", () => {
    fc.assert(
      fc.property(uniqueCandidates, vacancyArb, pairsArb, seedArb, (cands, v, pairs, seed) => {
        const expected = bruteRank(cands, v, pairs);
        expect(bruteRank(shuffle(cands, seed), v, pairs)).toEqual(expected);
        expect(indexRank(cands, v, pairs)).toEqual(expected);
        expect(indexRank(shuffle(cands, seed), v, pairs)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("ties break by the smaller id, in any input order", () => {
    fc.assert(
      fc.property(
        candidateArb(fc.constant(0)),
        vacancyArb,
        pairsArb,
        fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 6 }),
        seedArb,
        (c, v, pairs, ids, seed) => {
          const twins = shuffle(ids, seed).map((id) => ({ ...c, id }));
          const sorted = [...ids].sort((a, b) => a - b);
          expect(bruteRank(twins, v, pairs).map(([id]) => id)).toEqual(sorted);
          expect(indexRank(twins, v, pairs).map(([id]) => id)).toEqual(sorted);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("a graduate missing a required skill never outranks an otherwise identical one who has it", () => {
    fc.assert(
      fc.property(candidateArb(fc.constant(1)), vacancyArb, pairsArb, claimArb, fc.nat(), (c, v, pairs, claim, pick) => {
        const required = v.skills.filter((r) => r.required);
        fc.pre(required.length > 0);
        const s = required[pick % required.length]!.skillId;
        const missing = withoutSkills(c, [s]); // id 1: wins any tie
        const having = { ...withSkill(missing, s, claim), id: 2 };
        const prepared = prepareVacancy(v, relatedFrom(pairs));
        const tMissing = explainMatch(missing, prepared, DAY).total;
        const tHaving = explainMatch(having, prepared, DAY).total;
        // holding it at any level strictly beats not holding it (combineCredit), even against
        // the smaller id that wins ties
        expect(tHaving).toBeGreaterThan(tMissing);
        const order = indexRank([missing, having], v, pairs).map(([id]) => id);
        expect(order).toEqual([2, 1]);
      }),
      RUNS,
    );
  });

  it("related-skill credit is always less than the skill itself with the same claim", () => {
    fc.assert(
      fc.property(candidateArb(), skillIdArb, skillIdArb, levelArb, claimArb, pairsArb, (c, s, r, minLevel, claim, pairs) => {
        fc.pre(s !== r);
        const allPairs: [number, number][] = [...pairs, [s, r]];
        const rel = relatedFrom(allPairs);
        const base = withoutSkills(c, [s, ...rel(s)]); // nothing else gives credit for s
        const vOnly: VacancyFacts = {
          id: 1,
          skills: [{ skillId: s, minLevel, required: true }],
          languages: [],
          workMode: "remote",
          place: { regionId: null, city: null },
        };
        const viaRelated = explain(withSkill(base, r, claim), vOnly, allPairs);
        const itself = explain(withSkill(base, s, claim), vOnly, allPairs);
        expect(viaRelated.required[0]!.status).toBe("related");
        expect(viaRelated.required[0]!.viaSkillId).toBe(r);
        expect(viaRelated.required[0]!.credit).toBeLessThan(itself.required[0]!.credit);
        expect(viaRelated.total).toBeLessThan(itself.total);
        expect(viaRelated.requiredMet).toBe(0);
      }),
      RUNS,
    );
  });

  it("a duplicated skill in a vacancy keeps its stricter entry whatever the order", () => {
    fc.assert(
      fc.property(candidateArb(), vacancyArb, pairsArb, seedArb, (c, v, pairs, seed) => {
        const prepared = prepareVacancy(v, relatedFrom(pairs));
        const ids = [...prepared.required, ...prepared.niceToHave].map((r) => r.skillId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const r of [...prepared.required, ...prepared.niceToHave]) {
          const entries = v.skills.filter((x) => x.skillId === r.skillId);
          const strictest = entries.some((x) => x.required) ? entries.filter((x) => x.required) : entries;
          expect(r.required).toBe(entries.some((x) => x.required));
          expect(r.minLevel).toBe(Math.max(...strictest.map((x) => x.minLevel)));
        }
        expect(explain(c, { ...v, skills: shuffle(v.skills, seed) }, pairs).total).toBe(explain(c, v, pairs).total);
      }),
      RUNS,
    );
  });
});
