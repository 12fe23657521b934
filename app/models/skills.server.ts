// The skills taxonomy: names in three languages, aliases, categories, related skills.
// Every name and alias is stored normalised in skill_aliases, so any typed text resolves
// through one indexed lookup.
import { sql } from "kysely";
import type { DB } from "@db/connection";
import { normalizeSkillText } from "~/domain/skills/normalize";
import { recordAudit } from "./audit.server";
import { queueSkillHoldersReindex } from "./search-index.server";

export type SkillRef = { id: number; slug: string; name_ky: string; name_ru: string; name_en: string };

const skillRefColumns = ["skills.id", "skills.slug", "skills.name_ky", "skills.name_ru", "skills.name_en"] as const;

export async function resolveSkillText(db: DB, text: string): Promise<SkillRef | null> {
  const key = normalizeSkillText(text);
  if (!key) return null;
  const row = await db
    .selectFrom("skill_aliases")
    .innerJoin("skills", "skills.id", "skill_aliases.skill_id")
    .select(skillRefColumns)
    .where("skill_aliases.normalized", "=", key)
    .executeTakeFirst();
  return row ?? null;
}

/** Resolves several typed skills (one per line in forms); reports what names nothing. */
export async function resolveSkillTexts(db: DB, texts: string[]): Promise<{ found: SkillRef[]; unknown: string[] }> {
  const found = new Map<number, SkillRef>();
  const unknown: string[] = [];
  for (const text of texts.map((t) => t.trim()).filter(Boolean)) {
    const skill = await resolveSkillText(db, text);
    if (skill) found.set(skill.id, skill);
    else unknown.push(text);
  }
  return { found: [...found.values()], unknown };
}

export type SkillInput = {
  slug: string;
  categoryId: number;
  name_ky: string;
  name_ru: string;
  name_en: string;
  aliases: string[];
  related: string[];
};

export type SaveSkillResult =
  | { ok: true; id: number }
  | {
      ok: false;
      field: "slug" | "aliases" | "related";
      key: "errors.slugTaken" | "errors.aliasTaken" | "admin.modules.unknownSkills";
      vars?: Record<string, string>;
    };

/** Creates (id null) or updates a skill with its names, aliases and relations, all or nothing. */
export async function saveSkill(db: DB, id: number | null, input: SkillInput, actorId: number): Promise<SaveSkillResult> {
  return db.transaction().execute(async (trx): Promise<SaveSkillResult> => {
    const clash = await trx.selectFrom("skills").select("id").where("slug", "=", input.slug).executeTakeFirst();
    if (clash && clash.id !== id) return { ok: false, field: "slug", key: "errors.slugTaken" };

    // Names and aliases together, deduplicated by their normalised key.
    const keys = new Map<string, string>();
    for (const text of [input.name_en, input.name_ru, input.name_ky, ...input.aliases]) {
      const key = normalizeSkillText(text);
      if (key && !keys.has(key)) keys.set(key, text.trim());
    }
    const taken = keys.size
      ? await trx
          .selectFrom("skill_aliases")
          .innerJoin("skills", "skills.id", "skill_aliases.skill_id")
          .select(["skill_aliases.alias", "skill_aliases.normalized", "skills.name_en", "skills.id"])
          .where("skill_aliases.normalized", "in", [...keys.keys()])
          .where("skills.id", "!=", id ?? -1)
          .executeTakeFirst()
      : undefined;
    if (taken) {
      return {
        ok: false,
        field: "aliases",
        key: "errors.aliasTaken",
        vars: { alias: keys.get(taken.normalized) ?? taken.alias, skill: taken.name_en },
      };
    }

    const related = await resolveSkillTexts(trx, input.related);
    if (related.unknown.length) {
      return { ok: false, field: "related", key: "admin.modules.unknownSkills", vars: { list: related.unknown.join(", ") } };
    }

    const row = { slug: input.slug, category_id: input.categoryId, name_ky: input.name_ky, name_ru: input.name_ru, name_en: input.name_en };
    const before = id ? await trx.selectFrom("skills").selectAll().where("id", "=", id).executeTakeFirst() : undefined;
    let skillId: number;
    if (id) {
      await trx
        .updateTable("skills")
        .set({ ...row, updated_at: new Date().toISOString() })
        .where("id", "=", id)
        .execute();
      skillId = id;
    } else {
      const inserted = await trx.insertInto("skills").values(row).returning("id").executeTakeFirstOrThrow();
      skillId = inserted.id;
    }
    const aliasesBefore = id ? await trx.selectFrom("skill_aliases").select("alias").where("skill_id", "=", id).orderBy("id").execute() : [];
    await trx.deleteFrom("skill_aliases").where("skill_id", "=", skillId).execute();
    await trx
      .insertInto("skill_aliases")
      .values([...keys].map(([normalized, alias]) => ({ skill_id: skillId, alias, normalized })))
      .execute();
    // The holders' search rows hold every name and alias of the skill, in this order: rewritten when
    // they change (decision 048, Session 14), in the background after the save (decision 078): the new
    // words find them, and the removed ones stop, once reindexSkillHoldersInBackground has run.
    if (id && aliasesBefore.map((a) => a.alias).join("\n") !== [...keys.values()].join("\n")) await queueSkillHoldersReindex(trx, [id]);

    await trx
      .deleteFrom("skill_relations")
      .where((eb) => eb.or([eb("skill_id", "=", skillId), eb("related_skill_id", "=", skillId)]))
      .execute();
    const relatedIds = related.found.map((s) => s.id).filter((rid) => rid !== skillId);
    if (relatedIds.length) {
      await trx
        .insertInto("skill_relations")
        .values(
          relatedIds.flatMap((rid) => [
            { skill_id: skillId, related_skill_id: rid },
            { skill_id: rid, related_skill_id: skillId },
          ]),
        )
        .execute();
    }
    await recordAudit(trx, {
      actorId,
      action: id ? "skill.update" : "skill.create",
      entity: "skill",
      entityId: skillId,
      before,
      after: { ...row, aliases: [...keys.values()], related: related.found.map((s) => s.slug) },
    });
    return { ok: true, id: skillId };
  });
}

