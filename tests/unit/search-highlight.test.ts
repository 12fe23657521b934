import { describe, expect, it } from "vitest";
import { correctedSearchHref } from "~/domain/search/full-text";
import { highlight, queryWordMatcher } from "~/domain/search/highlight";
import { closestSpelling, withinOneEdit } from "~/domain/search/spelling";

const marked = (text: string, query: string, also: string[] = []) =>
  highlight(text, queryWordMatcher(query, also))
    .filter((s) => s.hit)
    .map((s) => s.text);

describe("highlight", () => {
  it("gives the text back in order", () => {
    const text = "Frontend-разработчик (React), Бишкек";
    expect(
      highlight(text, queryWordMatcher("react"))
        .map((s) => s.text)
        .join(""),
    ).toBe(text);
  });

  it("marks exact words, inflected forms, the other script and the last word's prefix", () => {
    expect(marked("Ищем разработчиков и дизайнера", "разработчик дизайнер")).toEqual(["разработчиков", "дизайнера"]);
    expect(marked("Жылдыз Токтогулова", "Toktogulova")).toEqual(["Токтогулова"]);
    expect(marked("Python-разработчик", "pyth")).toEqual(["Python"]);
    expect(marked("Ёлка и елка", "елка")).toEqual(["Ёлка", "елка"]);
  });

  it("marks the words a query expanded to, and nothing for an empty query", () => {
    expect(marked("QA-инженер", "тестировщик", ["qa", "tester"])).toEqual(["QA"]);
    expect(marked("Любой текст", "")).toEqual([]);
  });
});

describe("spelling", () => {
  it("finds words one edit apart, and only those", () => {
    expect(withinOneEdit("токтогулов", "токтогулов")).toBe(true);
    expect(withinOneEdit("токтогулов", "тоткогулов")).toBe(true); // swap
    expect(withinOneEdit("токтогулов", "токтгулов")).toBe(true); // drop
    expect(withinOneEdit("токтогулов", "токтогуловв")).toBe(true); // add
    expect(withinOneEdit("питон", "пирон")).toBe(true); // change
    expect(withinOneEdit("питон", "питонов")).toBe(false);
    expect(withinOneEdit("react", "rust")).toBe(false);
  });

  it("suggests the most common near word, never for short or known words", () => {
    const vocabulary = [
      { term: "дизайнер", rows: 9 },
      { term: "дизайнеры", rows: 2 },
      { term: "qa", rows: 5 },
    ];
    expect(closestSpelling("дизайнер", vocabulary)).toBeNull();
    expect(closestSpelling("дизайнр", vocabulary)).toBe("дизайнер");
    expect(closestSpelling("qb", vocabulary)).toBeNull();
    expect(closestSpelling("совсемдругое", vocabulary)).toBeNull();
  });
});

describe("did-you-mean link", () => {
  it("keeps the other filters, replaces the text and starts from the first page", () => {
    expect(correctedSearchHref("/graduates", new URLSearchParams("q=Toktogulv&region=3&page=4"), "toktogulov")).toBe("/graduates?q=toktogulov&region=3");
    expect(correctedSearchHref("/staff/graduates", "", "асанов")).toBe(`/staff/graduates?q=${encodeURIComponent("асанов")}`);
    expect(correctedSearchHref("/vacancies", "q=x", null)).toBeNull();
  });
});
