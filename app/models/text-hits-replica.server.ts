// A kept ranking of one directory text brought up to date after an index change from the changed
// rows alone (docs/decisions/048, Session 11). bm25 reads the whole index's statistics (rows, their
// average length, each phrase's document count), so one profile's edit moves every score a little:
// re-ranking only the edited row would not be exact. Here each row holding any of the text's phrases
// keeps what its score is made of (each phrase's weighted frequency, its length, its tier), read once
// from the index's own instances (fts5vocab); after a change the changed graduates' rows are replayed
// (written by the index's writer into a temporary twin table and read back), the statistics re-read,
// and every score computed again as FTS5 computes it (app/domain/search/fts-replica.ts). The changed
// graduates are those `match_changes` names (migration 0004: every write to a graduate's searched
// tables logs them in its own transaction); an index change the log does not explain, or a replayed
// row whose token counts differ from the index's, drops the replica (the caller ranks with SQLite).
import { sql } from "kysely";
import type { DB } from "@db/connection";
import {
  bm25,
  evaluateRow,
  idfOf,
  idfRatio,
  matchesRow,
  parseFtsQuery,
  type ParsedQuery,
  phrasePositions,
  positionOf,
  weightedFrequency,
} from "~/domain/search/fts-replica";
import type { TextQuery } from "~/domain/search/full-text";
import { grown } from "~/utils/typed-arrays";
import { topOfLog } from "./change-log.server";
import { graduateIndexRows, insertGraduateRows } from "./search-index.server";

/** The replica's view of a text: ranked ids and where tiers 1 and 2 begin (as RankedHits). */
export type ReplicaRanking = { ids: Int32Array; tierEnds: readonly [number, number] };

/** More changed graduates than this since the last look: ranking again with SQLite is as quick. */
const CATCH_UP_LIMIT = 200;
/** A replica larger than this (rows × phrases) is not kept: the text is ranked by SQLite after each change. */
const MAX_CELLS = 2_000_000;

type Replica = {
  version: string;
  lastSeq: number;
  loose: ParsedQuery;
  exact: ParsedQuery;
  tierOne: ParsedQuery;
  weights: readonly number[];
  /** Per row slot: the graduate id, its length in tokens, its tier (-1: not a hit). */
  slotOf: Map<number, number>;
  ids: Int32Array;
  size: Int32Array;
  tier: Int8Array;
  /** slot * phrases + i: 1 when loose phrase i is in the row (in its columns; NEAR aside), for bm25's document frequency. */
  held: Uint8Array;
  /** slot * phrases + i: the weighted frequency of loose phrase i (bm25's aFreq). */
  freq: Float64Array;
  used: number;
  /** Rows holding each loose phrase (bm25's document frequency). */
  nHit: Int32Array;
  /** The last order, kept to sort the next one from (nearly sorted: a few comparisons per row). */
  order: Int32Array;
  /** The ranking of `version`. */
  ranking: ReplicaRanking | null;
};

type TableInfo = { columns: string[]; tokenize: string };
const tableInfos = new WeakMap<DB, TableInfo>();

/** The columns and tokenizer of graduates_fts, and the temporary tables the replica reads through (once per connection). */
async function prepare(db: DB): Promise<TableInfo | null> {
  const known = tableInfos.get(db);
  if (known) return known;
  const { rows: schema } = await sql<{ sql: string }>`select sql from sqlite_master where name = 'graduates_fts'`.execute(db);
  const tokenize = /tokenize\s*=\s*'([^']*)'/i.exec(schema[0]?.sql ?? "")?.[1];
  if (!tokenize) return null;
  const { rows: cols } = await sql<{ name: string }>`select name from pragma_table_info('graduates_fts') order by cid`.execute(db);
  const columns = cols.map((c) => c.name);
  const tok = sql.lit(tokenize);
  await sql`create virtual table if not exists temp.graduates_fts_instances using fts5vocab(main, graduates_fts, instance)`.execute(db);
  await sql`create virtual table if not exists temp.replica_tokens using fts5(x, tokenize = ${tok})`.execute(db);
  await sql`create virtual table if not exists temp.replica_tokens_instances using fts5vocab(temp, replica_tokens, instance)`.execute(db);
  await sql`create virtual table if not exists temp.replica_rows using fts5(${sql.raw(columns.join(", "))}, tokenize = ${tok})`.execute(db);
  await sql`create virtual table if not exists temp.replica_rows_instances using fts5vocab(temp, replica_rows, instance)`.execute(db);
  const info = { columns, tokenize };
  tableInfos.set(db, info);
  return info;
}

