// What the two full-text indexes hold for a row (docs/decisions/045-search-index-and-tiers.md):
// each searched column twice — the text as written (folded ё = е), and beside it, in a column
// named `<column>_terms`, the loose forms of every word in order: every stem (`stemsOf`) and its
// script key (`scriptKey`). Exact hits match the first, stem/script/job-word/alias hits the
// second. Every writer (one row, the whole rebuild) goes through `searchIndexRow`.
import { foldForSearch } from "./full-text";
import { scriptKey } from "./script-keys";
import { searchTermsOf } from "./stemmers";

/** The loose column beside an exact one. */
export const looseColumn = (column: string) => `${column}_terms`;

// Texts repeat their words and names repeat across rows: a bounded memo of each word's loose forms.
const MEMO_LIMIT = 50_000;
const memo = new Map<string, string>();

function looseFormsOfWord(word: string, stems: readonly string[]): string {
  const known = memo.get(word);
  if (known !== undefined) return known;
  const forms = new Set(stems);
  const key = scriptKey(word);
  if (key) forms.add(key);
  const value = [...forms].join(" ");
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, value);
  return value;
}

/**
 * The loose column of a text: for each word, in order, its stems and its script key (repeats
 * within one word dropped). Order is kept so that a phrase («иштеп чыгуучу») can be matched
 * word by word with NEAR.
 */
export function looseTermsOf(text: string): string {
  return searchTermsOf(text)
    .map((t) => looseFormsOfWord(t.word, t.stems))
    .join(" ");
}

export type IndexRow<C extends string> = Record<C, string> & Record<`${C}_terms`, string>;

/** The values of one index row: each column's folded text and, beside it, its loose forms. */
export function searchIndexRow<C extends string>(fields: Record<C, string>): IndexRow<C> {
  const row: Record<string, string> = {};
  for (const [column, text] of Object.entries(fields) as [C, string][]) {
    row[column] = foldForSearch(text);
    row[looseColumn(column)] = looseTermsOf(text);
  }
  return row as IndexRow<C>;
}
