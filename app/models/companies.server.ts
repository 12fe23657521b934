import type { DB } from "@db/connection";
import { refreshCompanyVacanciesSearch } from "./vacancies.server";
import { randomToken, sha256 } from "~/auth/tokens.server";
import { slugify } from "~/domain/text/slugify";
import { recordAudit } from "./audit.server";
import { notifyCompany } from "./notifications.server";

/** A free, readable slug: "tengri-labs", then "tengri-labs-2" … */
async function freeCompanySlug(db: DB, name: string): Promise<string> {
  const base = slugify(name) || "company";
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await db.selectFrom("companies").select("id").where("slug", "=", candidate).executeTakeFirst())) return candidate;
  }
}

/** Employer sign-up: the company starts pending until staff verify it as an HTP resident. */
export async function createPendingCompany(db: DB, name: string, ownerUserId: number): Promise<number> {
  const { id } = await db
    .insertInto("companies")
    .values({ name, slug: await freeCompanySlug(db, name) })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("company_members").values({ company_id: id, user_id: ownerUserId }).execute();
  return id;
}

export async function companyOfUser(db: DB, userId: number) {
  return db
    .selectFrom("company_members")
    .innerJoin("companies", "companies.id", "company_members.company_id")
    .select(["companies.id", "companies.name", "companies.slug", "companies.status"])
    .where("company_members.user_id", "=", userId)
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------
// Company profile (members only), colleague invitations, staff verification, public page.


import { COMPANY_STATUSES, type CompanyStatus } from "~/domain/companies/options";

export { COMPANY_STATUSES, type CompanyStatus };

/** Days a colleague invitation stays valid. */
export const COMPANY_INVITE_DAYS = 14;

const nowIso = () => new Date().toISOString();

const PROFILE_COLUMNS = [
  "companies.id", "companies.slug", "companies.name", "companies.status", "companies.htp_number", "companies.website",
  "companies.city", "companies.about", "companies.trusted", "companies.logo", "companies.reject_reason",
  "companies.verified_at", "companies.created_at",
] as const;

export async function getCompany(db: DB, companyId: number) {
  return db.selectFrom("companies").select(PROFILE_COLUMNS).where("companies.id", "=", companyId).executeTakeFirst();
}

export type CompanyProfileInput = { name: string; htpNumber: string | null; website: string | null; city: string | null; about: string | null };

/** Saves the profile of the member's own company (the caller has checked membership). */
export async function updateCompanyProfile(db: DB, companyId: number, input: CompanyProfileInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("companies")
      .set({ name: input.name, htp_number: input.htpNumber, website: input.website, city: input.city, about: input.about, updated_at: nowIso() })
      .where("id", "=", companyId)
      .execute();
    // The job board finds vacancies by company name too.
    await refreshCompanyVacanciesSearch(trx, companyId);
  });
}

/** Sets or clears the logo and returns the previous stored file name (to delete it). */
export async function setCompanyLogo(db: DB, companyId: number, fileName: string | null): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("companies").select("logo").where("id", "=", companyId).executeTakeFirst();
    await trx.updateTable("companies").set({ logo: fileName, updated_at: nowIso() }).where("id", "=", companyId).execute();
    return before?.logo ?? null;
  });
}

/** A rejected company, once edited, asks again: back to pending (the reason stays visible to staff in the audit log). */
export async function resubmitCompany(db: DB, companyId: number): Promise<boolean> {
  const res = await db
    .updateTable("companies")
    .set({ status: "pending", reject_reason: null, updated_at: nowIso() })
    .where("id", "=", companyId)
    .where("status", "=", "rejected")
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function listCompanyMembers(db: DB, companyId: number) {
  return db
    .selectFrom("company_members")
    .innerJoin("users", "users.id", "company_members.user_id")
    .select(["users.id", "users.display_name", "users.email", "company_members.created_at"])
    .where("company_members.company_id", "=", companyId)
    .orderBy("company_members.created_at")
    .orderBy("users.id")
    .execute();
}

// Colleague invitations: the code is shown once; only its SHA-256 is stored.

export async function createCompanyInvite(db: DB, companyId: number, createdBy: number, now = Date.now()): Promise<{ id: number; code: string; expiresAt: string }> {
  const code = randomToken(18);
  const expiresAt = new Date(now + COMPANY_INVITE_DAYS * 86_400_000).toISOString();
  const { id } = await db
    .insertInto("company_invites")
    .values({ company_id: companyId, code: sha256(code), created_by: createdBy, expires_at: expiresAt })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, code, expiresAt };
}

