// The one cohort name of the staff pages and cohort menus (app/i18n/cohort-label.ts): the school in
// the reader's language and the full graduation date in that language's form.
import { describe, expect, it } from "vitest";
import { cohortLabel, cohortOptions } from "~/i18n/cohort-label";
import { en } from "~/i18n/messages/en";
import { ky } from "~/i18n/messages/ky";
import { ru } from "~/i18n/messages/ru";
import { makeT } from "~/i18n/translate";

const school = { name_ky: "Ош колледжи", name_ru: "Ошский колледж", name_en: "Osh College" };

describe("cohortLabel", () => {
  it("names the school in the reader's language and the date in its form", () => {
    expect(cohortLabel(makeT(ky, "ky"), "ky", school, "2026-03-06")).toBe("Ош колледжи — 2026-ж., 6-март");
    expect(cohortLabel(makeT(ru, "ru"), "ru", school, "2026-03-06")).toBe("Ошский колледж — 6 марта 2026 г.");
    expect(cohortLabel(makeT(en, "en"), "en", school, "2026-03-06")).toBe("Osh College — 6 March 2026");
  });

  it("gives a menu one option a cohort, in the order given, valued by the cohort's id", () => {
    const options = cohortOptions(makeT(en, "en"), "en", [
      { id: 7, graduation_date: "2026-06-30", ...school },
      { id: 3, graduation_date: "2025-12-20", ...school, name_en: "Bishkek School" },
    ]);
    expect(options).toEqual([
      { value: 7, label: "Osh College — 30 June 2026" },
      { value: 3, label: "Bishkek School — 20 December 2025" },
    ]);
  });
});
