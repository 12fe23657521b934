// Lists and select options sorted by the name a page shows (docs/product.md §14,
// docs/decisions/046-small-list-search-and-kyrgyz-order.md): in the Kyrgyz alphabet in all three
// UIs — a Russian or English name keeps its own alphabet's order inside it, and ң, ө, ү sit
// after н, о, у. Rows with names in three languages are ordered by the reader's one.
import { pick } from "~/i18n/pick";
import type { Lang } from "~/i18n/negotiate";
import { sortByKyrgyzName } from "./kyrgyz-order";

type Named = { name_ky: string; name_ru: string; name_en: string };

/**
 * Rows with name_ky / name_ru / name_en, by the name in the reader's language. With `groupOf`,
 * the groups a page keeps come first (lower first: required before nice-to-have, verified before
 * self-declared), names in order inside each (skill chips, docs/decisions/050-skill-chips-order.md).
 */
export function sortByShownName<R extends Named>(rows: readonly R[], lang: Lang, groupOf?: (row: R) => number): R[] {
  const byName = sortByKyrgyzName(rows, (r) => pick(r, "name", lang));
  // Array.prototype.sort is stable: the name order stays inside each group.
  return groupOf ? byName.sort((a, b) => groupOf(a) - groupOf(b)) : byName;
}

/** Select options by their label. */
export function sortOptions<O extends { label: string }>(options: readonly O[]): O[] {
  return sortByKyrgyzName(options, (o) => o.label);
}
