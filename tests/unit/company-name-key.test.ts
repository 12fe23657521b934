import { describe, expect, it } from "vitest";
import { companyNameKey, htpNumberKey, otherScript } from "~/domain/companies/name-key";
import { htpOnDay } from "~/domain/companies/htp";

describe("company names across scripts (docs/product.md §6: pick a known company, any script)", () => {
  it("gives one key to a name in Latin or Cyrillic, any case, with quotes or a legal form", () => {
    const key = companyNameKey("Chong-Kemin Labs");
    for (const n of ["ОсОО «Чонг-Кемин Лабс»", "CHONG KEMIN LABS", "chong-kemin labs LLC", "Чонг Кемин Лабс"]) expect(companyNameKey(n), n).toBe(key);
    expect(companyNameKey("Ала-Тоо Софтлаб")).toBe(companyNameKey("Ala-Too Softlab"));
    expect(companyNameKey("Ала-Тоо Софт")).not.toBe(companyNameKey("Ала-Тоо Софтлаб"));
    expect(companyNameKey("ОсОО")).toBe("");
  });

  it("writes a name in the other script for picking lists", () => {
    expect(otherScript("Chong-Kemin Labs")).toBe("Чонг-Кемин Лабс");
    expect(otherScript("Ала-Тоо Софтлаб")).toBe("Ala-Too Softlab");
    expect(otherScript("CHONG")).toBe("ЧОНГ");
  });

  it("compares HTP numbers without prefix, case or separators", () => {
    expect(htpNumberKey("ПВТ-0421")).toBe(htpNumberKey("0421"));
    expect(htpNumberKey("HTP № 0421")).toBe(htpNumberKey("пвт 0421"));
    expect(htpNumberKey("ПВТ-0421")).not.toBe(htpNumberKey("ПВТ-0422"));
  });

  it("counts a job at an HTP resident when the company was verified on or before its start (a Bishkek day)", () => {
    const verified = { status: "verified", verified_at: "2025-01-10T20:00:00.000Z" }; // 11 January in Bishkek
    expect(htpOnDay(verified, "2025-01-10")).toBe(false);
    expect(htpOnDay(verified, "2025-01-11")).toBe(true);
    expect(htpOnDay({ status: "pending", verified_at: null }, "2030-01-01")).toBe(false);
    expect(htpOnDay({ status: "rejected", verified_at: null }, "2030-01-01")).toBe(false);
    expect(htpOnDay({ status: "verified", verified_at: null }, "2020-01-01")).toBe(true);
  });
});
