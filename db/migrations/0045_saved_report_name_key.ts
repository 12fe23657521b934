// A staff member's saved reports never share a name, letter case aside (docs/decisions/078-harden.md):
// the route's check ran outside the transaction that inserts, so two saves sent at once both passed it.
// `name_key` is the name trimmed and lower-cased in JavaScript (SQLite's lower() folds ASCII only, and
// names are Kyrgyz and Russian), and a unique index on (owner_id, name_key) makes the database refuse
// the second. Twins made before this migration keep their names; each later twin gets its id in its key
// (`<key>#<id>`), so nothing is renamed and renaming it to its own name is the clash it really is.
// Frozen in time: imports nothing from the app (the app's key is reportNameKey in app/domain/outcomes/report.ts).
import { type Kysely, sql } from "kysely";

const keyOf = (name: string) => name.trim().toLocaleLowerCase();

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
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index saved_reports_owner_name_key`.execute(db);
  await sql`alter table saved_reports drop column name_key`.execute(db);
}
