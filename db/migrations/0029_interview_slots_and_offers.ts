// Interviews the candidate answers and offers with a deadline (docs/product.md §15,
// docs/decisions/061-interview-slots-and-offers.md). An interview is proposed as 1–3 slots; the
// graduate picks one (or asks for another time); either side cancels or moves it. An offer carries
// a start date, optional pay and an answer-by date; the graduate accepts (the hire) or declines.
// Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("interviews")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    // proposed: slots wait for the graduate; another-time: the graduate asked for other slots;
    // confirmed: a slot was picked; cancelled: by either side; done: the employer recorded the outcome.
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('proposed','another-time','confirmed','cancelled','done')`))
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    // The confirmed start (UTC ISO), null until a slot is picked.
    .addColumn("starts_at", "text")
    // The calendar entry's SEQUENCE (RFC 5545): raised by every change after the first confirmation.
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    // 1 once a calendar REQUEST went out: only then does a cancellation send a CANCEL.
    .addColumn("calendar_sent", "integer", (c) => c.notNull().defaultTo(0))
    // The graduate's message asking for another time, and the reason of the last move or cancellation.
    .addColumn("request_note", "text")
    .addColumn("reason", "text")
    .addColumn("outcome", "text", (c) => c.check(sql`outcome in ('passed','not-passed','no-show')`))
    .addColumn("outcome_note", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  // One open interview per application: two proposals at once cannot both be written.
  await sql`create unique index interviews_open on interviews(application_id) where status in ('proposed','another-time','confirmed')`.execute(db);
  // "Interviews this week" and "waiting for an outcome" read confirmed interviews by time.
  await sql`create index interviews_starts on interviews(starts_at) where status in ('confirmed','done')`.execute(db);
  await sql`create index interviews_application on interviews(application_id)`.execute(db);

  await db.schema
    .createTable("interview_slots")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("interview_id", "integer", (c) => c.notNull().references("interviews.id").onDelete("cascade"))
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create index interview_slots_interview on interview_slots(interview_id)`.execute(db);

  await db.schema
    .createTable("offers")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open','accepted','declined','withdrawn')`))
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("monthly_pay", "integer")
    // The last Bishkek day the graduate may accept.
    .addColumn("answer_by", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("decline_reason", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("answered_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create unique index offers_open on offers(application_id) where status = 'open'`.execute(db);
  await sql`create index offers_application on offers(application_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("offers").ifExists().execute();
  await db.schema.dropTable("interview_slots").ifExists().execute();
  await db.schema.dropTable("interviews").ifExists().execute();
}
