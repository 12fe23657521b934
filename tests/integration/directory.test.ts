// The graduate directory (/graduates): full-text search in any language, filters, order,
// pagination, who may list whom, and input that must never become a 500.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import type { SkillLevel, SkillSource, Visibility } from "@db/schema";
import { toFtsQuery } from "~/domain/search/full-text";
import { type DirectoryQuery, searchGraduates } from "~/models/directory.server";
import { refreshGraduateSearch } from "~/models/graduate-search.server";
import { resolveSkillText } from "~/models/skills.server";
import type { Viewer } from "~/domain/visibility";
import * as directory from "~/routes/_employer.graduates._index";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { signedIn } from "../support/factories";
import { call, get } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

const employer: Viewer = { kind: "employer", userId: 1, companyId: 1, verified: true };
const staff: Viewer = { kind: "staff", userId: 1, schoolIds: null };
const TODAY = "2026-01-15";

type GraduateSeed = {
  first: string;
  last: string;
  cohort: number;
  visibility?: Visibility;
  slug?: string;
  headline?: string;
  about?: string;
  region?: number | null;
  city?: string;
  relocate?: boolean;
  availableFrom?: string | null;
  publishedAt?: string | null;
  skills?: [text: string, source: SkillSource, level?: SkillLevel][];
  project?: { title: string; description?: string; skills?: string[] };
};

async function skillId(text: string): Promise<number> {
  const skill = await resolveSkillText(c.db, text);
  if (!skill) throw new Error(`no skill ${text} in the taxonomy`);
  return skill.id;
}

async function addGraduate(g: GraduateSeed): Promise<number> {
  const { id } = await c.db
    .insertInto("graduates")
    .values({
      cohort_id: g.cohort,
      first_name: g.first,
      last_name: g.last,
      slug: g.slug ?? null,
      headline: g.headline ?? null,
      about: g.about ?? null,
      region_id: g.region ?? null,
      city: g.city ?? null,
      willing_to_relocate: g.relocate ? 1 : 0,
      available_from: g.availableFrom ?? null,
      visibility: g.visibility ?? "public",
      published_at: g.publishedAt === undefined ? "2025-07-01T00:00:00.000Z" : g.publishedAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const [text, source, level] of g.skills ?? []) {
    await c.db
      .insertInto("graduate_skills")
      .values({ graduate_id: id, skill_id: await skillId(text), source, level: level ?? "intermediate", verified_by: null })
      .execute();
  }
  if (g.project) {
    const project = await c.db
      .insertInto("projects")
      .values({ graduate_id: id, title: g.project.title, description: g.project.description ?? null })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const text of g.project.skills ?? []) {
      await c.db
        .insertInto("project_skills")
        .values({ project_id: project.id, skill_id: await skillId(text) })
        .execute();
    }
  }
  await refreshGraduateSearch(c.db, id);
  return id;
}

async function cohortAt(schoolId: number, date: string): Promise<number> {
  const { id } = await c.db.insertInto("cohorts").values({ school_id: schoolId, graduation_date: date }).returning("id").executeTakeFirstOrThrow();
  return id;
}

