// Results say what they matched (docs/product.md §14): the words of a title or snippet that a
// query found — exactly, by a prefix of its last word, by stem, by the other script's spelling,
// or through a job word or skill alias the query expanded to — are marked for the page.
import { scriptKey } from "./script-keys";
import { foldWord, stemsOf } from "./stemmers";

/** A piece of text and whether it is a matched word. Joined in order they give the text back. */
export type HighlightSegment = { text: string; hit: boolean };

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const MIN_PREFIX = 2;

/**
 * Whether a word of a result matches a query. `alsoWords` are the words the query expanded to
 * (job-word classes, skill aliases, near spellings); they match by stem or script like typed words.
 */
export function queryWordMatcher(query: string, alsoWords: readonly string[] = []): (word: string) => boolean {
  const typed = (query.normalize("NFC").match(WORD) ?? []).map(foldWord);
  const last = typed.at(-1);
  const words = [...typed, ...alsoWords.flatMap((w) => (w.normalize("NFC").match(WORD) ?? []).map(foldWord))];
  const exact = new Set(words);
  const stems = new Set(words.flatMap(stemsOf));
  const keys = new Set(words.map(scriptKey).filter((k) => k.length > 0));
  const lastKey = last ? scriptKey(last) : "";
  const test = (w: string) => {
    if (exact.has(w) || stemsOf(w).some((s) => stems.has(s))) return true;
    const key = scriptKey(w);
    if (keys.has(key)) return true;
    return Boolean(last && Array.from(last).length >= MIN_PREFIX && (w.startsWith(last) || (lastKey.length >= MIN_PREFIX && key.startsWith(lastKey))));
  };
  // A page of results repeats its words: each is tested once (the script key is the costly part; docs/decisions/049).
  const known = new Map<string, boolean>();
  return (word) => {
    const w = foldWord(word);
    let hit = known.get(w);
    if (hit === undefined) known.set(w, (hit = test(w)));
    return hit;
  };
}

/** Splits text into matched words and the rest. An empty query marks nothing. */
export function highlight(text: string, matches: (word: string) => boolean): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let at = 0;
  const push = (piece: string, hit: boolean) => {
    if (!piece) return;
    const prev = segments.at(-1);
    if (prev && prev.hit === hit && !hit) prev.text += piece;
    else segments.push({ text: piece, hit });
  };
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    push(text.slice(at, start), false);
    push(m[0], matches(m[0]));
    at = start + m[0].length;
  }
  push(text.slice(at), false);
  return segments;
}
