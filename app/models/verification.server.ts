// Staff verification of what graduates claim: modules, the certificate, skills. Verified
// claims outrank self-declared ones everywhere (profile, directory, matching).
import { sql } from "kysely";
import type { DB } from "@db/connection";
import { schoolIdList } from "~/domain/staff/scope";
import { recordAudit } from "./audit.server";
import { GRADUATES_INDEX } from "./directory.server";
import { type FullTextIndex, searchInTiers, type TextSearch } from "./full-text.server";
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

export type StaffGraduateRow = {
  id: number;
  first_name: string;
  last_name: string;
  user_id: number | null;
  slug: string | null;
  graduation_date: string;
  name_ky: string;
  name_ru: string;
  name_en: string;
  code: string | null;
};

export type StaffGraduateSearch = {
  graduates: StaffGraduateRow[];
  /** How many graduates the text finds (the list shows the first `limit`). */
  total: number;
  /** Words the names also matched (near spellings), for highlighting. */
  alsoWords: string[];
  /** Nothing matched, but this corrected name finds someone ("did you mean"). */
  suggestion: string | null;
  /** The list matched only near spellings of a name (one typo): these. */
  near: string[];
};

/** The staff graduate list searches the name column of the directory's index (docs/decisions/045). */
const STAFF_NAMES_INDEX: FullTextIndex = { ...GRADUATES_INDEX, columns: { exact: ["name"], names: ["name"] } };

const staffColumns = sql`g.id, g.first_name, g.last_name, g.user_id, g.slug, c.graduation_date, s.name_ky, s.name_ru, s.name_en, i.code`;
const staffJoins = sql`join cohorts c on c.id = g.cohort_id join schools s on s.id = c.school_id left join invitations i on i.graduate_id = g.id`;

/**
 * Staff find a graduate by name — in any inflected form, in either script, with one typo
 * (the search tiers of app/models/full-text.server.ts over graduates_fts) — or by invitation
 * code. Without text: the graduates with accounts, most recently updated first.
 */
export async function findGraduatesForStaff(db: DB, q: string, limit = 50, schoolIds: readonly number[] | null = null): Promise<StaffGraduateSearch> {
  const term = q.trim();
  // A school-scoped officer finds their schools' graduates only, in the query (docs/decisions/063-staff-scope.md).
  const inScope = schoolIds === null ? sql`1` : sql`g.cohort_id in (select id from cohorts where school_id in (${sql.join(schoolIdList(schoolIds))}))`;
  if (!term) {
    // The 50 ids first, read from the end of an index in this order (migration 0038), then their joins:
    // planned from the cohorts, SQLite sorted every graduate with an account (docs/decisions/071).
    const { rows } = await sql<StaffGraduateRow>`select ${staffColumns} from (
        select g.id from graduates g indexed by graduates_recently_updated
        where g.anonymised_at is null and g.user_id is not null and ${inScope} order by g.updated_at desc, g.id desc limit ${limit}
      ) p cross join graduates g on g.id = p.id ${staffJoins} order by g.updated_at desc, g.id desc`.execute(db);
    return { graduates: rows, total: rows.length, alsoWords: [], suggestion: null, near: [] };
  }
  const code = term.toUpperCase();
  const outcome = await searchInTiers(db, STAFF_NAMES_INDEX, term, async (plan: TextSearch) => {
    // The ids first — the code's graduate and the name hits, each once — then the joins for the
    // shown rows only. With the code's test beside the name test, SQLite joined every graduate's
    // invitation before testing either (docs/decisions/048-directory-and-skill-gap-speed.md).
    const byCode = sql`select graduate_id as id, 1 as by_code, null as tier, null as score from invitations where code = ${code}`;
    const found = plan.searching ? sql`${byCode} union all select id, 0, tier, score from hits` : byCode;
    const { rows } = await sql<StaffGraduateRow & { total: number }>`${plan.searching ? plan.withHits(true) : sql``}select ${staffColumns}, p.total from (
        select f.id, f.by_code, f.tier, f.score, g.updated_at, count(*) over () as total
        from (select id, max(by_code) as by_code, min(tier) as tier, min(score) as score from (${found}) group by id) f
        cross join graduates g on g.id = f.id
        where g.anonymised_at is null and ${inScope}
        order by f.by_code desc, f.tier, coalesce(f.score, 0), g.updated_at desc, g.id desc limit ${limit}
      ) p cross join graduates g on g.id = p.id ${staffJoins}
      order by p.by_code desc, p.tier, coalesce(p.score, 0), p.updated_at desc, p.id desc`.execute(db);
    return { rows: rows.map(({ total: _total, ...row }) => row), total: Number(rows[0]?.total ?? 0) };
  });
  return {
    graduates: outcome.result.rows,
    total: outcome.result.total,
    alsoWords: outcome.alsoWords,
    suggestion: outcome.suggestion,
    near: outcome.near,
  };
}
