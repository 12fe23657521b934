// `npm run db:remove-demo` (db/seed/demo-removal.ts): every demo row out in one audited
// transaction, real rows added since untouched, nothing dangling; and all or nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { DEMO_ACCOUNTS } from "@db/seed/demo";
import { DEMO_MARKS_KEY, type DemoMarks, demoAccountsPresent, demoMarks, recordDemoMarks, removeDemoData } from "@db/seed/demo-removal";
import { seedIfEmpty } from "@db/seed/index";
import { recordOutcomeByStaff } from "~/models/outcomes.server";
import { enrolGraduate } from "~/models/invitations.server";
import { closeTestDatabases, createDemoTestDatabase } from "../support/db";
import { makeCohort, makeCompany, makeUser } from "../support/factories";

afterAll(() => closeTestDatabases());

const count = (c: Connection, sql: string, ...params: unknown[]) =>
  Number(
    c.sqlite
      .prepare(sql)
      .pluck()
      .get(...params),
  );
const tableCounts = (c: Connection) =>
  Object.fromEntries(
    ["users", "companies", "cohorts", "graduates", "vacancies", "outcomes", "applications", "projects", "audit_log", "settings"].map((t) => [
      t,
      count(c, `select count(*) from ${t}`),
    ]),
  );

/**
 * What `seedIfEmpty(c, { demo: true, uploadDir })` leaves on a new database (the generator's rows and
 * images, then their marks), from the run's demo copy instead of a 9 s generation (tests/support/db.ts).
 */
async function demoSeeded(uploadDir: string): Promise<Connection> {
  const c = await createDemoTestDatabase(uploadDir);
  await recordDemoMarks(c.db);
  return c;
}

