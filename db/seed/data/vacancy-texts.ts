// Vacancy titles by career track and duties by the company's field, as HTP companies write them
// (mostly Russian, some Kyrgyz and English).
export const vacancyTitles: Record<string, string[]> = {
  frontend: [
    "Junior Frontend-разработчик (React)",
    "Верстальщик HTML/CSS",
    "Стажёр-фронтендер",
    "Frontend Developer (Vue.js)",
    "Фронтенд-иштеп чыгуучу (стажер)",
  ],
  backend: [
    "Junior PHP-разработчик (Laravel)",
    "Backend-разработчик Node.js",
    "Стажёр Python/Django",
    "Junior Backend Developer (Go)",
    "Бэкенд-иштеп чыгуучу (PHP)",
  ],
  qa: ["Junior QA-инженер", "Тестировщик мобильных приложений", "Стажёр по ручному тестированию", "QA Engineer (API testing)"],
  mobile: ["Junior Flutter-разработчик", "Android-разработчик (Kotlin), стажёр", "Мобилдик иштеп чыгуучу (Flutter)"],
  design: ["Junior UI/UX-дизайнер", "Веб-дизайнер (Figma)", "Product Designer, intern"],
  support: ["Специалист технической поддержки", "Системный администратор (junior)", "IT-колдоо адиси"],
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

/**
 * What a demo company does (issue 14 item 13): the kind of work decides which jobs it posts and
 * what its vacancies say the person will do, so a security firm never describes a Figma
 * interface job and a games studio never hires a 1C programmer. Each company names its field in
 * ./companies.ts; titles not listed for a field come from vacancyTitles by track.
 */
export type CompanyField = "outsourcing" | "product" | "games" | "security" | "infrastructure" | "erp" | "data" | "design" | "qa" | "iot";

export type FieldProfile = {
  /** The career tracks (./tracks.ts) it hires for: they decide the skills asked for. */
  tracks: string[];
  /** Job titles of a track that this field writes its own way. */
  titles?: Record<string, string[]>;
  duties: Record<VacancyLang, string[]>;
};

export const fieldProfiles: Record<CompanyField, FieldProfile> = {
  outsourcing: {
    tracks: ["frontend", "backend", "qa", "mobile"],
    duties: {
      ru: [
        "Разработка функций по задачам заказчика в Jira",
        "Исправление ошибок и написание тестов",
        "Работа в команде по Scrum, ежедневные встречи",
        "Общение с заказчиком на русском и английском",
      ],
      ky: [
        "Кардардын Jira'дагы тапшырмалары боюнча функцияларды иштеп чыгуу",
        "Каталарды оңдоо жана тесттерди жазуу",
        "Scrum боюнча командада иштөө, күн сайын кыска жолугушуулар",
        "Кардар менен орус жана англис тилдеринде сүйлөшүү",
      ],
      en: [
        "Build features from the client's tasks in Jira",
        "Fix bugs and write tests",
        "Work in a Scrum team with daily stand-ups",
        "Talk to clients in Russian and English",
      ],
    },
  },
  product: {
    tracks: ["frontend", "backend", "qa", "mobile", "design"],
    duties: {
      ru: [
        "Развитие нашего продукта: новые функции по отзывам пользователей",
        "Исправление ошибок, о которых пишут пользователи",
        "Работа в команде продукта вместе с дизайнером и тестировщиком",
        "Документирование своей работы",
      ],
      ky: [
        "Продуктубузду өнүктүрүү: колдонуучулардын пикири боюнча жаңы функциялар",
        "Колдонуучулар билдирген каталарды оңдоо",
        "Дизайнер жана тестирлөөчү менен бир командада иштөө",
        "Өз ишин документтештирүү",
      ],
      en: [
        "Grow our product: new features from what users tell us",
        "Fix the bugs our users report",
        "Work in the product team with a designer and a tester",
        "Document your work",
      ],
    },
  },
  games: {
    tracks: ["mobile", "design", "qa"],
    titles: {
      mobile: ["Junior Unity-разработчик", "Стажёр-разработчик игр (Unity, C#)"],
      design: ["Junior 2D/3D-художник", "Game UI Designer, intern"],
      qa: ["Тестировщик мобильных игр"],
    },
    duties: {
      ru: [
        "Создание игровых механик и уровней",
        "Подготовка ассетов и интерфейса игры",
        "Проверка сборок игры на разных телефонах",
        "Разбор отзывов игроков из магазинов приложений",
      ],
      ky: [
        "Оюн механикаларын жана деңгээлдерин түзүү",
        "Оюндун ассеттерин жана интерфейсин даярдоо",
        "Оюндун курамаларын ар кандай телефондордо текшерүү",
        "Тиркеме дүкөндөрүндөгү оюнчулардын пикирлерин талдоо",
      ],
      en: [
        "Build game mechanics and levels",
        "Prepare the game's assets and interface",
        "Check game builds on different phones",
        "Go through players' reviews from the app stores",
      ],
    },
  },
  security: {
    tracks: ["support", "qa"],
    titles: {
      support: ["Junior SOC-аналитик", "Стажёр по информационной безопасности", "Маалымат коопсуздугу боюнча стажер"],
      qa: ["Junior-тестировщик защищённости веб-приложений"],
    },
    duties: {
      ru: [
        "Разбор событий безопасности в SIEM в дежурной смене",
        "Проверка веб-приложений на уязвимости под руководством пентестера",
        "Подготовка отчётов о найденных уязвимостях для заказчиков",
        "Настройка правил межсетевого экрана и контроль доступа",
      ],
      ky: [
        "Кезметтик сменада SIEMдеги коопсуздук окуяларын талдоо",
        "Пентестердин жетекчилиги астында веб-тиркемелердин алсыз жерлерин текшерүү",
        "Табылган алсыз жерлер боюнча кардарларга отчет даярдоо",
        "Тармак аралык экрандын эрежелерин жөндөө жана кирүүнү көзөмөлдөө",
      ],
      en: [
        "Triage security events in the SIEM on a duty shift",
        "Test web applications for vulnerabilities under a pentester's lead",
        "Write up the vulnerabilities found for clients",
        "Set up firewall rules and access control",
      ],
    },
  },
  infrastructure: {
    tracks: ["support", "backend"],
    titles: {
      support: ["Junior DevOps-инженер", "Системный администратор Linux (junior)", "Дежурный инженер (мониторинг)"],
      backend: ["Junior DevOps-инженер (CI/CD)", "Стажёр-инженер облачной платформы"],
    },
    duties: {
      ru: [
        "Поддержка серверов Linux и облачной платформы",
        "Настройка мониторинга и реагирование на оповещения",
        "Сборка и настройка конвейеров CI/CD",
        "Ответы клиентам хостинга по техническим вопросам",
      ],
      ky: [
        "Linux серверлерин жана булут платформасын колдоо",
        "Мониторингди жөндөө жана эскертүүлөргө жооп берүү",
        "CI/CD конвейерлерин куруу жана жөндөө",
        "Хостинг кардарларынын техникалык суроолоруна жооп берүү",
      ],
      en: [
        "Look after Linux servers and the cloud platform",
        "Set up monitoring and answer its alerts",
        "Build and tune CI/CD pipelines",
        "Answer hosting clients' technical questions",
      ],
    },
  },
  erp: {
    tracks: ["support", "backend"],
    titles: {
      support: ["Программист 1С (стажёр)", "Специалист по внедрению 1С", "1С боюнча адис (стажер)"],
      backend: ["Junior-разработчик интеграций (SQL, REST)"],
    },
    duties: {
      ru: [
        "Доработка конфигураций 1С под задачи клиентов",
        "Настройка обмена данными между учётными системами",
        "Обучение бухгалтеров и кладовщиков клиента",
        "Ответы на обращения клиентов по учётной системе",
      ],
      ky: [
        "1С конфигурацияларын кардарлардын талабына ылайыкташтыруу",
        "Эсеп системаларынын ортосунда маалымат алмашууну жөндөө",
        "Кардардын бухгалтерлерин жана кампачыларын окутуу",
        "Эсеп системасы боюнча кардарлардын кайрылууларына жооп берүү",
      ],
      en: [
        "Adapt 1C configurations to clients' needs",
        "Set up data exchange between accounting systems",
        "Train the client's accountants and storekeepers",
        "Answer clients' requests about the accounting system",
      ],
    },
  },
  data: {
    tracks: ["backend"],
    titles: { backend: ["Junior аналитик данных (SQL)", "Стажёр-аналитик BI", "Junior Data Engineer (Python)", "Маалымат аналитиги (стажер)"] },
    duties: {
      ru: [
        "Подготовка данных и SQL-запросов для отчётов",
        "Сборка дашбордов для клиентов",
        "Проверка качества данных из источников клиента",
        "Объяснение цифр отчёта заказчику",
      ],
      ky: [
        "Отчеттор үчүн маалыматтарды жана SQL-суроо-талаптарды даярдоо",
        "Кардарлар үчүн дашборддорду түзүү",
        "Кардардын булактарынан келген маалыматтын сапатын текшерүү",
        "Отчеттогу сандарды кардарга түшүндүрүү",
      ],
      en: [
        "Prepare data and SQL queries for reports",
        "Build dashboards for clients",
        "Check the quality of data from the client's sources",
        "Explain a report's figures to the client",
      ],
    },
  },
  design: {
    tracks: ["design", "frontend"],
    titles: { frontend: ["Верстальщик HTML/CSS", "Веб-верстальщик (Tilda, HTML/CSS)"] },
    duties: {
      ru: [
        "Макеты сайтов и лендингов в Figma",
        "Вёрстка страниц по макетам",
        "Подготовка графики для соцсетей и рекламы клиентов",
        "Презентация работ клиенту и правки по его замечаниям",
      ],
      ky: [
        "Figma'да сайттардын жана лендингдердин макеттери",
        "Макеттер боюнча барактарды калыпка салуу",
        "Кардарлардын социалдык тармактары жана жарнамасы үчүн графика даярдоо",
        "Ишти кардарга көрсөтүү жана анын сын-пикири боюнча оңдоо",
      ],
      en: [
        "Website and landing page mock-ups in Figma",
        "Lay out pages from the mock-ups",
        "Prepare graphics for clients' social media and ads",
        "Present the work to the client and make their changes",
      ],
    },
  },
  qa: {
    tracks: ["qa"],
    duties: {
      ru: [
        "Тестирование веб- и мобильных приложений заказчиков по тест-кейсам",
        "Заведение баг-репортов в Jira",
        "Написание и поддержка автотестов",
        "Проверка переводов интерфейса на кыргызский и русский",
      ],
      ky: [
        "Кардарлардын веб жана мобилдик тиркемелерин тест-кейстер боюнча тестирлөө",
        "Jira'да ката тууралуу билдирүүлөрдү түзүү",
        "Автотесттерди жазуу жана колдоо",
        "Интерфейстин кыргызча жана орусча котормолорун текшерүү",
      ],
      en: [
        "Test clients' web and mobile apps from test cases",
        "File bug reports in Jira",
        "Write and maintain automated tests",
        "Check the interface's Kyrgyz and Russian translations",
      ],
    },
  },
  iot: {
    tracks: ["mobile", "backend", "support"],
    titles: { support: ["Техник по установке датчиков (IoT)", "Инженер техподдержки оборудования"] },
    duties: {
      ru: [
        "Установка и настройка датчиков у клиентов",
        "Приём данных с устройств и их хранение на сервере",
        "Экраны мониторинга в мобильном приложении",
        "Поддержка клиентов при сбоях оборудования",
      ],
      ky: [
        "Кардарларда сенсорлорду орнотуу жана жөндөө",
        "Түзмөктөрдөн маалымат кабыл алуу жана аны серверде сактоо",
        "Мобилдик тиркемедеги мониторинг экрандары",
        "Жабдуу иштебей калганда кардарларды колдоо",
      ],
      en: [
        "Install and set up sensors at clients' sites",
        "Receive data from devices and store it on the server",
        "Monitoring screens in the mobile app",
        "Support clients when equipment fails",
      ],
    },
  },
};
