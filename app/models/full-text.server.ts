// The full-text query plan shared by the graduate directory, the staff graduate list and the job
// board (docs/decisions/036, 045): the matches are computed once (FTS5 MATCH, plus the holders of
// a skill the text names) into `hits`, which drives the join, so the rows are then read by
// primary key. (Joined the other way, SQLite re-runs the MATCH for every row.) bm25 and the tier
// are only computed when the order needs them. The text rules are app/domain/search/full-text.ts:
// tier 0 exact, tier 1 stems/script keys, tier 2 job words/skill aliases, tier 3 one-typo
// neighbours in names (only when tiers 0–2 find nothing), then "did you mean" (docs/product.md §14).
import { type RawBuilder, sql } from "kysely";
import type { DB } from "@db/connection";
import { type AliasSpan, buildTextQuery, indexTermOf, queryTermsOf, type SearchColumns, searchTextFts, type TextQuery } from "~/domain/search/full-text";
import { closestSpelling, MIN_TYPO_LENGTH, type VocabularyWord, withinOneEdit } from "~/domain/search/spelling";
import { scriptKey } from "~/domain/search/script-keys";
import { normalizeSkillText } from "~/domain/skills/normalize";
import { jobWordTableFor } from "./job-words.server";
import type { RankedHits } from "./text-hits-cache.server";
import { resolveSkillText, type SkillRef } from "./skills.server";

export type FullTextIndex = {
  /** The FTS5 table; its rowid is the searched row's id. */
  table: "graduates_fts" | "vacancies_fts";
  /** Its fts5vocab table (one row per term and column), for near spellings. */
  vocab: "graduates_fts_vocab" | "vacancies_fts_vocab";
  /** The exact columns (each with its `_terms` twin) and those holding names (typos are forgiven there). */
  columns: SearchColumns;
  /** bm25 weights of the exact columns, in order (the loose twins get the same). */
  weights: readonly number[];
  /** A select of one column `id`: the rows that hold the skill. */
  holders: (skillId: number) => RawBuilder<unknown>;
};

export type TextSearch = {
  /** The search text as a whole names this skill: its holders are found and ranked first. */
  qSkill: SkillRef | null;
  /** Something searchable is left (text with only punctuation matches nothing). */
  searching: boolean;
  /**
   * `with hits(id, score, holder, tier) as materialized (…) ` — empty when not searching. With
   * `relevance`, `tier` is 0 (every word exact), 1 (stems, script keys), 2 (job words, skill
   * aliases) or 3 (typo) and `score` bm25 (lower is
   * better); else both null. `holder` is 1 for holders of qSkill. `within` (a select of one
   * column `id`, the rows the page's filters keep) limits the hits to those rows before bm25 and
   * the tier are computed for them (docs/decisions/048, Session 9).
   */
  withHits: (relevance: boolean, within?: RawBuilder<unknown>, ranked?: RankedHits) => RawBuilder<unknown>;
  /**
   * The tier queries of the text (tiers 0–2; absent in the typo tier): with `ranked`, the text's
   * hits kept in memory for them (app/models/text-hits-cache.server.ts), withHits reads those instead of the index.
   */
  text?: TextQuery | null;
  /** Words the query also matched (job words, skill aliases, corrected spellings), for highlighting. */
  alsoWords: string[];
};

/** All names and aliases of the skills that single typed words, or the whole text, name ("питон" → Python, пайтон…). */
async function aliasSpansOf(db: DB, q: string, words: string[]): Promise<AliasSpan[]> {
  const wanted = new Map<string, { start: number; length: number }[]>();
  const want = (text: string, start: number, length: number) => {
    const key = normalizeSkillText(text);
    if (key) wanted.set(key, [...(wanted.get(key) ?? []), { start, length }]);
  };
  // A one-letter word ("с", "и") would name C or R: only the whole text may be that short.
  words.forEach((w, i) => (Array.from(w).length >= 2 || words.length === 1 ? want(w, i, 1) : undefined));
  if (words.length > 1) want(q, 0, words.length);
  if (wanted.size === 0) return [];
  const { rows } = await sql<{ key: string; alias: string }>`select a.normalized as key, b.alias from skill_aliases a
    join skill_aliases b on b.skill_id = a.skill_id where a.normalized in (${sql.join([...wanted.keys()])}) order by b.id`.execute(db);
  const spans = new Map<string, AliasSpan & { words: string[] }>();
  for (const r of rows)
    for (const at of wanted.get(r.key) ?? []) {
      const id = `${at.start}:${at.length}`;
      const span = spans.get(id) ?? { ...at, words: [] };
      span.words.push(r.alias);
      spans.set(id, span);
    }
  return [...spans.values()];
}

