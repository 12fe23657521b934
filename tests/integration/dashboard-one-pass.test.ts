// The staff dashboard fills its total, its groups and its trend over years in one pass over the facts
// (app/models/outcome-dashboard.server.ts, docs/decisions/071): the same figures as the indicator
// functions give over the facts filtered for each, for every breakdown, year and school filter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { BREAKDOWNS, type DashboardFact, groupKeyOf } from "~/domain/outcomes/dashboard";
import { CHECKPOINTS } from "~/domain/outcomes/codes";
import { computeIndicators, indicatorsBy } from "~/domain/outcomes/indicators";
import { dashboardFacts, outcomeDashboard } from "~/models/outcome-dashboard.server";
import { closeTestDatabases, createDemoTestDatabase } from "../support/db";

let c: Connection;
beforeAll(async () => {
  c = await createDemoTestDatabase();
}, 120_000);
afterAll(closeTestDatabases);

describe("the dashboard's one pass", () => {
  it("gives what computeIndicators and indicatorsBy give over the filtered facts", async () => {
    const school = c.sqlite.prepare("select min(id) from schools").pluck().get() as number;
    let compared = 0;
    for (const checkpoint of CHECKPOINTS.slice(0, 3)) {
      for (const schools of [[], [school]]) {
        const { facts: all, graduationYears } = dashboardFacts(c, checkpoint, schools);
        for (const year of [[], graduationYears.slice(1, 3)]) {
          for (const by of BREAKDOWNS) {
            const got = await outcomeDashboard(c, { checkpoint, school: schools, year, by });
            const facts = year.length ? all.filter((f) => year.includes(f.year)) : all;
            const options = { checkpoint };
            const name = `${checkpoint} ${by} ${schools.join()} ${year.join()}`;
            expect(got.total, name).toEqual(computeIndicators(facts, options));
            const groups = by === "total" ? [] : indicatorsBy(facts, (f) => groupKeyOf(f as DashboardFact, by), options);
            expect(Object.fromEntries(got.rows.map((r) => [r.key, r.indicators])), name).toEqual(
              Object.fromEntries(groups.map((g) => [String(g.key), g.indicators])),
            );
            expect(got.trend, name).toEqual(indicatorsBy(all, (f) => (f as DashboardFact).year, options).sort((a, b) => a.key - b.key));
            expect(got.years, name).toEqual(graduationYears);
            if (facts.length) compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  }, 120_000);
});
