// The graduate directory's filters kept in memory (docs/decisions/048, Session 10): each graduate's
// filter columns (visibility, relocation, availability, cohort, own region) in arrays indexed by id,
// and the holders of recently asked skills as bitmaps. A page then tests its filters in JavaScript
// instead of reading 4,000–25,000 rows of graduates_directory and a skill's holders per request.
// Exact after every committed write, from any connection or process: the triggers of migration 0004
// log every change to graduates, graduate_skills, projects and project_skills in `match_changes`, in
// the write's own transaction; before each use the view reads the log past the last sequence it saw
// and reloads just those graduates (or everything, when the log was pruned past it or holds too much).
// Cohorts and schools (a cohort's school, a school's region) are read on each use: 50 rows.
import { sql } from "kysely";
import type { DB } from "@db/connection";
import type { Visibility } from "@db/schema";
import { grown } from "~/utils/typed-arrays";
import { backgroundView } from "~/utils/warming.server";
import { entriesSince, topOfLog } from "./change-log.server";

/** Skills whose holders are kept (least recently used dropped): 100 kB each at 100,000 graduates. */
const SKILLS_KEPT = 32;
const IN_CHUNK = 500;

const VISIBILITY_CODE: Record<Visibility, number> = { private: 1, employers: 2, public: 3 };

type View = {
  lastSeq: number;
  /** 0: no such graduate, or anonymised; else VISIBILITY_CODE. Indexed by graduate id. */
  visibility: Uint8Array;
  relocate: Uint8Array;
  cohort: Int32Array;
  /** The graduate's own region; 0 when they have not said (the school's region applies). */
  region: Int32Array;
  available: (string | null)[];
  published: (string | null)[];
  /** The Kyrgyz-alphabet name key (migration 0013); "" for no graduate. */
  nameKey: string[];
  /** Keys holding a UTF-16 surrogate: JavaScript's < is then not SQLite's binary order, so names are ordered in SQL. */
  surrogates: Set<number>;
  /** Skill id → 1 at each holder's id (claims it, or used it in a portfolio project). */
  holders: Map<number, Uint8Array>;
};

// Per database handle, loaded whole in the background at the first use (or when the log was pruned
// past the view); until then the page runs its SQL, as before the view.
const views = backgroundView(loadAll);

function ensureSize(view: View, maxId: number): void {
  const size = maxId + 1;
  view.visibility = grown(view.visibility, size, (n) => new Uint8Array(n));
  view.relocate = grown(view.relocate, size, (n) => new Uint8Array(n));
  view.cohort = grown(view.cohort, size, (n) => new Int32Array(n));
  view.region = grown(view.region, size, (n) => new Int32Array(n));
  for (const [skill, bits] of view.holders)
    view.holders.set(
      skill,
      grown(bits, size, (n) => new Uint8Array(n)),
    );
}

type GraduateRow = {
  id: number;
  live: number;
  visibility: Visibility;
  willing_to_relocate: number;
  available_from: string | null;
  cohort_id: number;
  region_id: number | null;
  published_at: string | null;
  name_sort_key: string;
};

const graduateColumns = sql`id, anonymised_at is null as live, visibility, willing_to_relocate, available_from, cohort_id, region_id,
  published_at, name_sort_key`;

function put(view: View, rows: GraduateRow[]): void {
  ensureSize(view, Math.max(0, ...rows.map((r) => r.id)));
  for (const r of rows) {
    view.visibility[r.id] = r.live ? (VISIBILITY_CODE[r.visibility] ?? 0) : 0;
    view.relocate[r.id] = r.willing_to_relocate === 1 ? 1 : 0;
    view.cohort[r.id] = r.cohort_id;
    view.region[r.id] = r.region_id ?? 0;
    view.available[r.id] = r.available_from;
    view.published[r.id] = r.published_at;
    view.nameKey[r.id] = r.name_sort_key;
    if (/[\uD800-\uDFFF]/.test(r.name_sort_key)) view.surrogates.add(r.id);
    else view.surrogates.delete(r.id);
  }
}

const loads = new WeakMap<DB, number>();
/** How many times the view of this database was loaded whole (tests: a logged change reloads only its graduates). */
export function directoryViewLoads(db: DB): number {
  return loads.get(db) ?? 0;
}

/** Graduates read per step of a whole load; the event loop turns between steps (other requests are served). */
const LOAD_CHUNK = 5_000;

