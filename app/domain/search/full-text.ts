// How typed search text becomes an FTS5 query: one set of rules for the graduate directory and
// the job board (docs/decisions/036). The query plan that runs it is app/models/full-text.server.ts.
import { scriptKey } from "./script-keys";
import { type SearchTerm, searchTermsOf } from "./stemmers";
import type { JobWordTable } from "./job-words";

/** At most this many words of free text take part in a search. */
const MAX_TOKENS = 12;
const MAX_TOKEN_LENGTH = 64;

/** Folds text the way queries are folded (ё = е), so either spelling finds the other. */
export function foldForSearch(text: string): string {
  return text.replace(/ё/g, "е").replace(/Ё/g, "Е");
}

/** The words of typed text, folded like the index (ё = е); punctuation and FTS5 syntax are dropped. */
export function searchTokens(text: string): string[] {
  const words = foldForSearch(text.normalize("NFC")).match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? [];
  return words.slice(0, MAX_TOKENS).map((w) => Array.from(w).slice(0, MAX_TOKEN_LENGTH).join(""));
}

/**
 * A safe FTS5 query from typed text: every word becomes a quoted string (so `OR`, `NEAR(`,
 * `*`, `^`, `"` or `col:` typed by a user are plain words, never syntax), all words must
 * occur, and the last one also matches as a prefix ("пит" finds "питон") once it has two
 * letters. Null when nothing searchable is left.
 */
export function toFtsQuery(text: string, options: { prefix?: boolean } = {}): string | null {
  const tokens = searchTokens(text);
  if (tokens.length === 0) return null;
  const prefix = options.prefix ?? true;
  return tokens.map((t, i) => `"${t}"${prefix && i === tokens.length - 1 && Array.from(t).length >= 2 ? "*" : ""}`).join(" ");
}

/**
 * The FTS query for search text that may, as a whole, name a skill ("питон", "C#"). When it
 * does, its words are matched exactly, not as a prefix ("Java" must not find "JavaScript");
 * names the FTS tokenizer cannot tell apart (C, C++ and C# are all the token "c") use the
 * skill alone (null here: the skill's holders are the hits).
 */
