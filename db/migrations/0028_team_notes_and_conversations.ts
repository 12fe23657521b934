// Team notes and ratings on an application, and the conversation between the company and the
// graduate with its PDF attachments and reports to staff (docs/product.md §15,
// docs/decisions/060-notes-and-conversations.md). Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // A colleague's private note. company_id is the company the note belongs to (the application's
  // vacancy's company when written): every read is scoped by it.
  await db.schema
    .createTable("application_notes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("company_id", "integer", (c) => c.notNull().references("companies.id").onDelete("cascade"))
    .addColumn("author_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull().check(sql`length(body) between 1 and 5000`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create index application_notes_company_application on application_notes(company_id, application_id)`.execute(db);

  // One rating per colleague and application, changeable.
  await db.schema
    .createTable("application_ratings")
    .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("rater_user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("company_id", "integer", (c) => c.notNull().references("companies.id").onDelete("cascade"))
    .addColumn("rating", "integer", (c) => c.notNull().check(sql`rating between 1 and 5`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("application_ratings_pk", ["application_id", "rater_user_id"])
    .execute();
  await sql`create index application_ratings_company_application on application_ratings(company_id, application_id)`.execute(db);

  // The conversation of an application: who wrote (the side, and the person while they exist).
  // body is null once the author's account is deleted (the graduate's own words go with it).
  await db.schema
    .createTable("conversation_messages")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("side", "text", (c) => c.notNull().check(sql`side in ('company','graduate')`))
    .addColumn("author_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.check(sql`length(body) between 1 and 5000`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create index conversation_messages_application on conversation_messages(application_id, id)`.execute(db);

  // A PDF sent with a message, kept in the database itself: written in the message's transaction
  // (nothing half-written), copied by every backup, removed with its message (decision 060).
  await db.schema
    .createTable("conversation_attachments")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("message_id", "integer", (c) => c.notNull().unique().references("conversation_messages.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull().check(sql`size between 1 and 5242880`))
    .addColumn("data", "blob", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  // A report of a conversation to staff: while one is open, staff may read the conversation.
  await db.schema
    .createTable("conversation_reports")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("side", "text", (c) => c.notNull().check(sql`side in ('company','graduate')`))
    .addColumn("reporter_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("reason", "text", (c) => c.notNull().check(sql`length(reason) between 1 and 2000`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("open")
        .check(sql`status in ('open','closed')`),
    )
    .addColumn("closed_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("closed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create index conversation_reports_open on conversation_reports(status, application_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["conversation_reports", "conversation_attachments", "conversation_messages", "application_ratings", "application_notes"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
