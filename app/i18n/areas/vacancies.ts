import type { AreaMessages } from "./area";

const en = {
  "vacancies.title": "Vacancies",
} as const;

export const vacanciesMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "vacancies.title": "Vacancies",
  },
  ky: {
    "vacancies.title": "Vacancies",
  },
};