/** Six graduates across two schools in two regions, one of them private, one anonymised. */
async function seed() {
  const [schoolA, schoolB] = await c.db.selectFrom("schools").select(["id", "region_id"]).orderBy("id").limit(2).execute();
  if (!schoolA || !schoolB || schoolA.region_id === schoolB.region_id) throw new Error("the reference schools should be in different regions");
  const a2025 = await cohortAt(schoolA.id, "2025-06-30");
  const a2026 = await cohortAt(schoolA.id, "2026-06-30");
  const b2025 = await cohortAt(schoolB.id, "2025-06-30");
  const ids = {
    aiperi: await addGraduate({
      first: "Айпери",
      last: "Жумабекова",
      cohort: a2025,
      slug: "aiperi-zhumabekova",
      visibility: "employers",
      headline: "Frontend-разработчица",
      about: "Делаю аккуратные интерфейсы на React",
      relocate: true,
      publishedAt: "2025-08-01T00:00:00.000Z",
      skills: [
        ["HTML CSS", "self", "advanced"],
        ["JavaScript", "staff", "intermediate"],
        ["React", "portfolio", "basic"],
      ],
    }),
    ermek: await addGraduate({
      first: "Эрмек",
      last: "Токтосунов",
      cohort: b2025,
      region: schoolA.region_id,
      city: "Бишкек",
      visibility: "public",
      headline: "Backend developer",
      about: "Builds REST APIs with Django",
      availableFrom: "2099-01-01",
      publishedAt: "2025-09-01T00:00:00.000Z",
      skills: [["Python", "module", "advanced"]],
      project: { title: "Запись к врачу", description: "Телеграм-бот для записи в поликлинику" },
    }),
    nurgul: await addGraduate({
      first: "Нургуль",
      last: "Алиева",
      cohort: a2026,
      visibility: "private",
      publishedAt: null,
      skills: [["Python", "self"]],
    }),
    alena: await addGraduate({
      first: "Алёна",
      last: "Ёлкина",
      cohort: a2026,
      visibility: "public",
      headline: "Тестировщица",
      publishedAt: "2025-10-01T00:00:00.000Z",
    }),
    bakyt: await addGraduate({
      first: "Бакыт",
      last: "Сыдыков",
      cohort: b2025,
      visibility: "public",
      headline: "Django developer",
      relocate: true,
      availableFrom: "2024-01-01",
      publishedAt: "2025-07-15T00:00:00.000Z",
      project: { title: "Deploy scripts", skills: ["Docker"] },
    }),
    gone: await addGraduate({
      first: "Азамат",
      last: "Уметов",
      cohort: a2025,
      visibility: "public",
      headline: "Python developer",
      skills: [["Python", "staff"]],
    }),
  };
  // Anonymised after being indexed: the listing itself must leave them out, index or not.
  await c.db.updateTable("graduates").set({ anonymised_at: "2025-12-01T00:00:00.000Z" }).where("id", "=", ids.gone).execute();
  return { ids, schoolA, schoolB, cohorts: { a2025, a2026, b2025 } };
}

