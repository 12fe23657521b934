import type { AreaMessages } from "./area";

const en = {
  "applications.title": "Applications",
} as const;

export const applicationsMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "applications.title": "Applications",
  },
  ky: {
    "applications.title": "Applications",
  },
};
