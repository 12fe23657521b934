// Every list sorted by a name follows the Kyrgyz alphabet (docs/product.md §14,
// docs/decisions/046-small-list-search-and-kyrgyz-order.md). SQLite's ORDER BY on a name column
// compares code points (ң, ө, ү after я), and localeCompare / Intl.Collator follow the reader's
// locale (the ru and en collations do not know ң, ө, ү as letters of the alphabet). So names are
// ordered by app/domain/search/kyrgyz-order.ts in TypeScript, or in SQL by a stored key kept by
// triggers (graduates.name_sort_key, migration 0013). This check finds the other ways in models,
// routes and components.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIRS = ["app/models", "app/routes", "app/components", "app/domain"];
const NAME_COLUMN = String.raw`(?:\w+\.)?(?:name|name_(?:ky|ru|en)|first_name|last_name|display_name|title|label)`;

const RULES: [string, RegExp][] = [
  ["orders SQL by a name column", new RegExp(String.raw`\.orderBy\(\s*["'\x60]${NAME_COLUMN}["'\x60]`, "g")],
  ["orders SQL by a name column", new RegExp(String.raw`\border by\b[^\x60;]*?\b${NAME_COLUMN}\b(?!\s*\()`, "gi")],
  // An entry of an order table ({ name: sql`…last_name…` }) used as ORDER BY ${orderBy}.
  ["orders SQL by a name column", /\bname:\s*sql\x60[^\x60]*?\b(?:last_name|first_name|display_name)\b/g],
  ["compares names with localeCompare", /\b\w*(?:name|label|title)\w*\s*\.localeCompare\(/gi],
  ["sorts with Intl.Collator", /\bIntl\.Collator\b/g],
];

/**
 * Known places, each with why it may stay (the board's company options are re-sorted by its route).
 */
const ALLOWED = new Set<string>([
  // A vacancy card's top skills: required first, then a stable tie-break, never shown as a list "by name".
  "app/models/board.server.ts: orders SQL by a name column: order by vs.required desc, s.name_en",
  // The board's company options: vacancies._index.tsx re-sorts them with sortOptions.
  "app/models/board.server.ts: orders SQL by a name column: order by c.name",
  // A directory card's top skills: verified and higher levels first, the name only breaks ties.
  'app/models/directory.server.ts: orders SQL by a name column: order by ${searched} desc, ${rankOf("gs.source", SOURCE_RANK)} desc, ${rankOf("gs.level", LEVEL_RANK)} desc, sk.name_en',
]);

function offenders(file: string, source: string): string[] {
  const found: string[] = [];
  for (const [what, re] of RULES) {
    for (const m of source.matchAll(re)) found.push(`${file}: ${what}: ${m[0].replace(/\s+/g, " ").trim()}`);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && p !== path.join("app", "domain", "search", "kyrgyz-order.ts") ? [p] : [];
  });
}

describe("lists sorted by name use the Kyrgyz order", () => {
  it("the check recognises each way around it", () => {
    expect(offenders("x.ts", '.orderBy("users.display_name")')).toHaveLength(1);
    expect(offenders("x.ts", ".orderBy('name_en')")).toHaveLength(1);
    expect(offenders("x.ts", "sql`select * from companies c order by c.name, c.id`")).toHaveLength(1);
    expect(offenders("x.ts", "rows.sort((a, b) => a.name.localeCompare(b.name, lang))")).toHaveLength(1);
    expect(offenders("x.ts", "const collator = new Intl.Collator(lang);")).toHaveLength(1);
    expect(offenders("x.ts", '.orderBy("graduates.name_sort_key").orderBy("id")')).toEqual([]);
    expect(offenders("x.ts", "a.key.localeCompare(b.key)")).toEqual([]);
    expect(offenders("x.ts", "order by seq limit ?")).toEqual([]);
    expect(offenders("x.ts", "const orderBy = { name: sql`g.last_name, g.first_name, g.id` }")).toHaveLength(1);
  });

  it("no model, route or component orders names another way", () => {
    const files = DIRS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(150);
    const found = files.flatMap((f) => offenders(f.split(path.sep).join("/"), fs.readFileSync(f, "utf8")));
    expect(found.filter((f) => !ALLOWED.has(f))).toEqual([]);
  });
});

describe("sorting by the name a page shows", () => {
  it("orders options in the Kyrgyz alphabet with numbers by value, and rows by the reader's language", async () => {
    const { sortByShownName, sortOptions } = await import("~/domain/search/name-order");
    const labels = ["лицей №14", "Үч-Коргон", "лицей №6", "Ош", "Өзгөн", "Нарын", "Ноокат"].map((label) => ({ label }));
    expect(sortOptions(labels).map((o) => o.label)).toEqual(["лицей №6", "лицей №14", "Нарын", "Ноокат", "Ош", "Өзгөн", "Үч-Коргон"]);
    const rows = [
      { name_ky: "Өзгөн району", name_ru: "Узгенский район", name_en: "Uzgen District" },
      { name_ky: "Ош шаары", name_ru: "город Ош", name_en: "Osh City" },
    ];
    expect(sortByShownName(rows, "ky").map((r) => r.name_ky)).toEqual(["Ош шаары", "Өзгөн району"]);
    expect(sortByShownName(rows, "ru").map((r) => r.name_ru)).toEqual(["город Ош", "Узгенский район"]);
    expect(sortByShownName(rows, "en").map((r) => r.name_en)).toEqual(["Osh City", "Uzgen District"]);
  });

  it("orders skill chips by the shown name inside the groups a page keeps (required first)", async () => {
    const { sortByShownName } = await import("~/domain/search/name-order");
    // The English order (Git, Haskell, Office, Yandex) is not the Kyrgyz one, and ky is not ru.
    const chips = [
      { name_ky: "Яндекс", name_ru: "Яндекс", name_en: "Yandex", required: 1 },
      { name_ky: "Өнөр", name_ru: "Ремесло", name_en: "Haskell", required: 0 },
      { name_ky: "Офис", name_ru: "Офис", name_en: "Office", required: 1 },
      { name_ky: "Үн", name_ru: "Голос", name_en: "Git", required: 1 },
      { name_ky: "Ноокат", name_ru: "Ноокат", name_en: "Nookat", required: 0 },
    ];
    const required = (c: (typeof chips)[number]) => -c.required;
    expect(sortByShownName(chips, "ky", required).map((c) => c.name_ky)).toEqual(["Офис", "Үн", "Яндекс", "Ноокат", "Өнөр"]);
    expect(sortByShownName(chips, "ru", required).map((c) => c.name_ru)).toEqual(["Голос", "Офис", "Яндекс", "Ноокат", "Ремесло"]);
    expect(sortByShownName(chips, "en", required).map((c) => c.name_en)).toEqual(["Git", "Office", "Yandex", "Haskell", "Nookat"]);
    expect(sortByShownName(chips, "ky").map((c) => c.name_ky)).toEqual(["Ноокат", "Офис", "Өнөр", "Үн", "Яндекс"]);
  });
});
