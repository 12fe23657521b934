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
  const p = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(d);
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
