// Fills the matching index (app/domain/matching/ranker.ts) from the database and keeps it
// current. Triggers (migration 0004) log every change that can move a score into
// `match_changes`; before each ranking the index reads the log past the last sequence it
// saw and reloads just those graduates and vacancies — or everything, after a taxonomy
// change or when the log was pruned past it. One index per open connection. At start the server
// loads it in the background, a slice of graduates or vacancies per turn of the event loop
// (warmMatchIndex; docs/decisions/070-start-in-seconds.md): a request that needs it meanwhile
// waits for it (matchIndexReady), and a synchronous use finishes the load on the spot.
import type { Connection } from "@db/connection";
import { processWide } from "~/utils/process-wide.server";
import { finishWarming, inBackground, type Warming } from "~/utils/warming.server";
import { catchUpWithLog, INCREMENTAL_LIMIT, WARM_STEP_IDS } from "./change-log.server";
import type { CefrLevel, SkillLevel, SkillSource } from "@db/schema";
import { type CandidateEntry, MatchIndex, PackedSkills, type VacancyEntry } from "~/domain/matching/ranker";
import { type CandidateFacts, type CefrRank, cityKey, type EvidenceRank, type LevelRank, type SkillClaim } from "~/domain/matching/score";
import { CEFR_RANK as CEFR, EVIDENCE_RANK as EVIDENCE, LEVEL_RANK as LEVEL } from "~/domain/skills/levels";

const IN_CHUNK = 500;
const NO_SKILLS: ReadonlyMap<number, SkillClaim[]> = new Map();

/** Rows of a whole load, a list of ids, or an id range (both ends included). */
type Scope = null | number[] | { from: number; to: number };

type State = { index: MatchIndex; lastSeq: number; warming?: Warming };
// Per connection, and one map per process: the server warms it up at start (app/server/main.ts).
const states = processWide("match-index", () => new WeakMap<Connection, State>());

type MatchChange = { seq: number; kind: "graduate" | "vacancy" | "all"; entity_id: number | null };

/** The index for this connection, brought up to date with every committed change. */
export function matchIndex(connection: Connection): MatchIndex {
  let state = states.get(connection);
  if (!state) {
    state = { index: new MatchIndex(), lastSeq: -1 };
    states.set(connection, state);
  }
  const current = state;
  if (current.warming) finishWarming(current.warming);
  current.lastSeq = catchUpWithLog<MatchChange>(
    connection.sqlite,
    {
      table: "match_changes",
      columns: "kind, entity_id",
      meansEverything: (c) => c.kind === "all",
      reloadAll: () => reloadAll(connection, current),
      apply: (changes) => {
        const graduates = new Set<number>();
        const vacancies = new Set<number>();
        for (const c of changes) {
          if (c.entity_id === null) continue;
          (c.kind === "graduate" ? graduates : vacancies).add(c.entity_id);
        }
        for (const id of graduates) current.index.dropCandidate(id);
        for (const entry of loadCandidates(connection, [...graduates])) current.index.putCandidate(entry);
        for (const id of vacancies) current.index.dropVacancy(id);
        for (const entry of loadVacancies(connection, [...vacancies])) current.index.putVacancy(entry);
      },
    },
    current.lastSeq,
  );
  return current.index;
}

/** The index once a background load under way has finished (at once when none is), brought up to date. */
export async function matchIndexReady(connection: Connection): Promise<MatchIndex> {
  await states.get(connection)?.warming?.done;
  return matchIndex(connection);
}

/** True while a background load of this connection's index is under way (/healthz says "warming up"). */
export function matchIndexWarming(connection: Connection): boolean {
  return states.get(connection)?.warming !== undefined;
}

/**
 * Starts loading this connection's index in the background, `stepIds` graduates or vacancies per
 * turn of the event loop; resolves when it is loaded. A no-op when the index is already loaded or loading.
 */
export function warmMatchIndex(connection: Connection, stepIds = WARM_STEP_IDS): Promise<void> {
  const existing = states.get(connection);
  if (existing) return existing.warming?.done ?? Promise.resolve();
  const state: State = { index: new MatchIndex(), lastSeq: -1 };
  states.set(connection, state);
  state.warming = inBackground(loadInSteps(connection, state, stepIds), () => (state.warming = undefined));
  return state.warming.done;
}

