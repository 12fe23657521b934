// The search boxes of the small lists over HTTP, on the real build and the demo data, in the three
// UIs with JavaScript off (plain GET forms): /companies, /staff/companies, /admin/skills
// (docs/product.md §14, docs/decisions/046-small-list-search-and-kyrgyz-order.md).
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sortByKyrgyzName } from "~/domain/search/kyrgyz-order";
import type { Lang } from "~/i18n/negotiate";
import { type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";

let server: RunningServer;
let verified: string[];
const cookies: Record<string, string> = {};

beforeAll(async () => {
  server = await startServer();
  const db = new Database(path.join(server.dataDir, "portal.sqlite"), { readonly: true });
  verified = (db.prepare("select name from companies where status = 'verified'").all() as { name: string }[]).map((r) => r.name);
  db.close();
  cookies.staff = await signInOverHttp(server.url, "staff@demo.kg");
  cookies.admin = await signInOverHttp(server.url, "admin@demo.kg");
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const LANGS: Lang[] = ["ky", "ru", "en"];

async function page(pathname: string, lang: Lang, as?: "staff" | "admin"): Promise<{ status: number; html: string }> {
  const cookie = [`lng=${lang}`, as ? cookies[as] : null].filter(Boolean).join("; ");
  const res = await fetch(`${server.url}${pathname}`, { headers: { Cookie: cookie }, redirect: "manual" });
  return { status: res.status, html: await res.text() };
}

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");
/** The company names of the public list, in page order (each is the <strong> of a tile). */
const tileNames = (html: string) => [...html.matchAll(/<li><a[^>]*href="\/companies\/[^"]+"[^>]*><strong>(.*?)<\/strong>/g)].map((m) => decode(m[1]!));
const marks = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => decode(m[1]!));

const FOUND_ONE: Record<Lang, string> = { ky: "1 компания табылды", ru: "Найдена 1 компания", en: "1 company found" };
// The one "did you mean" of every search page (SearchNotes, search.didYouMean; tests/integration/did-you-mean.test.ts).
const DID_YOU_MEAN: Record<Lang, (s: string) => string> = {
  ky: (s) => `Балким, «${s}» деп издегиңиз келгендир?`,
  ru: (s) => `Возможно, вы имели в виду «${s}»?`,
  en: (s) => `Did you mean “${s}”?`,
};

describe("/companies", () => {
  it("lists every verified company in Kyrgyz alphabetical order, with a search box that works without JavaScript", async () => {
    expect(verified.length).toBeGreaterThan(5);
    for (const lang of LANGS) {
      const { status, html } = await page("/companies", lang);
      expect(status).toBe(200);
      expect(html).toMatch(/<form[^>]*method="get"[^>]*role="search"/);
      expect(html).toContain('name="q"');
      expect(html).not.toContain("<script"); // the public list ships no JavaScript
      expect(tileNames(html)).toEqual(sortByKyrgyzName(verified, (n) => n));
    }
  });

  it("finds a name typed in the other script or by its beginning, counts and marks what matched", async () => {
    const name = "Сулайман Софт";
    expect(verified).toContain(name);
    for (const lang of LANGS) {
      for (const q of ["Sulaiman", "сулайм", "СУЛАЙМАН"]) {
        const { status, html } = await page(`/companies?q=${encodeURIComponent(q)}`, lang);
        expect(status).toBe(200);
        expect(tileNames(html)).toEqual([name]);
        expect(marks(html)).toEqual(["Сулайман"]);
        expect(decode(html)).toContain(FOUND_ONE[lang]);
      }
    }
  });

  it("finds a name with one typo below the exact hits and offers the right spelling", async () => {
    expect(verified).toContain("Tengri Pixel Studio");
    for (const lang of LANGS) {
      const { html } = await page(`/companies?q=${encodeURIComponent("Tengri Pixle")}`, lang);
      expect(tileNames(html)).toEqual(["Tengri Pixel Studio"]);
      expect(marks(html)).toEqual(["Tengri", "Pixel"]);
      expect(decode(html)).toContain(DID_YOU_MEAN[lang]("Tengri Pixel"));
      expect(html).toContain(`href="/companies?q=Tengri+Pixel"`);
    }
  });

  it("says so when nothing matches, and answers a 10,000-character or FTS-syntax query with a page, never an error", async () => {
    for (const lang of LANGS) {
      const none = await page("/companies?q=zzzzqqqq", lang);
      expect(none.status).toBe(200);
      expect(tileNames(none.html)).toEqual([]);
      expect(decode(none.html)).toContain(
        { ky: "«zzzzqqqq» боюнча компания табылган жок.", ru: "Нет компаний по запросу «zzzzqqqq».", en: "No company matches “zzzzqqqq”." }[lang],
      );
      for (const q of ["x".repeat(10_000), '"Tengri" OR NEAR(pix* -) AND ^', "%' or 1=1 --"]) {
        const res = await page(`/companies?q=${encodeURIComponent(q)}`, lang);
        expect(res.status).toBe(200);
      }
      // 10,000 Cyrillic letters are 60 KB of address: Node refuses the request line itself (431).
      expect((await page(`/companies?q=${encodeURIComponent("я".repeat(10_000))}`, lang)).status).toBe(431);
    }
  });
});

describe("lists by name elsewhere", () => {
  const options = (html: string, name: string) => {
    const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? "";
    return [...select.matchAll(/<option value="(\d+)"[^>]*>(.*?)<\/option>/g)].map((m) => decode(m[2]!));
  };

  it("the job board's company filter lists companies in Kyrgyz alphabetical order (Cyrillic before Latin)", async () => {
    for (const lang of LANGS) {
      const shown = options((await page("/vacancies", lang)).html, "company");
      expect(shown.length).toBeGreaterThan(5);
      expect(shown.some((n) => /^[A-Za-z]/.test(n)) && shown.some((n) => /^[А-Яа-яӨөҮүҢң]/.test(n))).toBe(true);
      expect(shown).toEqual(sortByKyrgyzName(shown, (n) => n));
      expect(shown.findIndex((n) => /^[A-Za-z]/.test(n))).toBeGreaterThan(shown.findLastIndex((n) => /^[А-Яа-яӨөҮүҢң]/.test(n)));
    }
  });
});

describe("/staff/companies", () => {
  it("has a search box: finds across scripts, counts, marks and suggests, in the three UIs", async () => {
    for (const lang of LANGS) {
      const { status, html } = await page(`/staff/companies?q=${encodeURIComponent("sulaiman soft")}`, lang, "staff");
      expect(status).toBe(200);
      expect(html).toContain('name="q"');
      expect(marks(html)).toEqual(["Сулайман", "Софт"]);
      expect(decode(html)).toContain(FOUND_ONE[lang]);
      const typo = await page(`/staff/companies?q=${encodeURIComponent("Tengri Pixle")}`, lang, "staff");
      expect(decode(typo.html)).toContain(DID_YOU_MEAN[lang]("Tengri Pixel"));
      expect((await page(`/staff/companies?status=verified&q=${encodeURIComponent("x".repeat(10_000))}`, lang, "staff")).status).toBe(200);
    }
  });
});

describe("/admin/skills", () => {
  const rowNames = (html: string) => [...html.matchAll(/<a[^>]*href="\/admin\/skills\/\d+"[^>]*>(.*?)<\/a>/g)].map((m) => decode(m[1]!));

  it("finds a skill by an alias in the other script: питон → Python, джаваскрипт → JavaScript, верстка → HTML/CSS layout", async () => {
    const layout: Record<Lang, string> = { ky: "HTML/CSS верстка", ru: "Вёрстка HTML/CSS", en: "HTML/CSS layout" };
    for (const lang of LANGS) {
      expect(rowNames((await page("/admin/skills?q=%D0%BF%D0%B8%D1%82%D0%BE%D0%BD", lang, "admin")).html)).toEqual(["Python"]);
      expect(rowNames((await page(`/admin/skills?q=${encodeURIComponent("джаваскрипт")}`, lang, "admin")).html)).toEqual(["JavaScript"]);
      const verstka = await page(`/admin/skills?q=${encodeURIComponent("верстка")}`, lang, "admin");
      expect(rowNames(verstka.html)).toContain(layout[lang]);
      expect(marks(verstka.html)).toContain("вёрстка");
    }
  });

  it("finds «Pyhton» as Python, marked as a near spelling, with a link to the right one", async () => {
    for (const lang of LANGS) {
      const { status, html } = await page("/admin/skills?q=Pyhton", lang, "admin");
      expect(status).toBe(200);
      expect(rowNames(html)).toEqual(["Python"]);
      expect(decode(html)).toContain(DID_YOU_MEAN[lang]("Python"));
      expect(html).toContain('href="/admin/skills?q=Python"');
    }
  });

  it("lists skills by the name the page shows, in Kyrgyz alphabetical order, 40 to a page", async () => {
    const first = await page("/admin/skills", "ky", "admin");
    const shown = rowNames(first.html);
    expect(shown).toHaveLength(40);
    expect(shown).toEqual(sortByKyrgyzName(shown, (n) => n));
  });

  it("answers a 10,000-character or FTS-syntax query with a page, never an error", async () => {
    for (const q of ["z".repeat(10_000), "ы".repeat(2_000), '"py" NEAR(c* OR) -', "\u0000\u0007"]) {
      expect((await page(`/admin/skills?q=${encodeURIComponent(q)}`, "en", "admin")).status).toBe(200);
    }
  });
});
