// Issue 16 on the demo data (docs/product.md §14, docs/decisions/045-search-index-and-tiers.md):
// the board and the directory find each inflected form, each other-script spelling and each
// cross-language job word that their base form finds (at least 80 % of it, and its best hits);
// exact hits rank above stem hits, those above job-word hits, typo hits come only when nothing
// else matched; "did you mean"; and adding a word to a vacancy never loses it a search.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { createRandom } from "@db/seed/random";
import { searchVacancies } from "~/models/board.server";
import { searchGraduates } from "~/models/directory.server";
import { refreshVacancySearch } from "~/models/search-index.server";
import type { Viewer } from "~/domain/visibility";
import { closeTestDatabases, createDemoTestDatabase } from "../support/db";

let c: Connection;
beforeAll(async () => {
  // The demo as seedDemoData writes it, generated once per run (tests/support/db.ts).
  c = await createDemoTestDatabase();
}, 300_000);
afterAll(closeTestDatabases);

const staff: Viewer = { kind: "staff", userId: 1, schoolIds: null };
const ALL = 1000;

async function board(q: string) {
  const r = await searchVacancies(c.db, { q, pageSize: ALL, sort: "relevance" });
  return { ids: r.items.map((i) => i.id), total: r.total, result: r };
}
async function directory(q: string) {
  const ids: number[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const r = await searchGraduates(c.db, staff, { q, page, sort: "relevance" });
    total = r.total;
    ids.push(...r.items.map((i) => i.id));
    if (page >= r.pages) break;
  }
  return { ids, total };
}

/** The variant finds at least 80 % of what the base form finds, and the base form's three best hits. */
function expectCovers(base: number[], variant: number[], label: string) {
  expect(base.length, `${label}: the base form finds something`).toBeGreaterThan(0);
  const found = new Set(variant);
  const covered = base.filter((id) => found.has(id)).length;
  expect(covered / base.length, `${label}: ${covered} of ${base.length}`).toBeGreaterThanOrEqual(0.8);
  for (const best of base.slice(0, 3)) expect(found.has(best), `${label}: best hit ${best}`).toBe(true);
}

describe("the job board on the demo data (issue 16, first paragraph)", () => {
  const cases: [string, string[]][] = [
    ["дизайнер", ["дизайнера", "дизайнеры", "designer"]],
    ["разработчик", ["разработчиков", "developer"]],
    ["тестировщик", ["тестировщика", "QA"]],
    ["иштеп чыгуучу", ["иштеп чыгуучулар", "иштеп чыгуучуну", "разработчик"]],
    ["фронтенд", ["frontend"]],
    ["python", ["питон"]],
  ];
  for (const [base, variants] of cases)
    it(`«${base}»: ${variants.map((v) => `«${v}»`).join(", ")} find what it finds`, async () => {
      const b = await board(base);
      for (const v of variants) expectCovers(b.ids, (await board(v)).ids, `${base} → ${v}`);
    });

  it("ranks exact hits first: every vacancy whose title holds the typed word comes before those that only hold its forms", async () => {
    const r = (await board("дизайнера")).result;
    const exact = r.items.map((v) => /дизайнера/i.test(v.title));
    expect(exact.indexOf(false)).toBeGreaterThanOrEqual(0);
    // No exact-title hit after the first non-exact one (title is the heaviest column).
    const firstLoose = exact.indexOf(false);
    expect(exact.slice(firstLoose).filter(Boolean)).toEqual([]);
  });
});

describe("the graduate directory on the demo data", () => {
  const cases: [string, string[]][] = [
    ["Токтогулов", ["Toktogulov", "токтогулов"]],
    ["Жылдыз", ["Zhyldyz", "Jyldyz"]],
  ];
  for (const [base, variants] of cases)
    it(`«${base}»: ${variants.map((v) => `«${v}»`).join(", ")} find what it finds`, async () => {
      const b = await directory(base);
      for (const v of variants) expectCovers(b.ids, (await directory(v)).ids, `${base} → ${v}`);
    });

  it("forgives one typo in a name only when nothing else matched, and says which spelling it used", async () => {
    const base = await directory("Токтогулов");
    const typo = await searchGraduates(c.db, staff, { q: "Токтогулв", sort: "relevance" });
    expect(typo.total).toBeGreaterThanOrEqual(base.total);
    expect(typo.alsoWords).toContain("токтогулов");
    expect(typo.suggestion).toBeNull();
    const latin = await searchGraduates(c.db, staff, { q: "Toktogulv" });
    expect(latin.total).toBeGreaterThan(0);
  });
});

