import type { AreaMessages } from "./area";

const en = {
  "matching.area": "Matching",
} as const;

export const matchingMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "matching.area": "Подбор",
  },
  ky: {
    "matching.area": "Тандоо",
  },
};
