import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { Messages } from "./messages/en";
import type { Lang } from "./negotiate";
import { catalogOf } from "./page-catalog";
import { makeT, type T } from "./translate";

type RootI18n = { lang: Lang; messages: Messages };

/** The translator for the current page, from the root loader's catalog. */
export function useT(): { t: T; lang: Lang } {
  const data = useRouteLoaderData("root") as RootI18n | undefined;
  if (!data) throw new Error("root loader data missing: useT() used outside the root route tree");
  const messages = catalogOf(data);
  const t = useMemo(() => makeT(messages, data.lang), [messages, data.lang]);
  return { t, lang: data.lang };
}

/** Like useT, but null when the root loader itself failed (used by the root error boundary). */
export function useMaybeT(): { t: T; lang: Lang } | null {
  const data = useRouteLoaderData("root") as RootI18n | undefined;
  return data ? { t: makeT(catalogOf(data), data.lang), lang: data.lang } : null;
}