function hitsOf(index: FullTextIndex, text: TextQuery | null, qSkill: SkillRef | null, typo: boolean) {
  const table = sql.raw(index.table);
  const weights = sql.raw([...index.weights, ...index.weights].map((w) => w.toFixed(1)).join(", "));
  return (relevance: boolean, within?: RawBuilder<unknown>, ranked?: RankedHits) => {
    // `+rowid`: tested on each row FTS5 finds, not handed to FTS5 as rowids to seek one by one
    // (which repeats every prefix expansion per row); bm25 and the tier are then computed for the kept rows only.
    const kept = within ? sql` and +rowid in (select id from kept)` : sql``;
    const score = relevance ? sql`bm25(${table}, ${weights})` : sql`null`;
    // Tiers 0 and 1 are told apart by MATCHes without bm25, each computed once (a constant IN list).
    const inTier = (query: string | undefined) => sql`rowid in (select rowid from ${table} where ${table} match ${query})`;
    const tierOf =
      !relevance || !text
        ? sql`null`
        : typo
          ? sql`3`
          : text.own === text.loose
            ? sql`case when ${inTier(text.exact)} then 0 else 1 end`
            : sql`case when ${inTier(text.exact)} then 0 when ${inTier(text.tierOne)} then 1 else 2 end`;
    // The kept ranking: its position stands for (tier, bm25), negative like bm25 so a holder without a text hit (score null) comes after.
    const rankedHits = ranked
      ? sql`select value as id, ${relevance ? sql`key - ${ranked.count}` : sql`null`} as score, 0 as holder, ${
          relevance ? sql`case when key < ${ranked.tierEnds[0]} then 0 when key < ${ranked.tierEnds[1]} then 1 else 2 end` : sql`null`
        } as tier from json_each(${ranked.json})${within ? sql` where value in (select id from kept)` : sql``}`
      : null;
    const ftsHits = rankedHits
      ? rankedHits
      : text
        ? sql`select rowid as id, ${score} as score, 0 as holder, ${tierOf} as tier from ${table} where ${table} match ${text.loose}${kept}`
        : null;
    const skillHits = qSkill
      ? sql`select id, null as score, 1 as holder, ${relevance ? sql`2` : sql`null`} as tier from (${index.holders(qSkill.id)})${within ? sql` where +id in (select id from kept)` : sql``}`
      : null;
    const hits =
      ftsHits && skillHits
        ? sql`select id, min(score) as score, max(holder) as holder, min(tier) as tier from (${ftsHits} union all ${skillHits}) group by id`
        : (ftsHits ?? skillHits);
    if (!hits) return sql``;
    return within
      ? sql`with kept(id) as materialized (${within}), hits(id, score, holder, tier) as materialized (${hits}) `
      : sql`with hits(id, score, holder, tier) as materialized (${hits}) `;
  };
}

/** Plans the search of `q` (trimmed) over one index: tiers 0 to 2. */
export async function planTextSearch(db: DB, index: FullTextIndex, q: string): Promise<TextSearch> {
  const qSkill = q ? await resolveSkillText(db, q) : null;
  // "C#", "C++": the tokenizer cannot tell them from "C"; the skill's holders are the hits.
  const searchable = searchTextFts(q, qSkill !== null) !== null;
  let text: TextQuery | null = null;
  if (searchable) {
    const words = queryTermsOf(q).map((t) => t.word);
    const [jobWords, aliases] = await Promise.all([jobWordTableFor(db), aliasSpansOf(db, q, words)]);
    text = buildTextQuery(q, index.columns, { prefix: !qSkill, jobWords, aliases });
  }
  return { qSkill, searching: text !== null || qSkill !== null, withHits: hitsOf(index, text, qSkill, false), text, alsoWords: text?.alsoWords ?? [] };
}

