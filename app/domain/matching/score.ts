// Scores one (graduate, vacancy) pair from 0 to 100 and explains every point (docs/product.md §5).
// Plain TypeScript: no Remix, no database. The ranker feeds it facts from its in-memory
// index; tests feed it hand-made facts.
//
// Arithmetic is in integers so that the sum never depends on the order of the inputs:
// a skill's credit is in per-mille (0–1000) and component points are in ten-thousandths
// of a point (PRECISION). The shown score is the rounded total; ranking uses the exact total.

export const PRECISION = 10_000;

/** Points of each component; they add up to 100. */
export const WEIGHTS = {
  required: 50,
  niceToHave: 10,
  languages: 10,
  place: 10,
  availability: 5,
  modules: 10,
  certificate: 5,
} as const;

export const MODULE_COUNT = 12;

// The level and evidence scales (and their ranks) are defined once, in app/domain/skills/levels.ts.
import type { CefrRank, EvidenceRank, LevelRank } from "~/domain/skills/levels";
export type { CefrRank, EvidenceRank, LevelRank };

/** One (level, evidence) pair: the evidence proves this level, nothing higher. */
export type SkillClaim = { level: LevelRank; evidence: EvidenceRank };
/**
 * Every pair known for one skill (docs/product.md §5 since the first release, docs/decisions/022): a
 * verified basic and a self-declared intermediate are two pairs, never "intermediate, verified".
 */
export type SkillEvidence = readonly SkillClaim[];
export type PlaceFacts = { regionId: number | null; city: string | null };

export type CandidateFacts = {
  id: number;
  /** Per skill id, its (level, evidence) pairs; the score takes the best credit over them. */
  skills: ReadonlyMap<number, SkillEvidence>;
  /** Language code → level; English from the profile's English level is here as "en". */
  languages: ReadonlyMap<string, CefrRank>;
  place: PlaceFacts;
  willingToRelocate: boolean;
  remotePreference: "onsite" | "hybrid" | "remote" | "any" | null;
  /** ISO date, or null when available now. */
  availableFrom: string | null;
  /** Modules completed, verified or self-marked. */
  modulesCompleted: number;
  /** Of those, the ones staff verified (the rest count as self-marked). */
  modulesVerified: number;
  certificate: "none" | "claimed" | "verified";
};

export type Requirement = { skillId: number; minLevel: LevelRank; required: boolean };

export type VacancyFacts = {
  id: number;
  skills: readonly Requirement[];
  languages: readonly { language: string; minLevel: CefrRank }[];
  workMode: "onsite" | "hybrid" | "remote";
  place: PlaceFacts;
};

/** Related skills of a skill (symmetric in the taxonomy). */
export type RelatedOf = (skillId: number) => readonly number[];

// ---- skill credit -------------------------------------------------------------------

const LEVEL_CREDIT = [1000, 600, 300] as const; // index = levels short of the minimum (0, 1, 2)
const EVIDENCE_CREDIT = [0, 700, 850, 1000] as const; // index = EvidenceRank
/** Related skills give half of what the skill itself would give (docs/product.md §5: partial, never full). */
export const RELATED_SHARE = 500;

/** Per-mille credit of holding a skill for a requirement of the given minimum level. */
export function claimCredit(claim: SkillClaim, minLevel: LevelRank): number {
  const short = Math.max(0, minLevel - claim.level);
  return Math.round((LEVEL_CREDIT[short]! * EVIDENCE_CREDIT[claim.evidence]) / 1000);
}

export function relatedCredit(claim: SkillClaim, minLevel: LevelRank): number {
  return Math.floor((claimCredit(claim, minLevel) * RELATED_SHARE) / 1000);
}

/** The best credit over a skill's pairs (0 when it has none). Adding a pair never lowers it. */
export function evidenceCredit(pairs: SkillEvidence, minLevel: LevelRank): number {
  let best = 0;
  for (const pair of pairs) best = Math.max(best, claimCredit(pair, minLevel));
  return best;
}

