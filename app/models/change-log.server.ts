// In-memory views of the database (the matching index, the outcome facts) stay exact by following a
// change log that triggers fill in the same transaction as each change (migrations 0004 and 0008).
// This is the one way both follow their log: read past the last sequence seen, apply just those
// changes — or reload everything when the log says so, has a gap, or holds too much — then trim it.
import type { Database } from "better-sqlite3";
import { sql } from "kysely";
import type { DB } from "@db/connection";

/** More changes than this since the last look: reloading everything is quicker. */
export const INCREMENTAL_LIMIT = 2_000;
/** The log is trimmed once it holds this many rows behind the reader. */
const PRUNE_AFTER = 50_000;

export type ChangeLog<Entry extends { seq: number }> = {
  table: "match_changes" | "outcome_changes" | "page_changes";
  /** Columns to read besides seq. */
  columns: string;
  /** An entry that invalidates everything (a taxonomy change, a cohort's date …). */
  meansEverything: (entry: Entry) => boolean;
  reloadAll: () => void;
  apply: (entries: Entry[]) => void;
};

/** The log's newest sequence (0 before its first entry): the views loaded with kysely read it before and after a load. */
export async function topOfLog(db: DB, table: ChangeLog<{ seq: number }>["table"]): Promise<number> {
  const { rows } = await sql<{ seq: number }>`select seq from sqlite_sequence where name = ${table}`.execute(db);
  return rows[0]?.seq ?? 0;
}

/**
 * The log's entries past `lastSeq` (`columns` besides seq), for a view read with kysely that follows
 * it by itself: [] when there are none; null when the view must load again — the log went back
 * (another file), has a gap (pruned past the view), or holds more than INCREMENTAL_LIMIT entries.
 */
export async function entriesSince<Entry>(
  db: DB,
  table: ChangeLog<{ seq: number }>["table"],
  columns: string,
  lastSeq: number,
): Promise<(Entry & { seq: number })[] | null> {
  const top = await topOfLog(db, table);
  if (top === lastSeq) return [];
  const { rows } = await sql<Entry & { seq: number }>`select seq, ${sql.raw(columns)} from ${sql.table(table)}
    where seq > ${lastSeq} order by seq limit ${INCREMENTAL_LIMIT + 1}`.execute(db);
  const gap = top < lastSeq || rows.length === 0 || rows[0]!.seq !== lastSeq + 1 || rows.length > INCREMENTAL_LIMIT;
  return gap ? null : rows;
}

/**
 * Brings a view from `lastSeq` up to the log's newest sequence and returns that sequence. One read
 * transaction: the log and the rows it points at are read from the same snapshot. lastSeq < 0 = never loaded.
 */
export function catchUpWithLog<Entry extends { seq: number }>(sqlite: Database, log: ChangeLog<Entry>, lastSeq: number): number {
  const top = sqlite.transaction(() => {
    const top = (sqlite.prepare("select seq from sqlite_sequence where name = ?").get(log.table) as { seq: number } | undefined)?.seq ?? 0;
    if (lastSeq === top) return top;
    if (lastSeq < 0 || top < lastSeq) return (log.reloadAll(), top);
    const entries = sqlite
      .prepare(`select seq, ${log.columns} from ${log.table} where seq > ? order by seq limit ?`)
      .all(lastSeq, INCREMENTAL_LIMIT + 1) as Entry[];
    const gap = entries.length === 0 || entries[0]!.seq !== lastSeq + 1;
    if (gap || entries.length > INCREMENTAL_LIMIT || entries.some(log.meansEverything)) return (log.reloadAll(), top);
    log.apply(entries);
    return top;
  })();
  const oldest = (sqlite.prepare(`select min(seq) as seq from ${log.table}`).get() as { seq: number | null }).seq;
  // Keep a margin for another process's view that is a little behind; one further behind reloads.
  if (oldest !== null && top - oldest >= PRUNE_AFTER) sqlite.prepare(`delete from ${log.table} where seq <= ?`).run(top - PRUNE_AFTER / 2);
  return top;
}

/**
 * Graduate (or vacancy) ids per step of a background load: measured in docs/decisions/070, each step
 * then holds the event loop for tens of milliseconds at most, so pages and /healthz are answered between steps.
 */
export const WARM_STEP_IDS = 250;
