// In-app notifications (no mail server is assumed). A notification is a message key
// "notify.<kind>" with its variables, translated when shown, and an optional link.
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
  // Someone tried to sign up with this account's address (routes/signup.tsx).
  | "sign-up-existing";

export async function notify(db: DB, userId: number, kind: NotificationKind, vars: Record<string, string | number>, link: string | null = null): Promise<void> {
  await db
    .insertInto("notifications")
    .values({ user_id: userId, kind, payload_json: JSON.stringify(vars), link })
    .execute();
}

/** Notifies every member of a company (employers act as a team). */
export async function notifyCompany(
  db: DB,
  companyId: number,
  kind: NotificationKind,
  vars: Record<string, string | number>,
  link: string | null = null,
): Promise<void> {
  const members = await db.selectFrom("company_members").select("user_id").where("company_id", "=", companyId).execute();
  for (const m of members) await notify(db, m.user_id, kind, vars, link);
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
