// The FTS5 ranking of one text, replayed in TypeScript (docs/decisions/048, Session 11): the query
// language the directory's queries use (app/domain/search/full-text.ts: quoted phrases, a prefix `*`,
// column sets `{…} :`, AND, OR, parentheses, NEAR) and bm25 as SQLite computes it (fts5_aux.c,
// fts5Bm25Function), so a kept ranking can be brought up to date after an index change from the
// changed rows alone. Ported from SQLite 3.53's fts5_expr.c for a full-detail table: a phrase's
// instances count in a row when the phrase is there (in its columns) and every AND and NEAR above it
// matches there; bm25's document frequency of a phrase ignores NEAR and counts every row holding it.
// Anything else in a query (NOT, `+`, `^`, a bare word) is refused: the caller then asks SQLite.

/** One phrase of the query: its tokens as the tokenizer makes them, the last one a prefix or not, its columns. */
export type ReplicaPhrase = { text: string; prefix: boolean; columns: number[] | null; tokens: string[] };

export type ReplicaNode =
  { kind: "phrase"; phrase: number } | { kind: "near"; phrases: number[]; distance: number } | { kind: "and" | "or"; children: ReplicaNode[] };

export type ParsedQuery = { root: ReplicaNode; phrases: ReplicaPhrase[] };

type Token = { t: "str"; v: string } | { t: "word"; v: string } | { t: "punct"; v: string };

