// The definition the directory's kept rankings are compared with (docs/decisions/048, Sessions 11 and 12):
// every hit of a text ranked by SQLite itself — tier, then bm25 with the index's weights, then id.
import { afterAll, beforeAll, expect } from "vitest";
import { type Connection, openDatabase } from "@db/connection";
import type { TextQuery } from "~/domain/search/full-text";
import { GRADUATES_INDEX } from "~/models/directory.server";
import { planTextSearch } from "~/models/full-text.server";
import type { BasicsInput } from "~/models/profile.server";
import type { Visibility } from "@db/schema";
import { closeTestDatabases, createDemoTestDatabase } from "./db";

const weights = [...GRADUATES_INDEX.weights, ...GRADUATES_INDEX.weights].map((w) => w.toFixed(1)).join(", ");

/** Every hit of the text in graduates_fts, ordered (tier, bm25, id), and where tiers 1 and 2 begin. */
export function plainRanking(conn: Connection, text: TextQuery): { ids: number[]; tierEnds: [number, number] } {
  const rows = conn.sqlite
    .prepare(
      `select id, tier from (select rowid as id,
        case when rowid in (select rowid from graduates_fts where graduates_fts match ?) then 0
          when rowid in (select rowid from graduates_fts where graduates_fts match ?) then 1 else 2 end as tier,
        bm25(graduates_fts, ${weights}) as score
      from graduates_fts where graduates_fts match ?) order by tier, score, id`,
    )
    .all(text.exact, text.tierOne, text.loose) as { id: number; tier: number }[];
  const end = (tier: number) => {
    const i = rows.findIndex((r) => r.tier > tier);
    return i < 0 ? rows.length : i;
  };
  return { ids: rows.map((r) => r.id), tierEnds: [end(0), end(1)] };
}

/** graduates_fts's version as the cache reads it: its FTS5 structure record. */
export const ftsVersion = (conn: Connection) =>
  (conn.sqlite.prepare("select block from graduates_fts_data where id = 10").pluck().get() as Buffer).toString("base64");

/** The profile form's basics (relocating, no place, no contacts, public), with `over` in place. */
export const profileBasics = (over: Partial<BasicsInput> = {}): BasicsInput => ({
  headline: null,
  about: null,
  region_id: null,
  city: null,
  willing_to_relocate: 1,
  remote_preference: null,
  available_from: null,
  contact_email: null,
  contact_phone: null,
  contact_telegram: null,
  visibility: "public",
  ...over,
});

/** The profile form's basics with this headline and about (relocating, no place, no contacts). */
export const basicsWith = (headline: string, about: string | null = null, visibility: Visibility = "public"): BasicsInput =>
  profileBasics({ headline, about, visibility });

/**
 * The file's fixture: the demo data in a test database and a second connection to its file, like a
 * second server process, made before its tests (`set` receives them) and closed after. Returns the
 * directory's planned text of a query (a query that plans to none fails the test).
 */
export function useDemoWithAnotherConnection(set: (made: { c: Connection; other: Connection }) => void): (q: string) => Promise<TextQuery> {
  let c: Connection | undefined;
  let other: Connection | undefined;
  beforeAll(async () => {
    c = await createDemoTestDatabase();
    other = openDatabase(c.sqlite.name);
    set({ c, other });
  }, 120_000);
  afterAll(() => {
    other?.sqlite.close();
    closeTestDatabases();
  });
  return async (q) => {
    const plan = await planTextSearch(c!.db, GRADUATES_INDEX, q);
    expect(plan.text, q).toBeTruthy();
    return plan.text!;
  };
}
