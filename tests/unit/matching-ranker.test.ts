// MatchIndex (app/domain/matching/ranker.ts) against brute force: explainMatch for every
// pair, sorted by (total desc, id asc). Seeded facts from tests/support/matching-facts.ts,
// so a failure replays from its seed.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type CandidateEntry, type CandidateFilters, MatchIndex, type Ranked, type VacancyEntry } from "~/domain/matching/ranker";
import {
  availabilityKind,
  type CefrRank,
  compareRanked,
  explainMatch,
  type LevelRank,
  prepareVacancy,
  rankingDay,
  type RelatedOf,
  type VacancyFacts,
} from "~/domain/matching/score";
import { prng, randomCandidate, randomRelations, randomVacancy } from "../support/matching-facts";

const SEED = 20261130;
const CANDIDATES = 3000;
const VACANCIES = 300;
const DAY = rankingDay("2026-11-15"); // random availability and deadlines fall on both sides of it

/** Relations as MatchIndex.setRelations reads them (each pair one way), built independently. */
function relatedFrom(pairs: readonly [number, number][]): RelatedOf {
  const map = new Map<number, number[]>();
  for (const [a, b] of pairs) if (a !== b) map.set(a, [...(map.get(a) ?? []), b]);
  return (id) => map.get(id) ?? [];
}

/** The reference: who passes the filters, and their explainMatch totals, best first. */
function bruteCandidates(cands: Iterable<CandidateEntry>, vacancy: VacancyFacts, filters: CandidateFilters, related: RelatedOf): Ranked[] {
  const prepared = prepareVacancy(vacancy, related);
  const out: Ranked[] = [];
  for (const c of cands) {
    if (!filters.includePlaced && c.placed) continue;
    if (filters.employerView && c.visibility === "private") continue;
    if (filters.schoolId != null && c.schoolId !== filters.schoolId) continue;
    if (filters.cohortId != null && c.cohortId !== filters.cohortId) continue;
    if (filters.regionId != null && c.regionId !== filters.regionId) continue;
    if (filters.availableNow && availabilityKind(c.facts.availableFrom, DAY) !== "now") continue;
    const e = explainMatch(c.facts, prepared, DAY, false);
    if (filters.meetsAllRequired && e.requiredMet !== e.requiredCount) continue;
    out.push({ id: c.facts.id, total: e.total, score: e.score, requiredMet: e.requiredMet });
  }
  return out.sort(compareRanked);
}

function bruteVacancies(vacs: Iterable<VacancyEntry>, cand: CandidateEntry, related: RelatedOf): Ranked[] {
  const out: Ranked[] = [];
  for (const v of vacs) {
    if (v.deadline !== null && v.deadline < DAY.today) continue;
    const e = explainMatch(cand.facts, prepareVacancy(v.facts, related), DAY, false);
    out.push({ id: v.facts.id, total: e.total, score: e.score, requiredMet: e.requiredMet });
  }
  return out.sort(compareRanked);
}

function build(seed: number) {
  const r = prng(seed);
  const pairs = randomRelations(r);
  const candidates = new Map<number, CandidateEntry>();
  for (let id = 1; id <= CANDIDATES; id++) candidates.set(id, randomCandidate(r, id));
  const vacancies = new Map<number, VacancyEntry>();
  for (let id = 1; id <= VACANCIES; id++) vacancies.set(id, randomVacancy(r, id));
  // A few hand-picked shapes the random ones rarely give: a city no graduate lives in,
  // no place at all, no skills at all, a deadline today, one skill twice.
  const extra: VacancyEntry[] = [
    {
      facts: {
        id: 901,
        skills: [{ skillId: 3, minLevel: 2, required: true }],
        languages: [{ language: "en", minLevel: 3 }],
        workMode: "onsite",
        place: { regionId: 2, city: "ош" },
      },
      companyId: 1,
      deadline: null,
      publishedAt: null,
    },
    {
      facts: { id: 902, skills: [{ skillId: 4, minLevel: 1, required: true }], languages: [], workMode: "hybrid", place: { regionId: null, city: null } },
      companyId: 1,
      deadline: DAY.today,
      publishedAt: null,
    },
    {
      facts: { id: 903, skills: [], languages: [], workMode: "onsite", place: { regionId: 1, city: "бишкек" } },
      companyId: 1,
      deadline: null,
      publishedAt: null,
    },
    {
      facts: {
        id: 904,
        skills: [
          { skillId: 5, minLevel: 1, required: false },
          { skillId: 5, minLevel: 3, required: true },
          { skillId: 6, minLevel: 2, required: true },
        ],
        languages: [
          { language: "ru", minLevel: 4 },
          { language: "ky", minLevel: 2 },
        ],
        workMode: "hybrid",
        place: { regionId: 3, city: "каракол" },
      },
      companyId: 1,
      deadline: "2026-11-14",
      publishedAt: null,
    },
  ];
  for (const v of extra) vacancies.set(v.facts.id, v);
  const index = new MatchIndex();
  index.setRelations(pairs);
  for (const c of candidates.values()) index.putCandidate(c);
  for (const v of vacancies.values()) index.putVacancy(v);
  return { r, pairs, candidates, vacancies, index };
}

