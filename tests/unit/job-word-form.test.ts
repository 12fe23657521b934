// The admin's job-word form (app/domain/search/job-word-form.ts): lines to words and the one-class
// rule, on the shipped seed (docs/decisions/047-job-words-stored.md).
import { describe, expect, it } from "vitest";
import { firstClassConflict, jobWordsField, wordLines } from "~/domain/search/job-word-form";
import { JOB_WORD_CLASSES, makeJobWordTable } from "~/domain/search/job-words";

const without = (slug: string) => makeJobWordTable(JOB_WORD_CLASSES.filter((c) => c.slug !== slug));

describe("the words field", () => {
  it("keeps one word or phrase per line: trimmed, inner spaces single, empty lines and repeats dropped", () => {
    expect(wordLines("  фронтенд \r\n\n\nfrontend\r  иштеп   чыгуучу\nФронтенд\n")).toEqual(["фронтенд", "frontend", "иштеп чыгуучу"]);
    expect(wordLines("стажёр\nстажер")).toEqual(["стажёр", "стажер"]);
  });

  it("accepts 1–60 characters with a letter or digit, and refuses the rest with its message", () => {
    const parse = (text: unknown) => jobWordsField.safeParse(text);
    expect(parse(`qa\n${"я".repeat(60)}`).success).toBe(true);
    const message = (text: unknown) => {
      const r = parse(text);
      return r.success ? null : r.error.issues[0]!.message;
    };
    expect(message(`qa\n${"я".repeat(61)}`)).toBe("jobWords.wordTooLong");
    expect(message("\n  \n")).toBe("jobWords.noWords");
    expect(message(undefined)).toBe("jobWords.noWords");
    expect(message("qa\n---")).toBe("jobWords.wordNoLetters");
    for (const bad of ["a\0b", "тест\u202eер", "qa\u200b", "x\ud800"]) expect(message(bad), JSON.stringify(bad)).toBe("jobWords.wordInvalid");
    expect(message(Array.from({ length: 101 }, (_, i) => `слово${i}`).join("\n"))).toBe("jobWords.tooMany");
  });
});

describe("one class per word", () => {
  it("finds a word of another class in any form, case and ё, and names the class", () => {
    expect(firstClassConflict(without("tester"), ["тестировщик", "Разработчиков"])).toMatchObject({ word: "Разработчиков", cls: { slug: "developer" } });
    expect(firstClassConflict(without("frontend"), ["СТАЖЁРЫ"])?.cls.slug).toBe("intern");
    expect(firstClassConflict(without("frontend"), ["front end"])).toBeNull(); // frontend's own phrase, its class left out
    expect(firstClassConflict(without("designer"), ["front end"])?.cls.slug).toBe("frontend");
  });

  it("takes a phrase as taken only when another class reads all of it as one entry", () => {
    expect(firstClassConflict(without("frontend"), ["иштеп чыгуучулар"])?.cls.slug).toBe("developer");
    expect(firstClassConflict(without("frontend"), ["веб иштеп чыгуучу", "веб-разработчик", "программачы"])).toBeNull();
  });

  it("passes every shipped class against the others", () => {
    for (const cls of JOB_WORD_CLASSES) expect(firstClassConflict(without(cls.slug), cls.words), cls.slug).toBeNull();
  });
});
