// The directory's kept rankings replayed after index changes (docs/decisions/048, Sessions 11
// and 12): after ANY sequence of the app's own index changes — a profile edit gaining or losing
// the words, hiding a profile, deleting an account, a new graduate, a skill claimed or dropped, a
// project written or deleted, several graduates in one transaction, from this connection or another
// — the replayed ranking equals a from-scratch FTS5 ranking (every hit, where the tiers begin, the
// bm25 order), and a directory search answered by the replay equals the plain search.
import fc from "fast-check";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { type Connection } from "@db/connection";
import type { Visibility } from "@db/schema";
import type { TextQuery } from "~/domain/search/full-text";
import type { Viewer } from "~/domain/visibility";
import { GRADUATES_INDEX, searchGraduates } from "~/models/directory.server";
import { enrolGraduate } from "~/models/invitations.server";
import { deleteGraduateAccount } from "~/models/personal-data.server";
import { addSkillClaim, removeSkillClaim, saveBasics } from "~/models/profile.server";
import { createProject, deleteProject } from "~/models/projects.server";
import { refreshGraduateSearch } from "~/models/search-index.server";
import { replicaReplays } from "~/models/text-hits-cache.server";
import { buildReplica, catchUpReplica, type Replica } from "~/models/text-hits-replica.server";
import { viewsSettled } from "~/utils/warming.server";
import { basicsWith as basics, ftsVersion as version, plainRanking, useDemoWithAnotherConnection } from "../support/fts-ranking";

let c: Connection;
let other: Connection;
const staff: Viewer = { kind: "staff", userId: 1, schoolIds: null };
const employer: Viewer = { kind: "employer", userId: 2, companyId: 1, verified: true };

// The demo data, and a second connection to the same file like a second server process.
const textOf = useDemoWithAnotherConnection((made) => ({ c, other } = made));

// Words the texts below find exactly, by stem, by script or by job word, and words they do not.
const WORDS = [
  "разработчик",
  "разработчиков",
  "Разработчики",
  "developer",
  "иштеп чыгуучу",
  "иштеп чыгуучулар",
  "React",
  "Токтогулов",
  "дизайнер",
  "Бухгалтер",
  "менеджер",
];
// One word (the budget's), an inflected form, a Kyrgyz phrase (NEAR), a name in the other script, two words, a prefix.
const TEXTS = ["разработчик", "разработчиков", "иштеп чыгуучу", "Toktogulov", "react разработчик", "дизайн"];

type World = { graduates: { id: number; userId: number }[]; skills: number[]; cohortId: number; staffId: number; enrolled: number };
let world: World;

const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 4 }).map((ws) => ws.join(" "));
const who = fc.nat({ max: 24 });
const conn = fc.boolean().map((mine) => (mine ? () => c : () => other));

/** One index change as the app makes it (its own model functions, each in its transaction, logged in match_changes). */
type Change = { label: string; run: () => Promise<unknown> };
const graduateOf = (i: number) => world.graduates[i % world.graduates.length]!;
const alive = async (g: { id: number }) =>
  (await sql<{ n: number }>`select count(*) as n from graduates where id = ${g.id} and anonymised_at is null`.execute(c.db)).rows[0]!.n > 0;

const change: fc.Arbitrary<Change> = fc.oneof(
  // A profile edit: the headline and about gain or lose the words (also changing visibility: hiding, showing).
  fc.tuple(who, phrase, phrase, fc.constantFrom<Visibility>("public", "employers", "private"), conn).map(([i, h, a, v, on]) => ({
    label: `edit ${i} «${h}» «${a}» ${v}`,
    run: async () => (await alive(graduateOf(i))) && saveBasics(on().db, graduateOf(i).id, basics(h, a || null, v)),
  })),
  // A skill claimed or dropped (its names and aliases are in the row's skills column).
  fc.tuple(who, fc.nat(), fc.boolean(), conn).map(([i, s, add, on]) => ({
    label: `${add ? "claim" : "drop"} skill ${s % world.skills.length} by ${i}`,
    run: async () => {
      if (!(await alive(graduateOf(i)))) return;
      const skill = world.skills[s % world.skills.length]!;
      return add ? addSkillClaim(on().db, graduateOf(i).id, skill, "basic") : removeSkillClaim(on().db, graduateOf(i).id, skill);
    },
  })),
  // A project written, or the graduate's first project deleted.
  fc.tuple(who, phrase, fc.boolean(), conn).map(([i, t, add, on]) => ({
    label: `${add ? "project" : "delete project"} ${i} «${t}»`,
    run: async () => {
      const g = graduateOf(i);
      if (!(await alive(g))) return;
      if (add)
        return createProject(on().db, g.id, {
          title: t || "Проект",
          summary: t || null,
          description: null,
          role: null,
          repoUrl: null,
          demoUrl: null,
          startedOn: null,
          finishedOn: null,
          skillIds: world.skills.slice(0, 1),
        });
      const p = await on().db.selectFrom("projects").select("id").where("graduate_id", "=", g.id).orderBy("id").executeTakeFirst();
      return p && deleteProject(on().db, g.id, p.id);
    },
  })),
  // A new graduate enrolled (a name the texts may find in either script).
  fc.tuple(fc.constantFrom("Токтогулов", "Разработчиков", "Асанов", "Toktogulov"), conn).map(([last, on]) => ({
    label: `enrol ${last}`,
    run: () => enrolGraduate(on().db, { cohortId: world.cohortId, firstName: `Тест${++world.enrolled}`, lastName: last }, world.staffId),
  })),
  // An account deleted: the graduate is anonymised, the index row removed.
  fc.tuple(who, conn).map(([i, on]) => ({
    label: `delete account ${i}`,
    run: async () => (await alive(graduateOf(i))) && deleteGraduateAccount(on().db, graduateOf(i).userId, graduateOf(i).id),
  })),
  // Two graduates' rows in one transaction.
  fc.tuple(who, who, phrase, conn).map(([i, j, h, on]) => ({
    label: `two in one transaction ${i} ${j} «${h}»`,
    run: () =>
      on()
        .db.transaction()
        .execute(async (trx) => {
          for (const g of [graduateOf(i), graduateOf(j)]) {
            await trx.updateTable("graduates").set({ about: h }).where("id", "=", g.id).where("anonymised_at", "is", null).execute();
            await refreshGraduateSearch(trx, g.id);
          }
        }),
  })),
);

