// Reference data read by many pages: regions, schools, modules, cohorts, settings.
import type { DB } from "@db/connection";
import type { Lang } from "~/i18n/negotiate";
import { recordAudit } from "./audit.server";

export async function listRegions(db: DB) {
  return db.selectFrom("regions").selectAll().orderBy("id").execute();
}

export async function listSchools(db: DB) {
  return db
    .selectFrom("schools")
    .innerJoin("regions", "regions.id", "schools.region_id")
    .selectAll("schools")
    .select(["regions.name_ky as region_ky", "regions.name_ru as region_ru", "regions.name_en as region_en"])
    .orderBy("schools.id")
    .execute();
}

export async function listCohorts(db: DB) {
  return db
    .selectFrom("cohorts")
    .innerJoin("schools", "schools.id", "cohorts.school_id")
    .select(["cohorts.id", "cohorts.graduation_date", "cohorts.school_id", "schools.name_ky", "schools.name_ru", "schools.name_en"])
    .orderBy("schools.id")
    .orderBy("cohorts.graduation_date", "desc")
    .execute();
}

export const CERTIFICATE_KEYS = ["certificate_name_ky", "certificate_name_ru", "certificate_name_en"] as const;

export async function certificateName(db: DB, lang: Lang): Promise<string> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", `certificate_name_${lang}`).executeTakeFirst();
  return row?.value ?? "ISDEL";
}

export async function portalCounts(db: DB) {
  const count = async (table: "schools" | "graduates") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const companies = Number(
    (
      await db
        .selectFrom("companies")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("status", "=", "verified")
        .executeTakeFirstOrThrow()
    ).n,
  );
  return { schools: await count("schools"), graduates: await count("graduates"), companies };
}

/** The admin home's tiles: schools, modules, skills, and staff/admin accounts. */
export async function adminCounts(db: DB) {
  const count = async (table: "schools" | "modules" | "skills" | "users") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const staff = Number(
    (
      await db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("role", "in", ["staff", "admin"])
        .executeTakeFirstOrThrow()
    ).n,
  );
  return { schools: await count("schools"), modules: await count("modules"), skills: await count("skills"), staff };
}

export async function regionExists(db: DB, id: number): Promise<boolean> {
  return Boolean(await db.selectFrom("regions").select("id").where("id", "=", id).executeTakeFirst());
}

export async function schoolExists(db: DB, id: number): Promise<boolean> {
  return Boolean(await db.selectFrom("schools").select("id").where("id", "=", id).executeTakeFirst());
}

export async function cohortExists(db: DB, id: number): Promise<boolean> {
  return Boolean(await db.selectFrom("cohorts").select("id").where("id", "=", id).executeTakeFirst());
}

export async function getSchool(db: DB, id: number) {
  return db.selectFrom("schools").selectAll().where("id", "=", id).executeTakeFirst();
}

export type SchoolRow = NonNullable<Awaited<ReturnType<typeof getSchool>>>;
export type SchoolInput = {
  slug: string;
  region_id: number;
  name_ky: string;
  name_ru: string;
  name_en: string;
  city_ky: string;
  city_ru: string;
  city_en: string;
};
export type SaveSchoolResult = { ok: true; id: number } | { ok: false; field: "regionId" | "slug"; key: "errors.invalid" | "errors.slugTaken" };

/** Adds a school (current null) or edits one, with its audit row, in one transaction; the whole old row is the audit's "before". */
export async function saveSchool(db: DB, current: SchoolRow | null, row: SchoolInput, actorId: number): Promise<SaveSchoolResult> {
  if (!(await regionExists(db, row.region_id))) return { ok: false, field: "regionId", key: "errors.invalid" };
  const clash = await db.selectFrom("schools").select("id").where("slug", "=", row.slug).executeTakeFirst();
  if (clash && clash.id !== current?.id) return { ok: false, field: "slug", key: "errors.slugTaken" };
  const id = await db.transaction().execute(async (trx) => {
    if (current) {
      await trx
        .updateTable("schools")
        .set({ ...row, updated_at: new Date().toISOString() })
        .where("id", "=", current.id)
        .execute();
      await recordAudit(trx, { actorId, action: "school.update", entity: "school", entityId: current.id, before: current, after: row });
      return current.id;
    }
    const { id } = await trx.insertInto("schools").values(row).returning("id").executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId, action: "school.create", entity: "school", entityId: id, after: row });
    return id;
  });
  return { ok: true, id };
}

export type CertificateNames = Record<(typeof CERTIFICATE_KEYS)[number], string>;

/** The certificate's issuer name in each language, as stored (keys missing until first saved). */
export async function certificateSettings(db: DB): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom("settings")
    .select(["key", "value"])
    .where("key", "in", [...CERTIFICATE_KEYS])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** Saves the three names and their audit row (before and after) in one transaction. */
export async function saveCertificateNames(db: DB, names: CertificateNames, actorId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("settings")
      .select(["key", "value"])
      .where("key", "in", [...CERTIFICATE_KEYS])
      .execute();
    for (const key of CERTIFICATE_KEYS) {
      await trx
        .insertInto("settings")
        .values({ key, value: names[key] })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value: names[key], updated_at: new Date().toISOString() }))
        .execute();
    }
    await recordAudit(trx, { actorId, action: "settings.certificate", entity: "settings", before, after: names });
  });
}

/** One cohort with its school's names (the cohort's invitations page). */
export async function getCohort(db: DB, id: number) {
  return db
    .selectFrom("cohorts")
    .innerJoin("schools", "schools.id", "cohorts.school_id")
    .select(["cohorts.id", "cohorts.graduation_date", "schools.name_ky", "schools.name_ru", "schools.name_en"])
    .where("cohorts.id", "=", id)
    .executeTakeFirst();
}

/**
 * A cohort (school + graduation date) with its audit row; an unknown school or an existing cohort is refused, nothing written.
 * The audit's "after" is the input as given (the form's fields).
 */
export async function createCohort(
  db: DB,
  input: { schoolId: number; graduationDate: string },
  actorId: number,
): Promise<{ ok: true; id: number } | { ok: false; field: "schoolId" | "graduationDate"; key: "errors.invalid" | "errors.cohortExists" }> {
  const { schoolId, graduationDate } = input;
  if (!(await schoolExists(db, schoolId))) return { ok: false, field: "schoolId", key: "errors.invalid" };
  const exists = await db.selectFrom("cohorts").select("id").where("school_id", "=", schoolId).where("graduation_date", "=", graduationDate).executeTakeFirst();
  if (exists) return { ok: false, field: "graduationDate", key: "errors.cohortExists" };
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto("cohorts").values({ school_id: schoolId, graduation_date: graduationDate }).returning("id").executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId, action: "cohort.create", entity: "cohort", entityId: id, after: input });
    return id;
  });
  return { ok: true, id };
}
