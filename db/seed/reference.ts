// Reference data every install needs, demo or not: regions, the cluster's schools, the
// skills taxonomy, the 12 modules and the certificate's name.
// The job words kept beside the skills are filled by migration 0014 instead, so that running
// portals get them too (docs/decisions/047-job-words-stored.md).
import type { DB } from "../connection";
import { normalizeSkillText } from "../../app/domain/skills/normalize";
import { modules, regions, schools } from "./data/places";
import { skillCategories, skills } from "./data/skills";

export async function seedReferenceData(db: DB): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const r of regions) {
      await trx.insertInto("regions").values({ code: r.code, name_ky: r.ky, name_ru: r.ru, name_en: r.en }).execute();
    }
    const regionId = new Map((await trx.selectFrom("regions").select(["id", "code"]).execute()).map((r) => [r.code, r.id]));
    for (const s of schools) {
      await trx
        .insertInto("schools")
        .values({
          slug: s.slug,
          region_id: regionId.get(s.region)!,
          name_ky: s.name.ky,
          name_ru: s.name.ru,
          name_en: s.name.en,
          city_ky: s.city.ky,
          city_ru: s.city.ru,
          city_en: s.city.en,
        })
        .execute();
    }

    for (const c of skillCategories) {
      await trx.insertInto("skill_categories").values({ slug: c.slug, name_ky: c.ky, name_ru: c.ru, name_en: c.en }).execute();
    }
    const categoryId = new Map((await trx.selectFrom("skill_categories").select(["id", "slug"]).execute()).map((c) => [c.slug, c.id]));
    const skillId = new Map<string, number>();
    const aliasOwner = new Map<string, string>();
    for (const s of skills) {
      const category = categoryId.get(s.category);
      if (!category) throw new Error(`skill ${s.slug}: unknown category ${s.category}`);
      const { id } = await trx
        .insertInto("skills")
        .values({ slug: s.slug, category_id: category, name_ky: s.ky, name_ru: s.ru, name_en: s.en })
        .returning("id")
        .executeTakeFirstOrThrow();
      skillId.set(s.slug, id);
      const rows: { skill_id: number; alias: string; normalized: string }[] = [];
      for (const text of [s.en, s.ru, s.ky, ...s.aliases]) {
        const normalized = normalizeSkillText(text);
        if (!normalized || aliasOwner.get(normalized) === s.slug) continue;
        if (aliasOwner.has(normalized)) throw new Error(`alias "${text}" of ${s.slug} already names ${aliasOwner.get(normalized)}`);
        aliasOwner.set(normalized, s.slug);
        rows.push({ skill_id: id, alias: text, normalized });
      }
      await trx.insertInto("skill_aliases").values(rows).execute();
    }
    const pairs = new Set<string>();
    for (const s of skills) {
      for (const rel of s.related ?? []) {
        const a = skillId.get(s.slug)!;
        const b = skillId.get(rel);
        if (!b) throw new Error(`skill ${s.slug}: unknown related skill ${rel}`);
        if (a === b) continue;
        for (const [x, y] of [
          [a, b],
          [b, a],
        ] as const) {
          if (pairs.has(`${x}:${y}`)) continue;
          pairs.add(`${x}:${y}`);
          await trx.insertInto("skill_relations").values({ skill_id: x, related_skill_id: y }).execute();
        }
      }
    }

    for (const [index, m] of modules.entries()) {
      const { id } = await trx
        .insertInto("modules")
        .values({ number: index + 1, title_ky: m.ky, title_ru: m.ru, title_en: m.en })
        .returning("id")
        .executeTakeFirstOrThrow();
      const taught = new Set<number>();
      for (const text of m.skills) {
        const owner = aliasOwner.get(normalizeSkillText(text));
        if (!owner) throw new Error(`module ${index + 1}: skill "${text}" is not in the taxonomy`);
        taught.add(skillId.get(owner)!);
      }
      await trx
        .insertInto("module_skills")
        .values([...taught].map((skill_id) => ({ module_id: id, skill_id })))
        .execute();
    }

    await trx
      .insertInto("settings")
      .values([
        { key: "certificate_name_ky", value: "ISDEL" },
        { key: "certificate_name_ru", value: "ISDEL" },
        { key: "certificate_name_en", value: "ISDEL" },
      ])
      .execute();
  });
}
