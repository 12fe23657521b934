// What a school-scoped staff account may name (docs/product.md §16, docs/decisions/063-staff-scope.md):
// each query takes `schoolIds` from schoolIdsOf(scope) — null is the whole Agency — and limits by it
// in SQL, so a record outside the scope reads as absent and the route answers 404.
import { sql } from "kysely";
import type { DB } from "@db/connection";
import { schoolIdList } from "~/domain/staff/scope";

/** An SQL condition "this cohort id is in the scope" for raw queries (true for the whole Agency). */
function cohortColumnInScope(column: string, schoolIds: readonly number[] | null) {
  if (schoolIds === null) return sql`1`;
  return sql`${sql.ref(column)} in (select id from cohorts where school_id in (${sql.join(schoolIdList(schoolIds))}))`;
}

export async function graduateInScope(db: DB, graduateId: number, schoolIds: readonly number[] | null): Promise<boolean> {
  const row = await db
    .selectFrom("graduates")
    .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
    .select("graduates.id")
    .where("graduates.id", "=", graduateId)
    .$if(schoolIds !== null, (q) => q.where("cohorts.school_id", "in", schoolIdList(schoolIds!)))
    .executeTakeFirst();
  return Boolean(row);
}

export async function cohortInScope(db: DB, cohortId: number, schoolIds: readonly number[] | null): Promise<boolean> {
  const row = await db
    .selectFrom("cohorts")
    .select("id")
    .where("id", "=", cohortId)
    .$if(schoolIds !== null, (q) => q.where("school_id", "in", schoolIdList(schoolIds!)))
    .executeTakeFirst();
  return Boolean(row);
}

/** A staged CSV import whose cohort is in the scope. */
export async function importInScope(db: DB, importId: number, schoolIds: readonly number[] | null): Promise<boolean> {
  const row = await db
    .selectFrom("csv_imports")
    .innerJoin("cohorts", "cohorts.id", "csv_imports.cohort_id")
    .select("csv_imports.id")
    .where("csv_imports.id", "=", importId)
    .$if(schoolIds !== null, (q) => q.where("cohorts.school_id", "in", schoolIdList(schoolIds!)))
    .executeTakeFirst();
  return Boolean(row);
}

/** An application whose graduate is in the scope (a reported conversation is read only then). */
export async function applicationInScope(db: DB, applicationId: number, schoolIds: readonly number[] | null): Promise<boolean> {
  const row = await db
    .selectFrom("applications")
    .innerJoin("graduates", "graduates.id", "applications.graduate_id")
    .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
    .select("applications.id")
    .where("applications.id", "=", applicationId)
    .$if(schoolIds !== null, (q) => q.where("cohorts.school_id", "in", schoolIdList(schoolIds!)))
    .executeTakeFirst();
  return Boolean(row);
}

/** A user account a scoped officer may hand a reset link to: a graduate of their schools (null scope: anyone). */
export async function userIsGraduateInScope(db: DB, userId: number, schoolIds: readonly number[]): Promise<boolean> {
  const row = await db
    .selectFrom("graduates")
    .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
    .select("graduates.id")
    .where("graduates.user_id", "=", userId)
    .where("cohorts.school_id", "in", schoolIdList(schoolIds))
    .executeTakeFirst();
  return Boolean(row);
}

/** The schools a staff member may work with (all for the whole Agency), with their region's name. */
export async function schoolsInScope(db: DB, schoolIds: readonly number[] | null) {
  return db
    .selectFrom("schools")
    .innerJoin("regions", "regions.id", "schools.region_id")
    .selectAll("schools")
    .select(["regions.name_ky as region_ky", "regions.name_ru as region_ru", "regions.name_en as region_en"])
    .$if(schoolIds !== null, (q) => q.where("schools.id", "in", schoolIdList(schoolIds!)))
    .orderBy("schools.id")
    .execute();
}

/** Cohorts of the scope's schools, as listCohorts gives them (school, newest first). */
export async function cohortsInScope(db: DB, schoolIds: readonly number[] | null) {
  return db
    .selectFrom("cohorts")
    .innerJoin("schools", "schools.id", "cohorts.school_id")
    .select(["cohorts.id", "cohorts.graduation_date", "cohorts.school_id", "schools.name_ky", "schools.name_ru", "schools.name_en"])
    .$if(schoolIds !== null, (q) => q.where("cohorts.school_id", "in", schoolIdList(schoolIds!)))
    .orderBy("schools.id")
    .orderBy("cohorts.graduation_date", "desc")
    .execute();
}

/** The names of a scope's schools, for the line under the staff navigation (empty for the whole Agency). */
export async function scopeSchoolNames(db: DB, schoolIds: readonly number[] | null) {
  if (schoolIds === null) return [];
  return db.selectFrom("schools").select(["id", "name_ky", "name_ru", "name_en"]).where("id", "in", schoolIdList(schoolIds)).orderBy("id").execute();
}

/** The staff landing page's counts, of the scope: graduates enrolled, and how many of them have joined. */
export async function staffWorkCounts(db: DB, schoolIds: readonly number[] | null) {
  const { rows } = await sql<{ enrolled: number; joined: number }>`select count(*) as enrolled, count(g.user_id) as joined
    from graduates g where g.anonymised_at is null and ${cohortColumnInScope("g.cohort_id", schoolIds)}`.execute(db);
  return { enrolled: Number(rows[0]?.enrolled ?? 0), joined: Number(rows[0]?.joined ?? 0) };
}

/** Whether the id names a staff account (admins are always the whole Agency and have no scope to set). */
export async function isStaffAccount(db: DB, userId: number): Promise<boolean> {
  return Boolean(await db.selectFrom("users").select("id").where("id", "=", userId).where("role", "=", "staff").executeTakeFirst());
}

/** Which of these school ids name no school (a forged or stale tick). */
export async function unknownSchoolIds(db: DB, schoolIds: readonly number[]): Promise<number[]> {
  if (schoolIds.length === 0) return [];
  const found = new Set(
    (
      await db
        .selectFrom("schools")
        .select("id")
        .where("id", "in", [...schoolIds])
        .execute()
    ).map((r) => r.id),
  );
  return schoolIds.filter((id) => !found.has(id));
}
