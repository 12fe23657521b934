// Vacancies, typed into the vacancy form (/employer/vacancies/:id): the fields parsed by the
// form's own schema, the skill lines resolved through the taxonomy as its action resolves them,
// and saved by the action's model function (saveVacancy). The demo generator parses its bulk
// vacancies with the same parseVacancyFields (docs/decisions/006-demo-generator.md, 039).
import type { z } from "zod";
import type { DB } from "../connection";
import type { VacancyStatus } from "../schema";
import { todayInBishkek } from "../../app/domain/calendar";
import { VacancySchema, vacancyRequirements } from "../../app/domain/vacancies/form";
import { splitLines } from "../../app/domain/text/lines";
import { resolveSkillLines, saveVacancy, type VacancyInput } from "../../app/models/vacancies.server";

/** What a recruiter types into the form, as the form posts it (strings). */
export type VacancyFields = z.input<typeof VacancySchema>;
export type VacancyForm = z.output<typeof VacancySchema>;

/**
 * The form's schema over typed fields. A deadline already past was checked on the day it was
 * set (a vacancy made "months ago"), so it is checked as empty and then kept as typed.
 */
export function parseVacancyFields(fields: VacancyFields, today = todayInBishkek()): VacancyForm {
  const past = Boolean(fields.deadline && fields.deadline < today);
  const form = VacancySchema.parse(past ? { ...fields, deadline: "" } : fields);
  return past ? { ...form, deadline: fields.deadline! } : form;
}

/** The model's input from a parsed form, skills resolved as the form's action resolves them (unknown ones throw). */
export async function vacancyInput(db: DB, d: VacancyForm): Promise<VacancyInput> {
  const required = await resolveSkillLines(db, splitLines(d.skills));
  const nice = await resolveSkillLines(db, splitLines(d.niceSkills));
  const unknown = [...required.unknown, ...nice.unknown];
  if (unknown.length) throw new Error(`vacancy factory: unknown skills ${unknown.join(", ")}`);
  const { skills, languages } = vacancyRequirements(required.found, nice.found, d);
  return {
    title: d.title,
    description: d.description,
    employmentType: d.employmentType,
    workMode: d.workMode,
    city: d.city,
    regionId: d.region,
    salaryMin: d.salaryMin,
    salaryMax: d.salaryMax,
    salaryHidden: d.salaryHidden,
    openings: d.openings,
    deadline: d.deadline,
    skills,
    languages,
  };
}

export type VacancyOptions = Partial<VacancyFields> & {
  status?: VacancyStatus;
  /** The member who writes it (default: the company's first member). */
  userId?: number;
  /** When it was published (open, closed, filled); default now. */
  publishedAt?: string;
};

/**
 * A vacancy of the company, saved through the form's path, then put in the asked state as the
 * lifecycle leaves it (status, published and closed times, a rejection's reason) without
 * replaying moderation's audit entries and notifications (decision 039).
 */
export async function makeVacancy(db: DB, companyId: number, options: VacancyOptions = {}): Promise<number> {
  const { status = "open", userId, publishedAt, ...typed } = options;
  const fields: VacancyFields = { title: "Junior developer", description: "<p>React</p>", employmentType: "full_time", workMode: "hybrid", ...typed };
  const author =
    userId ??
    (await db.selectFrom("company_members").select("user_id").where("company_id", "=", companyId).orderBy("user_id").executeTakeFirstOrThrow()).user_id;
  const saved = await saveVacancy(db, companyId, null, await vacancyInput(db, parseVacancyFields(fields)), author);
  if (!saved.ok) throw new Error(`vacancy factory: ${saved.reason}`);
  if (status !== "draft") {
    const now = new Date().toISOString();
    const published = status === "open" || status === "closed" || status === "filled" ? (publishedAt ?? now) : null;
    await db
      .updateTable("vacancies")
      .set({
        status,
        published_at: published,
        closed_at: status === "closed" || status === "filled" ? now : null,
        reject_reason: status === "rejected" ? "Укажите зарплатную вилку." : null,
      })
      .where("id", "=", saved.id)
      .execute();
  }
  return saved.id;
}