/** The best related credit over a skill's pairs. */
export function relatedEvidenceCredit(pairs: SkillEvidence, minLevel: LevelRank): number {
  let best = 0;
  for (const pair of pairs) best = Math.max(best, relatedCredit(pair, minLevel));
  return best;
}

/** Whether any pair reaches the level (the skill is "met", whatever its evidence). */
export function reachesLevel(pairs: SkillEvidence, minLevel: LevelRank): boolean {
  return pairs.some((p) => p.level >= minLevel);
}

/**
 * The pairs worth showing and keeping: none that another pair matches or beats in both level
 * and evidence. Sorted by level, lowest first: "basic ✓ verified; intermediate, self-declared".
 */
export function strongestPairs(pairs: SkillEvidence): SkillClaim[] {
  const kept: SkillClaim[] = [];
  const sorted = [...pairs].sort((a, b) => b.level - a.level || b.evidence - a.evidence);
  let bestEvidence = 0;
  // Highest level first: a pair is kept only when its evidence beats every higher level's.
  for (const p of sorted) {
    if (p.evidence > bestEvidence) {
      kept.push({ level: p.level, evidence: p.evidence });
      bestEvidence = p.evidence;
    }
  }
  return kept.reverse();
}

export type RequirementStatus = "met" | "below-level" | "related" | "missing";

export type RequirementResult = {
  skillId: number;
  minLevel: LevelRank;
  status: RequirementStatus;
  credit: number;
  /** The graduate's own (level, evidence) pairs on the skill (strongestPairs); empty when none. */
  claims: SkillClaim[];
  /** The related skill that gave credit, when status is "related". */
  viaSkillId: number | null;
};

// ---- the other components -------------------------------------------------------------

export type LanguageResult = { language: string; minLevel: CefrRank; have: CefrRank | null; status: "met" | "below" | "missing"; credit: number };

/** One step short still lets a person work and learn; two or more steps short do not count. */
export function languageCredit(have: CefrRank | undefined, minLevel: CefrRank): number {
  if (have === undefined) return 0;
  return have >= minLevel ? 1000 : have >= minLevel - 1 ? 500 : 0;
}

export function evaluateLanguage(candidate: CandidateFacts, need: { language: string; minLevel: CefrRank }): LanguageResult {
  const have = candidate.languages.get(need.language);
  const status = have === undefined ? "missing" : have >= need.minLevel ? "met" : "below";
  return { language: need.language, minLevel: need.minLevel, have: have ?? null, status, credit: languageCredit(have, need.minLevel) };
}

export type PlaceKind = "remote-job" | "same-city" | "same-region" | "relocate" | "elsewhere" | "unspecified";
export type PlaceResult = { kind: PlaceKind; prefersRemote: boolean; credit: number };

/** How a city is compared: case and surrounding spaces do not matter. Facts carry cities in this form. */
export function cityKey(city: string | null | undefined): string | null {
  const key = city?.trim().toLocaleLowerCase("ru").replace(/ё/g, "е");
  return key ? key : null;
}

const PLACE_CREDIT: Record<PlaceKind, number> = { "remote-job": 1000, unspecified: 1000, "same-city": 1000, "same-region": 700, relocate: 500, elsewhere: 0 };
/** A hybrid job asks for the office only some days: a neighbour in the same region fits better. */
const HYBRID_SAME_REGION = 800;
/** Someone who asked for remote work is a weaker fit for an office, however near. */
const PREFERS_REMOTE_CAP = 500;

/**
 * Where the graduate stands against the job's place. Scalars rather than objects, so the
 * ranking's columns (cities as interned numbers) and the explanation (cities as text) share it.
 */
export function placeKindOf<City>(
  workMode: VacancyFacts["workMode"],
  jobCity: City | null,
  jobRegion: number | null,
  city: City | null,
  region: number | null,
  willingToRelocate: boolean,
): PlaceKind {
  if (workMode === "remote") return "remote-job";
  if (jobRegion === null && jobCity === null) return "unspecified";
  if (city !== null && city === jobCity) return "same-city";
  if (region !== null && region === jobRegion) return "same-region";
  return willingToRelocate ? "relocate" : "elsewhere";
}

