import type { HeadersFunction } from "@remix-run/node";

/** The headers a page's loader or action may set for its own answer. */
const PASSED_ON = ["Retry-After", "Cache-Control", "Referrer-Policy"] as const;

/**
 * A document answer (JavaScript off) takes its headers from the route's `headers` export, not from
 * the action's or loader's data(): a page whose loader or action sets one of these (a throttle's
 * Retry-After, no-store on a page reached by a secret link) exports this as `headers`
 * (tests/unit/route-headers.test.ts finds the pages that forget).
 */
export const passOnHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const headers = new Headers();
  for (const name of PASSED_ON) {
    const value = actionHeaders.get(name) ?? loaderHeaders.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
};
