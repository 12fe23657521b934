// Search boxes of the small lists (companies, the skills taxonomy; docs/product.md §14).
import type { AreaMessages } from "./area";

const en = {
  "listSearch.submit": "Search",
  "listSearch.showAll": "Show all",
  "listSearch.typoTier": "Spelt almost the same",
  "listSearch.companies.label": "Find a company",
  "listSearch.companies.hint": "A name or its beginning, in Latin or Cyrillic letters. One typo is forgiven.",
  "listSearch.companies.found": "{n, plural, one {# company found} other {# companies found}}",
  "listSearch.companies.none": "No company matches “{q}”.",
  "listSearch.skills.hint": "A name in any of the three languages or an alias (питон, JS, верстка), or its beginning. One typo is forgiven.",
  "listSearch.skills.none": "No skill matches “{q}”.",
};

export const listSearchMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "listSearch.submit": "Найти",
    "listSearch.showAll": "Показать все",
    "listSearch.typoTier": "Пишется почти так же",
    "listSearch.companies.label": "Найти компанию",
    "listSearch.companies.hint": "Название или его начало, латиницей или кириллицей. Одна опечатка не помешает.",
    "listSearch.companies.found": "{n, plural, one {Найдена # компания} few {Найдены # компании} other {Найдено # компаний}}",
    "listSearch.companies.none": "Нет компаний по запросу «{q}».",
    "listSearch.skills.hint": "Название на любом из трёх языков или другое написание (питон, JS, верстка), можно начало. Одна опечатка не помешает.",
    "listSearch.skills.none": "Нет навыков по запросу «{q}».",
  },
  ky: {
    "listSearch.submit": "Издөө",
    "listSearch.showAll": "Баарын көрсөтүү",
    "listSearch.typoTier": "Дээрлик ошондой жазылгандар",
    "listSearch.companies.label": "Компания издөө",
    "listSearch.companies.hint": "Аталышы же анын башы, латын же кирилл тамгалары менен. Бир ката тоскоол болбойт.",
    "listSearch.companies.found": "{n, plural, other {# компания табылды}}",
    "listSearch.companies.none": "«{q}» боюнча компания табылган жок.",
    "listSearch.skills.hint": "Үч тилдин биринде аталышы же башка жазылышы (питон, JS, верстка), же анын башы. Бир ката тоскоол болбойт.",
    "listSearch.skills.none": "«{q}» боюнча көндүм табылган жок.",
  },
};
