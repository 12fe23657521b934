// Refusals at the HTTP level (unknown method, body too large) and the answers of sign-up that
// reveal nothing about existing addresses (issue 13, items 2, 11 and 14).
import type { AreaMessages } from "./area";

const en = {
  "error.405.title": "Method not allowed",
  "error.405.text": "This address answers only to opening a page (GET, HEAD) and to sending a form (POST).",
  "error.413.title": "Request too large",
  "error.413.text": "The form sent more data than this page accepts. Go back, shorten what you entered and try again.",
  "flash.signUpDone":
    "If this email address had no account yet, it is registered now: sign in with it and the password you chose. If it already had one, its owner has been told in the portal.",
  "notify.sign-up-existing":
    "Someone tried to register a company account with your email address. If it was you, sign in with your password; if you forgot it, ask the Agency to reset it. Nothing was changed.",
};

export const httpMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "error.405.title": "Метод не поддерживается",
    "error.405.text": "По этому адресу можно только открыть страницу (GET, HEAD) или отправить форму (POST).",
    "error.413.title": "Слишком большой запрос",
    "error.413.text": "Форма передала больше данных, чем принимает эта страница. Вернитесь назад, сократите введённый текст и попробуйте снова.",
    "flash.signUpDone":
      "Если для этого адреса электронной почты ещё не было учётной записи, она создана: войдите с этим адресом и выбранным паролем. Если учётная запись уже была, её владелец получил уведомление на портале.",
    "notify.sign-up-existing":
      "Кто-то пытался зарегистрировать учётную запись компании с вашим адресом электронной почты. Если это были вы, войдите со своим паролем; если вы его забыли, попросите Агентство сбросить его. Ничего не изменено.",
  },
  ky: {
    "error.405.title": "Бул ыкмага уруксат жок",
    "error.405.text": "Бул дарек боюнча баракты ачууга (GET, HEAD) же форманы жөнөтүүгө (POST) гана болот.",
    "error.413.title": "Суроо-талап өтө чоң",
    "error.413.text": "Форма бул барак кабыл алгандан көбүрөөк маалымат жөнөттү. Артка кайтып, киргизген текстиңизди кыскартып, кайра аракет кылыңыз.",
    "flash.signUpDone":
      "Эгер бул электрондук почта менен аккаунт катталбаган болсо, аккаунт азыр түзүлдү: ушул дарек жана тандаган сырсөзүңүз менен кириңиз. Эгер аккаунт мурунтан эле катталган болсо, анын ээсине порталда билдирүү жөнөтүлдү.",
    "notify.sign-up-existing":
      "Кимдир бирөө сиздин электрондук почтаңыз менен компаниянын аккаунтун каттоого аракет кылды. Эгер бул сиз болсоңуз, сырсөзүңүз менен кириңиз; сырсөздү унутуп калсаңыз, Агенттиктен аны калыбына келтирүүнү сураныңыз. Эч нерсе өзгөртүлгөн жок.",
  },
};
