// The directory's kept rankings replayed after an index change (docs/decisions/048, Session 11): the
// replica's order of a text is the FTS5 query's — every hit, tier and bm25 order — on the demo data,
// and stays so after profile edits committed from another connection (another process), so a first
// search after an edit is answered from memory and shows the edit on the very next request.
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { type Connection } from "@db/connection";
import type { Viewer } from "~/domain/visibility";
import { GRADUATES_INDEX, searchGraduates } from "~/models/directory.server";
import { saveBasics } from "~/models/profile.server";
import { createProject } from "~/models/projects.server";
import { refreshGraduateSearch } from "~/models/search-index.server";
import { replicaReplays } from "~/models/text-hits-cache.server";
import { buildReplica, catchUpReplica } from "~/models/text-hits-replica.server";
import { viewsSettled } from "~/utils/warming.server";
import { basicsWith as basics, ftsVersion as version, plainRanking, useDemoWithAnotherConnection } from "../support/fts-ranking";

let c: Connection;
let other: Connection;
const staff: Viewer = { kind: "staff", userId: 1, schoolIds: null };

// The demo data, and a second connection to the same file like a second server process.
const textOf = useDemoWithAnotherConnection((made) => ({ c, other } = made));

// Common words, an inflected form, the other script, a Kyrgyz phrase (NEAR in the loose columns), a job word, a prefix, two words.
const TEXTS = ["разработчик", "разработчиков", "react", "Toktogulov", "Токтогулов", "иштеп чыгуучу", "дизайнер", "python", "фронт", "react разработчик"];

describe("the directory's ranking replica", () => {
  it("gives the FTS5 query's order — every hit, its tier and bm25 order — for each text on the demo data", async () => {
    for (const q of TEXTS) {
      const text = await textOf(q);
      const built = await buildReplica(c.db, text, GRADUATES_INDEX.weights, version(c));
      expect(built, q).not.toBeNull();
      const plain = plainRanking(c, text);
      expect(plain.ids.length, q).toBeGreaterThan(0);
      expect({ ids: [...built!.ranking.ids], tierEnds: built!.ranking.tierEnds }, q).toEqual(plain);
    }
  }, 120_000);

  it("replays edits committed from another connection: the order equals the FTS5 query's after each", async () => {
    const texts = await Promise.all(["разработчик", "иштеп чыгуучу", "react разработчик"].map(textOf));
    const replicas = await Promise.all(texts.map(async (t) => (await buildReplica(c.db, t, GRADUATES_INDEX.weights, version(c)))!.replica));
    const { rows } = await sql<{ id: number; headline: string | null }>`select id, headline from graduates
      where user_id is not null and anonymised_at is null order by id limit 3`.execute(c.db);
    const [a, b, d] = rows;
    const react = (await sql<{ id: number }>`select id from skills where name_en = 'React'`.execute(c.db)).rows[0]!.id;
    const edits: (() => Promise<unknown>)[] = [
      // Gains the words (longer rows, one more row holding each phrase: every idf and the average length move).
      () => saveBasics(other.db, a!.id, basics("React разработчик, иштеп чыгуучу", "Разработчик интерфейсов")),
      // Loses them.
      () => saveBasics(other.db, a!.id, basics("Бухгалтер", null)),
      // A project (another table, the same graduate's index row), and two graduates in one transaction.
      () =>
        createProject(other.db, b!.id, {
          title: "Иштеп чыгуучулар үчүн курал",
          summary: "React",
          description: null,
          role: "разработчик",
          repoUrl: null,
          demoUrl: null,
          startedOn: null,
          finishedOn: null,
          skillIds: [react],
        }),
      () =>
        other.db.transaction().execute(async (trx) => {
          await trx.updateTable("graduates").set({ headline: "Разработчиков ищем" }).where("id", "=", b!.id).execute();
          await trx.updateTable("graduates").set({ about: "разработчик react" }).where("id", "=", d!.id).execute();
          for (const id of [b!.id, d!.id]) await refreshGraduateSearch(trx, id);
        }),
    ];
    for (const [k, edit] of edits.entries()) {
      await edit();
      for (const [i, text] of texts.entries()) {
        const ranking = await catchUpReplica(c.db, replicas[i]!, version(c));
        expect(ranking, `edit ${k}, text ${i}`).not.toBeNull();
        expect({ ids: [...ranking!.ids], tierEnds: ranking!.tierEnds }, `edit ${k}, text ${i}`).toEqual(plainRanking(c, text));
      }
    }
  }, 120_000);

  it("a log trimmed past the replica (another process's catch-up) is not replayed: a change it no longer names would be missed", async () => {
    const text = await textOf("разработчик");
    const { replica } = (await buildReplica(c.db, text, GRADUATES_INDEX.weights, version(c)))!;
    const { rows } = await sql<{ id: number }>`select id from graduates where user_id is not null and anonymised_at is null
      and id not in (select rowid from graduates_fts where graduates_fts match ${text.loose}) order by id desc limit 2`.execute(c.db);
    const [gains, other2] = rows;
    await saveBasics(other.db, gains!.id, basics("Разработчик", null));
    // Trimmed as app/models/change-log.server.ts trims it (every entry up to a sequence), then another change.
    other.sqlite.prepare("delete from match_changes where seq <= (select seq from sqlite_sequence where name = 'match_changes')").run();
    await saveBasics(other.db, other2!.id, basics("Бухгалтер", null));
    expect(await catchUpReplica(c.db, replica, version(c))).toBeNull();
    // Built again, it holds the first change.
    const again = (await buildReplica(c.db, text, GRADUATES_INDEX.weights, version(c)))!;
    expect([...again.ranking.ids]).toContain(gains!.id);
    expect({ ids: [...again.ranking.ids], tierEnds: again.ranking.tierEnds }).toEqual(plainRanking(c, text));
  }, 120_000);

  it("a first search after an edit from another connection is answered by the replica and shows the edit on the very next request", async () => {
    const q = "разработчик";
    const query = { q, relocate: true };
    // A graduate the text does not find (their projects and skills do not hold it either).
    const { loose } = await textOf(q);
    const { rows } = await sql<{ id: number }>`select id from graduates where user_id is not null and anonymised_at is null
      and id not in (select rowid from graduates_fts where graduates_fts match ${loose}) order by id desc limit 1`.execute(c.db);
    const id = rows[0]!.id;
    // Searched, then searched again after an edit (which builds the replica in the background).
    await searchGraduates(c.db, staff, query);
    await viewsSettled(c.db);
    await saveBasics(other.db, id, basics("Бухгалтер", null));
    await searchGraduates(c.db, staff, query);
    await viewsSettled(c.db);
    const plainSearch = () => c.db.transaction().execute((trx) => searchGraduates(trx, staff, query)); // inside a transaction nothing kept is used
    const totals: number[] = [];
    for (const headline of ["Разработчик разработчик разработчик", "Бухгалтер"]) {
      await saveBasics(other.db, id, basics(headline, null));
      const replays = replicaReplays(c.db);
      const next = await searchGraduates(c.db, staff, query);
      expect(replicaReplays(c.db), headline).toBe(replays + 1);
      const expected = await plainSearch();
      expect({ ids: next.items.map((i) => i.id), total: next.total }, headline).toEqual({ ids: expected.items.map((i) => i.id), total: expected.total });
      totals.push(next.total);
    }
    // The edited graduate is found with the word and not without it.
    expect(totals[0]).toBe(totals[1]! + 1);
  }, 120_000);
});
