// Staff-issued one-time links to set a new password (no mail server is assumed).
import type { DB } from "@db/connection";
import { randomToken, sha256 } from "~/auth/tokens.server";
import { recordAudit } from "./audit.server";
import { setPassword } from "./users.server";

export const RESET_HOURS = 24;

export async function createPasswordReset(db: DB, userId: number, actorId: number): Promise<{ token: string; expiresAt: string }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + RESET_HOURS * 3_600_000).toISOString();
  await db.transaction().execute(async (trx) => {
    // A new link replaces any earlier unused one.
    await trx.updateTable("password_resets").set({ used_at: new Date().toISOString() }).where("user_id", "=", userId).where("used_at", "is", null).execute();
    await trx
      .insertInto("password_resets")
      .values({ token_hash: sha256(token), user_id: userId, created_by: actorId, expires_at: expiresAt })
      .execute();
    await recordAudit(trx, { actorId, action: "password-reset.create", entity: "user", entityId: userId });
  });
  return { token, expiresAt };
}

export async function findUsableReset(db: DB, token: string) {
  const row = await db
    .selectFrom("password_resets")
    .innerJoin("users", "users.id", "password_resets.user_id")
    .select(["password_resets.id", "password_resets.user_id", "password_resets.expires_at", "password_resets.used_at", "users.email"])
    .where("password_resets.token_hash", "=", sha256(token))
    .executeTakeFirst();
  if (!row || row.used_at || row.expires_at <= new Date().toISOString()) return null;
  return row;
}

/** Uses the link once: marks it used (guarded against a second, concurrent use) and sets the password. */
export async function redeemPasswordReset(db: DB, token: string, password: string): Promise<boolean> {
  const reset = await findUsableReset(db, token);
  if (!reset) return false;
  const claimed = await db
    .updateTable("password_resets")
    .set({ used_at: new Date().toISOString() })
    .where("id", "=", reset.id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return false;
  await setPassword(db, reset.user_id, password);
  return true;
}
