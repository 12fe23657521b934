// What happens next on the graduate's application page, withdrawing behind a confirmation, and
// inviting from a graduate's page (issue 14, items 8 and 9).
import type { AreaMessages } from "./area";

const en = {
  "applications.next.title": "What happens next",
  "applications.next.applied":
    "{company} has received your application. The company reads it and either invites you to an interview or tells you its decision; every step comes to your notifications. Nothing is needed from you now.",
  "applications.next.screening":
    "{company} is looking at your application closely. If it fits, you will be invited to an interview: its time and place will appear here and in your notifications.",
  "applications.next.interview": "Come to the interview at the time and place below. If you cannot come, tell the company in advance.",
  "applications.next.offer":
    "{company} offers you the job. Agree the terms with the company; once you agree, it records the hire and your start date appears here.",
  "applications.withdraw.explain":
    "The company will see that you withdrew, and your reason if you give one. This cannot be undone: you cannot apply for this vacancy again.",
  "applications.decline.explain": "The company will see that you declined, and your reason if you give one. You cannot accept this invitation later.",
  "applications.withdraw.reason": "Reason",
  "applications.withdraw.reasonHint": "The company sees it.",
  "applications.withdraw.confirm": "Yes, withdraw the application",
  "applications.decline.confirm": "Yes, decline the invitation",
  "applications.invite.vacancy": "Vacancy",
  "applications.invite.button": "Invite to apply",
  "applications.invite.profileHint": "The graduate gets a notification and accepts by applying.",
  "applications.invite.noneOpen": "Your company has no open vacancy that this graduate has not applied for or been invited to.",
  "applications.invite.fromList":
    "To invite graduates, open the candidates ranked for this vacancy and press “{invite}” next to a name, or use the same button on a graduate's page.",
} as const;

export const applicationStepsMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "applications.next.title": "Что дальше",
    "applications.next.applied":
      "Компания {company} получила ваш отклик. Она рассмотрит его и пригласит вас на собеседование или сообщит своё решение; о каждом шаге придёт уведомление. Сейчас от вас ничего не требуется.",
    "applications.next.screening":
      "Компания {company} внимательно рассматривает ваш отклик. Если всё подойдёт, вас пригласят на собеседование: время и место появятся здесь и в уведомлениях.",
    "applications.next.interview": "Приходите на собеседование в указанное ниже время и место. Если не сможете прийти, заранее сообщите компании.",
    "applications.next.offer":
      "Компания {company} предлагает вам работу. Обсудите с ней условия; когда договоритесь, компания отметит приём на работу, и здесь появится дата выхода.",
    "applications.withdraw.explain":
      "Компания увидит, что вы отозвали отклик, и причину, если вы её укажете. Отменить это нельзя: повторно откликнуться на эту вакансию не получится.",
    "applications.decline.explain": "Компания увидит, что вы отклонили приглашение, и причину, если вы её укажете. Принять это приглашение позже будет нельзя.",
    "applications.withdraw.reason": "Причина",
    "applications.withdraw.reasonHint": "Компания её увидит.",
    "applications.withdraw.confirm": "Да, отозвать отклик",
    "applications.decline.confirm": "Да, отклонить приглашение",
    "applications.invite.vacancy": "Вакансия",
    "applications.invite.button": "Пригласить откликнуться",
    "applications.invite.profileHint": "Выпускник получит уведомление и примет приглашение, откликнувшись.",
    "applications.invite.noneOpen": "У вашей компании нет открытой вакансии, на которую этот выпускник ещё не откликался и не был приглашён.",
    "applications.invite.fromList":
      "Чтобы пригласить выпускников, откройте кандидатов, подобранных для этой вакансии, и нажмите «{invite}» рядом с именем — или ту же кнопку на странице выпускника.",
  },
  ky: {
    "applications.next.title": "Мындан ары эмне болот",
    "applications.next.applied":
      "{company} компаниясы арызыңызды алды. Компания аны карап чыгып, сизди аңгемелешүүгө чакырат же чечимин билдирет; ар бир кадам тууралуу билдирме келет. Азыр сизден эч нерсе талап кылынбайт.",
    "applications.next.screening":
      "{company} компаниясы арызыңызды кылдат карап жатат. Туура келсе, сизди аңгемелешүүгө чакырышат: анын убактысы жана орду ушул жерде жана билдирмелерде көрүнөт.",
    "applications.next.interview": "Аңгемелешүүгө төмөндө көрсөтүлгөн убакта жана жерге келиңиз. Келе албасаңыз, компанияга алдын ала билдириңиз.",
    "applications.next.offer":
      "{company} компаниясы сизге жумуш сунуштайт. Шарттарын компания менен сүйлөшүңүз; макулдашкандан кийин компания жумушка алууну белгилейт жана бул жерде иштей баштоо күнү көрүнөт.",
    "applications.withdraw.explain":
      "Компания арызды кайтарып алганыңызды жана себебин (жазсаңыз) көрөт. Муну жокко чыгарууга болбойт: бул вакансияга кайра арыз бере албайсыз.",
    "applications.decline.explain": "Компания чакыруудан баш тартканыңызды жана себебин (жазсаңыз) көрөт. Кийин бул чакырууну кабыл ала албайсыз.",
    "applications.withdraw.reason": "Себеби",
    "applications.withdraw.reasonHint": "Компания аны көрөт.",
    "applications.withdraw.confirm": "Ооба, арызды кайтарып алам",
    "applications.decline.confirm": "Ооба, чакыруудан баш тартам",
    "applications.invite.vacancy": "Вакансия",
    "applications.invite.button": "Арыз берүүгө чакыруу",
    "applications.invite.profileHint": "Бүтүрүүчү билдирме алат жана арыз берүү менен чакырууну кабыл алат.",
    "applications.invite.noneOpen": "Компанияңызда бул бүтүрүүчү арыз бере элек жана чакырыла элек ачык вакансия жок.",
    "applications.invite.fromList":
      "Бүтүрүүчүлөрдү чакыруу үчүн бул вакансияга тандалган талапкерлерди ачып, аттын жанындагы «{invite}» баскычын басыңыз же бүтүрүүчүнүн баракчасындагы ошол эле баскычты колдонуңуз.",
  },
};
