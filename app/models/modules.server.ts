import { sql } from "kysely";
import type { DB } from "@db/connection";
import { recordAudit } from "./audit.server";
import { resolveSkillTexts } from "./skills.server";

export async function listModulesWithSkills(db: DB) {
  const modules = await db.selectFrom("modules").selectAll().orderBy("number").execute();
  const taught = await db
    .selectFrom("module_skills")
    .innerJoin("skills", "skills.id", "module_skills.skill_id")
    .select(["module_skills.module_id", "skills.id", "skills.slug", "skills.name_ky", "skills.name_ru", "skills.name_en"])
    // A stable order only: the page orders chips by the name it shows (docs/decisions/050-skill-chips-order.md).
    .orderBy("skills.id")
    .execute();
  return modules.map((m) => ({ ...m, skills: taught.filter((s) => s.module_id === m.id) }));
}

export type ModuleInput = { title_ky: string; title_ru: string; title_en: string; skills: string[] };

/** Saves a module's titles and the skills it teaches; unknown skill names are reported, nothing is written. */
export async function saveModule(db: DB, moduleId: number, input: ModuleInput, actorId: number): Promise<{ ok: true } | { ok: false; unknown: string[] }> {
  return db.transaction().execute(async (trx) => {
    const { found, unknown } = await resolveSkillTexts(trx, input.skills);
    if (unknown.length) return { ok: false as const, unknown };
    const before = await trx.selectFrom("modules").selectAll().where("id", "=", moduleId).executeTakeFirstOrThrow();
    const beforeSkills = await trx
      .selectFrom("module_skills")
      .select(sql<string>`group_concat(skill_id)`.as("ids"))
      .where("module_id", "=", moduleId)
      .executeTakeFirst();
    const { skills: _texts, ...titles } = input;
    await trx
      .updateTable("modules")
      .set({ ...titles, updated_at: new Date().toISOString() })
      .where("id", "=", moduleId)
      .execute();
    await trx.deleteFrom("module_skills").where("module_id", "=", moduleId).execute();
    if (found.length)
      await trx
        .insertInto("module_skills")
        .values(found.map((s) => ({ module_id: moduleId, skill_id: s.id })))
        .execute();
    await recordAudit(trx, {
      actorId,
      action: "module.update",
      entity: "module",
      entityId: moduleId,
      before: { ...before, skills: beforeSkills?.ids ?? "" },
      after: { ...titles, skills: found.map((s) => s.slug) },
    });
    return { ok: true as const };
  });
}

export async function moduleExists(db: DB, id: number): Promise<boolean> {
  return Boolean(await db.selectFrom("modules").select("id").where("id", "=", id).executeTakeFirst());
}
