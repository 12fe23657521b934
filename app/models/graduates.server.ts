// The graduate record behind a signed-in graduate (requireGraduate in app/auth/guards.server.ts), and what profiles are made of.
import type { DB } from "@db/connection";

export async function graduateOfUser(db: DB, userId: number) {
  return db.selectFrom("graduates").selectAll().where("user_id", "=", userId).where("anonymised_at", "is", null).executeTakeFirst();
}

export type GraduateRow = NonNullable<Awaited<ReturnType<typeof graduateOfUser>>>;

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
