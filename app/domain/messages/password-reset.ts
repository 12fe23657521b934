// Self-service password reset by e-mail (docs/product.md §13, docs/decisions/054-self-service-password-reset.md):
// the message kind and its rules. Pure constants and functions.

/** The outbox kind: e-mail only, to any role; it cannot be turned off and is never a digest. */
export const PASSWORD_RESET_KIND = "password-reset";

/** An e-mailed link works once, within this many minutes of the request (a staff-issued link: 24 hours). */
export const SELF_RESET_MINUTES = 30;

/**
 * A request while the account's last e-mailed link still waits to be sent, or was sent less than this
 * many minutes ago (and is unused and unexpired), sends nothing new: asking again and again must not
 * fill someone's mailbox (docs/decisions/062-mail-limits-digests-and-batches.md).
 */
export const RESET_RESEND_MINUTES = 5;

/**
 * Every answer of the request form takes at least this long, whether the address has an account,
 * has none, or was throttled: the work of an existing account (one small transaction) hides inside it.
 */
export const REQUEST_ANSWER_FLOOR_MS = 400;

/** The path of the reset page for a token: the e-mail's link, made only when the e-mail is sent. */
export const resetPath = (token: string) => `/reset/${token}`;

export function selfResetExpiry(now: Date): string {
  return new Date(now.getTime() + SELF_RESET_MINUTES * 60_000).toISOString();
}