/**
 * A whole load, one slice of ids a step. The log's sequence is read before the rows: a write
 * committed meanwhile is logged past it, so the first catch-up reads those graduates and vacancies
 * again (reloading one is idempotent) and the index is exact. When more was written meanwhile than a
 * catch-up takes, the load starts again rather than reloading everything in one blocking step.
 */
function* loadInSteps(connection: Connection, state: State, stepIds: number): Generator<void> {
  const { sqlite } = connection;
  const top = () => (sqlite.prepare("select seq from sqlite_sequence where name = 'match_changes'").pluck().get() as number | undefined) ?? 0;
  for (;;) {
    const seq = top();
    const index = new MatchIndex();
    index.setRelations(sqlite.prepare("select skill_id, related_skill_id from skill_relations").raw().all() as [number, number][]);
    yield;
    for (const table of ["graduates", "vacancies"] as const) {
      const last = (sqlite.prepare(`select max(id) from ${table}`).pluck().get() as number | null) ?? 0;
      for (let from = 1; from <= last; from += stepIds) {
        const range = { from, to: from + stepIds - 1 };
        if (table === "graduates") for (const entry of loadCandidates(connection, range)) index.putCandidate(entry);
        else for (const entry of loadVacancies(connection, range)) index.putVacancy(entry);
        yield;
      }
    }
    if (top() - seq <= INCREMENTAL_LIMIT) {
      state.index = index;
      state.lastSeq = seq;
      return;
    }
  }
}

function reloadAll(connection: Connection, state: State): void {
  const index = (state.index = new MatchIndex());
  index.setRelations(connection.sqlite.prepare("select skill_id, related_skill_id from skill_relations").raw().all() as [number, number][]);
  for (const entry of loadCandidates(connection, null)) index.putCandidate(entry);
  for (const entry of loadVacancies(connection, null)) index.putVacancy(entry);
}

/**
 * A city typed in any of the three languages ("Бишкек", "Bishkek") is one place: the school
 * towns' names (stored in ky, ru and en) map to one key; other towns compare as typed.
 */
function placeKeys(connection: Connection): (city: string | null) => string | null {
  const aliases = new Map<string, string>();
  for (const [ky, ru, en] of connection.sqlite.prepare("select city_ky, city_ru, city_en from schools").raw(true).all() as [string, string, string][]) {
    const canonical = cityKey(ru)!;
    for (const name of [ky, ru, en]) {
      const key = cityKey(name);
      if (key) aliases.set(key, canonical);
    }
  }
  return (city) => {
    const key = cityKey(city);
    return key === null ? null : (aliases.get(key) ?? key);
  };
}

/** Objects by column name, or (`tuples`) arrays in select order. */
function rowsFor<T>(connection: Connection, sqlAll: string, sqlSome: string, ids: Scope, tuples = false): T[] {
  const run = (sql: string, params: number[]) => {
    const statement = connection.sqlite.prepare(sql);
    return (tuples ? statement.raw(true).all(...params) : statement.all(...params)) as T[];
  };
  if (ids === null) return run(sqlAll, []);
  // A range reads the same index as a list of ids (each table's first key column is the id).
  if (!Array.isArray(ids)) return run(sqlSome.replace("in (IDS)", "between ? and ?"), [ids.from, ids.to]);
  // `sqlSome` holds IDS where the list of ids goes; long lists go in chunks.
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const chunk = ids.slice(i, i + IN_CHUNK);
    for (const row of run(sqlSome.replace("IDS", chunk.map(() => "?").join(",")), chunk)) rows.push(row);
  }
  return rows;
}

type GraduateRow = {
  id: number;
  cohort_id: number;
  school_id: number;
  school_region_id: number;
  region_id: number | null;
  city: string | null;
  willing_to_relocate: number;
  remote_preference: CandidateFacts["remotePreference"];
  available_from: string | null;
  english_level: CefrLevel | null;
  certificate_number: string | null;
  certificate_verified_at: string | null;
  visibility: CandidateEntry["visibility"];
  placed: number;
};

