// Telegram as a message channel (docs/product.md §13, docs/decisions/052-telegram-channel.md): the
// chat a person linked to their account, and the one-time tokens of the deep links that link it.
// Frozen in time: imports nothing from the app.
import { type Kysely, sql } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // One chat per person and one person per chat: linking a chat again moves it to the new account.
  await db.schema
    .createTable("telegram_links")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    // Telegram chat ids have at most 52 significant bits: an SQLite integer holds them exactly.
    .addColumn("chat_id", "integer", (c) => c.notNull().unique())
    .addColumn("linked_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  // The token of a deep link (t.me/<bot>?start=<token>), kept only as its SHA-256: a copy of the
  // database does not let anyone link a chat to someone else's account. Single use, expiring.
  await db.schema
    .createTable("telegram_link_tokens")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await sql`create index telegram_link_tokens_user on telegram_link_tokens(user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("telegram_link_tokens").ifExists().execute();
  await db.schema.dropTable("telegram_links").ifExists().execute();
}