describe("removing the demo data", () => {
  it("takes out every demo row and image in one audited transaction, keeps what was added since, leaves nothing dangling", async () => {
    const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-demo-uploads-"));
    const c = await demoSeeded(uploadDir);
    expect(demoAccountsPresent(c)).toEqual(Object.values(DEMO_ACCOUNTS));
    const marks = JSON.parse(c.sqlite.prepare("select value from settings where key = ?").pluck().get(DEMO_MARKS_KEY) as string) as DemoMarks;
    expect(marks.graduates).toBeGreaterThan(900);

    // A database seeded before the marks existed: the same rows are found from the timestamps.
    c.sqlite.prepare("delete from settings where key = ?").run(DEMO_MARKS_KEY);
    expect(demoMarks(c)).toEqual(marks);
    c.sqlite.prepare("insert into settings (key, value) values (?, ?)").run(DEMO_MARKS_KEY, JSON.stringify(marks));
    const demoImages = fs.readdirSync(uploadDir);
    expect(demoImages.length).toBeGreaterThan(0);

    // Real use since the demo was seeded: an admin and staff, a company, a graduate imported into a
    // demo cohort with an outcome record.
    const admin = await makeUser(c, "admin", { email: "real-admin@agency.kg" });
    const staff = await makeUser(c, "staff", { email: "real-staff@agency.kg" });
    const employer = await makeUser(c, "employer", { email: "hr@real-company.kg" });
    const companyId = await makeCompany(c, employer.id);
    const demoCohort = await makeCohort(c, "2025-06-30");
    expect(demoCohort).toBeLessThanOrEqual(marks.cohorts);
    const { graduateId } = await enrolGraduate(c.db, { cohortId: demoCohort, firstName: "Улан", lastName: "Бекмаматов" }, staff.id);
    const outcome = await recordOutcomeByStaff(c.db, {
      graduateId,
      checkpoint: "graduation",
      code: "seeking",
      asOf: "2025-06-30",
      recordedBy: staff.id,
    } as Parameters<typeof recordOutcomeByStaff>[1]);
    expect(outcome.ok).toBe(true);

    // All or nothing: a real graduate enrolled by the demo staff account cannot lose its invitation's maker.
    const demoStaff = Number(c.sqlite.prepare("select id from users where email = ?").pluck().get(DEMO_ACCOUNTS.staff));
    const blocked = await enrolGraduate(c.db, { cohortId: demoCohort, firstName: "Айдай", lastName: "Сыдыкова" }, demoStaff);
    const before = tableCounts(c);
    expect(() => removeDemoData(c, { uploadDir })).toThrow(/nothing removed: real data still points to demo rows \(invitations → users\)/);
    expect(tableCounts(c)).toEqual(before);
    expect(fs.readdirSync(uploadDir)).toEqual(demoImages);
    expect(count(c, "select count(*) from sqlite_master where type = 'trigger' and name = 'outcomes_no_delete'")).toBe(1);
    c.sqlite.prepare("delete from invitations where graduate_id = ?").run(blocked.graduateId);

    const { removed, keptCohorts } = removeDemoData(c, { uploadDir });

    expect(demoAccountsPresent(c)).toEqual([]);
    expect(c.sqlite.prepare("select email from users order by id").pluck().all() as string[]).toEqual([admin.email, staff.email, employer.email]);
    expect(c.sqlite.prepare("select id from companies").pluck().all()).toEqual([companyId]);
    expect(c.sqlite.prepare("select id from graduates order by id").pluck().all() as number[]).toEqual([graduateId, blocked.graduateId]);
    expect(c.sqlite.prepare("select id from cohorts where id <= ?").pluck().all(marks.cohorts)).toEqual([demoCohort]);
    expect(keptCohorts).toBe(1);
    expect(count(c, "select count(*) from outcomes")).toBe(1);
    expect(count(c, "select count(*) from outcomes where graduate_id = ?", graduateId)).toBe(1);
    expect(count(c, "select count(*) from vacancies")).toBe(0);
    expect(count(c, "select count(*) from applications")).toBe(0);
    expect(count(c, "select count(*) from invitations where code = 'KG-DEMO-2026'")).toBe(0);
    expect(removed.users).toBe(marks.users);
    expect(removed.graduates).toBe(marks.graduates);

    // Nothing dangling: foreign keys, the full-text indexes, the files.
    expect(c.sqlite.pragma("foreign_key_check")).toEqual([]);
    expect(c.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(count(c, "select count(*) from graduates_fts where rowid <= ?", marks.graduates)).toBe(0);
    expect(count(c, "select count(*) from vacancies_fts")).toBe(0);
    expect(fs.readdirSync(uploadDir)).toEqual([]);
    expect(removed.files).toBe(demoImages.length);

    // Outcome records are append-only again, and the removal is in the audit log.
    expect(() => c.sqlite.prepare("delete from outcomes").run()).toThrow(/append-only/);
    const audit = c.sqlite.prepare("select actor_user_id, entity, after_json from audit_log where action = 'demo.remove'").all() as {
      actor_user_id: number | null;
      entity: string;
      after_json: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json)).toMatchObject({ users: marks.users, graduates: marks.graduates, companies: removed.companies });
    expect(count(c, "select count(*) from settings where key = ?", DEMO_MARKS_KEY)).toBe(0);
    expect(() => removeDemoData(c, { uploadDir })).toThrow(/no demo data/);
  });

  it("stays removed: the restart the README asks for after db:remove-demo does not seed the demo again", async () => {
    // Before: removing everything left no users, and seedIfEmpty (SEED_DEMO unset, loopback PUBLIC_URL) took
    // the empty database for a fresh one and brought admin@demo.kg and its published password back.
    const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-demo-uploads-"));
    const c = await demoSeeded(uploadDir);
    removeDemoData(c, { uploadDir });
    expect(count(c, "select count(*) from users")).toBe(0);
    const again = await seedIfEmpty(c, { demo: true, uploadDir });
    expect(again.demo).toBe(false);
    expect(demoAccountsPresent(c)).toEqual([]);
    expect(count(c, "select count(*) from users")).toBe(0);
    expect(fs.readdirSync(uploadDir)).toEqual([]);
    // Asked for in so many words (SEED_DEMO=1, npm run db:seed), the demo comes back.
    expect((await seedIfEmpty(c, { demo: true, demoAgain: true, uploadDir })).demo).toBe(true);
    expect(demoAccountsPresent(c)).toEqual(Object.values(DEMO_ACCOUNTS));
  }, 120_000); // one demo generation (the demoAgain seed): about 10 s alone, more on a shared machine
});
