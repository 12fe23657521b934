// The interview's messages (docs/product.md §13, §15; docs/decisions/056-interview-messages.md): the
// details with their .ics file and the reminder the day before, by e-mail and Telegram.
// {date} is the interview's day in the reader's language, {time} its Bishkek time ("10:00").
import type { AreaMessages } from "./area";

const en = {
  "notify.interview-details": "Interview for “{vacancy}” at {company}: {date}, {time} (Bishkek time). Place: {place}.",
  "notify.interview-reminder": "Reminder: your interview for “{vacancy}” at {company} is on {date} at {time} (Bishkek time). Place: {place}.",
  "mail.subject.interview-details": "Interview for “{vacancy}”: {date}, {time}",
  "mail.subject.interview-reminder": "Reminder: interview for “{vacancy}” on {date}, {time}",
  "ics.interview.summary": "Interview: {vacancy} ({company})",
  "messageKind.interview-details": "the time and place of your interviews",
  "messageKind.interview-reminder": "reminders the day before an interview",
  "outbox.kind.interview-details": "Interview details",
  "outbox.kind.interview-reminder": "Interview reminder",
  "outbox.reason.cancelled": "Not sent: cancelled (the interview was moved, or the application left the interview stage)",
} as const;

export const interviewMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "notify.interview-details": "Собеседование по вакансии «{vacancy}» в {company}: {date}, {time} (время Бишкека). Место: {place}.",
    "notify.interview-reminder": "Напоминание: собеседование по вакансии «{vacancy}» в {company} — {date}, в {time} (время Бишкека). Место: {place}.",
    "mail.subject.interview-details": "Собеседование по вакансии «{vacancy}»: {date}, {time}",
    "mail.subject.interview-reminder": "Напоминание: собеседование по вакансии «{vacancy}» — {date}, {time}",
    "ics.interview.summary": "Собеседование: {vacancy} ({company})",
    "messageKind.interview-details": "о времени и месте собеседований",
    "messageKind.interview-reminder": "с напоминаниями накануне собеседования",
    "outbox.kind.interview-details": "Время и место собеседования",
    "outbox.kind.interview-reminder": "Напоминание о собеседовании",
    "outbox.reason.cancelled": "Не отправлено: отменено (собеседование перенесено или отклик ушёл с этапа собеседования)",
  },
  ky: {
    "notify.interview-details": "{company} сизди «{vacancy}» вакансиясы боюнча аңгемелешүүгө чакырат: {date:loc} саат {time} (Бишкек убактысы). Орду: {place}.",
    "notify.interview-reminder":
      "Эскертүү: {company} компаниясындагы «{vacancy}» боюнча аңгемелешүү {date:loc} саат {time} болот (Бишкек убактысы). Орду: {place}.",
    "mail.subject.interview-details": "Аңгемелешүү: «{vacancy}», {date:loc} саат {time}",
    "mail.subject.interview-reminder": "Эскертүү: «{vacancy}» боюнча аңгемелешүү {date:loc} саат {time}",
    "ics.interview.summary": "Аңгемелешүү: {vacancy} ({company})",
    "messageKind.interview-details": "аңгемелешүүлөрдүн убактысы жана орду",
    "messageKind.interview-reminder": "аңгемелешүүнүн алдында эскертүүлөр",
    "outbox.kind.interview-details": "Аңгемелешүүнүн убактысы жана орду",
    "outbox.kind.interview-reminder": "Аңгемелешүү тууралуу эскертүү",
    "outbox.reason.cancelled": "Жөнөтүлгөн жок: жокко чыгарылды (аңгемелешүү жылдырылды же арыз аңгемелешүү баскычынан чыкты)",
  },
};
