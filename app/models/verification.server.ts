// Staff verification of what graduates claim: modules, the certificate, skills. Verified
// claims outrank self-declared ones everywhere (profile, directory, matching).
import type { DB } from "@db/connection";
import { recordAudit } from "./audit.server";
import { refreshGraduateSearch } from "./graduate-search.server";

/** Marks a module completed and verified; the skills it teaches become module-backed claims. */
export async function verifyModule(db: DB, graduateId: number, moduleId: number, completedOn: string, score: number | null, staffId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const before = await trx
      .selectFrom("graduate_modules")
      .selectAll()
      .where("graduate_id", "=", graduateId)
      .where("module_id", "=", moduleId)
      .executeTakeFirst();
    await trx
      .insertInto("graduate_modules")
      .values({ graduate_id: graduateId, module_id: moduleId, completed_on: completedOn, score, verified_by: staffId, verified_at: now })
      .onConflict((oc) =>
        oc.columns(["graduate_id", "module_id"]).doUpdateSet({ completed_on: completedOn, score, verified_by: staffId, verified_at: now, updated_at: now }),
      )
      .execute();
    const taught = await trx.selectFrom("module_skills").select("skill_id").where("module_id", "=", moduleId).execute();
    for (const { skill_id } of taught) {
      // A module proves basic, nothing higher (docs/decisions/022): new claims start at basic; an
      // existing self/portfolio claim keeps its declared level, self-declared, and gains a verified basic.
      await trx
        .insertInto("graduate_skills")
        .values({ graduate_id: graduateId, skill_id, level: "basic", source: "module", verified_level: "basic", verified_by: staffId })
        .onConflict((oc) =>
          oc
            .columns(["graduate_id", "skill_id"])
            .doUpdateSet({ source: "module", verified_level: "basic", verified_by: staffId, updated_at: now })
            .where("graduate_skills.source", "in", ["self", "portfolio"]),
        )
        .execute();
    }
    await refreshGraduateSearch(trx, graduateId);
    await recordAudit(trx, {
      actorId: staffId,
      action: "module.verify",
      entity: "graduate",
      entityId: graduateId,
      before,
      after: { moduleId, completedOn, score },
    });
  });
}

export async function withdrawModuleVerification(db: DB, graduateId: number, moduleId: number, staffId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    await trx
      .updateTable("graduate_modules")
      .set({ verified_by: null, verified_at: null, updated_at: now })
      .where("graduate_id", "=", graduateId)
      .where("module_id", "=", moduleId)
      .execute();
    // The verified basic this module gave goes with it, unless another verified module of the
    // graduate teaches the skill too; the declared level stays, self-declared (docs/decisions/022).
    await trx
      .updateTable("graduate_skills")
      .set({ source: "self", verified_level: null, verified_by: null, updated_at: now })
      .where("graduate_id", "=", graduateId)
      .where("source", "=", "module")
      .where("skill_id", "in", (eb) => eb.selectFrom("module_skills").select("skill_id").where("module_id", "=", moduleId))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("module_skills as ms")
              .innerJoin("graduate_modules as gm", "gm.module_id", "ms.module_id")
              .select("ms.skill_id")
              .whereRef("ms.skill_id", "=", "graduate_skills.skill_id")
              .where("gm.graduate_id", "=", graduateId)
              .where("gm.verified_at", "is not", null),
          ),
        ),
      )
      .execute();
    await refreshGraduateSearch(trx, graduateId);
    await recordAudit(trx, { actorId: staffId, action: "module.unverify", entity: "graduate", entityId: graduateId, after: { moduleId } });
  });
}

export async function verifyCertificate(db: DB, graduateId: number, staffId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const g = await trx.selectFrom("graduates").select(["certificate_number", "certificate_date"]).where("id", "=", graduateId).executeTakeFirstOrThrow();
    if (!g.certificate_number) return false;
    await trx
      .updateTable("graduates")
      .set({ certificate_verified_by: staffId, certificate_verified_at: new Date().toISOString() })
      .where("id", "=", graduateId)
      .execute();
    await recordAudit(trx, { actorId: staffId, action: "certificate.verify", entity: "graduate", entityId: graduateId, after: g });
    return true;
  });
}

export async function verifySkill(db: DB, graduateId: number, skillId: number, staffId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("graduate_skills")
      // Staff verify the level the graduate declares, as shown to them (docs/decisions/022).
      .set((eb) => ({ source: "staff", verified_level: eb.ref("level"), verified_by: staffId, updated_at: new Date().toISOString() }))
      .where("graduate_id", "=", graduateId)
      .where("skill_id", "=", skillId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await recordAudit(trx, { actorId: staffId, action: "skill.verify", entity: "graduate", entityId: graduateId, after: { skillId } });
    return true;
  });
}

/** Staff look-up by name or invitation code. */
export async function findGraduatesForStaff(db: DB, q: string, limit = 50) {
  const term = q.trim().replace(/[%_\\]/g, "");
  let query = db
    .selectFrom("graduates")
    .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
    .innerJoin("schools", "schools.id", "cohorts.school_id")
    .leftJoin("invitations", "invitations.graduate_id", "graduates.id")
    .select([
      "graduates.id",
      "graduates.first_name",
      "graduates.last_name",
      "graduates.user_id",
      "graduates.slug",
      "cohorts.graduation_date",
      "schools.name_ky",
      "schools.name_ru",
      "schools.name_en",
      "invitations.code",
    ])
    .where("graduates.anonymised_at", "is", null);
  if (term) {
    const like = `%${term}%`;
    query = query.where((eb) =>
      eb.or([
        eb("graduates.last_name", "like", like),
        eb("graduates.first_name", "like", like),
        eb(eb.fn<string>("concat", ["graduates.first_name", eb.val(" "), "graduates.last_name"]), "like", like),
        eb("invitations.code", "=", term.toUpperCase()),
      ]),
    );
  } else {
    query = query.where("graduates.user_id", "is not", null);
  }
  return query.orderBy("graduates.updated_at", "desc").orderBy("graduates.id", "desc").limit(limit).execute();
}
