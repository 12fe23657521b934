// Career tracks of the cluster's graduates: what they say about themselves, what they know,
// and the kind of projects they build. Text is mostly Russian, some Kyrgyz and English, as in life.
export type Track = {
  key: string;
  headlines: string[];
  core: string[]; // skill slugs every graduate of the track has
  extra: string[]; // some of these
  projects: { title: string; summary: string; skills: string[] }[];
};

export const tracks: Track[] = [
  {
    key: "frontend",
    headlines: [
      "Junior frontend-разработчик (React)",
      "Верстальщик: HTML, CSS, JavaScript",
      "Фронтенд-иштеп чыгуучу, React",
      "Junior front-end developer, React and TypeScript",
    ],
    core: ["html", "css", "html-css-layout", "javascript", "git"],
    extra: ["react", "typescript", "responsive-design", "sass", "bootstrap", "tailwind-css", "figma", "vite", "redux", "github", "npm"],
    projects: [
      {
        title: "Интернет-магазин войлочных изделий «Шырдак»",
        summary: "Каталог ковров и сувениров мастериц из Кочкора с корзиной и заказом через WhatsApp.",
        skills: ["react", "javascript", "css", "responsive-design"],
      },
      {
        title: "Лендинг гостевого дома на Иссык-Куле",
        summary: "Одностраничный сайт с фотогалереей, ценами по сезонам и формой бронирования.",
        skills: ["html", "css", "javascript"],
      },
      {
        title: "Маршрутки Бишкека",
        summary: "Поиск маршрута маршрутки между двумя остановками, работает офлайн на телефоне.",
        skills: ["javascript", "react", "responsive-design"],
      },
      { title: "Сайт нашего лицея", summary: "Новости, расписание и страница приёма для профессионального лицея.", skills: ["html", "css", "bootstrap"] },
      {
        title: "Кыргызча сөздөр — оюн",
        summary: "Браузерная игра для запоминания кыргызских слов с карточками и счётом.",
        skills: ["javascript", "html", "css"],
      },
      {
        title: "Weather dashboard for Naryn",
        summary: "A small dashboard that shows the forecast for Naryn region villages from an open API.",
        skills: ["typescript", "react", "ajax-fetch"],
      },
    ],
  },
  {
    key: "backend",
    headlines: [
      "Junior PHP-разработчик (Laravel)",
      "Backend-разработчик: Node.js, PostgreSQL",
      "Бэкенд-иштеп чыгуучу, Python/Django",
      "Junior backend developer (PHP, MySQL)",
    ],
    core: ["sql", "git", "rest-api", "backend-development"],
    extra: ["php", "laravel", "mysql", "node-js", "express", "postgresql", "python", "django", "docker", "linux", "postman", "github"],
    projects: [
      {
        title: "Учёт склада стройматериалов",
        summary: "Приход, расход и остатки товаров для магазина в Токмоке; отчёты в Excel.",
        skills: ["php", "laravel", "mysql"],
      },
      {
        title: "Telegram-бот расписания лицея",
        summary: "Бот присылает расписание группы и изменения на завтра.",
        skills: ["python", "telegram-bots", "sqlite"],
      },
      { title: "CRM для автомойки", summary: "Запись клиентов, смены мойщиков и выручка за день.", skills: ["node-js", "express", "postgresql"] },
      { title: "API школьного журнала", summary: "REST API оценок и посещаемости с ролями учителя и ученика.", skills: ["rest-api", "django", "postgresql"] },
      { title: "Онлайн-очередь в ЦОН", summary: "Электронная очередь с талонами и SMS-уведомлением.", skills: ["php", "mysql", "rest-api"] },
    ],
  },
  {
    key: "qa",
    headlines: ["QA-инженер (ручное тестирование)", "Тестировщик: тест-кейсы, Postman, SQL", "Программаларды тестирлөөчү", "Junior QA engineer"],
    core: ["manual-testing", "test-cases", "bug-reporting"],
    extra: ["postman", "api-testing", "sql", "jira", "mobile-testing", "selenium", "git", "devtools"],
    projects: [
      {
        title: "Тест-план мобильного банка",
        summary: "120 тест-кейсов и отчёт о 34 найденных дефектах в учебном приложении банка.",
        skills: ["test-cases", "mobile-testing", "bug-reporting"],
      },
      { title: "Проверка API интернет-магазина", summary: "Коллекция Postman с автопроверками для заказа и оплаты.", skills: ["postman", "api-testing"] },
      { title: "Автотесты сайта лицея", summary: "Selenium-тесты формы приёма и поиска по сайту.", skills: ["selenium", "automated-testing"] },
    ],
  },
  {
    key: "mobile",
    headlines: ["Flutter-разработчик", "Android-разработчик (Kotlin)", "Мобилдик тиркемелерди иштеп чыгуучу", "Junior mobile developer, Flutter"],
    core: ["git"],
    extra: ["flutter", "dart", "android", "kotlin", "firebase", "rest-api", "figma", "jetpack-compose"],
    projects: [
      { title: "Доставка плова «Ош-Паш»", summary: "Приложение заказа еды с меню, корзиной и отслеживанием курьера.", skills: ["flutter", "dart", "firebase"] },
      { title: "Курсы валют Нацбанка", summary: "Android-виджет с курсами сома и графиком за месяц.", skills: ["kotlin", "android", "rest-api"] },
      { title: "Жайлоо-гид", summary: "Офлайн-путеводитель по юртовым лагерям Сон-Куля с картой.", skills: ["flutter", "dart"] },
    ],
  },
  {
    key: "design",
    headlines: ["UI/UX-дизайнер (Figma)", "Веб-дизайнер", "UI/UX дизайнер, Figma", "Junior product designer"],
    core: ["figma", "ui-design"],
    extra: ["ux-design", "prototyping", "web-design", "photoshop", "illustrator", "design-systems", "html", "css"],
    projects: [
      {
        title: "Редизайн сайта районной больницы",
        summary: "Исследование пользователей и новый прототип записи к врачу.",
        skills: ["figma", "ux-design", "prototyping"],
      },
      { title: "Дизайн приложения «Маршрутки»", summary: "UI-кит и 24 экрана мобильного приложения.", skills: ["figma", "ui-design", "design-systems"] },
      { title: "Айдентика кофейни в Караколе", summary: "Логотип, меню и макеты для Instagram.", skills: ["illustrator", "graphic-design"] },
    ],
  },
  {
    key: "support",
    headlines: ["Специалист техподдержки", "Системдик администратор (башталгыч)", "Специалист 1С и техподдержки", "IT support specialist"],
    core: ["it-support", "computer-networks", "pc-repair"],
    extra: ["windows", "linux", "os-installation", "1c-accounting", "1c-programming", "mikrotik", "excel", "office-equipment", "system-administration"],
    projects: [
      {
        title: "Сеть компьютерного класса",
        summary: "Проект и монтаж сети на 16 рабочих мест с общим принтером.",
        skills: ["computer-networks", "structured-cabling"],
      },
      { title: "Учёт в 1С для фермерского хозяйства", summary: "Настройка 1С:Бухгалтерия и обучение сотрудников.", skills: ["1c-accounting"] },
      { title: "База знаний техподдержки", summary: "Инструкции по типичным проблемам пользователей с поиском.", skills: ["it-support", "technical-writing"] },
    ],
  },
];

