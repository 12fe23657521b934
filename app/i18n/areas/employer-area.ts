import type { AreaMessages } from "./area";

// The employer area's own navigation (app/routes/_employer.tsx).
const en = {
  "employerArea.nav": "Employer",
};

export const employerAreaMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "employerArea.nav": "Работодатель",
  },
  ky: {
    "employerArea.nav": "Иш берүүчү",
  },
};
