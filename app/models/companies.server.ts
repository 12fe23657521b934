import type { DB } from "@db/connection";
import { refreshCompanyVacanciesSearch } from "./vacancies.server";
import { randomToken, sha256 } from "~/auth/tokens.server";
import { slugify } from "~/domain/text/slugify";
import { companyNameKey, htpNumberKey } from "~/domain/companies/name-key";
import { recordAudit } from "./audit.server";
import { decisionKey } from "~/domain/messages/event-keys";
import { tellCompany } from "./messages.server";
import { createUser } from "./users.server";

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
  "companies.id",
  "companies.slug",
  "companies.name",
  "companies.status",
  "companies.htp_number",
  "companies.website",
  "companies.city",
  "companies.about",
  "companies.trusted",
  "companies.logo",
  "companies.reject_reason",
  "companies.verified_at",
  "companies.created_at",
] as const;

export async function getCompany(db: DB, companyId: number) {
  return db.selectFrom("companies").select(PROFILE_COLUMNS).where("companies.id", "=", companyId).executeTakeFirst();
}

export type CompanyProfileInput = { name: string; htpNumber: string | null; website: string | null; city: string | null; about: string | null };

/** The fields that say who a company is: a verified company's change of them goes back to review (docs/product.md §8). */
const IDENTITY = ["name", "htp_number", "website"] as const;
type Identity = { name: string; htp_number: string | null; website: string | null };
const sameIdentity = (a: Identity, b: Identity) => IDENTITY.every((k) => (a[k] ?? null) === (b[k] ?? null));

export type ProfileSaveResult = { review: boolean };

/**
 * Saves the profile of the member's own company (the caller has checked membership). City and about
 * are saved at once. Name, HTP number and website of a verified company are not: they become a request
 * staff approve or reject, and the verified values stay public meanwhile (a newer request replaces a
 * waiting one; saving the current values withdraws it). A company not yet verified is reviewed as a
 * whole when staff verify it, so its identity is saved at once. Every identity change is audited.
 */
export async function updateCompanyProfile(db: DB, companyId: number, input: CompanyProfileInput, actorId: number | null = null): Promise<ProfileSaveResult> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("companies").select(["name", "htp_number", "website", "status"]).where("id", "=", companyId).executeTakeFirstOrThrow();
    const wanted: Identity = { name: input.name, htp_number: input.htpNumber, website: input.website };
    const current: Identity = { name: before.name, htp_number: before.htp_number, website: before.website };
    const at = nowIso();
    const waiting = await trx
      .selectFrom("company_identity_changes")
      .select(["id", "name", "htp_number", "website"])
      .where("company_id", "=", companyId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    let review = false;
    if (before.status === "verified") {
      await trx.updateTable("companies").set({ city: input.city, about: input.about, updated_at: at }).where("id", "=", companyId).execute();
      if (!(waiting && sameIdentity(waiting, wanted))) {
        if (waiting) await trx.updateTable("company_identity_changes").set({ status: "replaced", updated_at: at }).where("id", "=", waiting.id).execute();
        if (!sameIdentity(current, wanted)) {
          const { id } = await trx
            .insertInto("company_identity_changes")
            .values({ company_id: companyId, ...wanted, requested_by: actorId })
            .returning("id")
            .executeTakeFirstOrThrow();
          await recordAudit(trx, {
            actorId,
            action: "company.identity-request",
            entity: "company",
            entityId: companyId,
            before: current,
            after: { ...wanted, requestId: id },
          });
          review = true;
        } else if (waiting) {
          await recordAudit(trx, {
            actorId,
            action: "company.identity-withdraw",
            entity: "company",
            entityId: companyId,
            before: { ...waiting, requestId: waiting.id },
            after: current,
          });
        }
      } else review = true;
      return { review };
    }
    await trx
      .updateTable("companies")
      .set({ ...wanted, city: input.city, about: input.about, updated_at: at })
      .where("id", "=", companyId)
      .execute();
    // A request left from while the company was verified is moot: staff review the whole company now.
    if (waiting) await trx.updateTable("company_identity_changes").set({ status: "replaced", updated_at: at }).where("id", "=", waiting.id).execute();
    if (!sameIdentity(current, wanted))
      await recordAudit(trx, { actorId, action: "company.identity-change", entity: "company", entityId: companyId, before: current, after: wanted });
    // The job board finds vacancies by company name too.
    await refreshCompanyVacanciesSearch(trx, companyId);
    return { review };
  });
}

