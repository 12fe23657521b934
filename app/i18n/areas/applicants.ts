// The applicants list (docs/product.md §15, docs/decisions/059-bulk-decisions-and-undo.md): its filters
// and sort, the bulk decisions with the company's rejection reasons, the undo, and the conflict when a
// colleague moved an application first.
import type { AreaMessages } from "./area";

const en = {
  "applicants.conflict.invited": "A colleague has already changed this application: it is now at “Invited”. Check the history and choose again.",
  "applicants.conflict.applied": "A colleague has already changed this application: it is now at “Applied”. Check the history and choose again.",
  "applicants.conflict.screening": "A colleague has already moved this application: it is now at “Screening”. Check the history and choose again.",
  "applicants.conflict.interview": "A colleague has already moved this application: it is now at “Interview”. Check the history and choose again.",
  "applicants.conflict.offer": "A colleague has already moved this application: it is now at “Offer”. Check the history and choose again.",
  "applicants.conflict.hired": "A colleague has already moved this application: it is now at “Hired”.",
  "applicants.conflict.rejected": "A colleague has already moved this application: it is now at “Not selected”.",
  "applicants.conflict.withdrawn": "The graduate has withdrawn this application meanwhile.",
} as const;

export const applicantsMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "applicants.conflict.invited": "Коллега уже изменил(а) этот отклик: сейчас он на этапе «Приглашение». Проверьте историю и выберите снова.",
    "applicants.conflict.applied": "Коллега уже изменил(а) этот отклик: сейчас он на этапе «Отклик отправлен». Проверьте историю и выберите снова.",
    "applicants.conflict.screening": "Коллега уже перевёл(а) этот отклик: сейчас он на этапе «Рассмотрение». Проверьте историю и выберите снова.",
    "applicants.conflict.interview": "Коллега уже перевёл(а) этот отклик: сейчас он на этапе «Собеседование». Проверьте историю и выберите снова.",
    "applicants.conflict.offer": "Коллега уже перевёл(а) этот отклик: сейчас он на этапе «Предложение». Проверьте историю и выберите снова.",
    "applicants.conflict.hired": "Коллега уже перевёл(а) этот отклик: сейчас он на этапе «Принят(а) на работу».",
    "applicants.conflict.rejected": "Коллега уже перевёл(а) этот отклик: сейчас он на этапе «Отказ».",
    "applicants.conflict.withdrawn": "Тем временем этот отклик отозван.",
  },
  ky: {
    "applicants.conflict.invited": "Кесиптешиңиз бул арызды өзгөрттү: азыр анын абалы «Чакырылды». Тарыхын карап, кайра тандаңыз.",
    "applicants.conflict.applied": "Кесиптешиңиз бул арызды өзгөрттү: азыр анын абалы «Арыз берилди». Тарыхын карап, кайра тандаңыз.",
    "applicants.conflict.screening": "Кесиптешиңиз бул арызды башка баскычка өткөрдү: азыр анын абалы «Каралууда». Тарыхын карап, кайра тандаңыз.",
    "applicants.conflict.interview": "Кесиптешиңиз бул арызды башка баскычка өткөрдү: азыр анын абалы «Аңгемелешүү». Тарыхын карап, кайра тандаңыз.",
    "applicants.conflict.offer": "Кесиптешиңиз бул арызды башка баскычка өткөрдү: азыр анын абалы «Сунуш». Тарыхын карап, кайра тандаңыз.",
    "applicants.conflict.hired": "Кесиптешиңиз бул арызды башка баскычка өткөрдү: азыр анын абалы «Жумушка алынды».",
    "applicants.conflict.rejected": "Кесиптешиңиз бул арызды башка баскычка өткөрдү: азыр анын абалы «Четке кагылды».",
    "applicants.conflict.withdrawn": "Ушул убакта бүтүрүүчү бул арызды кайтарып алды.",
  },
};
