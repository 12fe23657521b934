// The outbox of messages to people (docs/product.md §13, docs/decisions/051-outbox.md): a row per
// message per channel, written in the transaction of the event that causes it and delivered later
// by the worker in the server process. Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("outbox")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    // Unique: the same event never makes two rows; it is also the e-mail's Message-ID, so a
    // delivery repeated after a crash is recognisable as the same message.
    .addColumn("idem_key", "text", (c) => c.notNull().unique())
    .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in ('email','telegram')`))
    // What kind of message (the notification kind: "application-status" …), for preferences and unsubscribe.
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("payload_json", "text", (c) => c.notNull())
    .addColumn("link", "text")
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("queued")
        .check(sql`status in ('queued','sent','failed','expired','not_sent')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    // When a queued row is due. Claiming it moves this to the end of the lease, so a worker killed
    // mid-delivery leaves the row due again once the lease runs out.
    .addColumn("next_attempt_at", "text", (c) => c.notNull().defaultTo(now))
    // The claim's random token: only the worker holding the current lease may settle the row.
    .addColumn("lease", "text")
    .addColumn("last_error", "text")
    .addColumn("sent_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create index outbox_due on outbox(status, next_attempt_at)`.execute(db);
  await sql`create index outbox_listing on outbox(status, id)`.execute(db);
  await sql`create index outbox_user on outbox(user_id)`.execute(db);

  // A channel that bounced for a person (SMTP 5xx): nothing more is tried on it until it is fixed.
  await db.schema
    .createTable("message_channel_failures")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in ('email','telegram')`))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("message_channel_failures_pk", ["user_id", "channel"])
    .execute();

  // A kind of message a person turned off on a channel (one-click unsubscribe; later the preferences page).
  await db.schema
    .createTable("message_opt_outs")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in ('email','telegram')`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("message_opt_outs_pk", ["user_id", "kind", "channel"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("message_opt_outs").ifExists().execute();
  await db.schema.dropTable("message_channel_failures").ifExists().execute();
  await db.schema.dropTable("outbox").ifExists().execute();
}
