// Data retention (docs/product.md §16, docs/decisions/067-data-retention.md). Outcome records stay
// append-only (decision 008) with one more allowed change: a survey answer's typed job title may
// become null when its retention period has passed; every figure of the answer stays. Indexes let the
// daily removal find what may be due, and remove it, without reading whole tables. Frozen in time.
import { type Kysely, sql } from "kysely";

/** The append-only guard of 0006, with `jobTitle` as the rule for job_title. */
const noUpdate = (jobTitle: string) =>
  sql.raw(`create trigger outcomes_no_update before update on outcomes
    when not (
      new.id is old.id and new.graduate_id is old.graduate_id and new.checkpoint is old.checkpoint and new.code is old.code
      and new.as_of is old.as_of and new.source is old.source and new.supersedes_id is old.supersedes_id
      and new.employment_kind is old.employment_kind and new.hours_per_week is old.hours_per_week and new.company_id is old.company_id
      and new.company_htp_resident is old.company_htp_resident and new.employer_name is old.employer_name and ${jobTitle}
      and new.start_date is old.start_date and new.monthly_pay is old.monthly_pay and new.related is old.related
      and new.started_before_graduation is old.started_before_graduation and new.job_region_id is old.job_region_id
      and new.placement_id is old.placement_id and new.not_seeking_reason is old.not_seeking_reason and new.excluded_reason is old.excluded_reason
      and new.created_at is old.created_at and new.updated_at is old.updated_at
      and (new.current is old.current or (old.current = 1 and new.current = 0))
      and (new.recorded_by is old.recorded_by or new.recorded_by is null)
    )
    begin select raise(abort, 'outcome records are append-only: record a correction instead'); end`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger outcomes_no_update`.execute(db);
  await noUpdate("(new.job_title is old.job_title or (new.job_title is null and old.source = 'survey'))").execute(db);
  await sql`create index outcomes_survey_text on outcomes(id) where source = 'survey' and job_title is not null`.execute(db);
  await sql`create index applications_rejected on applications(id) where status = 'rejected'`.execute(db);
  // Removing an application cascades to these keys; without an index SQLite reads the whole child table
  // per removed row (a batch of 50 rejected applications took 0.5 s at the benchmark size, most of it
  // looking for events that undo the removed ones; with them, a few milliseconds).
  for (const [name, table, column] of CHILD_KEYS) await sql.raw(`create index ${name} on ${table}(${column})`).execute(db);
}

const CHILD_KEYS = [
  ["application_events_undoes", "application_events", "undoes_event_id"],
  ["bulk_action_items_application", "bulk_action_items", "application_id"],
  ["bulk_action_items_event", "bulk_action_items", "event_id"],
  ["bulk_action_items_undo_event", "bulk_action_items", "undo_event_id"],
  ["application_notes_application", "application_notes", "application_id"],
  ["application_ratings_application", "application_ratings", "application_id"],
  ["conversation_reports_application", "conversation_reports", "application_id"],
] as const;

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of CHILD_KEYS) await sql.raw(`drop index ${name}`).execute(db);
  await sql`drop index applications_rejected`.execute(db);
  await sql`drop index outcomes_survey_text`.execute(db);
  await sql`drop trigger outcomes_no_update`.execute(db);
  await noUpdate("new.job_title is old.job_title").execute(db);
}
