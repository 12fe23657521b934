// Shared, browser-safe rules for outcome records: what a hire implies, and the choices forms offer.
import type { EmploymentKind, OutcomeCode, Relatedness } from "./codes";

export type VacancyEmploymentType = "full_time" | "part_time" | "internship" | "apprenticeship" | "contract";

/** The kind of work a portal hire is, from the vacancy's employment type. */
export const KIND_OF_EMPLOYMENT_TYPE: Record<VacancyEmploymentType, EmploymentKind> = {
  full_time: "employee",
  part_time: "employee",
  internship: "paid_internship",
  apprenticeship: "paid_internship",
  contract: "contract",
};

/** Hours a week assumed for a portal hire (nobody types them at hire time). */
export const HOURS_OF_EMPLOYMENT_TYPE: Record<VacancyEmploymentType, number> = {
  full_time: 40,
  part_time: 20,
  internship: 20,
  apprenticeship: 30,
  contract: 40,
};

/** A job found through the portal is an IT job at an IT company: the training is used. */
export const HIRE_RELATEDNESS: Relatedness = "yes";

export const RELATEDNESS = ["yes", "no", "unknown"] as const;

/** What a graduate may answer in a survey: "unknown" and "excluded" are staff notions. */
export const SURVEY_CODES = ["employed", "education", "seeking", "not_seeking", "military", "service"] as const satisfies readonly OutcomeCode[];

/** Days a survey link stays valid. */
export const SURVEY_LINK_DAYS = 30;

export const FOLLOW_UP_PAGE_SIZE = 50;
