// The cluster's pilot schools (shared/seed/README.md) and Kyrgyzstan's regions.
export const regions = [
  { code: "batken", ky: "Баткен облусу", ru: "Баткенская область", en: "Batken Region" },
  { code: "chui", ky: "Чүй облусу", ru: "Чуйская область", en: "Chüy Region" },
  { code: "issyk-kul", ky: "Ысык-Көл облусу", ru: "Иссык-Кульская область", en: "Issyk-Kul Region" },
  { code: "jalal-abad", ky: "Жалал-Абад облусу", ru: "Джалал-Абадская область", en: "Jalal-Abad Region" },
  { code: "naryn", ky: "Нарын облусу", ru: "Нарынская область", en: "Naryn Region" },
  { code: "osh", ky: "Ош облусу", ru: "Ошская область", en: "Osh Region" },
  { code: "talas", ky: "Талас облусу", ru: "Таласская область", en: "Talas Region" },
  { code: "bishkek", ky: "Бишкек шаары", ru: "город Бишкек", en: "Bishkek City" },
  { code: "osh-city", ky: "Ош шаары", ru: "город Ош", en: "Osh City" },
] as const;

export const schools = [
  {
    slug: "pl-6-kok-oy",
    region: "talas",
    name: { ky: "№6 кесиптик лицей", ru: "Профессиональный лицей №6", en: "Professional Lyceum No. 6" },
    city: { ky: "Көк-Ой айылы", ru: "село Кок-Ой", en: "Kok-Oy" },
  },
  {
    slug: "pl-14-karakol",
    region: "issyk-kul",
    name: { ky: "№14 кесиптик лицей", ru: "Профессиональный лицей №14", en: "Professional Lyceum No. 14" },
    city: { ky: "Каракол шаары", ru: "город Каракол", en: "Karakol" },
  },
  {
    slug: "pl-87-naryn",
    region: "naryn",
    name: { ky: "№87 кесиптик лицей", ru: "Профессиональный лицей №87", en: "Professional Lyceum No. 87" },
    city: { ky: "Нарын шаары", ru: "город Нарын", en: "Naryn" },
  },
  {
    slug: "ipk-tokmok",
    region: "chui",
    name: { ky: "ИПК (Токмок)", ru: "ИПК (Токмок)", en: "IPK (Tokmok)" },
    city: { ky: "Токмок шаары", ru: "город Токмок", en: "Tokmok" },
  },
  {
    slug: "pl-70-kyzyl-kiya",
    region: "batken",
    name: { ky: "№70 кесиптик лицей", ru: "Профессиональный лицей №70", en: "Professional Lyceum No. 70" },
    city: { ky: "Кызыл-Кыя шаары", ru: "город Кызыл-Кия", en: "Kyzyl-Kiya" },
  },
  {
    slug: "pl-98-bishkek",
    region: "bishkek",
    name: { ky: "№98 кесиптик лицей (IT-академия)", ru: "Профессиональный лицей №98 (IT-академия)", en: "Professional Lyceum No. 98 (IT Academy)" },
    city: { ky: "Бишкек шаары", ru: "город Бишкек", en: "Bishkek" },
  },
] as const;

/**
 * The source names twelve modules but not their titles; these are starting titles that
 * admins edit. Skills are given as text and resolved through the taxonomy's aliases.
 */
export const modules = [
  {
    ky: "Компьютердик сабаттуулук жана офистик программалар",
    ru: "Компьютерная грамотность и офисные программы",
    en: "Computer literacy and office software",
    skills: ["MS Word", "Excel", "PowerPoint", "touch typing"],
  },
  {
    ky: "Компьютердик жабдуулар жана тармактар",
    ru: "Аппаратное обеспечение и компьютерные сети",
    en: "Computer hardware and networks",
    skills: ["computer networks", "Linux"],
  },
  {
    ky: "Алгоритмдер жана программалоонун негиздери",
    ru: "Основы алгоритмизации и программирования",
    en: "Algorithms and programming basics",
    skills: ["algorithms", "Python"],
  },
  {
    ky: "Веб-баракчаларды түзүү: HTML жана CSS",
    ru: "Вёрстка веб-страниц: HTML и CSS",
    en: "Web page layout: HTML and CSS",
    skills: ["HTML", "CSS", "вёрстка", "responsive design"],
  },
  { ky: "JavaScript тилинде программалоо", ru: "Программирование на JavaScript", en: "Programming in JavaScript", skills: ["JavaScript"] },
  { ky: "Маалымат базалары жана SQL", ru: "Базы данных и SQL", en: "Databases and SQL", skills: ["SQL", "MySQL", "database design"] },
  { ky: "Сервердик программалоо (PHP)", ru: "Серверное программирование (PHP)", en: "Server-side programming (PHP)", skills: ["PHP", "REST API"] },
  { ky: "Фронтенд-фреймворктор (React)", ru: "Фронтенд-фреймворки (React)", en: "Front-end frameworks (React)", skills: ["React"] },
  {
    ky: "Версияларды көзөмөлдөө жана командада иштөө (Git)",
    ru: "Контроль версий и командная работа (Git)",
    en: "Version control and teamwork (Git)",
    skills: ["Git", "GitHub", "teamwork"],
  },
  { ky: "Программаларды тестирлөө", ru: "Тестирование программ", en: "Software testing", skills: ["manual testing", "test cases"] },
  { ky: "UI/UX дизайндын негиздери", ru: "Основы UI/UX-дизайна", en: "UI/UX design basics", skills: ["Figma", "UI design"] },
  {
    ky: "IT үчүн англис тили жана мансап",
    ru: "Английский язык для IT и карьера",
    en: "English for IT and career skills",
    skills: ["English for IT", "communication"],
  },
] as const;
