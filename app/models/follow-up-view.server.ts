// The follow-up list's candidates kept in memory (docs/product.md §6 "Follow-up", §10;
// docs/decisions/071-staff-pages-at-national-size.md). The list's SQL tested every graduate of the chased
// cohorts against their current records and consents, twice (the count, then the page): 380 ms at
// 100,000 graduates. Here each live graduate's cohort, name key, the checkpoints with a known current
// record, "excluded somewhere" and "withdrew consent" sit in arrays indexed by id, and one pass over the
// graduates in name order gives the count and the page.
// Exact after every committed write, from any connection or process: the triggers of migrations 0008
// and 0038 log into `outcome_changes`, in the write's own transaction, every change of a graduate's
// records, cohort, anonymisation, name key or consent; before each use the view reads the log past the
// last sequence it saw and re-reads just those graduates (or loads again, when the log was pruned past
// it or holds too much). As the directory's view (app/models/directory-view.server.ts): per database
// handle, loaded whole in the background on first use; until then, and inside a transaction, the list
// runs its SQL.
import { sql } from "kysely";
import type { DB } from "@db/connection";
import { CHECKPOINTS, type Checkpoint } from "~/domain/outcomes/codes";
import { binaryOrder } from "~/domain/search/kyrgyz-order";
import { grown } from "~/utils/typed-arrays";
import { backgroundView } from "~/utils/warming.server";
import { entriesSince, topOfLog } from "./change-log.server";

const IN_CHUNK = 500;

const EXCLUDED = 1;
const WITHDRAWN = 2;

type View = {
  lastSeq: number;
  /** 0: no such graduate, or anonymised. Indexed by graduate id. */
  cohort: Int32Array;
  /** Bit CHECKPOINTS.indexOf(c) set: a current record other than `unknown` at checkpoint c. */
  known: Uint8Array;
  /** EXCLUDED: a current `excluded` record at any checkpoint; WITHDRAWN: the latest consent withdrew it. */
  flags: Uint8Array;
  /** The Kyrgyz-alphabet name key (migration 0013). */
  nameKey: string[];
  /** Live graduates in (name_sort_key, id) order, SQLite's binary order of the key. */
  order: number[];
};

const views = backgroundView(loadAll);

function ensureSize(view: View, maxId: number): void {
  const size = maxId + 1;
  view.cohort = grown(view.cohort, size, (n) => new Int32Array(n));
  view.known = grown(view.known, size, (n) => new Uint8Array(n));
  view.flags = grown(view.flags, size, (n) => new Uint8Array(n));
}

const before = (view: View, a: number, b: number) => {
  const o = binaryOrder(view.nameKey[a]!, view.nameKey[b]!);
  return o !== 0 ? o < 0 : a < b;
};

