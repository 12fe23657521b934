// A staff account's scope (docs/product.md §16, docs/decisions/063-staff-scope.md): the schools whose
// graduates, figures and queues it sees. No row for an account means the whole Agency; admins are
// always Agency-wide. A plain rowid table like every other (the backup check and the tests' snapshots
// read tables in rowid order). Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table staff_scopes (
    user_id integer not null references users(id) on delete cascade,
    school_id integer not null references schools(id) on delete cascade,
    primary key (user_id, school_id)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table staff_scopes`.execute(db);
}