export function placeCredit(kind: PlaceKind, workMode: VacancyFacts["workMode"], prefersRemote: boolean): number {
  const base = kind === "same-region" && workMode === "hybrid" ? HYBRID_SAME_REGION : PLACE_CREDIT[kind];
  return prefersRemote ? Math.min(base, PREFERS_REMOTE_CAP) : base;
}

/** A graduate who asked for remote work, facing a job that is not remote. */
export const prefersRemoteFor = (preference: CandidateFacts["remotePreference"], workMode: VacancyFacts["workMode"]) =>
  preference === "remote" && workMode !== "remote";

export function evaluatePlace(candidate: CandidateFacts, vacancy: VacancyFacts): PlaceResult {
  const kind = placeKindOf(
    vacancy.workMode,
    vacancy.place.city,
    vacancy.place.regionId,
    candidate.place.city,
    candidate.place.regionId,
    candidate.willingToRelocate,
  );
  const prefersRemote = prefersRemoteFor(candidate.remotePreference, vacancy.workMode);
  return { kind, prefersRemote, credit: placeCredit(kind, vacancy.workMode, prefersRemote) };
}

/** The day of the ranking, with the dates availability is measured against (computed once per ranking). */
export type RankingDay = { today: string; inMonth: string; inQuarter: string };

export function rankingDay(today: string): RankingDay {
  const plus = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return { today, inMonth: plus(31), inQuarter: plus(92) };
}

export type AvailabilityKind = "now" | "within-month" | "within-quarter" | "later";
export type AvailabilityResult = { kind: AvailabilityKind; from: string | null; credit: number };
export const AVAILABILITY_CREDIT: Record<AvailabilityKind, number> = { now: 1000, "within-month": 600, "within-quarter": 300, later: 0 };

export function availabilityKind(from: string | null, day: RankingDay): AvailabilityKind {
  return !from || from <= day.today ? "now" : from <= day.inMonth ? "within-month" : from <= day.inQuarter ? "within-quarter" : "later";
}

export function evaluateAvailability(candidate: CandidateFacts, day: RankingDay): AvailabilityResult {
  const kind = availabilityKind(candidate.availableFrom, day);
  return { kind, from: candidate.availableFrom, credit: AVAILABILITY_CREDIT[kind] };
}

const CERTIFICATE_CREDIT = { none: 0, claimed: 400, verified: 1000 } as const;

// ---- the whole score --------------------------------------------------------------------

export type Components = {
  required: number;
  niceToHave: number;
  languages: number;
  place: number;
  availability: number;
  modules: number;
  certificate: number;
};

export type Explanation = {
  graduateId: number;
  vacancyId: number;
  /** 0–100, rounded. */
  score: number;
  /** Exact total in ten-thousandths of a point; what the ranking sorts by. */
  total: number;
  /** Points per component (exact, in ten-thousandths). */
  components: Components;
  required: RequirementResult[];
  niceToHave: RequirementResult[];
  requiredMet: number;
  requiredCount: number;
  languages: LanguageResult[];
  place: PlaceResult;
  availability: AvailabilityResult;
  modulesCompleted: number;
  modulesVerified: number;
  certificate: CandidateFacts["certificate"];
  /** Skills to learn, best gain first: each with the score the graduate would reach. */
  learnNext: { skillId: number; scoreAfter: number }[];
};

/** Share of `weight` points for an average per-mille credit over `count` items (full points when there are none). */
export function share(weight: number, creditSum: number, count: number): number {
  if (count === 0) return weight * PRECISION;
  return Math.round((weight * PRECISION * creditSum) / (count * 1000));
}

const sum = (xs: readonly { credit: number }[]) => xs.reduce((acc, x) => acc + x.credit, 0);

function totalOf(c: Components): number {
  return c.required + c.niceToHave + c.languages + c.place + c.availability + c.modules + c.certificate;
}

/** Rounded 0–100 score of an exact total. */
export function scoreOf(total: number): number {
  return Math.max(0, Math.min(100, Math.round(total / PRECISION)));
}

/**
 * A vacancy made ready for scoring many graduates: requirements in a fixed order (required
 * first, then by skill id) with their related skills, languages sorted — so the order the
 * facts came in never changes a result, and nothing is sorted per graduate.
 */