// The temporary tables are shared by the connection's requests: one replay at a time.
const locks = new WeakMap<DB, Promise<unknown>>();
function exclusive<T>(db: DB, work: () => Promise<T>): Promise<T> {
  const before = locks.get(db) ?? Promise.resolve();
  const run = before.then(work, work);
  locks.set(
    db,
    run.catch(() => undefined),
  );
  return run;
}

/** The phrases' tokens as the index's tokenizer makes them (quoted text may hold several words, or a hyphen). */
async function tokenizePhrases(db: DB, queries: ParsedQuery[]): Promise<boolean> {
  const phrases = queries.flatMap((q) => q.phrases);
  await sql`delete from temp.replica_tokens`.execute(db);
  for (let i = 0; i < phrases.length; i += 200)
    await sql`insert into temp.replica_tokens (rowid, x) values ${sql.join(phrases.slice(i, i + 200).map((p, k) => sql`(${i + k + 1}, ${p.text})`))}`.execute(
      db,
    );
  const { rows } = await sql<{ term: string; doc: number }>`select term, doc from temp.replica_tokens_instances order by doc, offset`.execute(db);
  await sql`delete from temp.replica_tokens`.execute(db);
  for (const r of rows) phrases[r.doc - 1]!.tokens.push(r.term);
  return phrases.every((p) => p.tokens.length > 0);
}

/** The FTS5 query of the text's three tiers, parsed against the table's columns. */
function parseText(text: TextQuery, columns: string[]): { loose: ParsedQuery; exact: ParsedQuery; tierOne: ParsedQuery } | null {
  const index = (name: string) => columns.indexOf(name);
  const loose = parseFtsQuery(text.loose, index);
  const exact = parseFtsQuery(text.exact, index);
  const tierOne = parseFtsQuery(text.tierOne, index);
  if (!loose || !exact || !tierOne) return null;
  return { loose, exact, tierOne };
}

/** The term (or, for a prefix, every term) a phrase token reads, as a key. */
const termKey = (token: string, prefix: boolean) => (prefix ? `${token}*` : `=${token}`);

function termKeys(queries: ParsedQuery[]): Map<string, { token: string; prefix: boolean }> {
  const keys = new Map<string, { token: string; prefix: boolean }>();
  for (const q of queries)
    for (const p of q.phrases)
      p.tokens.forEach((token, k) => {
        const prefix = p.prefix && k === p.tokens.length - 1;
        keys.set(termKey(token, prefix), { token, prefix });
      });
  return keys;
}

type Positions = Map<string, Map<number, number[]>>;

type InstanceRow = { term: string; doc: number; col: string; offset: number };

/** Each term key's positions per row, from the rows of an fts5vocab instance table. */
function positionsFrom(rows: InstanceRow[], keys: Map<string, { token: string; prefix: boolean }>, columnIndex: Map<string, number>): Positions {
  const result: Positions = new Map([...keys.keys()].map((k) => [k, new Map<number, number[]>()]));
  const prefixes = [...keys].filter(([, t]) => t.prefix);
  for (const r of rows) {
    const pos = positionOf(columnIndex.get(r.col)!, r.offset);
    const add = (key: string) => {
      const byDoc = result.get(key)!;
      const list = byDoc.get(r.doc);
      if (list) list.push(pos);
      else byDoc.set(r.doc, [pos]);
    };
    if (keys.has(`=${r.term}`)) add(`=${r.term}`);
    for (const [key, t] of prefixes) if (r.term.startsWith(t.token)) add(key);
  }
  return result;
}

