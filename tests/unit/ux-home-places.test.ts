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
        ky: ["Бишкек шаары", "Нарын шаары, Нарын облусу"],
        ru: ["город Бишкек", "город Нарын, Нарынская область"],
        en: ["Bishkek", "Naryn, Naryn Region"],
      }[lang];
      for (const line of expected) expect(html.split("\n").map((l) => l.trim())).toContain(line);
      expect(html).not.toMatch(/Бишкек шаары(, | · )Бишкек шаары|город Бишкек(, | · )город Бишкек|Bishkek(, | · )Bishkek City/);
    });
  }
});

// polish: the home page was fixed alone; the board, a vacancy, the directory and a portfolio still read
// «Бишкек, Бишкек шаары». Every page names a place through placeText (app/domain/place.ts; the demo's
// places are read in tests/integration/ux-places.test.ts): no page or component puts a town and a region
// together itself.
describe("no page joins a town and a region by hand", () => {
  it("app/routes and app/components", async () => {
    const fs = await import("node:fs");
    const { sourceFiles, ROOT } = await import("../support/source-files");
    const byHand = [
      /\[[^\]]*\bcity\b[^\]]*\bregion\b[^\]]*\]\s*\.filter\(Boolean\)/, // [v.city, region].filter(Boolean)
      /\[[^\]]*\bregion\b[^\]]*\bcity\b[^\]]*\]\s*\.filter\(Boolean\)/,
      /pick\([^)]*"city"[^)]*\)[\s\S]{0,80}pick\([^)]*"region"/, // pick(s, "city") … pick(s, "region")
    ];
    const found = [...sourceFiles("app/routes"), ...sourceFiles("app/components")]
      .filter((f) => f.endsWith(".tsx"))
      .filter((f) => byHand.some((re) => re.test(fs.readFileSync(`${ROOT}/${f}`, "utf8"))));
    expect(found).toEqual([]);
  });
});
