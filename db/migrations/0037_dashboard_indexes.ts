// The employer dashboard's waiting list at the large size (issue 20, docs/decisions/072-signed-in-page-rows.md):
// - the few anonymised graduates, so "not anonymised" is a probe of a tiny list, not a read of
//   graduates_directory's wide entry for each of a company's thousands of applications;
// - each application's events by kind with their time, so "when did it last arrive at applied"
//   reads the index alone, not every event's row.
// Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index graduates_anonymised on graduates(id) where anonymised_at is not null`.execute(db);
  await sql`create index application_events_steps on application_events(application_id, to_status, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists graduates_anonymised`.execute(db);
  await sql`drop index if exists application_events_steps`.execute(db);
}
