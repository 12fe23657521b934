// The leftovers of issue 18's review (REVIEW18; docs/decisions/059-bulk-decisions-and-undo.md,
// 058-employer-dashboard.md, 060-notes-and-conversations.md): what an undo kept or could not bring back,
// undone moves in the application's history, the dashboard's employed graduates, the PDF field's hint.
import type { AreaMessages } from "./area";

const en = {
  "fix18.undo.kept": "kept as it is: it was moved after this action, so the undo left it alone",
  "fix18.undo.proposeAgain": "its interview was cancelled with the rejection (both calendars were told); propose a time again",
  "fix18.history.undo": "Move undone: from “{from}” back to “{to}”",
  "fix18.history.undone": "undone later",
  "fix18.dashboard.employed": "already employed",
  "fix18.file.hint": "Choose a PDF file up to 5 MB on your device. The button's own text is your browser's and may be in another language.",
};

export const fix18Messages: AreaMessages<typeof en> = {
  en,
  ru: {
    "fix18.undo.kept": "оставлен как есть: после этого действия его уже перевели, поэтому отмена его не затронула",
    "fix18.undo.proposeAgain": "собеседование было отменено вместе с отказом (отмена ушла в оба календаря); предложите время заново",
    "fix18.history.undo": "Перевод отменён: из «{from}» обратно в «{to}»",
    "fix18.history.undone": "позже отменено",
    "fix18.dashboard.employed": "уже работает",
    "fix18.file.hint": "Выберите на устройстве файл PDF до 5 МБ. Надпись на самой кнопке задаёт браузер, она может быть на другом языке.",
  },
  ky: {
    "fix18.undo.kept": "ошол бойдон калды: бул аракеттен кийин ал башка абалга өткөрүлгөн, ошондуктан жокко чыгаруу ага тийген жок",
    "fix18.undo.proposeAgain": "аңгемелешүү баш тартуу менен кошо жокко чыгарылды (эки тараптын календарына тең билдирилди); убакытты кайра сунуштаңыз",
    "fix18.history.undo": "Өткөрүү жокко чыгарылды: «{from}» абалынан кайра «{to}» абалына",
    "fix18.history.undone": "кийин жокко чыгарылды",
    "fix18.dashboard.employed": "буга чейин эле иштейт",
    "fix18.file.hint": "Түзмөгүңүздөн 5 МБга чейинки PDF файлды тандаңыз. Баскычтагы жазууну браузер өзү коёт, ал башка тилде болушу мүмкүн.",
  },
};