async function ids(viewer: Viewer, query: DirectoryQuery): Promise<number[]> {
  const result = await searchGraduates(c.db, viewer, { today: TODAY, ...query });
  return result.items.map((i) => i.id);
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe("full-text search", () => {
  it("finds graduates by name, headline, about and project text", async () => {
    const { ids: g } = await seed();
    expect(await ids(employer, { q: "Жумабекова" })).toEqual([g.aiperi]);
    expect(await ids(employer, { q: "жумаб" })).toEqual([g.aiperi]); // prefix of the last word
    expect(await ids(employer, { q: "Айпери Жумабекова" })).toEqual([g.aiperi]);
    expect(await ids(employer, { q: "backend" })).toEqual([g.ermek]);
    expect(await ids(employer, { q: "REST APIs" })).toEqual([g.ermek]);
    expect(await ids(employer, { q: "интерфейсы" })).toEqual([g.aiperi]);
    expect(await ids(employer, { q: "телеграм" })).toEqual([g.ermek]);
    expect(await ids(employer, { q: "поликлинику" })).toEqual([g.ermek]);
    expect(await ids(employer, { q: "Жумабекова backend" })).toEqual([]); // every word must occur
  });

  it("finds a skill typed in Russian or Kyrgyz, in the search box and in the skill filter", async () => {
    const { ids: g } = await seed();
    // The "done" test: an employer finds them by a skill typed in Russian.
    expect(await ids(employer, { q: "питон" })).toEqual([g.ermek]);
    expect(await ids(employer, { skill: "питон" })).toEqual([g.ermek]);
    expect(await ids(employer, { skill: "ПИТОН" })).toEqual([g.ermek]);
    expect(await ids(employer, { q: "джаваскрипт" })).toEqual([g.aiperi]);
    expect(await ids(employer, { skill: "джаваскрипт" })).toEqual([g.aiperi]);
    // "HTML CSS" is claimed; its Russian alias "вёрстка" finds it with ё and with е.
    expect(await ids(employer, { q: "вёрстка" })).toEqual([g.aiperi]);
    expect(await ids(employer, { q: "верстка" })).toEqual([g.aiperi]);
    expect(await ids(employer, { skill: "верстка" })).toEqual([g.aiperi]);
    expect(await ids(employer, { skill: "вёрстка" })).toEqual([g.aiperi]);
    // The Kyrgyz name of the skill.
    const layout = await c.db.selectFrom("skills").select("name_ky").where("slug", "=", "html-css-layout").executeTakeFirstOrThrow();
    expect(await ids(employer, { q: layout.name_ky })).toEqual([g.aiperi]);
    expect(await ids(employer, { skill: layout.name_ky })).toEqual([g.aiperi]);
    // A skill used in a portfolio project counts for the filter too.
    expect(await ids(employer, { skill: "docker" })).toEqual([g.bakyt]);
  });

  it("matches a named skill exactly: Java is not JavaScript", async () => {
    const { ids: g } = await seed();
    expect(await ids(employer, { q: "Java" })).toEqual([]);
    expect(await ids(employer, { q: "javas" })).toEqual([g.aiperi]); // not a skill name: a prefix
  });

  it("finds holders of a skill named in the search even when the index is stale", async () => {
    const { cohorts } = await seed();
    const { id } = await c.db
      .insertInto("graduates")
      .values({ cohort_id: cohorts.a2025, first_name: "Тимур", last_name: "Беков", visibility: "public" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await c.db
      .insertInto("graduate_skills")
      .values({ graduate_id: id, skill_id: await skillId("C#"), source: "self", level: "basic", verified_by: null })
      .execute();
    expect(await ids(employer, { q: "C#" })).toEqual([id]);
    expect(await ids(employer, { q: "c#" })).toEqual([id]);
  });

  it("folds ё and е both ways", async () => {
    const { ids: g } = await seed();
    expect(await ids(employer, { q: "Алена" })).toEqual([g.alena]);
    expect(await ids(employer, { q: "Алёна" })).toEqual([g.alena]);
    expect(await ids(employer, { q: "елкина" })).toEqual([g.alena]);
    expect(await ids(employer, { q: "ЁЛКИНА" })).toEqual([g.alena]);
  });

  it("says when the skill filter names no skill", async () => {
    await seed();
    const result = await searchGraduates(c.db, employer, { skill: "клингонский" });
    expect(result).toMatchObject({ items: [], total: 0, unknownSkill: true, skill: null });
    const known = await searchGraduates(c.db, employer, { skill: "питон" });
    expect(known.unknownSkill).toBe(false);
    expect(known.skill?.slug).toBe("python");
  });

  it("ranks by bm25: a headline match before an about match", async () => {
    const { ids: g } = await seed();
    const result = await searchGraduates(c.db, employer, { q: "django" });
    expect(result.sort).toBe("relevance");
    expect(result.items.map((i) => i.id)).toEqual([g.bakyt, g.ermek]);
  });
});

describe("filters", () => {
  it("filters by school, cohort, region, availability and relocation", async () => {
    const { ids: g, schoolA, schoolB, cohorts } = await seed();
    expect(sorted(await ids(employer, { schoolId: schoolA.id }))).toEqual(sorted([g.aiperi, g.alena]));
    expect(sorted(await ids(staff, { schoolId: schoolA.id }))).toEqual(sorted([g.aiperi, g.alena, g.nurgul]));
    expect(sorted(await ids(employer, { schoolId: schoolB.id }))).toEqual(sorted([g.ermek, g.bakyt]));
    expect(await ids(employer, { cohortId: cohorts.a2025 })).toEqual([g.aiperi]);
    // Region: the graduate's own region first (Эрмек studied in B but lives in A's region),
    // the school's region when they gave none.
    expect(sorted(await ids(employer, { regionId: schoolA.region_id }))).toEqual(sorted([g.aiperi, g.alena, g.ermek]));
    expect(await ids(employer, { regionId: schoolB.region_id })).toEqual([g.bakyt]);
    // Available now: no date, or a date on or before today.
    expect(sorted(await ids(employer, { availableNow: true }))).toEqual(sorted([g.aiperi, g.alena, g.bakyt]));
    expect(await ids(employer, { availableNow: true, today: "2023-12-31", schoolId: schoolB.id })).toEqual([]);
    expect(await ids(employer, { availableNow: true, today: "2024-01-01", schoolId: schoolB.id })).toEqual([g.bakyt]);
    expect(sorted(await ids(employer, { relocate: true }))).toEqual(sorted([g.aiperi, g.bakyt]));
    // Filters combine with each other and with the search text.
    expect(await ids(employer, { relocate: true, schoolId: schoolB.id })).toEqual([g.bakyt]);
    // Айпери is a «Frontend-разработчица»: the job word «developer» finds her too, after the exact hit (issue 16).
    expect(await ids(employer, { q: "developer", relocate: true })).toEqual([g.bakyt, g.aiperi]);
    expect(await ids(employer, { q: "питон", availableNow: true })).toEqual([]);
  });

  it("returns what a card shows, with verified skills first", async () => {
    const { ids: g, schoolA } = await seed();
    const { items } = await searchGraduates(c.db, employer, { q: "Жумабекова" });
    const card = items[0]!;
    const school = await c.db.selectFrom("schools").selectAll().where("id", "=", schoolA.id).executeTakeFirstOrThrow();
    const region = await c.db.selectFrom("regions").selectAll().where("id", "=", schoolA.region_id).executeTakeFirstOrThrow();
    expect(card).toMatchObject({
      id: g.aiperi,
      slug: "aiperi-zhumabekova",
      first_name: "Айпери",
      last_name: "Жумабекова",
      headline: "Frontend-разработчица",
      school_ru: school.name_ru,
      school_en: school.name_en,
      school_ky: school.name_ky,
      graduation_date: "2025-06-30",
      region_en: region.name_en,
      available_from: null,
      willing_to_relocate: true,
      visibility: "employers",
      skill_count: 3,
    });
    // staff > module > portfolio > self, whatever the level.
    expect(card.skills.map((s) => [s.name_en, s.source])).toEqual([
      ["JavaScript", "staff"],
      ["React", "portfolio"],
      ["HTML/CSS layout", "self"],
    ]);
    // The skill searched for comes first.
    const bySkill = await searchGraduates(c.db, employer, { skill: "вёрстка" });
    expect(bySkill.items[0]!.skills[0]!.name_en).toBe("HTML/CSS layout");
  });
});

describe("who is listed", () => {
  it("shows employers the employer-visible and public profiles, staff also the private ones", async () => {
    const { ids: g } = await seed();
    expect(sorted(await ids(employer, {}))).toEqual(sorted([g.aiperi, g.ermek, g.alena, g.bakyt]));
    expect(sorted(await ids(staff, {}))).toEqual(sorted([g.aiperi, g.ermek, g.alena, g.bakyt, g.nurgul]));
    expect(await ids(employer, { q: "Алиева" })).toEqual([]);
    expect(await ids(staff, { q: "Алиева" })).toEqual([g.nurgul]);
    expect(sorted(await ids(staff, { q: "питон" }))).toEqual(sorted([g.ermek, g.nurgul]));
  });

  it("never lists anonymised graduates, by text, skill or filter", async () => {
    const { ids: g } = await seed();
    for (const viewer of [employer, staff]) {
      expect(await ids(viewer, {})).not.toContain(g.gone);
      expect(await ids(viewer, { q: "Уметов" })).toEqual([]);
      expect(await ids(viewer, { q: "Python developer" })).not.toContain(g.gone);
      expect(await ids(viewer, { skill: "Python" })).not.toContain(g.gone);
    }
  });
});

describe("order and pages", () => {
  it("sorts by name, availability and recency, with relevance only for a search", async () => {
    const { ids: g } = await seed();
    // Ёлкина sorts as Елкина (after Алиева, before Жумабекова).
    expect(await ids(staff, { sort: "name" })).toEqual([g.nurgul, g.alena, g.aiperi, g.bakyt, g.ermek]);
    expect(await ids(employer, { sort: "available" })).toEqual([g.bakyt, g.ermek, g.aiperi, g.alena]);
    expect(await ids(employer, { sort: "recent" })).toEqual([g.alena, g.ermek, g.aiperi, g.bakyt]);
    const noText = await searchGraduates(c.db, employer, { sort: "relevance" });
    expect(noText.sort).toBe("recent");
    expect(noText.items.map((i) => i.id)).toEqual([g.alena, g.ermek, g.aiperi, g.bakyt]);
  });

  it("pages by 20 with a total, deterministically, without overlap", async () => {
    const { cohorts } = await seed();
    for (let i = 0; i < 45; i++) {
      // Equal publication times and names: only the id can order them.
      await addGraduate({ first: "Тест", last: "Выпускник", cohort: cohorts.b2025, headline: "Стажёр", publishedAt: "2025-11-01T00:00:00.000Z" });
    }
    for (const sort of ["recent", "name", "available", "relevance"] as const) {
      const pages = [];
      for (let page = 1; page <= 3; page++) pages.push(await searchGraduates(c.db, employer, { q: "стажер", sort, page }));
      expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5]);
      expect(pages[0]!).toMatchObject({ total: 45, pages: 3, page: 1 });
      const all = pages.flatMap((p) => p.items.map((i) => i.id));
      expect(new Set(all).size).toBe(45);
      const again = await searchGraduates(c.db, employer, { q: "стажер", sort, page: 2 });
      expect(again.items.map((i) => i.id)).toEqual(pages[1]!.items.map((i) => i.id));
    }
    // Pages past the end show the last page; nonsense pages the first.
    expect((await searchGraduates(c.db, employer, { q: "стажер", page: 99 })).page).toBe(3);
    expect((await searchGraduates(c.db, employer, { q: "стажер", page: -1 })).page).toBe(1);
    expect((await searchGraduates(c.db, employer, { q: "стажер", page: Number.NaN })).page).toBe(1);
    const everyone = await searchGraduates(c.db, employer, {});
    expect(everyone).toMatchObject({ total: 49, pages: 3 });
  });

  it("reads a whole page in a fixed number of queries (no query per graduate)", async () => {
    await seed();
    const queries: string[] = [];
    const prepare = c.sqlite.prepare.bind(c.sqlite);
    c.sqlite.prepare = ((source: string) => {
      queries.push(source);
      return prepare(source);
    }) as typeof c.sqlite.prepare;
    try {
      const result = await searchGraduates(c.db, staff, {});
      expect(result.items.length).toBe(5);
      // the page's ids with the count (one match, docs/decisions/048), their cards and their skills, whatever the page holds.
      expect(queries).toHaveLength(3);
    } finally {
      c.sqlite.prepare = prepare;
    }
  });
});

describe("typed search text is never FTS5 syntax", () => {
  it("quotes every word and prefixes the last", () => {
    expect(toFtsQuery('Python NEAR(x) OR "y')).toBe('"Python" "NEAR" "x" "OR" "y"');
    expect(toFtsQuery("пит")).toBe('"пит"*');
    expect(toFtsQuery("вёрстка")).toBe('"верстка"*');
    expect(toFtsQuery("a")).toBe('"a"');
    expect(toFtsQuery('*^"():-+')).toBeNull();
    expect(toFtsQuery("x ".repeat(100))!.split(" ")).toHaveLength(12);
  });

  it("survives hostile and odd input", async () => {
    await seed();
    const nasty = [
      '"',
      "*",
      "NEAR(",
      "NEAR(a b, 2)",
      "OR",
      "AND",
      "NOT",
      "a OR",
      "OR b",
      "^",
      "^питон",
      "-",
      "+",
      "(",
      ")",
      "{name}: x",
      "name:Айпери",
      "headline : x",
      '"unterminated',
      "a*b*",
      "'; drop table graduates; --",
      "%",
      "_",
      "\\",
      "x".repeat(10_000),
      "слово ".repeat(500),
      "\u0000",
      "a\u0000b",
      "\u0007\u001b[31m",
      "\uD800",
      "😀",
      "🇰🇬 React",
      "e\u0301",
      "\u200b",
      "   ",
      "",
    ];
    for (const q of nasty) {
      for (const sort of ["relevance", "name"] as const) {
        await expect(searchGraduates(c.db, staff, { q, skill: q, sort }), JSON.stringify(q).slice(0, 40)).resolves.toBeTruthy();
        await expect(searchGraduates(c.db, staff, { q, sort }), JSON.stringify(q).slice(0, 40)).resolves.toBeTruthy();
      }
    }
    // Random strings of FTS5 punctuation and letters.
    const alphabet = ['"', "*", "^", "(", ")", ":", "-", "+", " ", "a", "я", "ё", "NEAR", "OR", "AND", "NOT", ",", "{", "}", "\u0000"];
    let seedValue = 42;
    const next = () => (seedValue = (seedValue * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 200; i++) {
      const q = Array.from({ length: 1 + (next() % 12) }, () => alphabet[next() % alphabet.length]).join("");
      await expect(searchGraduates(c.db, employer, { q }), JSON.stringify(q)).resolves.toBeTruthy();
    }
  });
});

describe("/graduates", () => {
  type Data = Awaited<ReturnType<typeof directory.loader>>;

  it("sends visitors to sign in, with the way back", async () => {
    const res = await call(directory.loader, get("/graduates?q=%D0%BF%D0%B8%D1%82%D0%BE%D0%BD"));
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/login?${new URLSearchParams({ redirectTo: "/graduates?q=%D0%BF%D0%B8%D1%82%D0%BE%D0%BD" })}`);
  });

  it("answers 403 to graduates and to employers without a verified company", async () => {
    const graduate = await signedIn(c, "graduate");
    const pending = await signedIn(c, "employer", "pending");
    const loner = await signedIn(c, "employer");
    for (const who of [graduate, pending, loner]) {
      expect((await call(directory.loader, get("/graduates", { cookie: who.cookie }))).status, who.email).toBe(403);
    }
  });

  it("lets verified employers, staff and admins search, by a skill typed in Russian", async () => {
    const { ids: g } = await seed();
    for (const who of [await signedIn(c, "employer", "verified"), await signedIn(c, "staff"), await signedIn(c, "admin")]) {
      const res = await call(directory.loader, get("/graduates?q=%D0%BF%D0%B8%D1%82%D0%BE%D0%BD&lng=ru", { cookie: who.cookie }));
      expect(res.status, who.role).toBe(200);
      const data = res.data as Data;
      expect(data.result.items.map((i) => i.id)).toContain(g.ermek);
      expect(data.result.items.map((i) => i.id).includes(g.nurgul)).toBe(who.role !== "employer");
      expect(data.result.qSkill).toBe("Python");
    }
  });

  it("reads every filter from the address and fills the selects in the reader's language", async () => {
    const { ids: g, schoolB, cohorts } = await seed();
    const who = await signedIn(c, "employer", "verified");
    const url = `/graduates?${new URLSearchParams({ skill: "джаваскрипт", school: "", region: "", cohort: "", available: "1", relocate: "1", sort: "name", lng: "ky" })}`;
    const res = await call(directory.loader, get(url, { cookie: who.cookie }));
    const data = res.data as Data;
    expect(data.query).toMatchObject({ skill: "джаваскрипт", available: true, relocate: true, sort: "name", page: 1, school: undefined });
    expect(data.result.items.map((i) => i.id)).toEqual([g.aiperi]);
    expect(data.result.skill).toBe("JavaScript");
    const schoolB_ky = await c.db.selectFrom("schools").select("name_ky").where("id", "=", schoolB.id).executeTakeFirstOrThrow();
    expect(data.schools.map((s) => s.label)).toContain(schoolB_ky.name_ky);
    expect(data.cohorts.find((x) => x.value === cohorts.b2025)?.label).toBe(`${schoolB_ky.name_ky} · 2025`);
    const unknown = await call(directory.loader, get("/graduates?skill=klingon", { cookie: who.cookie }));
    expect((unknown.data as Data).result).toMatchObject({ unknownSkill: true, total: 0 });
  });

  it("tolerates nonsense in the address", async () => {
    await seed();
    const who = await signedIn(c, "staff");
    for (const qs of [
      "page=-1",
      "page=abc",
      "page=1.5",
      "page=99999999999",
      "school=abc",
      "region=-3",
      "cohort=1e400",
      "sort=bogus",
      "available=maybe",
      `q=${encodeURIComponent('"NEAR( OR ^*')}`,
      `q=${"x".repeat(5000)}`,
      "q=%00%07",
      "q=%E0%A4%A",
      "q=a&q=b",
      "skill=%22*",
    ]) {
      const res = await call(directory.loader, get(`/graduates?${qs}`, { cookie: who.cookie }));
      expect(res.status, qs).toBe(200);
      const data = res.data as Data;
      expect(data.result.page, qs).toBe(1);
      expect(data.query.q.length, qs).toBeLessThanOrEqual(200);
      expect(data.query.q, qs).not.toMatch(/\p{Cc}/u);
    }
  });
});
