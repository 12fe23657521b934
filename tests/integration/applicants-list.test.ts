// The applicants list's filters and sort (issue 18 item 2, docs/product.md §15): a built set with known
// answers, through the page's loader (its guard, its query from the URL) and the model's paging.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import * as employerApplicants from "~/routes/_employer.employer.applicants";
import * as vacancyApplicants from "~/routes/_employer.employer.vacancies.$id_.applicants";
import { applicantsQueryFrom } from "~/domain/applications/applicants-query";
import { companyApplicantsPage } from "~/models/applicants-list.server";
import { addTeamNote, rateApplication } from "~/models/application-notes.server";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { addCompanyMember, makeApplication, makeCohort, makeCompany, makeGraduate, makeUser, makeVacancy, sessionCookieFor } from "../support/factories";
import { call, get } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

type Row = { id: number; first_name: string; score: number | null; status: string; explanation: { requiredMet: number; requiredCount: number } | null };
type Page = { total: number; applicants: Row[]; page: number; pages: number };

/** Four applicants with known schools, regions, skills, visibility and dates. */
async function world() {
  const owner = await makeUser(c, "employer");
  const companyId = await makeCompany(c, owner.id);
  const cookie = await sessionCookieFor(owner.id);
  const js = await c.db.selectFrom("skills").select("id").where("slug", "=", "javascript").executeTakeFirstOrThrow();
  const v1 = await makeVacancy(c, companyId, { title: "Frontend", skills: "javascript" });
  const v2 = await makeVacancy(c, companyId, { title: "QA" });
  const schools = await c.db.selectFrom("schools").select(["id", "region_id"]).orderBy("id").execute();
  const s1 = schools[0]!;
  const s2 = schools.find((s) => s.region_id !== s1.region_id)!;
  const c1 = await makeCohort(c, "2026-06-30", s1.id);
  const c2 = await makeCohort(c, "2026-06-30", s2.id);
  const person = async (firstName: string, cohortId: number, visibility: "private" | "employers" | "public", regionId: number | null) => {
    const { graduateId } = await makeGraduate(c, { firstName, lastName: "Тестова", cohortId, account: true });
    await c.db.updateTable("graduates").set({ visibility, region_id: regionId }).where("id", "=", graduateId).execute();
    return graduateId;
  };
  const a = await person("Айпери", c1, "public", null);
  const b = await person("Бакыт", c2, "employers", null);
  const cc = await person("Чолпон", c1, "public", s2.region_id);
  const d = await person("Динара", c1, "private", null);
  await c.db.insertInto("graduate_skills").values({ graduate_id: a, skill_id: js.id, level: "advanced", source: "self", verified_by: null }).execute();
  const apps = {
    a: await makeApplication(c, v1, a),
    b: await makeApplication(c, v1, b, { status: "screening" }),
    c: await makeApplication(c, v2, cc),
    d: await makeApplication(c, v1, d),
  };
  // Application times (UTC): B's is 01:00 on 10 March in Bishkek, the day boundary the date filter must respect.
  const at = { a: "2026-03-01T10:00:00.000Z", b: "2026-03-09T19:00:00.000Z", c: "2026-03-20T10:00:00.000Z", d: "2026-02-01T10:00:00.000Z" };
  for (const k of ["a", "b", "c", "d"] as const) await c.db.updateTable("applications").set({ created_at: at[k] }).where("id", "=", apps[k]).execute();
  return { companyId, cookie, v1, v2, s1, s2, apps };
}

