import type { Lang } from "./negotiate";

/** Reads the column for the current language from a row with name_ky / name_ru / name_en style columns. */
export function pick<P extends string, R extends { [K in `${P}_${Lang}`]: string }>(row: R, prefix: P, lang: Lang): string {
  return row[`${prefix}_${lang}` as `${P}_${Lang}`];
}
