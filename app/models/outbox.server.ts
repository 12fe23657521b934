// The outbox (docs/product.md §13, docs/decisions/051-outbox.md): messages to people, one row per
// message per channel, written inside the transaction of the event that causes them and delivered
// by the worker (app/domain/messages/worker.server.ts). Queries only.
import crypto from "node:crypto";
import type SQLite from "better-sqlite3";
import { type Selectable, sql } from "kysely";
import type { DB } from "@db/connection";
import type { MessageChannel, MessagePreferencesTable, OutboxStatus, OutboxTable } from "@db/schema";
import { closedReason, effectiveChoice, topicOf, TOPICS } from "~/domain/messages/kinds";
import { OUTBOX, OUTBOX_STATUSES, retryDelayMs } from "~/domain/messages/outbox";
import type { MessageKind } from "~/domain/messages/kinds";
import { recordAudit } from "./audit.server";
import { storedChoice, turnOffChannel } from "./message-preferences.server";
import { queueTelegramCopy } from "./telegram.server";

/** The channels a new message is written for. Telegram joins here when it exists (issue 17). */
export const MESSAGE_CHANNELS: readonly MessageChannel[] = ["email"];

export type QueuedMessage = {
  userId: number;
  /** The kind ("application-status" …): which words, and what an unsubscribe turns off. Typed by the registry, so an unregistered kind does not compile (docs/decisions/053-message-preferences-and-digests.md). */
  kind: MessageKind;
  /** What made the message, unique for the kind and person: an event's id. The same event never makes two rows. */
  eventKey: string | number;
  vars: Record<string, string | number>;
  link: string | null;
  /** When the event happened, if not now (the demo seed replays past events). */
  at?: string;
};

/** "application-status.812.45.email": unique per event, person and channel; also the e-mail's Message-ID. */
export function idemKeyOf(_db: DB, m: Pick<QueuedMessage, "kind" | "eventKey" | "userId">, channel: MessageChannel): string {
  return `${m.kind}.${m.eventKey}.${m.userId}.${channel}`;
}

/**
 * Writes the message for each channel: one insert, called inside the event's transaction so the
 * two commit together. A second call for the same event writes nothing (the unique key).
 */
export async function queueMessage(db: DB, m: QueuedMessage): Promise<void> {
  const payload_json = JSON.stringify(m.vars);
  const at = m.at ? { created_at: m.at, updated_at: m.at, next_attempt_at: m.at } : {};
  await db
    .insertInto("outbox")
    .values(
      MESSAGE_CHANNELS.map((channel) => ({ idem_key: idemKeyOf(db, m, channel), channel, kind: m.kind, user_id: m.userId, payload_json, link: m.link, ...at })),
    )
    .onConflict((oc) => oc.column("idem_key").doNothing())
    .execute();
  // And a telegram row when the person linked a chat (docs/decisions/052-telegram-channel.md).
  await queueTelegramCopy(db, { idem_key: idemKeyOf(db, m, "telegram"), kind: m.kind, user_id: m.userId, payload_json, link: m.link, ...at });
}

/** A row this worker holds: the table's row as claimed, its lease (the claim's token) set. */
export type ClaimedMessage = Pick<
  Selectable<OutboxTable>,
  "id" | "idem_key" | "channel" | "kind" | "user_id" | "payload_json" | "link" | "attempts" | "created_at"
> & { lease: string };

/**
 * Claims up to `limit` due rows for one worker: their due time moves to the end of the lease and
 * they carry the claim's token. A worker that dies holding them leaves them due again when the lease
 * runs out, so nothing is lost; only the holder of the token can settle them.
 */
export async function claimDueMessages(db: DB, now: Date, limit: number = OUTBOX.batch, leaseMs: number = OUTBOX.leaseMs): Promise<ClaimedMessage[]> {
  const at = now.toISOString();
  const lease = crypto.randomBytes(12).toString("base64url");
  const rows = await db
    .updateTable("outbox")
    .set({ lease, next_attempt_at: new Date(now.getTime() + leaseMs).toISOString(), attempts: sql<number>`attempts + 1`, updated_at: at })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("outbox")
        .select("id")
        .where("status", "=", "queued")
        .where("next_attempt_at", "<=", at)
        .orderBy("next_attempt_at")
        .orderBy("id")
        .limit(limit),
    )
    .returning(["id", "idem_key", "channel", "kind", "user_id", "payload_json", "link", "attempts", "created_at"])
    .execute();
  return rows.map((r) => ({ ...r, lease })).sort((a, b) => a.id - b.id);
}

