// What a search page shows of its result beside the cards: the count, the pages, the skill it
// filtered by (in the reader's language), an unknown skill, and "did you mean" (docs/product.md §14).
// The job board and the graduate directory shape it alike.
import type { Lang } from "~/i18n/negotiate";
import { pick } from "~/i18n/pick";

type NamedSkill = { name_ky: string; name_ru: string; name_en: string };

export type SearchOutcome = {
  total: number;
  page: number;
  pages: number;
  unknownSkill: boolean;
  suggestion: string | null;
  near: readonly unknown[];
  skill: NamedSkill | null;
};

export function searchPageResult<I, X extends object = object>(items: I[], result: SearchOutcome, lang: Lang, extra?: X) {
  return {
    ...(extra as X),
    items,
    total: result.total,
    page: result.page,
    pages: result.pages,
    unknownSkill: result.unknownSkill,
    suggestion: result.suggestion,
    // Only whether near spellings were found: the page names the suggestion, not the list.
    near: result.near.length > 0,
    skill: result.skill ? pick(result.skill, "name", lang) : null,
  };
}