export type PreparedVacancy = {
  facts: VacancyFacts;
  required: PreparedRequirement[];
  niceToHave: PreparedRequirement[];
  languages: { language: string; minLevel: CefrRank }[];
};
type PreparedRequirement = Requirement & { related: number[] };

export function prepareVacancy(vacancy: VacancyFacts, relatedOf: RelatedOf): PreparedVacancy {
  const prepared = (r: Requirement): PreparedRequirement => ({
    ...r,
    related: [...relatedOf(r.skillId)].filter((id) => id !== r.skillId).sort((a, b) => a - b),
  });
  const bySkill = (a: Requirement, b: Requirement) => a.skillId - b.skillId;
  // A skill listed twice keeps its stricter entry (required over nice-to-have, higher level).
  const unique = new Map<number, Requirement>();
  for (const r of vacancy.skills) {
    const seen = unique.get(r.skillId);
    if (!seen || Number(r.required) > Number(seen.required) || (r.required === seen.required && r.minLevel > seen.minLevel)) unique.set(r.skillId, r);
  }
  const all = [...unique.values()].sort(bySkill);
  return {
    facts: vacancy,
    required: all.filter((r) => r.required).map(prepared),
    niceToHave: all.filter((r) => !r.required).map(prepared),
    languages: [...vacancy.languages].sort((a, b) => (a.language < b.language ? -1 : a.language > b.language ? 1 : a.minLevel - b.minLevel)),
  };
}

/**
 * A requirement's credit: the skill itself, or half of a related one — and holding the skill
 * at all, even below the level, always beats not holding it (one per-mille above the best
 * related credit), so a graduate missing a skill never ties with one who has it.
 */
export function combineCredit(direct: number | null, bestRelated: number): number {
  return direct === null ? bestRelated : Math.max(direct, bestRelated + 1);
}

/** A skill's pairs, or null when the graduate does not hold it (an empty list is not holding it). */
function held(candidate: CandidateFacts, skillId: number): SkillEvidence | null {
  const pairs = candidate.skills.get(skillId);
  return pairs && pairs.length > 0 ? pairs : null;
}

function evaluatePrepared(candidate: CandidateFacts, req: PreparedRequirement): RequirementResult {
  const own = held(candidate, req.skillId);
  let related = 0;
  let via: number | null = null;
  for (const relatedId of req.related) {
    const pairs = held(candidate, relatedId);
    if (!pairs) continue;
    const credit = relatedEvidenceCredit(pairs, req.minLevel);
    if (credit > related) {
      related = credit;
      via = relatedId;
    }
  }
  const direct = own ? evidenceCredit(own, req.minLevel) : null;
  const credit = combineCredit(direct, related);
  const byRelated = via !== null && (direct === null || credit > direct);
  const status: RequirementStatus = byRelated ? "related" : own ? (reachesLevel(own, req.minLevel) ? "met" : "below-level") : "missing";
  return { skillId: req.skillId, minLevel: req.minLevel, status, credit, claims: own ? strongestPairs(own) : [], viaSkillId: byRelated ? via : null };
}

/** The same credit as evaluatePrepared, without building a result (the ranking's inner loop). */
function creditOf(candidate: CandidateFacts, req: PreparedRequirement): number {
  let related = 0;
  for (const relatedId of req.related) {
    const pairs = held(candidate, relatedId);
    if (pairs) related = Math.max(related, relatedEvidenceCredit(pairs, req.minLevel));
  }
  const own = held(candidate, req.skillId);
  return combineCredit(own ? evidenceCredit(own, req.minLevel) : null, related);
}

function evaluateOthers(candidate: CandidateFacts, vacancy: PreparedVacancy, day: RankingDay) {
  const place = evaluatePlace(candidate, vacancy.facts);
  const availability = evaluateAvailability(candidate, day);
  return { place, availability, ...modulesOf(candidate) };
}

