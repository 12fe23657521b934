// The applicants list's bulk decisions (docs/product.md §15, docs/decisions/059-bulk-decisions-and-undo.md):
// the company's rejection reasons in three languages, each bulk action with the applications it moved
// (so it can be undone for 10 minutes), and the undo's history event marked as one.
// Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("rejection_templates")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("company_id", "integer", (c) => c.notNull().references("companies.id").onDelete("cascade"))
    .addColumn("text_ky", "text", (c) => c.notNull())
    .addColumn("text_ru", "text", (c) => c.notNull())
    .addColumn("text_en", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create index rejection_templates_company on rejection_templates(company_id)`.execute(db);
  // The defaults are given once per company ("at first use"): deleting them all does not bring them back.
  await db.schema
    .createTable("rejection_template_defaults")
    .addColumn("company_id", "integer", (c) => c.primaryKey().references("companies.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("bulk_actions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("company_id", "integer", (c) => c.notNull().references("companies.id").onDelete("cascade"))
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("to_status", "text", (c) => c.notNull())
    // The reason's texts as sent (a template edited or deleted later does not change what was sent).
    .addColumn("reason_ky", "text")
    .addColumn("reason_ru", "text")
    .addColumn("reason_en", "text")
    // The selected applications left as they were, and why ([{applicationId, reason, status}]), for the result page.
    .addColumn("skipped_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("undo_until", "text", (c) => c.notNull())
    .addColumn("undone_at", "text")
    .addColumn("undone_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create index bulk_actions_company on bulk_actions(company_id, undo_until)`.execute(db);

  // Each application the action moved: the stage it left and the history event the move wrote.
  await db.schema
    .createTable("bulk_action_items")
    .addColumn("bulk_action_id", "integer", (c) => c.notNull().references("bulk_actions.id").onDelete("cascade"))
    .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("from_status", "text", (c) => c.notNull())
    .addColumn("event_id", "integer", (c) => c.notNull().references("application_events.id").onDelete("cascade"))
    // Set by the undo: its own history event (null: not undone, or skipped because it moved on since).
    .addColumn("undo_event_id", "integer", (c) => c.references("application_events.id").onDelete("set null"))
    .addPrimaryKeyConstraint("bulk_action_items_pk", ["bulk_action_id", "application_id"])
    .execute();

  // The applicants list filters and sorts a company's applications by vacancy, stage and date: read from
  // the index alone, not row by row (docs/decisions/059-bulk-decisions-and-undo.md).
  await sql`create index applications_list on applications(vacancy_id, created_at, status, graduate_id, updated_at)`.execute(db);
  // A history event that takes back an earlier one (the undo of a bulk action) names it.
  await sql`alter table application_events add column undoes_event_id integer references application_events(id) on delete set null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table application_events drop column undoes_event_id`.execute(db);
  await sql`drop index applications_list`.execute(db);
  await db.schema.dropTable("bulk_action_items").execute();
  await db.schema.dropTable("bulk_actions").execute();
  await db.schema.dropTable("rejection_template_defaults").execute();
  await db.schema.dropTable("rejection_templates").execute();
}
