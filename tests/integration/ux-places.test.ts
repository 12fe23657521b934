// polish: places read «Бишкек, Бишкек шаары» on the board, a vacancy, the graduate directory and a
// portfolio (the home page's school cards were fixed alone in session 14): Bishkek and Osh are regions
// of their own. Every place the demo holds — a vacancy's, a graduate's, a school's — is shown through
// one helper (app/domain/place.ts), and here each is read in ky, ru and en as the pages print it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { namesOf, placeText } from "~/domain/place";
import { LANGS } from "~/i18n/negotiate";
import { closeTestDatabases, createDemoTestDatabase } from "../support/db";

let c: Connection;
beforeAll(async () => {
  c = await createDemoTestDatabase();
}, 180_000);
afterAll(closeTestDatabases);

type Row = { town: string | null; code: string | null; region_ky: string | null; region_ru: string | null; region_en: string | null };
const REGION = "r.code, r.name_ky as region_ky, r.name_ru as region_ru, r.name_en as region_en";

/** The first word of each part of a line, in lower case: «Бишкек, Бишкек шаары» → бишкек twice. */
const firstWords = (line: string) =>
  line.split(", ").map((p) =>
    p
      .replace(/^(город|г\.)\s+/i, "")
      .split(/\s+/)[0]!
      .toLowerCase(),
  );

describe("a place is named once", () => {
  const typed = () => [
    ...(c.sqlite.prepare(`select distinct v.city as town, ${REGION} from vacancies v left join regions r on r.id = v.region_id`).all() as Row[]),
    ...(c.sqlite.prepare(`select distinct g.city as town, ${REGION} from graduates g left join regions r on r.id = g.region_id`).all() as Row[]),
  ];

  for (const lang of LANGS) {
    it(`every vacancy's and graduate's place the demo holds (${lang})`, () => {
      const rows = typed();
      expect(rows.length).toBeGreaterThan(8);
      const problems: string[] = [];
      let bishkek = 0;
      for (const row of rows) {
        const region = namesOf(row, "region");
        const line = placeText(lang, row.town, region);
        if (!line) continue;
        // A town in a region that is a city of its own is that city: the region's name alone, in the reader's language.
        if (region && (row.code === "bishkek" || row.code === "osh-city") && row.town && /бишкек|ош/i.test(row.town)) {
          bishkek++;
          if (line !== region[lang]) problems.push(`${row.town} / ${region[lang]}: «${line}»`);
        }
        const words = firstWords(line);
        if (row.code?.includes("bishkek") || row.code === "osh-city") {
          if (words.length > 1 && words[0] === words[1]) problems.push(`«${line}» names one place twice`);
        } else if (row.town && region) {
          // Elsewhere the town and its region are two places, and both are named: «Нарын, Нарын облусу».
          if (line !== `${row.town}, ${region[lang]}`) problems.push(`${row.town} / ${region[lang]}: «${line}»`);
        }
      }
      expect(bishkek, "Bishkek places in the demo").toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });

    it(`every school's town and region (${lang})`, () => {
      const schools = c.sqlite
        .prepare(`select s.slug, s.city_ky, s.city_ru, s.city_en, ${REGION} from schools s join regions r on r.id = s.region_id order by s.id`)
        .all() as (Row & { slug: string; city_ky: string; city_ru: string; city_en: string })[];
      expect(schools.length).toBe(6);
      const lines = Object.fromEntries(schools.map((s) => [s.slug, placeText(lang, namesOf(s, "city"), namesOf(s, "region"))]));
      expect(lines["pl-98-bishkek"]).toBe({ ky: "Бишкек шаары", ru: "город Бишкек", en: "Bishkek" }[lang]);
      expect(lines["pl-87-naryn"]).toBe({ ky: "Нарын шаары, Нарын облусу", ru: "город Нарын, Нарынская область", en: "Naryn, Naryn Region" }[lang]);
      for (const s of schools.filter((s) => s.code !== "bishkek")) expect(lines[s.slug]).toContain(", ");
    });
  }

  it("a town typed in another script or with «г.» is still the region (and empty parts are left out)", () => {
    const bishkek = { ky: "Бишкек шаары", ru: "город Бишкек", en: "Bishkek City" };
    const chui = { ky: "Чүй облусу", ru: "Чуйская область", en: "Chüy Region" };
    expect(placeText("en", "Bishkek", bishkek)).toBe("Bishkek City");
    expect(placeText("ru", "г. Бишкек", bishkek)).toBe("город Бишкек");
    expect(placeText("ky", "бишкек", bishkek)).toBe("Бишкек шаары");
    expect(placeText("ky", "Кант", bishkek)).toBe("Кант, Бишкек шаары");
    expect(placeText("ru", "Бишкек", chui)).toBe("Бишкек, Чуйская область");
    expect(placeText("ru", "", chui)).toBe("Чуйская область");
    expect(placeText("ru", "Токмок", null)).toBe("Токмок");
    expect(placeText("ru", null, null)).toBeNull();
  });
});