/** Where graduate `id` is, or goes, in view.order (by its current name key). */
function positionOf(view: View, id: number): number {
  let lo = 0;
  let hi = view.order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(view, view.order[mid]!, id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type GraduateRow = { id: number; cohort_id: number; name_sort_key: string };
type RecordRow = { graduate_id: number; checkpoint: Checkpoint; code: string };

const bitOf = (checkpoint: Checkpoint) => 1 << CHECKPOINTS.indexOf(checkpoint);

function putRecords(view: View, records: RecordRow[], withdrawn: { graduate_id: number }[]): void {
  for (const r of records) {
    if (r.graduate_id >= view.known.length) continue; // an anonymised or newer graduate: not in the view
    view.known[r.graduate_id]! |= bitOf(r.checkpoint);
    if (r.code === "excluded") view.flags[r.graduate_id]! |= EXCLUDED;
  }
  for (const w of withdrawn) if (w.graduate_id < view.flags.length) view.flags[w.graduate_id]! |= WITHDRAWN;
}

// `current = 1` is a literal so the partial index outcomes_current_facts applies.
const recordsOf = (db: DB, ids: readonly number[] | null) =>
  sql<RecordRow>`select graduate_id, checkpoint, code from outcomes where current = 1 and code <> 'unknown'
    ${ids ? sql`and graduate_id in (${sql.join(ids)})` : sql``}`.execute(db);
// The latest consent row of each graduate says whether they withdrew.
const withdrawnOf = (db: DB, ids: readonly number[] | null) =>
  sql<{ graduate_id: number }>`select oc.graduate_id from outcome_consents oc where oc.given = 0
    and oc.id = (select max(latest.id) from outcome_consents latest where latest.graduate_id = oc.graduate_id)
    ${ids ? sql`and oc.graduate_id in (${sql.join(ids)})` : sql``}`.execute(db);

const loads = new WeakMap<DB, number>();
/** How many times the view of this database was loaded whole (tests: a logged change re-reads only its graduates). */
export function followUpViewLoads(db: DB): number {
  return loads.get(db) ?? 0;
}

async function loadAll(db: DB): Promise<View> {
  loads.set(db, (loads.get(db) ?? 0) + 1);
  // The sequence before the rows: a write in between is read again at the next catch-up (re-reading a graduate is idempotent).
  const lastSeq = await topOfLog(db, "outcome_changes");
  const { rows } = await sql<GraduateRow>`select id, cohort_id, name_sort_key from graduates where anonymised_at is null
    order by name_sort_key, id`.execute(db);
  const maxId = rows.reduce((m, r) => Math.max(m, r.id), 0);
  const view: View = {
    lastSeq,
    cohort: new Int32Array(maxId + 1),
    known: new Uint8Array(maxId + 1),
    flags: new Uint8Array(maxId + 1),
    nameKey: [],
    order: rows.map((r) => r.id),
  };
  for (const r of rows) {
    view.cohort[r.id] = r.cohort_id;
    view.nameKey[r.id] = r.name_sort_key;
  }
  await new Promise((resolve) => setImmediate(resolve));
  putRecords(view, (await recordsOf(db, null)).rows, (await withdrawnOf(db, null)).rows);
  return view;
}

/** Re-reads these graduates: gone or anonymised ones leave the view, the others take their place in name order. */
async function reload(db: DB, view: View, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const chunk = ids.slice(i, i + IN_CHUNK);
    const { rows } = await sql<GraduateRow>`select id, cohort_id, name_sort_key from graduates
      where anonymised_at is null and id in (${sql.join(chunk)})`.execute(db);
    const [records, withdrawn] = await Promise.all([recordsOf(db, chunk), withdrawnOf(db, chunk)]);
    ensureSize(view, Math.max(...chunk));
    for (const id of chunk) {
      if (view.cohort[id] !== 0) view.order.splice(positionOf(view, id), 1);
      view.cohort[id] = 0;
      view.known[id] = 0;
      view.flags[id] = 0;
    }
    for (const r of rows) {
      view.cohort[r.id] = r.cohort_id;
      view.nameKey[r.id] = r.name_sort_key;
      view.order.splice(positionOf(view, r.id), 0, r.id);
    }
    putRecords(view, records.rows, withdrawn.rows);
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
  const rows = await entriesSince<{ graduate_id: number | null }>(db, "outcome_changes", "graduate_id", view.lastSeq);
  if (!rows) {
    views.reload(db);
    return null;
  }
  if (rows.length === 0) return view;
  // A null entry (a cohort's date or school, a school's region) changes no graduate's own columns: cohorts are read on each use.
  const changed = new Set<number>();
  for (const r of rows) if (r.graduate_id !== null) changed.add(r.graduate_id);
  await reload(db, view, [...changed]);
  view.lastSeq = rows[rows.length - 1]!.seq;
  return view;
}

/** The checkpoint chased in each cohort of the list's filters, with its date. */
export type Chased = ReadonlyMap<number, { checkpoint: Checkpoint; date: string }>;

/**
 * The graduates of the chased cohorts still to follow up — live, no record other than `unknown` at
 * the chased checkpoint, never excluded, consent not withdrawn — in the list's order (the chased
 * checkpoint's date, newest first, then name_sort_key and id): the total, the pages, the page (the
 * one asked for, or the last) and its graduates' ids, with each one's cohort as the view has it. Null when the view cannot answer yet (the
 * caller runs the SQL).
 */
export async function followUpPage(
  db: DB,
  chased: Chased,
  askedPage: number,
  pageSize: number,
): Promise<{ total: number; pages: number; page: number; ids: number[]; cohorts: number[] } | null> {
  const view = await currentView(db);
  if (!view) return null;
  // One pass in name order, each graduate into their checkpoint date's bucket: every bucket stays in name order.
  const wanted = new Map<number, { bit: number; date: string }>();
  for (const [id, c] of chased) wanted.set(id, { bit: bitOf(c.checkpoint), date: c.date });
  const buckets = new Map<string, number[]>();
  const { cohort, known, flags } = view;
  for (const id of view.order) {
    const c = wanted.get(cohort[id]!);
    if (!c || (known[id]! & c.bit) !== 0 || flags[id] !== 0) continue;
    const bucket = buckets.get(c.date);
    if (bucket) bucket.push(id);
    else buckets.set(c.date, [id]);
  }
  const inOrder = [...buckets].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([, ids]) => ids);
  const total = inOrder.reduce((n, ids) => n + ids.length, 0);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(askedPage, pages);
  const ids: number[] = [];
  let skip = (page - 1) * pageSize;
  for (const bucket of inOrder) {
    if (ids.length >= pageSize) break;
    if (skip >= bucket.length) {
      skip -= bucket.length;
      continue;
    }
    ids.push(...bucket.slice(skip, skip + pageSize - ids.length));
    skip = 0;
  }
  return { total, pages, page, ids, cohorts: ids.map((id) => cohort[id]!) };
}
