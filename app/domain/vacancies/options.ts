// The fixed choices of vacancies and the board, shared by forms (browser) and models (server).
import type { CefrLevel, EmploymentType, SkillLevel, VacancyStatus, WorkMode } from "@db/schema";

export const EMPLOYMENT_TYPES = ["full_time", "part_time", "internship", "apprenticeship", "contract"] as const satisfies readonly EmploymentType[];
export const WORK_MODES = ["onsite", "hybrid", "remote"] as const satisfies readonly WorkMode[];
export const SKILL_LEVELS = ["basic", "intermediate", "advanced"] as const satisfies readonly SkillLevel[];
export const VACANCY_LANGUAGES = ["ky", "ru", "en"] as const;
export const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2", "native"] as const satisfies readonly CefrLevel[];
export const VACANCY_STATUSES = ["draft", "submitted", "open", "rejected", "closed", "filled"] as const satisfies readonly VacancyStatus[];
export const BOARD_SORTS = ["relevance", "newest", "deadline", "salary"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];
