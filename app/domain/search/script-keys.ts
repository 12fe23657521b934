// Latin ↔ Cyrillic for names and words (issue 16 item 2; docs/decisions/044-search-stemming.md).
// Rather than guess every Latin spelling of a Cyrillic name (Жылдыз: Zhyldyz, Jyldyz, Jildiz…),
// both scripts fold to one loose Latin key and the keys are compared: a name typed in either
// script finds the other when their keys are equal. The key is for matching only, never shown.

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ж: "j",
  з: "z",
  и: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  ң: "n",
  о: "o",
  ө: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ү: "u",
  ф: "f",
  х: "h",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "sh",
  ъ: "",
  ы: "i",
  ь: "",
  э: "e",
  ю: "iu",
  я: "ia",
  һ: "h",
};

// Latin spellings that name one sound, longest first, applied to the key of both scripts.
const LATIN_FOLDS: [RegExp, string][] = [
  [/shch/g, "sh"], // Щербаков: Shcherbakov
  [/dzh/g, "j"],
  [/zh/g, "j"],
  [/dj/g, "j"], // Жылдыз: Zhyldyz, Jyldyz; Джамиля: Dzhamilia, Djamila
  [/kh/g, "h"], // Хасанов: Khasanov, Hasanov
  [/x/g, "ks"], // Алексей: Aleksei, Alexei
  [/w/g, "v"],
  [/q/g, "k"],
  [/y/g, "i"], // ы, й, и are all written y or i: Aigerim/Aygerim, Bakyt/Bakit
  [/ng/g, "n"], // ң is also written ng: Кеңеш: Kenesh, Kengesh
  [/c(?!h)/g, "k"], // c outside ch is k in English-style spellings: Victoria = Виктория
];

/**
 * The loose Latin key of a word in either script: lower case, accents and ё dropped, Cyrillic
 * written in Latin (ж → j, ы/й/и → i, ү → u, ө → o, ң → n), common passport spellings folded
 * (zh/j, kh/h, y/i, ng/n), "ye" at the start or after a vowel (Yelena, Abdyldayev) read as е, and doubled letters
 * made single (Meerim = Merim, Aliya = Alia, Assel = Asel). Digits stay; other marks go.
 */
export function scriptKey(word: string): string {
  const known = memo.get(word);
  if (known !== undefined) return known;
  const key = keyOf(word);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, key);
  return key;
}

// A dozen regular-expression passes a word: results pages and reindexed texts repeat their words,
// so a bounded memo, as for stems (app/domain/search/stemmers.ts; docs/decisions/049).
const MEMO_LIMIT = 50_000;
const memo = new Map<string, string>();

function keyOf(word: string): string {
  const lower = word.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC").toLowerCase();
  let key = "";
  for (const ch of lower) {
    const latin = CYRILLIC_TO_LATIN[ch];
    if (latin !== undefined) key += latin;
    else if (/[a-z0-9]/.test(ch)) key += ch;
  }
  for (const [pattern, replacement] of LATIN_FOLDS) key = key.replace(pattern, replacement);
  // е after a vowel or at the start is written ye (Abdyldayev, Yelena), after y → i folding: ie.
  key = key.replace(/^ie/, "e").replace(/([aeiou])ie/g, "$1e");
  return key.replace(/(.)\1+/g, "$1");
}

/** The key of each word of a name or text, in order ("Жылдыз Токтогулова" → ["jildiz", "toktogulova"]). */
export function scriptKeysOf(text: string): string[] {
  const words = text.normalize("NFC").match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? [];
  return words.map(scriptKey).filter((k) => k.length > 0);
}

/** Whether two spellings of a word, in any script, are the same name (Үсөнов = Usonov = Üsönov). */
export function sameSpelling(a: string, b: string): boolean {
  const ka = scriptKey(a);
  return ka.length > 0 && ka === scriptKey(b);
}
