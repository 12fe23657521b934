// The in-memory ranker of small lists (docs/product.md §14, docs/decisions/046-small-list-search-and-kyrgyz-order.md),
// on the demo data's real names: companies, surnames and first names, the skills taxonomy.
import { describe, expect, it } from "vitest";
import { companies } from "@db/seed/data/companies";
import { kyrgyzFemaleFirst, kyrgyzMaleFirst, kyrgyzSurnamesMale, russianSurnamesMale } from "@db/seed/data/people";
import { skills } from "@db/seed/data/skills";
import { markMatches, MAX_QUERY_LENGTH, MAX_QUERY_WORDS, queryWordsOf, rankByQuery } from "~/domain/search/rank";

const companyNames = companies.map((c) => c.name);
const rankNames = (names: readonly string[], q: string) => rankByQuery(names, q, (n) => [n]);
const names = (r: { hits: { item: string }[] }) => r.hits.map((h) => h.item);
const tiers = (r: { hits: { item: string; tier: string }[] }) => r.hits.map((h) => `${h.item}: ${h.tier}`);
const skillTexts = (s: (typeof skills)[number]) => [s.en, s.ru, s.ky, ...(s.aliases ?? [])];
const rankSkills = (q: string) => rankByQuery(skills, q, skillTexts, { nameOf: (s) => s.en });

describe("rankByQuery: which items match", () => {
  it("finds a whole word exactly, and a name in the other script (Toktogulov, Zhyldyz/Jyldyz, Usonov/Üsönov)", () => {
    const people = [...kyrgyzSurnamesMale, ...russianSurnamesMale, "Үсөнов"];
    expect(names(rankNames(people, "Токтогулов"))).toEqual(["Токтогулов"]);
    expect(tiers(rankNames(people, "Toktogulov"))).toEqual(["Токтогулов: near"]);
    expect(tiers(rankNames(people, "Usonov"))).toContain("Үсөнов: near");
    expect(tiers(rankNames(people, "Üsönov"))).toContain("Үсөнов: near");
    const first = [...kyrgyzMaleFirst, ...kyrgyzFemaleFirst];
    for (const q of ["Zhyldyz", "Jyldyz", "жылдыз"]) expect(names(rankNames(first, q))).toContain("Жылдыз");
  });

  it("finds company names across scripts: «Мега Софт» = «Mega Soft», Son-Kol = Сон-Көл", () => {
    expect(names(rankNames([...companyNames, "Мега Софт"], "Mega Soft"))).toEqual(["Мега Софт"]);
    expect(names(rankNames(["Mega Soft", ...companyNames], "мега софт"))).toEqual(["Mega Soft"]);
    expect(tiers(rankNames(companyNames, "Son-Kol"))).toEqual(["Сон-Көл Софт: near"]);
  });

  it("takes the last word as a prefix from two letters, the others only as whole words", () => {
    expect(names(rankNames(kyrgyzSurnamesMale, "Токто"))).toContain("Токтогулов");
    expect(names(rankNames(kyrgyzSurnamesMale, "Tokto"))).toContain("Токтогулов");
    expect(names(rankNames(kyrgyzSurnamesMale, "Т"))).toEqual([]);
    // "Сон" is not the last word: it must be a whole word (Сон-Көл has it; Сонор does not).
    expect(names(rankNames([...companyNames, "Сонор Көл"], "Сон Кө"))).toEqual(["Сон-Көл Софт"]);
  });

  it("needs every typed word", () => {
    expect(names(rankNames(companyNames, "Tengri Pixel"))).toEqual(["Tengri Pixel Studio"]);
    expect(names(rankNames(companyNames, "Tengri Burana"))).toEqual([]);
  });

  it("matches inflected forms by stem (Софттун)", () => {
    expect(tiers(rankNames(companyNames, "Сулайман Софттун"))).toEqual(["Сулайман Софт: near"]);
  });

  it("tolerates one typo in words of four letters or more, never in shorter ones", () => {
    expect(tiers(rankNames(kyrgyzSurnamesMale, "Токтогулв"))).toEqual(["Токтогулов: typo"]);
    expect(tiers(rankNames(kyrgyzSurnamesMale, "Toktogulv"))).toEqual(["Токтогулов: typo"]);
    expect(names(rankNames(["Java", "Jest", "Vue.js"], "Jav"))).toEqual(["Java"]); // a prefix, not a typo
    expect(names(rankNames(["Ли", "Ким", "Пак"], "Кин"))).toEqual([]);
  });
});

