// The job-word table (issue 16 item 3): title words across ky/ru/en, in any inflected form,
// on the demo vacancy titles of db/seed/data/vacancy-texts.ts.
import { describe, expect, it } from "vitest";
import { JOB_WORD_CLASSES, SEED_JOB_WORDS } from "~/domain/search/job-words";

const { classOf: jobWordClassOf, wordsIn: jobWordsIn, equivalents: jobWordEquivalents } = SEED_JOB_WORDS;
import { stemsOf } from "~/domain/search/stemmers";
import { vacancyTitles } from "@db/seed/data/vacancy-texts";

const slugOf = (word: string) => jobWordClassOf(word)?.slug;

describe("job words across languages", () => {
  it("puts the issue's pairs in one class each", () => {
    expect(slugOf("frontend")).toBe("frontend");
    expect(slugOf("фронтенд")).toBe("frontend");
    expect(slugOf("backend")).toBe("backend");
    expect(slugOf("бэкенд")).toBe("backend");
    for (const w of ["тестировщик", "QA", "тестирлөөчү", "tester"]) expect(slugOf(w), w).toBe("tester");
    for (const w of ["стажёр", "стажер", "стажировка", "intern", "internship", "практикант"]) expect(slugOf(w), w).toBe("intern");
    expect(slugOf("designer")).toBe("designer");
    expect(slugOf("developer")).toBe("developer");
    expect(slugOf("programmer")).toBe("programmer");
    expect(slugOf("программист")).toBe("programmer");
  });

  it("finds a class from any inflected form, in each language", () => {
    for (const w of ["разработчиков", "разработчика", "developers"]) expect(slugOf(w), w).toBe("developer");
    for (const w of ["тестировщика", "тестировщики", "тестирлөөчүлөр", "тестирлөөчүнү", "testers"]) expect(slugOf(w), w).toBe("tester");
    for (const w of ["стажёра", "стажеров", "стажировки", "interns"]) expect(slugOf(w), w).toBe("intern");
    for (const w of ["дизайнера", "дизайнеры", "дизайнерлер", "designers"]) expect(slugOf(w), w).toBe("designer");
  });

  it("matches the Kyrgyz phrase иштеп чыгуучу in its forms, and inside a hyphenated title", () => {
    for (const text of ["иштеп чыгуучу", "иштеп чыгуучулар", "иштеп чыгуучуну"]) {
      expect(
        jobWordsIn(text).map((m) => m.cls.slug),
        text,
      ).toEqual(["developer"]);
    }
    expect(jobWordsIn("Фронтенд-иштеп чыгуучу (стажер)").map((m) => [m.cls.slug, m.start, m.length])).toEqual([
      ["frontend", 0, 1],
      ["developer", 1, 2],
      ["intern", 3, 1],
    ]);
    expect(jobWordsIn("Системный администратор (junior)").map((m) => m.cls.slug)).toEqual(["sysadmin", "junior"]);
  });

  it("leaves words of other meanings alone (the activity is not the job title)", () => {
    for (const w of ["разработка", "дизайн", "тест", "тестирование", "работа", "команда", "international", "internal", "иштеп", "чыгуу"]) {
      expect(slugOf(w), w).toBeUndefined();
    }
  });

  it("expands a query word to every word of its class", () => {
    expect(jobWordEquivalents("тестировщика")).toEqual(expect.arrayContaining(["тестировщик", "qa", "tester", "тестирлөөчү"]));
    expect(jobWordEquivalents("frontend")).toEqual(expect.arrayContaining(["фронтенд", "frontend"]));
    expect(jobWordEquivalents("Python")).toEqual([]);
  });

  it("has no word in two classes (a word's stems name one class)", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const cls of JOB_WORD_CLASSES) {
      for (const phrase of cls.words) {
        if (phrase.includes(" ")) continue;
        for (const stem of stemsOf(phrase.replace(/-/g, ""))) {
          const had = owner.get(stem);
          if (had && had !== cls.slug) clashes.push(`${stem}: ${had} / ${cls.slug}`);
          owner.set(stem, cls.slug);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it("recognises a job word in every demo vacancy title", () => {
    const without = Object.values(vacancyTitles)
      .flat()
      .filter((title) => jobWordsIn(title).length === 0);
    expect(without).toEqual([]);
  });
});
