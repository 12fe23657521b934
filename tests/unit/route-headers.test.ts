// A page's document answer (JavaScript off) takes its headers from the route's `headers` export only:
// a loader's or action's data(…, { headers }) is dropped there (app/utils/route-headers.ts). The reset
// and survey pages set no-store that way and lost it. This scan finds every page route that sets
// such a header in its loader or action without exporting `headers`, and checks passOnHeaders.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { passOnHeaders } from "~/utils/route-headers";

const ROUTES = path.resolve(__dirname, "../../app/routes");

describe("headers a page's loader or action sets reach its document answer", () => {
  it("every page route that sets Cache-Control, Referrer-Policy or Retry-After exports `headers`", () => {
    const forgotten: string[] = [];
    for (const file of fs.readdirSync(ROUTES).filter((f) => f.endsWith(".tsx"))) {
      const text = fs.readFileSync(path.join(ROUTES, file), "utf8");
      if (!/export default function/.test(text)) continue; // a resource route answers with its own Response
      const sets = /["'](Cache-Control|Referrer-Policy|Retry-After)["']\s*:/.test(text) || /\bthrottled\(/.test(text);
      if (sets && !/export const headers\b|export function headers\b/.test(text)) forgotten.push(file);
    }
    expect(forgotten).toEqual([]);
  });

  it("passOnHeaders passes those three on, the action's first, and nothing else", () => {
    const loaderHeaders = new Headers({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Other": "1" });
    const actionHeaders = new Headers({ "Retry-After": "60", "Cache-Control": "private" });
    const out = new Headers(passOnHeaders({ loaderHeaders, actionHeaders, parentHeaders: new Headers(), errorHeaders: undefined }) as Headers);
    expect(Object.fromEntries(out)).toEqual({ "cache-control": "private", "referrer-policy": "no-referrer", "retry-after": "60" });
  });
});
