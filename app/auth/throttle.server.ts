// Sign-in throttling kept in the database, so it holds across restarts and processes.
import type { DB } from "@db/connection";

export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMinutes: number };

export async function checkSignInThrottle(db: DB, account: string, address: string, now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();
  const recent = async (scope: "account" | "address", key: string) =>
    db
      .selectFrom("sign_in_failures")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min("created_at").as("oldest")])
      .where("scope", "=", scope)
      .where("key", "=", key)
      .where("created_at", ">", since)
      .executeTakeFirstOrThrow();
  for (const [scope, key, limit] of [
    ["account", account, MAX_FAILURES_PER_ACCOUNT],
    ["address", address, MAX_FAILURES_PER_ADDRESS],
  ] as const) {
    const { n, oldest } = await recent(scope, key);
    if (Number(n) >= limit && oldest) {
      const freeAt = new Date(oldest).getTime() + WINDOW_MINUTES * 60_000;
      return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)) };
    }
  }
  return { allowed: true };
}

export async function recordSignInFailure(db: DB, account: string, address: string, now = new Date()): Promise<void> {
  const created_at = now.toISOString();
  await db
    .insertInto("sign_in_failures")
    .values([
      { scope: "account", key: account, created_at, updated_at: created_at },
      { scope: "address", key: address, created_at, updated_at: created_at },
    ])
    .execute();
}

/** A successful sign-in clears the account's failures (the address keeps its count). */
export async function clearAccountFailures(db: DB, account: string): Promise<void> {
  await db.deleteFrom("sign_in_failures").where("scope", "=", "account").where("key", "=", account).execute();
}
