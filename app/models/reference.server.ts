// Reference data read by many pages: regions, schools, modules, cohorts, settings.
import type { DB } from "@db/connection";
import type { Lang } from "~/i18n/negotiate";

export async function listRegions(db: DB) {
  return db.selectFrom("regions").selectAll().orderBy("name_en").execute();
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
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const companies = Number(
    (await db.selectFrom("companies").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "verified").executeTakeFirstOrThrow()).n,
  );
  return { schools: await count("schools"), graduates: await count("graduates"), companies };
}