const sortPositions = (positions: Positions) => {
  for (const byDoc of positions.values()) for (const list of byDoc.values()) list.sort((a, b) => a - b);
  return positions;
};

type Resolved = { phrase: ParsedQuery["phrases"][number]; terms: (Map<number, number[]> | undefined)[] }[];

/** Each phrase's tokens' position maps, looked up once for all rows. */
const resolve = (q: ParsedQuery, positions: Positions): Resolved =>
  q.phrases.map((phrase) => ({
    phrase,
    terms: phrase.tokens.map((token, k) => positions.get(termKey(token, phrase.prefix && k === phrase.tokens.length - 1))),
  }));

/** A phrase's positions in one row: each token's positions kept to the phrase's columns, then matched as a phrase. */
function rawPositions(resolved: Resolved, doc: number): number[][] {
  return resolved.map(({ phrase, terms }) => {
    const lists = terms.map((byDoc) => {
      const all = byDoc?.get(doc) ?? [];
      return phrase.columns ? all.filter((pos) => phrase.columns!.includes(Math.floor(pos / 4294967296))) : all;
    });
    return phrasePositions(lists);
  });
}

const lengthsOf = (q: ParsedQuery) => q.phrases.map((p) => p.tokens.length);

type Queries = { loose: ParsedQuery; exact: ParsedQuery; tierOne: ParsedQuery; weights: readonly number[] };

/** One row's part of the ranking: its loose phrases, whether it is a hit and its tier, each phrase's weighted frequency. */
function rowStates(r: Queries, positions: Positions) {
  const loose = resolve(r.loose, positions);
  const exact = resolve(r.exact, positions);
  const tierOne = resolve(r.tierOne, positions);
  const [looseLengths, exactLengths, tierOneLengths] = [r.loose, r.exact, r.tierOne].map(lengthsOf);
  return (doc: number) => {
    const raw = rawPositions(loose, doc);
    const held = raw.map((list) => list.length > 0);
    const any = held.some(Boolean);
    const counted: (number[] | null)[] = [];
    const hit = any && evaluateRow(r.loose.root, raw, counted, looseLengths!);
    const freq = r.loose.phrases.map((_, i) => (hit ? weightedFrequency(counted[i] ?? null, r.weights) : 0));
    let tier = -1;
    if (hit) {
      if (matchesRow(r.exact.root, rawPositions(exact, doc), exactLengths!)) tier = 0;
      else if (matchesRow(r.tierOne.root, rawPositions(tierOne, doc), tierOneLengths!)) tier = 1;
      else tier = 2;
    }
    return { any, held, tier, freq };
  };
}

/** SQLite's varint (the FTS5 records use it). */
function varints(block: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < block.length) {
    let v = 0;
    let k = 0;
    for (; k < 8; k++) {
      const byte = block[i + k]!;
      v = v * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) break;
    }
    if (k === 8) v = v * 256 + block[i + 8]!;
    i += Math.min(k, 8) + 1;
    out.push(v);
  }
  return out;
}

/** The index's row count and total tokens (its averages record), as bm25 reads them. */
async function totals(db: DB): Promise<{ rows: number; tokens: number } | null> {
  const { rows } = await sql<{ block: Uint8Array }>`select block from graduates_fts_data where id = 1`.execute(db);
  if (!rows[0]) return null;
  const [n, ...columns] = varints(rows[0].block);
  return { rows: n ?? 0, tokens: columns.reduce((a, b) => a + b, 0) };
}

