// The employer dashboard (issue 18 items 1 and 7; docs/product.md §15, docs/decisions/058) on a real
// SQLite file: applications made and moved by the pipeline's own functions, their history then
// dated by hand so that every figure below is worked out on paper. Another company's data never
// shows; a pending company sees only its to-do; the best matches leave out who applied, private
// profiles and other companies' candidates, and follow profile edits.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import type { SkillLevel } from "@db/schema";
import { bishkekWeek } from "~/domain/employer-dashboard";
import { move } from "~/models/applications.server";
import { bestMatchesFor } from "~/models/best-matches.server";
import { employerDashboard, type HiringDashboard } from "~/models/employer-dashboard.server";
import * as dashboardPage from "~/routes/_employer.employer._index";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeApplication, makeCompany, makeGraduate, makeUser, makeVacancy, sessionCookieFor, signedIn } from "../support/factories";
import { call, get } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

const DAY = 86_400_000;
const skillId = async (slug: string) => (await c.db.selectFrom("skills").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;

async function graduate(name: string, skills: [string, SkillLevel][] = [], visibility: "private" | "employers" | "public" = "employers") {
  const [firstName, lastName] = name.split(" ") as [string, string];
  const { graduateId } = await makeGraduate(c, { firstName, lastName, account: true });
  await c.db
    .updateTable("graduates")
    .set({ slug: `g-${graduateId}`, visibility, english_level: "B1" })
    .where("id", "=", graduateId)
    .execute();
  for (const [slug, level] of skills) {
    await c.db
      .insertInto("graduate_skills")
      .values({ graduate_id: graduateId, skill_id: await skillId(slug), level, source: "self", verified_by: null })
      .execute();
  }
  return graduateId;
}

async function employer(status: "pending" | "verified" | "rejected" = "verified") {
  const user = await makeUser(c, "employer");
  const companyId = await makeCompany(c, user.id, status);
  return { user, companyId, cookie: await sessionCookieFor(user.id) };
}

const pythonJob = (companyId: number, title: string, status: "open" | "draft" | "rejected" = "open") =>
  makeVacancy(c, companyId, { title, description: "<p>Python</p>", workMode: "remote", status, skills: "python" });

/** Dates an application's events, in the order they were written, at these days before `now` (fractions allowed). */
async function dateHistory(applicationId: number, daysAgo: number[], now: number) {
  const events = await c.db.selectFrom("application_events").select("id").where("application_id", "=", applicationId).orderBy("id").execute();
  expect(events.length).toBe(daysAgo.length);
  for (const [i, e] of events.entries()) {
    const at = new Date(now - daysAgo[i]! * DAY).toISOString();
    await c.db.updateTable("application_events").set({ created_at: at }).where("id", "=", e.id).execute();
  }
  const first = new Date(now - daysAgo[0]! * DAY).toISOString();
  const last = new Date(now - daysAgo[daysAgo.length - 1]! * DAY).toISOString();
  await c.db.updateTable("applications").set({ created_at: first, updated_at: last }).where("id", "=", applicationId).execute();
}

/** Moves an application to the interview stage at a chosen time (the factory picks its own). */
async function interviewAt(companyId: number, applicationId: number, at: Date, actor: number) {
  for (const to of ["screening", "interview"] as const) {
    const r = await move(
      c.db,
      companyId,
      applicationId,
      {
        to,
        note: null,
        interviewAt: to === "interview" ? at.toISOString() : null,
        interviewPlace: to === "interview" ? "Бишкек, Ибраимова 115" : null,
        startDate: null,
        monthlyPay: null,
      },
      actor,
    );
    expect(r).toEqual({ ok: true });
  }
}

async function hiringOf(companyId: number, now?: Date): Promise<HiringDashboard> {
  const { hiring } = await employerDashboard(c, companyId, { verified: true, now });
  return hiring!;
}

describe("the employer dashboard", () => {
  it("counts every stage per open vacancy, lists this week's interviews and the applications waiting over 5 days, and computes time-to-hire", async () => {
    const x = await employer();
    const y = await employer();
    const v1 = await pythonJob(x.companyId, "Python backend");
    const v2 = await pythonJob(x.companyId, "Python data");
    const closed = await pythonJob(x.companyId, "Old job");
    const yJob = await pythonJob(y.companyId, "Y's job");
    const g = [];
    for (let i = 0; i < 10; i++) g.push(await graduate(`Бүтүрүүчү N${i}`, [["python", "intermediate"]]));
    const now = Date.now();
    const week = bishkekWeek(now);

    const A = await makeApplication(c, v1, g[0]!); // applied 6 days ago: waiting
    const B = await makeApplication(c, v1, g[1]!); // applied 2 days ago: not yet waiting
    const C = await makeApplication(c, v1, g[2]!, { status: "screening" });
    const D = await makeApplication(c, v1, g[3]!);
    await interviewAt(x.companyId, D, new Date((now + Date.parse(week.to)) / 2), x.user.id); // this week
    const E = await makeApplication(c, v2, g[4]!, { status: "offer" });
    const F = await makeApplication(c, v2, g[5]!);
    await interviewAt(x.companyId, F, new Date(Date.parse(week.to) + DAY), x.user.id); // next week
    const H = await makeApplication(c, v1, g[6]!, { status: "hired" });
    const R = await makeApplication(c, v1, g[7]!, { status: "rejected" });
    const old = await makeApplication(c, closed, g[8]!, { status: "hired" });
    const yWaiting = await makeApplication(c, yJob, g[9]!);
    await c.db.updateTable("vacancies").set({ status: "closed" }).where("id", "=", closed).execute();

    await dateHistory(A, [6], now);
    await dateHistory(B, [2], now);
    await dateHistory(C, [20, 18], now); // first answer after 2 days
    await dateHistory(D, [30, 26, 20], now); // 4, then interview stage after 10
    await dateHistory(E, [40, 39, 33, 30], now); // 1, 7
    await dateHistory(F, [12, 9, 5], now); // 3, 7
    await dateHistory(H, [60, 57, 50, 45, 40], now); // 3, 10, hired after 20
    await dateHistory(R, [15, 10], now); // rejected after 5: a first answer
    await dateHistory(old, [400, 399, 390, 380, 370], now); // before the 12 months: not counted
    await dateHistory(yWaiting, [10], now); // company Y's: never on X's dashboard

    const hiring = await hiringOf(x.companyId, new Date(now));
    expect(hiring.vacancies.map((v) => [v.title, v.stages]).sort()).toEqual([
      ["Python backend", { applied: 2, screening: 1, interview: 1, offer: 0 }],
      ["Python data", { applied: 0, screening: 0, interview: 1, offer: 1 }],
    ]);
    expect(hiring.interviews.map((i) => i.applicationId)).toEqual([D]);
    expect(hiring.interviews[0]).toMatchObject({ name: "Бүтүрүүчү N3", vacancy: "Python backend", place: "Бишкек, Ибраимова 115" });
    expect(hiring.waiting).toEqual({
      count: 1,
      items: [{ applicationId: A, vacancyId: v1, vacancy: "Python backend", name: "Бүтүрүүчү N0", appliedAt: new Date(now - 6 * DAY).toISOString(), days: 6 }],
    });
    // First answers 2, 4, 1, 3, 3, 5 → 1 2 3 3 4 5 → 3; interview stage 10, 7, 7, 10 → 8.5; one hire → not enough data.
    expect(hiring.timeToHire).toMatchObject({ firstAnswer: { days: 3, n: 6 }, interview: { days: 8.5, n: 4 }, hire: { days: null, n: 1 } });

    // The steps are kept in memory and follow new events: answering B (2 days after it came) adds a first answer.
    expect(
      await move(c.db, x.companyId, B, { to: "screening", note: null, interviewAt: null, interviewPlace: null, startDate: null, monthlyPay: null }, x.user.id),
    ).toEqual({
      ok: true,
    });
    const after = await hiringOf(x.companyId, new Date(now));
    expect(after.timeToHire.firstAnswer.n).toBe(7);
    expect(after.vacancies.find((v) => v.title === "Python backend")!.stages).toEqual({ applied: 1, screening: 2, interview: 1, offer: 0 });

    // Company Y sees its own waiting application and nothing of X's.
    const yHiring = await hiringOf(y.companyId, new Date(now));
    expect(yHiring.waiting.items.map((w) => w.applicationId)).toEqual([yWaiting]);
    expect(yHiring.vacancies.map((v) => v.id)).toEqual([yJob]);
    expect(yHiring.interviews).toEqual([]);
    expect(yHiring.timeToHire).toMatchObject({ firstAnswer: { n: 0 }, interview: { n: 0 }, hire: { n: 0 } });
    // (X's applicants may well be Y's best matches: profiles open to employers are for every verified company.)
    const yAll = JSON.stringify(yHiring);
    for (const title of ["Python backend", "Python data", "Old job"]) expect(yAll).not.toContain(title);
  });

  it("best matches per open vacancy: top 3 who have not applied, no private profile, following profile edits and applications", async () => {
    const x = await employer();
    const v = await pythonJob(x.companyId, "Python backend");
    const applied = await graduate("Арыз Берген", [["python", "advanced"]]);
    const strong = await graduate("Күчтүү Бүтүрүүчү", [["python", "advanced"]]);
    const hidden = await graduate("Жашыруун Профиль", [["python", "advanced"]], "private");
    const middle = await graduate("Орто Бүтүрүүчү");
    await graduate("Алсыз Бүтүрүүчү");
    const none = await graduate("Көндүмсүз Бүтүрүүчү");
    await makeApplication(c, v, applied);
    const nameOf = new Map<number, string>();
    for (const r of await c.db.selectFrom("graduates").select(["id", "first_name", "last_name"]).execute()) nameOf.set(r.id, `${r.first_name} ${r.last_name}`);
    // Through the dashboard (the kept ranking holds everyone here), and straight from the kept
    // ranking with no spare places (it holds 4 of the 5 eligible: its floor is used).
    const viaDashboard = async () => (await hiringOf(x.companyId)).vacancies[0]!.matches.map((m) => m.name);
    const viaHead = async () => {
      const appliedIds = new Set((await c.db.selectFrom("applications").select("graduate_id").where("vacancy_id", "=", v).execute()).map((r) => r.graduate_id));
      return bestMatchesFor(c, [{ id: v, applied: appliedIds }], 3, 0)
        .get(v)!
        .map((m) => nameOf.get(m.graduateId));
    };
    const expectTop = async (names: string[]) => {
      expect(await viaDashboard()).toEqual(names);
      expect(await viaHead()).toEqual(names);
    };
    // Ties (no skill) go by the smaller id, as on the candidates page.
    await expectTop(["Күчтүү Бүтүрүүчү", "Орто Бүтүрүүчү", "Алсыз Бүтүрүүчү"]);
    const hiring = await hiringOf(x.companyId);
    expect(hiring.vacancies[0]!.matches[0]!.explanation.requiredMet).toBe(1);
    expect(hiring.vacancies[0]!.matches[0]!.slug).toBe(`g-${strong}`);
    expect(hiring.skills[await skillId("python")]).toMatchObject({ slug: "python" });

    // The hidden profile opens to employers, the strong one goes private.
    await c.db.updateTable("graduates").set({ visibility: "public" }).where("id", "=", hidden).execute();
    await c.db.updateTable("graduates").set({ visibility: "private" }).where("id", "=", strong).execute();
    await expectTop(["Жашыруун Профиль", "Орто Бүтүрүүчү", "Алсыз Бүтүрүүчү"]);
    // A new application takes that graduate out at once.
    await makeApplication(c, v, middle);
    await expectTop(["Жашыруун Профиль", "Алсыз Бүтүрүүчү", "Көндүмсүз Бүтүрүүчү"]);
    // A skill gained moves the last one up past a graduate ranked above it.
    await c.db
      .insertInto("graduate_skills")
      .values({ graduate_id: none, skill_id: await skillId("python"), level: "advanced", source: "self", verified_by: null })
      .execute();
    await expectTop(["Жашыруун Профиль", "Көндүмсүз Бүтүрүүчү", "Алсыз Бүтүрүүчү"]);
  });

  it("best matches whose current outcome is employed elsewhere stay listed, marked as already employed (decision 058, Session 12)", async () => {
    const x = await employer();
    const v = await pythonJob(x.companyId, "Python job");
    const working = await graduate("Иштеген Бүтүрүүчү", [["python", "advanced"]]);
    const free = await graduate("Бош Бүтүрүүчү", [["python", "intermediate"]]);
    const at = new Date().toISOString();
    await c.db
      .insertInto("outcomes")
      .values([
        { graduate_id: working, checkpoint: "graduation", code: "seeking", as_of: "2025-06-30", source: "staff", current: 1, created_at: at, updated_at: at },
        {
          graduate_id: working,
          checkpoint: "m6",
          code: "employed",
          as_of: "2025-12-30",
          source: "staff",
          employer_name: "Other LLC",
          employment_kind: "employee",
          hours_per_week: 40,
          current: 1,
          created_at: at,
          updated_at: at,
        },
        {
          graduate_id: free,
          checkpoint: "graduation",
          code: "employed",
          as_of: "2025-06-30",
          source: "staff",
          employer_name: "Old LLC",
          employment_kind: "employee",
          hours_per_week: 40,
          current: 1,
          created_at: at,
          updated_at: at,
        },
        { graduate_id: free, checkpoint: "m6", code: "seeking", as_of: "2025-12-30", source: "staff", current: 1, created_at: at, updated_at: at },
      ])
      .execute();
    const matches = (await hiringOf(x.companyId)).vacancies.find((m) => m.id === v)!.matches;
    expect(matches.map((m) => [m.name, m.employed])).toEqual([
      ["Иштеген Бүтүрүүчү", true],
      ["Бош Бүтүрүүчү", false],
    ]);
  });

  it("the page: a verified company gets its dashboard; a pending one only its to-do; graduates 403, visitors to sign-in", async () => {
    const x = await employer();
    await pythonJob(x.companyId, "Open job");
    await pythonJob(x.companyId, "Draft job", "draft");
    await pythonJob(x.companyId, "Returned job", "rejected");
    const page = await call(dashboardPage.loader, get("/employer", { cookie: x.cookie }));
    expect(page.status).toBe(200);
    const data = page.data as { toDo: { returned: { title: string; reason: string }[]; drafts: { title: string }[] }; hiring: HiringDashboard | null };
    expect(data.toDo.returned).toEqual([{ id: expect.any(Number), title: "Returned job", reason: "Укажите зарплатную вилку." }]);
    expect(data.toDo.drafts.map((d) => d.title)).toEqual(["Draft job"]);
    expect(data.hiring!.vacancies.map((v) => v.title)).toEqual(["Open job"]);

    const pending = await employer("pending");
    await pythonJob(pending.companyId, "Pending draft", "draft");
    const p = await call(dashboardPage.loader, get("/employer", { cookie: pending.cookie }));
    expect(p.status).toBe(200);
    const pData = p.data as typeof data & { company: { status: string } };
    expect(pData.company.status).toBe("pending");
    expect(pData.toDo.drafts.map((d) => d.title)).toEqual(["Pending draft"]);
    expect(pData.hiring).toBeNull();

    const rejected = await employer("rejected");
    expect(((await call(dashboardPage.loader, get("/employer", { cookie: rejected.cookie }))).data as typeof data).hiring).toBeNull();

    const grad = await signedIn(c, "graduate");
    expect((await call(dashboardPage.loader, get("/employer", { cookie: grad.cookie }))).status).toBe(403);
    const staff = await signedIn(c, "staff");
    expect((await call(dashboardPage.loader, get("/employer", { cookie: staff.cookie }))).status).toBe(403);
    const visitor = await call(dashboardPage.loader, get("/employer"));
    expect(visitor.status).toBe(302);
    expect(visitor.location).toBe("/login?redirectTo=%2Femployer");
  });
});
