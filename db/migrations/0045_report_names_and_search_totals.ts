// Three changes of session 15's hardening (docs/decisions/078-harden.md), one migration number.
//
// 1. A staff member's saved reports never share a name, letter case aside: the route's check ran
// outside the transaction that inserts, so two saves sent at once both passed it. `name_key` is the
// name trimmed and lower-cased in JavaScript (SQLite's lower() folds ASCII only, and names are Kyrgyz
// and Russian), and a unique index on (owner_id, name_key) makes the database refuse the second. Twins
// made before keep their names; each later twin gets its id in its key (`<key>#<id>`), so nothing is
// renamed. The app's key is reportNameKey (app/domain/outcomes/report.ts).
//
// 2. The full-text indexes store their rows (Known gap 13). As contentless_delete tables, a DELETE
// left the averages record (rows, tokens per column: what bm25 divides by) as it was — FTS5 cannot
// know a deleted row's tokens without its text — so every reindexed row counted twice until the next
// rebuild, and bm25 drifted from a rebuild's. An FTS5 table that keeps its text subtracts exactly what
// it indexed. The tables are made anew, empty (FTS5 cannot change its options in place), and the
// `search.rebuild` setting makes the next start fill them with the app's writers, as migration 0012 did.
//
// 3. An admin's edit of a skill's names or aliases, or a merge, no longer rewrites its holders' index
// rows in the request (tens of thousands on a national data set: ~1 ms each). `search_reindex_skills`
// holds each skill whose holders wait, with how far the background has come (graduates, then
// vacancies, by id), so a restart resumes where it stopped.
//
// Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

const keyOf = (name: string) => name.trim().toLocaleLowerCase();

const TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'";
const GRADUATES = "name, headline, about, projects, skills, name_terms, headline_terms, about_terms, projects_terms, skills_terms";
const VACANCIES = "title, description, company, skills, title_terms, description_terms, company_terms, skills_terms";

async function recreateSearchTables(db: Kysely<unknown>, options: string): Promise<void> {
  await sql`drop table graduates_fts_vocab`.execute(db);
  await sql`drop table vacancies_fts_vocab`.execute(db);
  await sql`drop table graduates_fts`.execute(db);
  await sql`drop table vacancies_fts`.execute(db);
  await sql.raw(`create virtual table graduates_fts using fts5(${GRADUATES}, ${options})`).execute(db);
  await sql.raw(`create virtual table vacancies_fts using fts5(${VACANCIES}, ${options})`).execute(db);
  await sql`create virtual table graduates_fts_vocab using fts5vocab(graduates_fts, col)`.execute(db);
  await sql`create virtual table vacancies_fts_vocab using fts5vocab(vacancies_fts, col)`.execute(db);
  await sql`insert into settings (key, value) values ('search.rebuild', '1') on conflict (key) do update set value = '1'`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table saved_reports add column name_key text not null default ''`.execute(db);
  const rows = (await sql<{ id: number; owner_id: number; name: string }>`select id, owner_id, name from saved_reports order by id`.execute(db)).rows;
  const seen = new Set<string>();
  for (const r of rows) {
    let key = keyOf(r.name);
    if (seen.has(`${r.owner_id}\u0000${key}`)) key = `${key}#${r.id}`;
    seen.add(`${r.owner_id}\u0000${key}`);
    await sql`update saved_reports set name_key = ${key} where id = ${r.id}`.execute(db);
  }
  await sql`create unique index saved_reports_owner_name_key on saved_reports(owner_id, name_key)`.execute(db);

  await recreateSearchTables(db, TOKENIZE);

  await sql`create table search_reindex_skills (
    skill_id integer primary key references skills(id) on delete cascade,
    graduates_after integer not null default 0,
    vacancies_after integer not null default 0,
    queued_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table search_reindex_skills`.execute(db);
  await recreateSearchTables(db, `content = '', contentless_delete = 1, ${TOKENIZE}`);
  await sql`drop index saved_reports_owner_name_key`.execute(db);
  await sql`alter table saved_reports drop column name_key`.execute(db);
}
