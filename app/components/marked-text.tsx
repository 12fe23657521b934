// A text with the words a search matched in <mark> (docs/product.md §14): the segments come
// from the loader (app/domain/search/rank.ts#markMatches), so no search code reaches the browser.
import type { HighlightSegment } from "~/domain/search/highlight";

export function MarkedText({ segments }: { segments: readonly HighlightSegment[] }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}

/** The plain text of segments (for a link's label or a sort). */
export const plainText = (segments: readonly HighlightSegment[]) => segments.map((s) => s.text).join("");
