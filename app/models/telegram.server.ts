// Telegram links and deep-link tokens (docs/decisions/052-telegram-channel.md, migration 0020), and
// the telegram rows of the outbox. Queries only.
import crypto from "node:crypto";
import { sql } from "kysely";
import type { DB } from "@db/connection";
import { OUTBOX } from "~/domain/messages/outbox";
import { TELEGRAM } from "~/domain/messages/telegram";

const hash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/**
 * A new deep-link token for the person: only its hash is kept, and earlier unused tokens of the
 * person stop working (the page shows one link at a time). Returns the token itself, once.
 */
export async function createLinkToken(db: DB, userId: number, now: Date, ttlMs: number = TELEGRAM.linkTokenMs): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("telegram_link_tokens").where("user_id", "=", userId).execute();
    await trx
      .insertInto("telegram_link_tokens")
      .values({ token_hash: hash(token), user_id: userId, expires_at: new Date(now.getTime() + ttlMs).toISOString(), created_at: now.toISOString() })
      .execute();
  });
  return token;
}

/**
 * "/start <token>" from a chat: spends the token (once, if not expired) and links the chat to its
 * person, moving the chat from any other account and clearing a failing mark. One transaction.
 * Returns the linked person's id and language, or null for an unknown, used or expired token.
 */
export async function linkChatByToken(db: DB, token: string, chatId: number, now: Date): Promise<{ userId: number; locale: string | null } | null> {
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const spent = await trx
      .updateTable("telegram_link_tokens")
      .set({ used_at: at })
      .where("token_hash", "=", hash(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", at)
      .returning("user_id")
      .executeTakeFirst();
    if (!spent) return null;
    const user = await trx.selectFrom("users").select(["id", "locale", "active"]).where("id", "=", spent.user_id).executeTakeFirst();
    if (!user || user.active !== 1) return null;
    await trx
      .deleteFrom("telegram_links")
      .where((eb) => eb.or([eb("chat_id", "=", chatId), eb("user_id", "=", user.id)]))
      .execute();
    await trx.insertInto("telegram_links").values({ user_id: user.id, chat_id: chatId, linked_at: at }).execute();
    await trx.deleteFrom("message_channel_failures").where("user_id", "=", user.id).where("channel", "=", "telegram").execute();
    return { userId: user.id, locale: user.locale };
  });
}

/** "/stop" in the chat: unlinks whoever it is linked to. Returns that person's language, or null if the chat was not linked. */
export async function unlinkChat(db: DB, chatId: number): Promise<{ userId: number; locale: string | null } | null> {
  const row = await db
    .selectFrom("telegram_links")
    .innerJoin("users", "users.id", "telegram_links.user_id")
    .select(["users.id", "users.locale"])
    .where("telegram_links.chat_id", "=", chatId)
    .executeTakeFirst();
  if (!row) return null;
  await db.deleteFrom("telegram_links").where("chat_id", "=", chatId).execute();
  return { userId: row.id, locale: row.locale };
}

/** The unlink button on the account page. Also forgets unused tokens and the failing mark. */
export async function unlinkUser(db: DB, userId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom("telegram_links").where("user_id", "=", userId).executeTakeFirst();
    await trx.deleteFrom("telegram_link_tokens").where("user_id", "=", userId).execute();
    await trx.deleteFrom("message_channel_failures").where("user_id", "=", userId).where("channel", "=", "telegram").execute();
    return Number(r.numDeletedRows) > 0;
  });
}

/** What the account page shows: linked or not, and whether the bot was blocked. */
export async function telegramStateOf(db: DB, userId: number): Promise<{ linked: boolean; failing: boolean }> {
  const row = await db
    .selectFrom("users")
    .select((eb) => [
      eb.exists(eb.selectFrom("telegram_links").select("chat_id").where("user_id", "=", userId)).as("linked"),
      eb.exists(eb.selectFrom("message_channel_failures").select("reason").where("user_id", "=", userId).where("channel", "=", "telegram")).as("failing"),
    ])
    .where("id", "=", userId)
    .executeTakeFirst();
  return { linked: Boolean(row?.linked), failing: Boolean(row?.failing) };
}

export async function chatIdOf(db: DB, userId: number): Promise<number | null> {
  const row = await db.selectFrom("telegram_links").select("chat_id").where("user_id", "=", userId).executeTakeFirst();
  return row ? Number(row.chat_id) : null;
}

/**
 * The telegram row of a message, written beside the e-mail row in the event's transaction, only if
 * the person linked a chat (queueMessage in outbox.server.ts). One statement, written as SQL: it runs
 * inside every event that sends a message (the ≤ 1 ms budget of issue 17). A second call writes nothing.
 */
export async function queueTelegramCopy(
  db: DB,
  row: { idem_key: string; kind: string; user_id: number; payload_json: string; link: string | null; created_at?: string },
): Promise<void> {
  const at = row.created_at ?? null;
  await sql`insert into outbox (idem_key, channel, kind, user_id, payload_json, link, created_at, updated_at, next_attempt_at)
    select ${row.idem_key}, 'telegram', ${row.kind}, user_id, ${row.payload_json}, ${row.link},
      coalesce(${at}, strftime('%Y-%m-%dT%H:%M:%fZ','now')), coalesce(${at}, strftime('%Y-%m-%dT%H:%M:%fZ','now')), coalesce(${at}, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
    from telegram_links where user_id = ${row.user_id}
    on conflict (idem_key) do nothing`.execute(db);
}

/** A 429: due again after Telegram's retry_after, not the outbox's backoff; failed after the last try. Only the lease holder settles. */
export async function retryTelegramAfter(
  db: DB,
  m: { id: number; lease: string; attempts: number },
  reason: string,
  now: Date,
  delayMs: number,
): Promise<boolean> {
  const last = m.attempts >= OUTBOX.maxAttempts;
  const r = await db
    .updateTable("outbox")
    .set({
      status: last ? "failed" : "queued",
      lease: null,
      last_error: last ? `${reason} (after ${m.attempts} tries)` : reason,
      next_attempt_at: new Date(now.getTime() + delayMs).toISOString(),
      updated_at: now.toISOString(),
    })
    .where("id", "=", m.id)
    .where("lease", "=", m.lease)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
