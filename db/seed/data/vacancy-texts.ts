// Vacancy titles and texts by career track, as HTP companies write them (mostly Russian,
// some Kyrgyz and English).
export const vacancyTitles: Record<string, string[]> = {
  frontend: ["Junior Frontend-разработчик (React)", "Верстальщик HTML/CSS", "Стажёр-фронтендер", "Frontend Developer (Vue.js)", "Фронтенд-иштеп чыгуучу (стажер)"],
  backend: ["Junior PHP-разработчик (Laravel)", "Backend-разработчик Node.js", "Стажёр Python/Django", "Junior Backend Developer (Go)", "Бэкенд-иштеп чыгуучу (PHP)"],
  qa: ["Junior QA-инженер", "Тестировщик мобильных приложений", "Стажёр по ручному тестированию", "QA Engineer (API testing)"],
  mobile: ["Junior Flutter-разработчик", "Android-разработчик (Kotlin), стажёр", "Мобилдик иштеп чыгуучу (Flutter)"],
  design: ["Junior UI/UX-дизайнер", "Веб-дизайнер (Figma)", "Product Designer, intern"],
  support: ["Специалист технической поддержки", "Системный администратор (junior)", "Программист 1С (стажёр)", "IT-колдоо адиси"],
};

/**
 * A vacancy's description is written in one language throughout, as a recruiter writes it:
 * the intro picked decides the language of the headings, duties and offers that follow.
 */
export type VacancyLang = "ru" | "ky" | "en";

export const vacancyIntros: { lang: VacancyLang; text: string }[] = [
  { lang: "ru", text: "Мы растущая продуктовая команда резидента ПВТ. Ищем человека, который хочет учиться и расти вместе с нами." },
  { lang: "ky", text: "Биз ЖТПнын резиденти болгон командабыз. Үйрөнүүгө даяр, жоопкерчиликтүү кызматкер издеп жатабыз." },
  { lang: "en", text: "We build software for banks and e-government services in Central Asia and are hiring juniors from the IT cluster." },
  { lang: "ru", text: "Аутсорсинговая компания из Бишкека, 60 человек, проекты для клиентов из Европы и Казахстана." },
];

export const vacancyHeadings: Record<VacancyLang, { duties: string; offers: string }> = {
  ru: { duties: "Задачи:", offers: "Мы предлагаем:" },
  ky: { duties: "Милдеттер:", offers: "Биз сунуштайбыз:" },
  en: { duties: "What you will do:", offers: "What we offer:" },
};

export const vacancyDuties: Record<VacancyLang, string[]> = {
  ru: [
    "Разработка и поддержка интерфейсов по макетам в Figma",
    "Исправление ошибок и написание тестов",
    "Работа в команде по Scrum, ежедневные встречи",
    "Общение с заказчиком на русском и английском",
    "Документирование своей работы",
    "Выполнение задач проекта в срок",
  ],
  ky: [
    "Figma макеттери боюнча интерфейстерди иштеп чыгуу жана колдоо",
    "Каталарды оңдоо жана тесттерди жазуу",
    "Scrum боюнча командада иштөө, күн сайын кыска жолугушуулар",
    "Кардар менен орус жана англис тилдеринде сүйлөшүү",
    "Өз ишин документтештирүү",
    "Долбоордун тапшырмаларын өз убагында аткаруу",
  ],
  en: [
    "Build and maintain interfaces from Figma mock-ups",
    "Fix bugs and write tests",
    "Work in a Scrum team with daily stand-ups",
    "Talk to clients in Russian and English",
    "Document your work",
    "Deliver project tasks on time",
  ],
};

export const vacancyOffers: Record<VacancyLang, string[]> = {
  ru: [
    "Наставник на испытательный срок",
    "Официальное оформление по законодательству КР",
    "Гибкий график, возможен гибрид",
    "Оплата курсов английского",
    "Компенсация проезда для приезжих из регионов",
    "Удобный офис и обеды",
  ],
  ky: [
    "Сыноо мөөнөтүндө насаатчы",
    "КРдин мыйзамы боюнча расмий ишке алуу",
    "Ийкемдүү график, аралаш форматта иштесе болот",
    "Англис тили курстарынын акысын төлөйбүз",
    "Аймактардан келгендерге жол кире",
    "Ыңгайлуу кеңсе, түшкү тамак",
  ],
  en: [
    "A mentor through probation",
    "Official employment under Kyrgyz law",
    "Flexible hours, hybrid possible",
    "Paid English courses",
    "Travel allowance for newcomers from the regions",
    "A comfortable office and lunches",
  ],
};
