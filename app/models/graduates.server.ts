// The graduate record behind a signed-in graduate, and what profiles are made of.
import type { DB } from "@db/connection";
import { requireUser, type SessionUser } from "~/auth/require-user.server";
import { getDb } from "~/db.server";
import { forbidden } from "~/utils/http.server";

export async function graduateOfUser(db: DB, userId: number) {
  return db.selectFrom("graduates").selectAll().where("user_id", "=", userId).where("anonymised_at", "is", null).executeTakeFirst();
}

export type GraduateRow = NonNullable<Awaited<ReturnType<typeof graduateOfUser>>>;

/** For /me pages: the signed-in graduate and their own record (403 when there is none). */
export async function requireGraduate(request: Request): Promise<{ user: SessionUser; graduate: GraduateRow }> {
  const user = await requireUser(request, { role: "graduate" });
  const graduate = await graduateOfUser(getDb(), user.id);
  if (!graduate) forbidden();
  return { user, graduate };
}

/** The home page's "recently published": public profiles, newest first. */
export async function recentPublicGraduates(db: DB, limit: number) {
  return db
    .selectFrom("graduates")
    .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
    .innerJoin("schools", "schools.id", "cohorts.school_id")
    .select(["graduates.slug", "graduates.first_name", "graduates.last_name", "graduates.headline", "schools.name_ky", "schools.name_ru", "schools.name_en"])
    .where("graduates.visibility", "=", "public")
    .where("graduates.published_at", "is not", null)
    .where("graduates.slug", "is not", null)
    .where("graduates.anonymised_at", "is", null)
    .orderBy("graduates.published_at", "desc")
    .orderBy("graduates.id", "desc")
    .limit(limit)
    .execute();
}

/** The account page's line about a graduate: cohort date and school names. */
export async function graduateSchoolOfUser(db: DB, userId: number) {
  return db
    .selectFrom("graduates")
    .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
    .innerJoin("schools", "schools.id", "cohorts.school_id")
    .select(["cohorts.graduation_date", "schools.name_ky", "schools.name_ru", "schools.name_en"])
    .where("graduates.user_id", "=", userId)
    .executeTakeFirst();
}
