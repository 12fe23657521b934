// A vacancy's salary range in som, in the reader's language.
import { formatKgs } from "~/i18n/format";
import type { Lang } from "~/i18n/negotiate";
import type { T } from "~/i18n/translate";

export function salaryText(t: T, lang: Lang, min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return min === max ? formatKgs(lang, min) : `${formatKgs(lang, min)} – ${formatKgs(lang, max)}`;
  if (min !== null) return t("vacancies.salaryFrom", { amount: formatKgs(lang, min) });
  if (max !== null) return t("vacancies.salaryUpTo", { amount: formatKgs(lang, max) });
  return null;
}