export function searchTextFts(q: string, namesSkill: boolean): string | null {
  if (!q || (namesSkill && /[+#]/.test(q))) return null;
  return toFtsQuery(q, { prefix: !namesSkill });
}

// ---------------------------------------------------------------------------------------------
// The tiered query (docs/product.md §14, docs/decisions/045-search-index-and-tiers.md). Each
// index holds every column twice: as written, and its loose forms (stems and script keys, in a
// column `<column>_terms`, app/domain/search/index-row.ts). A typed word matches
// - tier 0 (exact): its own form in the exact columns (the last word also as a prefix);
// - tier 1 (own forms): also any of its stems or its script key (the last word's key as a prefix)
//   in the loose columns;
// - tier 2 (expansions): also any word of its job-word class, any name or alias of the skill it names;
// - tier 3 (typo, only when tiers 0–2 find nothing): a word the index does not hold, in names
//   (graduate names, company names, skill names), any of its one-edit neighbours.
// All typed words must match. Typed text never becomes FTS5 syntax: every word is quoted.

const MIN_PREFIX = 2;
/** Tokens between two words of a phrase in a loose column: each word has up to six loose forms. */
const NEAR_DISTANCE = 12;
/** At most this many stem combinations of one phrase (a word has one to five stems). */
const MAX_PHRASE_COMBINATIONS = 8;

/** The columns of one index: the exact ones (each has its loose twin) and those holding names. */
export type SearchColumns = { exact: readonly string[]; names: readonly string[] };

/** Typed words [start, start + length) name a skill; `words` are all its names and aliases. */
export type AliasSpan = { start: number; length: number; words: readonly string[] };

export type TextQuery = {
  /** Tier 0: every typed word as written. */
  exact: string;
  /** Tiers 0 and 1: every typed word as written, or by stem or script key. */
  own: string;
  /** Tiers 0 to 2: every typed word as written, by stem or script key, or through its expansions. */
  loose: string;
  /**
   * Tells tier 1 from tier 2 among rows not in tier 0 (it is tested after `exact`): for one typed
   * word its loose forms alone — `own` minus the exact clause, one prefix expansion fewer
   * (docs/decisions/048, Session 9, dir16b); for several words `own` (a row may hold one exactly, another loosely).
   */
  tierOne: string;
  /** The words the query expanded to (job words, skill aliases), for highlighting. */
  alsoWords: string[];
};

/** The typed words a search uses: folded, with their stems, at most MAX_TOKENS of them. */
export function queryTermsOf(text: string): SearchTerm[] {
  return searchTermsOf(foldForSearch(text), { limit: MAX_TOKENS }).map((t) =>
    Array.from(t.word).length > MAX_TOKEN_LENGTH ? { word: Array.from(t.word).slice(0, MAX_TOKEN_LENGTH).join(""), stems: t.stems } : t,
  );
}

/** A word as the index's tokenizer stores it (unicode61 remove_diacritics 2: Latin accents go, Cyrillic letters stay). */
export function indexTermOf(word: string): string {
  return word
    .normalize("NFD")
    .replace(/([a-z])\p{M}+/gu, "$1")
    .normalize("NFC");
}

const quoted = (token: string) => `"${token.replace(/"/g, '""')}"`;
const within = (columns: readonly string[], expr: string) => `{${columns.join(" ")}} : ${expr}`;
const looseOf = (columns: readonly string[]) => columns.map((c) => `${c}_terms`);
const anyOf = (alternatives: string[]) => (alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(" OR ")})`);

function exactClause(t: SearchTerm, columns: SearchColumns, prefix: boolean): string {
  return within(columns.exact, `${quoted(t.word)}${prefix && Array.from(t.word).length >= MIN_PREFIX ? "*" : ""}`);
}

/** A word's loose forms (stems, script key) in the loose columns only. */
function looseFormsClause(t: SearchTerm, columns: SearchColumns, prefix: boolean): string {
  const forms = [...new Set(t.stems)].map(quoted);
  const key = scriptKey(t.word);
  if (key && prefix && key.length >= MIN_PREFIX) forms.push(`${quoted(key)}*`);
  else if (key && !t.stems.includes(key)) forms.push(quoted(key));
  return within(looseOf(columns.exact), anyOf(forms));
}

function looseClause(t: SearchTerm, columns: SearchColumns, prefix: boolean): string {
  return `(${exactClause(t, columns, prefix)} OR ${looseFormsClause(t, columns, prefix)})`;
}

function* combinations(lists: string[][]): Generator<string[]> {
  if (lists.length === 0) {
    yield [];
    return;
  }
  for (const head of lists[0]) for (const rest of combinations(lists.slice(1))) yield [head, ...rest];
}

const CYRILLIC = /^[а-яёңөүһ]+$/;

/**
 * A word or phrase the query expanded to (a job word, a skill alias): as written, or, when
 * Cyrillic, by stem (Russian and Kyrgyz words are inflected); phrases word by word. A Latin one
 * matches as written or with a plural -s only: the English stemmer takes "designer" to "design"
 * and "developer" to "develop", which would make «дизайнер» find every text about design.
 */
function expansionClause(phrase: string, columns: SearchColumns): string | null {
  const terms = searchTermsOf(foldForSearch(phrase));
  if (terms.length === 0) return null;
  const loose = looseOf(columns.exact);
  if (terms.length === 1) {
    const [t] = terms;
    if (!CYRILLIC.test(t.word)) return within(columns.exact, anyOf([quoted(t.word), quoted(`${t.word}s`)]));
    return `(${within(columns.exact, quoted(t.word))} OR ${within(loose, anyOf([...new Set(t.stems)].map(quoted)))})`;
  }
  const alternatives = [within(columns.exact, quoted(terms.map((t) => t.word).join(" ")))];
  let n = 0;
  for (const combo of combinations(terms.map((t) => [...new Set(t.stems)]))) {
    if (n++ >= MAX_PHRASE_COMBINATIONS) break;
    alternatives.push(within(loose, `NEAR(${combo.map(quoted).join(" ")}, ${NEAR_DISTANCE})`));
  }
  return anyOf(alternatives);
}

type Group = { start: number; length: number; words: string[] };

/** Job-word and skill-alias spans of the typed words, left to right, the longest where they overlap. */
function groupsOf(terms: SearchTerm[], jobWords: JobWordTable | null, aliases: readonly AliasSpan[]): Group[] {
  const spans: Group[] = [];
  if (jobWords) {
    const typed = terms.map((t) => t.word).join(" ");
    for (const m of jobWords.wordsIn(typed)) spans.push({ start: m.start, length: m.length, words: [...m.cls.words] });
  }
  for (const a of aliases) spans.push({ start: a.start, length: a.length, words: [...a.words] });
  const groups: Group[] = [];
  let i = 0;
  while (i < terms.length) {
    const here = spans.filter((s) => s.start === i && s.start + s.length <= terms.length);
    if (here.length === 0) {
      i += 1;
      continue;
    }
    const length = Math.max(...here.map((s) => s.length));
    const words = [...new Set(here.filter((s) => s.length === length).flatMap((s) => s.words))];
    groups.push({ start: i, length, words });
    i += length;
  }
  return groups;
}

export type TextQueryOptions = {
  /** The last word also matches as a prefix (not when the text as a whole names a skill: "Java" ≠ "JavaScript"). */
  prefix?: boolean;
  jobWords?: JobWordTable | null;
  aliases?: readonly AliasSpan[];
  /**
   * Typo tier: these typed words (by index) match only their one-edit neighbours, and only in
   * the name columns; the other words match as in tier 1.
   */
  near?: ReadonlyMap<number, readonly string[]>;
};

/** The tier queries of typed text over one index; null when nothing searchable is left. */
export function buildTextQuery(text: string, columns: SearchColumns, options: TextQueryOptions = {}): TextQuery | null {
  const terms = queryTermsOf(text);
  if (terms.length === 0) return null;
  const prefix = options.prefix ?? true;
  const near = options.near ?? new Map<number, readonly string[]>();
  const isPrefix = (i: number) => prefix && i === terms.length - 1;
  const nameColumns = [...columns.names, ...looseOf(columns.names)];
  const wordLoose = (i: number) => {
    const neighbours = near.get(i);
    if (neighbours) return within(nameColumns, anyOf(neighbours.map(quoted)));
    return looseClause(terms[i], columns, isPrefix(i));
  };
  const groups = groupsOf(terms, options.jobWords ?? null, options.aliases ?? []);
  const alsoWords = new Set<string>();
  const clauses: string[] = [];
  let i = 0;
  while (i < terms.length) {
    const group = groups.find((g) => g.start === i);
    const length = group?.length ?? 1;
    const typed = Array.from({ length }, (_, k) => wordLoose(i + k));
    const typedAll = typed.length === 1 ? typed[0] : `(${typed.join(" AND ")})`;
    const replaced = Array.from({ length }, (_, k) => near.has(i + k)).some(Boolean);
    if (group && !replaced) {
      const expansions = group.words.map((w) => expansionClause(w, columns)).filter((c): c is string => c !== null);
      for (const w of group.words) alsoWords.add(w);
      clauses.push(expansions.length ? `(${[typedAll, ...expansions].join(" OR ")})` : typedAll);
    } else clauses.push(typedAll);
    i += length;
  }
  for (const words of near.values()) for (const w of words) alsoWords.add(w);
  const exact = terms.map((t, k) => exactClause(t, columns, isPrefix(k))).join(" AND ");
  const own = terms.map((_, k) => wordLoose(k)).join(" AND ");
  const tierOne = terms.length === 1 && !near.has(0) ? looseFormsClause(terms[0], columns, isPrefix(0)) : own;
  return { exact, own, loose: clauses.join(" AND "), tierOne, alsoWords: [...alsoWords] };
}

/**
 * The link of "did you mean": the same search (its other filters kept) with the corrected text and
 * from the first page; null when there is no correction (docs/product.md §14).
 */
export function correctedSearchHref(path: string, params: URLSearchParams | string, corrected: string | null): string | null {
  if (!corrected) return null;
  const again = new URLSearchParams(params);
  again.set("q", corrected);
  again.delete("page");
  return `${path}?${again}`;
}
