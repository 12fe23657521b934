// Two-step sign-in (docs/decisions/066-two-step-sign-in.md): one TOTP secret per account (encrypted,
// switched on once confirmed with a code), its ten single-use recovery codes (SHA-256 only), and the
// moment the staff rule took effect, from which the grace period counts. Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // secret: AES-256-GCM of the base32 secret (key derived from SESSION_SECRET); enabled_at null while
  // the set-up waits for its first code; last_used_step: the time step of the last accepted code (no replay).
  await sql`create table user_two_step (
    user_id integer primary key references users(id) on delete cascade,
    secret text not null,
    enabled_at text,
    last_used_step integer,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  )`.execute(db);
  await sql`create table user_recovery_codes (
    id integer primary key autoincrement,
    user_id integer not null references users(id) on delete cascade,
    code_hash text not null,
    used_at text,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  )`.execute(db);
  await sql`create unique index user_recovery_codes_hash on user_recovery_codes (user_id, code_hash)`.execute(db);
  // Staff and admins already here get the whole grace period from the day this was installed.
  await sql`insert into settings (key, value) values ('two_step_since', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    on conflict (key) do nothing`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table user_recovery_codes`.execute(db);
  await sql`drop table user_two_step`.execute(db);
  await sql`delete from settings where key in ('two_step_since', 'two_step_grace_days')`.execute(db);
}