/** Rankable graduates: joined (have an account), not anonymised. */
export function loadCandidates(connection: Connection, ids: Scope): CandidateEntry[] {
  if (Array.isArray(ids) && ids.length === 0) return [];
  const base = `select g.id, g.cohort_id, c.school_id, s.region_id as school_region_id, g.region_id, g.city, g.willing_to_relocate,
      g.remote_preference, g.available_from, g.english_level, g.certificate_number, g.certificate_verified_at, g.visibility,
      exists (select 1 from placements p where p.graduate_id = g.id) as placed
    from graduates g join cohorts c on c.id = g.cohort_id join schools s on s.id = c.school_id
    where g.user_id is not null and g.anonymised_at is null`;
  const graduates = rowsFor<GraduateRow>(connection, base, `${base} and g.id in (IDS)`, ids);
  if (graduates.length === 0) return [];
  const wanted = Array.isArray(ids) ? graduates.map((g) => g.id) : ids;

  // Every (level, evidence) pair a skill has, kept apart: a verification proves its own level,
  // nothing higher (docs/product.md §5, docs/decisions/022); the score takes the best credit over them.
  const skills = new Map<number, Map<number, SkillClaim[]>>();
  const claim = (graduateId: number, skillId: number, level: LevelRank, evidence: EvidenceRank) => {
    let own = skills.get(graduateId);
    if (!own) skills.set(graduateId, (own = new Map<number, SkillClaim[]>()));
    const pairs = own.get(skillId);
    if (pairs) pairs.push({ level, evidence });
    else own.set(skillId, [{ level, evidence }]);
  };
  for (const [g, s, level, source, verifiedLevel] of rowsFor<[number, number, SkillLevel, SkillSource, SkillLevel | null]>(
    connection,
    "select graduate_id, skill_id, level, source, verified_level from graduate_skills",
    "select graduate_id, skill_id, level, source, verified_level from graduate_skills where graduate_id in (IDS)",
    wanted,
    true,
  )) {
    // The declared level is self-declared; the verified level is verified; a project proves basic.
    claim(g, s, LEVEL[level], 1);
    if (verifiedLevel && (source === "module" || source === "staff")) claim(g, s, LEVEL[verifiedLevel], EVIDENCE[source]);
    if (source === "portfolio") claim(g, s, 1, EVIDENCE.portfolio);
  }
  // A skill shown in a portfolio project is evidenced by it (at least basic).
  for (const [g, s] of rowsFor<[number, number]>(
    connection,
    "select distinct p.graduate_id, ps.skill_id from project_skills ps join projects p on p.id = ps.project_id",
    "select distinct p.graduate_id, ps.skill_id from project_skills ps join projects p on p.id = ps.project_id where p.graduate_id in (IDS)",
    wanted,
    true,
  )) {
    claim(g, s, 1, 2);
  }
  // A completed module gives the skills it teaches (basic); verified by staff, it is verified evidence.
  const taught = new Map<number, number[]>();
  for (const [m, skill] of connection.sqlite.prepare("select module_id, skill_id from module_skills").raw(true).all() as [number, number][]) {
    taught.set(m, [...(taught.get(m) ?? []), skill]);
  }
  const moduleCount = new Map<number, number>();
  const verifiedCount = new Map<number, number>();
  for (const [g, m, verified] of rowsFor<[number, number, number]>(
    connection,
    "select graduate_id, module_id, verified_at is not null from graduate_modules",
    "select graduate_id, module_id, verified_at is not null from graduate_modules where graduate_id in (IDS)",
    wanted,
    true,
  )) {
    moduleCount.set(g, (moduleCount.get(g) ?? 0) + 1);
    if (verified) verifiedCount.set(g, (verifiedCount.get(g) ?? 0) + 1);
    for (const skill of taught.get(m) ?? []) claim(g, skill, 1, verified ? 3 : 1);
  }
  const languages = new Map<number, Map<string, CefrRank>>();
  const speak = (g: number, language: string, level: CefrRank) => {
    let own = languages.get(g);
    if (!own) languages.set(g, (own = new Map<string, CefrRank>()));
    own.set(language, Math.max(own.get(language) ?? 0, level) as CefrRank);
  };
  for (const [g, language, level] of rowsFor<[number, string, CefrLevel]>(
    connection,
    "select graduate_id, language, level from graduate_languages",
    "select graduate_id, language, level from graduate_languages where graduate_id in (IDS)",
    wanted,
    true,
  )) {
    speak(g, language, CEFR[level]);
  }

  const placeKey = placeKeys(connection);
  return graduates.map((g) => {
    if (g.english_level) speak(g.id, "en", CEFR[g.english_level]);
    return {
      facts: {
        id: g.id,
        // Packed: the strongest pairs of each skill, read through a compact map (decision 070, Session 14).
        skills: PackedSkills.of(skills.get(g.id) ?? NO_SKILLS),
        languages: languages.get(g.id) ?? new Map(),
        place: { regionId: g.region_id, city: placeKey(g.city) },
        willingToRelocate: g.willing_to_relocate === 1,
        remotePreference: g.remote_preference,
        availableFrom: g.available_from,
        modulesCompleted: moduleCount.get(g.id) ?? 0,
        modulesVerified: verifiedCount.get(g.id) ?? 0,
        certificate: g.certificate_verified_at ? "verified" : g.certificate_number ? "claimed" : "none",
      },
      schoolId: g.school_id,
      cohortId: g.cohort_id,
      regionId: g.region_id ?? g.school_region_id,
      visibility: g.visibility,
      placed: g.placed === 1,
    };
  });
}

