// Evidence belongs to a (skill, level) pair (docs/product.md §5 since the first release,
// docs/decisions/022-evidence-per-level.md). A claim row keeps the level the graduate declares
// (`level`, self-declared) and, beside it, the level a verification proved (`verified_level`):
// a module proves basic, staff prove the level they checked. Before, verifying a module turned a
// self-declared "intermediate" into "intermediate, module"; those rows get back what was proven.
// Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table graduate_skills add column verified_level text check (verified_level in ('basic','intermediate','advanced'))`.execute(db);
  // Staff verified the level the row had; a module only ever proved basic.
  await sql`update graduate_skills set verified_level = level where source = 'staff'`.execute(db);
  await sql`update graduate_skills set verified_level = 'basic' where source = 'module'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table graduate_skills drop column verified_level`.execute(db);
}
