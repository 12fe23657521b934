// The yearly report for the ministry (/staff/reports/annual, docs/decisions/065-annual-report.md). The
// indicator names, their definitions and the hidden-cell notes are the public page's (outcomes.public.*).
import type { AreaMessages } from "./area";

const en = {
  "annual.nav": "Yearly report",
  "annual.title": "Yearly report on graduates' outcomes",
  "annual.lead":
    "A printable report for the ministry: the figures of each school and region, trends over graduation years and the definitions, with small figures hidden exactly as on the public page.",
  "annual.year": "Graduation year",
  "annual.show": "Show",
  "annual.printHint":
    "To save it as a PDF, print this page (Ctrl+P, or Share → Print on a phone) and choose “Save as PDF”. The menu and the buttons are left out of the print; each school starts on a new page.",
  "annual.badYear": "There are no figures for this year. Choose one of the years offered.",
  "annual.empty": "There are no figures for your schools yet.",
  "annual.docTitle": "Graduates' outcomes: yearly report {year}",
  "annual.cluster.agency": "All schools of the Agency",
  "annual.cluster.schools": "Schools: {names}",
  "annual.made": "Made on {date}",
  "annual.checkpoint": "Figures at: {checkpoint}",
  "annual.summary": "Summary: graduates of {year}",
  "annual.known": "Outcomes known: {known} of {n}",
  "annual.sources": "How the outcomes were learned",
  "annual.sourcesHidden": "How the outcomes were learned is not shown: it would give away figures that are hidden.",
  "annual.source.other": "Other sources, together",
  "annual.source.line": "{source}: {count} ({percent}\u00a0%)",
  "annual.region": "Region: {region}",
  "annual.years": "Graduation years up to {year}",
  "annual.noTotal": "“All years” is left out: it would also count graduation years after {year}.",
  "annual.atCheckpoints": "Graduates of {year} at each checkpoint",
  "annual.col.checkpoint": "Checkpoint",
  "annual.trend": "Trend over graduation years",
  "annual.regions": "Regions",
  "annual.regionSchools": "Schools in this report: {n}",
  "annual.regionNote":
    "A region's figure adds up its schools' graduates. It is shown only when every school figure it adds up is shown, so no hidden figure can be worked out from it.",
  "annual.definitions": "Definitions",
  "annual.def.graduates": "Graduates of the year's cohorts whose checkpoint date has passed, minus those excluded from the base.",
  "annual.formulas": "Formulas",
} as const;

const ru: Record<keyof typeof en, string> = {
  "annual.nav": "Годовой отчёт",
  "annual.title": "Годовой отчёт о результатах выпускников",
  "annual.lead":
    "Отчёт для министерства, готовый к печати: показатели каждого учебного заведения и региона, динамика по годам выпуска и определения; малые цифры скрыты так же, как на публичной странице.",
  "annual.year": "Год выпуска",
  "annual.show": "Показать",
  "annual.printHint":
    "Чтобы сохранить отчёт в PDF, распечатайте страницу (Ctrl+P, на телефоне — «Поделиться» → «Печать») и выберите «Сохранить как PDF». Меню и кнопки в печать не попадают; каждое учебное заведение начинается с новой страницы.",
  "annual.badYear": "За этот год цифр нет. Выберите один из предложенных годов.",
  "annual.empty": "По вашим учебным заведениям цифр пока нет.",
  "annual.docTitle": "Результаты выпускников: годовой отчёт за {year} год",
  "annual.cluster.agency": "Все учебные заведения Агентства",
  "annual.cluster.schools": "Учебные заведения: {names}",
  "annual.made": "Составлен: {date}",
  "annual.checkpoint": "Показатели на контрольную точку: {checkpoint}",
  "annual.summary": "Кратко: выпуск {year} года",
  "annual.known": "Известны результаты: {known} из {n}",
  "annual.sources": "Откуда известны результаты",
  "annual.sourcesHidden": "Откуда известны результаты, не показано: это выдало бы скрытые цифры.",
  "annual.source.other": "Другие источники вместе",
  "annual.source.line": "{source}: {count} ({percent}\u00a0%)",
  "annual.region": "Регион: {region}",
  "annual.years": "Годы выпуска по {year} год включительно",
  "annual.noTotal": "Строки «Все годы» нет: она учитывала бы и выпуски после {year} года.",
  "annual.atCheckpoints": "Выпуск {year} года на каждой контрольной точке",
  "annual.col.checkpoint": "Контрольная точка",
  "annual.trend": "Динамика по годам выпуска",
  "annual.regions": "Регионы",
  "annual.regionSchools": "Учебных заведений в отчёте: {n}",
  "annual.regionNote":
    "Показатель региона складывается из выпускников его учебных заведений. Он показан, только если показаны все цифры учебных заведений, из которых он складывается, поэтому по нему нельзя вычислить скрытую цифру.",
  "annual.definitions": "Определения",
  "annual.def.graduates": "Выпускники выпусков этого года, чья контрольная дата уже наступила, без исключённых из базы.",
  "annual.formulas": "Формулы",
};

