// Message preferences and the scheduled jobs' runs (docs/product.md §13,
// docs/decisions/053-message-preferences-and-digests.md). A person chooses per TOPIC (a group of
// message kinds) and channel, and at once or a daily digest; the one-click unsubscribe of an e-mail
// changes that same row. message_opt_outs (per kind, migration 0018) is folded into it and dropped.
// Frozen in time: imports nothing from the app (the kind → topic map below is a copy as of today).
import { type Kysely, sql } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** The kinds that existed when this migration was written, and their topic. */
const TOPIC_OF_KIND: Record<string, string> = {
  "application-invited": "applications",
  "application-status": "applications",
  "application-received": "new-applications",
  "application-withdrawn": "new-applications",
  "vacancy-approved": "reviews",
  "vacancy-rejected": "reviews",
  "company-verified": "reviews",
  "company-rejected": "reviews",
  "company-identity-approved": "reviews",
  "company-identity-rejected": "reviews",
  "saved-search-hits": "saved-searches",
};

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per person and topic, written when they change something; a null column is "the default".
  await db.schema
    .createTable("message_preferences")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("email", "integer", (c) => c.check(sql`email in (0, 1)`))
    .addColumn("telegram", "integer", (c) => c.check(sql`telegram in (0, 1)`))
    .addColumn("mode", "text", (c) => c.check(sql`mode in ('instant','digest')`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("message_preferences_pk", ["user_id", "topic"])
    .execute();

  // Earlier one-click unsubscribes: the kind's topic is off on that channel.
  for (const [kind, topic] of Object.entries(TOPIC_OF_KIND)) {
    for (const channel of ["email", "telegram"] as const) {
      await sql`insert into message_preferences (user_id, topic, ${sql.ref(channel)})
        select user_id, ${topic}, 0 from message_opt_outs where kind = ${kind} and channel = ${channel}
        on conflict (user_id, topic) do update set ${sql.ref(channel)} = 0`.execute(db);
    }
  }
  await db.schema.dropTable("message_opt_outs").execute();

  // A daily job's run for a Bishkek day: written when the run finished, so a restart the same day
  // does not run it again. `until` is the end of the window the run covered (the next run starts there).
  await db.schema
    .createTable("scheduled_job_runs")
    .addColumn("job", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("until", "text", (c) => c.notNull())
    .addColumn("queued", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("scheduled_job_runs_pk", ["job", "day"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("scheduled_job_runs").ifExists().execute();
  await db.schema
    .createTable("message_opt_outs")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in ('email','telegram')`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("message_opt_outs_pk", ["user_id", "kind", "channel"])
    .execute();
  await db.schema.dropTable("message_preferences").ifExists().execute();
}
