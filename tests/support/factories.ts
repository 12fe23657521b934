// Factories shared by tests: the shared ones of db/factories (also used by the demo generator,
// docs/decisions/039-shared-factories.md) taking a test Connection, and a session cookie.
import type { Connection } from "@db/connection";
import type { Role } from "@db/schema";
import * as shared from "@db/factories";
import { startSession } from "~/auth/session.server";

export { ACTOR, PASSWORD, parseVacancyFields, stepsTo } from "@db/factories";

export const makeUser = (c: Connection, role: Role, overrides: shared.UserOverrides = {}) => shared.makeUser(c.db, role, overrides);
export const makeCompany = (c: Connection, ownerId: number, options: Parameters<typeof shared.makeCompany>[2] = "verified") =>
  shared.makeCompany(c.db, ownerId, options);
export const addCompanyMember = (c: Connection, companyId: number, userId: number) => shared.addCompanyMember(c.db, companyId, userId);
export const makeCohort = (c: Connection, graduationDate = "2026-06-30", schoolId?: number) => shared.makeCohort(c.db, graduationDate, schoolId);
export const makeInvitation = (c: Connection, staffId: number, name?: { firstName: string; lastName: string }) => shared.makeInvitation(c.db, staffId, name);
export const makeGraduate = (c: Connection, options: shared.GraduateOptions = {}) => shared.makeGraduate(c.db, options);
export const makeVacancy = (c: Connection, companyId: number, options: shared.VacancyOptions = {}) => shared.makeVacancy(c.db, companyId, options);
export const makeApplication = (c: Connection, vacancyId: number, graduateId: number, options: shared.ApplicationOptions = {}) =>
  shared.makeApplication(c.db, vacancyId, graduateId, options);

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