const ky: Record<keyof typeof en, string> = {
  "annual.nav": "Жылдык отчёт",
  "annual.title": "Бүтүрүүчүлөрдүн жыйынтыктары боюнча жылдык отчёт",
  "annual.lead":
    "Министрлик үчүн басып чыгарууга даяр отчёт: ар бир окуу жайдын жана аймактын көрсөткүчтөрү, бүтүргөн жылдар боюнча динамика жана аныктамалар; аз сандар ачык барактагыдай эле көрсөтүлбөйт.",
  "annual.year": "Бүтүргөн жылы",
  "annual.show": "Көрсөтүү",
  "annual.printHint":
    "Отчётту PDF катары сактоо үчүн бул баракты басып чыгарыңыз (Ctrl+P, телефондо «Бөлүшүү» → «Басып чыгаруу») жана «PDF катары сактоо» дегенди тандаңыз. Меню жана баскычтар басылбайт; ар бир окуу жай жаңы барактан башталат.",
  "annual.badYear": "Бул жыл боюнча сандар жок. Сунушталган жылдардын бирин тандаңыз.",
  "annual.empty": "Сиздин окуу жайлар боюнча азырынча сандар жок.",
  "annual.docTitle": "Бүтүрүүчүлөрдүн жыйынтыктары: {year}-жылдын жылдык отчёту",
  "annual.cluster.agency": "Агенттиктин бардык окуу жайлары",
  "annual.cluster.schools": "Окуу жайлар: {names}",
  "annual.made": "Түзүлгөн күнү: {date}",
  "annual.checkpoint": "Көрсөткүчтөрдүн көзөмөл чекити: {checkpoint}",
  "annual.summary": "Кыскача: {year}-жылкы чыгарылыш",
  "annual.known": "Жыйынтыгы белгилүү бүтүрүүчүлөр: {known}, бардыгы: {n}",
  "annual.sources": "Жыйынтыктар кайдан белгилүү болду",
  "annual.sourcesHidden": "Жыйынтыктар кайдан белгилүү болгону көрсөтүлбөйт: ал көрсөтүлбөгөн сандарды билдирип коймок.",
  "annual.source.other": "Башка булактар, баары бирге",
  "annual.source.line": "{source}: {count} ({percent}\u00a0%)",
  "annual.region": "Аймак: {region}",
  "annual.years": "Бүтүргөн жылдар: {year}-жылга чейин, ушул жылды кошо",
  "annual.noTotal": "«Бардык жылдар» сабы жок: ал {year}-жылдан кийинки чыгарылыштарды да эсептемек.",
  "annual.atCheckpoints": "{year}-жылкы чыгарылыш ар бир көзөмөл чекитинде",
  "annual.col.checkpoint": "Көзөмөл чекити",
  "annual.trend": "Бүтүргөн жылдар боюнча динамика",
  "annual.regions": "Аймактар",
  "annual.regionSchools": "Отчёттогу окуу жайлар: {n}",
  "annual.regionNote":
    "Аймактын көрсөткүчү анын окуу жайларынын бүтүрүүчүлөрүн кошуп эсептейт. Ал кошулган окуу жайлардын бардык сандары көрсөтүлгөндө гана көрсөтүлөт, ошондуктан андан көрсөтүлбөгөн санды эсептеп чыгаруу мүмкүн эмес.",
  "annual.definitions": "Аныктамалар",
  "annual.def.graduates": "Ушул жылкы чыгарылыштардын көзөмөл датасы өтүп кеткен бүтүрүүчүлөрү, эсепке алынбагандардан башка.",
  "annual.formulas": "Формулалар",
};

export const annualReportMessages: AreaMessages<typeof en> = { en, ru, ky };
