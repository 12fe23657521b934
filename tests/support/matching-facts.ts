// Random but reproducible matching facts, for the ranking's property tests and quick timing.
import type { CandidateEntry, VacancyEntry } from "~/domain/matching/ranker";
import type { CefrRank, EvidenceRank, LevelRank, SkillClaim } from "~/domain/matching/score";

/** A small fast PRNG (mulberry32) so a failing case can be replayed from its seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]! };
}

const CITIES = ["бишкек", "нарын", "каракол", "токмок", "кызыл-кыя", "кок-ой", null];

/** Completed modules and, of them, the verified ones. */
function modules(r: ReturnType<typeof prng>) {
  const modulesCompleted = r.int(0, 12);
  return { modulesCompleted, modulesVerified: r.int(0, modulesCompleted) };
}

export function randomCandidate(r: ReturnType<typeof prng>, id: number, skillCount = 40): CandidateEntry {
  // One or two (level, evidence) pairs per skill, as a verified basic beside a self-declared higher level.
  const skills = new Map<number, SkillClaim[]>();
  for (let i = r.int(0, 12); i > 0; i--) {
    const id = r.int(1, skillCount);
    const pairs = skills.get(id) ?? [];
    for (let k = r.int(1, 2); k > 0; k--) pairs.push({ level: r.int(1, 3) as LevelRank, evidence: r.int(1, 3) as EvidenceRank });
    skills.set(id, pairs);
  }
  const languages = new Map<string, CefrRank>();
  for (const l of ["ky", "ru", "en"]) if (r.next() < 0.8) languages.set(l, r.int(1, 7) as CefrRank);
  const regionId = r.next() < 0.8 ? r.int(1, 7) : null;
  return {
    facts: {
      id,
      skills,
      languages,
      place: { regionId, city: r.pick(CITIES) },
      willingToRelocate: r.next() < 0.4,
      remotePreference: r.pick(["onsite", "hybrid", "remote", "any", null] as const),
      availableFrom: r.next() < 0.5 ? null : `2026-${String(r.int(10, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`,
      ...modules(r),
      certificate: r.pick(["none", "claimed", "verified"] as const),
    },
    schoolId: r.int(1, 6),
    cohortId: r.int(1, 12),
    regionId: regionId ?? r.int(1, 7),
    visibility: r.pick(["private", "employers", "public"] as const),
    placed: r.next() < 0.1,
  };
}

export function randomVacancy(r: ReturnType<typeof prng>, id: number, skillCount = 40): VacancyEntry {
  const skills = [];
  for (let i = r.int(0, 9); i > 0; i--) skills.push({ skillId: r.int(1, skillCount), minLevel: r.int(1, 3) as LevelRank, required: r.next() < 0.65 });
  const languages = [];
  for (const l of ["ky", "ru", "en"]) if (r.next() < 0.5) languages.push({ language: l, minLevel: r.int(1, 6) as CefrRank });
  return {
    facts: {
      id,
      skills,
      languages,
      workMode: r.pick(["onsite", "hybrid", "remote"] as const),
      place: { regionId: r.next() < 0.9 ? r.int(1, 7) : null, city: r.pick(CITIES) },
    },
    companyId: r.int(1, 50),
    deadline: r.next() < 0.3 ? `2026-${String(r.int(10, 12)).padStart(2, "0")}-15` : null,
    publishedAt: "2026-11-01",
  };
}

/** Symmetric related pairs among the first skills. */
export function randomRelations(r: ReturnType<typeof prng>, skillCount = 40, pairs = 30): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < pairs; i++) {
    const a = r.int(1, skillCount);
    const b = r.int(1, skillCount);
    if (a !== b) out.push([a, b], [b, a]);
  }
  return out;
}
