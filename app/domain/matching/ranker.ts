// The in-memory side of matching: every rankable graduate and open vacancy, and the two
// rankings over them (docs/product.md §5, budgets in §10). Plain TypeScript; the database side
// (app/models/matching-index.server.ts) fills it and keeps it current.
//
// Graduates are held in columns (typed arrays by slot) with, per skill, the list of slots
// that hold it — so ranking 100,000 graduates for a vacancy walks only the postings of its
// few skills plus one tight pass of integer arithmetic. The arithmetic is score.ts's own
// (the same credit functions and point shares); a test checks every total equals
// explainMatch's, which is what the pages show.
import {
  AVAILABILITY_CREDIT,
  availabilityKind,
  type CandidateFacts,
  type CefrRank,
  combineCredit,
  countsOf,
  evidenceCredit,
  graduatePoints,
  languageCredit,
  type LevelRank,
  placeAndAvailabilityPoints,
  placeCredit,
  placeKindOf,
  type PreparedVacancy,
  prefersRemoteFor,
  prepareVacancy,
  type RankingDay,
  type RelatedOf,
  relatedEvidenceCredit,
  scoreOf,
  type SkillClaim,
  type SkillEvidence,
  skillAndLanguagePoints,
  strongestPairs,
  type VacancyFacts,
} from "./score";

export type CandidateEntry = {
  facts: CandidateFacts;
  schoolId: number;
  cohortId: number;
  /** Where the graduate lives, or their school's region when they have not said (for the region filter). */
  regionId: number | null;
  /** Employers see only "employers" and "public" profiles; staff see all. */
  visibility: "private" | "employers" | "public";
  /** Already hired through the portal. */
  placed: boolean;
};

export type VacancyEntry = {
  facts: VacancyFacts;
  companyId: number;
  /** Last day to apply (ISO date) or null. */
  deadline: string | null;
  publishedAt: string | null;
};

export type CandidateFilters = {
  meetsAllRequired?: boolean;
  schoolId?: number | null;
  cohortId?: number | null;
  regionId?: number | null;
  availableNow?: boolean;
  includePlaced?: boolean;
  /** Employers may not list private profiles. */
  employerView?: boolean;
};

export type Ranked = { id: number; total: number; score: number; requiredMet: number };
export type RankPage = { count: number; items: Ranked[] };

// A skill's (level, evidence) pairs packed in one small integer: two bits per level L (1–3)
// holding the best evidence (0–3) of any pair at L or above — all a credit depends on, since a
// pair also counts for every lower level. 0 means the skill is not held.
const pack = (pairs: SkillEvidence): number => {
  let code = 0;
  for (let level = 1; level <= 3; level++) {
    let best = 0;
    for (const p of pairs) if (p.level >= level && p.evidence > best) best = p.evidence;
    code |= best << (2 * (level - 1));
  }
  return code;
};
const unpack = (code: number): SkillClaim[] => {
  const pairs: SkillClaim[] = [];
  for (let level = 1; level <= 3; level++) {
    const evidence = (code >> (2 * (level - 1))) & 3;
    if (evidence > 0) pairs.push({ level: level as LevelRank, evidence: evidence as SkillClaim["evidence"] });
  }
  return pairs;
};
// Each code's pairs as score.ts keeps them (strongestPairs): one shared, frozen list per code.
// strongestPairs(unpack(pack(p))) equals strongestPairs(p), since both keep exactly the levels L
// whose best evidence at L or above beats that at L + 1 — what the code records.
const CLAIMS: readonly SkillEvidence[] = Array.from({ length: 64 }, (_, code) =>
  Object.freeze(strongestPairs(unpack(code)).map((pair) => Object.freeze(pair))),
);
/** Skill ids above this go in a plain Map (the packed form keeps id * 64 + code a small integer). */
const PACKABLE_SKILL_ID = 2 ** 24;

/**
 * A graduate's skills in one array of small integers, `skillId * 64 + code` sorted by skill id,
 * read as the ReadonlyMap CandidateFacts asks for: `get` answers the shared pairs of the code
 * (CLAIMS), the same pairs strongestPairs gives. 60,000 graduates × 30 skills held as Maps of
 * arrays of pair objects took 459 MB of heap; this, about 20 MB (docs/decisions/070, Session 14).
 * Its iteration order is by skill id; nothing in scoring depends on the order.
 */
