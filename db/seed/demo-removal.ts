// Which rows are demo data, whether the demo accounts (with the password the README publishes)
// are present, and `npm run db:remove-demo`: all demo data out in one audited transaction.
// Why it works this way: docs/decisions/018-public-url-and-demo-data.md.
import fs from "node:fs";
import path from "node:path";
import type { Connection, DB } from "../connection";
import { DEMO_ACCOUNTS, DEMO_INVITATION_CODE } from "./demo";

/** settings key holding the highest id of each root table right after the demo was seeded. */
export const DEMO_MARKS_KEY = "demo_rows";

const ROOTS = ["users", "companies", "cohorts", "graduates"] as const;
type Root = (typeof ROOTS)[number];
export type DemoMarks = Record<Root, number>;

const DEMO_EMAILS: string[] = Object.values(DEMO_ACCOUNTS);

/**
 * Called right after the demo generator filled a database that had no accounts. Every table has
 * AUTOINCREMENT ids, which are never reused, so "id ≤ the highest id now" names exactly the rows
 * the generator wrote, whatever is added later.
 */
export async function recordDemoMarks(db: DB): Promise<DemoMarks> {
  const marks = {} as DemoMarks;
  for (const table of ROOTS) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.max<number | null>("id").as("id"))
      .executeTakeFirst();
    marks[table] = Number(row?.id ?? 0);
  }
  await db
    .insertInto("settings")
    .values({ key: DEMO_MARKS_KEY, value: JSON.stringify(marks) })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify(marks), updated_at: new Date().toISOString() }))
    .execute();
  return marks;
}

/** The demo accounts present in the database: they sign in with the password published in the README. */
export function demoAccountsPresent({ sqlite }: Connection): string[] {
  const placeholders = DEMO_EMAILS.map(() => "?").join(", ");
  return (sqlite.prepare(`select email from users where email in (${placeholders}) order by id`).all(...DEMO_EMAILS) as { email: string }[]).map(
    (r) => r.email,
  );
}

/**
 * The marks of the demo data, or null when there is none. A database seeded before the marks
 * existed has the demo accounts but no marks: its demo rows are those written no later than the
 * generator's last root row (the graduate holding the demo invitation code, else the last demo
 * account), because the server seeds before it serves anyone.
 */
export function demoMarks({ sqlite }: Connection): DemoMarks | null {
  const stored = sqlite.prepare("select value from settings where key = ?").pluck().get(DEMO_MARKS_KEY) as string | undefined;
  if (stored) return JSON.parse(stored) as DemoMarks;
  const placeholders = DEMO_EMAILS.map(() => "?").join(", ");
  const lastAccount = sqlite
    .prepare(`select max(created_at) from users where email in (${placeholders})`)
    .pluck()
    .get(...DEMO_EMAILS) as string | null;
  if (!lastAccount) return null;
  const invitee = sqlite
    .prepare("select g.created_at from invitations i join graduates g on g.id = i.graduate_id where i.code = ?")
    .pluck()
    .get(DEMO_INVITATION_CODE) as string | undefined;
  const until = invitee && invitee > lastAccount ? invitee : lastAccount;
  const marks = {} as DemoMarks;
  for (const table of ROOTS) marks[table] = Number(sqlite.prepare(`select coalesce(max(id), 0) from ${table} where created_at <= ?`).pluck().get(until));
  return marks;
}

export type DemoRemoval = {
  removed: Record<"users" | "companies" | "cohorts" | "graduates" | "vacancies" | "outcomes" | "files", number>;
  keptCohorts: number;
};

/**
 * Removes every demo row in one transaction, then the image files they named. Rows added later
 * that hang on demo rows go with them (a colleague invited into a demo company, an account made
 * with the demo invitation code); a demo cohort that real graduates were imported into stays.
 * When real data cannot lose what it points to (say, an outcome naming a demo company), nothing
 * is removed and the error names the tables. Outcome records are append-only: the trigger that
 * guards that is lifted for this transaction only and put back before it commits.
 */
