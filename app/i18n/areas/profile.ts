import type { AreaMessages } from "./area";

const en = {
  "profile.title": "My profile",
} as const;

export const profileMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "profile.title": "Мой профиль",
  },
  ky: {
    "profile.title": "Менин профилим",
  },
};
