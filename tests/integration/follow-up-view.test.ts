// The follow-up list's candidates kept in memory (app/models/follow-up-view.server.ts, docs/decisions/071):
// after every committed write — from this connection or another one, like a second server process —
// the list holds exactly the graduates, total and order its SQL gives. The SQL is the same call inside a
// transaction, where the view is not used.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Connection, openDatabase } from "@db/connection";
import type { Checkpoint } from "~/domain/outcomes/codes";
import { binaryOrder } from "~/domain/search/kyrgyz-order";
import { followUpViewLoads } from "~/models/follow-up-view.server";
import { listFollowUps, type ScopedFollowUpQuery } from "~/models/outcomes.server";
import { viewsSettled } from "~/utils/warming.server";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCohort, makeGraduate, makeUser } from "../support/factories";

const ON = "2026-01-05";
let c: Connection;
let other: Connection;
let staffId: number;
let schools: number[] = [];
/** Chased at graduation (due), at +6 months (due), at +12 months (overdue); and one past +36 months, chased no more. */
let cohorts: { graduation: number; m6: number; m12: number; done: number };
const ids: number[] = [];

// Kyrgyz letters, a shared surname, and two names whose keys differ at a surrogate pair against U+FF5A:
// JavaScript's < and SQLite's binary order disagree there.
const NAMES = ["Үсөнов", "Нурланов", "Ңурланов", "Абдыкадыров", "Осмонов", "Т😀", "Тｚ", "Нурланов", "Өмүрбеков", "Уулу"];

beforeAll(async () => {
  c = await createTestDatabase();
  schools = c.sqlite.prepare("select id from schools order by id limit 2").pluck().all() as number[];
  staffId = (await makeUser(c, "staff")).id;
  cohorts = {
    graduation: await makeCohort(c, "2025-12-20", schools[0]),
    m6: await makeCohort(c, "2025-06-30", schools[1]),
    m12: await makeCohort(c, "2024-06-30", schools[0]),
    done: await makeCohort(c, "2022-06-30", schools[1]),
  };
  const all = Object.values(cohorts);
  for (const [i, lastName] of NAMES.entries()) {
    for (const cohortId of all) ids.push((await makeGraduate(c, { lastName, firstName: `Айгерим${i % 3}`, cohortId, staffId })).graduateId);
  }
  other = openDatabase(c.sqlite.name);
}, 60_000);
afterAll(() => {
  other?.sqlite.close();
  closeTestDatabases();
});

const QUERIES: ScopedFollowUpQuery[] = [
  { schoolId: null, cohortId: null, page: 1 },
  { schoolId: null, cohortId: null, page: 2 },
  { schoolId: null, cohortId: null, page: 4 },
  { schoolId: null, cohortId: null, page: 99 },
  { schoolId: 0, cohortId: null, page: 1 },
  { schoolId: null, cohortId: -1, page: 2 },
  { schoolId: null, cohortId: null, page: 1, within: [] },
  { schoolId: null, cohortId: null, page: 2, within: [-1] },
];
const filled = (q: ScopedFollowUpQuery) => ({
  ...q,
  schoolId: q.schoolId === 0 ? schools[0]! : q.schoolId,
  cohortId: q.cohortId === -1 ? cohorts.m6 : q.cohortId,
  within: q.within?.map((s) => (s === -1 ? schools[1]! : s)),
});
/** Pages of 7: pages end inside a checkpoint date's group and across groups. */
const PAGE = 7;
const seen = (r: Awaited<ReturnType<typeof listFollowUps>>) => ({
  total: r.total,
  pages: r.pages,
  page: "page" in r ? r.page : 1,
  rows: r.rows.map((row) => [row.id, row.checkpoint, row.state, row.current_code, row.consent]),
});

/** Every query as the list runs it (first, and after the view is loaded) and as its SQL: the same. Returns the ids listed. */
async function listsAsSql(): Promise<Set<number>> {
  const listed = new Set<number>();
  for (const q of QUERIES.map(filled)) {
    const first = await listFollowUps(c.db, q, ON, PAGE);
    await viewsSettled(c.db);
    const kept = await listFollowUps(c.db, q, ON, PAGE);
    const plain = await c.db.transaction().execute((trx) => listFollowUps(trx, q, ON, PAGE));
    expect(seen(first), JSON.stringify(q)).toEqual(seen(plain));
    expect(seen(kept), JSON.stringify(q)).toEqual(seen(plain));
  }
  for (let page = 1; ; page++) {
    const { rows, pages } = await listFollowUps(c.db, { schoolId: null, cohortId: null, page }, ON, PAGE);
    for (const r of rows) listed.add(r.id);
    if (page >= pages) break;
  }
  return listed;
}