/** Each row's length in tokens (the docsize records), and the records themselves to compare a replayed row with. */
async function sizesOf(db: DB, table: string, ids: number[], withRecords = false): Promise<Map<number, { size: number; record: string }>> {
  const out = new Map<number, { size: number; record: string }>();
  for (let i = 0; i < ids.length; i += 10_000) {
    const { rows } = await sql<{ id: number; sz: Uint8Array }>`select id, sz from ${sql.raw(table)}
      where id in (select value from json_each(${JSON.stringify(ids.slice(i, i + 10_000))}))`.execute(db);
    for (const r of rows)
      out.set(r.id, {
        size: varints(r.sz).reduce((a, b) => a + b, 0),
        record: withRecords ? Buffer.from(r.sz).toString("base64") : "",
      });
  }
  return out;
}

function ensureSlots(r: Replica, needed: number): void {
  if (needed <= r.ids.length) return;
  const cap = Math.max(needed, r.ids.length * 2, 1024);
  const p = r.loose.phrases.length;
  r.ids = grown(r.ids, cap, (n) => new Int32Array(n));
  r.size = grown(r.size, cap, (n) => new Int32Array(n));
  r.tier = grown(r.tier, cap, (n) => new Int8Array(n));
  r.held = grown(r.held, cap * p, (n) => new Uint8Array(n));
  r.freq = grown(r.freq, cap * p, (n) => new Float64Array(n));
}

/** Puts a row's state in its slot (a new slot for a new row), keeping the phrases' document counts. */
function put(r: Replica, id: number, state: { any: boolean; held: boolean[]; tier: number; freq: number[] }, size: number): void {
  let slot = r.slotOf.get(id);
  if (slot === undefined) {
    if (!state.any) return;
    ensureSlots(r, r.used + 1);
    slot = r.used++;
    r.slotOf.set(id, slot);
    r.ids[slot] = id;
  }
  const p = r.loose.phrases.length;
  for (let i = 0; i < p; i++) {
    if (r.held[slot * p + i]) r.nHit[i]!--;
    if (state.held[i]) r.nHit[i]!++;
    r.held[slot * p + i] = state.held[i] ? 1 : 0;
    r.freq[slot * p + i] = state.freq[i]!;
  }
  r.tier[slot] = state.tier;
  r.size[slot] = size;
}

/** The ranking from the kept rows: every hit's bm25 with the index's statistics now, ordered (tier, bm25, id). */
async function rank(db: DB, r: Replica): Promise<ReplicaRanking | null> {
  const stats = await totals(db);
  if (!stats || stats.rows <= 0) return null;
  const p = r.loose.phrases.length;
  // IDF through SQLite's own log, so each bit is the one FTS5 computes.
  const ratios = [...r.nHit].map((n) => idfRatio(stats.rows, n));
  const { rows } = await sql<{ logs: string }>`select json_array(${sql.join(ratios.map((x) => sql`ln(${x})`))}) as logs`.execute(db);
  const idf = Float64Array.from((JSON.parse(rows[0]!.logs) as number[]).map(idfOf));
  // json_array prints doubles with 17 significant digits: they read back as the same doubles.
  const avgdl = stats.tokens / stats.rows;
  const score = new Float64Array(r.used);
  for (let slot = 0; slot < r.used; slot++) {
    if (r.tier[slot]! < 0) continue;
    score[slot] = bm25(idf, r.freq, slot * p, r.size[slot]!, avgdl);
  }
  // From the last order, rows that became hits appended: nearly sorted already (an edit moves the
  // statistics a little), so an insertion sort makes a few comparisons a row; a full sort past a bound.
  const inOrder = new Uint8Array(r.used);
  const order = new Int32Array(r.used);
  let n = 0;
  for (const slot of r.order)
    if (slot < r.used && r.tier[slot]! >= 0 && !inOrder[slot]) {
      inOrder[slot] = 1;
      order[n++] = slot;
    }
  for (let slot = 0; slot < r.used; slot++) if (r.tier[slot]! >= 0 && !inOrder[slot]) order[n++] = slot;
  const { tier, ids: rowIds } = r;
  const before = (a: number, b: number) => tier[a]! - tier[b]! || score[a]! - score[b]! || rowIds[a]! - rowIds[b]!;
  let moves = 0;
  for (let k = 1; k < n && moves <= n * 8; k++) {
    const slot = order[k]!;
    let j = k - 1;
    while (j >= 0 && before(order[j]!, slot) > 0) {
      order[j + 1] = order[j]!;
      j--;
      moves++;
    }
    order[j + 1] = slot;
  }
  if (moves > n * 8) order.subarray(0, n).sort(before);
  r.order = order.slice(0, n);
  const ids = new Int32Array(n);
  let end0 = n;
  let end1 = n;
  for (let k = 0; k < n; k++) {
    const slot = order[k]!;
    ids[k] = rowIds[slot]!;
    if (tier[slot]! > 0 && end0 === n) end0 = k;
    if (tier[slot]! > 1 && end1 === n) end1 = k;
  }
  r.ranking = { ids, tierEnds: [end0, end1] };
  return r.ranking;
}

