// What a search says about its results (docs/product.md §14): matched words marked, the near
// spellings a typo search used, and "did you mean" as a plain link (works without JavaScript).
// The segments are computed by the loader (app/domain/search/highlight.ts), so no stemmer ships to the browser.
import { Link } from "@remix-run/react";
import { Fragment } from "react";
import type { HighlightSegment } from "~/domain/search/highlight";
import { useT } from "~/i18n/use-t";

/** Text with the words a search matched in <mark>. */
export function Marked({ parts }: { parts: readonly HighlightSegment[] }) {
  return <>{parts.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}</>;
}

/**
 * "Did you mean …?" and the near spellings used, when a search needed them: the one rendering of
 * every search page (the board, the directories, the company and skill lists), the link built by
 * the loader with correctedSearchHref. `near` is for the full-text pages; the small lists show
 * their typo matches under a heading instead.
 * The near spellings themselves are not shown: they come from the whole index, which also holds
 * rows this viewer may not see (private profiles, unpublished vacancies).
 */
export function SearchNotes({ suggestion, suggestionHref, near = false }: { suggestion: string | null; suggestionHref: string | null; near?: boolean }) {
  const { t } = useT();
  return (
    <>
      {suggestion && suggestionHref ? (
        <p className="notice notice--info did-you-mean">
          <Link to={suggestionHref}>{t("search.didYouMean", { text: suggestion })}</Link>
        </p>
      ) : null}
      {near ? <p className="small muted">{t("search.nearSpelling")}</p> : null}
    </>
  );
}
