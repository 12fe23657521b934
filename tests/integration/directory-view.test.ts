// The directory's filters kept in memory (app/models/directory-view.server.ts, docs/decisions/048,
// Session 10): after every committed write — from this connection or another one, like a second
// server process — the directory lists exactly what its plain SQL lists. The plain SQL is the same
// search inside a transaction, where neither the kept ranking nor the view is used.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Connection, openDatabase } from "@db/connection";
import type { Viewer } from "~/domain/visibility";
import { type DirectoryQuery, searchGraduates } from "~/models/directory.server";
import { directoryViewLoads } from "~/models/directory-view.server";
import { type BasicsInput, saveBasics } from "~/models/profile.server";
import { viewsSettled } from "~/utils/warming.server";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCohort, makeGraduate } from "../support/factories";
import { profileBasics } from "../support/fts-ranking";

let c: Connection;
let other: Connection;
const staff: Viewer = { kind: "staff", userId: 1, schoolIds: null };
const employer: Viewer = { kind: "employer", userId: 2, companyId: 1, verified: true };
const ids: number[] = [];
let schools: number[] = [];
let cohorts: number[] = [];
let regions: number[] = [];
let skills: { python: number; sql: number };

const basics = (over: Partial<BasicsInput> = {}) => profileBasics({ headline: "Агроном", ...over });

beforeAll(async () => {
  c = await createTestDatabase();
  schools = c.sqlite.prepare("select id from schools order by id limit 2").pluck().all() as number[];
  regions = c.sqlite.prepare("select id from regions order by id limit 2").pluck().all() as number[];
  cohorts = [await makeCohort(c, "2026-06-30", schools[0]), await makeCohort(c, "2026-06-30", schools[1])];
  const skill = (name: string) => c.sqlite.prepare("select skill_id from skill_aliases where normalized = ?").pluck().get(name) as number;
  skills = { python: skill("python"), sql: skill("sql") };
  for (let i = 0; i < 6; i++) {
    const g = await makeGraduate(c, { lastName: `Жусупова${i}`, cohortId: cohorts[i % 2] });
    ids.push(g.graduateId);
    // One in Latin: «агроном» finds it in tier 1 (its script key), «agronom» in tier 0 and the others in tier 1.
    await saveBasics(c.db, g.graduateId, basics({ headline: i === 3 ? "Agronom" : i < 4 ? "Агроном" : "Агроном, зоотехник" }));
  }
  c.sqlite.prepare("insert into graduate_skills (graduate_id, skill_id, level, source) values (?, ?, 'basic', 'self')").run(ids[0], skills.python);
  // A second connection to the same file, like a second server process.
  other = openDatabase(c.sqlite.name);
}, 60_000);
afterAll(() => {
  other?.sqlite.close();
  closeTestDatabases();
});

const QUERIES: DirectoryQuery[] = [
  { q: "агроном" },
  { q: "агроном", relocate: true },
  { q: "агроном", skill: "python" },
  { q: "агроном", schoolId: 0 },
  { q: "агроном", regionId: 0 },
  { q: "агроном", availableNow: true, today: "2026-07-01" },
  { q: "python" },
  { q: "агроном", skill: "sql", relocate: true },
  { q: "agronom", relocate: true },
  { q: "agronom", skill: "python" },
  { q: "агроном", page: 2, relocate: true },
];
/** The queries with this test's ids filled in (the first school, the first region). */
const queries = () =>
  QUERIES.map((q) => ({ ...q, ...(q.schoolId === 0 ? { schoolId: schools[0] } : {}), ...(q.regionId === 0 ? { regionId: regions[0] } : {}) }));
const seen = (r: Awaited<ReturnType<typeof searchGraduates>>) => ({ ids: r.items.map((i) => i.id), total: r.total });

/** Each query as the directory runs it (twice: before and after the background ranking) and as the plain SQL: the same. */
async function listsAsPlain(): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const viewer of [staff, employer])
    for (const query of queries()) {
      const name = `${viewer.kind} ${JSON.stringify(query)}`;
      const first = await searchGraduates(c.db, viewer, query);
      await viewsSettled(c.db);
      const kept = await searchGraduates(c.db, viewer, query);
      const plain = await c.db.transaction().execute((trx) => searchGraduates(trx, viewer, query));
      expect(seen(first), name).toEqual(seen(plain));
      expect(seen(kept), name).toEqual(seen(plain));
      out[name] = seen(plain).ids.sort((a, b) => a - b);
    }
  return out;
}
const listed = (lists: Record<string, number[]>, viewer: Viewer, query: DirectoryQuery) => lists[`${viewer.kind} ${JSON.stringify(query)}`];