function lex(query: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '"') {
      let v = "";
      i++;
      for (;;) {
        if (i >= query.length) return null;
        if (query[i] === '"') {
          if (query[i + 1] === '"') {
            v += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += query[i++];
      }
      out.push({ t: "str", v });
    } else if ("{}():,*".includes(c)) {
      out.push({ t: "punct", v: c });
      i++;
    } else {
      const m = /^[\p{L}\p{N}_]+/u.exec(query.slice(i));
      if (!m) return null;
      out.push({ t: "word", v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

/**
 * The query's tree and its phrases, numbered as FTS5 numbers them (in the order they are written);
 * null for syntax outside the subset. `columnIndex` names the table's columns.
 */
export function parseFtsQuery(query: string, columnIndex: (name: string) => number): ParsedQuery | null {
  const tokens = lex(query);
  if (!tokens) return null;
  const phrases: ReplicaPhrase[] = [];
  let at = 0;
  const peek = () => tokens[at];
  const isPunct = (v: string) => peek()?.t === "punct" && peek()!.v === v;
  const isWord = (v: string) => peek()?.t === "word" && peek()!.v === v;
  const fail = (): never => {
    throw new Error("outside the replica's subset");
  };
  const expect = (v: string) => (isPunct(v) ? at++ : fail());
  const phrase = (columns: number[] | null): number => {
    const tok = peek();
    if (tok?.t !== "str") return fail();
    at++;
    const prefix = isPunct("*") ? (at++, true) : false;
    phrases.push({ text: tok.v, prefix, columns, tokens: [] });
    return phrases.length - 1;
  };
  const primary = (columns: number[] | null): ReplicaNode => {
    if (isPunct("{")) {
      at++;
      const names: number[] = [];
      while (peek()?.t === "word") {
        const index = columnIndex(tokens[at++]!.v);
        if (index < 0) fail();
        names.push(index);
      }
      expect("}");
      expect(":");
      // An inner set narrows an outer one (FTS5 intersects them); the directory's queries never nest them.
      return primary(columns ? columns.filter((c) => names.includes(c)) : names);
    }
    if (isPunct("(")) {
      at++;
      const node = orExpr(columns);
      expect(")");
      return node;
    }
    if (isWord("NEAR")) {
      at++;
      expect("(");
      const list: number[] = [];
      while (peek()?.t === "str") list.push(phrase(columns));
      let distance = 10;
      if (isPunct(",")) {
        at++;
        const n = peek();
        if (n?.t !== "word" || !/^\d+$/.test(n.v)) fail();
        distance = Number(n!.v);
        at++;
      }
      expect(")");
      if (list.length === 0) fail();
      return list.length === 1 ? { kind: "phrase", phrase: list[0]! } : { kind: "near", phrases: list, distance };
    }
    return { kind: "phrase", phrase: phrase(columns) };
  };
  const andExpr = (columns: number[] | null): ReplicaNode => {
    const children = [primary(columns)];
    for (;;) {
      if (isWord("AND")) at++;
      else if (!(peek()?.t === "str" || isPunct("(") || isPunct("{") || isWord("NEAR"))) break;
      if (isWord("NOT") || isWord("OR")) fail();
      children.push(primary(columns));
    }
    return children.length === 1 ? children[0]! : { kind: "and", children };
  };
  function orExpr(columns: number[] | null): ReplicaNode {
    const children = [andExpr(columns)];
    while (isWord("OR")) {
      at++;
      children.push(andExpr(columns));
    }
    return children.length === 1 ? children[0]! : { kind: "or", children };
  }
  try {
    const root = orExpr(null);
    if (at !== tokens.length) return null;
    return { root, phrases };
  } catch {
    return null;
  }
}

/** A position as FTS5 keeps it: the column above 2^32, the token's offset below. */
export const positionOf = (column: number, offset: number) => column * 4294967296 + offset;
const columnOfPosition = (pos: number) => Math.floor(pos / 4294967296);

/**
 * A phrase's positions in one row (fts5ExprPhraseIsMatch): `termPositions[k]` are the sorted
 * positions of the phrase's k-th token (all terms it prefixes, for a prefix), already kept to the
 * phrase's columns. A position is where a whole phrase starts.
 */
export function phrasePositions(termPositions: readonly (readonly number[])[]): number[] {
  if (termPositions.length === 1) return [...termPositions[0]!];
  const out: number[] = [];
  const first = termPositions[0]!;
  for (const p of first) {
    let ok = true;
    for (let k = 1; k < termPositions.length && ok; k++) ok = includesSorted(termPositions[k]!, p + k);
    // A phrase never spans two columns: consecutive positions stay in the column.
    if (ok) out.push(p);
  }
  return out;
}

function includesSorted(list: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return list[lo] === value;
}

/**
 * NEAR (fts5ExprNearIsMatch): whether the phrases occur close enough, and each one's positions
 * trimmed to those that take part in a match, exactly as SQLite trims them.
 */
export function nearTrim(lists: readonly (readonly number[])[], nTerms: readonly number[], distance: number): number[][] | null {
  const n = lists.length;
  const END = Number.MAX_SAFE_INTEGER;
  const readers = lists.map((list) => ({ list, i: 0, pos: list.length > 0 ? list[0]! : END, ahead: list.length > 1 ? list[1]! : END }));
  if (readers.some((r) => r.pos === END)) return null;
  const next = (r: (typeof readers)[number]) => {
    r.i++;
    r.pos = r.ahead;
    r.ahead = r.i + 1 < r.list.length ? r.list[r.i + 1]! : END;
    return r.pos === END;
  };
  const out: number[][] = lists.map(() => []);
  for (;;) {
    let iMax = readers[0]!.pos;
    let match: boolean;
    do {
      match = true;
      for (let i = 0; i < n; i++) {
        const r = readers[i]!;
        const iMin = iMax - nTerms[i]! - distance;
        if (r.pos < iMin || r.pos > iMax) {
          match = false;
          while (r.pos < iMin) if (next(r)) return out[0]!.length > 0 ? out : null;
          if (r.pos > iMax) iMax = r.pos;
        }
      }
    } while (!match);
    for (let i = 0; i < n; i++) {
      const o = out[i]!;
      if (o.length === 0 || o[o.length - 1] !== readers[i]!.pos) o.push(readers[i]!.pos);
    }
    let adv = 0;
    let min = readers[0]!.ahead;
    for (let i = 0; i < n; i++)
      if (readers[i]!.ahead < min) {
        min = readers[i]!.ahead;
        adv = i;
      }
    if (next(readers[adv]!)) return out[0]!.length > 0 ? out : null;
  }
}

/**
 * Evaluates the tree over one row: whether it matches, and (when it does) the positions of each
 * phrase that count as its instances (empty for a phrase under an AND or NEAR that does not match).
 * `raw[i]` are phrase i's positions in the row (phrasePositions), `lengths[i]` its tokens (NEAR's window counts them).
 */
export function evaluateRow(node: ReplicaNode, raw: readonly (readonly number[])[], counted: (number[] | null)[], lengths: readonly number[]): boolean {
  switch (node.kind) {
    case "phrase": {
      const list = raw[node.phrase]!;
      counted[node.phrase] = list.length > 0 ? [...list] : null;
      return list.length > 0;
    }
    case "near": {
      const trimmed = nearTrim(
        node.phrases.map((p) => raw[p]!),
        node.phrases.map((p) => lengths[p] ?? 1),
        node.distance,
      );
      node.phrases.forEach((p, k) => (counted[p] = trimmed ? trimmed[k]! : null));
      return trimmed !== null;
    }
    case "and": {
      let all = true;
      for (const child of node.children) if (!evaluateRow(child, raw, counted, lengths)) all = false;
      if (!all) clear(node, counted);
      return all;
    }
    case "or": {
      let any = false;
      for (const child of node.children) if (evaluateRow(child, raw, counted, lengths)) any = true;
      return any;
    }
  }
}

function clear(node: ReplicaNode, counted: (number[] | null)[]): void {
  if (node.kind === "phrase") counted[node.phrase] = null;
  else if (node.kind === "near") for (const p of node.phrases) counted[p] = null;
  else for (const child of node.children) clear(child, counted);
}

/** Whether the tree matches the row (no instances kept). */
export function matchesRow(node: ReplicaNode, raw: readonly (readonly number[])[], lengths: readonly number[]): boolean {
  return evaluateRow(node, raw, [], lengths);
}

/** bm25's inputs of a phrase in one row: the sum of the column weights of its counted instances (fts5Bm25Function's aFreq). */
export function weightedFrequency(positions: readonly number[] | null, weights: readonly number[]): number {
  if (!positions) return 0;
  let f = 0;
  for (const p of positions) f += weights[columnOfPosition(p)] ?? 1;
  return f;
}

const K1 = 1.2;
const B = 0.75;

/**
 * bm25 as fts5Bm25Function computes it, operation for operation (the same doubles): `idf[i]` from
 * SQLite's own log (the caller asks SQLite, so the last bit is the same), `freq[at + i]` the row's
 * weighted frequency of phrase i (0 adds nothing), `size` the row's tokens, `avgdl` the table's.
 */
export function bm25(idf: Float64Array, freq: Float64Array, at: number, size: number, avgdl: number): number {
  let score = 0.0;
  for (let i = 0; i < idf.length; i++) {
    const f = freq[at + i]!;
    if (f === 0) continue; // adds 0.0: the sum is the same double
    score += idf[i]! * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + (B * size) / avgdl)));
  }
  return -1.0 * score;
}

/** bm25's IDF argument of a phrase held by `hits` of `rows` rows; its log is taken by SQLite (see bm25). */
export const idfRatio = (rows: number, hits: number) => (rows - hits + 0.5) / (hits + 0.5);
/** IDF from the log of idfRatio, floored as FTS5 floors it. */
export const idfOf = (log: number) => (log <= 0.0 ? 1e-6 : log);
