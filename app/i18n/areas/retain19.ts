// Data retention: the admin's periods, the note beside a conversation, the personal-data page's
// "how long we keep it" (docs/product.md §16, docs/decisions/067-data-retention.md); and the two
// conversation findings of review 18 (a second report adds to the open one).
import type { AreaMessages } from "./area";

const en = {
  "retention.title": "How long personal data is kept",
  "retention.lead":
    "Once a day the portal removes what is older than its period. Leave a field empty to keep it for good. The outcome figures never change: a survey answer keeps its status, employer, pay, hours and dates.",
  "retention.surveyText": "Job titles typed in survey answers, months",
  "retention.surveyText.hint": "Counted from the answer. Only the typed job title goes.",
  "retention.messages": "Conversation messages and their attachments, months",
  "retention.messages.hint": "Counted from each message. A conversation with an open report keeps its messages until staff close the report.",
  "retention.rejected": "Rejected applications, months",
  "retention.rejected.hint":
    "Counted from the rejection. The application goes with its history, notes, ratings, messages, interviews and offers. A hire is never removed.",
  "retention.months.hint": "Whole months from 1 to 120; empty: kept for good.",
  "retention.submit": "Save the periods",
  "retention.page.title": "The periods were not saved",
  "retention.back": "Back to the settings",
  "retention.flash.saved": "Retention periods saved.",
  "retention.errors.months": "Enter whole months from 1 to 120, or leave the field empty to keep for good.",
  "retention.conversationNote": "Messages older than {n, plural, one {# month} other {# months}} are removed.",
  "retention.flash.reportAdded": "Your words were added to your open report. The placement office will read them.",
  "retention.errors.reportFull": "Your open report has no room for more text. The placement office will read it; you can report again once it is closed.",
  "retention.data.title": "How long we keep it",
  "retention.data.lead": "The portal removes some of your data by itself when its period has passed:",
  "retention.data.surveyText.months":
    "the job title you typed in an outcome survey: {n, plural, one {# month} other {# months}} after the answer (the answer itself stays in the anonymous statistics);",
  "retention.data.surveyText.keep": "the job title you typed in an outcome survey: kept until you delete your account;",
  "retention.data.messages.months":
    "messages about your applications, with their attachments: {n, plural, one {# month} other {# months}} after they were written;",
  "retention.data.messages.keep": "messages about your applications, with their attachments: kept until you delete your account;",
  "retention.data.rejected.months":
    "an application the employer rejected, with everything about it: {n, plural, one {# month} other {# months}} after the rejection.",
  "retention.data.rejected.keep": "an application the employer rejected, with everything about it: kept until you delete your account.",
  "audit.action.retention.settings": "Retention periods changed",
  "audit.action.retention.removed": "Data past its retention period removed",
  "audit.entity.survey_answer": "Survey answer",
  "audit.entity.conversation_message": "Conversation message",
};