export async function listCompanyInvites(db: DB, companyId: number) {
  return db
    .selectFrom("company_invites")
    .innerJoin("users", "users.id", "company_invites.created_by")
    .select(["company_invites.id", "company_invites.expires_at", "company_invites.used_at", "company_invites.created_at", "users.display_name as created_by_name"])
    .where("company_invites.company_id", "=", companyId)
    .orderBy("company_invites.created_at", "desc")
    .orderBy("company_invites.id", "desc")
    .limit(50)
    .execute();
}

/** Deletes an unused invitation of this company; another company's id changes nothing. */
export async function revokeCompanyInvite(db: DB, companyId: number, inviteId: number): Promise<boolean> {
  const res = await db
    .deleteFrom("company_invites")
    .where("id", "=", inviteId)
    .where("company_id", "=", companyId)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export type CompanyInviteProblem = "companies.inviteUnknown" | "companies.inviteUsed" | "companies.inviteExpired";

export async function findCompanyInvite(db: DB, rawCode: string) {
  const code = rawCode.trim();
  if (!code || code.length > 100) return undefined;
  return db
    .selectFrom("company_invites")
    .innerJoin("companies", "companies.id", "company_invites.company_id")
    .select(["company_invites.id", "company_invites.company_id", "company_invites.used_at", "company_invites.expires_at", "companies.name as company_name"])
    .where("company_invites.code", "=", sha256(code))
    .executeTakeFirst();
}

export type CompanyInvite = NonNullable<Awaited<ReturnType<typeof findCompanyInvite>>>;

export function companyInviteProblem(invite: CompanyInvite | undefined, now = new Date()): CompanyInviteProblem | null {
  if (!invite) return "companies.inviteUnknown";
  if (invite.used_at) return "companies.inviteUsed";
  if (invite.expires_at <= now.toISOString()) return "companies.inviteExpired";
  return null;
}

/**
 * Makes the new account a member and marks the invitation used, in the caller's transaction.
 * The update only succeeds while the code is unused and unexpired, so two sign-ups racing
 * for one code cannot both join: the second gets false (and the caller rolls back).
 */
export async function joinCompanyWithInvite(trx: DB, inviteId: number, userId: number): Promise<boolean> {
  const now = nowIso();
  const used = await trx
    .updateTable("company_invites")
    .set({ used_at: now, updated_at: now })
    .where("id", "=", inviteId)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning("company_id")
    .executeTakeFirst();
  if (!used) return false;
  await trx.insertInto("company_members").values({ company_id: used.company_id, user_id: userId }).execute();
  return true;
}

// Staff: verification, rejection, trust.

export async function listCompaniesForStaff(db: DB, status: CompanyStatus | null) {
  let query = db
    .selectFrom("companies")
    .select(["id", "name", "slug", "status", "htp_number", "website", "city", "trusted", "created_at"]);
  if (status) query = query.where("status", "=", status);
  const companies = await query
    // Pending first: the work waiting for the office; then rejected, then verified.
    .orderBy((eb) => eb.case().when("status", "=", "pending").then(0).when("status", "=", "rejected").then(1).else(2).end())
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(500)
    .execute();
  const ids = companies.map((c) => c.id);
  const members = ids.length
    ? await db
        .selectFrom("company_members")
        .innerJoin("users", "users.id", "company_members.user_id")
        .select(["company_members.company_id", "users.email"])
        .where("company_members.company_id", "in", ids)
        .orderBy("users.email")
        .execute()
    : [];
  return companies.map((c) => ({ ...c, emails: members.filter((m) => m.company_id === c.id).map((m) => m.email) }));
}

export async function getCompanyForStaff(db: DB, companyId: number) {
  const company = await db
    .selectFrom("companies")
    .leftJoin("users as verifier", "verifier.id", "companies.verified_by")
    .select([...PROFILE_COLUMNS, "verifier.display_name as verified_by_name"])
    .where("companies.id", "=", companyId)
    .executeTakeFirst();
  if (!company) return null;
  return { company, members: await listCompanyMembers(db, companyId) };
}

export async function verifyCompany(db: DB, companyId: number, staffId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("companies").select(["name", "status", "reject_reason", "slug"]).where("id", "=", companyId).executeTakeFirstOrThrow();
    if (before.status === "verified") return; // a repeated click neither re-audits nor re-notifies
    const change = { status: "verified" as const, reject_reason: null, verified_by: staffId, verified_at: nowIso() };
    await trx.updateTable("companies").set({ ...change, updated_at: nowIso() }).where("id", "=", companyId).execute();
    await recordAudit(trx, { actorId: staffId, action: "company.verify", entity: "company", entityId: companyId, before, after: change });
    await notifyCompany(trx, companyId, "company-verified", { company: before.name }, `/companies/${before.slug}`);
  });
}

