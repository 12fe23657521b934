// One key per company name, whatever the script, case, quotes or legal form: "ОсОО «Чонг-Кемин Лабс»",
// "Chong-Kemin Labs LLC" and "chong kemin labs" share it. Used to link an employer typed as free text to a
// known company (DESIGN §6) and to show staff which company already holds a name (DESIGN §8).
// Pure, and safe in the browser.
import { slugify } from "~/domain/text/slugify";

/** Legal forms written before or after a name, in the three languages (compared on the Latin form). */
const LEGAL_FORMS = new Set(["osoo", "ooo", "llc", "ltd", "inc", "ao", "oao", "zao", "ip", "jsc", "gmbh", "co", "corp", "company", "kompaniya"]);

export function companyNameKey(name: string): string {
  const words = slugify(name.replace(/[«»"“”„'’`]/g, " "), 200).split("-").filter(Boolean);
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
  return value.toLowerCase().replace(/^\s*(пвт|жтп|htp|pvt)\s*[-№#:]*\s*/u, "").replace(/[^\p{L}\p{N}]/gu, "");
}
