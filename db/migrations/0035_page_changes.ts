// The page cache for signed-out public pages (app/server/page-cache.ts, docs/decisions/069-public-page-cache.md).
// Each cached page depends on named pieces of data; triggers log every change of a piece into
// `page_changes` in the same transaction as the change, whichever process made it (a server, the
// CLI, a seed). A server reads sqlite_sequence's counter for the table once per request (one indexed
// read, as the board's cache did with match_changes) and, only when it moved, the new rows — then
// drops just the pages that depend on a piece that changed. The readers trim the log
// (app/models/change-log.server.ts). Frozen in time: imports nothing from the app.
//
// The pieces (the loaders name what they show with the same strings, app/utils/page-pieces.server.ts):
//   g:<slug>    one graduate's published profile: the row, skills, modules, languages, projects and their skills and images
//   graduates   which graduates the home page lists and counts (added, removed, published, hidden, renamed slug, anonymised)
//   v:<id>      one vacancy: the row, its skills and languages, its company's name and status
//   vacancies   which vacancies are listed (added, removed, status, publication date, deadline, company; a company's status)
//   c:<slug>    one company's page: the company row and its vacancies
//   companies   the list of companies and their count (any company change)
//   outcomes    the published outcome figures: whatever moves the outcome facts (the log of migration 0008)
//   board       the job board: whatever moves a vacancy's listing (the vacancy side of match_changes, 0004/0014/0016)
//   *           reference data every page may show (regions, schools, cohorts, modules, skills, settings): everything goes
import { type Kysely, sql } from "kysely";

const log = (piece: string) => `insert into page_changes (piece) values (${piece});`;
/** The slug piece of the graduate `idExpr`, if it has a slug (none: no public page to drop). */
const graduateOf = (idExpr: string) => `insert into page_changes (piece) select 'g:' || slug from graduates where id = ${idExpr} and slug is not null;`;
const graduateOfProject = (projectExpr: string) =>
  `insert into page_changes (piece) select 'g:' || g.slug from projects p join graduates g on g.id = p.graduate_id where p.id = ${projectExpr} and g.slug is not null;`;
const companyOf = (idExpr: string) => `insert into page_changes (piece) select 'c:' || slug from companies where id = ${idExpr} and slug is not null;`;

/** [table, statements for a row named `r` (old and new for an update)] */
const ROW_SOURCES: [string, (r: "new" | "old") => string][] = [
  ["graduate_skills", (r) => graduateOf(`${r}.graduate_id`)],
  ["graduate_modules", (r) => graduateOf(`${r}.graduate_id`)],
  ["graduate_languages", (r) => graduateOf(`${r}.graduate_id`)],
  ["projects", (r) => graduateOf(`${r}.graduate_id`)],
  ["project_skills", (r) => graduateOfProject(`${r}.project_id`)],
  ["project_images", (r) => graduateOfProject(`${r}.project_id`)],
  ["vacancy_skills", (r) => log(`'v:' || ${r}.vacancy_id`)],
  ["vacancy_languages", (r) => log(`'v:' || ${r}.vacancy_id`)],
  ["graduates", (r) => `insert into page_changes (piece) select 'g:' || ${r}.slug where ${r}.slug is not null;`],
  ["vacancies", (r) => `${log(`'v:' || ${r}.id`)} ${companyOf(`${r}.company_id`)}`],
  [
    "companies",
    (r) =>
      `${log("'companies'")} insert into page_changes (piece) select 'c:' || ${r}.slug where ${r}.slug is not null; ` +
      `insert into page_changes (piece) select 'v:' || id from vacancies where company_id = ${r}.id;`,
  ],
];
const REFERENCE = ["regions", "schools", "cohorts", "modules", "module_skills", "skill_categories", "skills", "settings"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("page_changes")
    .addColumn("seq", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("piece", "text", (c) => c.notNull())
    .execute();
  const statements: string[] = [];
  const rowTriggers = (table: string, body: (r: "new" | "old") => string) => {
    statements.push(`create trigger page_${table}_insert after insert on ${table} begin ${body("new")} end`);
    statements.push(`create trigger page_${table}_update after update on ${table} begin ${body("old")} ${body("new")} end`);
    statements.push(`create trigger page_${table}_delete after delete on ${table} begin ${body("old")} end`);
  };
  for (const [table, body] of ROW_SOURCES) rowTriggers(table, body);
  // Membership of the lists: a graduate or vacancy added, removed, or changed in what decides whether and where it is listed.
  statements.push(`create trigger page_graduates_list_insert after insert on graduates begin ${log("'graduates'")} end`);
  statements.push(`create trigger page_graduates_list_delete after delete on graduates begin ${log("'graduates'")} end`);
  statements.push(
    `create trigger page_graduates_list_update after update of visibility, published_at, slug, anonymised_at, cohort_id on graduates begin ${log("'graduates'")} end`,
  );
  statements.push(`create trigger page_vacancies_list_insert after insert on vacancies begin ${log("'vacancies'")} end`);
  statements.push(`create trigger page_vacancies_list_delete after delete on vacancies begin ${log("'vacancies'")} end`);
  statements.push(
    `create trigger page_vacancies_list_update after update of status, published_at, deadline, company_id on vacancies begin ${log("'vacancies'")} end`,
  );
  statements.push(`create trigger page_companies_list_status after update of status on companies begin ${log("'vacancies'")} end`);
  // The board and the outcome figures already have exact logs of their own: a row there is a change of the piece.
  statements.push(`create trigger page_board after insert on match_changes when new.kind in ('vacancy', 'all') begin ${log("'board'")} end`);
  statements.push(`create trigger page_outcomes after insert on outcome_changes begin ${log("'outcomes'")} end`);
  for (const table of REFERENCE) rowTriggers(table, () => log("'*'"));
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const triggers = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and name like 'page\\_%' escape '\\'`.execute(db);
  for (const { name } of triggers.rows) await sql.raw(`drop trigger ${name}`).execute(db);
  await db.schema.dropTable("page_changes").execute();
}
