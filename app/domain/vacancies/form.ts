// The vacancy form's fields (/employer/vacancies/:id), shared by its action and the demo
// generator (db/seed/vacancies.ts), so a seeded vacancy holds only what the form accepts.
import { z } from "zod";
import { todayInBishkek } from "~/domain/calendar";
import { isoDate, optionalText, requiredText } from "~/utils/fields";
import { CEFR_LEVELS } from "~/domain/skills/levels";
import { EMPLOYMENT_TYPES, VACANCY_LANGUAGES, WORK_MODES } from "./options";

/** A whole number of som, typed with or without spaces ("45 000"), or empty. */
const money = z
  .string()
  .optional()
  .transform((v) => (v ?? "").replace(/[\s\u00a0\u202f]/g, ""))
  .refine((v) => v === "" || /^\d{1,9}$/.test(v), "vacancies.errors.money")
  .transform((v) => (v === "" ? null : Number(v)));

const level = z
  .enum(["", ...CEFR_LEVELS], "errors.invalid")
  .optional()
  .transform((v) => v || null);

export const VacancySchema = z
  .object({
    title: requiredText(150),
    description: requiredText(20_000),
    employmentType: z.enum(EMPLOYMENT_TYPES, "errors.required"),
    workMode: z.enum(WORK_MODES, "errors.required"),
    city: optionalText(100),
    region: z
      .string()
      .optional()
      .refine((v) => !v || /^\d{1,9}$/.test(v), "errors.invalid")
      .transform((v) => (v ? Number(v) : null)),
    salaryMin: money,
    salaryMax: money,
    salaryHidden: z
      .string()
      .optional()
      .transform((v) => v === "1" || v === "on"),
    openings: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : "1"))
      .refine((v) => /^\d{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= 1000, "vacancies.errors.openings")
      .transform(Number),
    deadline: z
      .union([isoDate, z.literal("")])
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || v >= todayInBishkek(), "vacancies.errors.deadlinePast"),
    skills: optionalText(4000),
    niceSkills: optionalText(4000),
    lang_ky: level,
    lang_ru: level,
    lang_en: level,
  })
  .refine((v) => v.salaryMin === null || v.salaryMax === null || v.salaryMin <= v.salaryMax, { path: ["salaryMax"], message: "vacancies.errors.salaryRange" });

type ResolvedSkill<L> = { skill: { id: number }; level: L };

/**
 * The skill and language rows of a vacancy as the form posts them: a skill listed as both required
 * and nice-to-have counts as required; a language without a level is not asked. Used by the vacancy
 * editor's action and by the vacancy factory (db/factories/vacancies.ts), so both store the same.
 */
export function vacancyRequirements<L, C>(
  required: ResolvedSkill<L>[],
  nice: ResolvedSkill<L>[],
  levels: { [K in (typeof VACANCY_LANGUAGES)[number] as `lang_${K}`]?: C | null },
) {
  const requiredIds = new Set(required.map((s) => s.skill.id));
  const skills = [
    ...required.map((s) => ({ skillId: s.skill.id, required: true, minLevel: s.level })),
    ...nice.filter((s) => !requiredIds.has(s.skill.id)).map((s) => ({ skillId: s.skill.id, required: false, minLevel: s.level })),
  ];
  const languages = VACANCY_LANGUAGES.flatMap((language) => {
    const minLevel = levels[`lang_${language}`];
    return minLevel ? [{ language, minLevel }] : [];
  });
  return { skills, languages };
}
