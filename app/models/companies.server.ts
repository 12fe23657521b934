import type { DB } from "@db/connection";
import { slugify } from "~/domain/text/slugify";

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
