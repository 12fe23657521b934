// The fast paths of the graduate directory and the staff skill gap (docs/decisions/048) against
// their plain definitions, on the demo generator's data set (900 graduates, 90 open vacancies) in
// real SQLite: the same graduates in the same order with the same counts, the same gap rows — also
// right after graduates and vacancies change.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { todayInBishkek } from "~/domain/calendar";
import { kyrgyzSortKey } from "~/domain/search/kyrgyz-order";
import { listableVisibilities, type Viewer } from "~/domain/visibility";
import { DIRECTORY_PAGE_SIZE, type DirectoryQuery, type DirectorySort, GRADUATES_INDEX, searchGraduates } from "~/models/directory.server";
import { planTextSearch } from "~/models/full-text.server";
import { matchIndex } from "~/models/matching-index.server";
import { skillGap } from "~/models/matching.server";
import { resolveSkillText } from "~/models/skills.server";
import { viewsSettled } from "~/utils/warming.server";
import { closeTestDatabases, createDemoTestDatabase } from "../support/db";

let c: Connection;
beforeAll(async () => {
  // The demo as seedDemoData writes it, generated once per run (tests/support/db.ts).
  c = await createDemoTestDatabase();
}, 240_000);
afterAll(closeTestDatabases);

const TODAY = todayInBishkek();
const employer: Viewer = { kind: "employer", userId: 1, companyId: 1, verified: true };
const staff: Viewer = { kind: "staff", userId: 1, schoolIds: null };

type Row = {
  id: number;
  first_name: string;
  last_name: string;
  visibility: string;
  anonymised_at: string | null;
  cohort_id: number;
  school_id: number;
  region: number;
  available_from: string | null;
  willing_to_relocate: number;
  published_at: string | null;
};

/** The directory as docs/product.md §3, §8 define it, row by row in TypeScript: no index, no window, one list. */
async function plainDirectory(viewer: Viewer, query: DirectoryQuery) {
  const q = (query.q ?? "").trim();
  const skill = query.skill ? await resolveSkillText(c.db, query.skill) : null;
  const none = { ids: [] as number[], total: 0, page: 1, pages: 1 };
  if (query.skill && !skill) return none;
  // The text part is the shared one (app/models/full-text.server.ts); its skill holders are read plainly.
  const plainHolders = (skillId: number) =>
    sql`select graduate_id as id from graduate_skills where skill_id = ${skillId}
      union select p.graduate_id from project_skills ps join projects p not indexed on p.id = ps.project_id where ps.skill_id = ${skillId}`;
  const { searching, withHits } = await planTextSearch(c.db, { ...GRADUATES_INDEX, holders: plainHolders }, q);
  if (q && !searching) return none;
  const requested: DirectorySort = query.sort ?? (searching ? "relevance" : "recent");
  const sort = requested === "relevance" && !searching ? "recent" : requested;
  const hits = searching
    ? new Map(
        (
          await sql<{ id: number; score: number | null; holder: number; tier: number }>`${withHits(true)}select id, score, holder, tier from hits`.execute(c.db)
        ).rows.map((h) => [h.id, h]),
      )
    : null;
  const holders = new Set<number>();
  if (skill) {
    for (const id of c.sqlite.prepare("select graduate_id from graduate_skills where skill_id = ?").pluck().all(skill.id) as number[]) holders.add(id);
    const projects = "select p.graduate_id from project_skills ps join projects p not indexed on p.id = ps.project_id where ps.skill_id = ?";
    for (const id of c.sqlite.prepare(projects).pluck().all(skill.id) as number[]) holders.add(id);
  }
  const listable = new Set<string>(listableVisibilities(viewer));
  const rows = (
    c.sqlite
      .prepare(
        `select g.id, g.first_name, g.last_name, g.visibility, g.anonymised_at, g.cohort_id, c.school_id, coalesce(g.region_id, s.region_id) as region,
           g.available_from, g.willing_to_relocate, g.published_at
         from graduates g not indexed join cohorts c on c.id = g.cohort_id join schools s on s.id = c.school_id`,
      )
      .all() as Row[]
  ).filter(
    (g) =>
      !g.anonymised_at &&
      listable.has(g.visibility) &&
      (!hits || hits.has(g.id)) &&
      (!query.schoolId || g.school_id === query.schoolId) &&
      (!query.cohortId || g.cohort_id === query.cohortId) &&
      (!query.regionId || g.region === query.regionId) &&
      (!query.availableNow || g.available_from === null || g.available_from <= TODAY) &&
      (!query.relocate || g.willing_to_relocate === 1) &&
      (!skill || holders.has(g.id)),
  );
  // SQLite's order: NULL below every text, strings by code point (these names are all in the BMP).
  const text = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  const compare: Record<DirectorySort, (a: Row, b: Row) => number> = {
    relevance: (a, b) => {
      const x = hits!.get(a.id)!;
      const y = hits!.get(b.id)!;
      return y.holder - x.holder || x.tier - y.tier || (x.score ?? 0) - (y.score ?? 0) || a.id - b.id;
    },
    recent: (a, b) => text(b.published_at, a.published_at) || b.id - a.id,
    name: (a, b) => text(kyrgyzSortKey(`${a.last_name} ${a.first_name}`), kyrgyzSortKey(`${b.last_name} ${b.first_name}`)) || a.id - b.id,
    available: (a, b) => Number(a.available_from === null) - Number(b.available_from === null) || text(a.available_from, b.available_from) || a.id - b.id,
  };
  rows.sort(compare[sort]);
  const total = rows.length;
  const pages = Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE));
  const page = total === 0 ? 1 : Math.min(Math.max(1, Math.trunc(query.page ?? 1) || 1), pages);
  return { ids: rows.slice((page - 1) * DIRECTORY_PAGE_SIZE, page * DIRECTORY_PAGE_SIZE).map((r) => r.id), total, page, pages };
}

