import type { DB } from "@db/connection";
import type { Role } from "@db/schema";
import { hashPassword } from "~/auth/password.server";
import { endAllSessions } from "~/auth/session.server";

export async function findUserByEmail(db: DB, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

export async function emailTaken(db: DB, email: string): Promise<boolean> {
  return Boolean(await db.selectFrom("users").select("id").where("email", "=", email.trim().toLowerCase()).executeTakeFirst());
}

export async function createUser(db: DB, input: { email: string; password: string; role: Role; displayName: string }): Promise<number> {
  const { id } = await db
    .insertInto("users")
    .values({ email: input.email.trim().toLowerCase(), role: input.role, display_name: input.displayName, password_hash: await hashPassword(input.password) })
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

