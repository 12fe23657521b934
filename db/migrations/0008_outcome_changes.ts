// The outcome dashboard keeps every graduate's facts in memory (app/models/outcome-facts.server.ts)
// instead of reading 100,000 graduates and their records per request (docs/product.md §10: ≤ 200 ms).
// As with matching (0004), triggers log each change that can move a fact into `outcome_changes`,
// in the same transaction as the change, so the facts catch up exactly whichever process wrote.
// graduate_id null = reload everything (a cohort's date or school, a school's region). Frozen in time.
import { type Kysely, sql } from "kysely";

/** [table, events with the columns that matter ("" = any), the graduate id of a row named `r`, or null = everything] */
const SOURCES: [string, { insert: boolean; delete: boolean; updateOf: string | null }, string | null][] = [
  ["outcomes", { insert: true, delete: true, updateOf: "" }, "r.graduate_id"],
  ["graduates", { insert: true, delete: true, updateOf: "cohort_id, sex" }, "r.id"],
  ["cohorts", { insert: true, delete: true, updateOf: "school_id, graduation_date" }, null],
  ["schools", { insert: false, delete: true, updateOf: "region_id" }, null],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("outcome_changes")
    .addColumn("seq", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("graduate_id", "integer")
    .execute();
  for (const [table, events, idExpr] of SOURCES) {
    const log = (row: "new" | "old") => `insert into outcome_changes (graduate_id) values (${idExpr === null ? "null" : idExpr.replaceAll("r.", `${row}.`)});`;
    const statements: string[] = [];
    if (events.insert) statements.push(`create trigger outcome_facts_${table}_insert after insert on ${table} begin ${log("new")} end`);
    if (events.delete) statements.push(`create trigger outcome_facts_${table}_delete after delete on ${table} begin ${log("old")} end`);
    if (events.updateOf !== null) {
      const of = events.updateOf ? ` of ${events.updateOf}` : "";
      statements.push(
        `create trigger outcome_facts_${table}_update after update${of} on ${table} begin ${log("old")} ${idExpr === null ? "" : log("new")} end`,
      );
    }
    for (const statement of statements) await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("outcome_changes").execute();
  const triggers = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and name like 'outcome\\_facts\\_%' escape '\\'`.execute(
    db,
  );
  for (const { name } of triggers.rows) await sql.raw(`drop trigger ${name}`).execute(db);
}
