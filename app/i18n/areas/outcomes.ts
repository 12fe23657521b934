import type { AreaMessages } from "./area";

const en = {
  "outcomes.area": "Outcomes",
} as const;

export const outcomesMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "outcomes.area": "Трудоустройство",
  },
  ky: {
    "outcomes.area": "Жумушка орношуу",
  },
};
