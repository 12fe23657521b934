// A graduate's profile as pages show it, and the graduate's own edits to it.
// Every function takes the graduate id and touches only that graduate's rows.
import { LEVEL_RANK } from "~/domain/skills/levels";
import type { DB } from "@db/connection";
import type { Commit } from "@db/durable-commit";
import type { CefrLevel, RemotePreference, SkillLevel, SkillSource, Visibility } from "@db/schema";
import { type ProfileFacts, profileCompleteness } from "~/domain/profile/completeness";
import { claimEvidence, evidenceGroup, topPair } from "~/domain/profile/skill-evidence";
import { slugify } from "~/domain/text/slugify";
import { refreshGraduateSearch } from "./graduate-search.server";

import { LANGUAGE_CODES } from "~/domain/profile/options";

export async function loadProfile(db: DB, graduateId: number) {
  const graduate = await db
    .selectFrom("graduates")
    .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
    .innerJoin("schools", "schools.id", "cohorts.school_id")
    .leftJoin("regions", "regions.id", "graduates.region_id")
    .selectAll("graduates")
    .select([
      "cohorts.graduation_date",
      "schools.name_ky as school_ky",
      "schools.name_ru as school_ru",
      "schools.name_en as school_en",
      "regions.name_ky as region_ky",
      "regions.name_ru as region_ru",
      "regions.name_en as region_en",
    ])
    .where("graduates.id", "=", graduateId)
    .executeTakeFirst();
  if (!graduate) return null;

  const [languages, claims, projectSkills, modules, projectCount] = await Promise.all([
    db.selectFrom("graduate_languages").select(["language", "level"]).where("graduate_id", "=", graduateId).execute(),
    db
      .selectFrom("graduate_skills")
      .innerJoin("skills", "skills.id", "graduate_skills.skill_id")
      .select([
        "skills.id",
        "skills.slug",
        "skills.name_ky",
        "skills.name_ru",
        "skills.name_en",
        "graduate_skills.level",
        "graduate_skills.source",
        "graduate_skills.verified_level",
      ])
      .where("graduate_skills.graduate_id", "=", graduateId)
      .orderBy("skills.id")
      .execute(),
    db
      .selectFrom("project_skills")
      .innerJoin("projects", "projects.id", "project_skills.project_id")
      .select("project_skills.skill_id")
      .where("projects.graduate_id", "=", graduateId)
      .execute(),
    db
      .selectFrom("modules")
      .leftJoin("graduate_modules", (j) => j.onRef("graduate_modules.module_id", "=", "modules.id").on("graduate_modules.graduate_id", "=", graduateId))
      .select([
        "modules.id",
        "modules.number",
        "modules.title_ky",
        "modules.title_ru",
        "modules.title_en",
        "graduate_modules.completed_on",
        "graduate_modules.score",
        "graduate_modules.verified_at",
      ])
      .orderBy("modules.number")
      .execute(),
    db
      .selectFrom("projects")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("graduate_id", "=", graduateId)
      .executeTakeFirstOrThrow(),
  ]);

  // Evidence per (skill, level) pair (docs/decisions/022): `level` is the declared level and
  // `evidence` what backs that level; `pairs` is everything shown ("basic ✓ verified; intermediate, self-declared").
  const inProjects = new Set(projectSkills.map((p) => p.skill_id));
  const skills = claims
    .map(({ verified_level, ...c }) => {
      const pairs = claimEvidence({ ...c, verified_level }, inProjects.has(c.id));
      const top = topPair(pairs);
      return { ...c, evidence: top.level === c.level ? top.evidence : ("self" as SkillSource), pairs };
    })
    // Best evidence first; inside that, the page orders by the name it shows (sortByShownName,
    // docs/decisions/050-skill-chips-order.md).
    .sort((a, b) => evidenceGroup(a.pairs) - evidenceGroup(b.pairs));
  const order = new Map<string, number>(LANGUAGE_CODES.map((code, i) => [code, i]));
  languages.sort((a, b) => (order.get(a.language) ?? 99) - (order.get(b.language) ?? 99));

  const facts: ProfileFacts = {
    hasPhoto: Boolean(graduate.photo),
    headline: graduate.headline,
    about: graduate.about,
    hasPlace: Boolean(graduate.region_id && graduate.city),
    availableFrom: graduate.available_from,
    englishLevel: graduate.english_level,
    languageCount: languages.length,
    skillCount: skills.length,
    moduleCount: modules.filter((m) => m.completed_on).length,
    hasCertificate: Boolean(graduate.certificate_number),
    projectCount: Number(projectCount.n),
    hasContact: Boolean(graduate.contact_email || graduate.contact_phone || graduate.contact_telegram),
    visible: graduate.visibility !== "private",
  };
  return { graduate, languages, skills, modules, projectCount: Number(projectCount.n), completeness: profileCompleteness(facts) };
}

