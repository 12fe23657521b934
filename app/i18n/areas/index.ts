// Every area's messages, merged per language. Add a new area here.
import { profileMessages } from "./profile";

export const areaMessages = {
  en: { ...profileMessages.en },
  ru: { ...profileMessages.ru },
  ky: { ...profileMessages.ky },
};