/** Vocabulary rows (term, column, rows holding it) of the index, for these exact terms. */
async function vocabularyOf(db: DB, index: FullTextIndex, terms: string[]): Promise<{ term: string; col: string; doc: number }[]> {
  if (terms.length === 0) return [];
  const { rows } = await sql<{ term: string; col: string; doc: number }>`select term, col, doc from ${sql.raw(index.vocab)}
    where term in (${sql.join([...new Set(terms)])})`.execute(db);
  return rows;
}

const CYRILLIC_LETTERS = Array.from("абвгдежзийклмнңоөпрстуүфхцчшщъыьэюя");
const LATIN_LETTERS = Array.from("abcdefghijklmnopqrstuvwxyz");
/** Terms read per range of the vocabulary: enough for any real prefix, bounded for a pathological one. */
const RANGE_LIMIT = 5000;

/**
 * The index's terms one edit away from `term`. Those that keep its first two letters are read as
 * one range of the vocabulary (an index seek, not a scan); edits among the first two letters
 * are listed and looked up exactly.
 */
async function neighboursOf(db: DB, index: FullTextIndex, term: string): Promise<{ term: string; col: string; doc: number }[]> {
  const letters = Array.from(term);
  const alphabet = /[a-z]/.test(term) ? LATIN_LETTERS : CYRILLIC_LETTERS;
  const head = letters.slice(0, 2).join("");
  const candidates = new Set<string>();
  const at = (i: number, replacement: string[], skip: number) => [...letters.slice(0, i), ...replacement, ...letters.slice(i + skip)].join("");
  for (const i of [0, 1]) {
    candidates.add(at(i, [], 1));
    for (const x of alphabet) {
      candidates.add(at(i, [x], 1));
      candidates.add(at(i, [x], 0));
    }
  }
  candidates.add(at(0, [letters[1], letters[0]], 2));
  candidates.add(at(1, [letters[2] ?? "", letters[1]], 2));
  candidates.delete(term);
  const { rows: ranged } = await sql<{ term: string; col: string; doc: number }>`select term, col, doc from ${sql.raw(index.vocab)}
    where term >= ${head} and term < ${`${head}\u{10FFFF}`} limit ${RANGE_LIMIT}`.execute(db);
  const exact = await vocabularyOf(db, index, [...candidates]);
  return [...ranged, ...exact].filter((r) => r.term !== term && withinOneEdit(r.term, term));
}

type UnknownWord = { index: number; term: string; key: string };

/** Typed words of MIN_TYPO_LENGTH letters or more that the index holds in no form (as written, stem or script key). */
async function unknownWords(db: DB, index: FullTextIndex, q: string): Promise<UnknownWord[]> {
  const terms = queryTermsOf(q);
  const long = terms.map((t, i) => ({ t, i })).filter(({ t }) => Array.from(t.word).length >= MIN_TYPO_LENGTH);
  if (long.length === 0) return [];
  const probes = long.map(({ t, i }) => ({
    index: i,
    term: indexTermOf(t.word),
    key: scriptKey(t.word),
    forms: [indexTermOf(t.word), ...t.stems, scriptKey(t.word)].filter(Boolean),
  }));
  const held = new Set(
    (
      await vocabularyOf(
        db,
        index,
        probes.flatMap((p) => p.forms),
      )
    ).map((r) => r.term),
  );
  return probes.filter((p) => !p.forms.some((f) => held.has(f))).map(({ index: i, term, key }) => ({ index: i, term, key }));
}

/**
 * Tier 3: when tiers 0–2 found nothing, each typed word the index does not hold matches its
 * one-edit neighbours in the name columns (graduate names, company names, skill names; as
 * written, or by script key). Null when no word is unknown or one has no neighbour in names.
 */
