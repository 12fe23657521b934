import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import type { VacancyStatus } from "@db/schema";
import * as employerApplicants from "~/routes/_employer.employer.applicants";
import * as employerApplication from "~/routes/_employer.employer.applications.$id";
import * as vacancyApplicants from "~/routes/_employer.employer.vacancies.$id_.applicants";
import * as candidatesPage from "~/routes/_employer.vacancies.$id_.candidates";
import * as myApplication from "~/routes/me.applications.$id";
import * as myApplications from "~/routes/me.applications._index";
import * as applyPage from "~/routes/vacancies.$id_.apply";
import type { ApplicationSnapshot } from "~/models/applications.server";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { addCompanyMember, makeCompany, makeGraduate, makeUser, makeVacancy, sessionCookieFor } from "../support/factories";
import { call, get, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

/** A graduate who joined, with a visible profile and two projects, signed in. */
async function graduate(first = "Айпери", last = "Жумабекова", visibility: "private" | "employers" | "public" = "public") {
  const made = await makeGraduate(c, { firstName: first, lastName: last, account: true });
  const { graduateId } = made;
  const user = { id: made.userId! };
  const slug = `${last.toLowerCase() === "жумабекова" ? "ayperi" : "g"}-${graduateId}`;
  await c.db
    .updateTable("graduates")
    .set({
      slug,
      visibility,
      headline: "Junior frontend-разработчик",
      about: "Сделала сайт для гостевого дома.",
      english_level: "B1",
      contact_email: "ayperi@mail.kg",
    })
    .where("id", "=", graduateId)
    .execute();
  const js = await c.db.selectFrom("skills").select("id").where("slug", "=", "javascript").executeTakeFirstOrThrow();
  await c.db
    .insertInto("graduate_skills")
    .values({ graduate_id: graduateId, skill_id: js.id, level: "intermediate", source: "self", verified_by: null })
    .execute();
  await c.db.insertInto("graduate_languages").values({ graduate_id: graduateId, language: "ky", level: "native" }).execute();
  const projects: number[] = [];
  for (const title of ["Сайт гостевого дома", "Бот расписания"]) {
    const { id } = await c.db
      .insertInto("projects")
      .values({
        graduate_id: graduateId,
        title,
        summary: "Кыска баяндама",
        description: null,
        role: null,
        repo_url: null,
        demo_url: null,
        started_on: null,
        finished_on: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await c.db.insertInto("project_skills").values({ project_id: id, skill_id: js.id }).execute();
    projects.push(id);
  }
  return { graduateId, user, slug, projects, cookie: await sessionCookieFor(user.id) };
}

async function employer(status: "pending" | "verified" = "verified") {
  const user = await makeUser(c, "employer");
  const companyId = await makeCompany(c, user.id, status);
  return { user, companyId, cookie: await sessionCookieFor(user.id) };
}

const vacancy = (companyId: number, status: VacancyStatus = "open", title = "Junior frontend developer") => makeVacancy(c, companyId, { status, title });

const applyTo = (vacancyId: number, cookie: string, fields: [string, string][]) =>
  call(applyPage.action, post(`/vacancies/${vacancyId}/apply`, fields, { cookie }), { id: String(vacancyId) });

const moveTo = (applicationId: number, cookie: string, fields: Record<string, string>) =>
  call(employerApplication.action, post(`/employer/applications/${applicationId}`, { intent: "move", ...fields }, { cookie }), { id: String(applicationId) });

const notificationsOf = (userId: number) =>
  c.db.selectFrom("notifications").select(["kind", "payload_json", "link"]).where("user_id", "=", userId).orderBy("id").execute();

describe("applying", () => {
  it("applies once with a note and own projects; a second apply is refused and writes nothing", async () => {
    const g = await graduate();
    const e = await employer();
    const v = await vacancy(e.companyId);
    const form = await call(applyPage.loader, get(`/vacancies/${v}/apply`, { cookie: g.cookie }), { id: String(v) });
    expect(form.status).toBe(200);
    expect((form.data as { projects: { id: number }[] }).projects.map((p) => p.id)).toEqual(g.projects);

    const res = await applyTo(v, g.cookie, [
      ["note", "Хочу у вас работать."],
      ["projectId", String(g.projects[0])],
    ]);
    expect(res.status).toBe(302);
    const app = await c.db.selectFrom("applications").selectAll().executeTakeFirstOrThrow();
    expect(res.location).toBe(`/me/applications/${app.id}`);
    expect(app).toMatchObject({ vacancy_id: v, graduate_id: g.graduateId, status: "applied", note: "Хочу у вас работать." });
    const sent = JSON.parse(app.snapshot_json!) as ApplicationSnapshot;
    expect(sent.graduate).toMatchObject({
      name: "Айпери Жумабекова",
      headline: "Junior frontend-разработчик",
      englishLevel: "B1",
      modulesTotal: 12,
      contacts: { email: "ayperi@mail.kg", phone: null },
    });
    // Declared intermediate, shown in a project: a project proves basic, so intermediate stays self-declared (docs/decisions/022).
    expect(sent.skills.map((s) => [s.name_en, s.level, s.evidence, s.pairs])).toEqual([
      [
        "JavaScript",
        "intermediate",
        "self",
        [
          { level: "basic", evidence: "portfolio" },
          { level: "intermediate", evidence: "self" },
        ],
      ],
    ]);
    expect(sent.languages).toEqual([{ language: "ky", level: "native" }]);
    expect(sent.projects.map((p) => p.title)).toEqual(["Сайт гостевого дома"]);
    expect(sent.projects[0]!.skills.map((s) => s.name_en)).toEqual(["JavaScript"]);

    // The company's members hear of it; the event names the graduate as the actor.
    expect(await notificationsOf(e.user.id)).toEqual([
      {
        kind: "application-received",
        payload_json: JSON.stringify({ graduate: "Айпери Жумабекова", vacancy: "Junior frontend developer" }),
        link: `/employer/applications/${app.id}`,
      },
    ]);
    expect(await c.db.selectFrom("application_events").select(["from_status", "to_status", "actor_user_id"]).execute()).toEqual([
      { from_status: null, to_status: "applied", actor_user_id: g.user.id },
    ]);

    const before = snapshot(c);
    const again = await applyTo(v, g.cookie, [["note", "Ещё раз"]]);
    expect(again.status).toBe(409);
    expect(again.data).toMatchObject({ errors: { _form: "applications.errors.already" }, values: { note: "Ещё раз" } });
    expect(snapshot(c)).toEqual(before);
    // The apply page now points to the application.
    const page = await call(applyPage.loader, get(`/vacancies/${v}/apply`, { cookie: g.cookie }), { id: String(v) });
    expect(page.data).toMatchObject({ already: app.id });
  });

  it("keeps bad input and writes nothing: a note too long, another graduate's project, a malformed project id", async () => {
    const g = await graduate();
    const other = await graduate("Бакыт", "Токтогулов");
    const e = await employer();
    const v = await vacancy(e.companyId);
    const before = snapshot(c);
    const long = await applyTo(v, g.cookie, [
      ["note", "я".repeat(2001)],
      ["projectId", String(g.projects[1])],
    ]);
    expect(long.status).toBe(400);
    expect(long.data).toMatchObject({ errors: { note: "errors.tooLong" }, values: { projectIds: String(g.projects[1]) } });
    const foreign = await applyTo(v, g.cookie, [
      ["note", "Привет"],
      ["projectId", String(g.projects[0])],
      ["projectId", String(other.projects[0])],
    ]);
    expect(foreign.status).toBe(400);
    expect(foreign.data).toMatchObject({
      errors: { projectId: "applications.errors.projects" },
      values: { note: "Привет", projectIds: `${g.projects[0]},${other.projects[0]}` },
    });
    const junk = await applyTo(v, g.cookie, [["projectId", "abc"]]);
    expect(junk.status).toBe(400);
    expect(snapshot(c)).toEqual(before);
  });

  it("refuses closed, draft, submitted and pending-company vacancies (404), and unknown ids", async () => {
    const g = await graduate();
    const e = await employer();
    const pending = await employer("pending");
    const targets = [
      await vacancy(e.companyId, "closed"),
      await vacancy(e.companyId, "draft"),
      await vacancy(e.companyId, "submitted"),
      await vacancy(e.companyId, "filled"),
      await vacancy(pending.companyId, "open"),
    ];
    const past = await vacancy(e.companyId, "open");
    await c.db.updateTable("vacancies").set({ deadline: "2020-01-01" }).where("id", "=", past).execute();
    targets.push(past);
    const before = snapshot(c);
    for (const v of targets) {
      expect((await call(applyPage.loader, get(`/vacancies/${v}/apply`, { cookie: g.cookie }), { id: String(v) })).status).toBe(404);
      expect((await applyTo(v, g.cookie, [["note", "x"]])).status).toBe(404);
    }
    expect((await call(applyPage.loader, get("/vacancies/999999/apply", { cookie: g.cookie }), { id: "999999" })).status).toBe(404);
    expect((await call(applyPage.loader, get("/vacancies/abc/apply", { cookie: g.cookie }), { id: "abc" })).status).toBe(404);
    expect(snapshot(c)).toEqual(before);
  });

  it("shows exactly what was sent even after the profile and projects change", async () => {
    const g = await graduate();
    const e = await employer();
    const v = await vacancy(e.companyId);
    await applyTo(v, g.cookie, [
      ["note", "Письмо"],
      ["projectId", String(g.projects[0])],
    ]);
    const app = await c.db.selectFrom("applications").select("id").executeTakeFirstOrThrow();
    await c.db.updateTable("graduates").set({ headline: "Senior всё", about: "Другое" }).where("id", "=", g.graduateId).execute();
    await c.db.updateTable("projects").set({ title: "Переименован" }).where("id", "=", g.projects[0]!).execute();
    await c.db.deleteFrom("graduate_skills").where("graduate_id", "=", g.graduateId).execute();

    const mine = await call(myApplication.loader, get(`/me/applications/${app.id}`, { cookie: g.cookie }), { id: String(app.id) });
    const sent = (mine.data as { application: { snapshot: ApplicationSnapshot; note: string } }).application;
    expect(sent.note).toBe("Письмо");
    expect(sent.snapshot.graduate.headline).toBe("Junior frontend-разработчик");
    expect(sent.snapshot.projects.map((p) => p.title)).toEqual(["Сайт гостевого дома"]);
    expect(sent.snapshot.skills).toHaveLength(1);
    const theirs = await call(employerApplication.loader, get(`/employer/applications/${app.id}`, { cookie: e.cookie }), { id: String(app.id) });
    expect((theirs.data as { application: { snapshot: ApplicationSnapshot } }).application.snapshot.graduate.about).toBe("Сделала сайт для гостевого дома.");
  });
});

describe("the pipeline", () => {
  it("moves applied → screening → interview → offer → hired, recording events, notifications and one placement", async () => {
    const g = await graduate();
    const e = await employer();
    const colleague = await makeUser(c, "employer");
    await addCompanyMember(c, e.companyId, colleague.id);
    const v = await vacancy(e.companyId);
    await applyTo(v, g.cookie, [["note", "Здравствуйте"]]);
    const { id } = await c.db.selectFrom("applications").select("id").executeTakeFirstOrThrow();
    // Both members of the company were told.
    expect((await notificationsOf(colleague.id)).map((n) => n.kind)).toEqual(["application-received"]);

    // A skipped stage and a graduate's move are refused.
    const skip = await moveTo(id, e.cookie, { to: "offer" });
    expect(skip.status).toBe(409);
    expect(skip.data).toMatchObject({ errors: { to: "applications.errors.transition" } });
    expect((await moveTo(id, g.cookie, { to: "screening" })).status).toBe(403);

    expect((await moveTo(id, e.cookie, { to: "screening", note: "Смотрим портфолио" })).status).toBe(302);
    // Interview needs its time and place; what was typed comes back.
    const noTime = await moveTo(id, e.cookie, { to: "interview", interviewAt: "", interviewPlace: "", note: "Ждём" });
    expect(noTime.status).toBe(400);
    expect(noTime.data).toMatchObject({ errors: { interviewAt: "errors.required", interviewPlace: "errors.required" }, values: { note: "Ждём" } });
    const badTime = await moveTo(id, e.cookie, { to: "interview", interviewAt: "завтра", interviewPlace: "Офис" });
    expect(badTime.data).toMatchObject({ errors: { interviewAt: "errors.invalid" } });
    const pastTime = await moveTo(id, e.cookie, { to: "interview", interviewAt: "2020-01-01T10:00", interviewPlace: "Офис" });
    expect(pastTime.data).toMatchObject({ errors: { interviewAt: "applications.errors.future" } });
    expect((await moveTo(id, e.cookie, { to: "interview", interviewAt: "2099-03-02T15:30", interviewPlace: "https://meet.example.kg/abc" })).status).toBe(302);
    const mine = await call(myApplication.loader, get(`/me/applications/${id}`, { cookie: g.cookie }), { id: String(id) });
    expect((mine.data as { application: { interview: unknown } }).application.interview).toMatchObject({
      interview_at: "2099-03-02T09:30:00.000Z",
      interview_place: "https://meet.example.kg/abc",
    });

    expect((await moveTo(id, e.cookie, { to: "offer" })).status).toBe(302);
    const noStart = await moveTo(id, e.cookie, { to: "hired", startDate: "", monthlyPay: "45000" });
    expect(noStart.data).toMatchObject({ errors: { startDate: "errors.required" } });
    const badPay = await moveTo(id, e.cookie, { to: "hired", startDate: "2026-01-15", monthlyPay: "45 000,50" });
    expect(badPay.data).toMatchObject({ errors: { monthlyPay: "errors.invalid" } });
    expect(await c.db.selectFrom("placements").selectAll().execute()).toEqual([]);
    expect((await moveTo(id, e.cookie, { to: "hired", startDate: "2026-01-15", monthlyPay: "45000" })).status).toBe(302);

    const placements = await c.db.selectFrom("placements").selectAll().execute();
    expect(placements).toHaveLength(1);
    expect(placements[0]).toMatchObject({
      application_id: id,
      graduate_id: g.graduateId,
      company_id: e.companyId,
      vacancy_id: v,
      job_title: "Junior frontend developer",
      employment_type: "full_time",
      start_date: "2026-01-15",
      monthly_pay: 45000,
      company_htp_resident: 1,
      recorded_by: e.user.id,
    });
    // Final: nothing moves it any more, and no second placement appears.
    expect((await moveTo(id, e.cookie, { to: "rejected" })).status).toBe(409);
    expect((await call(myApplication.action, post(`/me/applications/${id}`, { intent: "withdraw" }, { cookie: g.cookie }), { id: String(id) })).status).toBe(
      409,
    );
    expect(await c.db.selectFrom("placements").selectAll().execute()).toHaveLength(1);

    const events = await c.db
      .selectFrom("application_events")
      .select(["from_status", "to_status", "actor_user_id", "note", "interview_at"])
      .where("application_id", "=", id)
      .orderBy("id")
      .execute();
    expect(events).toEqual([
      { from_status: null, to_status: "applied", actor_user_id: g.user.id, note: "Здравствуйте", interview_at: null },
      { from_status: "applied", to_status: "screening", actor_user_id: e.user.id, note: "Смотрим портфолио", interview_at: null },
      { from_status: "screening", to_status: "interview", actor_user_id: e.user.id, note: null, interview_at: "2099-03-02T09:30:00.000Z" },
      { from_status: "interview", to_status: "offer", actor_user_id: e.user.id, note: null, interview_at: null },
      { from_status: "offer", to_status: "hired", actor_user_id: e.user.id, note: null, interview_at: null },
    ]);
    const told = await notificationsOf(g.user.id);
    expect(told.map((n) => [n.kind, (JSON.parse(n.payload_json) as { status: string }).status])).toEqual([
      ["application-status", "screening"],
      ["application-status", "interview"],
      ["application-status", "offer"],
      ["application-status", "hired"],
    ]);
    expect(told.every((n) => n.link === `/me/applications/${id}`)).toBe(true);
  });

  it("records a placement as not HTP-resident when the company lost its verification", async () => {
    const g = await graduate();
    const e = await employer();
    const v = await vacancy(e.companyId);
    await applyTo(v, g.cookie, []);
    const { id } = await c.db.selectFrom("applications").select("id").executeTakeFirstOrThrow();
    const { move } = await import("~/models/applications.server");
    for (const to of ["screening", "interview", "offer"] as const) {
      expect(
        await move(c.db, e.companyId, id, { to, note: null, interviewAt: null, interviewPlace: null, startDate: null, monthlyPay: null }, e.user.id),
      ).toEqual({ ok: true });
    }
    await c.db.updateTable("companies").set({ status: "rejected" }).where("id", "=", e.companyId).execute();
    await move(
      c.db,
      e.companyId,
      id,
      { to: "hired", note: null, interviewAt: null, interviewPlace: null, startDate: "2026-02-01", monthlyPay: null },
      e.user.id,
    );
    expect(await c.db.selectFrom("placements").select(["company_htp_resident", "monthly_pay"]).executeTakeFirstOrThrow()).toEqual({
      company_htp_resident: 0,
      monthly_pay: null,
    });
  });

  it("lets the graduate withdraw from an open stage and tells the company; rejection is final", async () => {
    const g = await graduate();
    const e = await employer();
    const v1 = await vacancy(e.companyId, "open", "Тестировщик");
    const v2 = await vacancy(e.companyId, "open", "Верстальщик");
    await applyTo(v1, g.cookie, []);
    await applyTo(v2, g.cookie, []);
    const [a1, a2] = (await c.db.selectFrom("applications").select("id").orderBy("id").execute()).map((r) => r.id) as [number, number];
    await moveTo(a1, e.cookie, { to: "screening" });
    const res = await call(myApplication.action, post(`/me/applications/${a1}`, { intent: "withdraw", note: "Нашла другую работу" }, { cookie: g.cookie }), {
      id: String(a1),
    });
    expect(res.status).toBe(302);
    expect((await c.db.selectFrom("applications").select("status").where("id", "=", a1).executeTakeFirstOrThrow()).status).toBe("withdrawn");
    const last = (await notificationsOf(e.user.id)).at(-1)!;
    expect(last).toEqual({
      kind: "application-withdrawn",
      payload_json: JSON.stringify({ graduate: "Айпери Жумабекова", vacancy: "Тестировщик" }),
      link: `/employer/applications/${a1}`,
    });
    expect((await moveTo(a1, e.cookie, { to: "interview", interviewAt: "2099-01-01T10:00", interviewPlace: "Офис" })).status).toBe(409);

    expect((await moveTo(a2, e.cookie, { to: "rejected", note: "Нужен опыт" })).status).toBe(302);
    expect((await call(myApplication.action, post(`/me/applications/${a2}`, { intent: "withdraw" }, { cookie: g.cookie }), { id: String(a2) })).status).toBe(
      409,
    );
    const list = await call(myApplications.loader, get("/me/applications", { cookie: g.cookie }));
    expect((list.data as { applications: { id: number; status: string }[] }).applications.map((a) => [a.id, a.status]).sort()).toEqual(
      [
        [a1, "withdrawn"],
        [a2, "rejected"],
      ].sort(),
    );
  });

  it("invites a graduate with the candidate list's button (the graduate's id); the graduate applies through the invitation", async () => {
    const g = await graduate();
    const hidden = await graduate("Бегимай", "Сыдыкова", "private");
    const e = await employer();
    const v = await vacancy(e.companyId);
    const invite = (graduateId: string) =>
      call(candidatesPage.action, post(`/vacancies/${v}/candidates`, { intent: "invite", graduateId }, { cookie: e.cookie }), { id: String(v) });
    const before = snapshot(c);
    // The vacancy's applicants page takes no typed profile address any more (issue 14 item 9): its only
    // action is the bulk form (docs/decisions/059-bulk-decisions-and-undo.md), which refuses an invitation.
    const typed = await call(
      vacancyApplicants.action,
      post(`/employer/vacancies/${v}/applicants`, { intent: "invite", profile: hidden.slug }, { cookie: e.cookie }),
      { id: String(v) },
    );
    expect(typed.status).toBe(400);
    expect(snapshot(c)).toEqual(before);
    const privateOne = await invite(String(hidden.graduateId));
    expect(privateOne.status).toBe(400);
    expect(privateOne.data).toMatchObject({ errors: { _form: "applications.invite.unknown" } });
    expect((await invite("Not an id!")).data).toMatchObject({ errors: { graduateId: "errors.required" } });
    expect(snapshot(c)).toEqual(before);

    expect((await invite(String(g.graduateId))).status).toBe(302);
    const app = await c.db.selectFrom("applications").selectAll().executeTakeFirstOrThrow();
    expect(app).toMatchObject({ status: "invited", graduate_id: g.graduateId, snapshot_json: null });
    expect(await notificationsOf(g.user.id)).toEqual([
      { kind: "application-invited", payload_json: expect.stringContaining("Junior frontend developer"), link: `/me/applications/${app.id}` },
    ]);
    expect((await invite(String(g.graduateId))).data).toMatchObject({ errors: { _form: "applications.invite.already" } });
    // The employer cannot move an invitation; the graduate sees it and accepts by applying.
    expect((await moveTo(app.id, e.cookie, { to: "screening" })).status).toBe(409);
    const seen = await call(myApplication.loader, get(`/me/applications/${app.id}`, { cookie: g.cookie }), { id: String(app.id) });
    expect(seen.data).toMatchObject({ application: { status: "invited", snapshot: null } });
    const form = await call(applyPage.loader, get(`/vacancies/${v}/apply`, { cookie: g.cookie }), { id: String(v) });
    expect(form.data).toMatchObject({ already: null, invited: true });
    expect(
      (
        await applyTo(v, g.cookie, [
          ["note", "Спасибо за приглашение"],
          ["projectId", String(g.projects[1])],
        ])
      ).status,
    ).toBe(302);
    const after = await c.db.selectFrom("applications").selectAll().execute();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: app.id, status: "applied", note: "Спасибо за приглашение" });
    expect((JSON.parse(after[0]!.snapshot_json!) as ApplicationSnapshot).projects.map((p) => p.title)).toEqual(["Бот расписания"]);
    expect(await c.db.selectFrom("application_events").select(["from_status", "to_status"]).orderBy("id").execute()).toEqual([
      { from_status: null, to_status: "invited" },
      { from_status: "invited", to_status: "applied" },
    ]);
    // Applying through the invitation is the candidate's answer to it (docs/decisions/057-one-way-to-tell.md).
    expect((await notificationsOf(e.user.id)).map((n) => n.kind)).toEqual(["invitation-accepted"]);
  });

  it("lets a graduate decline an invitation", async () => {
    const g = await graduate();
    const e = await employer();
    const v = await vacancy(e.companyId);
    await call(candidatesPage.action, post(`/vacancies/${v}/candidates`, { intent: "invite", graduateId: String(g.graduateId) }, { cookie: e.cookie }), {
      id: String(v),
    });
    const app = await c.db.selectFrom("applications").select("id").executeTakeFirstOrThrow();
    expect(
      (await call(myApplication.action, post(`/me/applications/${app.id}`, { intent: "withdraw" }, { cookie: g.cookie }), { id: String(app.id) })).status,
    ).toBe(302);
    expect((await c.db.selectFrom("applications").select("status").executeTakeFirstOrThrow()).status).toBe("withdrawn");
  });
});

describe("employer lists", () => {
  it("lists the company's applicants with name search and status/vacancy filters from the URL", async () => {
    const a = await graduate();
    const b = await graduate("Бакыт", "Токтогулов");
    const e = await employer();
    const v1 = await vacancy(e.companyId, "open", "Тестировщик");
    const v2 = await vacancy(e.companyId, "open", "Верстальщик");
    await applyTo(v1, a.cookie, []);
    await applyTo(v2, a.cookie, []);
    await applyTo(v1, b.cookie, []);
    const bApp = (await c.db.selectFrom("applications").select("id").where("graduate_id", "=", b.graduateId).executeTakeFirstOrThrow()).id;
    await moveTo(bApp, e.cookie, { to: "screening" });
    type List = { applicants: { id: number; first_name: string; vacancy_title: string; status: string }[]; total: number };
    const list = async (path: string) => (await call(employerApplicants.loader, get(path, { cookie: e.cookie }))).data as List;
    expect((await list("/employer/applicants")).total).toBe(3);
    expect((await list("/employer/applicants?q=айпери")).applicants.map((x) => x.vacancy_title).sort()).toEqual(["Верстальщик", "Тестировщик"]);
    expect((await list("/employer/applicants?q=ТОКТОГУЛОВ%20бакыт")).applicants.map((x) => x.first_name)).toEqual(["Бакыт"]);
    expect((await list("/employer/applicants?status=screening")).applicants.map((x) => x.id)).toEqual([bApp]);
    expect((await list(`/employer/applicants?vacancy=${v2}`)).total).toBe(1);
    expect((await list("/employer/applicants?status=nonsense&vacancy=x&page=-3")).total).toBe(3);

    const perVacancy = await call(vacancyApplicants.loader, get(`/employer/vacancies/${v1}/applicants?status=applied`, { cookie: e.cookie }), {
      id: String(v1),
    });
    expect((perVacancy.data as List).applicants.map((x) => x.first_name)).toEqual(["Айпери"]);
  });
});

describe("who may see and move what", () => {
  it("hides company X's applicants from another company's members (404) and from a foreign vacancy filter", async () => {
    const g = await graduate();
    const x = await employer();
    const y = await employer();
    const v = await vacancy(x.companyId);
    await applyTo(v, g.cookie, []);
    const { id } = await c.db.selectFrom("applications").select("id").executeTakeFirstOrThrow();
    expect((await call(vacancyApplicants.loader, get(`/employer/vacancies/${v}/applicants`, { cookie: y.cookie }), { id: String(v) })).status).toBe(404);
    expect(
      (
        await call(candidatesPage.action, post(`/vacancies/${v}/candidates`, { intent: "invite", graduateId: String(g.graduateId) }, { cookie: y.cookie }), {
          id: String(v),
        })
      ).status,
    ).toBe(404);
    expect((await call(employerApplication.loader, get(`/employer/applications/${id}`, { cookie: y.cookie }), { id: String(id) })).status).toBe(404);
    const before = snapshot(c);
    expect((await moveTo(id, y.cookie, { to: "screening" })).status).toBe(404);
    expect(snapshot(c)).toEqual(before);
    const theirs = await call(employerApplicants.loader, get(`/employer/applicants?vacancy=${v}`, { cookie: y.cookie }));
    expect((theirs.data as { total: number }).total).toBe(0);
  });

  it("denies a pending company's member, graduates, staff and visitors", async () => {
    const g = await graduate();
    const other = await graduate("Бакыт", "Токтогулов");
    const x = await employer();
    const pending = await employer("pending");
    const staff = await makeUser(c, "staff");
    const v = await vacancy(x.companyId);
    await applyTo(v, g.cookie, []);
    const { id } = await c.db.selectFrom("applications").select("id").executeTakeFirstOrThrow();
    const staffCookie = await sessionCookieFor(staff.id);

    for (const cookie of [pending.cookie, g.cookie, staffCookie]) {
      expect((await call(employerApplicants.loader, get("/employer/applicants", { cookie }))).status).toBe(403);
      expect((await call(vacancyApplicants.loader, get(`/employer/vacancies/${v}/applicants`, { cookie }), { id: String(v) })).status).toBe(403);
      expect((await call(employerApplication.loader, get(`/employer/applications/${id}`, { cookie }), { id: String(id) })).status).toBe(403);
      expect((await moveTo(id, cookie, { to: "screening" })).status).toBe(403);
    }
    // Another graduate cannot see or withdraw it; an employer cannot use the graduate's pages.
    expect((await call(myApplication.loader, get(`/me/applications/${id}`, { cookie: other.cookie }), { id: String(id) })).status).toBe(404);
    expect(
      (await call(myApplication.action, post(`/me/applications/${id}`, { intent: "withdraw" }, { cookie: other.cookie }), { id: String(id) })).status,
    ).toBe(404);
    expect((await call(myApplications.loader, get("/me/applications", { cookie: other.cookie }))).data).toEqual({ applications: [] });
    expect((await call(myApplication.loader, get(`/me/applications/${id}`, { cookie: x.cookie }), { id: String(id) })).status).toBe(403);
    expect((await applyTo(v, x.cookie, [])).status).toBe(403);

    // Visitors are sent to sign in.
    for (const res of [
      await call(applyPage.loader, get(`/vacancies/${v}/apply`), { id: String(v) }),
      await call(applyPage.action, post(`/vacancies/${v}/apply`, { note: "x" }), { id: String(v) }),
      await call(myApplications.loader, get("/me/applications")),
      await call(myApplication.loader, get(`/me/applications/${id}`), { id: String(id) }),
      await call(employerApplicants.loader, get("/employer/applicants")),
      await call(vacancyApplicants.loader, get(`/employer/vacancies/${v}/applicants`), { id: String(v) }),
      await call(employerApplication.loader, get(`/employer/applications/${id}`), { id: String(id) }),
      await call(employerApplication.action, post(`/employer/applications/${id}`, { intent: "move", to: "screening" }), { id: String(id) }),
    ]) {
      expect(res.status).toBe(302);
      expect(res.location).toMatch(/^\/login\?redirectTo=/);
    }
    expect((await c.db.selectFrom("applications").select("status").executeTakeFirstOrThrow()).status).toBe("applied");
  });
});

describe("personal data", () => {
  it("exports the graduate's applications and forgets what was sent when the account is deleted", async () => {
    const { exportGraduateApplications, forgetGraduateApplications } = await import("~/models/applications.server");
    const g = await graduate();
    const e = await employer();
    const v = await vacancy(e.companyId);
    await applyTo(v, g.cookie, [
      ["note", "Моё письмо"],
      ["projectId", String(g.projects[0])],
    ]);
    const { id } = await c.db.selectFrom("applications").select("id").executeTakeFirstOrThrow();
    await moveTo(id, e.cookie, { to: "screening", note: "Смотрим" });
    const exported = await exportGraduateApplications(c.db, g.graduateId);
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({
      status: "screening",
      note: "Моё письмо",
      vacancy: "Junior frontend developer",
      sent: { graduate: { name: "Айпери Жумабекова" } },
    });
    expect(exported[0]!.history.map((h) => h.to_status)).toEqual(["applied", "screening"]);

    await forgetGraduateApplications(c.db, g.graduateId, g.user.id);
    expect(await c.db.selectFrom("applications").select(["status", "note", "snapshot_json"]).executeTakeFirstOrThrow()).toEqual({
      status: "screening",
      note: null,
      snapshot_json: null,
    });
    expect((await c.db.selectFrom("application_events").select("note").orderBy("id").execute()).map((r) => r.note)).toEqual([null, "Смотрим"]);
  });
});
