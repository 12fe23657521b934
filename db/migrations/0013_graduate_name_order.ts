// Graduates listed by name follow the Kyrgyz alphabet (ң after н, ө after о, ү after у; docs/product.md §14,
// docs/decisions/046-small-list-search-and-kyrgyz-order.md). SQLite can only compare code points
// and better-sqlite3 cannot add a collation, so each graduate stores a sort key whose plain order
// is that order, indexed so a page of a long list sorted by name reads the index in order.
// The portal's writers store the key with the name (app/models/invitations.server.ts, the demo
// seed); triggers catch every other writer — an insert without a key, any change of a name — with
// `kyrgyz_sort_key`, the function every connection of the portal registers (db/connection.ts).
// An insert that brings its key pays no second write (each update of a graduate also feeds the
// matching log). Frozen in time: the function's definition lives in the app, not here.
import { type Kysely, sql } from "kysely";

const KEY = sql.raw("kyrgyz_sort_key(new.last_name || ' ' || new.first_name)");

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table graduates add column name_sort_key text not null default ''`.execute(db);
  await sql`update graduates set name_sort_key = kyrgyz_sort_key(last_name || ' ' || first_name)`.execute(db);
  await sql`create index graduates_name_sort on graduates(name_sort_key, id)`.execute(db);
  await sql`create trigger graduates_name_sort_insert after insert on graduates when new.name_sort_key = '' begin update graduates set name_sort_key = ${KEY} where id = new.id; end`.execute(
    db,
  );
  await sql`create trigger graduates_name_sort_update after update of first_name, last_name on graduates begin update graduates set name_sort_key = ${KEY} where id = new.id; end`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger graduates_name_sort_update`.execute(db);
  await sql`drop trigger graduates_name_sort_insert`.execute(db);
  await sql`drop index graduates_name_sort`.execute(db);
  await sql`alter table graduates drop column name_sort_key`.execute(db);
}
