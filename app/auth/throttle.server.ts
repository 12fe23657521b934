// Throttling of every secret check (sign-in, current-password checks, invitation codes, sign-up),
// kept in the database so it holds across restarts and processes.
//
// An attempt is reserved before the slow check and counted at once: the count and the reservation
// are one write transaction, so attempts sent all at once cannot all pass the count before any
// failure is recorded (issue 13, item 10). A reservation that ends in success is released; one
// that fails stays as the recorded failure. See docs/decisions/019-throttle-reservations-and-body-limits.md.
import { sql } from "kysely";
import type { DB } from "@db/connection";

export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/** One counter: a scope, a key (namespaced by what is checked) and how many failures it allows in the window. */
export type ThrottleCounter = { scope: "account" | "address"; key: string; limit: number };

export type Reservation = { allowed: true; ids: number[] } | { allowed: false; retryAfterMinutes: number };

/**
 * Counts the recent failures of every counter and, when none is at its limit, reserves one
 * attempt on each — in one immediate (write-locked) transaction, so no other request, in this
 * process or another, counts in between.
 */
export async function reserveAttempt(db: DB, counters: readonly ThrottleCounter[], now = new Date()): Promise<Reservation> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();
  const created_at = now.toISOString();
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      for (const { scope, key, limit } of counters) {
        const { n, oldest } = await conn
          .selectFrom("sign_in_failures")
          .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min("created_at").as("oldest")])
          .where("scope", "=", scope)
          .where("key", "=", key)
          .where("created_at", ">", since)
          .executeTakeFirstOrThrow();
        if (Number(n) >= limit && oldest) {
          await sql`rollback`.execute(conn);
          const freeAt = new Date(oldest).getTime() + WINDOW_MINUTES * 60_000;
          return { allowed: false as const, retryAfterMinutes: Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)) };
        }
      }
      const ids: number[] = [];
      for (const { scope, key } of counters) {
        const row = await conn
          .insertInto("sign_in_failures")
          .values({ scope, key, created_at, updated_at: created_at })
          .returning("id")
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      await sql`commit`.execute(conn);
      return { allowed: true as const, ids };
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

/** The check succeeded: the reserved attempt is not a failure. */
export async function releaseAttempt(db: DB, reservation: Extract<Reservation, { allowed: true }>): Promise<void> {
  if (reservation.ids.length) await db.deleteFrom("sign_in_failures").where("id", "in", reservation.ids).execute();
}

/** Sign-in: 5 failures per account (whatever the address) and 20 per address (whatever the account). */
export function signInCounters(account: string, address: string): ThrottleCounter[] {
  return [
    { scope: "account", key: account, limit: MAX_FAILURES_PER_ACCOUNT },
    { scope: "address", key: address, limit: MAX_FAILURES_PER_ADDRESS },
  ];
}

/**
 * A signed-in user's current password (/account, /me/data): a stolen session must not become a
 * password oracle. Counted per user and, separately from sign-in, per address.
 */
export function passwordCheckCounters(userId: number, address: string): ThrottleCounter[] {
  return [
    { scope: "account", key: `password-check:${userId}`, limit: MAX_FAILURES_PER_ACCOUNT },
    { scope: "address", key: `password-check:${address}`, limit: MAX_FAILURES_PER_ADDRESS },
  ];
}

/**
 * Wrong two-group invitation codes (about 40 bits, made before decision 078) from all addresses together,
 * in 15 minutes: an attacker with any number of addresses gets at most 4,800 guesses a day at them — one
 * chance in about 177 million a day per live code (31^8 codes), about one in 50 years among 10,000. Three-group codes (59 bits) are not
 * counted here: no one can spend this budget to stop everyone joining.
 */
export const MAX_SHORT_CODE_FAILURES_ALL = 50;

/**
 * Graduate invitation codes (/join, by link or form): wrong codes per address; a code typed in the
 * two-group shape also counts against one counter shared by every address, reserved in the same
 * immediate transaction (reserveAttempt), so requests sent at once from many addresses cannot pass it.
 */
export function joinCodeCounters(address: string, shortCode = false): ThrottleCounter[] {
  const perAddress: ThrottleCounter = { scope: "address", key: `join-code:${address}`, limit: MAX_FAILURES_PER_ADDRESS };
  return shortCode ? [perAddress, { scope: "address", key: "join-code-short:*", limit: MAX_SHORT_CODE_FAILURES_ALL }] : [perAddress];
}

/**
 * Sign-up creates an account and a company per new address, so every sign-up counts (none is
 * released): per address, as many as sign-in failures.
 */
export function signUpCounters(address: string): ThrottleCounter[] {
  return [{ scope: "address", key: `sign-up:${address}`, limit: MAX_FAILURES_PER_ADDRESS }];
}

/** A successful sign-in clears the account's failures (the address keeps its count). */
export async function clearAccountFailures(db: DB, account: string): Promise<void> {
  await db.deleteFrom("sign_in_failures").where("scope", "=", "account").where("key", "=", account).execute();
}

/**
 * Self-service password reset requests (docs/decisions/054-self-service-password-reset.md): every
 * request counts (none is released: each may send an e-mail): 5 per address asked about, 20 per client.
 */
export function passwordResetCounters(account: string, address: string): ThrottleCounter[] {
  return [
    { scope: "account", key: `password-reset:${account}`, limit: MAX_FAILURES_PER_ACCOUNT },
    { scope: "address", key: `password-reset:${address}`, limit: MAX_FAILURES_PER_ADDRESS },
  ];
}

/**
 * The second step of sign-in and turning two-step off (docs/decisions/066-two-step-sign-in.md):
 * wrong codes per account and, separately from passwords, per address — a six-digit code allows
 * 5 guesses in 15 minutes, so guessing one is about one in 200,000 per window.
 */
export function twoStepCounters(userId: number, address: string): ThrottleCounter[] {
  return [
    { scope: "account", key: `two-step:${userId}`, limit: MAX_FAILURES_PER_ACCOUNT },
    { scope: "address", key: `two-step:${address}`, limit: MAX_FAILURES_PER_ADDRESS },
  ];
}