export function removeDemoData(connection: Connection, options: { uploadDir: string }): DemoRemoval {
  const { sqlite } = connection;
  const marks = demoMarks(connection);
  if (!marks) throw new Error("no demo data in this database: nothing removed");
  const files: string[] = [];
  const result = sqlite.transaction((): DemoRemoval => {
    // Checked at COMMIT, after every delete: the order of the deletes then does not matter.
    sqlite.pragma("defer_foreign_keys = ON");
    sqlite.exec(
      "drop table if exists temp.demo_companies; drop table if exists temp.demo_graduates; drop table if exists temp.demo_users; drop table if exists temp.demo_vacancies",
    );
    sqlite.prepare("create temp table demo_companies as select id from companies where id <= ?").run(marks.companies);
    sqlite.prepare("create temp table demo_graduates as select id from graduates where id <= ?").run(marks.graduates);
    sqlite.exec("create temp table demo_vacancies as select id from vacancies where company_id in (select id from temp.demo_companies)");
    sqlite
      .prepare(
        `create temp table demo_users as
           select id from users where id <= ?
           union select user_id from graduates where id in (select id from temp.demo_graduates) and user_id is not null
           union select user_id from company_members where company_id in (select id from temp.demo_companies)`,
      )
      .run(marks.users);
    const count = (sql: string) => Number(sqlite.prepare(sql).pluck().get());
    const removed = {
      users: count("select count(*) from temp.demo_users"),
      companies: count("select count(*) from temp.demo_companies"),
      graduates: count("select count(*) from temp.demo_graduates"),
      vacancies: count("select count(*) from temp.demo_vacancies"),
      outcomes: count("select count(*) from outcomes where graduate_id in (select id from temp.demo_graduates)"),
      cohorts: 0,
      files: 0,
    };
    for (const sql of [
      "select photo from graduates where id in (select id from temp.demo_graduates) and photo is not null",
      "select pi.file_name from project_images pi join projects p on p.id = pi.project_id where p.graduate_id in (select id from temp.demo_graduates)",
      "select logo from companies where id in (select id from temp.demo_companies) and logo is not null",
    ])
      files.push(...(sqlite.prepare(sql).pluck().all() as string[]));

    const guard = sqlite.prepare("select sql from sqlite_master where type = 'trigger' and name = 'outcomes_no_delete'").pluck().get() as string | undefined;
    if (guard) sqlite.exec("drop trigger outcomes_no_delete");
    sqlite.exec("delete from survey_links where graduate_id in (select id from temp.demo_graduates)");
    sqlite.exec("delete from outcomes where graduate_id in (select id from temp.demo_graduates)");
    if (guard) sqlite.exec(guard);
    // The full-text indexes are contentless: their rows go by rowid, as the app's own updates do.
    sqlite.exec("delete from graduates_fts where rowid in (select id from temp.demo_graduates)");
    sqlite.exec("delete from vacancies_fts where rowid in (select id from temp.demo_vacancies)");
    sqlite.exec("delete from graduates where id in (select id from temp.demo_graduates)");
    sqlite.exec("delete from companies where id in (select id from temp.demo_companies)");
    // Rows that name a demo account as their maker and refuse its deletion: the demo staff's reset links and staged imports.
    sqlite.exec("delete from password_resets where created_by in (select id from temp.demo_users) or user_id in (select id from temp.demo_users)");
    sqlite.exec("delete from csv_imports where created_by in (select id from temp.demo_users)");
    // The demo's survey campaign (db/seed/campaigns.ts): its members go with the graduates, the campaign with its maker.
    sqlite.exec("delete from survey_campaigns where created_by in (select id from temp.demo_users)");
    sqlite.exec("delete from users where id in (select id from temp.demo_users)");
    removed.cohorts = sqlite
      .prepare("delete from cohorts where id <= ? and not exists (select 1 from graduates g where g.cohort_id = cohorts.id)")
      .run(marks.cohorts).changes;
    const keptCohorts = count(`select count(*) from cohorts where id <= ${Number(marks.cohorts)}`);
    sqlite.prepare("delete from settings where key = ?").run(DEMO_MARKS_KEY);
    removed.files = new Set(files).size;
    sqlite
      .prepare(
        "insert into audit_log (actor_user_id, action, entity, entity_id, before_json, after_json) values (null, 'demo.remove', 'settings', 'demo', ?, ?)",
      )
      .run(JSON.stringify(marks), JSON.stringify({ ...removed, keptCohorts }));

    const broken = sqlite.pragma("foreign_key_check") as { table: string; parent: string }[];
    if (broken.length) {
      const pairs = [...new Set(broken.map((b) => `${b.table} → ${b.parent}`))].join(", ");
      throw new Error(`nothing removed: real data still points to demo rows (${pairs}). Remove or correct those rows first.`);
    }
    sqlite.exec("drop table temp.demo_companies; drop table temp.demo_graduates; drop table temp.demo_users; drop table temp.demo_vacancies");
    return { removed, keptCohorts };
  })();
  // After the commit: a file is only removed once no row names it.
  for (const name of new Set(files)) {
    if (name !== path.basename(name)) continue;
    fs.rmSync(path.join(options.uploadDir, name), { force: true });
  }
  return result;
}
