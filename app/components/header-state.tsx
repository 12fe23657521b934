// What the root loader knows only as of its last run: the one-time notice, the unread count and
// whether an employer's company is verified. The root is not reloaded on every link (its catalog
// is large), so these follow the location themselves (docs/decisions/026-application-page-state.md).
import { useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

/**
 * The flash answers the navigation that brought it (the redirect after a form): shown on that
 * page only, not on the pages reached afterwards by links, which keep the root data as it was.
 */
export function useFlashOfThisPage<T>(rootData: object, flash: T | null): T | null {
  const { key } = useLocation();
  const seen = useRef<{ data: object; key: string } | null>(null);
  // Root data and location change in the same render, so the key seen with new data is the answering page.
  if (seen.current?.data !== rootData) seen.current = { data: rootData, key };
  return seen.current.key === key ? flash : null;
}

/** What the header shows that can change while a person browses: unread notices, and whether their company is verified. */
export type HeaderState = { unread: number; verifiedEmployer: boolean };

/**
 * The header's live state: the root loader's on the page it loaded with, re-read after every later
 * navigation — so the unread count, and the "Graduates" link once staff verify an employer's company,
 * follow in-page navigation without reloading the root's catalog (issue 14 item 3 and loose end).
 */
export function useLiveHeader(rootData: object, rootState: HeaderState | null): HeaderState | null {
  const { key } = useLocation();
  const seen = useRef<{ data: object; key: string } | null>(null);
  if (seen.current?.data !== rootData) seen.current = { data: rootData, key };
  const rootIsFresh = seen.current.key === key;
  const [latest, setLatest] = useState<{ data: object; state: HeaderState } | null>(null);
  const signedIn = rootState !== null;
  useEffect(() => {
    if (!signedIn || rootIsFresh) return;
    const controller = new AbortController();
    fetch("/notifications/unread.json", { signal: controller.signal, credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? (r.json() as Promise<Partial<HeaderState>>) : null))
      .then((body) => {
        if (body && typeof body.unread === "number" && typeof body.verifiedEmployer === "boolean") {
          setLatest({ data: rootData, state: { unread: body.unread, verifiedEmployer: body.verifiedEmployer } });
        }
      })
      // Offline or aborted: the header keeps what it had.
      .catch(() => undefined);
    return () => controller.abort();
  }, [key, signedIn, rootIsFresh, rootData]);
  if (!signedIn) return null;
  // What was read after the root's last load is newer than the root's own.
  return !rootIsFresh && latest?.data === rootData ? latest.state : rootState;
}
