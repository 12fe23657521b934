// Graduate profiles, languages, skill claims, module progress, portfolio projects and
// images, and the full-text index of the directory. Frozen in time: no app imports.
import { type Kysely, sql } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const graduateColumns: [string, string, string?][] = [
    ["slug", "text"],
    ["email", "text"], // from enrolment (CSV), used by staff to reach the graduate
    ["phone", "text"],
    ["photo", "text"],
    ["headline", "text"],
    ["about", "text"],
    ["region_id", "integer references regions(id) on delete set null"],
    ["city", "text"],
    ["willing_to_relocate", "integer not null default 0"],
    ["remote_preference", "text check (remote_preference in ('onsite','hybrid','remote','any'))"],
    ["available_from", "text"],
    ["english_level", "text check (english_level in ('A1','A2','B1','B2','C1','C2','native'))"],
    ["certificate_number", "text"],
    ["certificate_date", "text"],
    ["certificate_verified_by", "integer references users(id) on delete set null"],
    ["certificate_verified_at", "text"],
    ["contact_email", "text"],
    ["contact_phone", "text"],
    ["contact_telegram", "text"],
    ["visibility", "text not null default 'private' check (visibility in ('private','employers','public'))"],
    ["published_at", "text"],
    ["anonymised_at", "text"],
  ];
  for (const [name, type] of graduateColumns) {
    await sql.raw(`alter table graduates add column ${name} ${type}`).execute(db);
  }
  await sql`create unique index graduates_slug on graduates(slug) where slug is not null`.execute(db);
  await sql`create index graduates_visibility on graduates(visibility, published_at)`.execute(db);

  await db.schema
    .createTable("graduate_languages")
    .addColumn("graduate_id", "integer", (c) => c.notNull().references("graduates.id").onDelete("cascade"))
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('A1','A2','B1','B2','C1','C2','native')`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("graduate_languages_pk", ["graduate_id", "language"])
    .execute();

  // One claim per graduate and skill, with its strongest evidence.
  await db.schema
    .createTable("graduate_skills")
    .addColumn("graduate_id", "integer", (c) => c.notNull().references("graduates.id").onDelete("cascade"))
    .addColumn("skill_id", "integer", (c) => c.notNull().references("skills.id").onDelete("cascade"))
    .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('basic','intermediate','advanced')`))
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('self','portfolio','module','staff')`))
    .addColumn("verified_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("graduate_skills_pk", ["graduate_id", "skill_id"])
    .execute();
  await db.schema.createIndex("graduate_skills_skill").on("graduate_skills").columns(["skill_id", "graduate_id"]).execute();

  await db.schema
    .createTable("graduate_modules")
    .addColumn("graduate_id", "integer", (c) => c.notNull().references("graduates.id").onDelete("cascade"))
    .addColumn("module_id", "integer", (c) => c.notNull().references("modules.id").onDelete("cascade"))
    .addColumn("completed_on", "text", (c) => c.notNull())
    .addColumn("score", "integer", (c) => c.check(sql`score between 0 and 100`))
    .addColumn("verified_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("verified_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("graduate_modules_pk", ["graduate_id", "module_id"])
    .execute();

  await db.schema
    .createTable("projects")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("graduate_id", "integer", (c) => c.notNull().references("graduates.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text")
    .addColumn("description", "text")
    .addColumn("role", "text")
    .addColumn("repo_url", "text")
    .addColumn("demo_url", "text")
    .addColumn("started_on", "text")
    .addColumn("finished_on", "text")
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("projects_graduate").on("projects").columns(["graduate_id", "position"]).execute();

  await db.schema
    .createTable("project_skills")
    .addColumn("project_id", "integer", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("skill_id", "integer", (c) => c.notNull().references("skills.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("project_skills_pk", ["project_id", "skill_id"])
    .execute();

  await db.schema
    .createTable("project_images")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("project_id", "integer", (c) => c.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull().unique())
    .addColumn("alt", "text", (c) => c.notNull())
    .addColumn("width", "integer", (c) => c.notNull())
    .addColumn("height", "integer", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  // Directory search: one row per graduate (rowid = graduate id), rebuilt by the app when the
  // profile changes. Contentless: only the index is stored (the text lives in its own tables).
  await sql`create virtual table graduates_fts using fts5(name, headline, about, projects, skills, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')`.execute(
    db,
  );

  await db.schema
    .createTable("csv_imports")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id").onDelete("restrict"))
    .addColumn("cohort_id", "integer", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("checked")
        .check(sql`status in ('checked','imported')`),
    )
    .addColumn("rows_total", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("rows_accepted", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "csv_imports",
    "graduates_fts",
    "project_images",
    "project_skills",
    "projects",
    "graduate_modules",
    "graduate_skills",
    "graduate_languages",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