export async function rejectCompany(db: DB, companyId: number, staffId: number, reason: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("companies").select(["name", "status", "reject_reason"]).where("id", "=", companyId).executeTakeFirstOrThrow();
    const change = { status: "rejected" as const, reject_reason: reason, verified_by: null, verified_at: null };
    await trx.updateTable("companies").set({ ...change, updated_at: nowIso() }).where("id", "=", companyId).execute();
    await recordAudit(trx, { actorId: staffId, action: "company.reject", entity: "company", entityId: companyId, before, after: change });
    await notifyCompany(trx, companyId, "company-rejected", { company: before.name, reason }, "/company");
  });
}

export async function setCompanyTrusted(db: DB, companyId: number, staffId: number, trusted: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("companies").select(["trusted"]).where("id", "=", companyId).executeTakeFirstOrThrow();
    const change = { trusted: trusted ? 1 : 0 };
    await trx.updateTable("companies").set({ ...change, updated_at: nowIso() }).where("id", "=", companyId).execute();
    await recordAudit(trx, { actorId: staffId, action: trusted ? "company.trust" : "company.untrust", entity: "company", entityId: companyId, before, after: change });
  });
}

// Public page: verified companies only, with their open vacancies.

/** /companies: every verified company with how many vacancies it has open now, by name. */
export async function listPublicCompanies(db: DB) {
  return db
    .selectFrom("companies as c")
    .select((eb) => [
      "c.slug", "c.name", "c.city",
      eb.selectFrom("vacancies as v").select((v) => v.fn.countAll<number>().as("n")).whereRef("v.company_id", "=", "c.id").where("v.status", "=", "open").as("open_vacancies"),
    ])
    .where("c.status", "=", "verified")
    .orderBy("c.name")
    .orderBy("c.id")
    .execute();
}

export async function publicCompany(db: DB, slug: string) {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const company = await db
    .selectFrom("companies")
    .select(["id", "slug", "name", "htp_number", "website", "city", "about", "logo"])
    .where("slug", "=", slug)
    .where("status", "=", "verified")
    .executeTakeFirst();
  if (!company) return null;
  const vacancies = await db
    .selectFrom("vacancies")
    .select(["id", "title", "city", "work_mode", "employment_type", "deadline", "published_at"])
    .where("company_id", "=", company.id)
    .where("status", "=", "open")
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .limit(200)
    .execute();
  return { company, vacancies };
}
