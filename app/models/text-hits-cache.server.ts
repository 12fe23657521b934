// The text's hits of a full-text search kept in memory (docs/decisions/048, Session 9, dir16b): every
// row the text matches, ranked by tier then bm25, per (index, text, index version). bm25 and the
// tier do not depend on the page's filters (bm25 reads the whole index's statistics), so the next
// page, another sort or another filter of the same text only applies the filters to this list.
// The version is the FTS5 structure record (`<table>_data` id 10): every committed write to the
// index flushes a new segment and rewrites it, whichever connection or process wrote; a write not
// yet committed is not in it, so inside a transaction the memory is not used.
import { sql } from "kysely";
import type { DB } from "@db/connection";
import type { TextQuery } from "~/domain/search/full-text";
import { inBackgroundOnce } from "~/utils/warming.server";
import { buildReplica, catchUpReplica, type Replica, replicaBytes, type ReplicaRanking } from "./text-hits-replica.server";

/** The text's hits as the search's `hits` needs them: ids in rank order, and where tiers 1 and 2 begin. */
export type RankedHits = {
  /** A JSON array of the ids, best first (tier, bm25, id): the position is the rank. */
  json: string;
  /** The same ids, for a page ordered in JavaScript (app/models/directory.server.ts). */
  ids: Int32Array;
  count: number;
  /** Ranks below tierEnds[0] are tier 0, below tierEnds[1] tier 1, the rest tier 2. */
  tierEnds: readonly [number, number];
};

type Index = { table: string; weights: readonly number[] };

/** A few MB: 50,000 ids are about 300 kB of JSON and 200 kB as an Int32Array. */
const LIMIT_BYTES = 8 * 1024 * 1024;
const entries = new Map<string, { version: string; hits: RankedHits }>();
let bytes = 0;

// Each database (connection) apart: two files may well have the same structure record.
const databases = new WeakMap<DB, number>();
let lastDatabase = 0;
const databaseOf = (db: DB) => {
  if (!databases.has(db)) databases.set(db, ++lastDatabase);
  return databases.get(db)!;
};
const keyOf = (db: DB, index: Index, text: TextQuery) => `${databaseOf(db)}\u0000${index.table}\u0000${text.exact}\u0000${text.tierOne}\u0000${text.loose}`;

/** The index's version: its FTS5 structure record (changes with every committed write). */
async function versionOf(db: DB, table: string): Promise<string | null> {
  const { rows } = await sql<{ block: Buffer | null }>`select block from ${sql.raw(`${table}_data`)} where id = 10`.execute(db);
  const block = rows[0]?.block;
  return block ? Buffer.from(block).toString("base64") : null;
}

// The ids, and their JSON once asked for (about 6 bytes an id).
const sizeOf = (hits: RankedHits) => hits.ids.byteLength * 2.5;

function remember(key: string, version: string, hits: RankedHits): void {
  const old = entries.get(key);
  if (old) {
    bytes -= sizeOf(old.hits);
    entries.delete(key);
  }
  if (sizeOf(hits) > LIMIT_BYTES / 2) return;
  entries.set(key, { version, hits });
  bytes += sizeOf(hits);
  // Least recently used first (a Map iterates in insertion order; a hit re-inserts).
  for (const [k, e] of entries) {
    if (bytes <= LIMIT_BYTES) break;
    entries.delete(k);
    bytes -= sizeOf(e.hits);
  }
}

/** Every hit of the text, ranked: one MATCH with bm25 for all of them and the two tier lists. */
async function rankAll(db: DB, index: Index, text: TextQuery): Promise<RankedHits> {
  const table = sql.raw(index.table);
  const weights = sql.raw([...index.weights, ...index.weights].map((w) => w.toFixed(1)).join(", "));
  const inTier = (query: string) => sql`rowid in (select rowid from ${table} where ${table} match ${query})`;
  const { rows } = await sql<{ id: number; tier: number }>`select id, tier from (
      select rowid as id, case when ${inTier(text.exact)} then 0 when ${inTier(text.tierOne)} then 1 else 2 end as tier,
        bm25(${table}, ${weights}) as score
      from ${table} where ${table} match ${text.loose})
    order by tier, score, id`.execute(db);
  const ids = rows.map((r) => r.id);
  const end = (tier: number) => {
    const i = rows.findIndex((r) => r.tier > tier);
    return i < 0 ? rows.length : i;
  };
  return { json: JSON.stringify(ids), ids: Int32Array.from(ids), count: ids.length, tierEnds: [end(0), end(1)] };
}

