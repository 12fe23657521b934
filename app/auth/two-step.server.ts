// Two-step sign-in (docs/decisions/066-two-step-sign-in.md): the secret's encryption, recovery codes,
// the short-lived "password checked, code not yet" cookie, and the one gate every staff and admin
// request passes (requireUser and getUser call it), so no route can forget it.
import crypto from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import type { Role } from "@db/schema";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { requiresTwoStep, type TwoStepRequirement } from "~/domain/two-step/policy";
import { looksLikeTotp, matchingStep, RECOVERY_CODE_COUNT } from "~/domain/two-step/totp";
import { normalizeRecoveryCode } from "~/domain/two-step/policy";
import { claimStep, enabledSecretOf, twoStepRequirementOf, spendRecoveryCode } from "~/models/two-step.server";
import { CODE_ALPHABET, sha256 } from "./tokens.server";

// ---- the secret at rest --------------------------------------------------------------------

/** AES-256-GCM key derived from the session secret: a copy of the database alone cannot make codes. */
function secretKey(): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", config().sessionSecret, "", "two-step-secret-v1", 32));
}

/** "v1.<iv>.<tag>.<ciphertext>", bound to the account (a secret copied to another row does not open). */
export function sealSecret(base32: string, userId: number): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", secretKey(), iv);
  cipher.setAAD(Buffer.from(`user:${userId}`));
  const body = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The base32 secret, or null when it cannot be opened (another SESSION_SECRET, a tampered row). */
export function openSecret(sealed: string, userId: number): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", secretKey(), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(`user:${userId}`));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

// ---- recovery codes ------------------------------------------------------------------------

/** Twelve letters and digits (about 59 bits) as XXXX-XXXX-XXXX: no 0/O or 1/I/L, read from paper. */
function recoveryCode(): string {
  let s = "";
  for (let i = 0; i < 12; i++) s += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
}

/**
 * Stored as SHA-256 of the account and the code: the codes are random with ~59 bits, so a slow
 * password hash adds nothing but ten scrypt runs per try; the account id stops one table of hashes
 * serving every account.
 */
export function recoveryCodeHash(userId: number, code: string): string {
  return sha256(`${userId}:${normalizeRecoveryCode(code)}`);
}

// ---- checking a second step ----------------------------------------------------------------

/**
 * A code from the app (accepted once: its time step must be later than the last accepted one) or
 * an unused recovery code (used up now). Both claims are single conditional updates, so two
 * requests with the same code cannot both pass.
 */
export async function checkSecondStep(userId: number, input: string, now = new Date()): Promise<"code" | "recovery" | null> {
  const db = getDb();
  if (looksLikeTotp(input)) {
    const sealed = await enabledSecretOf(db, userId);
    const secret = sealed ? openSecret(sealed, userId) : null;
    if (!secret) return null;
    const step = matchingStep(secret, input, now);
    return step !== null && (await claimStep(db, userId, step)) ? "code" : null;
  }
  const normalized = normalizeRecoveryCode(input);
  if (normalized.length !== 12) return null;
  return (await spendRecoveryCode(db, userId, recoveryCodeHash(userId, normalized), now)) ? "recovery" : null;
}

// ---- the half-signed-in cookie ---------------------------------------------------------------

export const PENDING_MINUTES = 5;

let pendingCookieInstance: ReturnType<typeof createCookie> | undefined;
function pendingCookie() {
  pendingCookieInstance ??= createCookie("__two_step", {
    httpOnly: true,
    sameSite: "lax",
    path: "/login",
    maxAge: PENDING_MINUTES * 60,
    secrets: [config().sessionSecret],
  });
  return pendingCookieInstance;
}

export type PendingSignIn = { userId: number; redirectTo: string };

/** After a correct password: who is signing in and where to, signed, for five minutes; no session yet. */
export async function startPendingSignIn(request: Request, pending: PendingSignIn, now = new Date()): Promise<string> {
  const secure = new URL(request.url).protocol === "https:";
  return pendingCookie().serialize({ u: pending.userId, r: pending.redirectTo, e: now.getTime() + PENDING_MINUTES * 60_000 }, { secure });
}

export async function pendingSignIn(request: Request, now = new Date()): Promise<PendingSignIn | null> {
  const value: unknown = await pendingCookie().parse(request.headers.get("Cookie"));
  if (typeof value !== "object" || value === null) return null;
  const { u, r, e } = value as { u?: unknown; r?: unknown; e?: unknown };
  if (typeof u !== "number" || typeof r !== "string" || typeof e !== "number" || e <= now.getTime()) return null;
  return { userId: u, redirectTo: r };
}

export async function clearPendingSignIn(request: Request): Promise<string> {
  const secure = new URL(request.url).protocol === "https:";
  return pendingCookie().serialize("", { secure, maxAge: 0, expires: new Date(0) });
}

// ---- the gate ------------------------------------------------------------------------------

/** Where an account that must set up two-step may still go: the set-up page itself and signing out. */
export const TWO_STEP_SETUP_PATH = "/account/two-step";
const OPEN_PATHS = new Set([TWO_STEP_SETUP_PATH, "/logout"]);

const requirements = new WeakMap<Request, Promise<TwoStepRequirement>>();

/** The account's requirement, read once per request (the root loader and the page share it). */
export function twoStepRequirementFor(request: Request, user: { id: number; role: Role; email: string }): Promise<TwoStepRequirement> {
  let found = requirements.get(request);
  if (!found) {
    found = twoStepRequirementOf(getDb(), user, new Date());
    requirements.set(request, found);
  }
  return found;
}

/**
 * A staff or admin account past its grace period without two-step is sent to the set-up page from
 * everywhere else (docs/product.md §8). Other roles pass untouched, without a query.
 */
export async function enforceTwoStep(request: Request, user: { id: number; role: Role; email: string }): Promise<void> {
  if (!requiresTwoStep(user.role)) return;
  const path = new URL(request.url).pathname.replace(/\.data$/, "").replace(/\/+$/, "") || "/";
  if (OPEN_PATHS.has(path)) return;
  if ((await twoStepRequirementFor(request, user)).kind === "required") throw redirect(TWO_STEP_SETUP_PATH);
}

/** Days left to set up two-step for a staff or admin account in its grace period (the reminder), else null. */
export async function twoStepDaysLeft(request: Request, user: { id: number; role: Role; email: string }): Promise<number | null> {
  if (!requiresTwoStep(user.role)) return null;
  const requirement = await twoStepRequirementFor(request, user);
  return requirement.kind === "grace" ? requirement.daysLeft : null;
}
