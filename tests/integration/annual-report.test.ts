// The yearly report (/staff/reports/annual, docs/decisions/065-annual-report.md) on the demo data, through
// its loader: a school's rows are the public page's rows (same suppression); every shown figure equals the
// staff dashboard's for the same filter (school and year, or school region and year); a region's or the
// cluster's figure is shown only when every school figure it adds up is; a school-scoped officer gets her
// schools alone; a bad year is a 400 in the user's language, never a 500.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Connection } from "@db/connection";
import { dashboardQueryFrom } from "~/domain/outcomes/dashboard";
import type { OutcomeIndicators } from "~/domain/outcomes/indicators";
import { PUBLIC_RATES, rateOf, type PublicRow } from "~/domain/outcomes/public-figures";
import { outcomeDashboard, publicOutcomes } from "~/models/outcome-dashboard.server";
import { setStaffScope } from "~/models/staff-scopes.server";
import { renderPage } from "../support/remix-react-stub";
import { closeTestDatabases, createDemoTestDatabase } from "../support/db";
import { makeUser, sessionCookieFor } from "../support/factories";
import { call, get } from "../support/remix";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));
const page = await import("~/routes/staff.reports_.annual");
type Data = Awaited<ReturnType<typeof page.loader>> extends { data: infer D } ? D : never;

let c: Connection;
let staffCookie: string;
let narynCookie: string;
let narynSchool: number;
beforeAll(async () => {
  c = await createDemoTestDatabase();
  staffCookie = await sessionCookieFor((await makeUser(c, "staff")).id);
  const scoped = await makeUser(c, "staff");
  narynSchool = (await c.db.selectFrom("schools").select("id").orderBy("id", "desc").executeTakeFirstOrThrow()).id;
  await setStaffScope(c.db, scoped.id, [narynSchool]);
  narynCookie = await sessionCookieFor(scoped.id);
}, 300_000);
afterAll(closeTestDatabases);

async function load(search: string, cookie = staffCookie, status = 200, lang = "en"): Promise<Data> {
  const res = await call(page.loader, get(`/staff/reports/annual${search}`, { cookie, headers: { "Accept-Language": lang } }));
  expect(res.status, search).toBe(status);
  return res.data as Data;
}

/** A shown cell agrees with the dashboard's exact rate; a hidden one is allowed (that is the point). */
function expectSameFigures(row: PublicRow, exact: OutcomeIndicators, where: string) {
  expect(row.n, `${where} graduates`).toBe(exact.n);
  for (const name of PUBLIC_RATES) {
    const cell = row.cells[name];
    if (!cell.shown) continue;
    const r = rateOf(exact, name);
    expect(r.smallN, `${where} ${name} shown although small`).toBe(false);
    expect(cell.percent, `${where} ${name}`).toBe(r.value === null ? null : Math.round(r.value * 100));
  }
  if (row.pay.shown) expect(row.pay.kgs, `${where} pay`).toBe(exact.medianMonthlyPay.value);
}

