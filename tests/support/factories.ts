// Factories shared by tests: accounts, companies, cohorts and graduates with invitations.
import type { Connection } from "@db/connection";
import type { Role } from "@db/schema";
import { startSession } from "~/auth/session.server";
import { enrolGraduate } from "~/models/invitations.server";
import { createUser } from "~/models/users.server";

export const PASSWORD = "correct-horse-42";
let counter = 0;

export async function makeUser(c: Connection, role: Role, overrides: { email?: string; password?: string; name?: string } = {}) {
  counter += 1;
  const email = overrides.email ?? `${role}${counter}@test.kg`;
  const id = await createUser(c.db, { email, password: overrides.password ?? PASSWORD, role, displayName: overrides.name ?? `${role} ${counter}` });
  return { id, email, role };
}

export async function makeCompany(c: Connection, ownerId: number, status: "pending" | "verified" = "verified") {
  counter += 1;
  const { id } = await c.db.insertInto("companies").values({ slug: `company-${counter}`, name: `Company ${counter}`, status }).returning("id").executeTakeFirstOrThrow();
  await c.db.insertInto("company_members").values({ company_id: id, user_id: ownerId }).execute();
  return id;
}

export async function makeCohort(c: Connection, graduationDate = "2026-06-30") {
  const school = await c.db.selectFrom("schools").select("id").orderBy("id").executeTakeFirstOrThrow();
  const existing = await c.db.selectFrom("cohorts").select("id").where("school_id", "=", school.id).where("graduation_date", "=", graduationDate).executeTakeFirst();
  if (existing) return existing.id;
  const { id } = await c.db.insertInto("cohorts").values({ school_id: school.id, graduation_date: graduationDate }).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function makeInvitation(c: Connection, staffId: number, name = { firstName: "Айгерим", lastName: "Осмонова" }) {
  return enrolGraduate(c.db, { cohortId: await makeCohort(c), ...name }, staffId);
}

/** A Cookie header for a signed-in user, made the way sign-in makes it. */
export async function sessionCookieFor(userId: number): Promise<string> {
  const setCookie = await startSession(new Request("http://localhost/"), userId);
  return setCookie.split(";")[0]!;
}

/** A new user of the role, signed in: the user with a Cookie header; with `company`, a member of a new company of that status. */
export async function signedIn(c: Connection, role: Role, company?: "pending" | "verified") {
  const user = await makeUser(c, role);
  if (company) await makeCompany(c, user.id, company);
  return { ...user, cookie: await sessionCookieFor(user.id) };
}
