// The outcome dashboard reads every current record of 100,000 graduates (docs/product.md §10: ≤ 200 ms).
// Covering indexes let that read walk two compact b-trees instead of fetching wide table rows
// one by one across a large file. Frozen in time.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Every column a dashboard fact needs, in the order of the lookup (graduate, checkpoint).
  await sql`create index outcomes_current_facts on outcomes (graduate_id, checkpoint, code, company_htp_resident, hours_per_week, monthly_pay,
    related, start_date, started_before_graduation, job_region_id, company_id, employer_name) where current = 1`.execute(db);
  // A cohort's graduates with the one personal attribute the breakdowns use.
  await db.schema.createIndex("graduates_cohort_sex").on("graduates").columns(["cohort_id", "sex"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("outcomes_current_facts").ifExists().execute();
  await db.schema.dropIndex("graduates_cohort_sex").ifExists().execute();
}