/** Some vacancies to check: the hand-picked ones and a spread of random ones with requirements. */
function sampleVacancies(vacancies: Map<number, VacancyEntry>): VacancyEntry[] {
  const random = [...vacancies.values()].filter((v) => v.facts.id <= VACANCIES && v.facts.skills.some((s) => s.required));
  return [...random.filter((_, i) => i % 37 === 0), vacancies.get(901)!, vacancies.get(902)!, vacancies.get(903)!, vacancies.get(904)!];
}

const ALL = 1_000_000;

describe("MatchIndex.rankCandidates equals brute force over explainMatch", () => {
  let world: ReturnType<typeof build>;
  let related: RelatedOf;
  beforeAll(() => {
    world = build(SEED);
    related = relatedFrom(world.pairs);
  });

  it("builds the index it was given", () => {
    expect(world.index.size).toEqual({ candidates: CANDIDATES, vacancies: VACANCIES + 4 });
  });

  const FILTERS: [string, CandidateFilters | ((v: VacancyFacts) => CandidateFilters)][] = [
    ["no filters (placed left out by default)", {}],
    ["includePlaced", { includePlaced: true }],
    ["meetsAllRequired", { meetsAllRequired: true }],
    ["meetsAllRequired with placed", { meetsAllRequired: true, includePlaced: true }],
    ["schoolId", { schoolId: 3 }],
    ["cohortId", { cohortId: 7 }],
    ["regionId", { regionId: 2 }],
    ["availableNow", { availableNow: true }],
    ["employerView", { employerView: true }],
    ["everything at once", { meetsAllRequired: true, schoolId: 2, regionId: 5, availableNow: true, employerView: true }],
  ];

  it.each(FILTERS)("same order, totals, scores and counts — %s", (_label, filters) => {
    let nonEmpty = 0;
    for (const v of sampleVacancies(world.vacancies)) {
      const f = typeof filters === "function" ? filters(v.facts) : filters;
      const expected = bruteCandidates(world.candidates.values(), v.facts, f, related);
      const page = world.index.rankCandidates(v.facts, f, DAY, 0, ALL);
      expect(page.count, `vacancy ${v.facts.id}`).toBe(expected.length);
      expect(page.items, `vacancy ${v.facts.id}`).toEqual(expected);
      if (expected.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(0);
  });

  it("the filters really filter (the brute force is not vacuous)", () => {
    const v = sampleVacancies(world.vacancies)[0]!.facts;
    const all = bruteCandidates(world.candidates.values(), v, { includePlaced: true }, related).length;
    expect(all).toBe(CANDIDATES);
    const byDefault = world.index.rankCandidates(v, {}, DAY).count;
    const placed = [...world.candidates.values()].filter((c) => c.placed).length;
    expect(placed).toBeGreaterThan(0);
    expect(byDefault).toBe(CANDIDATES - placed);
    const hidden = [...world.candidates.values()].filter((c) => !c.placed && c.visibility === "private").length;
    expect(world.index.rankCandidates(v, { employerView: true }, DAY).count).toBe(CANDIDATES - placed - hidden);
    // some meet every required skill, some do not (vacancy 901 asks for one skill)
    const one = world.vacancies.get(901)!.facts;
    const meets = world.index.rankCandidates(one, { meetsAllRequired: true }, DAY).count;
    expect(meets).toBeGreaterThan(0);
    expect(meets).toBeLessThan(world.index.rankCandidates(one, {}, DAY).count);
  });

  it("pagination slices the same order", () => {
    for (const v of sampleVacancies(world.vacancies).slice(0, 4)) {
      const expected = bruteCandidates(world.candidates.values(), v.facts, {}, related);
      for (const [offset, limit] of [
        [0, 20],
        [0, 1],
        [20, 20],
        [137, 50],
        [expected.length - 5, 20],
        [expected.length, 20],
        [expected.length + 10, 20],
        [5, 0],
      ] as const) {
        const page = world.index.rankCandidates(v.facts, {}, DAY, offset, limit);
        expect(page.count).toBe(expected.length);
        expect(page.items, `offset ${offset} limit ${limit}`).toEqual(expected.slice(offset, offset + limit));
      }
      // default page: the first 20
      expect(world.index.rankCandidates(v.facts, {}, DAY).items).toEqual(expected.slice(0, 20));
    }
  });

  it("rankVacancies equals brute force over vacancies whose deadline is today or later", () => {
    const cands = [...world.candidates.values()].filter((_, i) => i % 250 === 0);
    for (const c of cands) {
      const expected = bruteVacancies(world.vacancies.values(), c, related);
      const page = world.index.rankVacancies(c.facts, DAY, 0, ALL);
      expect(page.count).toBe(expected.length);
      expect(page.items).toEqual(expected);
      expect(page.items.some((x) => x.id === 902)).toBe(true); // deadline today stays
      expect(page.items.some((x) => x.id === 904)).toBe(false); // deadline yesterday goes
      expect(world.index.rankVacancies(c.facts, DAY, 10, 15).items).toEqual(expected.slice(10, 25));
    }
    const someClosed = [...world.vacancies.values()].filter((v) => v.deadline !== null && v.deadline < DAY.today).length;
    expect(someClosed).toBeGreaterThan(0);
  });

  it("rankVacancies' `only` filter keeps the same order among the kept", () => {
    const c = world.candidates.get(17)!;
    const expected = bruteVacancies(world.vacancies.values(), c, related).filter((x) => world.vacancies.get(x.id)!.companyId === 7);
    const page = world.index.rankVacancies(c.facts, DAY, 0, ALL, (v) => v.companyId === 7);
    expect(page.items).toEqual(expected);
    expect(page.count).toBe(expected.length);
  });
});

describe("MatchIndex after updates", () => {
  it("re-putting changed graduates and dropping some gives the brute-force answer over the new facts", () => {
    const world = build(SEED + 1);
    const related = relatedFrom(world.pairs);
    const { r, candidates, index } = world;
    const vs = sampleVacancies(world.vacancies);
    // warm the index up with a ranking before the updates (scratch buffers in use)
    for (const v of vs) index.rankCandidates(v.facts, {}, DAY, 0, 50);

    // change 400 graduates: new random facts under the same id (skills, languages, place, …)
    for (let i = 0; i < 400; i++) {
      const id = r.int(1, CANDIDATES);
      const next = randomCandidate(r, id);
      candidates.set(id, next);
      index.putCandidate(next);
    }
    // a targeted change: lose every skill and language, move to a region of their own
    const emptied: CandidateEntry = {
      ...candidates.get(5)!,
      facts: { ...candidates.get(5)!.facts, skills: new Map(), languages: new Map(), place: { regionId: 7, city: "кок-ой" } },
    };
    candidates.set(5, emptied);
    index.putCandidate(emptied);
    // drop 300, then bring 50 of them back with new facts, and add 200 new ids
    const dropped: number[] = [];
    for (let i = 0; i < 300; i++) {
      const id = r.int(1, CANDIDATES);
      if (id === 5) continue; // the emptied one stays, checked below
      candidates.delete(id);
      index.dropCandidate(id);
      dropped.push(id);
    }
    index.dropCandidate(999_999); // unknown: no-op
    for (const id of dropped.slice(0, 50)) {
      const back = randomCandidate(r, id);
      candidates.set(id, back);
      index.putCandidate(back);
    }
    for (let id = CANDIDATES + 1; id <= CANDIDATES + 200; id++) {
      const c = randomCandidate(r, id);
      candidates.set(id, c);
      index.putCandidate(c);
    }
    expect(index.size.candidates).toBe(candidates.size);
    expect(index.candidate(5)).toBe(emptied);

    for (const filters of [
      {},
      { includePlaced: true },
      { meetsAllRequired: true },
      { regionId: 7 },
      { availableNow: true, employerView: true },
    ] as CandidateFilters[]) {
      for (const v of vs) {
        const expected = bruteCandidates(candidates.values(), v.facts, filters, related);
        const page = index.rankCandidates(v.facts, filters, DAY, 0, ALL);
        expect(page.count, `vacancy ${v.facts.id} ${JSON.stringify(filters)}`).toBe(expected.length);
        expect(page.items, `vacancy ${v.facts.id} ${JSON.stringify(filters)}`).toEqual(expected);
      }
    }
    // holders (skill-gap counts) reflect the current facts only
    for (let skill = 1; skill <= 40; skill++) {
      const expected = [...candidates.values()]
        .filter((c) => c.facts.skills.has(skill))
        .map((c) => c.facts.id)
        .sort((a, b) => a - b);
      expect(
        index
          .holders(skill)
          .map((c) => c.facts.id)
          .sort((a, b) => a - b),
        `skill ${skill}`,
      ).toEqual(expected);
    }
  });

  it("a graduate who loses a skill, a language or a city no longer gets credit for them (no stale postings)", () => {
    const index = new MatchIndex();
    const base: CandidateEntry = {
      facts: {
        id: 1,
        skills: new Map([[3, [{ level: 3, evidence: 3 }]]]),
        languages: new Map([["en", 6]]),
        place: { regionId: 1, city: "бишкек" },
        willingToRelocate: false,
        remotePreference: null,
        availableFrom: null,
        modulesCompleted: 0,
        modulesVerified: 0,
        certificate: "none",
      },
      schoolId: 1,
      cohortId: 1,
      regionId: 1,
      visibility: "public",
      placed: false,
    };
    const v: VacancyFacts = {
      id: 1,
      skills: [{ skillId: 3, minLevel: 1, required: true }],
      languages: [{ language: "en", minLevel: 3 }],
      workMode: "onsite",
      place: { regionId: 1, city: "бишкек" },
    };
    const prepared = prepareVacancy(v, () => []);
    index.putCandidate(base);
    const before = index.rankCandidates(v, {}, DAY).items[0]!;
    expect(before.total).toBe(explainMatch(base.facts, prepared, DAY).total);
    expect(index.rankCandidates(v, { meetsAllRequired: true }, DAY).count).toBe(1);
    const changed: CandidateEntry = {
      ...base,
      facts: { ...base.facts, skills: new Map([[4, [{ level: 1, evidence: 1 }]]]), languages: new Map([["ru", 6]]), place: { regionId: 2, city: "нарын" } },
    };
    index.putCandidate(changed);
    const after = index.rankCandidates(v, {}, DAY).items[0]!;
    expect(after).toEqual({
      id: 1,
      total: explainMatch(changed.facts, prepared, DAY).total,
      score: explainMatch(changed.facts, prepared, DAY).score,
      requiredMet: 0,
    });
    expect(index.rankCandidates(v, { meetsAllRequired: true }, DAY).count).toBe(0);
    expect(index.holders(3)).toEqual([]);
    expect(index.holders(4)).toEqual([changed]);
    index.dropCandidate(1);
    expect(index.rankCandidates(v, { includePlaced: true }, DAY)).toEqual({ count: 0, items: [] });
    expect(index.holders(4)).toEqual([]);
    index.putCandidate(base);
    expect(index.rankCandidates(v, {}, DAY).items).toEqual([before]);
  });

  it("setRelations re-prepares stored vacancies (rankVacancies) and applies to rankCandidates", () => {
    const world = build(SEED + 2);
    const { index, candidates, vacancies } = world;
    const check = (pairs: [number, number][]) => {
      const related = relatedFrom(pairs);
      for (const c of [...candidates.values()].filter((_, i) => i % 500 === 0)) {
        expect(index.rankVacancies(c.facts, DAY, 0, ALL).items).toEqual(bruteVacancies(vacancies.values(), c, related));
      }
      for (const v of sampleVacancies(vacancies).slice(0, 4)) {
        expect(index.rankCandidates(v.facts, {}, DAY, 0, ALL).items).toEqual(bruteCandidates(candidates.values(), v.facts, {}, related));
      }
    };
    check(world.pairs);
    // new relations: a different random set, then every skill related to its neighbours, then none
    const next = randomRelations(prng(7), 40, 60);
    index.setRelations(next);
    check(next);
    const chain: [number, number][] = [];
    for (let s = 1; s < 40; s++) chain.push([s, s + 1], [s + 1, s]);
    index.setRelations(chain);
    check(chain);
    // relations change some totals (otherwise the checks above prove nothing)
    const c = candidates.get(1)!;
    const withChain = index.rankVacancies(c.facts, DAY, 0, ALL).items;
    index.setRelations([]);
    check([]);
    expect(index.rankVacancies(c.facts, DAY, 0, ALL).items).not.toEqual(withChain);
    // a vacancy put after setRelations is prepared with the current relations
    index.setRelations(chain);
    const late: VacancyEntry = {
      facts: { id: 5000, skills: [{ skillId: 10, minLevel: 1, required: true }], languages: [], workMode: "remote", place: { regionId: null, city: null } },
      companyId: 1,
      deadline: null,
      publishedAt: null,
    };
    index.putVacancy(late);
    const holder = { ...c.facts, skills: new Map([[11, [{ level: 3 as const, evidence: 3 as const }]]]) };
    const got = index.rankVacancies(holder, DAY, 0, ALL, (v) => v.facts.id === 5000).items[0]!;
    expect(got.total).toBe(explainMatch(holder, prepareVacancy(late.facts, relatedFrom(chain)), DAY).total);
    index.dropVacancy(5000);
    expect(index.rankVacancies(holder, DAY, 0, ALL, (v) => v.facts.id === 5000).count).toBe(0);
  });
});

describe("MatchIndex under random sequences of changes (fast-check)", () => {
  // Small id and skill ranges so updates hit the same graduates, skills, cities and languages.
  const level = fc.constantFrom<LevelRank>(1, 2, 3);
  const place = fc.record({
    regionId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    city: fc.option(fc.constantFrom("бишкек", "нарын", "ош"), { nil: null }),
  });
  const candidate = fc
    .record({
      id: fc.integer({ min: 1, max: 15 }),
      // Each skill with up to three (level, evidence) pairs (an empty list is "not held").
      skills: fc.array(
        fc.tuple(fc.integer({ min: 1, max: 6 }), fc.array(fc.record({ level, evidence: fc.constantFrom<1 | 2 | 3>(1, 2, 3) }), { maxLength: 3 })),
        { maxLength: 5 },
      ),
      languages: fc.array(fc.tuple(fc.constantFrom("ky", "ru", "en", "de"), fc.integer({ min: 1, max: 7 })), { maxLength: 4 }),
      place,
      willingToRelocate: fc.boolean(),
      remotePreference: fc.constantFrom("onsite", "hybrid", "remote", "any", null),
      availableFrom: fc.constantFrom(null, "2026-11-01", "2026-11-15", "2026-11-16", "2026-12-20", "2027-06-01"),
      modulesCompleted: fc.integer({ min: 0, max: 12 }),
      modulesVerified: fc.integer({ min: 0, max: 12 }),
      certificate: fc.constantFrom("none", "claimed", "verified"),
      schoolId: fc.integer({ min: 1, max: 2 }),
      cohortId: fc.integer({ min: 1, max: 3 }),
      regionId: fc.integer({ min: 1, max: 3 }),
      visibility: fc.constantFrom("private", "employers", "public"),
      placed: fc.boolean(),
    })
    .map((c): CandidateEntry => ({
      facts: {
        id: c.id,
        skills: new Map(c.skills),
        languages: new Map(c.languages.map(([l, n]) => [l, n as CefrRank])),
        place: c.place,
        willingToRelocate: c.willingToRelocate,
        remotePreference: c.remotePreference as CandidateEntry["facts"]["remotePreference"],
        availableFrom: c.availableFrom,
        modulesCompleted: c.modulesCompleted,
        modulesVerified: c.modulesVerified,
        certificate: c.certificate as CandidateEntry["facts"]["certificate"],
      },
      schoolId: c.schoolId,
      cohortId: c.cohortId,
      regionId: c.regionId,
      visibility: c.visibility as CandidateEntry["visibility"],
      placed: c.placed,
    }));
  const vacancy: fc.Arbitrary<VacancyFacts> = fc.record({
    id: fc.integer({ min: 1, max: 5 }),
    skills: fc.array(fc.record({ skillId: fc.integer({ min: 1, max: 6 }), minLevel: level, required: fc.boolean() }), { maxLength: 4 }),
    languages: fc.array(fc.record({ language: fc.constantFrom("ky", "ru", "en"), minLevel: fc.integer({ min: 1, max: 6 }).map((n) => n as CefrRank) }), {
      maxLength: 2,
    }),
    workMode: fc.constantFrom<VacancyFacts["workMode"]>("onsite", "hybrid", "remote"),
    place: fc.record({
      regionId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      city: fc.option(fc.constantFrom("бишкек", "нарын", "каракол"), { nil: null }),
    }),
  });
  const pairs = fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })), { maxLength: 6 }).map((ps) =>
    ps.flatMap(([a, b]): [number, number][] => [
      [a, b],
      [b, a],
    ]),
  );
  const op = fc.oneof(
    { weight: 5, arbitrary: candidate.map((c) => ({ kind: "put" as const, c })) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 15 }).map((id) => ({ kind: "drop" as const, id })) },
    { weight: 1, arbitrary: pairs.map((p) => ({ kind: "relations" as const, p })) },
  );
  const filters: fc.Arbitrary<CandidateFilters> = fc.record(
    {
      meetsAllRequired: fc.boolean(),
      schoolId: fc.integer({ min: 1, max: 2 }),
      cohortId: fc.integer({ min: 1, max: 3 }),
      regionId: fc.integer({ min: 1, max: 3 }),
      availableNow: fc.boolean(),
      includePlaced: fc.boolean(),
      employerView: fc.boolean(),
    },
    { requiredKeys: [] },
  );

  it("after any sequence of puts, drops and relation changes, both rankings equal brute force", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), vacancy, filters, fc.nat(30), fc.integer({ min: 0, max: 10 }), (ops, v, f, offset, limit) => {
        const index = new MatchIndex();
        const model = new Map<number, CandidateEntry>();
        let relationPairs: [number, number][] = [];
        index.putVacancy({ facts: v, companyId: 1, deadline: null, publishedAt: null });
        for (const o of ops) {
          if (o.kind === "put") {
            index.putCandidate(o.c);
            model.set(o.c.facts.id, o.c);
          } else if (o.kind === "drop") {
            index.dropCandidate(o.id);
            model.delete(o.id);
          } else {
            index.setRelations(o.p);
            relationPairs = o.p;
          }
        }
        const related = relatedFrom(relationPairs);
        const expected = bruteCandidates(model.values(), v, f, related);
        const all = index.rankCandidates(v, f, DAY, 0, 100);
        expect(all.count).toBe(expected.length);
        expect(all.items).toEqual(expected);
        expect(index.rankCandidates(v, f, DAY, offset, limit).items).toEqual(expected.slice(offset, offset + limit));
        for (const c of model.values()) expect(index.rankVacancies(c.facts, DAY, 0, 10).items).toEqual(bruteVacancies(index.allVacancies(), c, related));
        expect(index.size.candidates).toBe(model.size);
      }),
      { numRuns: 300 },
    );
  });
});
