// Issue 19 item 1 over HTTP (docs/decisions/063-staff-scope.md "Outcome pages"): the production build on
// the demo data, a placement officer scoped to the Naryn lyceum signed in through the login form. Another
// school's graduate is 404 on the outcome page and on its `.data` request (what client navigation
// fetches), with nothing of the graduate in the answer; their own school's graduate opens. The dashboard
// and its `.data` name no other school. (In-process figures: staff-scope-outcomes.test.ts.)
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@db/connection";
import { setStaffScope } from "~/models/staff-scopes.server";
import { demoDataCopy, type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";
import { makeUser, PASSWORD } from "../support/factories";

const EMAIL = "naryn-officer@test.kg";
let server: RunningServer;
let cookie: string;
type Graduate = { id: number; last_name: string };
let outsider: Graduate;
let naryn: Graduate;
let otherSchoolName: string;

beforeAll(async () => {
  const dataDir = await demoDataCopy();
  const c = openDatabase(path.join(dataDir, "portal.sqlite"));
  try {
    const school = (slug: string) => c.db.selectFrom("schools").select(["id", "name_en"]).where("slug", "=", slug).executeTakeFirstOrThrow();
    const narynSchool = await school("pl-87-naryn");
    const other = await c.db.selectFrom("schools").select(["id", "name_en"]).where("id", "<>", narynSchool.id).orderBy("id").executeTakeFirstOrThrow();
    otherSchoolName = other.name_en;
    const graduateOf = (schoolId: number) =>
      c.db
        .selectFrom("graduates")
        .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
        .select(["graduates.id", "graduates.last_name"])
        .where("cohorts.school_id", "=", schoolId)
        .where("graduates.anonymised_at", "is", null)
        .orderBy("graduates.id")
        .executeTakeFirstOrThrow();
    outsider = await graduateOf(other.id);
    naryn = await graduateOf(narynSchool.id);
    const officer = await makeUser(c, "staff", { email: EMAIL });
    await setStaffScope(c.db, officer.id, [narynSchool.id]);
  } finally {
    c.sqlite.close();
  }
  server = await startServer({}, dataDir);
  cookie = await signInOverHttp(server.url, EMAIL, PASSWORD);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

async function page(pathname: string) {
  const res = await fetch(`${server.url}${pathname}`, { headers: { Cookie: `${cookie}; lng=en` }, redirect: "manual" });
  return { status: res.status, body: await res.text() };
}

describe("a Naryn-scoped officer over HTTP", () => {
  it("gets 404 for another school's graduate, on the page and its .data request, and opens their own", async () => {
    for (const url of [`/staff/outcomes/graduates/${outsider.id}`, `/staff/outcomes/graduates/${outsider.id}.data`]) {
      const res = await page(url);
      expect(res.status, url).toBe(404);
      expect(res.body, url).not.toContain(outsider.last_name);
    }
    const own = await page(`/staff/outcomes/graduates/${naryn.id}.data`);
    expect(own.status).toBe(200);
    expect(own.body).toContain(naryn.last_name);
  });

  it("sees a dashboard of Naryn alone: no other school in the page or its .data", async () => {
    for (const url of ["/staff/outcomes?checkpoint=m6&by=school", "/staff/outcomes.data?checkpoint=m6&by=school"]) {
      const res = await page(url);
      expect(res.status, url).toBe(200);
      expect(res.body, url).toContain("Professional Lyceum No. 87");
      expect(res.body, url).not.toContain(otherSchoolName);
    }
  });
});
