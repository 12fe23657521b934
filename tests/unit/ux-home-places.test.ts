// probe-ux: the home page's school cards read «Бишкек шаары · Бишкек шаары» — the city and its region,
// where Bishkek (and Osh) are regions of their own. Rendered with the real page and catalogs.
import { describe, expect, it, vi } from "vitest";
import { LANGS } from "~/i18n/negotiate";
import { renderPage } from "../support/remix-react-stub";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));
const { default: HomePage } = await import("~/routes/_index");

const place = (city: [string, string, string], region: [string, string, string]) => ({
  city_ky: city[0],
  city_ru: city[1],
  city_en: city[2],
  region_ky: region[0],
  region_ru: region[1],
  region_en: region[2],
});
const loader = {
  schools: [
    {
      id: 1,
      name_ky: "№98 кесиптик лицей",
      name_ru: "Профессиональный лицей №98",
      name_en: "Vocational Lyceum No. 98",
      ...place(["Бишкек шаары", "город Бишкек", "Bishkek"], ["Бишкек шаары", "город Бишкек", "Bishkek City"]),
    },
    {
      id: 2,
      name_ky: "№87 кесиптик лицей",
      name_ru: "Профессиональный лицей №87",
      name_en: "Vocational Lyceum No. 87",
      ...place(["Нарын шаары", "город Нарын", "Naryn"], ["Нарын облусу", "Нарынская область", "Naryn Region"]),
    },
  ],
  counts: { schools: 2, graduates: 10, companies: 1 },
  signedIn: false,
  graduates: [],
  vacancies: [],
};
const text = (html: string) => html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, "\n");

describe("a school card names its place once", () => {
  for (const lang of LANGS) {
    it(lang, () => {
      const html = text(renderPage(lang, HomePage, { loader }, /\bhome\.[a-zA-Z]+\b/));
      const expected = {
        ky: ["Бишкек шаары", "Нарын шаары · Нарын облусу"],
        ru: ["город Бишкек", "город Нарын · Нарынская область"],
        en: ["Bishkek", "Naryn · Naryn Region"],
      }[lang];
      for (const line of expected) expect(html.split("\n").map((l) => l.trim())).toContain(line);
      expect(html).not.toMatch(/Бишкек шаары · Бишкек шаары|город Бишкек · город Бишкек|Bishkek · Bishkek City/);
    });
  }
});
