// Saved reports of the report builder (docs/product.md §16, docs/decisions/064-report-builder.md): a
// staff member's named report — rows, indicators, checkpoint and years — to run again next year. The
// query is kept as JSON and validated when it is read, so a report saved by an older release opens
// with defaults rather than an error. Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("saved_reports")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("owner_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(name) between 1 and 120`))
    .addColumn("query_json", "text", (c) => c.notNull().check(sql`json_valid(query_json)`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create index saved_reports_owner on saved_reports(owner_id, name)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("saved_reports").ifExists().execute();
}
