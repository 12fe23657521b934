// A route exports `handle = SERVER_RENDERED_ONLY` when it is read rather than worked in and works fully
// as plain HTML: the public pages a graduate on a slow regional link opens most (home, job board,
// vacancy, portfolio …). The root then leaves out Remix's scripts there, so such a page ships no
// JavaScript at all — no React to download, parse and hydrate on a mid-range phone, and no message
// catalog or loader data inlined for it. Links from it are ordinary page loads. (decision 015)
export const SERVER_RENDERED_ONLY = { hydrate: false } as const;

export function isServerRenderedOnly(handle: unknown): boolean {
  return typeof handle === "object" && handle !== null && (handle as { hydrate?: unknown }).hydrate === false;
}