describe("the directory's filters kept in memory", () => {
  it("list what the plain SQL lists, and follow each logged change without reloading everything", async () => {
    await listsAsPlain();
    const loads = directoryViewLoads(c.db);
    const edits: [string, () => unknown, (lists: Record<string, number[]>) => void][] = [
      [
        "visibility (another connection)",
        () => saveBasics(other.db, ids[1]!, basics({ visibility: "private" })),
        (l) => {
          expect(listed(l, employer, { q: "агроном" })).not.toContain(ids[1]);
          expect(listed(l, staff, { q: "агроном" })).toContain(ids[1]);
        },
      ],
      [
        "relocation",
        () => saveBasics(other.db, ids[2]!, basics({ willing_to_relocate: 0 })),
        (l) => expect(listed(l, staff, { q: "агроном", relocate: true })).not.toContain(ids[2]),
      ],
      [
        "availability",
        () => saveBasics(other.db, ids[3]!, basics({ headline: "Agronom", available_from: "2026-09-01" })),
        (l) => expect(listed(l, staff, { q: "агроном", availableNow: true, today: "2026-07-01" })).not.toContain(ids[3]),
      ],
      [
        "own region",
        () => saveBasics(other.db, ids[1]!, basics({ region_id: regions[1]!, visibility: "private" })),
        (l) => expect(listed(l, staff, { q: "агроном", regionId: regions[0] })).not.toContain(ids[1]),
      ],
      [
        "cohort (another school)",
        () => other.sqlite.prepare("update graduates set cohort_id = ? where id = ?").run(cohorts[1], ids[0]),
        (l) => expect(listed(l, staff, { q: "агроном", schoolId: schools[0] })).not.toContain(ids[0]),
      ],
      [
        "a skill claimed",
        () =>
          other.sqlite.prepare("insert into graduate_skills (graduate_id, skill_id, level, source) values (?, ?, 'basic', 'self')").run(ids[4], skills.python),
        (l) => expect(listed(l, staff, { q: "агроном", skill: "python" })).toEqual([ids[0], ids[4]].sort((a, b) => a! - b!)),
      ],
      [
        "a skill used in a project",
        () =>
          other.sqlite.transaction(() => {
            const project = other.sqlite.prepare("insert into projects (graduate_id, title) values (?, 'Теплица') returning id").pluck().get(ids[5]) as number;
            other.sqlite.prepare("insert into project_skills (project_id, skill_id) values (?, ?)").run(project, skills.sql);
          })(),
        (l) => expect(listed(l, staff, { q: "агроном", skill: "sql", relocate: true })).toEqual([ids[5]]),
      ],
      [
        "the project deleted",
        () => other.sqlite.prepare("delete from projects where graduate_id = ?").run(ids[5]),
        (l) => expect(listed(l, staff, { q: "агроном", skill: "sql", relocate: true })).toEqual([]),
      ],
      [
        "a skill withdrawn (this connection)",
        () => c.sqlite.prepare("delete from graduate_skills where graduate_id = ? and skill_id = ?").run(ids[0], skills.python),
        (l) => expect(listed(l, staff, { q: "агроном", skill: "python" })).toEqual([ids[4]]),
      ],
      [
        "anonymised",
        () => other.sqlite.prepare("update graduates set anonymised_at = '2026-07-01' where id = ?").run(ids[4]),
        (l) => expect(listed(l, staff, { q: "агроном" })).not.toContain(ids[4]),
      ],
      [
        "a new graduate (an id past the view's arrays)",
        async () => {
          const g = await makeGraduate(other, { lastName: "Жусупова6", cohortId: cohorts[0] });
          ids.push(g.graduateId);
          await saveBasics(other.db, g.graduateId, basics());
        },
        (l) => expect(listed(l, employer, { q: "агроном", schoolId: schools[0] })).toContain(ids[6]),
      ],
    ];
    for (const [name, edit, check] of edits) {
      await edit();
      check(await listsAsPlain());
      expect(directoryViewLoads(c.db), name).toBe(loads);
    }
  });

  it("reloads everything when the log was pruned past it, and reads schools' regions on each use", async () => {
    await listsAsPlain();
    const loads = directoryViewLoads(c.db);
    // An edit whose log entries are gone (as when another process prunes the log while this one is idle).
    other.sqlite.transaction(() => {
      other.sqlite.prepare("update graduates set willing_to_relocate = 0 where id = ?").run(ids[5]);
      other.sqlite.prepare("delete from match_changes").run();
    })();
    const lists = await listsAsPlain();
    expect(listed(lists, staff, { q: "агроном", relocate: true })).not.toContain(ids[5]);
    expect(directoryViewLoads(c.db)).toBe(loads + 1);
    // A school moved to another region: not logged, read on each use.
    const [region] = c.sqlite.prepare("select region_id from schools where id = ?").pluck().all(schools[0]) as number[];
    other.sqlite.prepare("update schools set region_id = ? where id = ?").run(region === regions[0] ? regions[1] : regions[0], schools[0]);
    await listsAsPlain();
    other.sqlite.prepare("update schools set region_id = ? where id = ?").run(region, schools[0]);
    await listsAsPlain();
  });

  it("is not used inside a transaction, where the search sees its own uncommitted writes; a rollback leaves it as it was", async () => {
    const before = (await listsAsPlain())[`staff ${JSON.stringify({ q: "агроном", relocate: true })}`];
    expect(before).not.toContain(ids[5]);
    const loads = directoryViewLoads(c.db);
    const ROLLBACK = new Error("rollback");
    let found: number[] = [];
    await c.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable("graduates").set({ willing_to_relocate: 1 }).where("id", "=", ids[5]!).execute();
        found = (await searchGraduates(trx, staff, { q: "агроном", relocate: true })).items.map((i) => i.id);
        throw ROLLBACK;
      })
      .catch((error: unknown) => expect(error).toBe(ROLLBACK));
    expect(found).toContain(ids[5]);
    expect(listed(await listsAsPlain(), staff, { q: "агроном", relocate: true })).toEqual(before);
    expect(directoryViewLoads(c.db)).toBe(loads);
  });

  it("orders names as SQLite does, also when a name holds a character beyond the BMP (JavaScript's < differs there)", async () => {
    // U+1D538 sorts after U+FB00 in SQLite's binary (UTF-8) order, before it in JavaScript's UTF-16 order.
    for (const lastName of ["Жусупова\u{1D538}", "Жусупова\uFB00"]) {
      const g = await makeGraduate(other, { lastName, cohortId: cohorts[0] });
      await saveBasics(other.db, g.graduateId, basics());
    }
    for (const query of [
      { relocate: true, sort: "name" as const },
      { q: "агроном", relocate: true, sort: "name" as const },
    ]) {
      await searchGraduates(c.db, staff, query);
      await viewsSettled(c.db);
      const kept = await searchGraduates(c.db, staff, query);
      const plain = await c.db.transaction().execute((trx) => searchGraduates(trx, staff, query));
      expect(kept.items.map((i) => i.last_name)).toEqual(plain.items.map((i) => i.last_name));
      expect(plain.items.map((i) => i.last_name).indexOf("Жусупова\uFB00")).toBeLessThan(plain.items.map((i) => i.last_name).indexOf("Жусупова\u{1D538}"));
    }
  });

  it("a first search with a filter (nothing ranked yet) gives the plain SQL's tiers, order and holders", async () => {
    // Tier 0 as typed, tier 1 by its script key, tier 2 by a job word; the job word repeated so that bm25 alone would put it first.
    const made: number[] = [];
    for (const headline of ["Разработчик", "Razrabotchik", "Developer, developer, developer"]) {
      const g = await makeGraduate(other, { lastName: "Токтогулова", cohortId: cohorts[0] });
      await saveBasics(other.db, g.graduateId, basics({ headline }));
      made.push(g.graduateId);
    }
    other.sqlite.prepare("insert into graduate_skills (graduate_id, skill_id, level, source) values (?, ?, 'basic', 'self')").run(made[2], skills.python);
    await searchGraduates(c.db, staff, { relocate: true });
    await viewsSettled(c.db);
    for (const query of [
      { q: "разработчик", relocate: true },
      { q: "разработчик", skill: "python", relocate: true },
      { q: "python", relocate: true },
      { q: "разработчик", relocate: true, page: 9 },
    ]) {
      // An index change first: the text is searched cold.
      await saveBasics(other.db, made[1]!, basics({ headline: "Razrabotchik" }));
      const first = await searchGraduates(c.db, staff, query);
      const plain = await c.db.transaction().execute((trx) => searchGraduates(trx, staff, query));
      expect(seen(first), JSON.stringify(query)).toEqual(seen(plain));
      if (query.q === "разработчик" && !query.skill && !query.page) expect(seen(plain).ids.filter((id) => made.includes(id))).toEqual(made);
    }
  });
});
