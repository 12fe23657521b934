// One key per company name, whatever the script, case, quotes or legal form: "ОсОО «Чонг-Кемин Лабс»",
// "Chong-Kemin Labs LLC" and "chong kemin labs" share it. Used to link an employer typed as free text to a
// known company (docs/product.md §6) and to show staff which company already holds a name (docs/product.md §8).
// Pure, and safe in the browser.
import { CYRILLIC_TO_LATIN, slugify } from "~/domain/text/slugify";

/** Legal forms written before or after a name, in the three languages (compared on the Latin form). */
const LEGAL_FORMS = new Set(["osoo", "ooo", "llc", "ltd", "inc", "ao", "oao", "zao", "ip", "jsc", "gmbh", "co", "corp", "company", "kompaniya"]);

export function companyNameKey(name: string): string {
  const words = slugify(name.replace(/[«»"“”„'’`]/g, " "), 200)
    .split("-")
    .filter(Boolean);
  // Latin spellings a Cyrillic transliteration cannot produce: "x" is written "кс", "w" is written "в".
  return words
    .filter((w) => !LEGAL_FORMS.has(w))
    .join("")
    .replace(/x/g, "ks")
    .replace(/w/g, "v")
    .replace(/kh/g, "h");
}

/** An HTP certificate number compared without case, spaces, dashes or a "ПВТ"/"ЖТП"/"HTP" prefix. */
export function htpNumberKey(value: string): string {
  return value
    .toLowerCase()
    .replace(/^\s*(пвт|жтп|htp|pvt)\s*[-№#:]*\s*/u, "")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

const TO_CYRILLIC: [string, string][] = [
  ["shch", "щ"],
  ["sh", "ш"],
  ["ch", "ч"],
  ["zh", "ж"],
  ["kh", "х"],
  ["ts", "ц"],
  ["yu", "ю"],
  ["ya", "я"],
  ["yo", "ё"],
  ["ng", "нг"],
  ["a", "а"],
  ["b", "б"],
  ["c", "к"],
  ["d", "д"],
  ["e", "е"],
  ["f", "ф"],
  ["g", "г"],
  ["h", "х"],
  ["i", "и"],
  ["j", "дж"],
  ["k", "к"],
  ["l", "л"],
  ["m", "м"],
  ["n", "н"],
  ["o", "о"],
  ["p", "п"],
  ["q", "к"],
  ["r", "р"],
  ["s", "с"],
  ["t", "т"],
  ["u", "у"],
  ["v", "в"],
  ["w", "в"],
  ["x", "кс"],
  ["y", "й"],
  ["z", "з"],
];

function keepCase(source: string, replacement: string): string {
  if (!replacement || source === source.toLowerCase()) return replacement;
  if (source.length > 1 && source === source.toUpperCase()) return replacement.toUpperCase();
  return replacement[0]!.toUpperCase() + replacement.slice(1);
}

/**
 * A company's name in the other script, for picking lists: "Chong-Kemin Labs" → "Чонг-Кемин Лабс",
 * "Ала-Тоо Софтлаб" → "Ala-Too Softlab". A rough spelling, only so that a list filters on what a
 * person types in either script; never stored, never a company's real name.
 */
export function otherScript(name: string): string {
  if (/[\u0400-\u04ff]/.test(name)) return [...name].map((ch) => keepCase(ch, CYRILLIC_TO_LATIN[ch.toLowerCase()] ?? ch)).join("");
  let out = "";
  for (let i = 0; i < name.length;) {
    const rest = name.slice(i).toLowerCase();
    const hit = TO_CYRILLIC.find(([latin]) => rest.startsWith(latin));
    if (!hit) {
      out += name[i];
      i += 1;
      continue;
    }
    out += keepCase(name.slice(i, i + hit[0].length), hit[1]);
    i += hit[0].length;
  }
  return out;
}
