// The page cache's list triggers (migration 0035) fired on every UPDATE that named a listed column,
// changed or not: a profile save always sets `visibility` and `published_at`, so each save of any
// graduate — even one not public — logged `graduates` and dropped the home page (decision 069,
// "After the merge"; the mixed load's writer made home 6× slower than the other pages). They now
// log only when a listed column's value really changes. Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

const changed = (columns: string[]) => columns.map((c) => `old.${c} is not new.${c}`).join(" or ");
const LIST_TRIGGERS: [name: string, table: string, columns: string[], piece: string][] = [
  ["page_graduates_list_update", "graduates", ["visibility", "published_at", "slug", "anonymised_at", "cohort_id"], "graduates"],
  ["page_vacancies_list_update", "vacancies", ["status", "published_at", "deadline", "company_id"], "vacancies"],
  ["page_companies_list_status", "companies", ["status"], "vacancies"],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, columns, piece] of LIST_TRIGGERS) {
    await sql.raw(`drop trigger ${name}`).execute(db);
    await sql
      .raw(
        `create trigger ${name} after update of ${columns.join(", ")} on ${table} when ${changed(columns)} ` +
          `begin insert into page_changes (piece) values ('${piece}'); end`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, columns, piece] of LIST_TRIGGERS) {
    await sql.raw(`drop trigger ${name}`).execute(db);
    await sql.raw(`create trigger ${name} after update of ${columns.join(", ")} on ${table} begin insert into page_changes (piece) values ('${piece}'); end`).execute(db);
  }
}
