// A graduate's own data: everything we keep, as JSON; and deletion that keeps only what the
// Agency's anonymous placement statistics need (school, cohort, sex), without the name.
import type { DB } from "@db/connection";
import { exportGraduateApplications, forgetGraduateApplications } from "./applications.server";
import { recordAudit } from "./audit.server";
import { exportGraduateOutcomes } from "./outcomes.server";
import { exportMessagesOf } from "./messages.server";
import { refreshGraduateSearch } from "./graduate-search.server";
import { exportConversationsOf, forgetGraduateConversations } from "./conversations.server";

export async function exportGraduateData(db: DB, userId: number, graduateId: number) {
  const [account, graduate, languages, skills, modules, projects] = await Promise.all([
    db.selectFrom("users").select(["email", "display_name", "role", "created_at"]).where("id", "=", userId).executeTakeFirstOrThrow(),
    db.selectFrom("graduates").selectAll().where("id", "=", graduateId).executeTakeFirstOrThrow(),
    db.selectFrom("graduate_languages").select(["language", "level"]).where("graduate_id", "=", graduateId).execute(),
    db
      .selectFrom("graduate_skills")
      .innerJoin("skills", "skills.id", "graduate_skills.skill_id")
      .select(["skills.name_en as skill", "graduate_skills.level", "graduate_skills.source", "graduate_skills.verified_level", "graduate_skills.created_at"])
      .where("graduate_id", "=", graduateId)
      .execute(),
    db
      .selectFrom("graduate_modules")
      .innerJoin("modules", "modules.id", "graduate_modules.module_id")
      .select(["modules.number", "modules.title_en", "graduate_modules.completed_on", "graduate_modules.score", "graduate_modules.verified_at"])
      .where("graduate_id", "=", graduateId)
      .execute(),
    db.selectFrom("projects").selectAll().where("graduate_id", "=", graduateId).orderBy("position").execute(),
  ]);
  const projectIds = projects.map((p) => p.id);
  const images = projectIds.length
    ? await db.selectFrom("project_images").select(["project_id", "file_name", "alt"]).where("project_id", "in", projectIds).execute()
    : [];
  const projectSkills = projectIds.length
    ? await db
        .selectFrom("project_skills")
        .innerJoin("skills", "skills.id", "project_skills.skill_id")
        .select(["project_id", "skills.name_en"])
        .where("project_id", "in", projectIds)
        .execute()
    : [];
  const applications = await exportGraduateApplications(db, graduateId);
  const outcomes = await exportGraduateOutcomes(db, graduateId);
  const savedSearches = await db.selectFrom("saved_searches").select(["name", "query", "created_at"]).where("user_id", "=", userId).execute();
  const messages = await exportMessagesOf(db, userId);
  // The conversations of their applications (written and received); never the companies' team notes
  // or ratings, which are the company's (docs/product.md §8, docs/decisions/060-notes-and-conversations.md).
  const conversations = await exportConversationsOf(db, graduateId);
  return {
    exportedAt: new Date().toISOString(),
    applications,
    conversations,
    outcomeTracking: outcomes,
    savedSearches,
    messages,
    account,
    profile: graduate,
    languages,
    skills,
    modules,
    projects: projects.map((p) => ({
      ...p,
      skills: projectSkills.filter((s) => s.project_id === p.id).map((s) => s.name_en),
      images: images.filter((i) => i.project_id === p.id).map((i) => ({ url: `/uploads/${i.file_name}`, alt: i.alt })),
    })),
  };
}

/** Deletes the account and the profile; returns the stored file names to remove from disk. */
export async function deleteGraduateAccount(db: DB, userId: number, graduateId: number): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const g = await trx.selectFrom("graduates").select(["photo"]).where("id", "=", graduateId).executeTakeFirstOrThrow();
    const images = await trx
      .selectFrom("project_images")
      .innerJoin("projects", "projects.id", "project_images.project_id")
      .select("project_images.file_name")
      .where("projects.graduate_id", "=", graduateId)
      .execute();
    for (const table of ["graduate_languages", "graduate_skills", "graduate_modules", "projects"] as const) {
      await trx.deleteFrom(table).where("graduate_id", "=", graduateId).execute();
    }
    const now = new Date().toISOString();
    await trx
      .updateTable("graduates")
      .set({
        user_id: null,
        first_name: "",
        last_name: "",
        slug: null,
        email: null,
        phone: null,
        photo: null,
        headline: null,
        about: null,
        region_id: null,
        city: null,
        willing_to_relocate: 0,
        remote_preference: null,
        available_from: null,
        english_level: null,
        certificate_number: null,
        certificate_date: null,
        certificate_verified_by: null,
        certificate_verified_at: null,
        contact_email: null,
        contact_phone: null,
        contact_telegram: null,
        visibility: "private",
        published_at: null,
        anonymised_at: now,
        updated_at: now,
      })
      .where("id", "=", graduateId)
      .execute();
    await forgetGraduateApplications(trx, graduateId, userId);
    await forgetGraduateConversations(trx, graduateId, userId);
    await refreshGraduateSearch(trx, graduateId);
    await recordAudit(trx, { actorId: null, action: "graduate.delete-account", entity: "graduate", entityId: graduateId });
    await trx.deleteFrom("users").where("id", "=", userId).execute(); // sessions go with it (cascade)
    return [g.photo, ...images.map((i) => i.file_name)].filter((f): f is string => Boolean(f));
  });
}