describe("the applicants list's filters and sort", () => {
  it("filters by stage, vacancy, score, school, region, required skills and dates, and sorts by date or score", async () => {
    const w = await world();
    const list = async (search: string) => {
      const res = await call(employerApplicants.loader, get(`/employer/applicants${search}`, { cookie: w.cookie }));
      expect(res.status).toBe(200);
      return res.data as Page;
    };
    const names = async (search: string) => (await list(search)).applicants.map((r) => r.first_name);

    // Newest application first by default.
    expect(await names("")).toEqual(["Чолпон", "Бакыт", "Айпери", "Динара"]);
    // Each row carries its score and reason; a private profile is scored for no employer.
    const all = await list("");
    const byName = new Map(all.applicants.map((r) => [r.first_name, r]));
    expect(byName.get("Айпери")!.explanation).toMatchObject({ requiredMet: 1, requiredCount: 1 });
    expect(byName.get("Бакыт")!.explanation).toMatchObject({ requiredMet: 0, requiredCount: 1 });
    expect(byName.get("Динара")!.score).toBeNull();
    expect(byName.get("Динара")!.explanation).toBeNull();
    const scoreA = byName.get("Айпери")!.score!;
    const scoreB = byName.get("Бакыт")!.score!;
    const scoreC = byName.get("Чолпон")!.score!;
    expect(scoreA).toBeGreaterThan(scoreB);

    // By score: best first, the unscored last.
    const byScore = (await list("?sort=score")).applicants;
    expect(byScore.at(-1)!.first_name).toBe("Динара");
    const scores = byScore.slice(0, 3).map((r) => r.score!);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(new Set(byScore.slice(0, 3).map((r) => r.first_name))).toEqual(new Set(["Айпери", "Бакыт", "Чолпон"]));

    expect(await names("?status=screening")).toEqual(["Бакыт"]);
    expect(await names(`?vacancy=${w.v2}`)).toEqual(["Чолпон"]);
    // At least the score: B (lower than A) and the unscored D drop out; in date order.
    const atLeast = (n: number) => [["Чолпон", scoreC] as const, ["Айпери", scoreA] as const].filter(([, s]) => s >= n).map(([name]) => name);
    expect(await names(`?score=${scoreB + 1}`)).toEqual(atLeast(scoreB + 1));
    expect(await names(`?score=${scoreA}`)).toContain("Айпери");
    // Every required skill held: A (the one required skill), C (its vacancy requires none); never the unscored.
    expect(await names("?meets=1")).toEqual(["Чолпон", "Айпери"]);
    expect(await names(`?school=${w.s2.id}`)).toEqual(["Бакыт"]);
    // The graduate's region, or their school's when they have not said one.
    expect(await names(`?region=${w.s2.region_id}`)).toEqual(["Чолпон", "Бакыт"]);
    expect(await names(`?region=${w.s1.region_id}`)).toEqual(["Айпери", "Динара"]);
    // Bishkek calendar days, inclusive.
    expect(await names("?from=2026-03-10&to=2026-03-10")).toEqual(["Бакыт"]);
    expect(await names("?to=2026-03-09")).toEqual(["Айпери", "Динара"]);
    // By score within the dates; an equal score keeps the newer application first.
    expect(await names("?from=2026-03-02&to=2026-03-31&sort=score")).toEqual(scoreB > scoreC ? ["Бакыт", "Чолпон"] : ["Чолпон", "Бакыт"]);
    // Filters combine.
    expect(await names(`?vacancy=${w.v1}&meets=1`)).toEqual(["Айпери"]);
    // Unknown values are ignored, never an error.
    expect((await list("?score=abc&school=x&region=-1&sort=weird&from=2026-02-30&to=03/10/2026&meets=yes&status=nope&page=0")).total).toBe(4);
    expect((await list("?score=101")).total).toBe(4);

    // The vacancy's own page: its applicants only, with the same filters.
    const one = await call(vacancyApplicants.loader, get(`/employer/vacancies/${w.v1}/applicants?sort=score`, { cookie: w.cookie }), { id: String(w.v1) });
    expect((one.data as Page).applicants.map((r) => r.first_name)).toEqual(["Айпери", "Бакыт", "Динара"]);
  });

  it("pages the filtered, sorted list", async () => {
    const w = await world();
    const query = applicantsQueryFrom(new URL("http://x/employer/applicants"));
    const first = await companyApplicantsPage(c, w.companyId, { ...query, page: 1 }, 3);
    const second = await companyApplicantsPage(c, w.companyId, { ...query, page: 2 }, 3);
    expect([first.total, first.pages, second.page]).toEqual([4, 2, 2]);
    expect(first.applicants.map((r) => r.first_name)).toEqual(["Чолпон", "Бакыт", "Айпери"]);
    expect(second.applicants.map((r) => r.first_name)).toEqual(["Динара"]);
    // A page past the end shows the last one.
    expect((await companyApplicantsPage(c, w.companyId, { ...query, page: 9 }, 3)).applicants.map((r) => r.first_name)).toEqual(["Динара"]);
  });

  it("shows each row's team notes and average rating, counting only the company's own colleagues", async () => {
    const w = await world();
    const colleague = await makeUser(c, "employer");
    await addCompanyMember(c, w.companyId, colleague.id);
    const owner = await c.db.selectFrom("company_members").select("user_id").where("company_id", "=", w.companyId).orderBy("user_id").executeTakeFirstOrThrow();
    expect(await addTeamNote(c.db, w.companyId, w.apps.a, owner.user_id, "Сильное портфолио")).toMatchObject({ ok: true });
    expect(await addTeamNote(c.db, w.companyId, w.apps.a, colleague.id, "Согласна")).toMatchObject({ ok: true });
    await rateApplication(c.db, w.companyId, w.apps.a, owner.user_id, 4);
    await rateApplication(c.db, w.companyId, w.apps.a, colleague.id, 5);
    await rateApplication(c.db, w.companyId, w.apps.b, colleague.id, 2);
    // Another company cannot write on this company's application (its note would never be counted here).
    const stranger = await makeUser(c, "employer");
    const otherCompany = await makeCompany(c, stranger.id);
    expect(await addTeamNote(c.db, otherCompany, w.apps.a, stranger.id, "чужая заметка")).not.toMatchObject({ ok: true });
    const res = await call(employerApplicants.loader, get("/employer/applicants", { cookie: w.cookie }));
    const rows = (res.data as { applicants: { first_name: string; notes: number; averageRating: number | null }[] }).applicants;
    const of = (name: string) => rows.find((r) => r.first_name === name)!;
    expect([of("Айпери").notes, of("Айпери").averageRating]).toEqual([2, 4.5]);
    expect([of("Бакыт").notes, of("Бакыт").averageRating]).toEqual([0, 2]);
    expect([of("Чолпон").notes, of("Чолпон").averageRating]).toEqual([0, null]);
  });
});