describe("rankByQuery: order", () => {
  it("puts exact hits above prefix/stem/script hits, and those above typos", () => {
    // Аматов, and one edit away: Акматов, Аманов, Маматов (all real surnames of the demo data).
    expect(tiers(rankNames(kyrgyzSurnamesMale, "Аматов"))).toEqual(["Аматов: exact", "Акматов: typo", "Аманов: typo", "Маматов: typo"]);
    const r = rankNames(companyNames, "софт");
    expect(tiers(r)).toEqual(["Сон-Көл Софт: exact", "Сулайман Софт: exact", "Ала-Тоо Софтлаб: near", "Bugu Soft: near", "Kerege Software: near"]);
  });

  it("lists within a tier in Kyrgyz alphabetical order (ө after о, ү after у), and everything so without a query", () => {
    const list = ["Үсөнов", "Яковлев", "Осмонов", "Уулу", "Өмүрбеков", "Нурланов", "Ңурлан"];
    const all = rankNames(list, "");
    expect(all.searched).toBe(false);
    expect(names(all)).toEqual(["Нурланов", "Ңурлан", "Осмонов", "Өмүрбеков", "Уулу", "Үсөнов", "Яковлев"]);
    expect(names(rankNames(list, "ов"))).toEqual([]); // a prefix of no word (it is an ending)
  });

  it("orders by the name the page shows, not the first text found", () => {
    const rows = [
      { en: "Ulan", ky: "Үлан" },
      { en: "Osmon", ky: "Осмон" },
    ];
    expect(rankByQuery(rows, "", (r) => [r.en, r.ky], { nameOf: (r) => r.ky }).hits.map((h) => h.item.ky)).toEqual(["Осмон", "Үлан"]);
  });
});

describe("rankByQuery: the skills taxonomy (names in three languages and aliases)", () => {
  it("finds a skill by an alias in another script: питон, джаваскрипт, верстка", () => {
    expect(rankSkills("питон").hits.map((h) => h.item.slug)).toEqual(["python"]);
    expect(rankSkills("джаваскрипт").hits.map((h) => h.item.slug)).toEqual(["javascript"]);
    expect(rankSkills("верстка").hits.map((h) => h.item.slug)).toContain("html-css-layout");
    expect(rankSkills("вёрстка").hits[0]!.tier).toBe("exact");
  });

  it("finds «Pyhton» (a typo) as Python, offering the right spelling", () => {
    const r = rankSkills("Pyhton");
    expect(r.hits.map((h) => `${h.item.slug}: ${h.tier}`)).toEqual(["python: typo"]);
    expect(r.suggestion).toBe("Python");
  });

  it("keeps a typo hit below exact hits in the same list", () => {
    const list = [...skills.map((s) => s.en), "Pyhton tutor"];
    const r = rankNames(list, "Python");
    expect(r.hits[0]).toEqual({ item: "Python", tier: "exact" });
    expect(r.hits.at(-1)).toEqual({ item: "Pyhton tutor", tier: "typo" });
    expect(r.suggestion).toBeNull();
  });
});

describe("did you mean", () => {
  it("suggests the list's spelling when nothing matched without a typo, and nothing when something did", () => {
    expect(rankNames(companyNames, "Tengri Pixle").suggestion).toBe("Tengri Pixel");
    expect(rankNames(companyNames, "Tengri Pixel").suggestion).toBeNull();
  });

  it("suggests a word one edit away even when the other words then find nothing", () => {
    const r = rankNames(companyNames, "Kumbez Dota xyz");
    expect(r.hits).toEqual([]);
    expect(r.suggestion).toBe("Kumbez Data xyz");
  });

  it("has nothing to suggest for a word with no neighbour or too short to correct", () => {
    expect(rankNames(companyNames, "zzzzzz").suggestion).toBeNull();
    expect(rankNames(companyNames, "Daa").suggestion).toBeNull();
  });
});

describe("hostile and odd queries", () => {
  it("reads at most 12 words of the first 200 characters, so a 10,000-character query is cheap and harmless", () => {
    expect(queryWordsOf("a ".repeat(5_000))).toHaveLength(MAX_QUERY_WORDS);
    // Cheap by construction, not by a clock (timed tests are flaky on a shared machine): only the
    // first MAX_QUERY_LENGTH characters are ever read.
    expect(queryWordsOf("x".repeat(10_000))).toEqual(["x".repeat(MAX_QUERY_LENGTH)]);
    const r = rankByQuery(skills, "x".repeat(10_000), skillTexts);
    expect(r.hits).toEqual([]);
  });

  it("treats FTS and SQL syntax as plain words", () => {
    expect(names(rankNames(companyNames, '"Tengri" OR * NEAR('))).toEqual([]);
    expect(names(rankNames(companyNames, "Tengri*"))).toEqual(["Tengri Pixel Studio"]);
    expect(names(rankNames(companyNames, "'; drop table companies; --"))).toEqual([]);
  });
});

describe("markMatches", () => {
  it("marks the words that matched, by the ranker's rules (script, prefix, typo), and gives the text back whole", () => {
    const seg = markMatches("Сон-Көл Софт", "son sof");
    expect(seg.map((s) => s.text).join("")).toBe("Сон-Көл Софт");
    expect(seg.filter((s) => s.hit).map((s) => s.text)).toEqual(["Сон", "Софт"]);
    expect(
      markMatches("Токтогулов Айбек", "Токтогулв")
        .filter((s) => s.hit)
        .map((s) => s.text),
    ).toEqual(["Токтогулов"]);
    expect(markMatches("Bugu Soft", "")).toEqual([{ text: "Bugu Soft", hit: false }]);
  });
});