export class PackedSkills implements ReadonlyMap<number, SkillEvidence> {
  private readonly packed: number[];
  private constructor(packed: number[]) {
    this.packed = packed;
  }

  /**
   * The compact form of `skills` (each skill's pairs as loaded; a skill with no pairs, or none with
   * evidence, is left out — not holding it, as score.ts reads an empty list), or a plain Map of the
   * strongest pairs when an id is too large to pack.
   */
  static of(skills: ReadonlyMap<number, SkillEvidence>): ReadonlyMap<number, SkillEvidence> {
    const packed: number[] = [];
    for (const [id, pairs] of skills) {
      const code = pack(pairs);
      if (code === 0) continue;
      if (!Number.isInteger(id) || id < 0 || id >= PACKABLE_SKILL_ID) {
        return new Map([...skills].filter(([, p]) => pack(p) !== 0).map(([skillId, p]) => [skillId, CLAIMS[pack(p)]!]));
      }
      packed.push(id * 64 + code);
    }
    return new PackedSkills(packed.sort((a, b) => a - b));
  }

  get size(): number {
    return this.packed.length;
  }
  private at(skillId: number): number {
    const packed = this.packed;
    let lo = 0;
    let hi = packed.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const id = Math.floor(packed[mid]! / 64);
      if (id === skillId) return mid;
      if (id < skillId) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
  get(skillId: number): SkillEvidence | undefined {
    const at = this.at(skillId);
    return at < 0 ? undefined : CLAIMS[this.packed[at]! % 64];
  }
  has(skillId: number): boolean {
    return this.at(skillId) >= 0;
  }
  /** The packed code of a held skill (pack of its pairs), 0 when not held. */
  codeOf(skillId: number): number {
    const at = this.at(skillId);
    return at < 0 ? 0 : this.packed[at]! % 64;
  }
  *entries(): MapIterator<[number, SkillEvidence]> {
    for (const p of this.packed) yield [Math.floor(p / 64), CLAIMS[p % 64]!];
  }
  *keys(): MapIterator<number> {
    for (const p of this.packed) yield Math.floor(p / 64);
  }
  *values(): MapIterator<SkillEvidence> {
    for (const p of this.packed) yield CLAIMS[p % 64]!;
  }
  [Symbol.iterator](): MapIterator<[number, SkillEvidence]> {
    return this.entries();
  }
  forEach(callback: (value: SkillEvidence, key: number, map: ReadonlyMap<number, SkillEvidence>) => void, thisArg?: unknown): void {
    for (const p of this.packed) callback.call(thisArg, CLAIMS[p % 64]!, Math.floor(p / 64), this);
  }
}

// Tables by [code * 4 + minLevel], filled from score.ts's functions: credit, related credit, and
// whether some pair reaches minLevel (a required skill "met").
const DIRECT = new Int32Array(256);
const RELATED = new Int32Array(256);
const MET = new Uint8Array(256);
for (let code = 1; code < 64; code++) {
  const pairs = unpack(code);
  for (const minLevel of [1, 2, 3] as LevelRank[]) {
    DIRECT[code * 4 + minLevel] = evidenceCredit(pairs, minLevel);
    RELATED[code * 4 + minLevel] = relatedEvidenceCredit(pairs, minLevel);
    MET[code * 4 + minLevel] = pairs.some((p) => p.level >= minLevel) ? 1 : 0;
  }
}

type Posting = { slots: number[]; codes: number[] };

const WORK_MODES = ["onsite", "hybrid", "remote"] as const;
const NO_DEADLINE = 2 ** 31 - 1;
/** Days since 1970 of an ISO date (deadlines compare as numbers). */
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);