export type Profile = NonNullable<Awaited<ReturnType<typeof loadProfile>>>;

/** A stable address for /g/:slug, made once from the name ("aiperi-zhumabekova", then "-2" …). */
export async function ensureGraduateSlug(db: DB, graduateId: number): Promise<string> {
  const g = await db.selectFrom("graduates").select(["slug", "first_name", "last_name"]).where("id", "=", graduateId).executeTakeFirstOrThrow();
  if (g.slug) return g.slug;
  const base = slugify(`${g.first_name} ${g.last_name}`) || "graduate";
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const taken = await db.selectFrom("graduates").select("id").where("slug", "=", candidate).executeTakeFirst();
    if (!taken) {
      await db.updateTable("graduates").set({ slug: candidate }).where("id", "=", graduateId).execute();
      return candidate;
    }
  }
}

export type BasicsInput = {
  headline: string | null;
  about: string | null;
  region_id: number | null;
  city: string | null;
  willing_to_relocate: number;
  remote_preference: RemotePreference | null;
  available_from: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  contact_telegram: string | null;
  visibility: Visibility;
};

/** `commit`: how the transaction commits (the page passes pageCommit(): its disk sync off the event loop). */
export async function saveBasics(db: DB, graduateId: number, input: BasicsInput, commit: Commit = (write) => db.transaction().execute(write)): Promise<void> {
  await commit(async (trx) => {
    const before = await trx.selectFrom("graduates").select(["visibility", "published_at"]).where("id", "=", graduateId).executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    // Published when it first becomes visible beyond the placement office (the home page lists recent ones).
    const published_at =
      input.visibility === "private" ? before.published_at : before.visibility === "private" || !before.published_at ? now : before.published_at;
    await trx
      .updateTable("graduates")
      .set({ ...input, published_at, updated_at: now })
      .where("id", "=", graduateId)
      .execute();
    await ensureGraduateSlug(trx, graduateId);
    await refreshGraduateSearch(trx, graduateId);
  });
}

export async function setPhoto(db: DB, graduateId: number, fileName: string | null): Promise<string | null> {
  const before = await db.selectFrom("graduates").select("photo").where("id", "=", graduateId).executeTakeFirstOrThrow();
  await db.updateTable("graduates").set({ photo: fileName, updated_at: new Date().toISOString() }).where("id", "=", graduateId).execute();
  return before.photo;
}

/** Replaces the graduate's languages; English also sets the profile's English level. */
export async function saveLanguages(db: DB, graduateId: number, levels: { language: string; level: CefrLevel }[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("graduate_languages").where("graduate_id", "=", graduateId).execute();
    if (levels.length)
      await trx
        .insertInto("graduate_languages")
        .values(levels.map((l) => ({ graduate_id: graduateId, ...l })))
        .execute();
    const english = levels.find((l) => l.language === "en")?.level ?? null;
    await trx.updateTable("graduates").set({ english_level: english, updated_at: new Date().toISOString() }).where("id", "=", graduateId).execute();
  });
}

export async function addSkillClaim(db: DB, graduateId: number, skillId: number, level: SkillLevel): Promise<"added" | "exists"> {
  return db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom("graduate_skills")
      .select("skill_id")
      .where("graduate_id", "=", graduateId)
      .where("skill_id", "=", skillId)
      .executeTakeFirst();
    if (exists) return "exists" as const;
    await trx.insertInto("graduate_skills").values({ graduate_id: graduateId, skill_id: skillId, level, source: "self", verified_by: null }).execute();
    await refreshGraduateSearch(trx, graduateId);
    return "added" as const;
  });
}

