// One way to tell a person something (docs/product.md §13, docs/decisions/057-one-way-to-tell.md):
// the in-portal notification and the outbox rows (e-mail, Telegram) are written together, inside the
// transaction of the event that causes them. `tell` takes a Transaction, not the database, so a call
// outside an event's transaction does not type-check. Queries only.
import type { Transaction } from "kysely";
import type { DB } from "@db/connection";
import type { Database } from "@db/schema";
import { type NotificationKind, notify } from "./notifications.server";
import { queueMessage } from "./outbox.server";
import { deliveryModeOf } from "./message-preferences.server";

/** A write inside an event's transaction. */
export type EventTx = Transaction<Database>;

export type Told = {
  userId: number;
  kind: NotificationKind;
  /**
   * What made the message, unique for the kind and person (an event row's id, a request's id, a
   * search and its run): the outbox's idempotency key, so a replayed event never sends twice.
   * Null when the message is its own event (nothing else is written): the notification's id is used.
   */
  eventKey: string | number | null;
  vars: Record<string, string | number>;
  link: string | null;
};

/**
 * Writes the in-portal notification and the outbox rows for one person, in the caller's transaction.
 * `outbox: false` when the event sends a richer message of its own kind instead (a move to
 * "interview" sends the interview's details with its .ics: docs/decisions/056-interview-messages.md).
 */
export async function tell(trx: Transaction<Database>, m: Told, options: { outbox?: boolean } = {}): Promise<void> {
  const notificationId = await notify(trx, m.userId, m.kind, m.vars, m.link);
  if (options.outbox === false) return;
  // A person who reads this topic as a daily digest gets it there, not at once (decision 053): the
  // notification is flagged, and the next digest lists it whatever their mode is by then (decision 062).
  if ((await deliveryModeOf(trx, m.userId, m.kind)) === "digest") {
    await trx.updateTable("notifications").set({ via_digest: 1 }).where("id", "=", notificationId).execute();
    return;
  }
  await queueMessage(trx, { userId: m.userId, kind: m.kind, eventKey: m.eventKey ?? `n${notificationId}`, vars: m.vars, link: m.link });
}

/**
 * Tells every member of the company the event concerns (employers act as a team), and no one else:
 * one notification and one set of outbox rows per member, in the caller's transaction.
 */
export async function tellCompany(trx: Transaction<Database>, companyId: number, m: Omit<Told, "userId">): Promise<number> {
  const members = await trx.selectFrom("company_members").select("user_id").where("company_id", "=", companyId).orderBy("user_id").execute();
  for (const member of members) await tell(trx, { ...m, userId: member.user_id });
  return members.length;
}

/** A message that is its own event (nothing else is written, e.g. a sign-up attempt with a taken address): its own transaction. */
export async function tellAlone(db: DB, m: Told): Promise<void> {
  await db.transaction().execute((trx) => tell(trx, m));
}

/** Runs `fn` in the caller's transaction, or in a new one when called with the database itself. */
export async function inTransaction<R>(db: DB, fn: (trx: EventTx) => Promise<R>): Promise<R> {
  return db.isTransaction ? fn(db as EventTx) : db.transaction().execute(fn);
}

/**
 * The person's messages for their data download (docs/decisions/057-one-way-to-tell.md): each outbox
 * row's kind, channel, state and dates — not its variables, which name other people (an applicant, a
 * staff member's wording) — whether Telegram is linked and since when (not the chat's number: it
 * is only the bot's address for them, and a download travels), their message choices per topic (what they changed from the defaults), and the
 * channels marked failing.
 */
export async function exportMessagesOf(db: DB, userId: number) {
  const [sent, telegram, choices, failing] = await Promise.all([
    db.selectFrom("outbox").select(["kind", "channel", "status", "created_at", "sent_at", "updated_at"]).where("user_id", "=", userId).orderBy("id").execute(),
    db.selectFrom("telegram_links").select("linked_at").where("user_id", "=", userId).executeTakeFirst(),
    db.selectFrom("message_preferences").select(["topic", "email", "telegram", "mode", "updated_at"]).where("user_id", "=", userId).orderBy("topic").execute(),
    db.selectFrom("message_channel_failures").select(["channel", "created_at"]).where("user_id", "=", userId).execute(),
  ]);
  return {
    outbox: sent,
    telegram: { linked: telegram !== undefined, linkedSince: telegram?.linked_at ?? null },
    choices,
    failingChannels: failing,
  };
}
