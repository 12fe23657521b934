// The CSV import's check of which e-mail addresses the portal already knows (issue 20:
// `/staff/import/:id` at the large size): it asks `lower(email) in (…)` 500 addresses at a time,
// and without an index on that expression each batch read all 100,000 graduates (43 ms a batch,
// 4 batches for a 2,000-line file). Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index graduates_email_lower on graduates(lower(email))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists graduates_email_lower`.execute(db);
}