/** Completed modules (at most MODULE_COUNT) and, of them, the verified ones. */
function modulesOf(candidate: CandidateFacts) {
  const modulesCompleted = Math.min(MODULE_COUNT, Math.max(0, candidate.modulesCompleted));
  return { modulesCompleted, modulesVerified: Math.min(modulesCompleted, Math.max(0, candidate.modulesVerified)) };
}

/**
 * Per-mille credit summed over completed modules, by the skills' evidence weights (docs/product.md §5):
 * verified 1000, self-marked 700 — so marking a module adds, and verifying it adds more.
 */
export function moduleCredit(candidate: CandidateFacts): number {
  const { modulesCompleted, modulesVerified } = modulesOf(candidate);
  return modulesVerified * EVIDENCE_CREDIT[3] + (modulesCompleted - modulesVerified) * EVIDENCE_CREDIT[1];
}

/** Points that depend on the graduate alone (modules and certificate): computed once per graduate by the ranking. */
export function graduatePoints(candidate: CandidateFacts): number {
  return share(WEIGHTS.modules, moduleCredit(candidate), MODULE_COUNT) + share(WEIGHTS.certificate, CERTIFICATE_CREDIT[candidate.certificate], 1);
}

/** Points of place and availability from their credits. */
export function placeAndAvailabilityPoints(place: number, availability: number): number {
  return share(WEIGHTS.place, place, 1) + share(WEIGHTS.availability, availability, 1);
}

/** Points of the skill and language components from summed credits over counted requirements. */
export function skillAndLanguagePoints(
  counts: { required: number; niceToHave: number; languages: number },
  required: number,
  niceToHave: number,
  languages: number,
): number {
  return (
    share(WEIGHTS.required, required, counts.required) +
    share(WEIGHTS.niceToHave, niceToHave, counts.niceToHave) +
    share(WEIGHTS.languages, languages, counts.languages)
  );
}

/** How many requirements of each kind a prepared vacancy has (what the shares divide by). */
export const countsOf = (v: PreparedVacancy) => ({ required: v.required.length, niceToHave: v.niceToHave.length, languages: v.languages.length });

export function explainMatch(candidate: CandidateFacts, vacancy: PreparedVacancy, day: RankingDay, withLearnNext = true): Explanation {
  const required = vacancy.required.map((r) => evaluatePrepared(candidate, r));
  const niceToHave = vacancy.niceToHave.map((r) => evaluatePrepared(candidate, r));
  const languages = vacancy.languages.map((l) => evaluateLanguage(candidate, l));
  const other = evaluateOthers(candidate, vacancy, day);
  const components: Components = {
    required: share(WEIGHTS.required, sum(required), required.length),
    niceToHave: share(WEIGHTS.niceToHave, sum(niceToHave), niceToHave.length),
    languages: share(WEIGHTS.languages, sum(languages), languages.length),
    place: share(WEIGHTS.place, other.place.credit, 1),
    availability: share(WEIGHTS.availability, other.availability.credit, 1),
    modules: share(WEIGHTS.modules, moduleCredit(candidate), MODULE_COUNT),
    certificate: share(WEIGHTS.certificate, CERTIFICATE_CREDIT[candidate.certificate], 1),
  };
  const total = totalOf(components);
  const explanation: Explanation = {
    graduateId: candidate.id,
    vacancyId: vacancy.facts.id,
    score: scoreOf(total),
    total,
    components,
    required,
    niceToHave,
    requiredMet: required.filter((r) => r.status === "met").length,
    requiredCount: required.length,
    languages,
    place: other.place,
    availability: other.availability,
    modulesCompleted: other.modulesCompleted,
    modulesVerified: other.modulesVerified,
    certificate: candidate.certificate,
    learnNext: [],
  };
  if (withLearnNext) explanation.learnNext = learnNext(candidate, vacancy, day, [...required, ...niceToHave], total);
  return explanation;
}

export type QuickMatch = { total: number; requiredMet: number };

/**
 * The exact total (and how many required skills are fully met) without an explanation:
 * what ranking thousands of pairs needs, so it allocates nothing but its result. Same
 * arithmetic as explainMatch — a test checks both agree on random data.
 */