/**
 * Merges a duplicate skill into the one that stays. Every table that points at skills
 * (found from the schema, so tables added later are covered too) is re-pointed; where the
 * other skill is already present the duplicate's row is dropped, so no claim is doubled
 * and none is lost. The duplicate's names become aliases of the skill that stays.
 */
export async function mergeSkills(db: DB, fromId: number, intoId: number, actorId: number): Promise<void> {
  if (fromId === intoId) throw new Error("cannot merge a skill into itself");
  await db.transaction().execute(async (trx) => {
    const from = await trx.selectFrom("skills").selectAll().where("id", "=", fromId).executeTakeFirstOrThrow();
    const into = await trx.selectFrom("skills").selectAll().where("id", "=", intoId).executeTakeFirstOrThrow();
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(trx);
    for (const { name } of tables.rows) {
      const fks = await sql<{ table: string; from: string; to: string }>`select * from pragma_foreign_key_list(${name})`.execute(trx);
      for (const fk of fks.rows.filter((f) => f.table === "skills" && (f.to === "id" || f.to === null))) {
        // Table and column names come from the schema itself, never from input.
        await sql`update or ignore ${sql.table(name)} set ${sql.ref(fk.from)} = ${intoId} where ${sql.ref(fk.from)} = ${fromId}`.execute(trx);
        await sql`delete from ${sql.table(name)} where ${sql.ref(fk.from)} = ${fromId}`.execute(trx);
      }
    }
    await trx.deleteFrom("skills").where("id", "=", fromId).execute();
    // The duplicate's names are the kept skill's aliases now: every holder's search row will name them,
    // rewritten in the background after the merge (decision 048, Session 14; decision 078).
    await queueSkillHoldersReindex(trx, [intoId]);
    await recordAudit(trx, {
      actorId,
      action: "skill.merge",
      entity: "skill",
      entityId: intoId,
      before: { from, into },
      after: { kept: into.slug, removed: from.slug },
    });
  });
}

export type SkillListItem = SkillRef & { category_id: number; aliases: string[] };

/**
 * Every skill of the taxonomy (or of one category) with all its names and aliases as typed by
 * admins: a few hundred rows, searched and ordered in memory by the page (app/domain/search/rank.ts,
 * docs/decisions/046-small-list-search-and-kyrgyz-order.md).
 */
export async function listSkillsForAdmin(db: DB, categoryId?: number): Promise<SkillListItem[]> {
  let query = db.selectFrom("skills").select([...skillRefColumns, "skills.category_id"]);
  if (categoryId) query = query.where("skills.category_id", "=", categoryId);
  const [skills, aliases] = await Promise.all([
    query.orderBy("skills.id").execute(),
    db.selectFrom("skill_aliases").select(["skill_id", "alias"]).orderBy("id").execute(),
  ]);
  const aliasesOf = new Map<number, string[]>();
  for (const a of aliases) {
    const list = aliasesOf.get(a.skill_id);
    if (list) list.push(a.alias);
    else aliasesOf.set(a.skill_id, [a.alias]);
  }
  return skills.map((s) => ({ ...s, aliases: aliasesOf.get(s.id) ?? [] }));
}

export async function getSkillForEdit(db: DB, id: number) {
  const skill = await db.selectFrom("skills").selectAll().where("id", "=", id).executeTakeFirst();
  if (!skill) return null;
  const names = new Set([skill.name_en, skill.name_ru, skill.name_ky].map(normalizeSkillText));
  const aliases = (await db.selectFrom("skill_aliases").select(["alias", "normalized"]).where("skill_id", "=", id).orderBy("id").execute())
    .filter((a) => !names.has(a.normalized))
    .map((a) => a.alias);
  const related = await db
    .selectFrom("skill_relations")
    .innerJoin("skills", "skills.id", "skill_relations.related_skill_id")
    .select(skillRefColumns)
    .where("skill_relations.skill_id", "=", id)
    .orderBy("skills.id")
    .execute();
  return { skill, aliases, related };
}

export async function listCategories(db: DB) {
  return db.selectFrom("skill_categories").selectAll().orderBy("id").execute();
}

export async function categoryExists(db: DB, id: number): Promise<boolean> {
  return Boolean(await db.selectFrom("skill_categories").select("id").where("id", "=", id).executeTakeFirst());
}

export type CategoryInput = { slug: string; name_ky: string; name_ru: string; name_en: string };

/** Adds a skill category with its audit row; a taken slug is refused, nothing written. */
export async function createCategory(db: DB, row: CategoryInput, actorId: number): Promise<{ ok: true; id: number } | { ok: false; key: "errors.slugTaken" }> {
  if (await db.selectFrom("skill_categories").select("id").where("slug", "=", row.slug).executeTakeFirst()) return { ok: false, key: "errors.slugTaken" };
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto("skill_categories").values(row).returning("id").executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId, action: "skill-category.create", entity: "skill_category", entityId: id, after: row });
    return id;
  });
  return { ok: true, id };
}
