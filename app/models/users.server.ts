import type { DB } from "@db/connection";
import { sortByKyrgyzName } from "~/domain/search/kyrgyz-order";
import type { Lang, Role } from "@db/schema";
import { hashPassword } from "~/auth/password.server";
import { endAllSessions } from "~/auth/session.server";
import { recordAudit } from "./audit.server";
import { bishkekDayStartUtc, todayInBishkek } from "~/domain/calendar";
import { tell } from "./messages.server";

export async function findUserByEmail(db: DB, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

/**
 * Someone tried to sign up with the address of account `userId`: its owner is told (in the portal,
 * by e-mail and Telegram), at most once per Bishkek day, however often it is tried, so the sign-up
 * form cannot be used to fill someone's mailbox (docs/decisions/062-mail-limits-digests-and-batches.md).
 * True when told now.
 */
export async function tellSignUpAttempt(db: DB, userId: number, now: Date = new Date()): Promise<boolean> {
  const dayStart = bishkekDayStartUtc(todayInBishkek(now));
  return db.transaction().execute(async (trx) => {
    const today = await trx
      .selectFrom("notifications")
      .select("id")
      .where("user_id", "=", userId)
      .where("kind", "=", "sign-up-existing")
      .where("created_at", ">=", dayStart)
      .executeTakeFirst();
    if (today) return false;
    await tell(trx, { userId, kind: "sign-up-existing", eventKey: null, vars: {}, link: null });
    return true;
  });
}

export async function emailTaken(db: DB, email: string): Promise<boolean> {
  return Boolean(await db.selectFrom("users").select("id").where("email", "=", email.trim().toLowerCase()).executeTakeFirst());
}

export async function createUser(db: DB, input: { email: string; password: string; role: Role; displayName: string; locale?: Lang | null }): Promise<number> {
  const { id } = await db
    .insertInto("users")
    .values({
      email: input.email.trim().toLowerCase(),
      role: input.role,
      display_name: input.displayName,
      password_hash: await hashPassword(input.password),
      // The language messages are written in (docs/product.md §13); null: the portal's default.
      locale: input.locale ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Sets a new password and ends every session of the account (the caller starts a fresh one if needed). */
export async function setPassword(db: DB, userId: number, password: string): Promise<void> {
  const password_hash = await hashPassword(password);
  await db.updateTable("users").set({ password_hash, updated_at: new Date().toISOString() }).where("id", "=", userId).execute();
  await endAllSessions(userId);
}

/** The stored hash, for re-checking the current password before a sensitive change. */
export async function passwordHashOf(db: DB, userId: number): Promise<string> {
  return (await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirstOrThrow()).password_hash;
}

/** The admin's list of staff and admin accounts: by role, then by name in the Kyrgyz alphabet (docs/decisions/046-small-list-search-and-kyrgyz-order.md). */
export async function listStaffAccounts(db: DB) {
  const people = await db
    .selectFrom("users")
    .select(["id", "email", "display_name", "role", "created_at"])
    .where("role", "in", ["staff", "admin"])
    .orderBy("id")
    .execute();
  // Array sort is stable: the name order stays within each role.
  return sortByKyrgyzName(people, (u) => u.display_name).sort((a, b) => (a.role < b.role ? -1 : a.role > b.role ? 1 : 0));
}

/**
 * A staff account and its audit row, in one transaction; with `schoolIds`, its scope too (the
 * `staff.scope` entry as /admin/staff writes it, docs/decisions/063-staff-scope.md). None: the whole Agency.
 */
export async function createStaffAccount(
  db: DB,
  input: { email: string; password: string; name: string },
  actorId: number,
  schoolIds: readonly number[] = [],
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const id = await createUser(trx, { email: input.email, password: input.password, role: "staff", displayName: input.name });
    await recordAudit(trx, { actorId, action: "user.create-staff", entity: "user", entityId: id, after: { email: input.email, role: "staff" } });
    const scope = [...new Set(schoolIds)].sort((a, b) => a - b);
    if (scope.length > 0) {
      await trx
        .insertInto("staff_scopes")
        .values(scope.map((school_id) => ({ user_id: id, school_id })))
        .execute();
      await recordAudit(trx, { actorId, action: "staff.scope", entity: "user", entityId: id, before: { school_ids: [] }, after: { school_ids: scope } });
    }
    return id;
  });
}
