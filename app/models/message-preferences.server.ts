// Message preferences (docs/product.md §13, docs/decisions/053-message-preferences-and-digests.md):
// a person's choice per topic and channel, and at once or a daily digest, stored in
// message_preferences (migration 0022). The account page, the one-click unsubscribe and the outbox
// worker read and write these same rows; the rules are in app/domain/messages/kinds.ts. Queries only.
import type { DB } from "@db/connection";
import type { MessageChannel, Role } from "@db/schema";
import {
  type DeliveryMode,
  effectiveChoice,
  type EffectiveChoice,
  type MessageTopic,
  MESSAGE_TOPICS,
  type TopicChoice,
  topicOf,
} from "~/domain/messages/kinds";
import { parsePreferences, type PostedPreferences } from "~/domain/messages/preferences-form";
import { telegramStateOf } from "./telegram.server";

function choiceOf(row: { email: number | null; telegram: number | null; mode: DeliveryMode | null } | undefined): TopicChoice | undefined {
  if (!row) return undefined;
  return {
    ...(row.email === null ? {} : { email: row.email === 1 }),
    ...(row.telegram === null ? {} : { telegram: row.telegram === 1 }),
    ...(row.mode === null ? {} : { mode: row.mode }),
  };
}

/** The stored choice of one topic (undefined: never changed, the defaults apply). */
export async function storedChoice(db: DB, userId: number, topic: MessageTopic): Promise<TopicChoice | undefined> {
  const row = await db
    .selectFrom("message_preferences")
    .select(["email", "telegram", "mode"])
    .where("user_id", "=", userId)
    .where("topic", "=", topic)
    .executeTakeFirst();
  return choiceOf(row);
}

/** Every topic as it applies to the person now (stored choice over the defaults): what the account page shows. */
export async function preferencesOf(db: DB, userId: number): Promise<Record<MessageTopic, EffectiveChoice>> {
  const rows = await db.selectFrom("message_preferences").select(["topic", "email", "telegram", "mode"]).where("user_id", "=", userId).execute();
  const byTopic = new Map(rows.map((r) => [r.topic, r]));
  return Object.fromEntries(MESSAGE_TOPICS.map((t) => [t, effectiveChoice(t, choiceOf(byTopic.get(t)))])) as Record<MessageTopic, EffectiveChoice>;
}

/** Saves the account page's choices for the given topics, whole (one transaction). */
export async function savePreferences(db: DB, userId: number, choices: Partial<Record<MessageTopic, EffectiveChoice>>, now: Date = new Date()): Promise<void> {
  const at = now.toISOString();
  const rows = Object.entries(choices).map(([topic, c]) => ({
    user_id: userId,
    topic,
    email: c.email ? 1 : 0,
    telegram: c.telegram ? 1 : 0,
    mode: c.mode,
    created_at: at,
    updated_at: at,
  }));
  if (rows.length === 0) return;
  await db
    .insertInto("message_preferences")
    .values(rows)
    .onConflict((oc) =>
      oc.columns(["user_id", "topic"]).doUpdateSet((eb) => ({
        email: eb.ref("excluded.email"),
        telegram: eb.ref("excluded.telegram"),
        mode: eb.ref("excluded.mode"),
        updated_at: at,
      })),
    )
    .execute();
}

/**
 * Turns the topic of `kind` off on one channel (the one-click unsubscribe): the same row and column
 * the account page shows. Idempotent; false if the account no longer exists.
 */
export async function turnOffChannel(db: DB, userId: number, kind: string, channel: MessageChannel, now: Date = new Date()): Promise<boolean> {
  const user = await db.selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst();
  if (!user) return false;
  const at = now.toISOString();
  await db
    .insertInto("message_preferences")
    .values({ user_id: userId, topic: topicOf(kind), [channel]: 0, created_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(["user_id", "topic"]).doUpdateSet({ [channel]: 0, updated_at: at }))
    .execute();
  return true;
}

/**
 * At once or daily digest: how the person reads the topic of `kind` (for a topic without the choice,
 * its fixed form). The code that sends an at-once message (saved-search hits, a new application)
 * asks this and queues nothing for a person in digest mode; the digest job lists it instead.
 */
export async function deliveryModeOf(db: DB, userId: number, kind: string): Promise<DeliveryMode> {
  const topic = topicOf(kind);
  return effectiveChoice(topic, await storedChoice(db, userId, topic)).mode;
}

/** The people of the given roles who read `topic` as a daily digest and want it on at least one channel. */
export async function digestReaders(db: DB, topic: MessageTopic, roles: readonly string[]): Promise<number[]> {
  const rows = await db
    .selectFrom("users")
    .leftJoin("message_preferences as p", (j) => j.onRef("p.user_id", "=", "users.id").on("p.topic", "=", topic))
    .select(["users.id", "p.email", "p.telegram", "p.mode"])
    .where("users.active", "=", 1)
    .where("users.role", "in", roles as never)
    .orderBy("users.id")
    .execute();
  return rows
    .filter((r) => {
      const c = effectiveChoice(topic, choiceOf({ email: r.email, telegram: r.telegram, mode: r.mode }));
      return c.mode === "digest" && (c.email || c.telegram);
    })
    .map((r) => r.id);
}

/**
 * The account page's form: checks the posted boxes against the role's topics and saves them whole,
 * or saves nothing. The Telegram boxes count only when the page showed them (a bot configured and a
 * chat linked); otherwise the stored Telegram choices stay.
 */
export async function applyPreferencesForm(
  db: DB,
  user: { id: number; role: Role },
  posted: PostedPreferences,
  telegramConfigured: boolean,
): Promise<{ ok: true } | { ok: false; posted: PostedPreferences }> {
  const current = await preferencesOf(db, user.id);
  const telegramShown = telegramConfigured && (await telegramStateOf(db, user.id)).linked;
  const parsed = parsePreferences(user.role, posted, current, telegramShown);
  if (!parsed.ok) return parsed;
  await savePreferences(db, user.id, parsed.choices);
  return { ok: true };
}
