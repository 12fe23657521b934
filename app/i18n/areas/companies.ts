import type { AreaMessages } from "./area";

const en = {
  "companies.title": "Companies",
} as const;

export const companiesMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "companies.title": "Companies",
  },
  ky: {
    "companies.title": "Companies",
  },
};
