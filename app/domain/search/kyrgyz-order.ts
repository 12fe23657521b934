// Kyrgyz alphabetical order for lists sorted by name (issue 16 item 6; docs/decisions/044-search-stemming.md):
// ң after н, ө after о, ү after у (code-point order puts them after я). The order is the Kyrgyz
// alphabet, Cyrillic before Latin, digits before letters, capitals not counted, as the CLDR "ky"
// collation orders names; numbers by value (decision 046). kyrgyzSortKey gives a string whose plain binary order is this order,
// for SQLite (ORDER BY a stored key, or a function returning it): better-sqlite3 has no collations.

const KYRGYZ_ALPHABET = Array.from("абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя");
const PRIMARY = new Map<string, string>();
// Cyrillic letters take U+0100.., Latin U+0200..: both above digits and separators, in that order.
KYRGYZ_ALPHABET.forEach((ch, i) => PRIMARY.set(ch, String.fromCharCode(0x100 + i)));
for (let i = 0; i < 26; i++) PRIMARY.set(String.fromCharCode(0x61 + i), String.fromCharCode(0x200 + i));
/** Letters outside both alphabets sort after them, among themselves by code point. */
const OTHER_LETTER = "\u2fff";
const SEPARATOR = "\u0001";
/** Digit runs are padded to this width, so numbers up to a trillion sort by value. */
const NUMBER_WIDTH = 12;

function primaryOf(ch: string): string {
  const known = PRIMARY.get(ch);
  if (known) return known;
  if (/\p{N}/u.test(ch)) return /[0-9]/.test(ch) ? ch : OTHER_LETTER + ch;
  if (/\p{L}/u.test(ch)) {
    // A Latin letter with an accent sorts with its base letter (Ö with O).
    const base = ch.normalize("NFD")[0];
    return PRIMARY.get(base) && /[a-z]/.test(base) ? PRIMARY.get(base)! : OTHER_LETTER + ch;
  }
  return SEPARATOR; // spaces and punctuation: before every letter and digit
}

/**
 * The sort key of a name: its letters in Kyrgyz alphabetical order (case and Latin accents
 * ignored), then the name itself to order ties the same way every time. Compare keys as plain
 * strings (JavaScript <, SQLite's BINARY collation).
 */
export function kyrgyzSortKey(name: string): string {
  // Numbers compare by value ("лицей №6" before "лицей №14"): each run of digits padded to one width.
  const lower = name
    .normalize("NFC")
    .toLowerCase()
    .replace(/[0-9]+/g, (d) => d.replace(/^0+(?=[0-9])/, "").padStart(NUMBER_WIDTH, "0"));
  let key = "";
  for (const ch of lower) key += primaryOf(ch);
  return `${key}\u0000${name}`;
}

/** Kyrgyz alphabetical order, for Array.prototype.sort: names.sort(compareKyrgyz). */
export function compareKyrgyz(a: string, b: string): number {
  const ka = kyrgyzSortKey(a);
  const kb = kyrgyzSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Sorts items by a name in Kyrgyz alphabetical order, computing each key once. */
export function sortByKyrgyzName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: kyrgyzSortKey(nameOf(item)) }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map((x) => x.item);
}

/**
 * SQLite's order of two texts (their UTF-8 bytes, i.e. code points). JavaScript's < compares UTF-16
 * units, which differs only between a surrogate and a unit from U+E000 up: those two are swapped here.
 */
export function binaryOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}
