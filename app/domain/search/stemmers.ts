// Word stems for search in the three languages (docs/decisions/044-search-stemming.md):
// Russian and English by the Snowball algorithms (generated code of Snowball v3.1.1 in
// ./snowball/), Kyrgyz by ./kyrgyz-stemmer.ts. ё = е everywhere. Vacancy texts mix languages, so
// a Cyrillic word gets both its Russian and its Kyrgyz stem; a Latin word its English stem.
import EnglishStemmer from "./snowball/english-stemmer.js";
import RussianStemmer from "./snowball/russian-stemmer.js";
import { kyrgyzStem, kyrgyzStems } from "./kyrgyz-stemmer";

const russian = new RussianStemmer();
const english = new EnglishStemmer();

const CYRILLIC = /^[а-яёңөүһ]+$/;
const LATIN = /^[a-z]+$/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
/** Longer "words" (hashes, pasted junk) are indexed as they are, never stemmed. */
const MAX_STEMMED_LENGTH = 40;

/** How text is folded before anything else: NFC, lower case, ё = е, Latin accents kept (Üsönov is a name). */
export function foldWord(word: string): string {
  return word.normalize("NFC").toLowerCase().replace(/ё/g, "е");
}

export function russianStem(word: string): string {
  return russian.stemWord(foldWord(word));
}

export function englishStem(word: string): string {
  return english.stemWord(foldWord(word));
}

export { kyrgyzStem, kyrgyzStems };

// Stemming costs a few microseconds a word; texts repeat their words, so a bounded memo keeps
// reindexing one vacancy well inside its 5 ms budget (issue 16).
const MEMO_LIMIT = 50_000;
const memo = new Map<string, string[]>();

/**
 * Every language's stem that applies to one word, without repeats: Cyrillic → [Russian,
 * Kyrgyz (one or, for a word that parses two ways, more)], Latin → [English]; digits, mixed scripts and very long words → [the word]. The
 * word is folded first (lower case, ё = е).
 */
export function stemsOf(word: string): string[] {
  const folded = foldWord(word);
  const known = memo.get(folded);
  if (known) return known;
  let stems: string[];
  if (folded.length > MAX_STEMMED_LENGTH) stems = [folded];
  else if (CYRILLIC.test(folded)) {
    stems = [russian.stemWord(folded)];
    for (const ky of kyrgyzStems(folded)) if (!stems.includes(ky)) stems.push(ky);
  } else if (LATIN.test(folded)) stems = [english.stemWord(folded)];
  else stems = [folded];
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(folded, stems);
  return stems;
}

/** One word of a text as search sees it: its folded exact form and its stems. */
export type SearchTerm = { word: string; stems: string[] };

/**
 * The words of a text for the indexer and the query builder: each word folded (the exact form,
 * so exact matches can rank above stem matches) with its stems. Punctuation splits words
 * ("Frontend-разработчик" is two); order is kept, repeats too (phrases and counts need them).
 */
export function searchTermsOf(text: string, options: { limit?: number } = {}): SearchTerm[] {
  const words = text.normalize("NFC").match(WORD) ?? [];
  const picked = options.limit === undefined ? words : words.slice(0, options.limit);
  return picked.map((w) => {
    const word = foldWord(w);
    return { word, stems: stemsOf(word) };
  });
}

/**
 * A text as two space-separated columns for a full-text index: the exact words, and every stem
 * of every word (repeats dropped). A query matches the first for exact hits and the second for
 * stem hits.
 */
export function indexColumnsOf(text: string): { exact: string; stems: string } {
  const terms = searchTermsOf(text);
  const stems = new Set<string>();
  for (const t of terms) for (const s of t.stems) stems.add(s);
  return { exact: terms.map((t) => t.word).join(" "), stems: [...stems].join(" ") };
}
