// One-time links to set a new password: issued by staff and handed over (24 h, for people without
// e-mail), or asked for by the person and sent by e-mail (30 min, docs/decisions/054-self-service-password-reset.md).
// Only a token's SHA-256 is stored.
import type { DB } from "@db/connection";
import { randomToken, sha256 } from "~/auth/tokens.server";
import { sql } from "kysely";
import { PASSWORD_RESET_KIND, RESET_RESEND_MINUTES, resetPath, selfResetExpiry } from "~/domain/messages/password-reset";
import { recordAudit } from "./audit.server";
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
 *
 * Coalesced: while the account's last e-mailed link is unused and unexpired and its e-mail waits to
 * be sent or went less than RESET_RESEND_MINUTES ago, nothing new is written (no second e-mail).
 * Every request runs the same statements, whether the address has an active account, has none or
 * is coalesced: each write is an INSERT … SELECT or UPDATE whose WHERE finds the account or
 * nothing, so the answer's time does not depend on the address
 * (docs/decisions/062-mail-limits-digests-and-batches.md; tests/integration/mail-limits.test.ts counts them).
 */
export async function requestSelfReset(db: DB, email: string, now: Date = new Date()): Promise<void> {
  const user = await findUserByEmail(db, email);
  // 0 matches no account: the statements below stay the same and find nothing.
  const accountId = user && user.active ? user.id : 0;
  const at = now.toISOString();
  const resendAfter = new Date(now.getTime() - RESET_RESEND_MINUTES * 60_000).toISOString();
  // A placeholder hash nobody holds the token of: the link is unusable until its e-mail is sent.
  const placeholder = sha256(randomToken());
  // An e-mailed link of the account that still waits, or was just sent: then this request adds nothing.
  const waiting = sql<boolean>`exists (select 1 from password_resets w join outbox o
    on o.idem_key = ${`${PASSWORD_RESET_KIND}.`} || w.id || '.' || w.user_id || '.email'
    where w.user_id = ${accountId} and w.kind = 'self' and w.used_at is null and w.expires_at > ${at}
    and (o.status = 'queued' or (o.status = 'sent' and o.sent_at > ${resendAfter})))`;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("password_resets")
      .set({ used_at: at, updated_at: at })
      .where("user_id", "=", accountId)
      .where("kind", "=", "self")
      .where("used_at", "is", null)
      .where(sql<boolean>`not ${waiting}`)
      .execute();
    const made = await trx
      .insertInto("password_resets")
      .columns(["token_hash", "user_id", "created_by", "expires_at", "kind", "created_at", "updated_at"])
      .expression((eb) =>
        eb
          .selectFrom("users")
          .select((s) => [
            s.val(placeholder).as("token_hash"),
            "id as user_id",
            "id as created_by",
            s.val(selfResetExpiry(now)).as("expires_at"),
            s.val("self").as("kind"),
            s.val(at).as("created_at"),
            s.val(at).as("updated_at"),
          ])
          .where("id", "=", accountId)
          .where("active", "=", 1)
          .where(sql<boolean>`not ${waiting}`),
      )
      .returning("id")
      .execute();
    // The e-mail names only the link's row ({"reset": id}); the key is idemKeyOf's for (kind, row id, user).
    await trx
      .insertInto("outbox")
      .columns(["idem_key", "channel", "kind", "user_id", "payload_json", "link", "created_at", "updated_at", "next_attempt_at"])
      .expression((eb) =>
        eb
          .selectFrom("password_resets as r")
          .select((s) => [
            sql<string>`${`${PASSWORD_RESET_KIND}.`} || r.id || '.' || r.user_id || '.email'`.as("idem_key"),
            s.val("email").as("channel"),
            s.val(PASSWORD_RESET_KIND).as("kind"),
            "r.user_id",
            sql<string>`json_object('reset', r.id)`.as("payload_json"),
            sql<null>`null`.as("link"),
            s.val(at).as("created_at"),
            s.val(at).as("updated_at"),
            s.val(at).as("next_attempt_at"),
          ])
          .where("r.token_hash", "=", placeholder),
      )
      .execute();
    const sent = made.length === 1;
    await recordAudit(trx, {
      actorId: null,
      action: "password-reset.request",
      entity: "user",
      entityId: user?.id ?? null,
      after: { sent, ...(accountId !== 0 && !sent ? { coalesced: true } : {}) },
    });
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
