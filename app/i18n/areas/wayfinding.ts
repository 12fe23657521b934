// Ways between pages (issue 14): what an employer awaiting verification can do, the list of
// companies, and from the home page's schools to their placement figures.
import type { AreaMessages } from "./area";

const en = {
  "employerStart.pendingTitle": "Your company is waiting for verification",
  "employerStart.pendingLead": "The Agency checks that your company is a resident of the High Technology Park. This usually takes a few working days.",
  "employerStart.rejectedTitle": "Your company is not verified",
  "employerStart.rejectedLead": "The Agency could not verify your company. Reason: {reason}",
  "employerStart.rejectedFix": "Correct the company profile and ask for verification again",
  "employerStart.canNow": "What you can do now:",
  "employerStart.prepare": "prepare vacancies — they are published as soon as the company is verified;",
  "employerStart.profile": "complete the company profile and invite colleagues",
  "employerStart.after":
    "After verification your vacancies are published, and the graduate directory, the best candidates for each vacancy and the applications open to you.",
  "companiesList.title": "Companies",
  "companiesList.lead": "High Technology Park residents verified by the Agency that hire graduates of the IT cluster.",
  "companiesList.open": "Open vacancies: {n}",
  "companiesList.noOpen": "No open vacancies now",
  "companiesList.none": "No verified companies yet.",
  "companiesList.all": "All companies",
  "homeSchools.figures": "What its graduates do",
  "homeSchools.allFigures": "Placement figures of every school",
  "outcomesSchool.allSchools": "All schools",
  "outcomesSchool.none": "There are no published figures for this school yet.",
} as const;

export const wayfindingMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "employerStart.pendingTitle": "Ваша компания ожидает проверки",
    "employerStart.pendingLead": "Агентство проверяет, что ваша компания — резидент Парка высоких технологий. Обычно это занимает несколько рабочих дней.",
    "employerStart.rejectedTitle": "Ваша компания не подтверждена",
    "employerStart.rejectedLead": "Агентство не смогло подтвердить вашу компанию. Причина: {reason}",
    "employerStart.rejectedFix": "Исправьте профиль компании и отправьте его на проверку ещё раз",
    "employerStart.canNow": "Что можно сделать уже сейчас:",
    "employerStart.prepare": "подготовить вакансии — они будут опубликованы, как только компания будет подтверждена;",
    "employerStart.profile": "заполнить профиль компании и пригласить коллег",
    "employerStart.after":
      "После подтверждения ваши вакансии будут опубликованы, и вам откроются каталог выпускников, лучшие кандидаты на каждую вакансию и отклики.",
    "companiesList.title": "Компании",
    "companiesList.lead": "Резиденты Парка высоких технологий, подтверждённые Агентством, которые берут на работу выпускников IT-кластера.",
    "companiesList.open": "Открытых вакансий: {n}",
    "companiesList.noOpen": "Сейчас нет открытых вакансий",
    "companiesList.none": "Подтверждённых компаний пока нет.",
    "companiesList.all": "Все компании",
    "homeSchools.figures": "Чем заняты выпускники",
    "homeSchools.allFigures": "Показатели трудоустройства всех учебных заведений",
    "outcomesSchool.allSchools": "Все учебные заведения",
    "outcomesSchool.none": "Опубликованных показателей по этому учебному заведению пока нет.",
  },
  ky: {
    "employerStart.pendingTitle": "Компанияңыз текшерүүнү күтүүдө",
    "employerStart.pendingLead": "Агенттик компанияңыздын Жогорку технологиялар паркынын резиденти экенин текшерет. Адатта бул бир нече иш күнүн алат.",
    "employerStart.rejectedTitle": "Компанияңыз тастыкталган жок",
    "employerStart.rejectedLead": "Агенттик компанияңызды тастыктай алган жок. Себеби: {reason}",
    "employerStart.rejectedFix": "Компаниянын профилин оңдоп, кайра текшерүүгө жөнөтүңүз",
    "employerStart.canNow": "Азыр эмне кыла аласыз:",
    "employerStart.prepare": "вакансияларды даярдоо — компания тастыкталаары менен алар жарыяланат;",
    "employerStart.profile": "компаниянын профилин толтуруу жана кесиптештерди чакыруу",
    "employerStart.after":
      "Тастыкталгандан кийин вакансияларыңыз жарыяланат, ошондой эле бүтүрүүчүлөр каталогу, ар бир вакансияга мыкты талапкерлер жана арыздар сизге ачылат.",
    "companiesList.title": "Компаниялар",
    "companiesList.lead": "IT-кластердин бүтүрүүчүлөрүн жумушка алган, Агенттик тастыктаган Жогорку технологиялар паркынын резиденттери.",
    "companiesList.open": "Ачык вакансиялар: {n}",
    "companiesList.noOpen": "Азыр ачык вакансия жок",
    "companiesList.none": "Тастыкталган компаниялар азырынча жок.",
    "companiesList.all": "Бардык компаниялар",
    "homeSchools.figures": "Бүтүрүүчүлөрү эмне менен алектенет",
    "homeSchools.allFigures": "Бардык окуу жайлардын жумушка орношуу көрсөткүчтөрү",
    "outcomesSchool.allSchools": "Бардык окуу жайлар",
    "outcomesSchool.none": "Бул окуу жай боюнча жарыяланган көрсөткүчтөр азырынча жок.",
  },
};