const record = (db: Connection, graduateId: number, checkpoint: Checkpoint, code: string) =>
  db.sqlite
    .prepare("insert into outcomes (graduate_id, checkpoint, code, as_of, source, recorded_by) values (?, ?, ?, ?, 'staff', ?)")
    .run(graduateId, checkpoint, code, ON, staffId);
const consent = (db: Connection, graduateId: number, given: 0 | 1) =>
  db.sqlite.prepare("insert into outcome_consents (graduate_id, given, recorded_by) values (?, ?, ?)").run(graduateId, given, staffId);

describe("the follow-up list kept in memory", () => {
  it("orders keys as SQLite does, surrogate pairs included", () => {
    const keys = ["a", "ab", "Т😀", "Тｚ", "Т\uE000", "Тz", ""];
    const bySqlite = c.sqlite.prepare(`select value from json_each(?) order by value`).pluck().all(JSON.stringify(keys)) as string[];
    expect([...keys].sort(binaryOrder)).toEqual(bySqlite);
  });

  it("lists what its SQL lists, and follows each logged change without loading again", async () => {
    const before = await listsAsSql();
    // The +36 months cohort is chased no more; every other graduate is due or overdue.
    expect(before.size).toBe(NAMES.length * 3);
    const loads = followUpViewLoads(c.db);
    const g = (name: number, cohort: keyof typeof cohorts) => ids[name * 4 + Object.keys(cohorts).indexOf(cohort)]!;
    const edits: [string, () => unknown, (listed: Set<number>) => void][] = [
      [
        "a known record at the chased checkpoint (another connection)",
        () => record(other, g(0, "m6"), "m6", "military"),
        (l) => expect(l).not.toContain(g(0, "m6")),
      ],
      ["an unknown record keeps them listed", () => record(other, g(1, "m6"), "m6", "unknown"), (l) => expect(l).toContain(g(1, "m6"))],
      ["a record at another checkpoint", () => record(other, g(2, "m12"), "m6", "seeking"), (l) => expect(l).toContain(g(2, "m12"))],
      ["excluded at another checkpoint", () => record(other, g(3, "m12"), "graduation", "excluded"), (l) => expect(l).not.toContain(g(3, "m12"))],
      ["a correction back to unknown", () => record(c, g(0, "m6"), "m6", "unknown"), (l) => expect(l).toContain(g(0, "m6"))],
      ["consent withdrawn", () => consent(other, g(4, "graduation"), 0), (l) => expect(l).not.toContain(g(4, "graduation"))],
      ["consent given again", () => consent(other, g(4, "graduation"), 1), (l) => expect(l).toContain(g(4, "graduation"))],
      [
        "anonymised",
        () => other.sqlite.prepare("update graduates set anonymised_at = '2026-01-01' where id = ?").run(g(5, "m6")),
        (l) => expect(l).not.toContain(g(5, "m6")),
      ],
      [
        "renamed (a new place in the order)",
        () => other.sqlite.prepare("update graduates set last_name = 'Ааронов' where id = ?").run(g(9, "graduation")),
        (l) => expect(l).toContain(g(9, "graduation")),
      ],
      [
        "moved to the cohort past +36 months",
        () => other.sqlite.prepare("update graduates set cohort_id = ? where id = ?").run(cohorts.done, g(6, "m12")),
        (l) => expect(l).not.toContain(g(6, "m12")),
      ],
      [
        "a new graduate (an id past the view's arrays)",
        async () => ids.push((await makeGraduate(other, { lastName: "Ыдырысов", cohortId: cohorts.graduation, staffId })).graduateId),
        (l) => expect(l).toContain(ids[ids.length - 1]),
      ],
      [
        "a graduate deleted",
        () =>
          other.sqlite.transaction(() => {
            for (const t of ["outcome_consents", "outcomes", "invitations"]) other.sqlite.prepare(`delete from ${t} where graduate_id = ?`).run(g(7, "m6"));
            other.sqlite.prepare("delete from graduates where id = ?").run(g(7, "m6"));
          })(),
        (l) => expect(l).not.toContain(g(7, "m6")),
      ],
    ];
    for (const [name, edit, check] of edits) {
      await edit();
      check(await listsAsSql());
      expect(followUpViewLoads(c.db), name).toBe(loads);
    }
  });

  it("loads again when the log was pruned past it", async () => {
    await listsAsSql();
    const loads = followUpViewLoads(c.db);
    const id = ids[8 * 4]!;
    other.sqlite.transaction(() => {
      record(other, id, "graduation", "education");
      other.sqlite.prepare("delete from outcome_changes").run();
    })();
    expect(await listsAsSql()).not.toContain(id);
    expect(followUpViewLoads(c.db)).toBe(loads + 1);
  });
});