export const genericSkills = ["english-for-it", "teamwork", "communication", "computer-literacy", "touch-typing", "problem-solving", "self-learning"];

// A graduate's "about" is an opener and a closer in one language (probe-ux: drawn apart, they made
// «IT-кластерди бүтүрдүм… Looking for an internship…»), and the Russian one agrees with the
// graduate's sex («Окончила», «Готов»), where "(а)" stands for the feminine ending (aboutText).
export const aboutOpeners = [
  { lang: "ru", text: "Окончил(а) IT-кластер профессионального лицея. Люблю доводить задачи до конца и учусь каждый день." },
  { lang: "ky", text: "IT-кластерди бүтүрдүм. Командада иштегенди жакшы көрөм, жаңы технологияларды тез үйрөнөм." },
  { lang: "en", text: "Graduate of the vocational IT cluster. I enjoy building things people use and learning from code review." },
  { lang: "ru", text: "Во время учёбы сделал(а) несколько проектов для местного бизнеса и хочу расти в сильной команде ПВТ." },
] as const;
export const aboutClosers = [
  { lang: "ru", text: "Ищу первую работу или стажировку в компании Парка высоких технологий." },
  { lang: "ky", text: "ЖТПнын компаниясында стажировка же биринчи жумуш издеп жатам." },
  { lang: "en", text: "Looking for an internship or a junior role in an HTP company; open to remote work." },
  { lang: "ru", text: "Готов(а) к переезду в Бишкек, рассматриваю и удалённый формат." },
  { lang: "ky", text: "Бишкекке көчүүгө даярмын, алыстан иштөөнү да карайм." },
  { lang: "en", text: "Happy to move to Bishkek or to work remotely." },
] as const;

/**
 * The "about" text from the two drawn parts: the closer drawn when it is in the opener's language,
 * else the opener's language's closer in the same place among that language's closers.
 */
export function aboutText(opener: (typeof aboutOpeners)[number], drawn: (typeof aboutClosers)[number], sex: "f" | "m" | null): string {
  const same = aboutClosers.filter((c) => c.lang === opener.lang);
  const closer = drawn.lang === opener.lang ? drawn : same[aboutClosers.indexOf(drawn) % same.length]!;
  const text = `${opener.text} ${closer.text}`;
  return sex === null ? text : text.replace(/(\p{L}+)\(а\)/gu, sex === "f" ? "$1а" : "$1");
}
