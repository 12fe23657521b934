// Survey campaigns (docs/product.md §6 and §13, docs/decisions/055-survey-campaigns.md): staff send
// the survey to every due graduate of the follow-up list at once, by e-mail and Telegram, remind
// once, and see who answered. Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("survey_campaigns")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    // The confirm form's one-time key: a double submit of the same form finds this row and sends nothing more.
    .addColumn("send_key", "text", (c) => c.notNull().unique())
    // The follow-up list's filters the campaign was sent from (null: all).
    .addColumn("school_id", "integer", (c) => c.references("schools.id").onDelete("set null"))
    .addColumn("cohort_id", "integer", (c) => c.references("cohorts.id").onDelete("set null"))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    // The one reminder: set once, in the same statement that claims it.
    .addColumn("reminded_at", "text")
    .addColumn("reminded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  // Every due graduate the campaign covered, messaged or not (the page lists those it could not reach).
  await db.schema
    .createTable("survey_campaign_members")
    .addColumn("campaign_id", "integer", (c) => c.notNull().references("survey_campaigns.id").onDelete("cascade"))
    .addColumn("graduate_id", "integer", (c) => c.notNull().references("graduates.id").onDelete("cascade"))
    .addColumn("checkpoint", "text", (c) => c.notNull().check(sql`checkpoint in ('graduation','m6','m12','m36')`))
    // messaged: a link and outbox rows were written; opted_out: the person turned survey messages off;
    // no_channel: no account, no e-mail that works and no Telegram.
    .addColumn("reach", "text", (c) => c.notNull().check(sql`reach in ('messaged','opted_out','no_channel')`))
    .addColumn("survey_link_id", "integer", (c) => c.references("survey_links.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("survey_campaign_members_pk", ["campaign_id", "graduate_id"])
    .execute();
  // "Is this graduate already invited to an open campaign for this checkpoint?" (decision 055).
  await sql`create index survey_campaign_members_graduate on survey_campaign_members(graduate_id, checkpoint)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("survey_campaign_members").ifExists().execute();
  await db.schema.dropTable("survey_campaigns").ifExists().execute();
}
