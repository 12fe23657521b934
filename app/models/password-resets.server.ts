// One-time links to set a new password: issued by staff and handed over (24 h, for people without
// e-mail), or asked for by the person and sent by e-mail (30 min, docs/decisions/054-self-service-password-reset.md).
// Only a token's SHA-256 is stored.
import type { DB } from "@db/connection";
import { randomToken, sha256 } from "~/auth/tokens.server";
import { PASSWORD_RESET_KIND, resetPath, selfResetExpiry } from "~/domain/messages/password-reset";
import { recordAudit } from "./audit.server";
import { idemKeyOf } from "./outbox.server";
import { hashPassword } from "~/auth/password.server";
import { endAllSessions } from "~/auth/session.server";
import { findUserByEmail } from "./users.server";

export const RESET_HOURS = 24;

export async function createPasswordReset(db: DB, userId: number, actorId: number): Promise<{ token: string; expiresAt: string }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + RESET_HOURS * 3_600_000).toISOString();
  await db.transaction().execute(async (trx) => {
    // A new link replaces any earlier unused one (an e-mailed one too).
    await trx.updateTable("password_resets").set({ used_at: new Date().toISOString() }).where("user_id", "=", userId).where("used_at", "is", null).execute();
    await trx
      .insertInto("password_resets")
      .values({ token_hash: sha256(token), user_id: userId, created_by: actorId, expires_at: expiresAt, kind: "staff" })
      .execute();
    await recordAudit(trx, { actorId, action: "password-reset.create", entity: "user", entityId: userId });
  });
  return { token, expiresAt };
}

/**
 * Someone asked for a link for `email` (the request form, not signed in). For an active account,
 * in one transaction: the link's row (30 minutes; it replaces an earlier unused e-mailed link, never
 * one staff handed over), its e-mail in the outbox (e-mail only) and the audit entry. For no such
 * account, only the audit entry. The token itself is made when the e-mail is sent
 * (`issueEmailedResetLink`), so no readable link is ever stored.
 */
export async function requestSelfReset(db: DB, email: string, now: Date = new Date()): Promise<void> {
  const user = await findUserByEmail(db, email);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    if (!user || !user.active) {
      await recordAudit(trx, { actorId: null, action: "password-reset.request", entity: "user", entityId: user?.id ?? null, after: { sent: false } });
      return;
    }
    await trx
      .updateTable("password_resets")
      .set({ used_at: at, updated_at: at })
      .where("user_id", "=", user.id)
      .where("kind", "=", "self")
      .where("used_at", "is", null)
      .execute();
    // A placeholder hash nobody holds the token of: the link is unusable until its e-mail is sent.
    const reset = await trx
      .insertInto("password_resets")
      .values({
        token_hash: sha256(randomToken()),
        user_id: user.id,
        created_by: user.id,
        expires_at: selfResetExpiry(now),
        kind: "self",
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("outbox")
      .values({
        idem_key: idemKeyOf(trx, { kind: PASSWORD_RESET_KIND, eventKey: reset.id, userId: user.id }, "email"),
        channel: "email",
        kind: PASSWORD_RESET_KIND,
        user_id: user.id,
        payload_json: JSON.stringify({ reset: reset.id }),
        link: null,
        created_at: at,
        updated_at: at,
        next_attempt_at: at,
      })
      .execute();
    await recordAudit(trx, { actorId: null, action: "password-reset.request", entity: "user", entityId: user.id, after: { sent: true } });
  });
}

/** A throttled request: nothing is sent; the audit log keeps it (with the account, when there is one). */
export async function recordThrottledReset(db: DB, email: string, retryAfterMinutes: number): Promise<void> {
  const user = await findUserByEmail(db, email);
  await recordAudit(db, { actorId: null, action: "password-reset.throttled", entity: "user", entityId: user?.id ?? null, after: { retryAfterMinutes } });
}

/**
 * The outbox worker sends an e-mailed link: a fresh token replaces the row's hash, if the link is
 * still unused and unexpired, and its path goes into the e-mail only. Null: too late, used or
 * replaced, nothing to send. A retried delivery makes a new token, so only the latest e-mail works.
 */
export async function issueEmailedResetLink(db: DB, resetId: number, userId: number, now: Date): Promise<string | null> {
  const token = randomToken();
  const r = await db
    .updateTable("password_resets")
    .set({ token_hash: sha256(token), updated_at: now.toISOString() })
    .where("id", "=", resetId)
    .where("user_id", "=", userId)
    .where("kind", "=", "self")
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1 ? resetPath(token) : null;
}

export async function findUsableReset(db: DB, token: string) {
  const row = await db
    .selectFrom("password_resets")
    .innerJoin("users", "users.id", "password_resets.user_id")
    .select(["password_resets.id", "password_resets.user_id", "password_resets.expires_at", "password_resets.used_at", "users.email"])
    .where("password_resets.token_hash", "=", sha256(token))
    // A link made before the account was deactivated opens nothing.
    .where("users.active", "=", 1)
    .executeTakeFirst();
  if (!row || row.used_at || row.expires_at <= new Date().toISOString()) return null;
  return row;
}

/**
 * Uses the link once: marks it used (guarded against a second, concurrent use), and every other
 * unused link of the account with it, then sets the password, which signs out every session of the
 * account (`setPassword`). The same rule for staff-issued and e-mailed links.
 */
export async function redeemPasswordReset(db: DB, token: string, password: string): Promise<boolean> {
  const reset = await findUsableReset(db, token);
  if (!reset) return false;
  // Hashed before the transaction (it is slow); the link is used and the password set in one
  // transaction, so a failure leaves neither a spent link nor an unchanged password.
  const password_hash = await hashPassword(password);
  const at = new Date().toISOString();
  const claimed = await db.transaction().execute(async (trx) => {
    const r = await trx.updateTable("password_resets").set({ used_at: at }).where("id", "=", reset.id).where("used_at", "is", null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await trx.updateTable("password_resets").set({ used_at: at }).where("user_id", "=", reset.user_id).where("used_at", "is", null).execute();
    await trx.updateTable("users").set({ password_hash, updated_at: at }).where("id", "=", reset.user_id).execute();
    await recordAudit(trx, { actorId: reset.user_id, action: "password-reset.use", entity: "user", entityId: reset.user_id });
    return true;
  });
  if (!claimed) return false;
  // A new password signs out every session of the account, as setPassword does.
  await endAllSessions(reset.user_id);
  return true;
}
