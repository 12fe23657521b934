// probe-ux: on a phone an area's menu folds into one line that names where one is (decision 032).
// On every page of a vacancy (applicants, candidates, an application, proposing interviews) it read
// «Иш берүүчү:» with nothing after it, and likewise on the survey campaigns, the employers of the
// outcomes, the outcome graduates and a cohort's codes. Each layout is rendered here for every page
// route below it (from app/routes' file names), and the folded menu must name an item.
import fs from "node:fs";
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderPage } from "../support/remix-react-stub";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));

const LAYOUTS = {
  "_employer.": { module: () => import("~/routes/_employer"), loader: { employer: { verified: true } } },
  "me.": { module: () => import("~/routes/me"), loader: { completeness: { percent: 100, missing: [] }, slug: "a", visibility: "public" } },
  "staff.": { module: () => import("~/routes/staff"), loader: { agencyWide: true, schools: [] } },
  "admin.": { module: () => import("~/routes/admin"), loader: null },
} as const;

/** A route file's address as Remix's flat routes read it, with 1 for each parameter. */
function addressOf(file: string): string {
  const segments = file
    .replace(/\.tsx$/, "")
    .split(".")
    .filter((s) => !s.startsWith("_") || s === "_index")
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s.startsWith("$") ? "1" : s))
    .filter((s) => s !== "_index");
  return `/${segments.join("/")}`;
}

/** Page routes: not the layouts themselves, not resource routes, not a route that only redirects. */
const pages = fs
  .readdirSync("app/routes")
  .filter((f) => f.endsWith(".tsx") && !/\[/.test(f))
  .filter((f) => /export default/.test(fs.readFileSync(`app/routes/${f}`, "utf8")));

describe("the folded section menu names the page's item on every page of its area", () => {
  for (const [prefix, layout] of Object.entries(LAYOUTS)) {
    it(prefix.replace(/\.$/, ""), async () => {
      const { default: Layout } = await layout.module();
      const below = pages.filter((f) => f.startsWith(prefix) && f !== `${prefix}tsx`).map(addressOf);
      expect(below.length).toBeGreaterThan(3);
      const unnamed = below.filter((pathname) => {
        const html = renderPage("ky", () => createElement(Layout), { loader: layout.loader, location: { pathname, search: "" } }, /\b[a-z]+\.nav\b/);
        return !html.includes("section-nav__current");
      });
      expect(unnamed).toEqual([]);
    });
  }
});
