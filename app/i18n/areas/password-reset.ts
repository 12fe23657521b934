// Self-service password reset by e-mail (docs/product.md §13, docs/decisions/054-self-service-password-reset.md):
// the request page, the e-mail and how the outbox and the audit log name it. "30" is SELF_RESET_MINUTES
// (app/domain/messages/password-reset.ts); tests/integration/password-reset-self.test.ts checks it stays so.
import type { AreaMessages } from "./area";

const en = {
  "login.forgotLink": "Forgot your password?",
  "forgot.title": "Forgot your password?",
  "forgot.lead": "Type the email address of your account. We will send you a link to set a new password. It works once, for 30 minutes.",
  "forgot.email": "Email of your account",
  "forgot.submit": "Send the link",
  "forgot.sent":
    "If an account has the address {email}, we have sent a link to it. It works once, for 30 minutes. No message after a few minutes? Look in the spam folder, or ask again.",
  "forgot.noMail": "This portal does not send email yet, so no link will come.",
  "forgot.staff":
    "No email, or no access to it? Graduates ask their school's placement officer, companies ask the Agency: staff can give you a one-time link to set a new password.",
  "forgot.backToLogin": "Back to sign in",
  "notify.password-reset":
    "Someone, probably you, asked to set a new password for your account. Open the link below within 30 minutes and choose a new password; the link works once. If it was not you, ignore this email: your password stays as it is.",
  "mail.subject.password-reset": "Set a new password",
  "outbox.kind.password-reset": "Password reset",
  "outbox.reason.link-expired": "Not sent: the link had expired, was used or was replaced by a newer one",
  "audit.action.password-reset.request": "Password reset link asked for by email",
  "audit.action.password-reset.throttled": "Password reset request refused: too many",
  "audit.action.password-reset.use": "Password set with a reset link",
};

export const passwordResetMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "login.forgotLink": "Забыли пароль?",
    "forgot.title": "Забыли пароль?",
    "forgot.lead":
      "Введите адрес электронной почты вашей учётной записи. Мы пришлём ссылку, по которой можно задать новый пароль. Она срабатывает один раз и действует 30 минут.",
    "forgot.email": "Электронная почта учётной записи",
    "forgot.submit": "Прислать ссылку",
    "forgot.sent":
      "Если у адреса {email} есть учётная запись, мы отправили на него ссылку. Она срабатывает один раз и действует 30 минут. Письма нет через несколько минут? Проверьте папку «Спам» или запросите ссылку ещё раз.",
    "forgot.noMail": "Этот портал пока не отправляет электронную почту, поэтому ссылка не придёт.",
    "forgot.staff":
      "Нет электронной почты или доступа к ней? Выпускники обращаются к специалисту по трудоустройству своего учебного заведения, компании — в Агентство: они могут выдать одноразовую ссылку для нового пароля.",
    "forgot.backToLogin": "Вернуться ко входу",
    "notify.password-reset":
      "Кто-то, скорее всего вы, запросил новый пароль для вашей учётной записи. Откройте ссылку ниже в течение 30 минут и задайте новый пароль; ссылка срабатывает один раз. Если это были не вы, не обращайте внимания на это письмо: пароль останется прежним.",
    "mail.subject.password-reset": "Задайте новый пароль",
    "outbox.kind.password-reset": "Сброс пароля",
    "outbox.reason.link-expired": "Не отправлено: срок ссылки истёк, она уже использована или заменена более новой",
    "audit.action.password-reset.request": "Запрошена ссылка для сброса пароля по электронной почте",
    "audit.action.password-reset.throttled": "Запрос сброса пароля отклонён: слишком много запросов",
    "audit.action.password-reset.use": "Пароль задан по ссылке для сброса",
  },
  ky: {
    "login.forgotLink": "Сырсөздү унуттуңузбу?",
    "forgot.title": "Сырсөздү унуттуңузбу?",
    "forgot.lead": "Аккаунтуңуздун электрондук почтасын жазыңыз. Жаңы сырсөз коюу үчүн шилтеме жөнөтөбүз. Ал бир гана жолу иштейт жана 30 мүнөт жарактуу.",
    "forgot.email": "Аккаунтуңуздун электрондук почтасы",
    "forgot.submit": "Шилтемени жөнөтүү",
    "forgot.sent":
      "Эгер {email} дареги менен аккаунт бар болсо, ага шилтеме жөнөттүк. Ал бир гана жолу иштейт жана 30 мүнөт жарактуу. Бир нече мүнөттөн кийин кат келбедиби? «Спам» папкасын караңыз же кайра сураңыз.",
    "forgot.noMail": "Бул портал азырынча электрондук почта жөнөтпөйт, ошондуктан шилтеме келбейт.",
    "forgot.staff":
      "Электрондук почтаңыз жокпу же ага кире албай жатасызбы? Бүтүрүүчүлөр окуу жайынын жумушка орноштуруу адисине, компаниялар Агенттикке кайрылышат: алар жаңы сырсөз коюу үчүн бир жолку шилтеме бере алышат.",
    "forgot.backToLogin": "Кирүүгө кайтуу",
    "notify.password-reset":
      "Кимдир бирөө, балким сиз, аккаунтуңуз үчүн жаңы сырсөз сураган. Төмөнкү шилтемени 30 мүнөттүн ичинде ачып, жаңы сырсөз коюңуз; шилтеме бир гана жолу иштейт. Эгер бул сиз болбосоңуз, бул катка көңүл бурбаңыз: сырсөзүңүз мурдагыдай калат.",
    "mail.subject.password-reset": "Жаңы сырсөз коюңуз",
    "outbox.kind.password-reset": "Сырсөздү калыбына келтирүү",
    "outbox.reason.link-expired": "Жөнөтүлгөн жок: шилтеменин мөөнөтү бүткөн, ал колдонулган же жаңысы менен алмаштырылган",
    "audit.action.password-reset.request": "Сырсөздү калыбына келтирүү шилтемеси электрондук почта аркылуу суралды",
    "audit.action.password-reset.throttled": "Сырсөздү калыбына келтирүү суроосу четке кагылды: өтө көп суроо",
    "audit.action.password-reset.use": "Сырсөз калыбына келтирүү шилтемеси аркылуу коюлду",
  },
};
