// Two-step sign-in's rows (migration 0032, docs/decisions/066-two-step-sign-in.md): the sealed secret,
// the recovery codes' hashes, the grace-period settings. Sealing and checking codes live in
// app/auth/two-step.server.ts; what the rules are, in app/domain/two-step/.
import type { DB } from "@db/connection";
import type { Role } from "@db/schema";
import { DEFAULT_GRACE_DAYS, requiresTwoStep, type TwoStepPolicy, type TwoStepRequirement, twoStepRequirement } from "~/domain/two-step/policy";
import { recordAudit } from "./audit.server";

export const GRACE_DAYS_KEY = "two_step_grace_days";
export const SINCE_KEY = "two_step_since";
/** The demo generator's marks (db/seed/demo-removal.ts DEMO_MARKS_KEY): which accounts it made. */
const DEMO_MARKS_KEY = "demo_rows";
const DEMO_DOMAIN = "@demo.kg";

const nowIso = () => new Date().toISOString();

/** The admin's grace period and when the rule took effect (the migration's moment if never changed). */
export async function twoStepPolicy(db: DB): Promise<TwoStepPolicy> {
  const rows = await db.selectFrom("settings").select(["key", "value"]).where("key", "in", [GRACE_DAYS_KEY, SINCE_KEY]).execute();
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const days = Number(byKey.get(GRACE_DAYS_KEY));
  return { graceDays: Number.isInteger(days) && days >= 0 ? days : DEFAULT_GRACE_DAYS, since: byKey.get(SINCE_KEY) ?? new Date(0).toISOString() };
}

/** Sets the grace period in days, audited with before and after. */
export async function setGraceDays(db: DB, days: number, actorId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await twoStepPolicy(trx);
    await trx
      .insertInto("settings")
      .values({ key: GRACE_DAYS_KEY, value: String(days) })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: String(days), updated_at: nowIso() }))
      .execute();
    await recordAudit(trx, { actorId, action: "settings.two-step", entity: "settings", before: { graceDays: before.graceDays }, after: { graceDays: days } });
  });
}

/**
 * An account made by the demo generator (an @demo.kg address no later than its marks): it signs in
 * with the password the README publishes, so a second step would protect nothing (issue 19 item 6).
 */
export async function isDemoAccount(db: DB, user: { id: number; email: string }): Promise<boolean> {
  if (!user.email.endsWith(DEMO_DOMAIN)) return false;
  const row = await db.selectFrom("settings").select("value").where("key", "=", DEMO_MARKS_KEY).executeTakeFirst();
  if (!row) return false;
  try {
    const users = Number((JSON.parse(row.value) as { users?: unknown }).users);
    return Number.isInteger(users) && user.id <= users;
  } catch {
    return false;
  }
}

export type TwoStepState = { enabledAt: string | null; pending: boolean; recoveryLeft: number };

/** The account's two-step state for its own pages (no secret). */
export async function twoStepStateOf(db: DB, userId: number): Promise<TwoStepState> {
  const row = await db.selectFrom("user_two_step").select("enabled_at").where("user_id", "=", userId).executeTakeFirst();
  const { n } = await db
    .selectFrom("user_recovery_codes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return { enabledAt: row?.enabled_at ?? null, pending: Boolean(row && !row.enabled_at), recoveryLeft: Number(n) };
}

/** Every account that has two-step sign-in on, or set-up begun (the admin's staff list): user id → state. */
export async function twoStepStatesByUser(db: DB): Promise<Map<number, "on" | "pending">> {
  const rows = await db.selectFrom("user_two_step").select(["user_id", "enabled_at"]).execute();
  return new Map(rows.map((r) => [r.user_id, r.enabled_at ? "on" : "pending"]));
}

/** Whether the account signs in with a second step. */
export async function twoStepEnabled(db: DB, userId: number): Promise<boolean> {
  const row = await db.selectFrom("user_two_step").select("user_id").where("user_id", "=", userId).where("enabled_at", "is not", null).executeTakeFirst();
  return Boolean(row);
}

/** What the gate needs about an account, in one read: created, two-step on, demo, and the policy. */
export async function twoStepRequirementOf(db: DB, user: { id: number; role: Role; email: string }, now: Date): Promise<TwoStepRequirement> {
  const row = await db
    .selectFrom("users")
    .leftJoin("user_two_step", "user_two_step.user_id", "users.id")
    .select(["users.created_at", "user_two_step.enabled_at"])
    .where("users.id", "=", user.id)
    .executeTakeFirst();
  if (!row) return { kind: "optional" };
  const enabled = Boolean(row.enabled_at);
  const demo = !enabled && (await isDemoAccount(db, user));
  return twoStepRequirement({ role: user.role, createdAt: row.created_at, enabled, demo }, await twoStepPolicy(db), now);
}

/** After the password: a second step is asked when two-step is on and the account is not a demo account. */
export async function signsInWithTwoSteps(db: DB, user: { id: number; email: string }): Promise<boolean> {
  return (await twoStepEnabled(db, user.id)) && !(await isDemoAccount(db, user));
}

/** The sealed secret of an account whose two-step is on. */
export async function enabledSecretOf(db: DB, userId: number): Promise<string | null> {
  const row = await db.selectFrom("user_two_step").select("secret").where("user_id", "=", userId).where("enabled_at", "is not", null).executeTakeFirst();
  return row?.secret ?? null;
}

/** The sealed secret waiting for its first code (set-up started, not confirmed). */
export async function pendingSecretOf(db: DB, userId: number): Promise<string | null> {
  const row = await db.selectFrom("user_two_step").select("secret").where("user_id", "=", userId).where("enabled_at", "is", null).executeTakeFirst();
  return row?.secret ?? null;
}

/** Starts (or restarts) a set-up with a new sealed secret; refused (false) while two-step is on. */
export async function startTwoStepSetup(db: DB, userId: number, sealed: string): Promise<boolean> {
  const result = await db
    .insertInto("user_two_step")
    .values({ user_id: userId, secret: sealed })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ secret: sealed, updated_at: nowIso() }).where("user_two_step.enabled_at", "is", null))
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Switches two-step on after the first correct code (its step is used up) and stores the recovery
 * codes' hashes — in one transaction, audited; false when the set-up was not pending any more.
 */