/** The newest identity request of a company, for the member's page (a replaced one shows nothing: a newer decision or withdrawal stands). */
export async function latestIdentityChange(db: DB, companyId: number) {
  const row = await db
    .selectFrom("company_identity_changes")
    .select(["id", "name", "htp_number", "website", "status", "reason", "created_at", "decided_at"])
    .where("company_id", "=", companyId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * The waiting request of a company for staff, with the other companies already holding that name
 * (case-insensitive) or HTP number: taking another company's identity is what review is for.
 */
export async function pendingIdentityChangeForStaff(db: DB, companyId: number) {
  const change = await db
    .selectFrom("company_identity_changes")
    .leftJoin("users", "users.id", "company_identity_changes.requested_by")
    .select([
      "company_identity_changes.id",
      "company_identity_changes.name",
      "company_identity_changes.htp_number",
      "company_identity_changes.website",
      "company_identity_changes.created_at",
      "users.display_name as requested_by_name",
    ])
    .where("company_identity_changes.company_id", "=", companyId)
    .where("company_identity_changes.status", "=", "pending")
    .executeTakeFirst();
  if (!change) return null;
  // Compared in JavaScript: SQLite's lower() folds only ASCII, and a name may be in either script.
  const nameKey = companyNameKey(change.name);
  const htpKey = change.htp_number ? htpNumberKey(change.htp_number) : null;
  const others = await db.selectFrom("companies").select(["id", "name", "htp_number", "status"]).where("id", "<>", companyId).orderBy("id").execute();
  const clashes = others
    .filter((o) => (nameKey !== "" && companyNameKey(o.name) === nameKey) || (htpKey && o.htp_number && htpNumberKey(o.htp_number) === htpKey))
    .slice(0, 10);
  return { ...change, clashes };
}

export type IdentityDecision = { ok: true } | { ok: false; reason: "none" };

/** Staff approve the waiting request: the new values become the company's, the board's search follows. */
export async function approveIdentityChange(db: DB, companyId: number, staffId: number): Promise<IdentityDecision> {
  return db.transaction().execute(async (trx): Promise<IdentityDecision> => {
    const change = await trx
      .selectFrom("company_identity_changes")
      .select(["id", "name", "htp_number", "website"])
      .where("company_id", "=", companyId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (!change) return { ok: false, reason: "none" };
    const before = await trx.selectFrom("companies").select(["name", "htp_number", "website"]).where("id", "=", companyId).executeTakeFirstOrThrow();
    const after = { name: change.name, htp_number: change.htp_number, website: change.website };
    const at = nowIso();
    await trx
      .updateTable("companies")
      .set({ ...after, updated_at: at })
      .where("id", "=", companyId)
      .execute();
    await trx
      .updateTable("company_identity_changes")
      .set({ status: "approved", decided_by: staffId, decided_at: at, updated_at: at })
      .where("id", "=", change.id)
      .execute();
    await recordAudit(trx, {
      actorId: staffId,
      action: "company.identity-approve",
      entity: "company",
      entityId: companyId,
      before,
      after: { ...after, requestId: change.id },
    });
    await tellCompany(trx, companyId, { kind: "company-identity-approved", eventKey: change.id, vars: { company: change.name }, link: "/company" });
    await refreshCompanyVacanciesSearch(trx, companyId);
    return { ok: true };
  });
}

/** Staff reject the waiting request with a reason the company sees; nothing public changes. */
export async function rejectIdentityChange(db: DB, companyId: number, staffId: number, reason: string): Promise<IdentityDecision> {
  return db.transaction().execute(async (trx): Promise<IdentityDecision> => {
    const change = await trx
      .selectFrom("company_identity_changes")
      .select(["id", "name", "htp_number", "website"])
      .where("company_id", "=", companyId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (!change) return { ok: false, reason: "none" };
    const at = nowIso();
    await trx
      .updateTable("company_identity_changes")
      .set({ status: "rejected", reason, decided_by: staffId, decided_at: at, updated_at: at })
      .where("id", "=", change.id)
      .execute();
    await recordAudit(trx, {
      actorId: staffId,
      action: "company.identity-reject",
      entity: "company",
      entityId: companyId,
      before: { name: change.name, htp_number: change.htp_number, website: change.website, requestId: change.id },
      after: { reason },
    });
    await tellCompany(trx, companyId, { kind: "company-identity-rejected", eventKey: change.id, vars: { company: change.name, reason }, link: "/company" });
    return { ok: true };
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

export async function createCompanyInvite(
  db: DB,
  companyId: number,
  createdBy: number,
  now = Date.now(),
): Promise<{ id: number; code: string; expiresAt: string }> {
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
    .select([
      "company_invites.id",
      "company_invites.expires_at",
      "company_invites.used_at",
      "company_invites.created_at",
      "users.display_name as created_by_name",
    ])
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

export type EmployerAccountInput = { email: string; password: string; name: string };

/**
 * Marks a colleague invitation used and answers its company, or null when it is used or expired.
 * Run it inside the transaction that adds the member: the update is the lock two racing sign-ups meet.
 */
export async function claimCompanyInvite(trx: DB, inviteId: number): Promise<number | null> {
  const now = nowIso();
  const used = await trx
    .updateTable("company_invites")
    .set({ used_at: now, updated_at: now })
    .where("id", "=", inviteId)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning("company_id")
    .executeTakeFirst();
  return used ? used.company_id : null;
}

/**
 * Employer sign-up with a colleague's invitation, in one transaction: claims the invitation, creates
 * the account and makes it a member. The claim only succeeds while the code is unused and unexpired,
 * so of two sign-ups racing for one code the second gets "companies.inviteUsed" and nothing is written.
 */
export async function signUpWithCompanyInvite(
  db: DB,
  inviteId: number,
  account: EmployerAccountInput,
): Promise<{ ok: true; userId: number } | { ok: false; problem: "companies.inviteUsed" }> {
  const userId = await db.transaction().execute(async (trx) => {
    const companyId = await claimCompanyInvite(trx, inviteId);
    if (companyId === null) return null;
    const id = await createUser(trx, { email: account.email, password: account.password, role: "employer", displayName: account.name });
    await trx.insertInto("company_members").values({ company_id: companyId, user_id: id }).execute();
    return id;
  });
  return userId === null ? { ok: false, problem: "companies.inviteUsed" } : { ok: true, userId };
}

/** Employer sign-up with a new company: the account and its pending company, in one transaction. */
export async function signUpWithNewCompany(db: DB, account: EmployerAccountInput & { company: string }): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const id = await createUser(trx, { email: account.email, password: account.password, role: "employer", displayName: account.name });
    await createPendingCompany(trx, account.company, id);
    return id;
  });
}

// Staff: verification, rejection, trust.

/** The staff list's rows, pending first (the work waiting for the office), then rejected, then verified, newest first. All of them: hundreds of rows, searched in memory (docs/decisions/046-small-list-search-and-kyrgyz-order.md). */
export async function listCompaniesForStaff(db: DB, status: CompanyStatus | null) {
  let query = db.selectFrom("companies").select(["id", "name", "slug", "status", "htp_number", "website", "city", "trusted", "created_at"]);
  if (status) query = query.where("status", "=", status);
  return query
    .orderBy((eb) => eb.case().when("status", "=", "pending").then(0).when("status", "=", "rejected").then(1).else(2).end())
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** The rows a staff page shows, with their members' e-mails and whether an identity change waits. */
export async function withStaffCompanyDetails<C extends { id: number }>(db: DB, companies: readonly C[]) {
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
  const waiting = new Set(
    ids.length
      ? (await db.selectFrom("company_identity_changes").select("company_id").where("company_id", "in", ids).where("status", "=", "pending").execute()).map(
          (r) => r.company_id,
        )
      : [],
  );
  return companies.map((c) => ({ ...c, emails: members.filter((m) => m.company_id === c.id).map((m) => m.email), identity_change_pending: waiting.has(c.id) }));
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
    await trx
      .updateTable("companies")
      .set({ ...change, updated_at: nowIso() })
      .where("id", "=", companyId)
      .execute();
    await recordAudit(trx, { actorId: staffId, action: "company.verify", entity: "company", entityId: companyId, before, after: change });
    await tellCompany(trx, companyId, {
      kind: "company-verified",
      eventKey: decisionKey(companyId, change.verified_at),
      vars: { company: before.name },
      link: `/companies/${before.slug}`,
    });
  });
}

export async function rejectCompany(db: DB, companyId: number, staffId: number, reason: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("companies").select(["name", "status", "reject_reason"]).where("id", "=", companyId).executeTakeFirstOrThrow();
    const change = { status: "rejected" as const, reject_reason: reason, verified_by: null, verified_at: null };
    const at = nowIso();
    await trx
      .updateTable("companies")
      .set({ ...change, updated_at: at })
      .where("id", "=", companyId)
      .execute();
    await recordAudit(trx, { actorId: staffId, action: "company.reject", entity: "company", entityId: companyId, before, after: change });
    await tellCompany(trx, companyId, {
      kind: "company-rejected",
      eventKey: decisionKey(companyId, at),
      vars: { company: before.name, reason },
      link: "/company",
    });
  });
}

export async function setCompanyTrusted(db: DB, companyId: number, staffId: number, trusted: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("companies").select(["trusted"]).where("id", "=", companyId).executeTakeFirstOrThrow();
    const change = { trusted: trusted ? 1 : 0 };
    await trx
      .updateTable("companies")
      .set({ ...change, updated_at: nowIso() })
      .where("id", "=", companyId)
      .execute();
    await recordAudit(trx, {
      actorId: staffId,
      action: trusted ? "company.trust" : "company.untrust",
      entity: "company",
      entityId: companyId,
      before,
      after: change,
    });
  });
}

// Public page: verified companies only, with their open vacancies.

/** /companies: every verified company with how many vacancies it has open now, by name. */
export async function listPublicCompanies(db: DB) {
  return (
    db
      .selectFrom("companies as c")
      .select((eb) => [
        "c.slug",
        "c.name",
        "c.city",
        eb
          .selectFrom("vacancies as v")
          .select((v) => v.fn.countAll<number>().as("n"))
          .whereRef("v.company_id", "=", "c.id")
          .where("v.status", "=", "open")
          .as("open_vacancies"),
      ])
      .where("c.status", "=", "verified")
      // The page orders by name in the Kyrgyz alphabet (app/domain/search/rank.ts), which SQLite cannot.
      .orderBy("c.id")
      .execute()
  );
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

/** Why staff rejected the company (null when not given). */
export async function companyRejectReason(db: DB, companyId: number): Promise<string | null> {
  return (await db.selectFrom("companies").select("reject_reason").where("id", "=", companyId).executeTakeFirst())?.reject_reason ?? null;
}