describe("the directory's ranking replica, over random sequences of index changes", () => {
  let texts: TextQuery[];
  let replicas: Replica[];

  beforeAll(async () => {
    const { rows } = await sql<{ id: number; user_id: number }>`select g.id, g.user_id from graduates g
      where g.user_id is not null and g.anonymised_at is null order by g.id limit 25`.execute(c.db);
    const skills = (await sql<{ id: number }>`select id from skills where name_en in ('React', 'Python', 'Figma', 'JavaScript') order by id`.execute(c.db))
      .rows;
    const cohort = (await sql<{ id: number }>`select id from cohorts order by id limit 1`.execute(c.db)).rows[0]!;
    const staffUser = (await sql<{ id: number }>`select id from users where email = 'staff@demo.kg'`.execute(c.db)).rows[0]!;
    world = {
      graduates: rows.map((r) => ({ id: r.id, userId: r.user_id })),
      skills: skills.map((s) => s.id),
      cohortId: cohort.id,
      staffId: staffUser.id,
      enrolled: 0,
    };
    expect(world.graduates.length).toBe(25);
    expect(world.skills.length).toBe(4);
    texts = await Promise.all(TEXTS.map(textOf));
    replicas = [];
    for (const t of texts) replicas.push((await buildReplica(c.db, t, GRADUATES_INDEX.weights, version(c)))!.replica);
  }, 120_000);

  it("after every sequence of changes, the replayed ranking equals FTS5's from scratch", async () => {
    let replayedChanges = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), async (batch) => {
        // Several changes before one catch-up: a replay covers every change since the last look.
        for (const ch of batch) await ch.run();
        for (const [i, text] of texts.entries()) {
          // As the cache does: a replica already at the index's version is not caught up (a change that wrote nothing).
          const replica = replicas[i]!;
          const ranking = replica.version === version(c) ? replica.ranking : await catchUpReplica(c.db, replica, version(c));
          expect(ranking, `${TEXTS[i]} after ${batch.map((b) => b.label).join("; ")}`).not.toBeNull();
          expect({ ids: [...ranking!.ids], tierEnds: ranking!.tierEnds }, `${TEXTS[i]} after ${batch.map((b) => b.label).join("; ")}`).toEqual(
            plainRanking(c, text),
          );
        }
        replayedChanges += batch.length;
      }),
      { numRuns: 40, endOnFailure: true, seed: 74 },
    );
    expect(replayedChanges).toBeGreaterThanOrEqual(40);
  }, 600_000);

  it("a directory search right after each change is answered by the replay and equals the plain search", async () => {
    const queries = [
      { q: "разработчик", relocate: true },
      { q: "иштеп чыгуучу", skill: "react" },
    ];
    const plainSearch = (viewer: Viewer, query: (typeof queries)[number]) => c.db.transaction().execute((trx) => searchGraduates(trx, viewer, query)); // nothing kept is used inside a transaction
    const page = (r: Awaited<ReturnType<typeof searchGraduates>>) => ({ ids: r.items.map((i) => i.id), total: r.total });
    // Searched, then searched again after a change: the replicas are built in the background.
    for (const query of queries) {
      await searchGraduates(c.db, staff, query);
      await viewsSettled(c.db);
    }
    await saveBasics(other.db, graduateOf(0).id, basics("Бухгалтер", null, "public"));
    for (const query of queries) {
      await searchGraduates(c.db, staff, query);
      await viewsSettled(c.db);
    }
    await fc.assert(
      fc.asyncProperty(change, fc.boolean(), async (ch, asStaff) => {
        const before = version(c);
        await ch.run();
        // A change that wrote nothing (its graduate deleted before) leaves the version and the kept ranking as they were.
        const replayed = version(c) === before ? 0 : 1;
        for (const query of queries) {
          const viewer = asStaff ? staff : employer;
          const replays = replicaReplays(c.db);
          const next = await searchGraduates(c.db, viewer, query);
          expect(replicaReplays(c.db), `${query.q} after ${ch.label}`).toBe(replays + replayed);
          expect(page(next), `${query.q} after ${ch.label}`).toEqual(page(await plainSearch(viewer, query)));
        }
      }),
      { numRuns: 25, endOnFailure: true, seed: 740 },
    );
  }, 600_000);
});
