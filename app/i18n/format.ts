// Dates, numbers and money through Intl; times are stored in UTC and shown in Bishkek time.
import { INTL_LOCALE, type Lang } from "./negotiate";

const TIME_ZONE = "Asia/Bishkek";

export function formatDate(lang: Lang, iso: string): string {
  // Plain ISO dates (YYYY-MM-DD) are calendar dates, not instants: format them in UTC.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const d = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: dateOnly ? "UTC" : TIME_ZONE,
  }).format(d);
}

export function formatDateTime(lang: Lang, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(d);
}

export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[lang]).format(n);
}

/** Money is an integer number of som; shown without decimals. */
export function formatKgs(lang: Lang, som: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[lang], {
    style: "currency",
    currency: "KGS",
    maximumFractionDigits: 0,
  }).format(som);
}
