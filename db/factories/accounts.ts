// Accounts, made by the same model function sign-up and the admin's "create account" use
// (docs/decisions/039-shared-factories.md).
import type { DB } from "../connection";
import type { Role } from "../schema";
import { createUser } from "../../app/models/users.server";

/** The password of every account a test makes (the demo accounts have their own, DEMO_PASSWORD). */
export const PASSWORD = "correct-horse-42";

let counter = 0;
/** A number for default names and addresses, unique within this process. */
export function nextNumber(): number {
  counter += 1;
  return counter;
}

export type UserOverrides = { email?: string; password?: string; name?: string };

export async function makeUser(db: DB, role: Role, overrides: UserOverrides = {}): Promise<{ id: number; email: string; role: Role }> {
  const n = nextNumber();
  const email = overrides.email ?? `${role}${n}@test.kg`;
  const id = await createUser(db, { email, password: overrides.password ?? PASSWORD, role, displayName: overrides.name ?? `${role} ${n}` });
  return { id, email, role };
}
