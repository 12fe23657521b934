// Companies (profile, logo, invitations of colleagues), vacancies with moderation, the job
// board's full-text index, saved searches, applications with their pipeline, placements
// (the hires the outcome tracker reads) and in-app notifications. Frozen in time.
import { type Kysely, sql } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, type] of [
    ["logo", "text"],
    ["reject_reason", "text"],
    ["verified_by", "integer references users(id) on delete set null"],
    ["verified_at", "text"],
  ] as const) {
    await sql.raw(`alter table companies add column ${name} ${type}`).execute(db);
  }

  // A member invites a colleague: a one-time code that makes the new account a member.
  await db.schema
    .createTable("company_invites")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("company_id", "integer", (c) => c.notNull().references("companies.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("email", "text")
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("vacancies")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("company_id", "integer", (c) => c.notNull().references("companies.id").onDelete("cascade"))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull()) // sanitised HTML
    .addColumn("employment_type", "text", (c) => c.notNull().check(sql`employment_type in ('full_time','part_time','internship','apprenticeship','contract')`))
    .addColumn("work_mode", "text", (c) => c.notNull().check(sql`work_mode in ('onsite','hybrid','remote')`))
    .addColumn("city", "text")
    .addColumn("region_id", "integer", (c) => c.references("regions.id").onDelete("set null"))
    .addColumn("salary_min", "integer", (c) => c.check(sql`salary_min >= 0`))
    .addColumn("salary_max", "integer", (c) => c.check(sql`salary_max >= 0`))
    .addColumn("salary_hidden", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("openings", "integer", (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`openings between 1 and 1000`),
    )
    .addColumn("deadline", "text")
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft','submitted','open','rejected','closed','filled')`),
    )
    .addColumn("reject_reason", "text")
    .addColumn("published_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("vacancies_salary_range", sql`salary_min is null or salary_max is null or salary_min <= salary_max`)
    .execute();
  await db.schema.createIndex("vacancies_board").on("vacancies").columns(["status", "published_at"]).execute();
  await db.schema.createIndex("vacancies_company").on("vacancies").columns(["company_id", "status"]).execute();
  await db.schema.createIndex("vacancies_deadline").on("vacancies").columns(["status", "deadline"]).execute();

  await db.schema
    .createTable("vacancy_skills")
    .addColumn("vacancy_id", "integer", (c) => c.notNull().references("vacancies.id").onDelete("cascade"))
    .addColumn("skill_id", "integer", (c) => c.notNull().references("skills.id").onDelete("cascade"))
    .addColumn("required", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("min_level", "text", (c) =>
      c
        .notNull()
        .defaultTo("basic")
        .check(sql`min_level in ('basic','intermediate','advanced')`),
    )
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("vacancy_skills_pk", ["vacancy_id", "skill_id"])
    .execute();
  await db.schema.createIndex("vacancy_skills_skill").on("vacancy_skills").columns(["skill_id", "vacancy_id"]).execute();

  await db.schema
    .createTable("vacancy_languages")
    .addColumn("vacancy_id", "integer", (c) => c.notNull().references("vacancies.id").onDelete("cascade"))
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("min_level", "text", (c) => c.notNull().check(sql`min_level in ('A1','A2','B1','B2','C1','C2','native')`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("vacancy_languages_pk", ["vacancy_id", "language"])
    .execute();

  // Job-board search: one row per vacancy (rowid = vacancy id), contentless like the directory's.
  await sql`create virtual table vacancies_fts using fts5(title, description, company, skills, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')`.execute(
    db,
  );

  await db.schema
    .createTable("saved_searches")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("query", "text", (c) => c.notNull()) // the board's query string
    .addColumn("feed_token", "text", (c) => c.notNull().unique())
    .addColumn("last_checked_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("applications")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("vacancy_id", "integer", (c) => c.notNull().references("vacancies.id").onDelete("cascade"))
    .addColumn("graduate_id", "integer", (c) => c.notNull().references("graduates.id").onDelete("cascade"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("applied")
        .check(sql`status in ('invited','applied','screening','interview','offer','hired','rejected','withdrawn')`),
    )
    .addColumn("note", "text")
    .addColumn("snapshot_json", "text") // what was sent: profile and chosen projects at the time of applying
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("applications_once", ["vacancy_id", "graduate_id"])
    .execute();
  await db.schema.createIndex("applications_graduate").on("applications").columns(["graduate_id", "status"]).execute();
  await db.schema.createIndex("applications_vacancy").on("applications").columns(["vacancy_id", "status"]).execute();

  await db.schema
    .createTable("application_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("application_id", "integer", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("note", "text")
    .addColumn("interview_at", "text")
    .addColumn("interview_place", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("application_events_application").on("application_events").column("application_id").execute();

  // A hire, recorded when an application reaches "hired"; the outcome tracker reads it.
  await db.schema
    .createTable("placements")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("application_id", "integer", (c) => c.notNull().unique().references("applications.id").onDelete("cascade"))
    .addColumn("graduate_id", "integer", (c) => c.notNull().references("graduates.id").onDelete("cascade"))
    .addColumn("company_id", "integer", (c) => c.notNull().references("companies.id").onDelete("cascade"))
    .addColumn("vacancy_id", "integer", (c) => c.notNull().references("vacancies.id").onDelete("cascade"))
    .addColumn("job_title", "text", (c) => c.notNull())
    .addColumn("employment_type", "text", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("monthly_pay", "integer")
    .addColumn("company_htp_resident", "integer", (c) => c.notNull()) // as on the hire date
    .addColumn("recorded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("payload_json", "text", (c) => c.notNull())
    .addColumn("link", "text")
    .addColumn("read_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("notifications_user").on("notifications").columns(["user_id", "read_at", "created_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "notifications",
    "placements",
    "application_events",
    "applications",
    "saved_searches",
    "vacancies_fts",
    "vacancy_languages",
    "vacancy_skills",
    "vacancies",
    "company_invites",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
