// The audit log's actor column is `on delete set null`: deleting an account (a graduate who
// joined with a code is the actor of their own "graduate.join" entry) makes SQLite update the
// entry, and the append-only trigger of 0001 refused that, so the deletion failed. The trigger
// now lets exactly that change through — the actor forgotten, every other column untouched —
// and refuses every other update as before. Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger audit_log_no_update`.execute(db);
  await sql`
    create trigger audit_log_no_update before update on audit_log
    when not (
      new.actor_user_id is null and old.actor_user_id is not null
      and new.id is old.id and new.action is old.action and new.entity is old.entity
      and new.entity_id is old.entity_id and new.before_json is old.before_json
      and new.after_json is old.after_json and new.created_at is old.created_at
      and new.updated_at is old.updated_at
    )
    begin select raise(abort, 'audit log is append-only'); end`.execute(db);
  // The audit page filters by actor, action and entity and reads the newest first.
  await sql`create index audit_log_created on audit_log (created_at)`.execute(db);
  await sql`create index audit_log_actor on audit_log (actor_user_id, created_at)`.execute(db);
  await sql`create index audit_log_action on audit_log (action, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ["audit_log_created", "audit_log_actor", "audit_log_action"]) await sql.raw(`drop index if exists ${index}`).execute(db);
  await sql`drop trigger audit_log_no_update`.execute(db);
  await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit log is append-only'); end`.execute(db);
}
