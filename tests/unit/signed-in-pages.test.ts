// Issue 20: the bench has a row for every signed-in page type (tests/bench/signed-in-pages.ts).
// A route module with a loader is measured there, measured by tests/bench/cases.ts, or listed as
// not a page with its reason — so a new page cannot go unmeasured by being forgotten.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chainOf, MEASURED_IN_CASES, NOT_PAGES, SIGNED_IN_PAGES } from "../bench/signed-in-pages";

const ROUTES = path.resolve("app/routes");
const files = fs.readdirSync(ROUTES).filter((f) => /\.tsx?$/.test(f));
const hasLoader = (f: string) => /export (async )?function loader\b|export const loader\b/.test(fs.readFileSync(path.join(ROUTES, f), "utf8"));
const withLoader = files.filter(hasLoader).map((f) => f.replace(/\.tsx?$/, ""));
// A scoped row (a Naryn-scoped officer) measures a route a row of its usual account measures too.
const measured = SIGNED_IN_PAGES.filter((p) => !p.scoped).map((p) => p.route);
const listed = [...measured, ...Object.keys(MEASURED_IN_CASES), ...Object.keys(NOT_PAGES)];

describe("a bench row for every signed-in page type", () => {
  it("reads the route modules (the check is not empty)", () => {
    expect(withLoader.length).toBeGreaterThan(100);
    expect(SIGNED_IN_PAGES.length).toBeGreaterThan(50);
  });

  it("every route module with a loader is measured, measured in cases.ts, or not a page", () => {
    expect(withLoader.filter((r) => !listed.includes(r))).toEqual([]);
  });

  it("each route is in one place only, and every listed route exists with a loader", () => {
    expect(listed.filter((r, i) => listed.indexOf(r) !== i)).toEqual([]);
    expect(listed.filter((r) => !withLoader.includes(r))).toEqual([]);
  });

  it("the check sees a new route that is in no list", () => {
    expect(["me.new-page", ...withLoader].filter((r) => !listed.includes(r))).toEqual(["me.new-page"]);
  });

  it("each row has §10's budget for its kind, a path of its area, and a record chooser where the path has :id", () => {
    for (const p of SIGNED_IN_PAGES) {
      expect([50, 100, 300], p.route).toContain(p.budgetMs);
      expect(p.path.startsWith("/"), p.route).toBe(true);
      if (p.path.includes(":id")) expect(p.pick, p.route).toMatch(/\bid\b/);
      if (p.pick) expect(p.record, p.route).toBeTruthy();
    }
    // Employer dashboard and applicants ≤ 50 ms; a full report ≤ 300 ms (docs/product.md §10).
    expect(SIGNED_IN_PAGES.find((p) => p.route === "_employer.employer.vacancies.$id_.applicants")?.budgetMs).toBe(50);
    expect(SIGNED_IN_PAGES.filter((p) => p.budgetMs === 300).map((p) => p.route)).toEqual(["staff.reports_.annual", "staff.reports_.annual"]);
    // Scoped rows are staff pages that the usual account's rows measure too.
    for (const p of SIGNED_IN_PAGES.filter((row) => row.scoped)) {
      expect(p.as, p.route).toBe("staff");
      expect(
        SIGNED_IN_PAGES.some((row) => !row.scoped && row.route === p.route && row.path === p.path),
        p.route,
      ).toBe(true);
    }
    expect(SIGNED_IN_PAGES.some((p) => p.scoped && p.route === "staff.outcomes.campaigns.new")).toBe(true);
  });

  it("figures are distinct, so BENCH_ONLY can name each", () => {
    const figures = SIGNED_IN_PAGES.map((p) => `${p.as} ${p.path}${p.scoped ? " scoped" : ""}`);
    expect(new Set(figures).size).toBe(figures.length);
  });
});

describe("the loaders timed with a page: its layouts, as Remix's flat routes nest them", () => {
  const ids = new Set(files.map((f) => f.replace(/\.tsx?$/, "")));
  it("finds the area's layout, past index routes and segments left with a trailing _", () => {
    expect(chainOf("me.applications.$id_.interview", ids)).toEqual(["me", "me.applications.$id_.interview"]);
    expect(chainOf("_employer.employer.vacancies.$id_.applicants", ids)).toEqual(["_employer", "_employer.employer.vacancies.$id_.applicants"]);
    expect(chainOf("staff.outcomes.graduates.$id", ids)).toEqual(["staff", "staff.outcomes.graduates.$id"]);
    expect(chainOf("admin.settings_.retention", ids)).toEqual(["admin", "admin.settings_.retention"]);
    expect(chainOf("account_.two-step", ids)).toEqual(["account_.two-step"]);
    expect(chainOf("vacancies.$id_.apply", ids)).toEqual(["vacancies.$id_.apply"]);
  });
  it("nests under a parent route module when there is one", () => {
    expect(chainOf("a.b.c", new Set(["a", "a.b", "a.b.c"]))).toEqual(["a", "a.b", "a.b.c"]);
    expect(chainOf("a.b_.c", new Set(["a", "a.b", "a.b_.c"]))).toEqual(["a", "a.b_.c"]);
  });
});
