// In-app notifications. A notification is a message key "notify.<kind>" with its variables,
// translated when shown, and an optional link. Events write them only through
// app/models/messages.server.ts#tell, which writes the outbox rows with them (docs/decisions/057-one-way-to-tell.md).
import type { DB } from "@db/connection";

export type NotificationKind =
  | "application-received"
  | "application-status"
  | "application-invited"
  | "application-withdrawn"
  | "vacancy-approved"
  | "vacancy-rejected"
  | "company-verified"
  | "company-rejected"
  | "saved-search-hits"
  | "company-identity-approved"
  | "company-identity-rejected"
  // The graduate answered an employer's invitation to apply: applied, or declined (docs/decisions/057-one-way-to-tell.md).
  | "invitation-accepted"
  | "invitation-declined"
  // Someone tried to sign up with this account's address (routes/signup.tsx).
  | "sign-up-existing"
  // A message in an application's conversation, to the other side (docs/decisions/060-notes-and-conversations.md).
  | "conversation-message"
  // Interview slots and offers (docs/decisions/061-interview-slots-and-offers.md).
  | "interview-proposed"
  | "interview-rescheduled"
  | "interview-confirmed"
  | "interview-slot-picked"
  | "interview-another-time"
  | "interview-cancelled"
  | "offer-made"
  | "offer-withdrawn"
  | "offer-accepted"
  | "offer-declined"
  // A bulk rejection with the company's reason, and an undone decision's correction (docs/decisions/059-bulk-decisions-and-undo.md).
  | "application-rejected"
  | "application-correction";

/** The notification row alone; call it through messages.server.ts#tell. Returns its id. */
export async function notify(
  db: DB,
  userId: number,
  kind: NotificationKind,
  vars: Record<string, string | number>,
  link: string | null = null,
): Promise<number> {
  const { id } = await db
    .insertInto("notifications")
    .values({ user_id: userId, kind, payload_json: JSON.stringify(vars), link })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function unreadCount(db: DB, userId: number): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listNotifications(db: DB, userId: number, limit = 50) {
  const rows = await db
    .selectFrom("notifications")
    .select(["id", "kind", "payload_json", "link", "read_at", "created_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(({ payload_json, ...r }) => ({ ...r, vars: JSON.parse(payload_json) as Record<string, string | number> }));
}

export async function markAllRead(db: DB, userId: number): Promise<void> {
  await db.updateTable("notifications").set({ read_at: new Date().toISOString() }).where("user_id", "=", userId).where("read_at", "is", null).execute();
}
