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

export const vacancyIntros = [
  "Мы растущая продуктовая команда резидента ПВТ. Ищем человека, который хочет учиться и расти вместе с нами.",
  "Биз ЖТПнын резиденти болгон командабыз. Үйрөнүүгө даяр, жоопкерчиликтүү кызматкер издеп жатабыз.",
  "We build software for banks and e-government services in Central Asia and are hiring juniors from the IT cluster.",
  "Аутсорсинговая компания из Бишкека, 60 человек, проекты для клиентов из Европы и Казахстана.",
];

export const vacancyDuties = [
  "Разработка и поддержка интерфейсов по макетам в Figma",
  "Исправление ошибок и написание тестов",
  "Работа в команде по Scrum, ежедневные встречи",
  "Общение с заказчиком на русском и английском",
  "Документирование своей работы",
  "Долбоордун тапшырмаларын өз убагында аткаруу",
];

export const vacancyOffers = [
  "Наставник на испытательный срок",
  "Официальное оформление по законодательству КР",
  "Гибкий график, возможен гибрид",
  "Оплата курсов английского",
  "Компенсация проезда для приезжих из регионов",
  "Ыңгайлуу кеңсе, түшкү тамак",
];
