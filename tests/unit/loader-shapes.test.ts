// Loaders send named shapes, not rows (issue 13, docs/decisions/024-crawler.md). Everything a
// loader returns reaches the browser as `.data`. A spread or a whole-row select in a loader copies
// every column, including ones the page never shows: a hidden salary, created_by, a verifier's id.
// The crawler checks what the demo data reaches; this check catches the habit in any route.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROUTES = path.resolve("app/routes");

// Spreads in loaders that copy computed values (search results, arrays, parsed queries), not rows.
// A new spread must list its fields by name; add it here only if it spreads no database row.
const COMPUTED_SPREADS = new Set([
  "_employer.employer.vacancies.$id_.applicants.tsx ...applicantsQueryFrom",
  "g.$slug.tsx ...profile", // loadPublicProfile: the public profile's named shape
  "_employer.tsx ...STAFF_ROLES", // the roles that pass the employer area's layout, not a row
  "_employer.graduates._index.tsx ...cohorts",
  "_employer.graduates._index.tsx ...result",
  "saved.$token.feed[.xml].ts ...query",
  "staff.audit.tsx ...result",
  "staff.import.$id.tsx ...base",
  "staff.import.$id.tsx ...l",
  "staff.outcomes._index.tsx ...dashboard",
  "staff.outcomes.follow-up.tsx ...found",
  "staff.outcomes.graduates._index.tsx ...found",
  "staff.outcomes[.csv].ts ...rows",
  // The outcome pages' parsed query (zod) narrowed to the staff scope's schools (docs/decisions/063-staff-scope.md "Outcome pages").
  "staff.outcomes._index.tsx ...asked",
  "staff.outcomes._index.tsx ...query",
  "staff.outcomes.campaigns.new.tsx ...asked",
  "staff.outcomes.campaigns.new.tsx ...query",
  "staff.outcomes.follow-up.tsx ...asked",
  "staff.outcomes.follow-up.tsx ...query",
  "staff.outcomes.follow-up[.csv].ts ...query",
  "staff.outcomes.graduates._index.tsx ...asked",
  "staff.outcomes.graduates._index.tsx ...query",
  "staff.outcomes.graduates[.csv].ts ...asked",
  "staff.outcomes[.csv].ts ...query",
  "staff.skill-gap.tsx ...asked",
  "staff.skill-gap.tsx ...query",
  "staff.skill-gap[.csv].ts ...asked",
  "staff.skill-gap[.csv].ts ...query",
  "uploads.$file.ts ...headers",
  "vacancies._index.tsx ...result",
]);

function loaderOf(source: string): string | null {
  const start = source.search(/export (async )?function loader\b/);
  if (start < 0) return null;
  const end = source.indexOf("\n}\n", start);
  return source.slice(start, end < 0 ? undefined : end);
}

describe("loaders send named shapes", () => {
  const files = fs.readdirSync(ROUTES).filter((f) => /\.tsx?$/.test(f));

  it("reads every route file (the check is not empty)", () => {
    expect(files.length).toBeGreaterThan(70);
    expect(files.filter((f) => loaderOf(fs.readFileSync(path.join(ROUTES, f), "utf8"))).length).toBeGreaterThan(60);
  });

  it("no route selects whole rows (selectAll)", () => {
    // Queries live in models (tests/unit/route-architecture.test.ts); admin.schools.$id.tsx keeps the
    // whole school (getSchool) only for its action's audit entry, and its loader picks fields.
    const offenders = files.filter((f) => /\.selectAll\(/.test(fs.readFileSync(path.join(ROUTES, f), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("no loader spreads anything but the computed values listed here", () => {
    const spreads: string[] = [];
    for (const f of files) {
      const loader = loaderOf(fs.readFileSync(path.join(ROUTES, f), "utf8"));
      for (const m of loader?.matchAll(/\.\.\.([A-Za-z_$][\w$]*)/g) ?? []) spreads.push(`${f} ...${m[1]}`);
    }
    expect(spreads.filter((s) => !COMPUTED_SPREADS.has(s))).toEqual([]);
  });

  it("the check sees a row spread when there is one", () => {
    const sample = "export async function loader() {\n  const vacancy = await getVacancy(db, 1);\n  return { vacancy: { ...vacancy } };\n}\n";
    expect([...loaderOf(sample)!.matchAll(/\.\.\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1])).toEqual(["vacancy"]);
  });
});