/** Queries across every dimension: text (a common word, a skill's name, a surname, nothing), skill, filters, order, page. */
async function queries(): Promise<[Viewer, DirectoryQuery][]> {
  const one = (query: string) => c.sqlite.prepare(query).pluck().get() as number | string;
  const surname = one("select last_name from graduates where anonymised_at is null group by last_name order by count(*) desc, last_name limit 1") as string;
  const school = one("select school_id from cohorts group by school_id order by school_id limit 1") as number;
  const region = one("select region_id from schools order by id desc limit 1") as number;
  const cohort = one("select cohort_id from graduates group by cohort_id order by count(*) desc, cohort_id limit 1") as number;
  const texts = [undefined, "разработчик", "react", "python", surname, "Бишкек", "!!!"];
  const skills = [undefined, "javascript", "питон", "no such skill"];
  const filters: Partial<DirectoryQuery>[] = [{}, { relocate: true }, { availableNow: true }, { schoolId: school }, { regionId: region }, { cohortId: cohort }];
  const sorts: (DirectorySort | undefined)[] = [undefined, "relevance", "recent", "name", "available"];
  const pageList = [1, 2, 99];
  const out: [Viewer, DirectoryQuery][] = [];
  let n = 0;
  for (const viewer of [employer, staff])
    for (const q of texts)
      for (const skill of skills)
        for (let k = 0; k < 2; k++, n++)
          out.push([viewer, { q, skill, ...filters[n % filters.length], sort: sorts[n % sorts.length], page: pageList[n % pageList.length], today: TODAY }]);
  return out;
}

