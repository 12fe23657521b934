// Static reference data: 40 FICTIONAL High Technology Park (HTP / ПВТ)
// resident companies for demo/seed purposes. Names, registration numbers and
// websites are invented; any resemblance to real companies is unintended.
// `focus` holds skill slugs from ./skills.ts (validated by tooling).

import type { CompanyField } from './vacancy-texts';

export type CompanySeed = {
  slug: string;
  name: string;
  /** As a recruiter types it on the company form: in Russian. */
  city: 'Бишкек' | 'Ош' | 'Каракол' | 'Нарын' | 'Токмок' | 'Кызыл-Кия' | 'Талас' | 'Джалал-Абад';
  htpNumber: string;
  website: string;
  about: { en: string; ru: string; ky: string };
  /** What it does: decides the jobs it posts and their duties (./vacancy-texts.ts, issue 14 item 13). */
  field: CompanyField;
  focus: string[];
};

export const companies: CompanySeed[] = [
  {
    slug: 'alatoo-softlab', name: 'Ала-Тоо Софтлаб', field: 'outsourcing', city: 'Бишкек', htpNumber: 'ПВТ-2014-0037', website: 'https://alatoo-softlab.kg',
    about: {
      en: 'Outsourcing studio building web and mobile products for clients in Europe and the Gulf states.',
      ru: 'Аутсорсинговая студия, разрабатывающая веб- и мобильные продукты для клиентов из Европы и стран Персидского залива.',
      ky: 'Европа жана Перс булуңу өлкөлөрүндөгү кардарлар үчүн веб жана мобилдик продукттарды иштеп чыккан аутсорсинг студиясы.',
    },
    focus: ['react', 'node-js', 'typescript', 'flutter', 'manual-testing', 'english-for-it'],
  },
  {
    slug: 'tengri-pixel', name: 'Tengri Pixel Studio', field: 'games', city: 'Бишкек', htpNumber: 'ПВТ-2019-0169', website: 'https://tengripixel.kg',
    about: {
      en: 'Indie game studio making casual mobile games inspired by Central Asian art and folklore.',
      ru: 'Инди-студия, создающая казуальные мобильные игры в стилистике центральноазиатского искусства и фольклора.',
      ky: 'Борбор Азиянын искусствосу жана фольклору негизинде казуалдык мобилдик оюндарды жасаган инди-студия.',
    },
    focus: ['unity', 'csharp', 'game-development', '3d-modeling', 'graphic-design', 'mobile-testing'],
  },
  {
    slug: 'kyzart-agrosystems', name: 'Kyzart AgroSystems', field: 'iot', city: 'Нарын', htpNumber: 'ПВТ-2021-0318', website: 'https://kyzart-agro.kg',
    about: {
      en: 'Agritech startup helping Naryn farmers keep track of pastures and livestock with a mobile app and IoT sensors.',
      ru: 'Агротех-стартап: мобильное приложение и IoT-датчики для учёта пастбищ и скота фермеров Нарынской области.',
      ky: 'Агротех-стартап: Нарын облусунун фермерлери үчүн жайыттарды жана малды эсепке алуучу мобилдик тиркеме жана IoT сенсорлору.',
    },
    focus: ['flutter', 'firebase', 'arduino-iot', 'gis', 'python', 'it-support'],
  },
  {
    slug: 'nomad-codeworks', name: 'Nomad Codeworks', field: 'outsourcing', city: 'Бишкек', htpNumber: 'ПВТ-2016-0089', website: 'https://nomadcodeworks.kg',
    about: {
      en: 'Dedicated development teams for US and EU startups: web platforms, APIs and cloud infrastructure.',
      ru: 'Выделенные команды разработки для стартапов из США и ЕС: веб-платформы, API и облачная инфраструктура.',
      ky: 'АКШ жана ЕБ стартаптары үчүн атайын иштеп чыгуу командалары: веб-платформалар, API жана булут инфраструктурасы.',
    },
    focus: ['python', 'django', 'react', 'postgresql', 'docker', 'aws', 'english-for-it'],
  },
  {
    slug: 'ysykkol-tech', name: 'Ысык-Көл Tech', field: 'product', city: 'Каракол', htpNumber: 'ПВТ-2020-0211', website: 'https://ysykkol-tech.kg',
    about: {
      en: 'Online booking platform for guesthouses, yurt camps and tours around Lake Issyk-Kul.',
      ru: 'Платформа онлайн-бронирования гостевых домов, юрточных лагерей и туров по Иссык-Кулю.',
      ky: 'Ысык-Көлдөгү конок үйлөрүн, боз үй лагерлерин жана турларды онлайн брондоо платформасы.',
    },
    focus: ['php', 'laravel', 'vue', 'mysql', 'html-css-layout', 'payment-integration'],
  },
  {
    slug: 'tulpar-fintech', name: 'Tulpar Fintech Lab', field: 'product', city: 'Бишкек', htpNumber: 'ПВТ-2017-0104', website: 'https://tulparfintech.kg',
    about: {
      en: 'Builds mobile wallets, QR payments and card-processing services for Kyrgyz banks.',
      ru: 'Разрабатывает мобильные кошельки, QR-платежи и процессинг карт для банков Кыргызстана.',
      ky: 'Кыргызстандын банктары үчүн мобилдик капчыктарды, QR-төлөмдөрдү жана карта процессингин иштеп чыгат.',
    },
    focus: ['java', 'spring-boot', 'kotlin', 'postgresql', 'payment-integration', 'web-security', 'automated-testing'],
  },
  {
    slug: 'komuz-edtech', name: 'Комуз Эдтех', field: 'product', city: 'Бишкек', htpNumber: 'ПВТ-2022-0407', website: 'https://komuz-edu.kg',
    about: {
      en: 'Online learning platform with school subjects and IT courses in Kyrgyz and Russian.',
      ru: 'Онлайн-платформа со школьными предметами и IT-курсами на кыргызском и русском языках.',
      ky: 'Кыргыз жана орус тилдериндеги мектеп сабактары жана IT курстары бар онлайн окуу платформасы.',
    },
    focus: ['javascript', 'react', 'node-js', 'mongodb', 'ui-design', 'video-editing', 'kyrgyz-language'],
  },
  {
    slug: 'sulaiman-soft', name: 'Сулайман Софт', field: 'erp', city: 'Ош', htpNumber: 'ПВТ-2015-0061', website: 'https://sulaimansoft.kg',
    about: {
      en: 'Automates accounting, trade and warehouses of businesses in southern Kyrgyzstan on the 1C platform.',
      ru: 'Автоматизирует бухгалтерию, торговлю и склады предприятий юга Кыргызстана на платформе 1С.',
      ky: 'Кыргызстандын түштүгүндөгү ишканалардын бухгалтериясын, соодасын жана кампаларын 1С платформасында автоматташтырат.',
    },
    focus: ['1c-programming', '1c-accounting', 'sql', 'excel', 'customer-service'],
  },
  {
    slug: 'chatkal-data', name: 'Chatkal Data', field: 'data', city: 'Джалал-Абад', htpNumber: 'ПВТ-2023-0452', website: 'https://chatkaldata.kg',
    about: {
      en: 'Data analytics and BI dashboards for retailers, microfinance companies and NGOs.',
      ru: 'Аналитика данных и BI-дашборды для ритейла, микрофинансовых компаний и НКО.',
      ky: 'Чекене соода, микрокаржы компаниялары жана коммерциялык эмес уюмдар үчүн маалыматтарды талдоо жана BI-дашборддор.',
    },
    focus: ['sql', 'power-bi', 'python', 'pandas', 'data-analysis', 'excel'],
  },
  {
    slug: 'shumkar-logistics', name: 'Shumkar Logistics IT', field: 'product', city: 'Бишкек', htpNumber: 'ПВТ-2018-0127', website: 'https://shumkar-logistics.kg',
    about: {
      en: 'Transport management system and driver app for freight carriers on China–Central Asia routes.',
      ru: 'Система управления перевозками и приложение для водителей грузоперевозчиков на маршрутах Китай — Центральная Азия.',
      ky: 'Кытай — Борбор Азия каттамдарындагы жүк ташуучулар үчүн ташууну башкаруу системасы жана айдоочулар тиркемеси.',
    },
    focus: ['go', 'postgresql', 'react', 'react-native', 'docker', 'rest-api'],
  },
  {
    slug: 'jailoo-agrotech', name: 'Jailoo AgroTech', field: 'product', city: 'Талас', htpNumber: 'ПВТ-2022-0389', website: 'https://jailoo-agro.kg',
    about: {
      en: 'Marketplace connecting Talas bean and potato growers with wholesale buyers, with agronomy tips in Kyrgyz.',
      ru: 'Маркетплейс, связывающий таласских фермеров, выращивающих фасоль и картофель, с оптовыми покупателями; агросоветы на кыргызском.',
      ky: 'Таластагы буурчак жана картөшкө өстүргөн фермерлерди дүң сатып алуучулар менен байланыштырган маркетплейс; кыргызча агрономиялык кеңештер.',
    },
    focus: ['php', 'laravel', 'flutter', 'mysql', 'telegram-bots', 'smm'],
  },
  {
    slug: 'boz-uy-studio', name: 'Боз Үй Студио', field: 'design', city: 'Бишкек', htpNumber: 'ПВТ-2019-0176', website: 'https://bozuy-studio.kg',
    about: {
      en: 'Design and web studio: branding, UI/UX and landing pages for local and foreign businesses.',
      ru: 'Дизайн- и веб-студия: брендинг, UI/UX и лендинги для местного и зарубежного бизнеса.',
      ky: 'Дизайн жана веб-студия: жергиликтүү жана чет элдик бизнес үчүн брендинг, UI/UX жана лендингдер.',
    },
    focus: ['figma', 'ui-design', 'ux-design', 'html-css-layout', 'tilda', 'graphic-design'],
  },
  {
    slug: 'aksai-cloud', name: 'Ак-Сай Клауд', field: 'infrastructure', city: 'Бишкек', htpNumber: 'ПВТ-2020-0233', website: 'https://aksai-cloud.kg',
    about: {
      en: 'Local cloud hosting, VPS and managed Kubernetes with all data stored inside Kyrgyzstan.',
      ru: 'Локальный облачный хостинг, VPS и управляемый Kubernetes с хранением данных в Кыргызстане.',
      ky: 'Маалыматтарды Кыргызстандын ичинде сактаган жергиликтүү булут хостинги, VPS жана башкарылуучу Kubernetes.',
    },
    focus: ['linux', 'kubernetes', 'docker', 'terraform', 'monitoring', 'computer-networks', 'bash'],
  },
  {
    slug: 'kokjal-security', name: 'Көк-Жал Секьюрити', field: 'security', city: 'Бишкек', htpNumber: 'ПВТ-2021-0297', website: 'https://kokjal-sec.kg',
    about: {
      en: 'Security operations centre and penetration testing services for banks, telecom operators and government agencies.',
      ru: 'Центр мониторинга безопасности (SOC) и тестирование на проникновение для банков, телеком-операторов и госорганов.',
      ky: 'Банктар, телеком операторлору жана мамлекеттик органдар үчүн коопсуздук мониторинг борбору (SOC) жана пентестинг кызматтары.',
    },
    focus: ['information-security', 'siem-soc', 'pentesting', 'network-security', 'linux', 'web-security'],
  },
  {
    slug: 'burana-games', name: 'Burana Games', field: 'games', city: 'Токмок', htpNumber: 'ПВТ-2023-0468', website: 'https://buranagames.kg',
    about: {
      en: 'Small Tokmok studio producing hyper-casual games and 3D assets for international publishers.',
      ru: 'Небольшая токмокская студия, выпускающая гиперказуальные игры и 3D-ассеты для международных издателей.',
      ky: 'Эл аралык паблишерлер үчүн гиперказуалдык оюндарды жана 3D-ассеттерди чыгарган Токмоктогу чакан студия.',
    },
    focus: ['unity', 'csharp', '3d-modeling', 'game-development', 'after-effects'],
  },
  {
    slug: 'sonkol-soft', name: 'Сон-Көл Софт', field: 'product', city: 'Нарын', htpNumber: 'ПВТ-2018-0153', website: 'https://sonkolsoft.kg',
    about: {
      en: 'Develops municipal e-services and document management systems for local self-government bodies.',
      ru: 'Разрабатывает муниципальные электронные услуги и системы документооборота для органов местного самоуправления.',
      ky: 'Жергиликтүү өз алдынча башкаруу органдары үчүн муниципалдык электрондук кызматтарды жана документ жүгүртүү системаларын иштеп чыгат.',
    },
    focus: ['csharp', 'aspnet-core', 'ms-sql-server', 'javascript', 'it-support', 'business-analysis'],
  },
  {
    slug: 'sarychelek-apps', name: 'Sary-Chelek Apps', field: 'outsourcing', city: 'Джалал-Абад', htpNumber: 'ПВТ-2024-0503', website: 'https://sarychelek-apps.kg',
    about: {
      en: 'Mobile development outsourcing from Jalal-Abad: delivery, booking and loyalty apps for regional businesses.',
      ru: 'Мобильная разработка на аутсорсе из Джалал-Абада: приложения доставки, бронирования и лояльности для региональных компаний.',
      ky: 'Жалал-Абаддан мобилдик аутсорсинг: аймактык компаниялар үчүн жеткирүү, брондоо жана лоялдуулук тиркемелери.',
    },
    focus: ['flutter', 'dart', 'firebase', 'kotlin', 'app-store-publishing', 'mobile-testing'],
  },
  {
    slug: 'kalpak-commerce', name: 'Kalpak Commerce', field: 'product', city: 'Бишкек', htpNumber: 'ПВТ-2017-0118', website: 'https://kalpak-commerce.kg',
    about: {
      en: 'E-commerce platform for local brands: online store builder, delivery integrations and sales analytics.',
      ru: 'E-commerce-платформа для местных брендов: конструктор интернет-магазинов, интеграция доставки и аналитика продаж.',
      ky: 'Жергиликтүү бренддер үчүн электрондук соода платформасы: интернет-дүкөн конструктору, жеткирүү интеграциясы жана сатуу аналитикасы.',
    },
    focus: ['typescript', 'next-js', 'nestjs', 'postgresql', 'redis', 'seo', 'google-analytics'],
  },
  {
    slug: 'arslanbob-digital', name: 'Арсланбоб Диджитал', field: 'design', city: 'Ош', htpNumber: 'ПВТ-2019-0188', website: 'https://arslanbob-digital.kg',
    about: {
      en: 'Digital marketing agency in Osh: SMM, targeted advertising and websites for small businesses.',
      ru: 'Digital-агентство в Оше: SMM, таргетированная реклама и сайты для малого бизнеса.',
      ky: 'Оштогу санариптик маркетинг агенттиги: чакан бизнес үчүн SMM, таргеттик жарнама жана сайттар.',
    },
    focus: ['smm', 'digital-marketing', 'canva', 'video-editing', 'wordpress', 'seo'],
  },
  {
    slug: 'talas-infosystems', name: 'Талас Инфосистемс', field: 'outsourcing', city: 'Талас', htpNumber: 'ПВТ-2020-0264', website: 'https://talas-info.kg',
    about: {
      en: 'IT outsourcing, network installation and a school management system for the Talas region.',
      ru: 'IT-обслуживание, монтаж сетей и система управления школой для Таласской области.',
      ky: 'Талас облусу үчүн IT тейлөө, тармактарды орнотуу жана мектепти башкаруу системасы.',
    },
    focus: ['it-support', 'computer-networks', 'structured-cabling', 'mikrotik', 'php', 'pc-repair'],
  },
  {
    slug: 'chongkemin-labs', name: 'Chong-Kemin Labs', field: 'data', city: 'Бишкек', htpNumber: 'ПВТ-2023-0479', website: 'https://chongkemin-labs.kg',
    about: {
      en: 'AI lab building Kyrgyz speech recognition, machine translation and chatbots.',
      ru: 'ИИ-лаборатория: распознавание кыргызской речи, машинный перевод и чат-боты.',
      ky: 'Жасалма интеллект лабораториясы: кыргыз кебин таануу, машиналык котормо жана чат-боттор.',
    },
    focus: ['python', 'machine-learning', 'nlp', 'pytorch', 'data-annotation', 'kyrgyz-language'],
  },
  {
    slug: 'suusamyr-fintech', name: 'Суусамыр Финтех', field: 'product', city: 'Бишкек', htpNumber: 'ПВТ-2016-0094', website: 'https://suusamyr-fintech.kg',
    about: {
      en: 'Online microlending and credit-scoring platform for microfinance organisations.',
      ru: 'Платформа онлайн-микрокредитования и кредитного скоринга для микрофинансовых организаций.',
      ky: 'Микрокаржы уюмдары үчүн онлайн микрокредит берүү жана кредиттик скоринг платформасы.',
    },
    focus: ['python', 'fastapi', 'postgresql', 'machine-learning', 'react', 'api-testing'],
  },
  {
    slug: 'tashrabat-systems', name: 'Таш-Рабат Системс', field: 'erp', city: 'Бишкек', htpNumber: 'ПВТ-2013-0021', website: 'https://tashrabat.kg',
    about: {
      en: 'System integrator connecting banking software, ERP and state registries for large enterprises.',
      ru: 'Системный интегратор: связывает банковское ПО, ERP и государственные реестры для крупных предприятий.',
      ky: 'Системалык интегратор: ири ишканалар үчүн банктык программаларды, ERP жана мамлекеттик реестрлерди байланыштырат.',
    },
    focus: ['java', 'oracle-database', 'sql', 'system-analysis', 'api-integration', 'microservices'],
  },
  {
    slug: 'kyzylkiya-qa', name: 'Кызыл-Кыя QA Центр', field: 'qa', city: 'Кызыл-Кия', htpNumber: 'ПВТ-2024-0517', website: 'https://kyzylkiya-qa.kg',
    about: {
      en: 'Remote testing centre in Kyzyl-Kiya providing manual and automated QA for foreign product teams.',
      ru: 'Удалённый центр тестирования в Кызыл-Кие: ручное и автоматизированное тестирование для зарубежных продуктовых команд.',
      ky: 'Кызыл-Кыядагы алыстан иштеген тестирлөө борбору: чет элдик продукт командалары үчүн кол менен жана автоматташтырылган тестирлөө.',
    },
    focus: ['manual-testing', 'test-cases', 'bug-reporting', 'postman', 'selenium', 'jira', 'english-for-it'],
  },
  {
    slug: 'karakol-trail', name: 'Karakol Trail Tech', field: 'product', city: 'Каракол', htpNumber: 'ПВТ-2022-0366', website: 'https://karakoltrail.kg',
    about: {
      en: 'Mobile guide with offline maps for trekking and ski tourism in the Issyk-Kul region.',
      ru: 'Мобильный гид с офлайн-картами для треккинга и горнолыжного туризма в Иссык-Кульской области.',
      ky: 'Ысык-Көл облусунда треккинг жана тоо лыжа туризми үчүн офлайн карталары бар мобилдик гид.',
    },
    focus: ['react-native', 'typescript', 'gis', 'node-js', 'ui-design', 'english-for-it'],
  },
  {
    slug: 'ysykata-medtech', name: 'Ысык-Ата МедТех', field: 'product', city: 'Бишкек', htpNumber: 'ПВТ-2020-0249', website: 'https://ysykata-med.kg',
    about: {
      en: 'Clinic management software and a telemedicine app for private clinics and laboratories.',
      ru: 'ПО для управления клиниками и приложение телемедицины для частных клиник и лабораторий.',
      ky: 'Жеке клиникалар жана лабораториялар үчүн клиниканы башкаруу программасы жана телемедицина тиркемеси.',
    },
    focus: ['csharp', 'dotnet', 'angular', 'ms-sql-server', 'manual-testing', 'information-security'],
  },
  {
    slug: 'erkin-cloudworks', name: 'Erkin Cloudworks', field: 'infrastructure', city: 'Бишкек', htpNumber: 'ПВТ-2021-0305', website: 'https://erkincloud.kg',
    about: {
      en: 'DevOps outsourcing: CI/CD pipelines, cloud migration and round-the-clock infrastructure support.',
      ru: 'DevOps-аутсорсинг: CI/CD-конвейеры, миграция в облако и круглосуточная поддержка инфраструктуры.',
      ky: 'DevOps аутсорсинги: CI/CD конвейерлери, булутка көчүрүү жана инфраструктураны күнү-түнү колдоо.',
    },
    focus: ['devops', 'ci-cd', 'aws', 'docker', 'kubernetes', 'linux', 'ansible'],
  },
  {
    slug: 'ordo-govtech', name: 'Ордо GovTech', field: 'product', city: 'Бишкек', htpNumber: 'ПВТ-2019-0163', website: 'https://ordo-govtech.kg',
    about: {
      en: 'Builds e-government portals and public service apps integrated with state information systems.',
      ru: 'Создаёт порталы электронного правительства и приложения госуслуг, интегрированные с государственными информационными системами.',
      ky: 'Мамлекеттик маалымат системалары менен интеграцияланган электрондук өкмөт порталдарын жана мамлекеттик кызмат тиркемелерин түзөт.',
    },
    focus: ['java', 'spring-boot', 'react', 'postgresql', 'web-accessibility', 'system-analysis'],
  },
  {
    slug: 'kerege-software', name: 'Kerege Software', field: 'product', city: 'Бишкек', htpNumber: 'ПВТ-2018-0139', website: 'https://keregesoft.kg',
    about: {
      en: 'SaaS CRM and inventory system for small and medium-sized businesses across Central Asia.',
      ru: 'SaaS-система CRM и складского учёта для малого и среднего бизнеса Центральной Азии.',
      ky: 'Борбор Азиядагы чакан жана орто бизнес үчүн CRM жана кампа эсеби боюнча SaaS системасы.',
    },
    focus: ['php', 'laravel', 'vue', 'mysql', 'crm-systems', 'customer-service'],
  },
  {
    slug: 'tuigun-qa', name: 'Туйгун QA Лаб', field: 'qa', city: 'Токмок', htpNumber: 'ПВТ-2023-0486', website: 'https://tuigun-qa.kg',
    about: {
      en: 'Testing lab in Tokmok: web and mobile QA, test automation and localisation checks.',
      ru: 'Лаборатория тестирования в Токмоке: QA веб- и мобильных приложений, автоматизация тестов и проверка локализации.',
      ky: 'Токмоктогу тестирлөө лабораториясы: веб жана мобилдик тиркемелердин QA, тесттерди автоматташтыруу жана локализацияны текшерүү.',
    },
    focus: ['manual-testing', 'automated-testing', 'playwright', 'mobile-testing', 'test-cases', 'sql'],
  },
  {
    slug: 'saimaluu-design', name: 'Саймалуу-Таш Дизайн', field: 'design', city: 'Бишкек', htpNumber: 'ПВТ-2016-0082', website: 'https://saimaluu-design.kg',
    about: {
      en: 'Brand identity, packaging and motion graphics studio working with producers from all over Kyrgyzstan.',
      ru: 'Студия айдентики, дизайна упаковки и моушн-графики для производителей со всего Кыргызстана.',
      ky: 'Кыргызстандын бардык аймактарындагы өндүрүүчүлөр үчүн фирмалык стиль, таңгак дизайны жана моушн-графика студиясы.',
    },
    focus: ['graphic-design', 'illustrator', 'photoshop', 'after-effects', 'coreldraw'],
  },
  {
    slug: 'alai-logistics', name: 'Алай Логистикс Тех', field: 'product', city: 'Ош', htpNumber: 'ПВТ-2021-0324', website: 'https://alai-logistics.kg',
    about: {
      en: 'Cargo tracking and customs paperwork automation for cross-border trade via Osh and Irkeshtam.',
      ru: 'Отслеживание грузов и автоматизация таможенных документов для трансграничной торговли через Ош и Иркештам.',
      ky: 'Ош жана Эркечтам аркылуу чек ара соодасы үчүн жүктөрдү көзөмөлдөө жана бажы документтерин автоматташтыруу.',
    },
    focus: ['python', 'django', 'postgresql', 'vue', '1c-programming', 'api-integration'],
  },
  {
    slug: 'kumbez-data', name: 'Kumbez Data', field: 'data', city: 'Бишкек', htpNumber: 'ПВТ-2022-0371', website: 'https://kumbezdata.kg',
    about: {
      en: 'Data engineering and reporting for telecom and retail: data warehouses, ETL and dashboards.',
      ru: 'Инженерия данных и отчётность для телекома и ритейла: хранилища данных, ETL и дашборды.',
      ky: 'Телеком жана чекене соода үчүн маалымат инженериясы жана отчеттуулук: маалымат кампалары, ETL жана дашборддор.',
    },
    focus: ['sql', 'data-engineering', 'clickhouse', 'python', 'power-bi', 'data-visualization'],
  },
  {
    slug: 'chuy-robotics', name: 'Чүй Өрөөнү Роботикс', field: 'iot', city: 'Токмок', htpNumber: 'ПВТ-2024-0529', website: 'https://chuyrobotics.kg',
    about: {
      en: 'IoT sensors and monitoring dashboards for greenhouses, irrigation and cold storage in the Chui valley.',
      ru: 'IoT-датчики и панели мониторинга для теплиц, орошения и холодильных складов Чуйской долины.',
      ky: 'Чүй өрөөнүндөгү күнөсканалар, сугат системалары жана муздаткыч кампалар үчүн IoT сенсорлору жана мониторинг панелдери.',
    },
    focus: ['arduino-iot', 'c', 'python', 'computer-networks', 'react', 'monitoring'],
  },
  {
    slug: 'bilim-bulak', name: 'Билим Булак Tech', field: 'product', city: 'Нарын', htpNumber: 'ПВТ-2020-0258', website: 'https://bilimbulak.kg',
    about: {
      en: 'Edtech from Naryn: olympiad preparation in maths and informatics and an electronic school diary.',
      ru: 'Эдтех из Нарына: подготовка к олимпиадам по математике и информатике и электронный школьный дневник.',
      ky: 'Нарындан чыккан эдтех: математика жана информатика боюнча олимпиадаларга даярдоо жана электрондук мектеп күндөлүгү.',
    },
    focus: ['python', 'algorithms', 'django', 'javascript', 'kyrgyz-language', 'manual-testing'],
  },
  {
    slug: 'asman-media', name: 'Асман Медиа Лаб', field: 'product', city: 'Бишкек', htpNumber: 'ПВТ-2017-0112', website: 'https://asmanmedia.kg',
    about: {
      en: 'Streaming and news apps for Kyrgyz-language media, plus tools for video production.',
      ru: 'Стриминговые и новостные приложения для кыргызоязычных СМИ и инструменты видеопроизводства.',
      ky: 'Кыргыз тилдүү массалык маалымат каражаттары үчүн стриминг жана жаңылык тиркемелери, ошондой эле видео өндүрүү куралдары.',
    },
    focus: ['kotlin', 'swift', 'node-js', 'video-editing', 'react', 'mongodb'],
  },
  {
    slug: 'kamchy-mobile', name: 'Kamchy Mobile', field: 'product', city: 'Бишкек', htpNumber: 'ПВТ-2019-0195', website: 'https://kamchy-mobile.kg',
    about: {
      en: 'Food and grocery delivery super-app with live courier tracking, operating in Bishkek and Osh.',
      ru: 'Суперприложение доставки еды и продуктов с отслеживанием курьеров, работает в Бишкеке и Оше.',
      ky: 'Курьерлерди көзөмөлдөө мүмкүнчүлүгү бар тамак-аш жана азык-түлүк жеткирүү супертиркемеси, Бишкекте жана Ошто иштейт.',
    },
    focus: ['kotlin', 'swift', 'go', 'postgresql', 'redis', 'kafka', 'mobile-testing'],
  },
  {
    slug: 'bugu-soft', name: 'Bugu Soft', field: 'product', city: 'Каракол', htpNumber: 'ПВТ-2021-0341', website: 'https://bugusoft.kg',
    about: {
      en: 'Property management and channel manager software for hotels and resorts on Issyk-Kul.',
      ru: 'Система управления отелем и менеджер каналов продаж для гостиниц и пансионатов Иссык-Куля.',
      ky: 'Ысык-Көлдөгү мейманканалар жана пансионаттар үчүн мейманкананы башкаруу системасы жана сатуу каналдарынын менеджери.',
    },
    focus: ['php', 'symfony', 'mysql', 'javascript', 'it-support', 'english-for-it'],
  },
  {
    slug: 'jolchu-travel', name: 'Жолчу Тревел Тех', field: 'product', city: 'Бишкек', htpNumber: 'ПВТ-2018-0147', website: 'https://jolchu-travel.kg',
    about: {
      en: 'Ticketing platform for intercity buses and shared taxis, with a Telegram bot and a mobile app.',
      ru: 'Платформа продажи билетов на междугородние автобусы и маршрутки с Telegram-ботом и мобильным приложением.',
      ky: 'Шаар аралык автобустарга жана маршруттук таксилерге билет сатуу платформасы; Telegram-боту жана мобилдик тиркемеси бар.',
    },
    focus: ['python', 'telegram-bots', 'fastapi', 'flutter', 'postgresql', 'payment-integration'],
  },
  {
    slug: 'temirkazyk-systems', name: 'Темир-Казык Системс', field: 'iot', city: 'Бишкек', htpNumber: 'ПВТ-2015-0073', website: 'https://temirkazyk.kg',
    about: {
      en: 'GPS fleet tracking and fuel monitoring for logistics, construction and mining companies.',
      ru: 'GPS-мониторинг автопарка и контроль топлива для логистических, строительных и горнодобывающих компаний.',
      ky: 'Логистикалык, курулуш жана тоо-кен компаниялары үчүн автопаркты GPS аркылуу көзөмөлдөө жана күйүүчү майды контролдоо.',
    },
    focus: ['cpp', 'java', 'postgresql', 'angular', 'arduino-iot', 'linux'],
  },
];