export function quickMatch(candidate: CandidateFacts, vacancy: PreparedVacancy, day: RankingDay): QuickMatch {
  let requiredCredit = 0;
  let requiredMet = 0;
  for (const r of vacancy.required) {
    requiredCredit += creditOf(candidate, r);
    const own = candidate.skills.get(r.skillId);
    if (own !== undefined && reachesLevel(own, r.minLevel)) requiredMet += 1;
  }
  let niceCredit = 0;
  for (const r of vacancy.niceToHave) niceCredit += creditOf(candidate, r);
  let languagesCredit = 0;
  for (const l of vacancy.languages) languagesCredit += languageCredit(candidate.languages.get(l.language), l.minLevel);
  const total =
    skillAndLanguagePoints(countsOf(vacancy), requiredCredit, niceCredit, languagesCredit) +
    placeAndAvailabilityPoints(evaluatePlace(candidate, vacancy.facts).credit, AVAILABILITY_CREDIT[availabilityKind(candidate.availableFrom, day)]) +
    graduatePoints(candidate);
  return { total, requiredMet };
}

/**
 * What to learn next: for each requirement not fully met, the score reached by adding that
 * skill at the asked level, self-declared (the least a graduate can add alone), best first.
 */
function learnNext(candidate: CandidateFacts, vacancy: PreparedVacancy, day: RankingDay, results: RequirementResult[], total: number) {
  const gains: { skillId: number; scoreAfter: number; total: number }[] = [];
  for (const r of results) {
    if (r.status === "met") continue;
    const skills = new Map(candidate.skills);
    skills.set(r.skillId, [...(candidate.skills.get(r.skillId) ?? []), { level: r.minLevel, evidence: 1 as EvidenceRank }]);
    const after = quickMatch({ ...candidate, skills }, vacancy, day).total;
    if (after > total) gains.push({ skillId: r.skillId, scoreAfter: scoreOf(after), total: after });
  }
  return gains.sort((a, b) => b.total - a.total || a.skillId - b.skillId).map(({ skillId, scoreAfter }) => ({ skillId, scoreAfter }));
}

/**
 * How a requirement reads to a person (issue 14 item 7): held at the asked level ("met"), held below
 * it ("partly" — the score gives it credit, so no page may call it missing), or not held. A related
 * skill's credit does not make the skill held. The one rule every page's summary and JSON use.
 */
export type Standing = "met" | "partly" | "missing";
export function standingOf(r: RequirementResult): Standing {
  return r.status === "met" ? "met" : r.claims.length > 0 ? "partly" : "missing";
}

/** The required skills of an explanation by standing: how many met, and which held below their level or not held. */
export function requiredTally(e: Pick<Explanation, "required">): { count: number; met: number; partly: number[]; missing: number[] } {
  const partly: number[] = [];
  const missing: number[] = [];
  let met = 0;
  for (const r of e.required) {
    const standing = standingOf(r);
    if (standing === "met") met += 1;
    else (standing === "partly" ? partly : missing).push(r.skillId);
  }
  return { count: e.required.length, met, partly, missing };
}

/** One step of "what to learn": raise a skill held below the asked level, or learn one not held, to `level`. */
export type NextStep = { skillId: number; scoreAfter: number; kind: "raise" | "learn"; level: LevelRank };

/** learnNext worded by standing: a skill the graduate holds is raised to the asked level, never "learnt" again. */
export function nextSteps(e: Pick<Explanation, "required" | "niceToHave" | "learnNext">): NextStep[] {
  const byId = new Map<number, RequirementResult>();
  for (const r of [...e.niceToHave, ...e.required]) byId.set(r.skillId, r);
  return e.learnNext.flatMap(({ skillId, scoreAfter }) => {
    const r = byId.get(skillId);
    return r ? [{ skillId, scoreAfter, kind: standingOf(r) === "partly" ? ("raise" as const) : ("learn" as const), level: r.minLevel }] : [];
  });
}

/** Ranking order: higher total first; equal totals by the smaller id (deterministic). */
export function compareRanked(a: { total: number; id: number }, b: { total: number; id: number }): number {
  return b.total - a.total || a.id - b.id;
}
