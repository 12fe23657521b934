// A short piece of a long text around the first word a search matched, with the matched words
// marked (docs/product.md §14: results highlight what matched in titles and snippets).
import { highlight, type HighlightSegment } from "./highlight";

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
/** Characters of context on each side of the first match. */
const CONTEXT = 90;

/** The snippet of `text` around its first matched word, or null when no word of it matched. */
export function snippetOf(text: string, matches: (word: string) => boolean): HighlightSegment[] | null {
  const flat = text.replace(/\s+/g, " ").trim();
  let first = -1;
  for (const m of flat.matchAll(WORD)) {
    if (matches(m[0])) {
      first = m.index ?? 0;
      break;
    }
  }
  if (first < 0) return null;
  let start = Math.max(0, first - CONTEXT);
  let end = Math.min(flat.length, first + CONTEXT * 2);
  // Whole words only: move the cuts to the nearest space.
  if (start > 0) start = flat.indexOf(" ", start) + 1 || start;
  if (end < flat.length) end = flat.lastIndexOf(" ", end) > first ? flat.lastIndexOf(" ", end) : end;
  const piece = `${start > 0 ? "… " : ""}${flat.slice(start, end)}${end < flat.length ? " …" : ""}`;
  return highlight(piece, matches);
}
