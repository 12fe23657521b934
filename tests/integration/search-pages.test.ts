// The search pages over HTTP with JavaScript off (plain GET forms, server-rendered HTML), in
// Kyrgyz, Russian and English (docs/product.md §14): the job board, the graduate directory and
// the staff graduate list show the count, mark what matched, use near spellings and offer
// "did you mean" as a link. One production server on the demo data, a few requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "~/i18n/messages/en";
import { ru } from "~/i18n/messages/ru";
import { ky } from "~/i18n/messages/ky";
import { type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";

let server: RunningServer;
let staff: string;
beforeAll(async () => {
  server = await startServer();
  staff = await signInOverHttp(server.url, "staff@demo.kg");
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const LANGS = { ky, ru, en } as const;
async function page(pathname: string, lang: keyof typeof LANGS, cookie = ""): Promise<string> {
  const res = await fetch(`${server.url}${pathname}${pathname.includes("?") ? "&" : "?"}lng=${lang}`, { headers: cookie ? { Cookie: cookie } : {} });
  expect(res.status).toBe(200);
  return res.text();
}
const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");
const marks = (html: string) => [...html.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]);
/** The count line as the page prints it (the catalog text before "{n}"). */
const countOf = (html: string, label: string) => {
  const at = decode(html).indexOf(label);
  expect(at, `count line «${label}»`).toBeGreaterThanOrEqual(0);
  return Number(/^[\d\s\u00a0\u202f,.]+/.exec(decode(html).slice(at + label.length))![0].replace(/\D/g, ""));
};

describe("the job board", () => {
  it("finds an inflected word in every UI, says how many, and marks the matched words in titles and snippets", async () => {
    for (const lang of ["ky", "ru", "en"] as const) {
      const html = await page(`/vacancies?q=${encodeURIComponent("разработчиков")}`, lang);
      expect(html).toContain(`<html lang="${lang}"`);
      expect(html).not.toMatch(/<script[^>]+src=/); // nothing to run: the board is plain HTML
      const n = countOf(html, LANGS[lang]["vacancies.found"].split("{n}")[0]);
      expect(n).toBeGreaterThan(0);
      expect(marks(html).some((m) => /^разработчик/i.test(m))).toBe(true);
    }
  });

  it("offers «did you mean» as a link that finds something", async () => {
    for (const lang of ["ky", "ru", "en"] as const) {
      const html = decode(await page(`/vacancies?q=${encodeURIComponent("разрабочик")}`, lang));
      const text = LANGS[lang]["search.didYouMean"].replace("{text}", "разработчик");
      expect(html).toContain(text);
      const href = /<a[^>]+href="([^"]+)"[^>]*>[^<]*разработчик/.exec(html)?.[1];
      expect(href).toBeTruthy();
      const followed = await page(href!, lang);
      expect(countOf(followed, LANGS[lang]["vacancies.found"].split("{n}")[0])).toBeGreaterThan(0);
    }
  });
});

describe("the graduate directory and the staff list", () => {
  it("find a Cyrillic surname typed in Latin, and mark it, in every UI", async () => {
    for (const lang of ["ky", "ru", "en"] as const) {
      const html = await page("/graduates?q=Toktogulov", lang, staff);
      expect(countOf(html, LANGS[lang]["directory.found"].split("{n}")[0])).toBeGreaterThan(0);
      expect(marks(html)).toContain("Токтогулов");
      const list = await page("/staff/graduates?q=Toktogulov", lang, staff);
      expect(countOf(list, LANGS[lang]["directory.found"].split("{n}")[0])).toBeGreaterThan(0);
      expect(marks(list)).toContain("Токтогулов");
    }
  });

  it("forgive one typo in a name and say so", async () => {
    const html = decode(await page(`/staff/graduates?q=${encodeURIComponent("Токтогулв")}`, "ru", staff));
    expect(marks(html)).toContain("Токтогулов");
    expect(html).toContain(ru["search.nearSpelling"].split("(")[0]);
  });
});
