// What a signed-out public page shows, named for the page cache (app/server/page-cache.ts,
// docs/decisions/069-public-page-cache.md). A loader names the pieces of data its page depends on;
// the triggers of migration 0035 log the same names when the data changes, and the cache drops
// exactly the pages that named a changed piece. A page whose loader names nothing is not cached.
import type { AppLoadContext } from "@remix-run/node";

export const PIECES = {
  /** One graduate's published profile (portfolio and CV). */
  graduate: (slug: string) => `g:${slug}`,
  /** Which graduates are listed and counted on the home page. */
  graduates: "graduates",
  /** One vacancy, with its company's name and status. */
  vacancy: (id: number) => `v:${id}`,
  /** Which vacancies are listed (status, dates, company status). */
  vacancies: "vacancies",
  /** One company's page and its open vacancies. */
  company: (slug: string) => `c:${slug}`,
  /** The companies, their count and names. */
  companies: "companies",
  /** The published outcome figures. */
  outcomes: "outcomes",
  /** The job board's listings (the vacancy side of the matching change log). */
  board: "board",
} as const;

/** Names the pieces the page being rendered depends on (a no-op when the page is not a cached one). */
export function dependsOn(context: AppLoadContext | undefined, pieces: readonly string[]): void {
  context?.pageDeps?.push(...pieces);
}