export type VacancyRow = {
  id: number;
  company_id: number;
  work_mode: "onsite" | "hybrid" | "remote";
  city: string | null;
  region_id: number | null;
  deadline: string | null;
  published_at: string | null;
};

/** Open vacancies of verified companies only: the ones a graduate can apply to. */
export function loadVacancies(connection: Connection, ids: Scope): VacancyEntry[] {
  if (Array.isArray(ids) && ids.length === 0) return [];
  const base = `select v.id, v.company_id, v.work_mode, v.city, v.region_id, v.deadline, v.published_at
    from vacancies v join companies c on c.id = v.company_id and c.status = 'verified' where v.status = 'open'`;
  const rows = rowsFor<VacancyRow>(connection, base, `${base} and v.id in (IDS)`, ids);
  return vacancyEntries(connection, rows, Array.isArray(ids) ? rows.map((v) => v.id) : ids);
}

/** The entry of a vacancy row the caller has already read (the candidates page's guard reads it once). */
export function vacancyEntryOf(connection: Connection, row: VacancyRow): VacancyEntry {
  return vacancyEntries(connection, [row], [row.id])[0]!;
}

/** Any one vacancy, whatever its status (an employer looks at candidates for a draft too). */
export function loadVacancy(connection: Connection, id: number): VacancyEntry | null {
  const rows = connection.sqlite
    .prepare("select id, company_id, work_mode, city, region_id, deadline, published_at from vacancies where id = ?")
    .all(id) as VacancyRow[];
  return (
    vacancyEntries(
      connection,
      rows,
      rows.map((v) => v.id),
    )[0] ?? null
  );
}

/** `wanted`: the vacancies whose requirements are read (null = every vacancy's). */
function vacancyEntries(connection: Connection, rows: VacancyRow[], wanted: Scope): VacancyEntry[] {
  if (rows.length === 0) return [];
  const skills = new Map<number, { skillId: number; minLevel: LevelRank; required: boolean }[]>();
  for (const [v, s, required, minLevel] of rowsFor<[number, number, number, SkillLevel]>(
    connection,
    "select vacancy_id, skill_id, required, min_level from vacancy_skills",
    "select vacancy_id, skill_id, required, min_level from vacancy_skills where vacancy_id in (IDS)",
    wanted,
    true,
  )) {
    const list = skills.get(v) ?? [];
    list.push({ skillId: s, minLevel: LEVEL[minLevel], required: required === 1 });
    skills.set(v, list);
  }
  const languages = new Map<number, { language: string; minLevel: CefrRank }[]>();
  for (const [v, language, minLevel] of rowsFor<[number, string, CefrLevel]>(
    connection,
    "select vacancy_id, language, min_level from vacancy_languages",
    "select vacancy_id, language, min_level from vacancy_languages where vacancy_id in (IDS)",
    wanted,
    true,
  )) {
    const list = languages.get(v) ?? [];
    list.push({ language, minLevel: CEFR[minLevel] });
    languages.set(v, list);
  }
  const placeKey = placeKeys(connection);
  return rows.map((v) => ({
    facts: {
      id: v.id,
      skills: skills.get(v.id) ?? [],
      languages: languages.get(v.id) ?? [],
      workMode: v.work_mode,
      place: { regionId: v.region_id, city: placeKey(v.city) },
    },
    companyId: v.company_id,
    deadline: v.deadline,
    publishedAt: v.published_at,
  }));
}
