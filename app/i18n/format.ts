// Dates, numbers and money through Intl; times are stored in UTC and shown in Bishkek time.
// Browsers often ship no Kyrgyz locale data (Chromium falls back to English), so Kyrgyz is
// assembled here from its CLDR pattern: the server and the browser then print the same text.
import { INTL_LOCALE, type Lang } from "./negotiate";

const TIME_ZONE = "Asia/Bishkek";
const KY_MONTHS = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"];
const KY_MONTHS_SHORT = ["янв.", "фев.", "мар.", "апр.", "май", "июн.", "июл.", "авг.", "сен.", "окт.", "ноя.", "дек."];
// Kyrgyz groups digits like Russian ("45 000 сом"), and browsers do have Russian data.
const NUMBER_LOCALE: Record<Lang, string> = { ky: "ru-KG", ru: INTL_LOCALE.ru, en: INTL_LOCALE.en };

function parts(d: Date, timeZone: string) {
  const p = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(d);
  const get = (type: string) => p.find((x) => x.type === type)?.value ?? "";
  return { year: get("year"), month: Number(get("month")), day: Number(get("day")), time: `${get("hour")}:${get("minute")}` };
}

function toDate(iso: string): { date: Date; dateOnly: boolean } | null {
  // Plain ISO dates (YYYY-MM-DD) are calendar dates, not instants: read them in UTC.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? null : { date, dateOnly };
}

export function formatDate(lang: Lang, iso: string): string {
  const parsed = toDate(iso);
  if (!parsed) return iso;
  const timeZone = parsed.dateOnly ? "UTC" : TIME_ZONE;
  if (lang === "ky") {
    const p = parts(parsed.date, timeZone);
    return `${p.year}-ж., ${p.day}-${KY_MONTHS[p.month - 1]}`;
  }
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], { year: "numeric", month: "long", day: "numeric", timeZone }).format(parsed.date);
}

export function formatDateTime(lang: Lang, iso: string): string {
  const parsed = toDate(iso);
  if (!parsed) return iso;
  if (lang === "ky") {
    const p = parts(parsed.date, TIME_ZONE);
    return `${p.year}-ж., ${p.day}-${KY_MONTHS_SHORT[p.month - 1]} ${p.time}`;
  }
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE }).format(parsed.date);
}

export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(NUMBER_LOCALE[lang]).format(n);
}

/**
 * A percentage (65 → «65 %», 65.5 → «65,5 %» in ru and ky): the number in the language's format and a
 * non-breaking space before the sign, so «%» never wraps onto a line of its own on a 360 px phone
 * (the glossary's rule; decision 079). Every page and catalog writes percents this way.
 */
export function formatPercent(lang: Lang, n: number): string {
  return `${formatNumber(lang, n)}\u00a0%`;
}

/** A whole percent, where the digits are the same in every language (chart axes and bar labels). */
export function wholePercent(n: number): string {
  return `${Math.round(n)}\u00a0%`;
}

/** Money is an integer number of som; shown without decimals. */
export function formatKgs(lang: Lang, som: number): string {
  return new Intl.NumberFormat(NUMBER_LOCALE[lang], { style: "currency", currency: "KGS", maximumFractionDigits: 0 }).format(som);
}

/** "2025-03" (or a full date) as a month and year in the reader's language. */
export function formatMonth(lang: Lang, value: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(value);
  if (!m) return value;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return value;
  if (lang === "ky") return `${year}-ж., ${KY_MONTHS[month - 1]}`;
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, 1)));
}

// Grammatical cases a message can ask for a formatted date in: `{date:dat} чейин`,
// `{date:abl} баштап`, `{date:loc}`, `с {date:gen}` (docs/decisions/029-plural-and-case-in-messages.md).
export type GrammarCase = "abl" | "dat" | "loc" | "gen";
export function isGrammarCase(s: string): s is GrammarCase {
  return s === "abl" || s === "dat" || s === "loc" || s === "gen";
}

// Kyrgyz month endings by vowel harmony; the soft sign drops; after т the suffix starts with т/к
// (the table in the glossary of the portal's terms).
const KY_MONTH_STEMS: Record<string, { abl: string; dat: string; loc: string }> = {
  январь: { abl: "январдан", dat: "январга", loc: "январда" },
  февраль: { abl: "февралдан", dat: "февралга", loc: "февралда" },
  март: { abl: "марттан", dat: "мартка", loc: "мартта" },
  апрель: { abl: "апрелден", dat: "апрелге", loc: "апрелде" },
  май: { abl: "майдан", dat: "майга", loc: "майда" },
  июнь: { abl: "июндан", dat: "июнга", loc: "июнда" },
  июль: { abl: "июлдан", dat: "июлга", loc: "июлда" },
  август: { abl: "августтан", dat: "августка", loc: "августта" },
  сентябрь: { abl: "сентябрдан", dat: "сентябрга", loc: "сентябрда" },
  октябрь: { abl: "октябрдан", dat: "октябрга", loc: "октябрда" },
  ноябрь: { abl: "ноябрдан", dat: "ноябрга", loc: "ноябрда" },
  декабрь: { abl: "декабрдан", dat: "декабрга", loc: "декабрда" },
};
const RU_MONTH_GENITIVE: Record<string, string> = {
  январь: "января",
  февраль: "февраля",
  март: "марта",
  апрель: "апреля",
  май: "мая",
  июнь: "июня",
  июль: "июля",
  август: "августа",
  сентябрь: "сентября",
  октябрь: "октября",
  ноябрь: "ноября",
  декабрь: "декабря",
};

/**
 * A date formatted by formatDate/formatMonth, put into a case. Kyrgyz: the trailing month takes the
 * ending («2026-ж., 6-мартка»); Russian genitive: a nominative month becomes genitive («марта 2026 г.»).
 * Anything else (English, a value without a month) is returned unchanged.
 */
export function inCase(lang: Lang, formatted: string, grammarCase: GrammarCase): string {
  if (lang === "ky" && grammarCase !== "gen") {
    const m = /(\p{L}+)$/u.exec(formatted);
    const forms = m ? KY_MONTH_STEMS[m[1]] : undefined;
    return forms ? formatted.slice(0, m!.index) + forms[grammarCase] : formatted;
  }
  if (lang === "ru" && grammarCase === "gen") {
    return formatted.replace(/(?<!\p{L})(\p{L}+)(?!\p{L})/gu, (word) => RU_MONTH_GENITIVE[word] ?? word);
  }
  return formatted;
}
