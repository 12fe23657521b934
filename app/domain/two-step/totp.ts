// Time-based one-time codes (RFC 6238) for two-step sign-in (docs/decisions/066-two-step-sign-in.md):
// SHA-1, 6 digits, 30-second steps — what every authenticator app reads from the QR code.
import { Secret, TOTP } from "otpauth";

export const TOTP_ISSUER = "IT Cluster Careers";
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** Codes of one step before or after the current one are accepted: phone clocks drift. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

/** A new random secret (160 bits, as RFC 4226 recommends), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(base32: string, label = ""): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label, algorithm: "SHA1", digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(base32) });
}

/** The otpauth:// address the QR code holds; the label is the account's e-mail. */
export function totpUri(base32: string, account: string): string {
  return totpOf(base32, account).toString();
}

/** The time step (counter) of a moment. */
export function stepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of a step (tests, and the set-up page's own check). */
export function codeAt(base32: string, now: Date): string {
  return totpOf(base32).generate({ timestamp: now.getTime() });
}

/** Digits only: spaces and dashes people type between groups are dropped. */
export function normalizeTotpCode(input: string): string {
  return input.replace(/[\s-]/g, "");
}

/**
 * The time step a code belongs to, within ±TOTP_WINDOW of now, or null when it matches none.
 * Whether that step was already used (replay) is the caller's check against last_used_step.
 */
export function matchingStep(base32: string, input: string, now: Date): number | null {
  const token = normalizeTotpCode(input);
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(token)) return null;
  const delta = totpOf(base32).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : stepAt(now) + delta;
}

/** The secret in groups of four, for typing it into an app by hand. */
export function groupedSecret(base32: string): string {
  return base32.replace(/(.{4})/g, "$1 ").trim();
}

/** Looks like a code from the app (digits) rather than a recovery code (letters and digits). */
export function looksLikeTotp(input: string): boolean {
  return /^\d+$/.test(normalizeTotpCode(input));
}
