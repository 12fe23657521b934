// Placement outcomes (docs/product.md §6): one primary outcome per graduate per checkpoint, history
// appended and never overwritten; survey links; consent to outcome tracking. Frozen in time.
import { type Kysely, sql } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("outcomes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("graduate_id", "integer", (c) => c.notNull().references("graduates.id"))
    .addColumn("checkpoint", "text", (c) => c.notNull().check(sql`checkpoint in ('graduation','m6','m12','m36')`))
    .addColumn("code", "text", (c) =>
      c.notNull().check(sql`code in ('employed','military','service','education','seeking','not_seeking','unknown','excluded')`),
    )
    .addColumn("as_of", "text", (c) => c.notNull()) // ISO date the information describes
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('application','staff','self_report','employer','survey')`))
    .addColumn("recorded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("supersedes_id", "integer", (c) => c.references("outcomes.id"))
    // 1 on the latest row per (graduate, checkpoint); the insert trigger below keeps it so.
    .addColumn("current", "integer", (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`current in (0, 1)`),
    )
    .addColumn("employment_kind", "text", (c) => c.check(sql`employment_kind in ('employee','own_business','contract','freelance','paid_internship')`))
    .addColumn("hours_per_week", "integer", (c) => c.check(sql`hours_per_week between 1 and 100`))
    .addColumn("company_id", "integer", (c) => c.references("companies.id"))
    .addColumn("company_htp_resident", "integer", (c) => c.check(sql`company_htp_resident in (0, 1)`))
    .addColumn("employer_name", "text")
    .addColumn("job_title", "text")
    .addColumn("start_date", "text")
    .addColumn("monthly_pay", "integer", (c) => c.check(sql`monthly_pay >= 0`))
    .addColumn("related", "text", (c) => c.check(sql`related in ('yes','no','unknown')`))
    .addColumn("started_before_graduation", "integer", (c) => c.check(sql`started_before_graduation in (0, 1)`))
    .addColumn("job_region_id", "integer", (c) => c.references("regions.id"))
    .addColumn("placement_id", "integer", (c) => c.references("placements.id"))
    .addColumn("not_seeking_reason", "text")
    .addColumn("excluded_reason", "text") // staff-only
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint(
      "outcomes_employed_details",
      sql`code = 'employed' and employment_kind is not null and hours_per_week is not null and (company_id is not null or employer_name is not null)
          or code <> 'employed' and employment_kind is null and company_id is null and employer_name is null and monthly_pay is null`,
    )
    .execute();
  // One current row per graduate and checkpoint, found by one index lookup.
  await sql`create unique index outcomes_current on outcomes (graduate_id, checkpoint) where current = 1`.execute(db);
  // The dashboard reads every current row of a checkpoint.
  await sql`create index outcomes_current_by_checkpoint on outcomes (checkpoint, code) where current = 1`.execute(db);
  await db.schema.createIndex("outcomes_history").on("outcomes").columns(["graduate_id", "checkpoint", "id"]).execute();

  // A new row demotes the previous current one in the same statement (and so the same transaction).
  await sql`create trigger outcomes_demote_previous before insert on outcomes when new.current = 1
    begin update outcomes set current = 0 where graduate_id = new.graduate_id and checkpoint = new.checkpoint and current = 1; end`.execute(db);
  // History is never rewritten: the only change allowed is losing the current flag (and a
  // deleted user's id becoming null). Corrections are new rows.
  await sql`create trigger outcomes_no_update before update on outcomes
    when not (
      new.id is old.id and new.graduate_id is old.graduate_id and new.checkpoint is old.checkpoint and new.code is old.code
      and new.as_of is old.as_of and new.source is old.source and new.supersedes_id is old.supersedes_id
      and new.employment_kind is old.employment_kind and new.hours_per_week is old.hours_per_week and new.company_id is old.company_id
      and new.company_htp_resident is old.company_htp_resident and new.employer_name is old.employer_name and new.job_title is old.job_title
      and new.start_date is old.start_date and new.monthly_pay is old.monthly_pay and new.related is old.related
      and new.started_before_graduation is old.started_before_graduation and new.job_region_id is old.job_region_id
      and new.placement_id is old.placement_id and new.not_seeking_reason is old.not_seeking_reason and new.excluded_reason is old.excluded_reason
      and new.created_at is old.created_at and new.updated_at is old.updated_at
      and (new.current is old.current or (old.current = 1 and new.current = 0))
      and (new.recorded_by is old.recorded_by or new.recorded_by is null)
    )
    begin select raise(abort, 'outcome records are append-only: record a correction instead'); end`.execute(db);
  await sql`create trigger outcomes_no_delete before delete on outcomes begin select raise(abort, 'outcome records are append-only'); end`.execute(db);

  // The follow-up list counts a cohort's graduates who are not anonymised without reading their rows.
  await db.schema.createIndex("graduates_cohort_live").on("graduates").columns(["cohort_id", "anonymised_at"]).execute();

  // One-time survey links: only the SHA-256 of the token is kept, like password resets.
  await db.schema
    .createTable("survey_links")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("graduate_id", "integer", (c) => c.notNull().references("graduates.id").onDelete("cascade"))
    .addColumn("checkpoint", "text", (c) => c.notNull().check(sql`checkpoint in ('graduation','m6','m12','m36')`))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("outcome_id", "integer", (c) => c.references("outcomes.id"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("survey_links_graduate").on("survey_links").columns(["graduate_id", "checkpoint"]).execute();

  // Consent to outcome tracking: each give or withdrawal is a dated row; the latest counts.
  await db.schema
    .createTable("outcome_consents")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("graduate_id", "integer", (c) => c.notNull().references("graduates.id").onDelete("cascade"))
    .addColumn("given", "integer", (c) => c.notNull().check(sql`given in (0, 1)`))
    .addColumn("recorded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("outcome_consents_graduate").on("outcome_consents").columns(["graduate_id", "id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["outcome_consents", "survey_links", "outcomes"]) await db.schema.dropTable(t).ifExists().execute();
  await db.schema.dropIndex("graduates_cohort_live").ifExists().execute();
}