/** True when the log no longer holds every entry after `seq` (trimmed), or went back before it (another file). */
async function trimmedPast(db: DB, seq: number): Promise<boolean> {
  const { rows } = await sql<{ oldest: number | null }>`select min(seq) as oldest from match_changes`.execute(db);
  const oldest = rows[0]?.oldest ?? null;
  const top = await topOfLog(db, "match_changes");
  if (top < seq) return true;
  return top > seq && (oldest === null || oldest > seq + 1);
}

/**
 * Builds the replica of a text from the whole index (a few hundred ms for a common word: run it in
 * the background), with the ranking it gives. Null when the text is outside the replica's subset.
 */
export async function buildReplica(
  db: DB,
  text: TextQuery,
  weights: readonly number[],
  version: string,
): Promise<{ replica: Replica; ranking: ReplicaRanking } | null> {
  return exclusive(db, async () => {
    const info = await prepare(db);
    if (!info) return null;
    const parsed = parseText(text, info.columns);
    if (!parsed) return null;
    const queries = [parsed.loose, parsed.exact, parsed.tierOne];
    if (!(await tokenizePhrases(db, queries))) return null;
    const lastSeq = await topOfLog(db, "match_changes");
    const keys = termKeys(queries);
    const positions: Positions = new Map([...keys.keys()].map((k) => [k, new Map<number, number[]>()]));
    // Packed in SQL: one string a term, not a row object an instance.
    const columnOf = sql.raw(`case col ${info.columns.map((c, i) => `when '${c}' then ${i}`).join(" ")} end`);
    for (const [key, t] of keys) {
      const range = t.prefix ? sql`term >= ${t.token} and term < ${`${t.token}\u{10FFFF}`}` : sql`term = ${t.token}`;
      const { rows: packed } = await sql<{ list: string | null }>`select group_concat(doc || ' ' || ${columnOf} || ' ' || offset, ' ') as list
        from temp.graduates_fts_instances where ${range}`.execute(db);
      const numbers = packed[0]?.list ? packed[0].list.split(" ") : [];
      const byDoc = positions.get(key)!;
      for (let i = 0; i + 2 < numbers.length; i += 3) {
        const doc = Number(numbers[i]);
        const pos = positionOf(Number(numbers[i + 1]), Number(numbers[i + 2]));
        const list = byDoc.get(doc);
        if (list) list.push(pos);
        else byDoc.set(doc, [pos]);
      }
    }
    sortPositions(positions);
    const docs = new Set<number>();
    for (const byDoc of positions.values()) for (const doc of byDoc.keys()) docs.add(doc);
    const p = parsed.loose.phrases.length;
    const replica: Replica = {
      version,
      lastSeq,
      ...parsed,
      weights: [...weights, ...weights],
      slotOf: new Map(),
      ids: new Int32Array(0),
      size: new Int32Array(0),
      tier: new Int8Array(0),
      held: new Uint8Array(0),
      freq: new Float64Array(0),
      used: 0,
      nHit: new Int32Array(p),
      order: new Int32Array(0),
      ranking: null,
    };
    const stateOf = rowStates(replica, positions);
    const states = [...docs].map((doc) => ({ doc, state: stateOf(doc) })).filter((s) => s.state.any);
    if (states.length * p > MAX_CELLS) return null;
    const sizes = await sizesOf(
      db,
      "graduates_fts_docsize",
      states.filter((s) => s.state.tier >= 0).map((s) => s.doc),
    );
    ensureSlots(replica, states.length);
    for (const s of states) put(replica, s.doc, s.state, sizes.get(s.doc)?.size ?? 0);
    const ranking = await rank(db, replica);
    return ranking ? { replica, ranking } : null;
  });
}