type VacancyColumns = {
  n: number;
  entries: VacancyEntry[];
  maxSkill: number;
  /** Language codes asked for, indexed by langIndex. */
  languages: string[];
  ids: Int32Array;
  deadline: Int32Array;
  mode: Uint8Array;
  city: Int32Array;
  region: Int32Array;
  reqStart: Int32Array;
  reqSkill: Int32Array;
  reqMin: Uint8Array;
  reqRequired: Uint8Array;
  requiredCount: Uint16Array;
  niceCount: Uint16Array;
  langStart: Int32Array;
  langIndex: Uint8Array;
  langMin: Uint8Array;
};

/** Open vacancies on a day and what they ask for, per skill (MatchIndex.skillDemand). */
export type SkillDemand = {
  readonly day: string;
  readonly vacancies: number;
  readonly bySkill: ReadonlyMap<number, { readonly required: number; readonly nice: number }>;
};

/** Grows a typed array to hold `size` slots, keeping what it has. */
function grow<T extends Int32Array | Uint8Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

export class MatchIndex {
  // ---- graduates, by slot ----
  private slotOf = new Map<number, number>();
  private entries: (CandidateEntry | undefined)[] = [];
  private alive = new Uint8Array(1024);
  private school = new Int32Array(1024);
  private cohort = new Int32Array(1024);
  private regionFilter = new Int32Array(1024); // 0 = none
  private homeRegion = new Int32Array(1024); // 0 = none
  private city = new Int32Array(1024); // interned city key, 0 = none
  private relocate = new Uint8Array(1024);
  private remoteOnly = new Uint8Array(1024);
  private hidden = new Uint8Array(1024); // private profile
  private placed = new Uint8Array(1024);
  private ownPoints = new Int32Array(1024); // modules + certificate
  private availableDay = new Int32Array(1024); // day number, 0 = available now
  private ids = new Int32Array(1024);
  private languageColumns = new Map<string, Uint8Array>();
  private postings = new Map<number, Posting>();
  private cityIds = new Map<string, number>();
  // scratch buffers for one ranking
  private requiredSum = new Int32Array(1024);
  private niceSum = new Int32Array(1024);
  private requiredMet = new Uint8Array(1024);
  private best = new Int32Array(1024);
  private touched = new Int32Array(1024);

  // ---- vacancies ----
  private readonly vacancies = new Map<number, VacancyEntry & { prepared: PreparedVacancy }>();
  /** The vacancies in columns for the ranking loop; rebuilt after a change. */
  private vacancyColumns: VacancyColumns | null = null;
  /** The skill gap's demand per skill on one day (skillDemand), kept current by putVacancy and dropVacancy. */
  private demand: { day: string; vacancies: number; bySkill: Map<number, { required: number; nice: number }> } | null = null;
  private related = new Map<number, number[]>();
  /** The reverse of `related`: the skills a held skill gives related credit for. */
  private relatedBy = new Map<number, number[]>();

  readonly relatedOf: RelatedOf = (skillId) => this.related.get(skillId) ?? [];

  setRelations(pairs: Iterable<[number, number]>): void {
    const related = new Map<number, number[]>();
    const relatedBy = new Map<number, number[]>();
    for (const [a, b] of pairs) {
      if (a === b) continue;
      related.set(a, [...(related.get(a) ?? []), b]);
      relatedBy.set(b, [...(relatedBy.get(b) ?? []), a]);
    }
    this.related = related;
    this.relatedBy = relatedBy;
    for (const [id, v] of this.vacancies) this.vacancies.set(id, { ...v, prepared: this.prepare(v.facts) });
    this.vacancyColumns = null;
  }

  prepare(vacancy: VacancyFacts): PreparedVacancy {
    return prepareVacancy(vacancy, this.relatedOf);
  }

  private cityId(key: string | null): number {
    if (!key) return 0;
    let id = this.cityIds.get(key);
    if (id === undefined) this.cityIds.set(key, (id = this.cityIds.size + 1));
    return id;
  }