describe("the directory's fast path", () => {
  it("lists exactly what the plain definition lists, in its order, with its counts", async () => {
    const all = await queries();
    let nonEmpty = 0;
    for (const [viewer, query] of all) {
      const fast = await searchGraduates(c.db, viewer, query);
      const plain = await plainDirectory(viewer, query);
      const label = JSON.stringify({ viewer: viewer.kind, ...query });
      expect({ ids: fast.items.map((i) => i.id), total: fast.total, page: fast.page, pages: fast.pages }, label).toEqual(plain);
      if (plain.total > 0) nonEmpty++;
    }
    // The comparison means something only if most queries find graduates.
    expect(nonEmpty).toBeGreaterThan(all.length / 2);
  }, 120_000);

  it("lists the same with the text's hits kept in memory (each text searched again after its background ranking)", async () => {
    // docs/decisions/048, Session 9, dir16b: the repeated search reads the kept ranking, the filters run afresh.
    const all = (await queries()).filter(([, q]) => q.q);
    for (const [viewer, query] of all) await searchGraduates(c.db, viewer, query);
    await viewsSettled(c.db);
    for (const [viewer, query] of all) {
      const fast = await searchGraduates(c.db, viewer, query);
      const plain = await plainDirectory(viewer, query);
      expect({ ids: fast.items.map((i) => i.id), total: fast.total, page: fast.page, pages: fast.pages }, JSON.stringify(query)).toEqual(plain);
    }
  }, 120_000);

  it("stays identical after profiles change (the covering index follows every write)", async () => {
    const ids = c.sqlite.prepare("select id from graduates where anonymised_at is null order by id limit 3").pluck().all() as number[];
    c.sqlite.prepare("update graduates set willing_to_relocate = 1 - willing_to_relocate, last_name = 'Ёлкина' where id = ?").run(ids[0]);
    c.sqlite.prepare("update graduates set visibility = 'public', published_at = '2099-01-01T00:00:00.000Z' where id = ?").run(ids[1]);
    c.sqlite.prepare("update graduates set anonymised_at = '2026-01-01T00:00:00.000Z' where id = ?").run(ids[2]);
    for (const [viewer, query] of (await queries()).filter(([, q]) => !q.q)) {
      const fast = await searchGraduates(c.db, viewer, query);
      const plain = await plainDirectory(viewer, query);
      expect({ ids: fast.items.map((i) => i.id), total: fast.total, page: fast.page, pages: fast.pages }, JSON.stringify(query)).toEqual(plain);
    }
  }, 120_000);
});

/** The skill gap as first written: every holder listed and filtered, every vacancy's skills read again. */
function plainGap(scope: { school?: number; cohort?: number }, today = TODAY) {
  const index = matchIndex(c);
  const inScope = (e: { schoolId: number; cohortId: number }) =>
    (!scope.school || e.schoolId === scope.school) && (!scope.cohort || e.cohortId === scope.cohort);
  const graduates = [...index.allCandidates()].filter(inScope).length;
  const demand = new Map<number, { required: number; nice: number }>();
  let vacancies = 0;
  for (const v of index.allVacancies()) {
    if (v.deadline && v.deadline < today) continue;
    vacancies++;
    for (const s of new Map(v.facts.skills.map((r) => [r.skillId, r])).values()) {
      const d = demand.get(s.skillId) ?? { required: 0, nice: 0 };
      if (s.required) d.required++;
      else d.nice++;
      demand.set(s.skillId, d);
    }
  }
  const rows = [...demand].map(([skillId, d]) => {
    const holders = index.holders(skillId).filter(inScope).length;
    const lacking = graduates - holders;
    return { skillId, requiredBy: d.required, niceIn: d.nice, holders, lacking, weight: graduates ? (d.required + d.nice / 4) * (lacking / graduates) : 0 };
  });
  rows.sort((a, b) => b.weight - a.weight || b.requiredBy - a.requiredBy || a.skillId - b.skillId);
  return { graduates, vacancies, rows: rows.filter((r) => r.lacking > 0).map(({ weight: _w, ...r }) => r) };
}

async function fastGap(scope: { school?: number; cohort?: number }) {
  const gap = await skillGap(c, scope, 10_000);
  return {
    graduates: gap.graduates,
    vacancies: gap.vacancies,
    rows: gap.rows.map((r) => ({ skillId: r.skill.id, requiredBy: r.requiredBy, niceIn: r.niceIn, holders: r.holders, lacking: r.lacking })),
  };
}