const LEVEL_ORDER = LEVEL_RANK;

/**
 * The graduate changes the declared level. A verification keeps the level it proved: raised
 * above it, the new level is self-declared beside the verified one (docs/decisions/022);
 * lowered below it, the verification now covers only the lower level.
 *
 * The full-text index is not touched, and nothing a user sees goes stale (checked in session 14,
 * docs/decisions/048): a graduate's search row holds the names and aliases of the skills, never their
 * levels (app/models/search-index.server.ts), so the row is the same before and after. What the level
 * does change is read from the tables or follows the change log: the update's trigger (migration 0004)
 * logs the graduate in match_changes in this transaction, so the matching index (scores use the
 * level), the directory's view and the kept text rankings re-read this graduate at their next use;
 * profile, portfolio, CV and directory cards read the level from graduate_skills.
 */
export async function setSkillLevel(db: DB, graduateId: number, skillId: number, level: SkillLevel): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("graduate_skills")
      .select("verified_level")
      .where("graduate_id", "=", graduateId)
      .where("skill_id", "=", skillId)
      .executeTakeFirst();
    if (!row) return;
    const verified_level = row.verified_level && LEVEL_ORDER[row.verified_level] > LEVEL_ORDER[level] ? level : row.verified_level;
    await trx
      .updateTable("graduate_skills")
      .set({ level, verified_level, updated_at: new Date().toISOString() })
      .where("graduate_id", "=", graduateId)
      .where("skill_id", "=", skillId)
      .execute();
  });
}

export async function removeSkillClaim(db: DB, graduateId: number, skillId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom("graduate_skills").where("graduate_id", "=", graduateId).where("skill_id", "=", skillId).executeTakeFirst();
    // A skill the graduate does not claim (someone else's, or none): nothing to do, nothing written.
    if (Number(removed.numDeletedRows) > 0) await refreshGraduateSearch(trx, graduateId);
  });
}

/** The graduate declares a module completed; a verified module cannot be changed by the graduate. */
export async function declareModule(db: DB, graduateId: number, moduleId: number, completedOn: string, score: number | null): Promise<"saved" | "verified"> {
  const existing = await db
    .selectFrom("graduate_modules")
    .select("verified_at")
    .where("graduate_id", "=", graduateId)
    .where("module_id", "=", moduleId)
    .executeTakeFirst();
  if (existing?.verified_at) return "verified";
  await db
    .insertInto("graduate_modules")
    .values({ graduate_id: graduateId, module_id: moduleId, completed_on: completedOn, score, verified_by: null, verified_at: null })
    .onConflict((oc) => oc.columns(["graduate_id", "module_id"]).doUpdateSet({ completed_on: completedOn, score, updated_at: new Date().toISOString() }))
    .execute();
  return "saved";
}

/** Changing the certificate withdraws an earlier verification. */
export async function saveCertificate(db: DB, graduateId: number, number: string | null, date: string | null): Promise<void> {
  const before = await db.selectFrom("graduates").select(["certificate_number", "certificate_date"]).where("id", "=", graduateId).executeTakeFirstOrThrow();
  const changed = before.certificate_number !== number || before.certificate_date !== date;
  await db
    .updateTable("graduates")
    .set({
      certificate_number: number,
      certificate_date: date,
      ...(changed ? { certificate_verified_by: null, certificate_verified_at: null } : {}),
      updated_at: new Date().toISOString(),
    })
    .where("id", "=", graduateId)
    .execute();
}

/** The graduate's language levels by language code, for the languages form. */
export async function languageLevels(db: DB, graduateId: number): Promise<Record<string, string>> {
  const rows = await db.selectFrom("graduate_languages").select(["language", "level"]).where("graduate_id", "=", graduateId).execute();
  return Object.fromEntries(rows.map((r) => [r.language, r.level]));
}