export async function enableTwoStep(db: DB, userId: number, step: number, codeHashes: string[], now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const result = await trx
      .updateTable("user_two_step")
      .set({ enabled_at: at, last_used_step: step, updated_at: at })
      .where("user_id", "=", userId)
      .where("enabled_at", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await trx.deleteFrom("user_recovery_codes").where("user_id", "=", userId).execute();
    await trx
      .insertInto("user_recovery_codes")
      .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
      .execute();
    await recordAudit(trx, { actorId: userId, action: "two-step.enable", entity: "user", entityId: userId });
    return true;
  });
}

/**
 * Accepts a code's time step once: only when it is later than the last accepted one, in one
 * conditional update (a replayed code, even sent twice at once, is refused).
 */
export async function claimStep(db: DB, userId: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable("user_two_step")
    .set({ last_used_step: step, updated_at: nowIso() })
    .where("user_id", "=", userId)
    .where("enabled_at", "is not", null)
    .where((eb) => eb.or([eb("last_used_step", "is", null), eb("last_used_step", "<", step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Uses up one unused recovery code; false if there is none with this hash. */
export async function spendRecoveryCode(db: DB, userId: number, codeHash: string, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable("user_recovery_codes")
    .set({ used_at: now.toISOString(), updated_at: now.toISOString() })
    .where("user_id", "=", userId)
    .where("code_hash", "=", codeHash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Cancels a set-up that was never confirmed. */
export async function cancelTwoStepSetup(db: DB, userId: number): Promise<void> {
  await db.deleteFrom("user_two_step").where("user_id", "=", userId).where("enabled_at", "is", null).execute();
}

/** The person turns two-step off (after a code): the secret and the codes go, audited. */
export async function disableTwoStep(db: DB, userId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("user_two_step").where("user_id", "=", userId).execute();
    await trx.deleteFrom("user_recovery_codes").where("user_id", "=", userId).execute();
    await recordAudit(trx, { actorId: userId, action: "two-step.disable", entity: "user", entityId: userId });
  });
}

/**
 * An admin resets a staff or admin account's two-step (a lost phone): the secret, the codes and
 * every session go, audited; the person sets it up again after signing in with the password.
 * Null when there is no such staff or admin account.
 */
export async function resetTwoStep(db: DB, targetId: number, actorId: number): Promise<{ hadTwoStep: boolean } | null> {
  return db.transaction().execute(async (trx) => {
    const target = await trx.selectFrom("users").select(["id", "email"]).where("id", "=", targetId).where("role", "in", ["staff", "admin"]).executeTakeFirst();
    if (!target) return null;
    const had = await trx.selectFrom("user_two_step").select("enabled_at").where("user_id", "=", targetId).executeTakeFirst();
    await trx.deleteFrom("user_two_step").where("user_id", "=", targetId).execute();
    await trx.deleteFrom("user_recovery_codes").where("user_id", "=", targetId).execute();
    await trx.deleteFrom("sessions").where("user_id", "=", targetId).execute();
    const hadTwoStep = Boolean(had?.enabled_at);
    await recordAudit(trx, {
      actorId,
      action: "two-step.reset",
      entity: "user",
      entityId: targetId,
      before: { twoStep: hadTwoStep },
      after: { twoStep: false },
    });
    return { hadTwoStep };
  });
}

/** The role of an account that may still sign in (the second step finishes only for an active one). */
export async function activeRoleOf(db: DB, userId: number): Promise<Role | null> {
  const row = await db.selectFrom("users").select("role").where("id", "=", userId).where("active", "=", 1).executeTakeFirst();
  return row?.role ?? null;
}

/** The account page's card: on or off, whether the role must use it, and whether it is a demo account that skips it. */
export async function twoStepCardOf(db: DB, user: { id: number; role: Role; email: string }) {
  return { on: await twoStepEnabled(db, user.id), staffRole: requiresTwoStep(user.role), demo: await isDemoAccount(db, user) };
}
