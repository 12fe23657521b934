// A step inside the interview stage — times proposed, a time picked, another time asked, the
// interview cancelled — is a history event whose stage stays "interview", so the history read
// «Собеседование → Собеседование» four times over (probe-ux, docs/decisions/075-history-steps.md).
// The event now names its step. Older rows: a time picked is the one such event that set a time;
// the others cannot be told apart from the row and keep no step (the page shows the stage alone).
// Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table application_events add column step text
    check (step in ('interview-proposed', 'interview-moved', 'slot-picked', 'another-time', 'interview-cancelled'))`.execute(db);
  await sql`update application_events set step = 'slot-picked'
    where from_status = 'interview' and to_status = 'interview' and interview_at is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table application_events drop column step`.execute(db);
}