/**
 * The replica brought to the index as it is now (`version`): the graduates the change log names
 * since its last look are replayed; null when the change is not explained by the log (the replica
 * is then of no more use).
 */
export async function catchUpReplica(db: DB, replica: Replica, version: string): Promise<ReplicaRanking | null> {
  return exclusive(db, async () => {
    const info = await prepare(db);
    if (!info) return null;
    const { rows: log } = await sql<{ seq: number; entity_id: number }>`select seq, entity_id from match_changes
      where seq > ${replica.lastSeq} and kind = 'graduate' order by seq limit ${CATCH_UP_LIMIT + 1}`.execute(db);
    const changed = [...new Set(log.map((l) => l.entity_id))];
    // Not explained (a rebuild, a write the log does not name) or too many: rank with SQLite.
    if (changed.length === 0 || log.length > CATCH_UP_LIMIT) return null;
    // A skill's names or aliases changed (migration 0016 logs it as a vacancy change with no vacancy): the
    // rows of all its holders were rewritten, most of them not named in the log (decision 048, Session 14).
    const { rows: taxonomy } = await sql`select 1 from match_changes where seq > ${replica.lastSeq} and kind = 'vacancy' and entity_id is null limit 1`.execute(
      db,
    );
    if (taxonomy.length > 0) return null;
    // The log trimmed past the replica (app/models/change-log.server.ts, by any process's catch-up): the
    // entries it still holds need not name every graduate changed since (a gap), so nothing is replayed.
    if (await trimmedPast(db, replica.lastSeq)) return null;
    const top = log[log.length - 1]!.seq;
    // The changed rows as the writer makes them now, in the twin table, read back through its instances.
    await sql`delete from temp.replica_rows`.execute(db);
    await insertGraduateRows(db, "temp.replica_rows", await graduateIndexRows(db, changed));
    const { rows } = await sql<InstanceRow>`select term, doc, col, offset from temp.replica_rows_instances`.execute(db);
    const [mine, theirs] = await Promise.all([sizesOf(db, "temp.replica_rows_docsize", changed, true), sizesOf(db, "graduates_fts_docsize", changed, true)]);
    await sql`delete from temp.replica_rows`.execute(db);
    // The replayed rows must have the index's token counts, column by column (the index could hold
    // what an older writer made, e.g. before a skill's aliases changed): otherwise it is not a replay.
    for (const id of changed) if (mine.get(id)?.record !== theirs.get(id)?.record) return null;
    const columnIndex = new Map(info.columns.map((c, i) => [c, i]));
    const positions = sortPositions(positionsFrom(rows, termKeys([replica.loose, replica.exact, replica.tierOne]), columnIndex));
    const stateOf = rowStates(replica, positions);
    for (const id of changed) put(replica, id, stateOf(id), theirs.get(id)?.size ?? 0);
    replica.lastSeq = top;
    replica.version = version;
    return rank(db, replica);
  });
}

export type { Replica };

/** The replica's memory in bytes (its typed arrays and the slot map), for the cache's bound. */
export function replicaBytes(_db: DB, r: Replica): number {
  return r.ids.byteLength + r.size.byteLength + r.tier.byteLength + r.held.byteLength + r.freq.byteLength + r.order.byteLength + r.slotOf.size * 40;
}