  putCandidate(entry: CandidateEntry): void {
    const id = entry.facts.id;
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.entries.length;
      this.slotOf.set(id, slot);
      this.entries.push(undefined);
      this.ensureCapacity(slot + 1);
    } else {
      this.unpost(slot);
    }
    const f = entry.facts;
    this.entries[slot] = entry;
    this.alive[slot] = 1;
    this.school[slot] = entry.schoolId;
    this.cohort[slot] = entry.cohortId;
    this.regionFilter[slot] = entry.regionId ?? 0;
    this.homeRegion[slot] = f.place.regionId ?? 0;
    this.city[slot] = this.cityId(f.place.city);
    this.relocate[slot] = f.willingToRelocate ? 1 : 0;
    this.remoteOnly[slot] = f.remotePreference === "remote" ? 1 : 0;
    this.hidden[slot] = entry.visibility === "private" ? 1 : 0;
    this.placed[slot] = entry.placed ? 1 : 0;
    this.ownPoints[slot] = graduatePoints(f);
    this.availableDay[slot] = f.availableFrom ? dayNumber(f.availableFrom) : 0;
    this.ids[slot] = id;
    for (const [language, level] of f.languages) {
      let column = this.languageColumns.get(language);
      if (!column) this.languageColumns.set(language, (column = new Uint8Array(this.alive.length)));
      column[slot] = level;
    }
    for (const [skillId, pairs] of f.skills) {
      const code = pack(pairs);
      if (code === 0) continue; // no pairs: not held (as in score.ts)
      let posting = this.postings.get(skillId);
      if (!posting) this.postings.set(skillId, (posting = { slots: [], codes: [] }));
      posting.slots.push(slot);
      posting.codes.push(code);
    }
  }

  dropCandidate(id: number): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined || !this.entries[slot]) return;
    this.unpost(slot);
    this.entries[slot] = undefined;
    this.alive[slot] = 0;
  }

  /** Removes a slot from the postings and language columns it was in (before an update or a drop). */
  private unpost(slot: number): void {
    const old = this.entries[slot];
    if (!old) return;
    for (const skillId of old.facts.skills.keys()) {
      const posting = this.postings.get(skillId);
      if (!posting) continue;
      const at = posting.slots.indexOf(slot);
      if (at < 0) continue;
      const last = posting.slots.length - 1;
      posting.slots[at] = posting.slots[last]!;
      posting.codes[at] = posting.codes[last]!;
      posting.slots.pop();
      posting.codes.pop();
    }
    for (const language of old.facts.languages.keys()) this.languageColumns.get(language)![slot] = 0;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.alive.length) return;
    this.alive = grow(this.alive, size);
    const n = this.alive.length;
    this.school = grow(this.school, n);
    this.cohort = grow(this.cohort, n);
    this.regionFilter = grow(this.regionFilter, n);
    this.homeRegion = grow(this.homeRegion, n);
    this.city = grow(this.city, n);
    this.relocate = grow(this.relocate, n);
    this.remoteOnly = grow(this.remoteOnly, n);
    this.hidden = grow(this.hidden, n);
    this.placed = grow(this.placed, n);
    this.ownPoints = grow(this.ownPoints, n);
    this.availableDay = grow(this.availableDay, n);
    this.ids = grow(this.ids, n);
    this.requiredSum = grow(this.requiredSum, n);
    this.niceSum = grow(this.niceSum, n);
    this.requiredMet = grow(this.requiredMet, n);
    this.best = grow(this.best, n);
    this.touched = grow(this.touched, n);
    for (const [language, column] of this.languageColumns) this.languageColumns.set(language, grow(column, n));
  }

  candidate(id: number): CandidateEntry | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.entries[slot];
  }

  *allCandidates(): IterableIterator<CandidateEntry> {
    for (const entry of this.entries) if (entry) yield entry;
  }

  /** Slots of graduates holding the skill (directly), for the skill-gap counts. */
  holders(skillId: number): readonly CandidateEntry[] {
    const posting = this.postings.get(skillId);
    return posting ? posting.slots.map((slot) => this.entries[slot]!) : [];
  }

  /**
   * For the skill gap (docs/decisions/048): the graduates in scope (a school, a cohort, or every
   * one) and, per skill, how many of them hold it — counted over the columns and postings, with
   * nothing allocated per graduate. Holding means what `holders` lists. `schoolIds`: a staff scope's
   * schools (docs/decisions/063-staff-scope.md), null or absent = every school.
   */
  countHolders(scope: { schoolId?: number | null; cohortId?: number | null; schoolIds?: readonly number[] | null }): {
    graduates: number;
    holders: Map<number, number>;
  } {
    const schoolId = scope.schoolId ?? 0;
    const cohortId = scope.cohortId ?? 0;
    const within = scope.schoolIds ? new Set(scope.schoolIds) : null;
    const { alive, school, cohort } = this;
    const inScope = (slot: number) =>
      alive[slot] === 1 && (!schoolId || school[slot] === schoolId) && (!cohortId || cohort[slot] === cohortId) && (!within || within.has(school[slot]!));
    let graduates = 0;
    for (let slot = 0; slot < this.entries.length; slot++) if (inScope(slot)) graduates++;
    const holders = new Map<number, number>();
    for (const [skillId, posting] of this.postings) {
      // A posting holds live slots only (dropped and updated graduates are taken out of it).
      const narrowed = schoolId || cohortId || within;
      let n = narrowed ? 0 : posting.slots.length;
      if (narrowed) for (const slot of posting.slots) if (inScope(slot)) n++;
      if (n > 0) holders.set(skillId, n);
    }
    return { graduates, holders };
  }

  /**
   * For the skill gap: the vacancies still taking applications on `today` (no deadline, or not
   * before it) and, per skill, how many require it or list it as nice to have (a skill listed
   * twice counts once, as its last listing says). Counted once per day, then kept current as
   * vacancies are put and dropped (docs/decisions/048).
   */
  skillDemand(today: string): SkillDemand {
    if (this.demand?.day === today) return this.demand;
    this.demand = { day: today, vacancies: 0, bySkill: new Map() };
    for (const v of this.vacancies.values()) this.countDemand(v, 1);
    return this.demand;
  }

  /** Adds (+1) or takes out (-1) one vacancy's share of the kept demand. */
  private countDemand(v: VacancyEntry, sign: 1 | -1): void {
    const demand = this.demand;
    if (!demand || (v.deadline && v.deadline < demand.day)) return;
    demand.vacancies += sign;
    const skills = v.facts.skills;
    for (let i = 0; i < skills.length; i++) {
      const s = skills[i]!;
      let again = false;
      for (let j = i + 1; j < skills.length && !again; j++) again = skills[j]!.skillId === s.skillId;
      if (again) continue;
      let d = demand.bySkill.get(s.skillId);
      if (!d) demand.bySkill.set(s.skillId, (d = { required: 0, nice: 0 }));
      if (s.required) d.required += sign;
      else d.nice += sign;
      if (d.required === 0 && d.nice === 0) demand.bySkill.delete(s.skillId);
    }
  }

  putVacancy(entry: VacancyEntry): void {
    const old = this.vacancies.get(entry.facts.id);
    if (old) this.countDemand(old, -1);
    this.vacancies.set(entry.facts.id, { ...entry, prepared: this.prepare(entry.facts) });
    this.countDemand(entry, 1);
    this.vacancyColumns = null;
  }
  dropVacancy(id: number): void {
    const old = this.vacancies.get(id);
    if (old) this.countDemand(old, -1);
    this.vacancies.delete(id);
    this.vacancyColumns = null;
  }
  vacancy(id: number): VacancyEntry | undefined {
    return this.vacancies.get(id);
  }
  allVacancies(): IterableIterator<VacancyEntry> {
    return this.vacancies.values();
  }

  clear(): void {
    this.alive.fill(0);
    this.slotOf.clear();
    this.entries = [];
    this.postings.clear();
    this.languageColumns.clear();
    this.vacancies.clear();
    this.vacancyColumns = null;
    this.demand = null;
  }

  get size() {
    return { candidates: this.entries.filter(Boolean).length, vacancies: this.vacancies.size };
  }

  /** Every graduate that passes the filters, best first; `limit` items from `offset`. */
  rankCandidates(vacancy: VacancyFacts, filters: CandidateFilters, day: RankingDay, offset = 0, limit = 20): RankPage {
    const prepared = this.prepare(vacancy);
    const slots = this.entries.length;
    const requiredSum = this.requiredSum.fill(0, 0, slots);
    const niceSum = this.niceSum.fill(0, 0, slots);
    const requiredMet = this.requiredMet.fill(0, 0, slots);
    for (const r of prepared.required) this.addCredits(r.skillId, r.minLevel, r.related, requiredSum, requiredMet);
    for (const r of prepared.niceToHave) this.addCredits(r.skillId, r.minLevel, r.related, niceSum, null);

    const languages = prepared.languages.map((l) => ({ column: this.languageColumns.get(l.language), minLevel: l.minLevel }));
    const { workMode } = vacancy;
    const jobCity = this.cityIds.get(vacancy.place.city ?? "") ?? (vacancy.place.city === null ? null : -1);
    const jobRegion = vacancy.place.regionId;
    // Availability as day numbers; the same kinds as score.ts availabilityKind.
    const [today, inMonth, inQuarter] = [day.today, day.inMonth, day.inQuarter].map(dayNumber) as [number, number, number];
    const availabilityPoints = (["now", "within-month", "within-quarter", "later"] as const).map((kind) =>
      placeAndAvailabilityPoints(0, AVAILABILITY_CREDIT[kind]),
    );
    const requiredCount = prepared.required.length;
    const counts = countsOf(prepared);

    const hits = new Hits(slots);
    for (let slot = 0; slot < slots; slot++) {
      if (this.alive[slot] === 0) continue;
      if (!filters.includePlaced && this.placed[slot] === 1) continue;
      if (filters.employerView && this.hidden[slot] === 1) continue;
      if (filters.schoolId && this.school[slot] !== filters.schoolId) continue;
      if (filters.cohortId && this.cohort[slot] !== filters.cohortId) continue;
      if (filters.regionId && this.regionFilter[slot] !== filters.regionId) continue;
      const from = this.availableDay[slot]!;
      if (filters.availableNow && from > today) continue;
      if (filters.meetsAllRequired && requiredMet[slot]! < requiredCount) continue;

      let languageSum = 0;
      for (const l of languages) {
        const have = l.column ? l.column[slot]! : 0;
        if (have) languageSum += languageCredit(have as CefrRank, l.minLevel);
      }
      const kind = placeKindOf(workMode, jobCity, jobRegion, this.city[slot] || null, this.homeRegion[slot] || null, this.relocate[slot] === 1);
      const place = placeCredit(kind, workMode, this.remoteOnly[slot] === 1 && workMode !== "remote");
      const availability = availabilityPoints[from <= today ? 0 : from <= inMonth ? 1 : from <= inQuarter ? 2 : 3]!;
      const total =
        skillAndLanguagePoints(counts, requiredSum[slot]!, niceSum[slot]!, languageSum) +
        placeAndAvailabilityPoints(place, 0) +
        availability +
        this.ownPoints[slot]!;
      hits.add(this.ids[slot]!, total, requiredMet[slot]!);
    }
    return hits.page(offset, limit);
  }

  /** Adds, per slot, one requirement's credit (score.ts combineCredit over the skill and its related ones). */
  private addCredits(skillId: number, minLevel: LevelRank, related: readonly number[], sum: Int32Array, met: Uint8Array | null): void {
    const best = this.best; // the best related credit so far, then the combined credit
    const touched = this.touched; // slots given any credit, to add up and reset afterwards
    let count = 0;
    for (const relatedId of related) {
      const posting = this.postings.get(relatedId);
      if (!posting) continue;
      for (let i = 0; i < posting.slots.length; i++) {
        const slot = posting.slots[i]!;
        const credit = RELATED[posting.codes[i]! * 4 + minLevel]!;
        const had = best[slot]!;
        if (had === 0) touched[count++] = slot;
        if (credit > had) best[slot] = credit;
      }
    }
    const direct = this.postings.get(skillId);
    if (direct) {
      for (let i = 0; i < direct.slots.length; i++) {
        const slot = direct.slots[i]!;
        const code = direct.codes[i]!;
        const had = best[slot]!;
        if (had === 0) touched[count++] = slot;
        best[slot] = combineCredit(DIRECT[code * 4 + minLevel]!, had);
        if (met && MET[code * 4 + minLevel]) met[slot]! += 1;
      }
    }
    for (let i = 0; i < count; i++) {
      const slot = touched[i]!;
      sum[slot]! += best[slot]!;
      best[slot] = 0;
    }
  }

  /** Open vacancies (deadline not passed) for one graduate, best first. */
  rankVacancies(candidate: CandidateFacts, day: RankingDay, offset = 0, limit = 20, only?: (entry: VacancyEntry) => boolean): RankPage {
    const v = (this.vacancyColumns ??= this.buildVacancyColumns());
    // The graduate's credit for any asked skill at any minimum level, computed once: the own
    // claim's code, and the best related credit (from the skills this graduate holds).
    const size = v.maxSkill + 1;
    const claims = new Uint8Array(size);
    const relatedBest = new Int32Array(size * 4);
    for (const [id, pairs] of candidate.skills) {
      const code = pack(pairs);
      if (code === 0) continue;
      if (id < size) claims[id] = code;
      for (const target of this.relatedBy.get(id) ?? []) {
        if (target >= size || target === id) continue;
        for (let minLevel = 1; minLevel <= 3; minLevel++) {
          const credit = RELATED[code * 4 + minLevel]!;
          if (credit > relatedBest[target * 4 + minLevel]!) relatedBest[target * 4 + minLevel] = credit;
        }
      }
    }
    const levels = v.languages.map((language) => candidate.languages.get(language));
    const own = graduatePoints(candidate);
    const availability = placeAndAvailabilityPoints(0, AVAILABILITY_CREDIT[availabilityKind(candidate.availableFrom, day)]);
    const today = dayNumber(day.today);
    const city = candidate.place.city === null ? null : (this.cityIds.get(candidate.place.city) ?? -1);
    const counts = { required: 0, niceToHave: 0, languages: 0 };

    const hits = new Hits(v.n);
    for (let i = 0; i < v.n; i++) {
      if (v.deadline[i]! < today) continue;
      if (only && !only(v.entries[i]!)) continue;
      let requiredSum = 0;
      let requiredMet = 0;
      let niceSum = 0;
      for (let j = v.reqStart[i]!; j < v.reqStart[i + 1]!; j++) {
        const skill = v.reqSkill[j]!;
        const minLevel = v.reqMin[j]!;
        const code = claims[skill]!;
        const credit = combineCredit(code ? DIRECT[code * 4 + minLevel]! : null, relatedBest[skill * 4 + minLevel]!);
        if (v.reqRequired[j]) {
          requiredSum += credit;
          if (MET[code * 4 + minLevel]) requiredMet += 1;
        } else niceSum += credit;
      }
      let languageSum = 0;
      for (let j = v.langStart[i]!; j < v.langStart[i + 1]!; j++) {
        languageSum += languageCredit(levels[v.langIndex[j]!], v.langMin[j]! as CefrRank);
      }
      const workMode = WORK_MODES[v.mode[i]!]!;
      const kind = placeKindOf(workMode, v.city[i] || null, v.region[i] || null, city, candidate.place.regionId, candidate.willingToRelocate);
      const place = placeCredit(kind, workMode, prefersRemoteFor(candidate.remotePreference, workMode));
      counts.required = v.requiredCount[i]!;
      counts.niceToHave = v.niceCount[i]!;
      counts.languages = v.langStart[i + 1]! - v.langStart[i]!;
      const total = skillAndLanguagePoints(counts, requiredSum, niceSum, languageSum) + placeAndAvailabilityPoints(place, 0) + availability + own;
      hits.add(v.ids[i]!, total, requiredMet);
    }
    return hits.page(offset, limit);
  }

  /**
   * The open vacancies flattened into typed arrays (requirements and languages in runs per
   * vacancy): walking 20,000 of them touches a few contiguous arrays instead of 20,000 scattered
   * objects, which is what made this ranking slow. Rebuilt on the first ranking after a change.
   */
  private buildVacancyColumns(): VacancyColumns {
    const entries = [...this.vacancies.values()];
    const n = entries.length;
    let requirements = 0;
    let languageRows = 0;
    for (const e of entries) {
      requirements += e.prepared.required.length + e.prepared.niceToHave.length;
      languageRows += e.prepared.languages.length;
    }
    const c: VacancyColumns = {
      n,
      entries,
      maxSkill: 0,
      languages: [],
      ids: new Int32Array(n),
      deadline: new Int32Array(n),
      mode: new Uint8Array(n),
      city: new Int32Array(n),
      region: new Int32Array(n),
      reqStart: new Int32Array(n + 1),
      reqSkill: new Int32Array(requirements),
      reqMin: new Uint8Array(requirements),
      reqRequired: new Uint8Array(requirements),
      requiredCount: new Uint16Array(n),
      niceCount: new Uint16Array(n),
      langStart: new Int32Array(n + 1),
      langIndex: new Uint8Array(languageRows),
      langMin: new Uint8Array(languageRows),
    };
    const languageIndex = new Map<string, number>();
    let r = 0;
    let l = 0;
    entries.forEach((e, i) => {
      const f = e.facts;
      c.ids[i] = f.id;
      c.deadline[i] = e.deadline ? dayNumber(e.deadline) : NO_DEADLINE;
      c.mode[i] = WORK_MODES.indexOf(f.workMode);
      // A job city nobody lives in gets its own id too: it is a place, just not anyone's.
      c.city[i] = f.place.city === null ? 0 : this.cityId(f.place.city);
      c.region[i] = f.place.regionId ?? 0;
      c.reqStart[i] = r;
      for (const req of [...e.prepared.required, ...e.prepared.niceToHave]) {
        c.reqSkill[r] = req.skillId;
        c.reqMin[r] = req.minLevel;
        c.reqRequired[r] = req.required ? 1 : 0;
        c.maxSkill = Math.max(c.maxSkill, req.skillId);
        r++;
      }
      c.requiredCount[i] = e.prepared.required.length;
      c.niceCount[i] = e.prepared.niceToHave.length;
      c.langStart[i] = l;
      for (const lang of e.prepared.languages) {
        let index = languageIndex.get(lang.language);
        if (index === undefined) {
          languageIndex.set(lang.language, (index = c.languages.length));
          c.languages.push(lang.language);
        }
        c.langIndex[l] = index;
        c.langMin[l] = lang.minLevel;
        l++;
      }
    });
    c.reqStart[n] = r;
    c.langStart[n] = l;
    return c;
  }
}

