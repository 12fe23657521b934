// Staff pages at national size (docs/decisions/071-staff-pages-at-national-size.md).
// 1. The follow-up list keeps its candidates in memory (app/models/follow-up-view.server.ts,
// docs/decisions/071-staff-pages-at-national-size.md) and follows `outcome_changes` (0008) to stay exact. That log
// already names a graduate whose outcomes, cohort or sex change; the list also depends on a graduate
// being anonymised, on their name's sort key (its order) and on their consent to tracking, so those
// changes are logged too, in the same transaction. Only real changes are logged: a profile save that
// rewrites the same name leaves the log alone.
// 2. The staff graduate list without a search shows the 50 graduates with accounts most recently
// updated: an index in that order (with the cohort, for a school-scoped officer's filter) is read from
// its end instead of sorting every graduate; the same for the newest invitations on /staff/invitations.
// Frozen in time.
import { type Kysely, sql } from "kysely";

const LOG = (row: "new" | "old") => `insert into outcome_changes (graduate_id) values (${row}.graduate_id);`;

const STATEMENTS = [
  `create trigger outcome_facts_graduates_follow_up after update of anonymised_at, name_sort_key on graduates
     when old.anonymised_at is not new.anonymised_at or old.name_sort_key is not new.name_sort_key
     begin insert into outcome_changes (graduate_id) values (new.id); end`,
  `create trigger outcome_facts_outcome_consents_insert after insert on outcome_consents begin ${LOG("new")} end`,
  `create trigger outcome_facts_outcome_consents_delete after delete on outcome_consents begin ${LOG("old")} end`,
  `create trigger outcome_facts_outcome_consents_update after update of graduate_id, given on outcome_consents begin ${LOG("old")} ${LOG("new")} end`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  await sql`create index graduates_recently_updated on graduates(updated_at, id, cohort_id) where user_id is not null and anonymised_at is null`.execute(db);
  await sql`create index invitations_recent on invitations(created_at, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists graduates_recently_updated`.execute(db);
  await sql`drop index if exists invitations_recent`.execute(db);
  for (const name of [
    "outcome_facts_graduates_follow_up",
    "outcome_facts_outcome_consents_insert",
    "outcome_facts_outcome_consents_delete",
    "outcome_facts_outcome_consents_update",
  ])
    await sql.raw(`drop trigger if exists ${name}`).execute(db);
}
