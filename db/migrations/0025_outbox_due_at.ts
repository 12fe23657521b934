// A message written now to be sent later (the reminder the day before an interview,
// docs/decisions/056-interview-messages.md) keeps when it first became due: the outbox's expiry
// counts a message's age from then, not from when it was written (docs/decisions/051-outbox.md).
// Null: due when written (created_at). Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox add column due_at text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox drop column due_at`.execute(db);
}
