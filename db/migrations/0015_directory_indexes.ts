// The graduate directory's filters, counts and orders at national size (docs/product.md §10,
// docs/decisions/048-directory-and-skill-gap-speed.md). A graduates row is wide (about, headline,
// contacts: 42 MB at 100,000 graduates); the directory reads eight narrow columns of it for every
// hit of a search, so those columns get their own narrow copy, keyed by id: lookups by id and
// whole scans read the 7 MB index instead of the table. A project's owner likewise, for the
// holders of a skill used in portfolio projects (project_skills → projects.graduate_id). The name
// order reads the Kyrgyz-alphabet key of migration 0013 (docs/decisions/046).
// Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index graduates_directory on graduates(id, anonymised_at, visibility, willing_to_relocate, available_from, cohort_id, region_id, published_at, name_sort_key)`.execute(
    db,
  );
  await sql`create index projects_owner on projects(id, graduate_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists projects_owner`.execute(db);
  await sql`drop index if exists graduates_directory`.execute(db);
}
