// Matching keeps an in-memory index of graduates and open vacancies (app/models/matching.server.ts).
// Triggers write every change that could move a score into `match_changes`, in the same
// transaction as the change itself, so the index catches up exactly — whichever process or
// script made the edit. Also: an index the directory's skill filter needed. Frozen in time.
import { type Kysely, sql } from "kysely";

/** [table, the graduate / vacancy id expression for a row named `r`] */
const GRADUATE_SOURCES: [string, string][] = [
  ["graduates", "r.id"],
  ["graduate_skills", "r.graduate_id"],
  ["graduate_modules", "r.graduate_id"],
  ["graduate_languages", "r.graduate_id"],
  ["projects", "r.graduate_id"],
  ["project_skills", "(select graduate_id from projects where id = r.project_id)"],
  ["placements", "r.graduate_id"],
];
const VACANCY_SOURCES: [string, string][] = [
  ["vacancies", "r.id"],
  ["vacancy_skills", "r.vacancy_id"],
  ["vacancy_languages", "r.vacancy_id"],
];
/** Changes that can move any score: the index is rebuilt. */
const EVERYTHING_SOURCES = ["skill_relations", "module_skills", "cohorts"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("match_changes")
    .addColumn("seq", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('graduate','vacancy','all')`))
    .addColumn("entity_id", "integer")
    .execute();

  const triggers = (table: string, kind: string, idOf: (row: "new" | "old") => string) => {
    const statements: string[] = [];
    for (const [event, rows] of [
      ["insert", ["new"]],
      ["update", ["old", "new"]],
      ["delete", ["old"]],
    ] as const) {
      const body = rows.map((r) => `insert into match_changes (kind, entity_id) values ('${kind}', ${idOf(r)});`).join(" ");
      statements.push(`create trigger match_${table}_${event} after ${event} on ${table} begin ${body} end`);
    }
    return statements;
  };
  // A company losing (or gaining) verification hides (or shows) all its vacancies.
  const companyStatus =
    "create trigger match_companies_status after update of status on companies begin insert into match_changes (kind, entity_id) values ('all', null); end";
  const statements = [
    companyStatus,
    ...GRADUATE_SOURCES.flatMap(([table, expr]) => triggers(table, "graduate", (r) => expr.replaceAll("r.", `${r}.`))),
    ...VACANCY_SOURCES.flatMap(([table, expr]) => triggers(table, "vacancy", (r) => expr.replaceAll("r.", `${r}.`))),
    ...EVERYTHING_SOURCES.flatMap((table) => triggers(table, "all", () => "null")),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);

  await db.schema.createIndex("project_skills_skill").on("project_skills").columns(["skill_id", "project_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("project_skills_skill").execute();
  await db.schema.dropTable("match_changes").execute(); // its triggers go with the tables they watch
  const triggers = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and name like 'match\\_%' escape '\\'`.execute(db);
  for (const { name } of triggers.rows) await sql.raw(`drop trigger ${name}`).execute(db);
}
