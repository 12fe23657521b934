// Self-service password resets (docs/product.md §13, docs/decisions/054-self-service-password-reset.md):
// a reset link is either issued by staff (24 hours, handed over by them) or asked for by the person
// and sent by e-mail (30 minutes). The kind keeps the two apart, so asking for an e-mailed link never
// cancels a link staff handed over. Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("password_resets")
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .defaultTo("staff")
        .check(sql`kind in ('staff','self')`),
    )
    .execute();
  await sql`create index password_resets_user on password_resets(user_id, kind)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists password_resets_user`.execute(db);
  await db.schema.alterTable("password_resets").dropColumn("kind").execute();
}