function scopes() {
  const pairs = c.sqlite.prepare("select id, school_id from cohorts order by id").all() as { id: number; school_id: number }[];
  const schools = [...new Set(pairs.map((p) => p.school_id))];
  const other = pairs.find((p) => p.school_id !== pairs[0]!.school_id)!;
  return [
    {},
    ...schools.map((school) => ({ school })),
    { cohort: pairs[0]!.id },
    { school: pairs[0]!.school_id, cohort: pairs[0]!.id },
    // A cohort of another school: nobody in scope.
    { school: pairs[0]!.school_id, cohort: other.id },
  ];
}

describe("the skill gap's fast path", () => {
  it("gives the plain definition's rows for every school, a cohort and all schools", async () => {
    for (const scope of scopes()) expect(await fastGap(scope), JSON.stringify(scope)).toEqual(plainGap(scope));
    expect((await fastGap({})).rows.length).toBeGreaterThan(5);
  });

  it("follows changes to graduates and vacancies from the change log (the kept demand follows each vacancy)", async () => {
    await fastGap({}); // the demand is now kept
    const vacancy = c.sqlite
      .prepare("select v.id from vacancies v where v.status = 'open' and exists (select 1 from vacancy_skills where vacancy_id = v.id) order by id limit 1")
      .pluck()
      .get() as number;
    const skill = c.sqlite.prepare("select skill_id from vacancy_skills where vacancy_id = ? order by skill_id limit 1").pluck().get(vacancy) as number;
    c.sqlite.prepare("update vacancy_skills set required = 1 - required where vacancy_id = ? and skill_id = ?").run(vacancy, skill);
    const closing = c.sqlite.prepare("select id from vacancies where status = 'open' and id <> ? order by id desc limit 1").pluck().get(vacancy) as number;
    c.sqlite.prepare("update vacancies set status = 'closed' where id = ?").run(closing);
    const graduate = c.sqlite
      .prepare("select id from graduates where user_id is not null and anonymised_at is null order by id limit 1")
      .pluck()
      .get() as number;
    const missing = c.sqlite
      .prepare(
        "select id from skills where id not in (select skill_id from graduate_skills where graduate_id = ?) and id in (select skill_id from vacancy_skills) order by id limit 1",
      )
      .pluck()
      .get(graduate) as number;
    c.sqlite.prepare("insert into graduate_skills (graduate_id, skill_id, level, source) values (?, ?, 'basic', 'self')").run(graduate, missing);
    const before = plainGap({});
    for (const scope of scopes()) expect(await fastGap(scope), JSON.stringify(scope)).toEqual(plainGap(scope));
    expect(before.vacancies).toBe(
      c.sqlite
        .prepare(
          "select count(*) from vacancies v join companies c on c.id = v.company_id where v.status = 'open' and c.status = 'verified' and (v.deadline is null or v.deadline >= ?)",
        )
        .pluck()
        .get(TODAY),
    );
  });

  it("counts the vacancies of the day asked for: a past deadline drops out when the day moves on", () => {
    const index = matchIndex(c);
    const deadlines = [...index.allVacancies()]
      .map((v) => v.deadline)
      .filter((d): d is string => d !== null)
      .sort();
    expect(deadlines.length).toBeGreaterThan(0);
    for (const day of ["2000-01-01", deadlines[Math.floor(deadlines.length / 2)]!, "2999-01-01", TODAY]) {
      const demand = index.skillDemand(day);
      const plain = plainGap({}, day);
      expect(demand.vacancies, day).toBe(plain.vacancies);
      for (const r of plain.rows) expect(demand.bySkill.get(r.skillId), `${day} ${r.skillId}`).toEqual({ required: r.requiredBy, nice: r.niceIn });
    }
  });
});
