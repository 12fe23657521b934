// The job board at national size (docs/product.md §10, docs/decisions/049-board-search-speed.md).
//
// 1. A narrow copy of the columns the board's filters and orders read, keyed by id. A vacancies
//    row is wide (title and description: 17 MB for 20,000 vacancies, about four rows per page),
//    and a search reads the filter columns of every hit (7,600 for «разработчик») before it knows
//    which 20 it shows; a listing without text counts every open vacancy. The board names it
//    (`indexed by`): SQLite's planner prefers the rowid lookup when it has no statistics for a
//    new index (decision 048).
// 2. What a board search finds and shows also depends on the skills taxonomy: every name and
//    alias of a skill a search names is part of the search (app/models/full-text.server.ts), and
//    the board's cards show skill names. As for the job words (migration 0014), a change is logged
//    into match_changes as a vacancy change with no vacancy, in the same transaction: the board's
//    page cache (docs/decisions/013) goes stale on the next request; the matching index has
//    nothing to reload.
// Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

const LOG = "insert into match_changes (kind, entity_id) values ('vacancy', null);";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index vacancies_board_filters on vacancies(id, status, company_id, work_mode, employment_type, salary_hidden, salary_min, salary_max, region_id, city, published_at, deadline)`.execute(
    db,
  );
  for (const event of ["insert", "update", "delete"]) {
    await sql.raw(`create trigger match_skill_aliases_${event} after ${event} on skill_aliases begin ${LOG} end`).execute(db);
  }
  // An admin's save rewrites the aliases anyway; a rename made any other way is seen too.
  await sql.raw(`create trigger match_skills_names after update of name_ky, name_ru, name_en on skills begin ${LOG} end`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ["match_skill_aliases_insert", "match_skill_aliases_update", "match_skill_aliases_delete", "match_skills_names"]) {
    await sql.raw(`drop trigger if exists ${name}`).execute(db);
  }
  await sql`drop index if exists vacancies_board_filters`.execute(db);
}
