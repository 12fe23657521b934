// Issue 16 (docs/decisions/045-search-index-and-tiers.md): both full-text indexes hold, beside
// each column as written, its loose forms — every stem and the script key of every word — in a
// column `<column>_terms`, and each gets an fts5vocab table (one row per term and column) for
// near spellings. FTS5 cannot add columns, so the tables are made anew, empty; filling them needs
// the app's stemmers, which a migration must not import (frozen in time), so the migration only
// asks: the `search.rebuild` setting makes the next start rebuild both indexes
// (app/models/search-index.server.ts#rebuildSearchIndexesIfAsked). Same tokenizer as before.
import { type Kysely, sql } from "kysely";

const TOKENIZE = "content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop table graduates_fts`.execute(db);
  await sql`drop table vacancies_fts`.execute(db);
  await sql
    .raw(
      `create virtual table graduates_fts using fts5(name, headline, about, projects, skills, name_terms, headline_terms, about_terms, projects_terms, skills_terms, ${TOKENIZE})`,
    )
    .execute(db);
  await sql
    .raw(
      `create virtual table vacancies_fts using fts5(title, description, company, skills, title_terms, description_terms, company_terms, skills_terms, ${TOKENIZE})`,
    )
    .execute(db);
  await sql`create virtual table graduates_fts_vocab using fts5vocab(graduates_fts, col)`.execute(db);
  await sql`create virtual table vacancies_fts_vocab using fts5vocab(vacancies_fts, col)`.execute(db);
  await sql`insert into settings (key, value) values ('search.rebuild', '1') on conflict (key) do update set value = '1'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table graduates_fts_vocab`.execute(db);
  await sql`drop table vacancies_fts_vocab`.execute(db);
  await sql`drop table graduates_fts`.execute(db);
  await sql`drop table vacancies_fts`.execute(db);
  await sql.raw(`create virtual table graduates_fts using fts5(name, headline, about, projects, skills, ${TOKENIZE})`).execute(db);
  await sql.raw(`create virtual table vacancies_fts using fts5(title, description, company, skills, ${TOKENIZE})`).execute(db);
  // The old app kept its rows in step edit by edit only: they stay empty until rows are edited.
  await sql`delete from settings where key = 'search.rebuild'`.execute(db);
}