async function loadAll(db: DB): Promise<View> {
  loads.set(db, (loads.get(db) ?? 0) + 1);
  const view: View = {
    lastSeq: 0,
    visibility: new Uint8Array(0),
    relocate: new Uint8Array(0),
    cohort: new Int32Array(0),
    region: new Int32Array(0),
    available: [],
    published: [],
    nameKey: [],
    surrogates: new Set(),
    holders: new Map(),
  };
  // The sequence before the rows: a write in between is read again at the next catch-up (reloading a graduate is idempotent).
  view.lastSeq = await topOfLog(db, "match_changes");
  for (let after = 0; ;) {
    const { rows } = await sql<GraduateRow>`select ${graduateColumns} from graduates indexed by graduates_directory
      where id > ${after} order by id limit ${LOAD_CHUNK}`.execute(db);
    put(view, rows);
    if (rows.length < LOAD_CHUNK) return view;
    after = rows[rows.length - 1]!.id;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Re-reads these graduates' filter columns and their membership in every kept skill. */
async function reload(db: DB, view: View, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const chunk = ids.slice(i, i + IN_CHUNK);
    const { rows } = await sql<GraduateRow>`select ${graduateColumns} from graduates where id in (${sql.join(chunk)})`.execute(db);
    ensureSize(view, Math.max(...chunk));
    for (const id of chunk) view.visibility[id] = 0; // deleted unless read again
    put(view, rows);
    if (view.holders.size === 0) continue;
    const skills = [...view.holders.keys()];
    const { rows: held } = await sql<{ graduate_id: number; skill_id: number }>`select graduate_id, skill_id from graduate_skills
        where graduate_id in (${sql.join(chunk)}) and skill_id in (${sql.join(skills)})
      union select p.graduate_id, ps.skill_id from projects p join project_skills ps on ps.project_id = p.id
        where p.graduate_id in (${sql.join(chunk)}) and ps.skill_id in (${sql.join(skills)})`.execute(db);
    for (const bits of view.holders.values()) for (const id of chunk) bits[id] = 0;
    for (const h of held) view.holders.get(h.skill_id)![h.graduate_id] = 1;
  }
}

/**
 * The view brought up to date with every committed change; null inside a transaction (its own writes
 * are not logged as committed yet) and while it is being loaded whole.
 */
async function currentView(db: DB): Promise<View | null> {
  if (db.isTransaction) return null;
  const view = views.get(db);
  if (!view) return null;
  const rows = await entriesSince<{ kind: string; entity_id: number | null }>(db, "match_changes", "kind, entity_id", view.lastSeq);
  if (!rows) {
    views.reload(db);
    return null;
  }
  if (rows.length === 0) return view;
  // Only graduates' changes matter here: vacancies do not, and an "all" entry (a cohort, a taxonomy
  // relation, a company's status) changes no graduate's own columns or skills; cohorts are read on each use.
  const changed = new Set<number>();
  for (const r of rows) if (r.kind === "graduate" && r.entity_id !== null) changed.add(r.entity_id);
  await reload(db, view, [...changed]);
  view.lastSeq = rows[rows.length - 1]!.seq;
  return view;
}

async function holdersOf(db: DB, view: View, skillId: number): Promise<Uint8Array> {
  const kept = view.holders.get(skillId);
  if (kept) {
    // Most recently used last.
    view.holders.delete(skillId);
    view.holders.set(skillId, kept);
    return kept;
  }
  const { rows } = await sql<{ id: number }>`select graduate_id as id from graduate_skills where skill_id = ${skillId}
    union select p.graduate_id from project_skills ps join projects p indexed by projects_owner on p.id = ps.project_id where ps.skill_id = ${skillId}`.execute(
    db,
  );
  ensureSize(view, Math.max(0, ...rows.map((r) => r.id)));
  const bits = new Uint8Array(view.visibility.length);
  for (const r of rows) bits[r.id] = 1;
  view.holders.set(skillId, bits);
  for (const skill of view.holders.keys()) {
    if (view.holders.size <= SKILLS_KEPT) break;
    view.holders.delete(skill);
  }
  return bits;
}

export type DirectoryFilters = {
  visibilities: readonly Visibility[];
  schoolId?: number;
  cohortId?: number;
  regionId?: number;
  /** YYYY-MM-DD: available now (no date, or a date up to this day). */
  availableOn?: string;
  relocate?: boolean;
  skillId?: number;
};

export type DirectoryOrder = "recent" | "name" | "available";

/** The first `end` of `ids` in the order: the same order as the SQL's (app/models/directory.server.ts), every one ending with the id. */
function pageInOrder(view: View, ids: readonly number[], order: DirectoryOrder, end: number): number[] {
  const { published, nameKey, available } = view;
  const compare: (a: number, b: number) => number = {
    // published_at desc, id desc: never published (null, the smallest in SQLite) last.
    recent: (a: number, b: number) => {
      const pa = published[a] ?? null;
      const pb = published[b] ?? null;
      if (pa !== pb) return pa === null ? 1 : pb === null ? -1 : pa < pb ? 1 : -1;
      return b - a;
    },
    // name_sort_key, id: plain binary order of the key (no surrogates, checked).
    name: (a: number, b: number) => {
      const ka = nameKey[a]!;
      const kb = nameKey[b]!;
      return ka < kb ? -1 : ka > kb ? 1 : a - b;
    },
    // available_from is null, available_from, id.
    available: (a: number, b: number) => {
      const fa = available[a] ?? null;
      const fb = available[b] ?? null;
      if (fa !== fb) return fa === null ? 1 : fb === null ? -1 : fa < fb ? -1 : 1;
      return a - b;
    },
  }[order];
  if (end > 2000) return [...ids].sort(compare).slice(0, end);
  // The first `end` rows without sorting them all: a sorted buffer, most rows compared once with its last.
  const best: number[] = [];
  for (const id of ids) {
    if (best.length === end && compare(id, best[end - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(best[mid]!, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, id);
    if (best.length > end) best.pop();
  }
  return best;
}

export type DirectoryView = {
  /** Whether the graduate is listed under these filters. */
  passes: (id: number) => boolean;
  /** Every listed graduate's id, ascending. */
  listed: () => number[];
  /** The holders of a skill (the one the search text names): 1 at each holder's id. */
  holders: (skillId: number) => Promise<Uint8Array>;
  /** The first `end` of `ids` in the order; null when the view cannot order them as SQLite does (a name key with a surrogate). */
  firstInOrder: (ids: readonly number[], order: DirectoryOrder, end: number) => number[] | null;
};

/**
 * The filters as a test over graduate ids, on the view brought up to date; null inside a transaction
 * or while the view is loaded (the caller runs its SQL). The same rows as docs/decisions/048's `kept` query: not anonymised, a
 * listable visibility, the school (of the cohort), the cohort, the region (own, else the school's),
 * available now, willing to relocate, and the skill (claimed or used in a project).
 */
export async function directoryView(db: DB, filters: DirectoryFilters): Promise<DirectoryView | null> {
  const view = await currentView(db);
  if (!view) return null;
  const { rows: cohorts } = await sql<{ id: number; school_id: number; region_id: number }>`select c.id, c.school_id, s.region_id
    from cohorts c join schools s on s.id = c.school_id`.execute(db);
  const schoolOf = new Map(cohorts.map((c) => [c.id, c.school_id]));
  const schoolRegionOf = new Map(cohorts.map((c) => [c.id, c.region_id]));
  const skill = filters.skillId === undefined ? null : await holdersOf(db, view, filters.skillId);
  const listable = new Uint8Array(4);
  for (const v of filters.visibilities) listable[VISIBILITY_CODE[v]] = 1;
  const { schoolId, cohortId, regionId, availableOn, relocate } = filters;
  const { visibility, cohort, region, available } = view;
  const passes = (id: number) => {
    if (!listable[visibility[id] ?? 0]) return false;
    if (relocate && !view.relocate[id]) return false;
    if (skill && !skill[id]) return false;
    if (cohortId && cohort[id] !== cohortId) return false;
    if (schoolId && schoolOf.get(cohort[id]!) !== schoolId) return false;
    if (regionId && (region[id] || schoolRegionOf.get(cohort[id]!)) !== regionId) return false;
    if (availableOn !== undefined) {
      const from = available[id];
      if (from !== null && from !== undefined && from > availableOn) return false;
    }
    return true;
  };
  return {
    passes,
    listed: () => {
      const out: number[] = [];
      for (let id = 1; id < visibility.length; id++) if (passes(id)) out.push(id);
      return out;
    },
    holders: (skillId) => holdersOf(db, view, skillId),
    firstInOrder: (ids, order, end) => (order === "name" && view.surrogates.size > 0 ? null : pageInOrder(view, ids, order, end)),
  };
}