export const retain19Messages: AreaMessages<typeof en> = {
  en,
  ru: {
    "retention.title": "Сколько хранятся персональные данные",
    "retention.lead":
      "Раз в день портал удаляет то, что старше своего срока. Оставьте поле пустым, чтобы хранить без срока. Показатели трудоустройства не меняются: в ответе на опрос остаются статус, работодатель, зарплата, часы и даты.",
    "retention.surveyText": "Должности, введённые в ответах на опрос, месяцев",
    "retention.surveyText.hint": "Считается от ответа. Удаляется только введённая должность.",
    "retention.messages": "Сообщения переписки и их вложения, месяцев",
    "retention.messages.hint": "Считается от каждого сообщения. Переписка с открытой жалобой хранит сообщения, пока сотрудники не закроют жалобу.",
    "retention.rejected": "Отклонённые отклики, месяцев",
    "retention.rejected.hint":
      "Считается от отказа. Отклик удаляется вместе с историей, заметками, оценками, сообщениями, собеседованиями и предложениями. Приём на работу не удаляется никогда.",
    "retention.months.hint": "Целое число месяцев от 1 до 120; пусто — хранить без срока.",
    "retention.submit": "Сохранить сроки",
    "retention.page.title": "Сроки не сохранены",
    "retention.back": "Вернуться к настройкам",
    "retention.flash.saved": "Сроки хранения сохранены.",
    "retention.errors.months": "Введите целое число месяцев от 1 до 120 или оставьте поле пустым, чтобы хранить без срока.",
    "retention.conversationNote": "Сообщения старше {n, plural, one {# месяца} other {# месяцев}} удаляются.",
    "retention.flash.reportAdded": "Ваш текст добавлен к открытой жалобе. Служба трудоустройства его прочитает.",
    "retention.errors.reportFull":
      "В открытой жалобе больше нет места для текста. Служба трудоустройства её прочитает; после закрытия жалобы можно пожаловаться снова.",
    "retention.data.title": "Сколько мы храним данные",
    "retention.data.lead": "Часть ваших данных портал удаляет сам, когда проходит их срок:",
    "retention.data.surveyText.months":
      "должность, которую вы ввели в опросе о трудоустройстве, — через {n, plural, one {# месяц} few {# месяца} other {# месяцев}} после ответа (сам ответ остаётся в обезличенной статистике);",
    "retention.data.surveyText.keep": "должность, которую вы ввели в опросе о трудоустройстве, хранится, пока вы не удалите учётную запись;",
    "retention.data.messages.months":
      "сообщения по вашим откликам вместе с вложениями — через {n, plural, one {# месяц} few {# месяца} other {# месяцев}} после отправки;",
    "retention.data.messages.keep": "сообщения по вашим откликам вместе с вложениями хранятся, пока вы не удалите учётную запись;",
    "retention.data.rejected.months":
      "отклик, отклонённый работодателем, со всем, что к нему относится, — через {n, plural, one {# месяц} few {# месяца} other {# месяцев}} после отказа.",
    "retention.data.rejected.keep": "отклик, отклонённый работодателем, со всем, что к нему относится, хранится, пока вы не удалите учётную запись.",
    "audit.action.retention.settings": "Изменены сроки хранения",
    "audit.action.retention.removed": "Удалены данные с истёкшим сроком хранения",
    "audit.entity.survey_answer": "Ответ на опрос",
    "audit.entity.conversation_message": "Сообщение переписки",
  },
  ky: {
    "retention.title": "Жеке маалыматтар канча убакыт сакталат",
    "retention.lead":
      "Портал күнүнө бир жолу мөөнөтү өткөн маалыматты өчүрөт. Мөөнөтсүз сактоо үчүн талааны бош калтырыңыз. Жумушка орношуунун көрсөткүчтөрү өзгөрбөйт: сурамжылоого берилген жоопто абалы, иш берүүчү, айлык акы, сааттар жана даталар калат.",
    "retention.surveyText": "Сурамжылоонун жоопторунда жазылган кызмат орду, ай",
    "retention.surveyText.hint": "Жооп берилген күндөн эсептелет. Жазылган кызмат орду гана өчүрүлөт.",
    "retention.messages": "Кат алышуудагы билдирүүлөр жана тиркемелер, ай",
    "retention.messages.hint": "Ар бир билдирүү жазылган күндөн эсептелет. Ачык даттануусу бар кат алышуунун билдирүүлөрү даттануу жабылганга чейин сакталат.",
    "retention.rejected": "Четке кагылган арыздар, ай",
    "retention.rejected.hint":
      "Четке кагылган күндөн эсептелет. Арыз тарыхы, эскертмелери, баалары, билдирүүлөрү, маектери жана сунуштары менен кошо өчүрүлөт. Жумушка алуу эч качан өчүрүлбөйт.",
    "retention.months.hint": "1ден 120га чейинки бүтүн ай; бош болсо — мөөнөтсүз сакталат.",
    "retention.submit": "Мөөнөттөрдү сактоо",
    "retention.page.title": "Мөөнөттөр сакталган жок",
    "retention.back": "Жөндөөлөргө кайтуу",
    "retention.flash.saved": "Сактоо мөөнөттөрү сакталды.",
    "retention.errors.months": "1ден 120га чейинки бүтүн айды жазыңыз же мөөнөтсүз сактоо үчүн талааны бош калтырыңыз.",
    "retention.conversationNote": "{n} айдан эски билдирүүлөр өчүрүлөт.",
    "retention.flash.reportAdded": "Сөзүңүз ачык даттанууңузга кошулду. Жумушка орноштуруу бөлүмү аны окуйт.",
    "retention.errors.reportFull":
      "Ачык даттанууңузда мындан ары текст үчүн орун жок. Жумушка орноштуруу бөлүмү аны окуйт; даттануу жабылгандан кийин кайра даттансаңыз болот.",
    "retention.data.title": "Маалыматтар канча убакыт сакталат",
    "retention.data.lead": "Мөөнөтү өткөндө портал маалыматтарыңыздын бир бөлүгүн өзү өчүрөт:",
    "retention.data.surveyText.months":
      "жумушка орношуу боюнча сурамжылоодо жазган кызмат ордуңуз — жооптон {n} ай өткөндөн кийин (жооптун өзү анонимдүү статистикада калат);",
    "retention.data.surveyText.keep": "жумушка орношуу боюнча сурамжылоодо жазган кызмат ордуңуз аккаунтуңузду өчүргөнгө чейин сакталат;",
    "retention.data.messages.months": "арыздарыңыз боюнча билдирүүлөр тиркемелери менен — жазылгандан {n} ай өткөндөн кийин;",
    "retention.data.messages.keep": "арыздарыңыз боюнча билдирүүлөр тиркемелери менен аккаунтуңузду өчүргөнгө чейин сакталат;",
    "retention.data.rejected.months": "иш берүүчү четке каккан арыз ага тиешелүү бардык маалымат менен — четке кагылгандан {n} ай өткөндөн кийин.",
    "retention.data.rejected.keep": "иш берүүчү четке каккан арыз ага тиешелүү бардык маалымат менен аккаунтуңузду өчүргөнгө чейин сакталат.",
    "audit.action.retention.settings": "Сактоо мөөнөттөрү өзгөртүлдү",
    "audit.action.retention.removed": "Сактоо мөөнөтү өткөн маалыматтар өчүрүлдү",
    "audit.entity.survey_answer": "Сурамжылоого жооп",
    "audit.entity.conversation_message": "Кат алышуудагы билдирүү",
  },
};
