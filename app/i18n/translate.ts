import type { MessageKey, Messages } from "./messages/en";
import type { Lang } from "./negotiate";
import { inCase, isGrammarCase } from "./format";

export type Vars = Record<string, string | number>;
export type T = ((key: MessageKey, vars?: Vars) => string) & {
  /** Whether the catalog has `key`: a key built from stored text (a notification kind, a recorded field name) is checked at run time. */
  has: (key: string) => key is MessageKey;
};

// Plural categories come from Intl.PluralRules. Kyrgyz uses English's rule (one for exactly 1,
// the same as CLDR's ky) because browsers often ship no Kyrgyz data (docs/decisions/029-…).
const PLURAL_LOCALE: Record<Lang, string> = { ky: "en", ru: "ru", en: "en" };
const pluralRules = new Map<Lang, Intl.PluralRules>();
function pluralCategory(lang: Lang, n: number): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(PLURAL_LOCALE[lang])));
  return rules.select(n);
}

/** Reads the `{one {…} few {…} other {…}}` branches of an ICU plural; null if malformed. */
function pluralBranches(body: string): Map<string, string> | null {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!m) return body.slice(i).trim() === "" ? branches : null;
    let depth = 1;
    let j = i + m[0].length;
    const start = j;
    for (; j < body.length && depth > 0; j++) {
      if (body[j] === "{") depth++;
      else if (body[j] === "}") depth--;
    }
    if (depth !== 0) return null;
    branches.set(m[1], body.slice(start, j - 1));
    i = j;
  }
  return branches;
}

/**
 * Fills a message. Besides `{name}` it knows two forms the languages need
 * (docs/decisions/029-plural-and-case-in-messages.md):
 * - `{n, plural, one {# new vacancy} other {# new vacancies}}`: the branch is chosen by the
 *   language's plural rules; `#` is the number.
 * - `{date:dat}`: a formatted date in a grammatical case (ky: abl, dat, loc; ru: gen).
 * A value that ends in a full stop swallows the template's own («2026 г.» + "." → one stop).
 */
export function interpolate(template: string, vars?: Vars, lang: Lang = "en"): string {
  if (!vars) return template;
  let out = "";
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const plural = /^\{(\w+),\s*plural,/.exec(template.slice(open));
    if (plural) {
      // Find the matching close brace of the whole plural.
      let depth = 0;
      let j = open;
      for (; j < template.length; j++) {
        if (template[j] === "{") depth++;
        else if (template[j] === "}" && --depth === 0) break;
      }
      const whole = template.slice(open, j + 1);
      const name = plural[1];
      const branches = pluralBranches(template.slice(open + plural[0].length, j));
      const raw = vars[name];
      // A count may arrive already formatted ("1 000", "1,000"): read its digits.
      const n = typeof raw === "number" ? raw : Number(String(raw).replace(/[\s\u00a0\u202f,]/g, ""));
      if (!(name in vars) || !branches || Number.isNaN(n)) {
        out += whole;
      } else {
        const branch = branches.get(`=${n}`) ?? branches.get(pluralCategory(lang, n)) ?? branches.get("other") ?? "";
        out += interpolate(branch.replace(/#/g, String(raw)), vars, lang);
      }
      i = j + 1;
      continue;
    }
    const simple = /^\{(\w+)(?::(\w+))?\}/.exec(template.slice(open));
    if (!simple) {
      out += "{";
      i = open + 1;
      continue;
    }
    const [whole, name, grammarCase] = simple;
    i = open + whole.length;
    if (!(name in vars)) {
      out += whole;
      continue;
    }
    let value = String(vars[name]);
    if (grammarCase && isGrammarCase(grammarCase)) value = inCase(lang, value, grammarCase);
    if (value.endsWith(".") && template[i] === ".") i++;
    out += value;
  }
  return out;
}

/** The variable names a message uses, in any of its forms (`{n}`, `{date:dat}`, `{n, plural, …}`), sorted. */
export function messageVariables(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?::\w+\}|\}|,\s*plural,)/g)].map((m) => m[1]!))].sort();
}

export function makeT(messages: Messages, lang: Lang = "en"): T {
  const t = (key: MessageKey, vars?: Vars) => interpolate(messages[key] ?? key, vars, lang);
  return Object.assign(t, { has: (key: string): key is MessageKey => isMessageKey(messages, key) });
}

export function isMessageKey(messages: Messages, key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages, key);
}
