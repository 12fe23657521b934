import { describe, expect, it } from "vitest";
import { catalogs } from "~/i18n/catalog.server";
import { en } from "~/i18n/messages/en";
import { langFromAcceptLanguage, LANGS, negotiateLang } from "~/i18n/negotiate";
import { interpolate, messageVariables } from "~/i18n/translate";
import { formatDate, formatKgs } from "~/i18n/format";

// A variable is `{name}`, `{name:case}` (a date in a grammatical case) or `{name, plural, …}`;
// a language may count with a plural where another needs none (Kyrgyz), so names are compared as a set.
const placeholders = messageVariables;

describe("message catalogs", () => {
  it("have exactly the same keys in ky, ru and en", () => {
    const keys = Object.keys(en).sort();
    for (const lang of LANGS) expect(Object.keys(catalogs[lang]).sort(), lang).toEqual(keys);
  });

  it("have no empty message and the same placeholders in every language", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      for (const lang of LANGS) {
        expect(catalogs[lang][key].trim(), `${lang}:${key}`).not.toBe("");
        expect(placeholders(catalogs[lang][key]), `${lang}:${key}`).toEqual(placeholders(en[key]));
      }
    }
  });

  it("are really translated: Kyrgyz and Russian differ from English for ordinary sentences", () => {
    // A sentence: two or more words outside the placeholders.
    const isSentence = (s: string) => (s.replace(/\{\w+\}/g, "").match(/\p{L}{2,}/gu)?.length ?? 0) >= 2;
    const same = (lang: "ky" | "ru") => (Object.keys(en) as (keyof typeof en)[]).filter((k) => catalogs[lang][k] === en[k] && isSentence(en[k]));
    expect(same("ru").filter((k) => !k.startsWith("lang."))).toEqual([]);
    expect(same("ky").filter((k) => !k.startsWith("lang."))).toEqual([]);
  });

  it("interpolates variables and leaves unknown ones visible", () => {
    expect(interpolate("Hi {name}, {n} new", { name: "Айпери", n: 3 })).toBe("Hi Айпери, 3 new");
    expect(interpolate("Hi {name}", {})).toBe("Hi {name}");
  });
});

describe("language negotiation", () => {
  const url = "http://localhost/vacancies";
  it("follows Accept-Language on a first visit, by preference weight", () => {
    expect(negotiateLang({ url, acceptLanguage: "ru-RU,ru;q=0.9,en;q=0.8" })).toBe("ru");
    expect(negotiateLang({ url, acceptLanguage: "en;q=0.5, ky;q=0.9" })).toBe("ky");
    expect(negotiateLang({ url, acceptLanguage: "de-DE, en-US;q=0.7" })).toBe("en");
  });
  it("falls back to Kyrgyz when nothing matches", () => {
    expect(negotiateLang({ url, acceptLanguage: "de, fr" })).toBe("ky");
    expect(negotiateLang({ url })).toBe("ky");
    expect(langFromAcceptLanguage("garbage;q=abc")).toBeNull();
  });
  it("prefers the saved cookie over Accept-Language, and ?lng= over both", () => {
    expect(negotiateLang({ url, cookieHeader: "a=1; lng=en", acceptLanguage: "ru" })).toBe("en");
    expect(negotiateLang({ url: `${url}?lng=ky`, cookieHeader: "lng=en", acceptLanguage: "ru" })).toBe("ky");
  });
  it("ignores unknown values of ?lng= and of the cookie", () => {
    expect(negotiateLang({ url: `${url}?lng=de`, cookieHeader: "lng=xx", acceptLanguage: "ru" })).toBe("ru");
  });
});

describe("formatting with Intl", () => {
  it("formats calendar dates and som amounts per language", () => {
    expect(formatDate("ru", "2026-06-30")).toMatch(/30 июня 2026/);
    expect(formatDate("en", "2026-06-30")).toBe("30 June 2026");
    expect(formatKgs("ru", 45000)).toMatch(/45\s000\s+сом/);
    expect(formatKgs("en", 45000)).toMatch(/KGS\s*45,000/);
  });
});

describe("Kyrgyz formatting does not depend on the runtime's locale data", () => {
  it("prints Kyrgyz dates, times and som the CLDR way", () => {
    expect(formatDate("ky", "2025-06-30")).toBe("2025-ж., 30-июнь");
    expect(formatDate("ky", "2025-12-31T20:00:00Z")).toBe("2026-ж., 1-январь"); // Bishkek is UTC+6
    expect(formatKgs("ky", 45000)).toMatch(/^45\s000\s+сом$/);
  });
});
