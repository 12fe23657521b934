// Latin ↔ Cyrillic names (issue 16 item 2): the demo names of db/seed/data/people.ts with the
// Latin spellings people type (passport, e-mail, English-style), both ways.
import { describe, expect, it } from "vitest";
import { sameSpelling, scriptKey, scriptKeysOf } from "~/domain/search/script-keys";
import { kyrgyzFemaleFirst, kyrgyzMaleFirst, kyrgyzSurnamesMale, russianFemaleFirst, russianMaleFirst } from "@db/seed/data/people";

/** Cyrillic spelling → Latin spellings in use. */
const NAMES: [string, string[]][] = [
  ["Токтогулов", ["Toktogulov"]],
  ["Жылдыз", ["Zhyldyz", "Jyldyz", "Jildiz"]],
  ["Үсөнов", ["Usonov", "Üsönov"]],
  ["Айгерим", ["Aigerim", "Aygerim"]],
  ["Азамат", ["Azamat"]],
  ["Бакыт", ["Bakyt", "Bakit"]],
  ["Нурлан", ["Nurlan"]],
  ["Айбек", ["Aibek", "Aybek"]],
  ["Жыргалбек", ["Zhyrgalbek", "Jyrgalbek"]],
  ["Кубанычбек", ["Kubanychbek", "Kubanichbek"]],
  ["Чынгыз", ["Chyngyz", "Chingiz"]],
  ["Данияр", ["Daniiar", "Daniyar"]],
  ["Өмүр", ["Omur", "Ömür"]],
  ["Таалай", ["Taalai", "Talay"]],
  ["Жоомарт", ["Zhoomart", "Joomart"]],
  ["Төлөгөн", ["Tologon", "Tölögön"]],
  ["Айжан", ["Aizhan", "Ayzhan", "Aijan"]],
  ["Мээрим", ["Meerim"]],
  ["Асель", ["Asel", "Assel"]],
  ["Гулнара", ["Gulnara"]],
  ["Чолпон", ["Cholpon"]],
  ["Жаңыл", ["Zhanyl", "Jangyl"]],
  ["Мөлдүр", ["Moldur"]],
  ["Үмүт", ["Umut", "Ümüt"]],
  ["Айкөкүл", ["Aikokul", "Aykokul"]],
  ["Нуржамал", ["Nurzhamal", "Nurjamal"]],
  ["Абдылдаев", ["Abdyldaev", "Abdyldayev"]],
  ["Жээнбеков", ["Zheenbekov", "Jeenbekov"]],
  ["Сыдыков", ["Sydykov", "Sidikov"]],
  ["Кочкоров", ["Kochkorov"]],
  ["Дуйшенбиев", ["Duishenbiev", "Duyshenbiev"]],
  ["Жолдошев", ["Zholdoshev", "Joldoshev"]],
  ["Ырысбеков", ["Yrysbekov", "Irisbekov"]],
  ["Шаршенов", ["Sharshenov"]],
  ["Чыныбаев", ["Chynybaev", "Chinibaev"]],
  ["Эсенов", ["Esenov"]],
  ["Дооронбеков", ["Dooronbekov", "Doronbekov"]],
  ["Хасанов", ["Khasanov", "Hasanov"]],
  ["Евгений", ["Evgenii", "Yevgeniy", "Evgeny"]],
  ["Юлия", ["Iuliia", "Yulia", "Yuliya"]],
  ["Дарья", ["Daria", "Darya"]],
  ["Алексей", ["Aleksei", "Alexey"]],
  ["Фёдоров", ["Fedorov"]],
  ["Щербаков", ["Shcherbakov"]],
  ["Елена", ["Elena", "Yelena"]],
  ["Ксения", ["Kseniya", "Ksenia", "Xenia"]],
  ["Наталья", ["Natalia", "Natalya"]],
  ["Цой", ["Tsoi", "Tsoy"]],
  ["Виктория", ["Viktoriia", "Victoria"]],
];

describe("scriptKey: Latin and Cyrillic spellings of one name meet", () => {
  it("covers at least 40 real Kyrgyz and Russian names", () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(40);
  });

  it("gives every Latin spelling the key of its Cyrillic name (Latin typed, Cyrillic stored)", () => {
    const missed = NAMES.flatMap(([cyr, latins]) =>
      latins.filter((l) => scriptKey(l) !== scriptKey(cyr)).map((l) => `${l}: ${scriptKey(l)} ≠ ${cyr}: ${scriptKey(cyr)}`),
    );
    expect(missed).toEqual([]);
  });

  it("gives the Cyrillic name the key of each Latin spelling (Cyrillic typed, Latin stored)", () => {
    for (const [cyr, latins] of NAMES) for (const l of latins) expect(sameSpelling(cyr, l), `${cyr} / ${l}`).toBe(true);
  });

  it("keeps different names apart", () => {
    const keys = new Map<string, string>();
    const clashes: string[] = [];
    for (const [cyr] of NAMES) {
      const k = scriptKey(cyr);
      if (keys.has(k)) clashes.push(`${keys.get(k)} / ${cyr}`);
      keys.set(k, cyr);
    }
    expect(clashes).toEqual([]);
    expect(sameSpelling("Асанов", "Usonov")).toBe(false);
    expect(sameSpelling("Айбек", "Aidar")).toBe(false);
  });

  it("gives each demo name a distinct key unless the names sound alike", () => {
    const all = [...kyrgyzMaleFirst, ...kyrgyzFemaleFirst, ...kyrgyzSurnamesMale, ...russianMaleFirst, ...russianFemaleFirst];
    const seen = new Map<string, string[]>();
    for (const name of new Set(all)) seen.set(scriptKey(name), [...(seen.get(scriptKey(name)) ?? []), name]);
    const shared = [...seen.values()].filter((names) => names.length > 1).map((n) => n.join(" = "));
    // Only true homophones in Latin may share a key (Эльдар and Элдар would); none in the demo lists.
    expect(shared).toEqual([]);
  });

  it("keys every word of a full name, ignoring punctuation", () => {
    expect(scriptKeysOf("Жылдыз Токтогулова")).toEqual(scriptKeysOf("Jyldyz TOKTOGULOVA"));
    expect(scriptKeysOf("Үсөнов, Айгерим")).toEqual(["usonov", "aigerim"]);
  });
});