// Texts searched again after an index change keep a replica of their ranking (docs/decisions/048,
// Session 11; app/models/text-hits-replica.server.ts): the next change is then replayed from the
// changed graduates alone, and a first search after it costs what a repeated one does.
/** Replicas are larger than the ranked ids (each row's phrase frequencies): a few tens of MB in all. */
const REPLICA_LIMIT_BYTES = 48 * 1024 * 1024;
const replicas = new Map<string, Replica>();

function keepReplica(db: DB, key: string, replica: Replica): void {
  replicas.delete(key);
  replicas.set(key, replica);
  let total = 0;
  for (const r of replicas.values()) total += replicaBytes(db, r);
  for (const [k, r] of replicas) {
    if (total <= REPLICA_LIMIT_BYTES || replicas.size <= 1) break;
    total -= replicaBytes(db, r);
    replicas.delete(k);
  }
}

/** A replica's ranking as the search reads it (the JSON only when a SQL path asks for it). */
function fromReplica(ranking: ReplicaRanking): RankedHits {
  let json: string | undefined;
  return {
    ids: ranking.ids,
    count: ranking.ids.length,
    tierEnds: ranking.tierEnds,
    get json() {
      json ??= JSON.stringify(Array.from(ranking.ids));
      return json;
    },
  };
}

const replays = new WeakMap<DB, number>();
/** How many searches of this database were answered by a replica brought up to date (tests: the replay was used, not SQLite). */
export function replicaReplays(db: DB): number {
  return replays.get(db) ?? 0;
}

/** Catch-ups tried in one search while other writes keep committing; then the search ranks with SQLite. */
const CATCH_UP_TRIES = 3;

/**
 * The replica of the text brought to the index as it is; null when there is none, the change cannot
 * be replayed (then dropped), or writes kept committing meanwhile (kept, caught up at the next search).
 */
async function replayed(db: DB, key: string, version: string): Promise<RankedHits | null> {
  const replica = replicas.get(key);
  if (!replica) return null;
  let at: string | null = version;
  for (let attempt = 0; attempt < CATCH_UP_TRIES && at !== null; attempt++) {
    const ranking = replica.version === at ? replica.ranking : await catchUpReplica(db, replica, at);
    if (!ranking) {
      replicas.delete(key);
      return null;
    }
    // The log, the replayed rows and the statistics are read in several statements: exact only when no
    // write committed meanwhile (the version unchanged). Otherwise some replayed rows may be newer than
    // the statistics: catch up again from the log (replaying a row twice is harmless).
    const now = await versionOf(db, "graduates_fts");
    if (now === at) {
      keepReplica(db, key, replica);
      replays.set(db, (replays.get(db) ?? 0) + 1);
      const hits = fromReplica(ranking);
      remember(key, at, hits);
      return hits;
    }
    replica.version = "";
    at = now;
  }
  return null;
}

/**
 * The text's ranked hits if they are in memory for the index as it is now (kept, or replayed from
 * the changed rows); otherwise null, and (outside a transaction) they are ranked in the background
 * for the next search of this text. `now`: rank them in this call instead (the page would compute
 * bm25 for every hit anyway).
 */
export async function rankedHits(db: DB, index: Index, text: TextQuery, options: { now?: boolean } = {}): Promise<RankedHits | null> {
  if (db.isTransaction) return null;
  const version = await versionOf(db, index.table);
  if (version === null) return null;
  const key = keyOf(db, index, text);
  const known = entries.get(key);
  if (known?.version === version) {
    remember(key, version, known.hits);
    return known.hits;
  }
  const replay = index.table === "graduates_fts" ? await replayed(db, key, version) : null;
  if (replay) return replay;
  // Searched again after an index change (or its replica was dropped): a replica is built in the
  // background, which ranks this version too and is kept for the next change.
  // A replica still kept (writes kept committing during its catch-up) is caught up at the next search: not built again.
  const again = known !== undefined && index.table === "graduates_fts" && !replicas.has(key);
  const keep = (hits: RankedHits) => async () => {
    // A write between the version read and the ranking would leave it unsure which version the hits are of.
    if ((await versionOf(db, index.table)) === version) remember(key, version, hits);
    return hits;
  };
  const fill = async () => keep(await rankAll(db, index, text))();
  const replicate = async () => {
    const built = await buildReplica(db, text, index.weights, version);
    if (!built) return fill();
    keepReplica(db, key, built.replica);
    return keep(fromReplica(built.ranking))();
  };
  // The connection may be closed meanwhile: the next search ranks again.
  const background = (work: () => Promise<unknown>) => inBackgroundOnce(db, key, work);
  if (options.now) {
    const hits = await fill();
    if (again) background(replicate);
    return hits;
  }
  background(again ? replicate : fill);
  return null;
}
