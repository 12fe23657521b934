// Kyrgyz alphabetical order (issue 16 item 6): ң after н, ө after о, ү after у; checked on the demo
// names and company names against the CLDR "ky" collation that Node's ICU carries.
import { describe, expect, it } from "vitest";
import { compareKyrgyz, kyrgyzSortKey, sortByKyrgyzName } from "~/domain/search/kyrgyz-order";
import { kyrgyzFemaleFirst, kyrgyzMaleFirst, kyrgyzSurnamesMale, russianFemaleFirst, russianMaleFirst, russianSurnamesMale } from "@db/seed/data/people";
import { companies } from "@db/seed/data/companies";
import { regions, schools } from "@db/seed/data/places";

describe("Kyrgyz alphabetical order", () => {
  it("puts ң after н, ө after о, ү after у — not after я", () => {
    expect(["Үмүт", "Ырыс", "Улан", "Яна", "Өмүр", "Нурлан", "Ңа", "Орозбаев", "Пери"].sort(compareKyrgyz)).toEqual([
      "Нурлан",
      "Ңа",
      "Орозбаев",
      "Өмүр",
      "Пери",
      "Улан",
      "Үмүт",
      "Ырыс",
      "Яна",
    ]);
    expect(["Жаңыл", "Жапар", "Жанар"].sort(compareKyrgyz)).toEqual(["Жанар", "Жаңыл", "Жапар"]);
  });

  it("ignores capitals and puts Cyrillic before Latin, digits before letters", () => {
    expect(["Tengri Pixel Studio", "ала-тоо", "Бишкек", "1С-Сервис", "Ала-Тоо Софтлаб"].sort(compareKyrgyz)).toEqual([
      "1С-Сервис",
      "ала-тоо",
      "Ала-Тоо Софтлаб",
      "Бишкек",
      "Tengri Pixel Studio",
    ]);
  });

  it("orders every demo name list as the CLDR ky collation does", () => {
    const ky = new Intl.Collator("ky");
    const lists = [
      [...kyrgyzMaleFirst, ...kyrgyzFemaleFirst],
      kyrgyzSurnamesMale,
      [...russianMaleFirst, ...russianFemaleFirst, ...russianSurnamesMale],
      companies.map((c) => c.name),
      regions.map((r) => r.ky),
    ];
    for (const list of lists) {
      expect([...list].sort(compareKyrgyz)).toEqual([...list].sort(ky.compare));
    }
  });

  it("gives keys whose plain string order is the same order (for SQLite's BINARY collation)", () => {
    const names = [...kyrgyzSurnamesMale, ...regions.map((r) => r.ky), ...schools.map((s) => s.name.ky), ...schools.map((s) => s.name.ru)];
    const byKey = [...names].sort((a, b) => {
      const ka = Buffer.from(kyrgyzSortKey(a), "utf8");
      const kb = Buffer.from(kyrgyzSortKey(b), "utf8");
      return Buffer.compare(ka, kb);
    });
    expect(byKey).toEqual([...names].sort(compareKyrgyz));
  });

  it("sorts records by a name field without changing the input", () => {
    const rows = [{ name: "Үсөнов" }, { name: "Усенов" }, { name: "Өмүрбеков" }, { name: "Осмонов" }];
    const sorted = sortByKyrgyzName(rows, (r) => r.name);
    expect(sorted.map((r) => r.name)).toEqual(["Осмонов", "Өмүрбеков", "Усенов", "Үсөнов"]);
    expect(rows[0].name).toBe("Үсөнов");
  });
});
