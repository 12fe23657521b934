// Messages for issue 14 items 4, 5, 6 and 12: renewing invitation codes and duplicate enrolment,
// moderation deadlines, the module form's missing date, and the skill-gap / follow-up exports.
import type { AreaMessages } from "./area";

const en = {
  "modules.dateMissing": "Enter the date you completed this module.",
  "modules.errorsHere": "This module was not marked: see the field below.",
  "followUpCsv.lastName": "Last name",
  "followUpCsv.firstName": "First name",
  "followUpCsv.graduated": "Graduation date",
  "followUpCsv.checkpointDate": "Checkpoint date",
  "followUpCsv.phone": "Phone",
  "followUpCsv.telegram": "Telegram",
  "followUpCsv.download": "Download the list (CSV)",
  "skillGapCsv.download": "Download the table (CSV)",
  "audit.action.follow-up.export": "Follow-up list downloaded (CSV)",
};

export const staffToolsMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "modules.dateMissing": "Укажите дату, когда вы прошли этот модуль.",
    "modules.errorsHere": "Модуль не отмечен: посмотрите поле ниже.",
    "followUpCsv.lastName": "Фамилия",
    "followUpCsv.firstName": "Имя",
    "followUpCsv.graduated": "Дата выпуска",
    "followUpCsv.checkpointDate": "Дата контрольной точки",
    "followUpCsv.phone": "Телефон",
    "followUpCsv.telegram": "Telegram",
    "followUpCsv.download": "Скачать список (CSV)",
    "skillGapCsv.download": "Скачать таблицу (CSV)",
    "audit.action.follow-up.export": "Скачан список отслеживания трудоустройства (CSV)",
  },
  ky: {
    "modules.dateMissing": "Бул модулду өткөн күнүңүздү жазыңыз.",
    "modules.errorsHere": "Модуль белгиленген жок: төмөнкү талааны караңыз.",
    "followUpCsv.lastName": "Фамилиясы",
    "followUpCsv.firstName": "Аты",
    "followUpCsv.graduated": "Бүтүргөн күнү",
    "followUpCsv.checkpointDate": "Көзөмөл чекитинин күнү",
    "followUpCsv.phone": "Телефон",
    "followUpCsv.telegram": "Telegram",
    "followUpCsv.download": "Тизмени жүктөп алуу (CSV)",
    "skillGapCsv.download": "Таблицаны жүктөп алуу (CSV)",
    "audit.action.follow-up.export": "Жумушка орношууну көзөмөлдөө тизмеси жүктөлүп алынды (CSV)",
  },
};
