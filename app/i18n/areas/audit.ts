import type { AreaMessages } from "./area";

const en = {
  "audit.area": "Audit log",
} as const;

export const auditMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "audit.area": "Журнал действий",
  },
  ky: {
    "audit.area": "Аракеттер журналы",
  },
};