/**
 * The scored pairs of one ranking in flat arrays (no object per graduate: at 100,000 that
 * garbage would cost more than the scoring). Counts everything, orders only the page.
 */
class Hits {
  private readonly ids: Int32Array;
  private readonly totals: Int32Array;
  private readonly met: Uint8Array;
  private n = 0;
  constructor(capacity: number) {
    this.ids = new Int32Array(capacity);
    this.totals = new Int32Array(capacity);
    this.met = new Uint8Array(capacity);
  }
  add(id: number, total: number, requiredMet: number): void {
    this.ids[this.n] = id;
    this.totals[this.n] = total;
    this.met[this.n] = requiredMet;
    this.n++;
  }
  /** compareRanked on positions: higher total first, then the smaller id. */
  private before(a: number, b: number): boolean {
    return this.totals[a]! > this.totals[b]! || (this.totals[a] === this.totals[b] && this.ids[a]! < this.ids[b]!);
  }
  page(offset: number, limit: number): RankPage {
    const k = Math.min(this.n, offset + limit);
    // A sorted window of the best k positions; most pairs fall below its worst at one comparison.
    const best: number[] = [];
    for (let i = 0; i < this.n; i++) {
      if (best.length === k && !this.before(i, best[k - 1]!)) continue;
      let at = best.length;
      while (at > 0 && this.before(i, best[at - 1]!)) at--;
      best.splice(at, 0, i);
      if (best.length > k) best.pop();
    }
    const items = best.slice(offset).map((i) => ({ id: this.ids[i]!, total: this.totals[i]!, score: scoreOf(this.totals[i]!), requiredMet: this.met[i]! }));
    return { count: this.n, items };
  }
}
