// What a search says about its own results (docs/product.md §14): near spellings used, "did you mean".
import type { AreaMessages } from "./area";

const en = {
  "search.didYouMean": "Did you mean “{text}”?",
  "search.nearSpelling": "Nothing matched as typed: these results match a near spelling.",
};

export const searchMessages: AreaMessages<typeof en> = {
  en,
  ru: {
    "search.didYouMean": "Возможно, вы имели в виду «{text}»?",
    "search.nearSpelling": "Точных совпадений нет: найдено по близкому написанию.",
  },
  ky: {
    "search.didYouMean": "Балким, «{text}» деп издегиңиз келгендир?",
    "search.nearSpelling": "Так дал келгендер жок: окшош жазылыш боюнча табылды.",
  },
};
