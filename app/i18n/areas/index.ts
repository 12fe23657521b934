// Every area's messages, merged per language. Add a new area here.
import { csvImportMessages } from "./csv-import";
import { directoryMessages } from "./directory";
import { portfolioMessages } from "./portfolio";
import { profileMessages } from "./profile";

export const areaMessages = {
  en: { ...profileMessages.en, ...portfolioMessages.en, ...directoryMessages.en, ...csvImportMessages.en },
  ru: { ...profileMessages.ru, ...portfolioMessages.ru, ...directoryMessages.ru, ...csvImportMessages.ru },
  ky: { ...profileMessages.ky, ...portfolioMessages.ky, ...directoryMessages.ky, ...csvImportMessages.ky },
};