describe("did you mean", () => {
  it("offers the corrected query when the text finds nothing and the correction finds something", async () => {
    const r = await searchVacancies(c.db, { q: "разрабочик" });
    expect(r.total).toBe(0);
    expect(r.suggestion).toBe("разработчик");
    expect((await searchVacancies(c.db, { q: r.suggestion! })).total).toBeGreaterThan(0);
  });

  it("offers nothing for text that finds something, or for nonsense", async () => {
    expect((await searchVacancies(c.db, { q: "разработчик" })).suggestion).toBeNull();
    expect((await searchVacancies(c.db, { q: "щщщщщщщ" })).suggestion).toBeNull();
  });
});

describe("property: adding a word to a vacancy's text never makes it disappear from a search that found it", () => {
  it("holds over many random vacancies, queries and added words", async () => {
    const random = createRandom(16);
    const open = (await c.db
      .selectFrom("vacancies as v")
      .innerJoin("companies as c", "c.id", "v.company_id")
      .select(["v.id", "v.title", "v.description"])
      .where("v.status", "=", "open")
      .where("c.status", "=", "verified")
      .execute()) as { id: number; title: string; description: string }[];
    const added = ["разработчик", "дизайнера", "Toktogulov", "иштеп", "чыгуучулар", "QA", "питон", "стажёр", "и", "frontend", "NEAR", "OR", '"', "*", "Ёлка"];
    const queries = ["разработчик", "иштеп чыгуучу", "дизайнер", "тестировщика", "python", "стажер", "junior", "frontend", "SQL", "фронтенд"];
    let checked = 0;
    for (let n = 0; n < 60; n++) {
      const v = random.pick(open);
      const words = v.title.match(/[\p{L}\p{N}]+/gu) ?? [];
      const q = random.chance(0.5) && words.length ? random.pick(words) : random.pick(queries);
      const before = await searchVacancies(c.db, { q, onlyIds: [v.id] });
      if (before.total === 0) continue;
      const extra = random.pick(added);
      const description = random.chance(0.5) ? `${v.description}<p>${extra}</p>` : `<p>${extra}</p>${v.description}`;
      await c.db.updateTable("vacancies").set({ description }).where("id", "=", v.id).execute();
      await refreshVacancySearch(c.db, v.id);
      const after = await searchVacancies(c.db, { q, onlyIds: [v.id] });
      expect(after.total, `«${q}» lost vacancy ${v.id} after adding «${extra}»`).toBe(1);
      await c.db.updateTable("vacancies").set({ description: v.description }).where("id", "=", v.id).execute();
      await refreshVacancySearch(c.db, v.id);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe("the staff graduate list on the demo data", () => {
  it("finds what the Cyrillic surname finds when typed in Latin, inflected or with one typo; and an invitation code", async () => {
    const { findGraduatesForStaff } = await import("~/models/verification.server");
    const base = await findGraduatesForStaff(c.db, "Токтогулов", 200);
    expect(base.total).toBeGreaterThan(0);
    for (const v of ["Toktogulov", "Токтогулова", "Токтогулв"])
      expectCovers(
        base.graduates.map((g) => g.id),
        (await findGraduatesForStaff(c.db, v, 200)).graduates.map((g) => g.id),
        `staff list: Токтогулов → ${v}`,
      );
    const code = await c.db.selectFrom("invitations").select(["code", "graduate_id"]).orderBy("id").executeTakeFirstOrThrow();
    expect((await findGraduatesForStaff(c.db, code.code.toLowerCase())).graduates[0]?.id).toBe(code.graduate_id);
  });
});

describe("hostile and odd text", () => {
  it("never throws on any of the three searches, in any tier (typed FTS5 syntax stays plain words)", async () => {
    const { findGraduatesForStaff } = await import("~/models/verification.server");
    const payloads = [
      '"',
      'NEAR("a" "b", 1)',
      "title: x",
      "{title description}: x",
      "a OR b AND NOT c",
      "-x ^y *z",
      "x".repeat(300),
      "ё".repeat(70),
      Array.from({ length: 30 }, (_, i) => `слово${i}`).join(" "),
      "1С Битрикс",
      "C++ c# .NET",
      "Pythonист джаваскриптер",
      "שלום مرحبا",
      "😀 💼",
      "\u0000\u0001",
      "Токтогулв Жылдызз Разрабочик",
      "иштеп чыгуучу иштеп чыгуучу иштеп",
    ];
    for (const q of payloads) {
      await expect(searchVacancies(c.db, { q }), q).resolves.toBeTruthy();
      await expect(searchGraduates(c.db, staff, { q }), q).resolves.toBeTruthy();
      await expect(findGraduatesForStaff(c.db, q), q).resolves.toBeTruthy();
    }
  });
});
