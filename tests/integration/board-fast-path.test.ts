// The job board's fast path (docs/decisions/049-board-search-speed.md: the narrow copy of the filter
// columns, the count as a window of the page query, the page's rows read by id) against its plain
// definition, on the demo generator's data set in real SQLite: the same vacancies in the same order
// with the same counts, on every order, filter and page, also past the last page and after writes.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { seedDemoData } from "@db/seed/demo";
import type { BoardQuery } from "~/domain/vacancies/board-query";
import type { BoardSort } from "~/domain/vacancies/options";
import { searchVacancies, VACANCIES_INDEX } from "~/models/board.server";
import { planTextSearch } from "~/models/full-text.server";
import { resolveSkillText } from "~/models/skills.server";
import { closeTestDatabases, createTestDatabase } from "../support/db";

let c: Connection;
beforeAll(async () => {
  c = await createTestDatabase();
  await seedDemoData(c);
}, 240_000);
afterAll(closeTestDatabases);

/** Small pages, so that every query has several. */
const PAGE_SIZE = 7;

type Row = {
  id: number;
  title: string;
  status: string;
  company_status: string;
  company_id: number;
  region_id: number | null;
  city: string | null;
  work_mode: string;
  employment_type: string;
  salary_hidden: number;
  salary_min: number | null;
  salary_max: number | null;
  published_at: string | null;
  deadline: string | null;
};