export async function planTypoSearch(db: DB, index: FullTextIndex, q: string): Promise<TextSearch | null> {
  const unknown = await unknownWords(db, index, q);
  if (unknown.length === 0) return null;
  const names = new Set(index.columns.names);
  const looseNames = new Set(index.columns.names.map((c) => `${c}_terms`));
  const near = new Map<number, string[]>();
  for (const u of unknown) {
    const found = new Set<string>();
    // As written (in the exact name columns), and by script key (in their loose twins): Toktogulv → toktogulov.
    for (const r of await neighboursOf(db, index, u.term)) if (names.has(r.col) || (u.key === u.term && looseNames.has(r.col))) found.add(r.term);
    if (u.key.length >= MIN_TYPO_LENGTH && u.key !== u.term) for (const r of await neighboursOf(db, index, u.key)) if (looseNames.has(r.col)) found.add(r.term);
    if (found.size === 0) return null;
    near.set(u.index, [...found]);
  }
  const qSkill = await resolveSkillText(db, q);
  const [jobWords, aliases] = await Promise.all([
    jobWordTableFor(db),
    aliasSpansOf(
      db,
      q,
      queryTermsOf(q).map((t) => t.word),
    ),
  ]);
  const text = buildTextQuery(q, index.columns, { prefix: !qSkill, jobWords, aliases, near });
  if (!text) return null;
  return { qSkill: null, searching: true, withHits: hitsOf(index, text, null, true), alsoWords: text.alsoWords };
}

/**
 * "Did you mean": `q` with each word the index does not hold replaced by its closest spelling
 * among the words of the index as written (held by the most rows); null when nothing changes.
 */
export async function correctedText(db: DB, index: FullTextIndex, q: string): Promise<string | null> {
  const unknown = await unknownWords(db, index, q);
  if (unknown.length === 0) return null;
  const exactColumns = new Set(index.columns.exact);
  const words = queryTermsOf(q).map((t) => t.word);
  let changed = false;
  for (const u of unknown) {
    const rows = new Map<string, number>();
    for (const r of await neighboursOf(db, index, u.term)) if (exactColumns.has(r.col)) rows.set(r.term, (rows.get(r.term) ?? 0) + r.doc);
    const vocabulary: VocabularyWord[] = [...rows].map(([term, n]) => ({ term, rows: n }));
    const best = closestSpelling(u.term, vocabulary);
    if (best) {
      words[u.index] = best;
      changed = true;
    }
  }
  return changed ? words.join(" ") : null;
}

export type TextSearchOutcome<R> = {
  result: R;
  /** Words the shown results also matched (expansions, corrected spellings), for highlighting. */
  alsoWords: string[];
  /** Nothing matched, but this corrected text finds something. */
  suggestion: string | null;
  /** The results are typo-tier hits: the near spellings they matched (else empty). */
  near: string[];
};

/**
 * Runs a search in tiers: tiers 0–2; if they find nothing, the typo tier; if that finds
 * nothing, a corrected text that finds something is suggested. `run` applies the page's
 * filters and order to a plan and reports how many rows it found.
 */
export async function searchInTiers<R extends { total: number }>(
  db: DB,
  index: FullTextIndex,
  q: string,
  run: (plan: TextSearch) => Promise<R>,
  options: { fallbacks?: boolean } = {},
): Promise<TextSearchOutcome<R>> {
  const plan = await planTextSearch(db, index, q);
  const result = await run(plan);
  if (result.total > 0 || !plan.searching || options.fallbacks === false) return { result, alsoWords: plan.alsoWords, suggestion: null, near: [] };
  const typo = await planTypoSearch(db, index, q);
  if (typo) {
    const near = await run(typo);
    if (near.total > 0) return { result: near, alsoWords: typo.alsoWords, suggestion: null, near: typo.alsoWords };
  }
  const corrected = await correctedText(db, index, q);
  if (corrected) {
    const found = await run(await planTextSearch(db, index, corrected));
    if (found.total > 0) return { result, alsoWords: plan.alsoWords, suggestion: corrected, near: [] };
  }
  return { result, alsoWords: plan.alsoWords, suggestion: null, near: [] };
}
