// Near spellings for "did you mean" and one-typo tolerance (docs/product.md §14): two words are
// near when one edit turns one into the other — a letter added, dropped, changed, or two
// neighbours swapped (Damerau). Compared on folded words (lower case, ё = е).
import { foldWord } from "./stemmers";

/** Words shorter than this are never corrected: "qa" → "ui" is not a typo. */
export const MIN_TYPO_LENGTH = 4;

/** Whether `a` and `b` differ by at most one edit (insert, delete, substitute, swap of neighbours). */
export function withinOneEdit(a: string, b: string): boolean {
  const x = Array.from(foldWord(a));
  const y = Array.from(foldWord(b));
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i += 1;
  if (i === x.length && i === y.length) return true;
  const rest = (p: number, q: number) => x.slice(p).join("") === y.slice(q).join("");
  if (x.length === y.length) return rest(i + 1, i + 1) || (x[i] === y[i + 1] && x[i + 1] === y[i] && rest(i + 2, i + 2));
  return x.length > y.length ? rest(i + 1, i) : rest(i, i + 1);
}

/** A word of an index with how many rows hold it (an FTS5 vocabulary row). */
export type VocabularyWord = { term: string; rows: number };

/**
 * The best correction of a word among an index's words: one edit away, held by the most rows
 * (ties: alphabetical, so the answer is stable). Null for short words and for a word the index
 * already holds.
 */
export function closestSpelling(word: string, vocabulary: readonly VocabularyWord[]): string | null {
  const folded = foldWord(word);
  if (Array.from(folded).length < MIN_TYPO_LENGTH) return null;
  let best: VocabularyWord | null = null;
  for (const v of vocabulary) {
    if (v.term === folded) return null;
    if (!withinOneEdit(folded, v.term)) continue;
    if (!best || v.rows > best.rows || (v.rows === best.rows && v.term < best.term)) best = v;
  }
  return best?.term ?? null;
}
