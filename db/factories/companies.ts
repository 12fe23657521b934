// Companies, made the way employer sign-up makes them (createPendingCompany: a free slug from
// the name, the owner a member), then set to the status staff would have given them.
import type { DB } from "../connection";
import type { CompanyStatus } from "../../app/domain/companies/options";
import { claimCompanyInvite, createCompanyInvite, createPendingCompany } from "../../app/models/companies.server";
import { nextNumber } from "./accounts";

export type CompanyOptions = {
  status?: CompanyStatus;
  name?: string;
  /** Trusted companies publish without moderation. */
  trusted?: boolean;
  /** Profile fields as the company page's form stores them. */
  htpNumber?: string | null;
  website?: string | null;
  city?: string | null;
  about?: string | null;
};

/**
 * A company with its owner as member. Verification and rejection are set as staff leave them,
 * without replaying the staff action's audit entry and notification (decision 039).
 */
export async function makeCompany(db: DB, ownerId: number, options: CompanyStatus | CompanyOptions = {}): Promise<number> {
  const o = typeof options === "string" ? { status: options } : options;
  const name = o.name ?? `Company ${nextNumber()}`;
  const id = await createPendingCompany(db, name, ownerId);
  const profile = {
    ...(o.htpNumber !== undefined ? { htp_number: o.htpNumber } : {}),
    ...(o.website !== undefined ? { website: o.website } : {}),
    ...(o.city !== undefined ? { city: o.city } : {}),
    ...(o.about !== undefined ? { about: o.about } : {}),
  };
  const status = o.status ?? "verified";
  if (status !== "pending" || o.trusted || Object.keys(profile).length) {
    await db
      .updateTable("companies")
      .set({ ...profile, status, trusted: o.trusted ? 1 : 0 })
      .where("id", "=", id)
      .execute();
  }
  return id;
}

/** A colleague joins the company the way sign-up with a colleague invitation joins it. */
export async function addCompanyMember(db: DB, companyId: number, userId: number, invitedBy?: number): Promise<void> {
  const inviter =
    invitedBy ??
    (await db.selectFrom("company_members").select("user_id").where("company_id", "=", companyId).orderBy("user_id").executeTakeFirstOrThrow()).user_id;
  const invite = await createCompanyInvite(db, companyId, inviter);
  await db.transaction().execute(async (trx) => {
    if ((await claimCompanyInvite(trx, invite.id)) !== companyId) throw new Error(`could not join company ${companyId}`);
    await trx.insertInto("company_members").values({ company_id: companyId, user_id: userId }).execute();
  });
}
