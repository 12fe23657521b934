// The fixed choices of vacancies and the board, shared by forms (browser) and models (server).
import type { EmploymentType, VacancyStatus, WorkMode } from "@db/schema";
import { CEFR_LEVELS, SKILL_LEVELS } from "~/domain/skills/levels";

// The level scales are defined in ~/domain/skills/levels; re-exported for the vacancy models.
export { CEFR_LEVELS, SKILL_LEVELS };

export const EMPLOYMENT_TYPES = ["full_time", "part_time", "internship", "apprenticeship", "contract"] as const satisfies readonly EmploymentType[];
export const WORK_MODES = ["onsite", "hybrid", "remote"] as const satisfies readonly WorkMode[];
export const VACANCY_LANGUAGES = ["ky", "ru", "en"] as const;
export const VACANCY_STATUSES = ["draft", "submitted", "open", "rejected", "closed", "filled"] as const satisfies readonly VacancyStatus[];
export const BOARD_SORTS = ["relevance", "newest", "deadline", "salary"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];
