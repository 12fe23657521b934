// The directory's text hits kept in memory per index version (docs/decisions/048, Session 9,
// dir16b): the version (the FTS5 structure record) changes with every committed write, from any
// connection, and a profile edit shows on the very next search — never a stale hit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Connection, openDatabase } from "@db/connection";
import type { Viewer } from "~/domain/visibility";
import { searchGraduates } from "~/models/directory.server";
import { saveBasics } from "~/models/profile.server";
import { refreshGraduateSearch } from "~/models/search-index.server";
import { viewsSettled } from "~/utils/warming.server";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeGraduate } from "../support/factories";
import { basicsWith as basics, ftsVersion as version } from "../support/fts-ranking";

let c: Connection;
let other: Connection;
const staff: Viewer = { kind: "staff", userId: 1, schoolIds: null };
const ids: number[] = [];

beforeAll(async () => {
  c = await createTestDatabase();
  for (let i = 0; i < 3; i++) {
    const g = await makeGraduate(c, { lastName: `Сапарова${i}` });
    ids.push(g.graduateId);
    await saveBasics(c.db, g.graduateId, basics(i < 2 ? "Зоотехник жана агроном" : "Бухгалтер"));
  }
  // A second connection to the same file, like a second server process.
  other = openDatabase(c.sqlite.name);
}, 60_000);
afterAll(() => {
  other?.sqlite.close();
  closeTestDatabases();
});

/** A search of the text twice, the second after the background ranking: the second reads the kept hits. */
async function searchedTwice(q: string, query: { relocate?: boolean; sort?: "relevance" | "name" } = {}) {
  const first = await searchGraduates(c.db, staff, { q, ...query });
  await viewsSettled(c.db);
  const second = await searchGraduates(c.db, staff, { q, ...query });
  return { first, second };
}

describe("the directory's kept text hits", () => {
  it("the index's version changes with every committed insert, update and delete, and another connection's write is seen", async () => {
    const seen = [version(c)];
    const changed = () => {
      const now = version(c);
      expect(seen).not.toContain(now);
      seen.push(now);
    };
    // An update of one profile (delete + insert of its index row), on this connection.
    await saveBasics(c.db, ids[2]!, basics("Бухгалтер, экономист"));
    changed();
    // The same write from the other connection is seen here.
    await saveBasics(other.db, ids[2]!, basics("Бухгалтер"));
    changed();
    // A delete alone and an insert alone (the index rows of one graduate), committed by the other connection.
    other.sqlite.prepare("delete from graduates_fts where rowid = ?").run(ids[2]);
    changed();
    await other.db.transaction().execute((trx) => refreshGraduateSearch(trx, ids[2]!));
    changed();
    // A write rolled back changes nothing.
    const before = version(c);
    try {
      c.sqlite.transaction(() => {
        c.sqlite.prepare("delete from graduates_fts where rowid = ?").run(ids[2]);
        throw new Error("rolled back");
      })();
    } catch {
      // expected
    }
    expect(version(c)).toBe(before);
  });

  it("a repeated search gives the same page, count and order as the first, in every order and with a filter", async () => {
    for (const query of [{}, { relocate: true }, { sort: "name" as const }, { relocate: true, sort: "name" as const }]) {
      const { first, second } = await searchedTwice("зоотехник", query);
      expect(first.total).toBe(2);
      expect({ ids: second.items.map((i) => i.id), total: second.total }).toEqual({ ids: first.items.map((i) => i.id), total: first.total });
    }
  });

  it("a profile edit that changes whether a graduate matches shows on the very next search (no stale hit)", async () => {
    const { second } = await searchedTwice("агроном", { relocate: true });
    expect(second.items.map((i) => i.id).sort()).toEqual([ids[0], ids[1]].sort());
    // The graduate's edit from the other connection (another process): no longer an agronomist…
    await saveBasics(other.db, ids[0]!, basics("Бухгалтер"));
    // …and another one becomes one, on this connection.
    await saveBasics(c.db, ids[2]!, basics("Агроном"));
    for (const query of [{ relocate: true }, {}]) {
      const next = await searchGraduates(c.db, staff, { q: "агроном", ...query });
      expect(next.items.map((i) => i.id).sort(), JSON.stringify(query)).toEqual([ids[1], ids[2]].sort());
    }
  });
});