/** The board as docs/product.md §3, §4 define it, row by row in TypeScript: the wide table, no index, no window, one list. */
async function plainBoard(query: Partial<BoardQuery>) {
  const q = (query.q ?? "").trim();
  const skill = query.skill ? await resolveSkillText(c.db, query.skill) : null;
  const none = { ids: [] as number[], titles: [] as string[], total: 0, page: 1, pages: 1 };
  if (query.skill && !skill) return none;
  const { searching, withHits } = await planTextSearch(c.db, VACANCIES_INDEX, q);
  if (q && !searching) return none;
  const requested: BoardSort = query.sort ?? (searching ? "relevance" : "newest");
  const sort = requested === "relevance" && !searching ? "newest" : requested;
  const hits = searching
    ? new Map(
        (
          await sql<{ id: number; score: number | null; holder: number; tier: number }>`${withHits(true)}select id, score, holder, tier from hits`.execute(c.db)
        ).rows.map((h) => [h.id, h]),
      )
    : null;
  const holders = new Set(skill ? (c.sqlite.prepare("select vacancy_id from vacancy_skills where skill_id = ?").pluck().all(skill.id) as number[]) : []);
  const rows = (
    c.sqlite
      .prepare(
        `select v.id, v.title, v.status, c.status as company_status, v.company_id, v.region_id, v.city, v.work_mode, v.employment_type,
           v.salary_hidden, v.salary_min, v.salary_max, v.published_at, v.deadline
         from vacancies v not indexed join companies c on c.id = v.company_id`,
      )
      .all() as Row[]
  ).filter(
    (v) =>
      v.status === "open" &&
      v.company_status === "verified" &&
      (!hits || hits.has(v.id)) &&
      (!query.region || v.region_id === query.region) &&
      (!query.city || v.city === query.city) &&
      (!query.mode || v.work_mode === query.mode) &&
      (!query.type || v.employment_type === query.type) &&
      (!query.company || v.company_id === query.company) &&
      (!query.salary || (v.salary_hidden === 0 && (v.salary_min !== null || v.salary_max !== null))) &&
      (!skill || holders.has(v.id)),
  );
  // SQLite's order: NULL below every value, strings by code point.
  const cmp = (a: string | number | null, b: string | number | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  const shown = (v: Row) => (v.salary_hidden === 0 ? (v.salary_max ?? v.salary_min) : null);
  const compare: Record<BoardSort, (a: Row, b: Row) => number> = {
    relevance: (a, b) => {
      const x = hits!.get(a.id)!;
      const y = hits!.get(b.id)!;
      return y.holder - x.holder || x.tier - y.tier || (x.score ?? 0) - (y.score ?? 0) || cmp(b.published_at, a.published_at) || b.id - a.id;
    },
    newest: (a, b) => cmp(b.published_at, a.published_at) || b.id - a.id,
    deadline: (a, b) => Number(a.deadline === null) - Number(b.deadline === null) || cmp(a.deadline, b.deadline) || a.id - b.id,
    salary: (a, b) => Number(shown(a) === null) - Number(shown(b) === null) || cmp(shown(b), shown(a)) || b.id - a.id,
  };
  rows.sort(compare[sort]);
  const total = rows.length;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = total === 0 ? 1 : Math.min(Math.max(1, Math.trunc(query.page ?? 1) || 1), pages);
  const slice = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return { ids: slice.map((r) => r.id), titles: slice.map((r) => r.title), total, page, pages };
}

async function fastBoard(query: Partial<BoardQuery>) {
  const fast = await searchVacancies(c.db, { ...query, pageSize: PAGE_SIZE });
  // Words the index holds: the typo tier and "did you mean" never step in, so the plain definition's tiers 0–2 are the whole answer.
  expect(fast.near).toEqual([]);
  return { ids: fast.items.map((i) => i.id), titles: fast.items.map((i) => i.title), total: fast.total, page: fast.page, pages: fast.pages };
}

/** Queries across every dimension: text (a common word, a skill's name, a job word in the other script, nothing), skill, filters, order, page. */
function queries(): Partial<BoardQuery>[] {
  const one = (query: string) => c.sqlite.prepare(query).get() as Record<string, number | string>;
  const { company } = one("select company_id as company from vacancies where status = 'open' group by company_id order by count(*) desc, company_id limit 1");
  const { region } = one(
    "select region_id as region from vacancies where status = 'open' and region_id is not null group by region_id order by count(*) desc limit 1",
  );
  const { city } = one("select city from vacancies where status = 'open' and city is not null group by city order by count(*) desc, city limit 1");
  const texts = [undefined, "разработчик", "python", "питон", "frontend", "C#", "!!!"];
  const filters: Partial<BoardQuery>[] = [
    {},
    { salary: true },
    { mode: "remote" },
    { type: "internship" },
    { company: company as number },
    { region: region as number },
    { city: city as string },
    { mode: "hybrid", salary: true },
  ];
  const sorts: (BoardSort | undefined)[] = [undefined, "relevance", "newest", "deadline", "salary"];
  const pageList = [1, 2, 3, 99];
  // Mostly no skill filter; one of six asks for a skill (typed in English, in Russian, or unknown).
  const skills = [undefined, undefined, undefined, "javascript", undefined, undefined, "питон", undefined, undefined, "no such skill"];
  const out: Partial<BoardQuery>[] = [];
  let n = 0;
  for (const q of texts)
    for (let k = 0; k < 10; k++, n++)
      out.push({
        q,
        skill: skills[n % skills.length],
        ...filters[n % filters.length],
        sort: sorts[n % sorts.length],
        page: pageList[(n + k) % pageList.length],
      });
  return out;
}

describe("the job board's fast path", () => {
  it("lists exactly what the plain definition lists, in its order, with its counts (the count is the rows found)", async () => {
    const all = queries();
    let nonEmpty = 0;
    let pastTheEnd = 0;
    for (const query of all) {
      const plain = await plainBoard(query);
      expect(await fastBoard(query), JSON.stringify(query)).toEqual(plain);
      if (plain.total > 0) nonEmpty++;
      if (plain.total > 0 && (query.page ?? 1) > plain.pages) pastTheEnd++;
    }
    // The comparison means something only if most queries find vacancies, and some ask past the last page.
    expect(nonEmpty).toBeGreaterThan(all.length / 3);
    expect(pastTheEnd).toBeGreaterThan(5);
  }, 120_000);

  it("walks every page of a search once: the pages add up to the count, no vacancy twice", async () => {
    for (const query of [{ q: "разработчик" }, { q: "python", sort: "salary" as const }, {}, { sort: "deadline" as const }]) {
      const first = await fastBoard(query);
      const seen: number[] = [];
      for (let page = 1; page <= first.pages; page++) seen.push(...(await fastBoard({ ...query, page })).ids);
      expect(seen.length, JSON.stringify(query)).toBe(first.total);
      expect(new Set(seen).size).toBe(first.total);
    }
  });

  it("stays identical after vacancies change (the narrow copy follows every write)", async () => {
    const ids = c.sqlite.prepare("select id from vacancies where status = 'open' order by id limit 3").pluck().all() as number[];
    c.sqlite.prepare("update vacancies set work_mode = 'remote', salary_hidden = 0, salary_min = 1, salary_max = 999999 where id = ?").run(ids[0]);
    c.sqlite.prepare("update vacancies set published_at = '2099-01-01T00:00:00.000Z', deadline = null where id = ?").run(ids[1]);
    c.sqlite.prepare("update vacancies set status = 'closed' where id = ?").run(ids[2]);
    for (const query of queries().filter((q) => !q.q || q.q === "python")) {
      expect(await fastBoard(query), JSON.stringify(query)).toEqual(await plainBoard(query));
    }
  }, 120_000);
});