/**
 * Queued rows older than the set age become "expired" instead of being sent. Returns how many. The
 * age counts from when a row first became due: a reminder written days ahead (due_at, migration 0025,
 * docs/decisions/056-interview-messages.md) is not stale when its day comes.
 */
export async function expireStaleMessages(db: DB, now: Date, maxAgeMs: number = OUTBOX.maxAgeMs): Promise<number> {
  const cutoff = new Date(now.getTime() - maxAgeMs).toISOString();
  const r = await db
    .updateTable("outbox")
    .set({ status: "expired", lease: null, last_error: "expired: older than the set age when it could be sent", updated_at: now.toISOString() })
    .where("status", "=", "queued")
    .where((eb) => eb(eb.fn.coalesce("due_at", "created_at"), "<", cutoff))
    .where("next_attempt_at", "<=", now.toISOString())
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Settles a claimed row, if the claim is still this worker's. */
async function settle(
  db: DB,
  m: Pick<ClaimedMessage, "id" | "lease">,
  set: { status: OutboxStatus; last_error?: string | null; next_attempt_at?: string; sent_at?: string },
  now: Date,
) {
  const r = await db
    .updateTable("outbox")
    .set({ ...set, lease: null, updated_at: now.toISOString() })
    .where("id", "=", m.id)
    .where("lease", "=", m.lease)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markSent(db: DB, m: Pick<ClaimedMessage, "id" | "lease">, now: Date): Promise<boolean> {
  return settle(db, m, { status: "sent", last_error: null, sent_at: now.toISOString() }, now);
}

/**
 * markSent for several rows of one claim in one statement (the worker's group commit): how many were
 * still this claim's. Prepared once on the connection and kept, as the worker commits a group several
 * hundred times a second and kysely compiles every query anew (decision 051, "Session 14"); the ids as
 * one JSON parameter, so one SQL text serves every group size. Run it only where the connection is held (inside the worker's commit): it does not
 * go through kysely's queue.
 */
export function sentMarker(sqlite: SQLite.Database): (lease: string, ids: number[], now: Date) => number {
  const statement = sqlite.prepare<{ at: string; lease: string; ids: string }>(
    "update outbox set status = 'sent', last_error = null, sent_at = @at, lease = null, updated_at = @at where lease = @lease and id in (select value from json_each(@ids))",
  );
  return (lease, ids, now) => (ids.length ? statement.run({ at: now.toISOString(), lease, ids: JSON.stringify(ids) }).changes : 0);
}

/** A failed try: due again after the backoff, or failed for good after the last try. */
export async function markAttemptFailed(
  db: DB,
  m: Pick<ClaimedMessage, "id" | "lease" | "attempts">,
  reason: string,
  now: Date,
  maxAttempts: number = OUTBOX.maxAttempts,
): Promise<boolean> {
  if (m.attempts >= maxAttempts) return settle(db, m, { status: "failed", last_error: `${reason} (after ${m.attempts} tries)` }, now);
  return settle(db, m, { status: "queued", last_error: reason, next_attempt_at: new Date(now.getTime() + retryDelayMs(m.attempts)).toISOString() }, now);
}

/** Failed for good at once (a 5xx answer): no more tries. */
export async function markFailed(db: DB, m: Pick<ClaimedMessage, "id" | "lease">, reason: string, now: Date): Promise<boolean> {
  return settle(db, m, { status: "failed", last_error: reason }, now);
}

/** Not sent, and never will be: no channel configured, the person turned the kind off, or the channel is failing for them. */
export async function markNotSent(db: DB, m: Pick<ClaimedMessage, "id" | "lease">, reason: NotSentReason, now: Date): Promise<boolean> {
  return settle(db, m, { status: "not_sent", last_error: reason }, now);
}

export type NotSentReason =
  "no-channel" | "unsubscribed" | "digest-mode" | "channel-failing" | "no-address" | "telegram-unlinked" | "cancelled" | "link-expired" | "undone";

/**
 * Who receives a claimed message: address, language, name, and whether the message is closed for
 * them on this channel — their preference for the kind's topic (the one rule, closedReason in
 * app/domain/messages/kinds.ts) — or the channel is failing.
 */
export async function recipientOf(db: DB, userId: number, kind: string, channel: MessageChannel): Promise<Recipient | null> {
  const row = await db
    .selectFrom("users")
    .leftJoin("message_preferences as p", (j) => j.onRef("p.user_id", "=", "users.id").on("p.topic", "=", topicOf(kind)))
    .select((eb) => [
      "users.email",
      "users.locale",
      "users.display_name",
      "users.active",
      "p.email as pref_email",
      "p.telegram as pref_telegram",
      "p.mode as pref_mode",
      eb.exists(eb.selectFrom("message_channel_failures").select("reason").where("user_id", "=", userId).where("channel", "=", channel)).as("failing"),
    ])
    .where("users.id", "=", userId)
    .executeTakeFirst();
  if (!row) return null;
  return recipientFrom(kind, channel, row, row, Boolean(row.failing));
}

export type Recipient = {
  email: string;
  locale: string | null;
  name: string;
  active: boolean;
  /** Why the person does not receive this message on this channel ("unsubscribed", "digest-mode"), or null. */
  closed: ReturnType<typeof closedReason>;
  optedOut: boolean;
  failing: boolean;
};

type PreferenceRow = { pref_email: number | null; pref_telegram: number | null; pref_mode: MessagePreferencesTable["mode"] | null };

function recipientFrom(
  kind: string,
  channel: MessageChannel,
  user: { email: string; locale: string | null; display_name: string; active: number },
  pref: PreferenceRow | null,
  failing: boolean,
): Recipient {
  const closed = closedReason(kind, channel, {
    ...(pref?.pref_email == null ? {} : { email: pref.pref_email === 1 }),
    ...(pref?.pref_telegram == null ? {} : { telegram: pref.pref_telegram === 1 }),
    ...(pref?.pref_mode == null ? {} : { mode: pref.pref_mode }),
  });
  return { email: user.email, locale: user.locale, name: user.display_name, active: user.active === 1, closed, optedOut: closed !== null, failing };
}

/**
 * recipientOf for every message of a claimed batch in three queries instead of one per message
 * (decision 051, "Session 11"): the people, their stored preferences, and whose channel is failing.
 * Read when the batch is claimed, so a preference changed during the second the batch takes applies
 * from the next batch. `failed(userId)` marks a person's channel failing for the rest of the batch
 * once a message to them bounced.
 */
export async function recipientsOf(db: DB, messages: Pick<ClaimedMessage, "user_id" | "kind">[], channel: MessageChannel) {
  const ids = [...new Set(messages.map((m) => m.user_id))];
  const [users, prefs, failures] = ids.length
    ? await Promise.all([
        db.selectFrom("users").select(["id", "email", "locale", "display_name", "active"]).where("id", "in", ids).execute(),
        db
          .selectFrom("message_preferences")
          .select(["user_id", "topic", "email as pref_email", "telegram as pref_telegram", "mode as pref_mode"])
          .where("user_id", "in", ids)
          .execute(),
        db.selectFrom("message_channel_failures").select("user_id").where("user_id", "in", ids).where("channel", "=", channel).execute(),
      ])
    : [[], [], []];
  const byId = new Map(users.map((u) => [u.id, u]));
  const prefOf = new Map(prefs.map((p) => [`${p.user_id}:${p.topic}`, p]));
  const failing = new Set(failures.map((f) => f.user_id));
  return {
    of(m: Pick<ClaimedMessage, "user_id" | "kind">): Recipient | null {
      const user = byId.get(m.user_id);
      return user ? recipientFrom(m.kind, channel, user, prefOf.get(`${m.user_id}:${topicOf(m.kind)}`) ?? null, failing.has(m.user_id)) : null;
    },
    failed: (userId: number) => void failing.add(userId),
  };
}

/** The address bounced (SMTP 5xx): the channel is failing for the person until it is fixed. */
export async function recordChannelFailure(db: DB, userId: number, channel: MessageChannel, reason: string): Promise<void> {
  await db
    .insertInto("message_channel_failures")
    .values({ user_id: userId, channel, reason: reason.slice(0, 500) })
    .onConflict((oc) => oc.columns(["user_id", "channel"]).doUpdateSet({ reason: reason.slice(0, 500) }))
    .execute();
}

/** Since when e-mail to the person has bounced (an SMTP 5xx), or null: shown on their account page. */
export async function emailFailingSince(db: DB, userId: number): Promise<string | null> {
  const row = await db
    .selectFrom("message_channel_failures")
    .select("created_at")
    .where("user_id", "=", userId)
    .where("channel", "=", "email")
    .executeTakeFirst();
  return row?.created_at ?? null;
}

/**
 * The person says their address works again ("send again" on the account page): e-mail is tried
 * again for new messages. Those that already failed stay failed (an admin may retry them).
 */
export async function clearEmailFailure(db: DB, userId: number): Promise<void> {
  await db.deleteFrom("message_channel_failures").where("user_id", "=", userId).where("channel", "=", "email").execute();
}

/**
 * What an unsubscribe link's person has now: gone (account deleted), whether the kind's topic is
 * already off on the channel, or "required" for a kind that cannot be turned off (a password reset).
 */
export async function unsubscribeState(db: DB, userId: number, kind: string, channel: MessageChannel): Promise<"gone" | "on" | "off" | "required"> {
  const user = await db.selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst();
  if (!user) return "gone";
  const topic = topicOf(kind);
  if (!TOPICS[topic].optional) return "required";
  return effectiveChoice(topic, await storedChoice(db, userId, topic))[channel] ? "on" : "off";
}

/**
 * One-click unsubscribe: turns the kind's topic off on this channel for the person — the same
 * setting the account page shows (message_preferences, decision 053). Idempotent; false if the
 * account no longer exists.
 */
export async function optOut(db: DB, userId: number, kind: string, channel: MessageChannel): Promise<boolean> {
  return turnOffChannel(db, userId, kind, channel);
}

// ---- /admin/outbox ----

export const OUTBOX_PAGE_SIZE = 50;

export type OutboxFilters = { status: OutboxStatus; kind: string | null; channel: MessageChannel | null; email: string | null };

export async function outboxCounts(db: DB): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .selectFrom("outbox")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

export async function listOutbox(db: DB, f: OutboxFilters, page: number) {
  let q = db.selectFrom("outbox").innerJoin("users", "users.id", "outbox.user_id").where("outbox.status", "=", f.status);
  if (f.kind) q = q.where("outbox.kind", "=", f.kind);
  if (f.channel) q = q.where("outbox.channel", "=", f.channel);
  if (f.email) q = q.where("users.email", "=", f.email.toLowerCase());
  const [rows, total] = await Promise.all([
    q
      .select([
        "outbox.id",
        "outbox.channel",
        "outbox.kind",
        "outbox.status",
        "outbox.attempts",
        "outbox.next_attempt_at",
        "outbox.last_error",
        "outbox.sent_at",
        "outbox.created_at",
        "outbox.lease",
        "users.email",
      ])
      .orderBy("outbox.id", "desc")
      .limit(OUTBOX_PAGE_SIZE)
      .offset((page - 1) * OUTBOX_PAGE_SIZE)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map(({ lease, ...r }) => ({ ...r, sending: lease !== null })),
    total: Number(total.n),
    page,
    pages: Math.max(1, Math.ceil(Number(total.n) / OUTBOX_PAGE_SIZE)),
  };
}

export async function outboxKinds(db: DB): Promise<string[]> {
  const rows = await db.selectFrom("outbox").select("kind").distinct().orderBy("kind").execute();
  return rows.map((r) => r.kind);
}

/**
 * An admin sends a failed message again: due now, with fresh tries, and the person's channel no
 * longer counted as failing (the admin decided to try the address again). Audited. Null if the row
 * is not failed (already retried, or never failed).
 */
export async function retryFailedMessage(db: DB, id: number, actorUserId: number, now: Date): Promise<{ kind: string; user_id: number } | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("outbox")
      .set({ status: "queued", attempts: 0, next_attempt_at: now.toISOString(), lease: null, updated_at: now.toISOString() })
      .where("id", "=", id)
      .where("status", "=", "failed")
      .returning(["kind", "user_id", "channel", "last_error"])
      .executeTakeFirst();
    if (!row) return null;
    await trx.deleteFrom("message_channel_failures").where("user_id", "=", row.user_id).where("channel", "=", row.channel).execute();
    await recordAudit(trx, {
      actorId: actorUserId,
      action: "outbox.retry",
      entity: "outbox",
      entityId: id,
      before: { status: "failed", last_error: row.last_error },
      after: { status: "queued" },
    });
    return { kind: row.kind, user_id: row.user_id };
  });
}
