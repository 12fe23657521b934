// A notification whose e-mail/Telegram copy was left to the daily digest (the person read its topic
// as a digest when it happened): the next digest lists it, whatever the person's mode is by then,
// and nothing else does (docs/decisions/062-mail-limits-digests-and-batches.md). Frozen in time:
// imports nothing from the app.
//
// And a daily job's run records its progress: the window it covers (`since`), the last recipient
// done (`after_user`) and when it finished. A run goes recipient batch by batch, each batch one short
// transaction; a restart resumes an unfinished run of the day where it stopped. And a survey
// campaign is "sending" until all its graduates' links and messages are written, batch by batch.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table notifications add column via_digest integer not null default 0`.execute(db);
  // The digests read the few flagged rows of a window; the index holds only those.
  await sql`create index notifications_via_digest on notifications (created_at, user_id) where via_digest = 1`.execute(db);
  await sql`alter table scheduled_job_runs add column since text`.execute(db);
  await sql`alter table scheduled_job_runs add column after_user integer not null default 0`.execute(db);
  await sql`alter table scheduled_job_runs add column finished_at text`.execute(db);
  // Runs recorded before were written whole in one transaction: finished.
  await sql`update scheduled_job_runs set finished_at = created_at`.execute(db);
  // A survey campaign is written in batches: "sending" until its last graduate's link is written.
  await sql`alter table survey_campaigns add column status text not null default 'sent'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table survey_campaigns drop column status`.execute(db);
  await sql`alter table scheduled_job_runs drop column finished_at`.execute(db);
  await sql`alter table scheduled_job_runs drop column after_user`.execute(db);
  await sql`alter table scheduled_job_runs drop column since`.execute(db);
  await sql`drop index notifications_via_digest`.execute(db);
  await sql`alter table notifications drop column via_digest`.execute(db);
}
