// How a cohort is named on every staff page and in every cohort menu: its school in the reader's
// language and its full graduation date (a school may graduate two cohorts in one year).
import { formatDate } from "./format";
import type { Lang } from "./negotiate";
import { pick } from "./pick";
import type { T } from "./translate";

type SchoolNames = { name_ky: string; name_ru: string; name_en: string };

export function cohortLabel(t: T, lang: Lang, school: SchoolNames, graduationDate: string): string {
  return t("staff.cohorts.label", { school: pick(school, "name", lang), date: formatDate(lang, graduationDate) });
}

/** The options of a cohort menu, one a cohort, in the order given. */
export function cohortOptions(
  t: T,
  lang: Lang,
  cohorts: readonly (SchoolNames & { id: number; graduation_date: string })[],
): { value: number; label: string }[] {
  return cohorts.map((c) => ({ value: c.id, label: cohortLabel(t, lang, c, c.graduation_date) }));
}
