// Renders every counted and every dated message the way pages do, for the reviewed expectations
// in expectations.json (issue 14 item 24; docs/decisions/029-plural-and-case-in-messages.md).
// Regenerate with `npx tsx tests/unit/i18n-expectations/generate.ts`, then read the diff as a
// native reader would before committing it: the file is the review.
import { catalogs, serverT } from "~/i18n/catalog.server";
import { formatDate, formatMonth } from "~/i18n/format";
import type { MessageKey } from "~/i18n/messages/en";
import { LANGS } from "~/i18n/negotiate";

export const COUNTS = [0, 1, 2, 5, 11, 21] as const;
export const MONTHS = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"] as const;

// Variables that carry a number of things; a message with one of them is "counted".
const COUNT_VARS = new Set([
  "n",
  "count",
  "max",
  "rows",
  "months",
  "days",
  "schools",
  "graduates",
  "companies",
  "met",
  "expected",
  "total",
  "hours",
  "minutes",
  "points",
  "vacancies",
  "verified",
  "self",
  "mb",
]);
// Variables that carry a calendar date (start/end are months: a project's dates).
// startDate and answerBy: an offer's days (docs/decisions/061-interview-slots-and-offers.md).
const DATE_VARS = new Set(["date", "created", "expires", "startDate", "answerBy"]);
const MONTH_VARS = new Set(["start", "end"]);

const variables = (text: string) => [...text.matchAll(/\{(\w+)(?::\w+\}|\}|,\s*plural,)/g)].map((m) => m[1]!);
const keyVariables = (key: MessageKey) => [...new Set(LANGS.flatMap((lang) => variables(catalogs[lang][key])))];

export function countedKeys(): MessageKey[] {
  return (Object.keys(catalogs.en) as MessageKey[]).filter((k) => keyVariables(k).some((v) => COUNT_VARS.has(v))).sort();
}
export function datedKeys(): MessageKey[] {
  return (Object.keys(catalogs.en) as MessageKey[]).filter((k) => keyVariables(k).some((v) => DATE_VARS.has(v) || MONTH_VARS.has(v))).sort();
}

/** Every rendering, keyed "lang key count=N" or "lang key month=MM". */
export function renderAll(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const lang of LANGS) {
    const t = serverT(lang);
    for (const key of countedKeys()) {
      for (const n of COUNTS) {
        const vars = Object.fromEntries(keyVariables(key).map((v) => [v, COUNT_VARS.has(v) ? n : `<${v}>`]));
        out[`${lang} ${key} count=${n}`] = t(key, vars);
      }
    }
    for (const key of datedKeys()) {
      for (const mm of MONTHS) {
        const vars = Object.fromEntries(
          keyVariables(key).map((v) => [
            v,
            DATE_VARS.has(v) ? formatDate(lang, `2026-${mm}-06`) : MONTH_VARS.has(v) ? formatMonth(lang, `2026-${mm}`) : `<${v}>`,
          ]),
        );
        out[`${lang} ${key} month=${mm}`] = t(key, vars);
      }
    }
  }
  return out;
}
