import type { HeadersFunction } from "@remix-run/node";

/**
 * A document answer (JavaScript off) takes its headers from the route's `headers` export, not
 * from the action's or loader's data(): pass a throttle's Retry-After on (routes that answer 429).
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};