describe("the yearly report on the demo data", () => {
  it("gives each school the public page's own rows at its default checkpoint, up to the report's year", async () => {
    const data = await load("");
    expect(data.year).not.toBeNull();
    expect(data.years[0]).toBe(data.year); // no ?year= → the latest year with figures
    const publicTables = await publicOutcomes(c, data.checkpoint);
    expect(data.schools.length).toBe(publicTables.length);
    for (const school of data.schools) {
      const table = publicTables.find((p) => p.id === school.id)!.table;
      expect(school.years).toEqual(table.years.filter((y) => y.year <= data.year!));
      expect(school.total).toEqual(table.total);
    }
    // An earlier year leaves out later years and the "All years" row that would count them.
    const earlier = data.years.at(-1)!;
    const old = await load(`?year=${earlier}`);
    expect(old.year).toBe(earlier);
    for (const school of old.schools) {
      expect(school.years.every((y) => y.year <= earlier)).toBe(true);
      expect(school.total).toBeNull();
    }
  });

  it("shows for each school and each region the dashboard's figures for the same filter", async () => {
    const data = await load("");
    const year = data.year!;
    for (const school of data.schools) {
      const dash = await outcomeDashboard(
        c,
        dashboardQueryFrom(new URL(`http://x/staff/outcomes?checkpoint=${data.checkpoint}&year=${year}&school=${school.id}`)),
      );
      const row = school.years.find((y) => y.year === year);
      if (row) expectSameFigures(row, dash.total, `school ${school.id} ${year}`);
    }
    const ids = data.schools.map((s) => `school=${s.id}`).join("&");
    const byRegion = await outcomeDashboard(
      c,
      dashboardQueryFrom(new URL(`http://x/staff/outcomes?checkpoint=${data.checkpoint}&year=${year}&${ids}&by=school_region`)),
    );
    let compared = 0;
    for (const region of data.regions) {
      const row = region.years.find((y) => y.year === year);
      if (!row) continue;
      expectSameFigures(row, byRegion.rows.find((r) => r.key === String(region.id))!.indicators, `region ${region.id} ${year}`);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
    const all = await outcomeDashboard(c, dashboardQueryFrom(new URL(`http://x/staff/outcomes?checkpoint=${data.checkpoint}&year=${year}&${ids}`)));
    expectSameFigures(data.summary!.row, all.total, "cluster");
  });

  it("shows a region's figure only when every school figure it adds up is shown", async () => {
    let hiddenByParts = 0;
    for (const year of (await load("")).years) {
      const data = await load(`?year=${year}`);
      for (const region of data.regions) {
        const members = data.schools.filter((s) => s.region.id === region.id);
        for (const row of region.years) {
          const parts = members.flatMap((s) => s.years.filter((y) => y.year === row.year));
          for (const name of PUBLIC_RATES) {
            const partsShown = parts.every((p) => p.cells[name].shown);
            if (row.cells[name].shown) expect(partsShown, `region ${region.id} ${row.year} ${name}`).toBe(true);
            else if (!partsShown) hiddenByParts++;
          }
        }
      }
      // The cluster's summary likewise.
      const parts = data.schools.flatMap((s) => s.years.filter((y) => y.year === data.year));
      for (const name of PUBLIC_RATES) if (data.summary!.row.cells[name].shown) expect(parts.every((p) => p.cells[name].shown)).toBe(true);
    }
    expect(hiddenByParts).toBeGreaterThan(0); // the demo data has small school cells: the rule had work to do
  });

  it("gives a school-scoped officer her schools alone, and their region as her schools' sum", async () => {
    const data = await load("", narynCookie);
    expect(data.agencyWide).toBe(false);
    expect(data.schools.map((s) => s.id)).toEqual([narynSchool]);
    expect(data.regions.length).toBe(1);
    expect(data.regions[0]!.schools).toBe(1);
    const own = data.schools[0]!;
    for (const row of data.regions[0]!.years) expect(row.n).toBe(own.years.find((y) => y.year === row.year)!.n);
    const year = data.year!;
    const dash = await outcomeDashboard(
      c,
      dashboardQueryFrom(new URL(`http://x/staff/outcomes?checkpoint=${data.checkpoint}&year=${year}&school=${narynSchool}`)),
    );
    expect(data.summary!.row.n).toBe(dash.total.n);
    // No other school's name anywhere in what the page gets.
    const others = await c.db.selectFrom("schools").select(["name_en", "name_ru", "name_ky"]).where("id", "!=", narynSchool).execute();
    const text = JSON.stringify(data);
    for (const o of others) expect(text).not.toContain(o.name_ru);
  });

  it("answers a bad year with 400 in the user's language and the years to choose from; an empty one with the latest", async () => {
    const latest = (await load("")).year;
    expect((await load("?year=")).year).toBe(latest);
    for (const bad of ["abc", "99999", "1990", "2024'--", "-1"]) {
      const data = await load(`?year=${encodeURIComponent(bad)}`, staffCookie, 400);
      expect(data.refused).toBe(true);
      expect(data.schools).toEqual([]);
      expect(data.years.length).toBeGreaterThan(0);
    }
    for (const [lang, text] of [
      ["ky", "Бул жыл боюнча сандар жок"],
      ["ru", "За этот год цифр нет"],
    ] as const) {
      const data = await load("?year=abc", staffCookie, 400, lang);
      expect(renderPage(lang, page.default, { loader: data }, /annual\.\w+/)).toContain(text);
    }
  });

  it("renders the document in Kyrgyz and Russian: title, schools, regions, definitions, no raw key", async () => {
    for (const [lang, title] of [
      ["ky", "жылдык отчёту"],
      ["ru", "годовой отчёт за"],
    ] as const) {
      const data = await load("", staffCookie, 200, lang);
      const html = renderPage(lang, page.default, { loader: data }, /(annual|outcomes)\.[a-zA-Z]+\.[a-zA-Z.]+/);
      expect(html).toContain(title);
      expect((html.match(/class="annual-school"/g) ?? []).length).toBe(data.schools.length);
      expect(html).toContain('class="annual-definitions"');
      expect(html).toContain("<svg");
    }
  });

  it("refuses visitors and graduates", async () => {
    const visitor = await call(page.loader, get("/staff/reports/annual"));
    expect(visitor.status).toBe(302);
    const graduate = await call(page.loader, get("/staff/reports/annual", { cookie: await sessionCookieFor((await makeUser(c, "graduate")).id) }));
    expect(graduate.status).toBe(403);
  });
});
