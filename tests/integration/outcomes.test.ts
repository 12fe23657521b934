import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { move } from "~/models/applications.server";
import { exportGraduateData } from "~/models/personal-data.server";
import * as employerHires from "~/routes/_employer.employer.hires";
import * as myOutcomes from "~/routes/me.outcomes";
import * as followUp from "~/routes/staff.outcomes.follow-up";
import * as graduateOutcomes from "~/routes/staff.outcomes.graduates.$id";
import * as survey from "~/routes/survey.$token";
import { enrolGraduate } from "~/models/invitations.server";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeCohort, makeCompany, makeUser, makeVacancy, sessionCookieFor } from "../support/factories";
import { call, get, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

const NO_MOVE = { note: null, interviewAt: null, interviewPlace: null, startDate: null, monthlyPay: null };

async function graduateIn(graduationDate: string, name = { firstName: "Айпери", lastName: "Жумабекова" }) {
  const staff = await makeUser(c, "staff");
  const { graduateId } = await enrolGraduate(c.db, { cohortId: await makeCohort(c, graduationDate), ...name }, staff.id);
  return graduateId;
}

async function employer(status: "pending" | "verified" = "verified") {
  const user = await makeUser(c, "employer");
  const companyId = await makeCompany(c, user.id, status);
  return { user, companyId, cookie: await sessionCookieFor(user.id) };
}

/** An application of the graduate to the company's vacancy, moved up to an offer. */
async function offer(graduateId: number, companyId: number, actorId: number, employmentType: "full_time" | "part_time" | "internship" = "full_time") {
  const region = await c.db.selectFrom("regions").select("id").where("code", "=", "bishkek").executeTakeFirstOrThrow();
  const vacancyId = await makeVacancy(c, companyId, {
    title: "Junior QA engineer",
    description: "<p>QA</p>",
    employmentType,
    workMode: "onsite",
    region: String(region.id),
  });
  const { id } = await c.db
    .insertInto("applications")
    .values({ vacancy_id: vacancyId, graduate_id: graduateId, status: "offer" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { applicationId: id, vacancyId, regionId: region.id, actorId };
}

const outcomes = () => c.db.selectFrom("outcomes").selectAll().orderBy("id").execute();

describe("a hire becomes an employed record", () => {
  it("records company, HTP flag, start date, pay, kind, hours, at the first checkpoint on or after the start date", async () => {
    const g = await graduateIn("2025-08-31");
    const e = await employer();
    const { applicationId, regionId } = await offer(g, e.companyId, e.user.id);
    expect(await move(c.db, e.companyId, applicationId, { ...NO_MOVE, to: "hired", startDate: "2026-02-20", monthlyPay: 52000 }, e.user.id)).toEqual({
      ok: true,
    });
    const placement = await c.db.selectFrom("placements").select("id").executeTakeFirstOrThrow();
    const rows = await outcomes();
    expect(rows).toHaveLength(1);
    // graduation 2025-08-31 < 2026-02-20 ≤ 2026-02-28 = 2025-08-31 + 6 months (as-of rule: the first checkpoint on or after the start).
    expect(rows[0]).toMatchObject({
      graduate_id: g,
      checkpoint: "m6",
      code: "employed",
      source: "application",
      recorded_by: e.user.id,
      current: 1,
      supersedes_id: null,
      company_id: e.companyId,
      company_htp_resident: 1,
      employer_name: null,
      job_title: "Junior QA engineer",
      start_date: "2026-02-20",
      as_of: "2026-02-20",
      monthly_pay: 52000,
      employment_kind: "employee",
      hours_per_week: 40,
      related: "yes",
      started_before_graduation: 0,
      job_region_id: regionId,
      placement_id: placement.id,
    });
  });

  it("puts a job begun before graduation at the graduation checkpoint; a part-time internship gets its kind and hours; HTP follows the company's verification", async () => {
    const g = await graduateIn("2026-06-30");
    const e = await employer();
    const { applicationId } = await offer(g, e.companyId, e.user.id, "internship");
    await c.db.updateTable("companies").set({ status: "rejected" }).where("id", "=", e.companyId).execute();
    await move(c.db, e.companyId, applicationId, { ...NO_MOVE, to: "hired", startDate: "2026-05-01", monthlyPay: null }, e.user.id);
    expect((await outcomes())[0]).toMatchObject({
      checkpoint: "graduation",
      started_before_graduation: 1,
      employment_kind: "paid_internship",
      hours_per_week: 20,
      company_htp_resident: 0,
      monthly_pay: null,
    });
  });

  it("keeps the history on correction, and the database refuses to change or delete an old row", async () => {
    const g = await graduateIn("2025-06-30");
    const e = await employer();
    const staff = await makeUser(c, "staff");
    const staffCookie = await sessionCookieFor(staff.id);
    const { applicationId } = await offer(g, e.companyId, e.user.id);
    await move(c.db, e.companyId, applicationId, { ...NO_MOVE, to: "hired", startDate: "2025-06-30", monthlyPay: 40000 }, e.user.id);
    const [hire] = await outcomes();

    // Staff correct the graduation checkpoint: the pay was different.
    const res = await call(
      graduateOutcomes.action,
      post(
        `/staff/outcomes/graduates/${g}`,
        {
          intent: "record",
          checkpoint: "graduation",
          code: "employed",
          asOf: "2025-07-31",
          kind: "employee",
          hours: "40",
          companyId: String(e.companyId),
          jobTitle: "Junior QA engineer",
          startDate: "2025-06-30",
          monthlyPay: "45 000",
          related: "yes",
          regionId: "",
        },
        { cookie: staffCookie },
      ),
      { id: String(g) },
    );
    expect(res.status).toBe(302);
    const rows = await outcomes();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: hire!.id, current: 0, monthly_pay: 40000, source: "application" });
    expect(rows[1]).toMatchObject({ current: 1, supersedes_id: hire!.id, monthly_pay: 45000, source: "staff", recorded_by: staff.id });
    const audit = await c.db.selectFrom("audit_log").selectAll().where("action", "=", "outcome.correct").executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toMatchObject({ id: hire!.id, monthly_pay: 40000 });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ id: rows[1]!.id, monthly_pay: 45000 });

    // The page shows both, current first.
    const page = await call(graduateOutcomes.loader, get(`/staff/outcomes/graduates/${g}`, { cookie: staffCookie }), { id: String(g) });
    const graduation = (page.data as { checkpoints: { checkpoint: string; records: { id: number }[] }[] }).checkpoints.find(
      (x) => x.checkpoint === "graduation",
    )!;
    expect(graduation.records.map((r) => r.id)).toEqual([rows[1]!.id, hire!.id]);

    expect(() => c.sqlite.prepare("update outcomes set monthly_pay = 1 where id = ?").run(hire!.id)).toThrow(/append-only/);
    expect(() => c.sqlite.prepare("update outcomes set current = 1 where id = ?").run(hire!.id)).toThrow(/append-only/);
    expect(() => c.sqlite.prepare("update outcomes set code = 'seeking' where id = ?").run(rows[1]!.id)).toThrow(/append-only/);
    expect(() => c.sqlite.prepare("delete from outcomes where id = ?").run(hire!.id)).toThrow(/append-only/);
    expect(await outcomes()).toEqual(rows);
  });
});

describe("staff record outcomes", () => {
  it("answers bad input with 400, field messages and the typed values, writing nothing", async () => {
    const g = await graduateIn("2025-06-30");
    const staff = await makeUser(c, "staff");
    const cookie = await sessionCookieFor(staff.id);
    const before = snapshot(c);
    const send = (fields: Record<string, string>) =>
      call(graduateOutcomes.action, post(`/staff/outcomes/graduates/${g}`, { intent: "record", ...fields }, { cookie }), { id: String(g) });
    const noEmployer = await send({
      checkpoint: "m6",
      code: "employed",
      asOf: "2025-12-30",
      kind: "employee",
      hours: "сорок",
      startDate: "2025-13-01",
      monthlyPay: "45k",
      jobTitle: "Тестировщик",
    });
    expect(noEmployer.status).toBe(400);
    expect(noEmployer.data).toMatchObject({
      errors: { hours: "outcomes.errors.hours", employerName: "outcomes.errors.employer", startDate: "errors.date", monthlyPay: "outcomes.errors.pay" },
      values: { jobTitle: "Тестировщик", hours: "сорок" },
    });
    expect((await send({ checkpoint: "m99", code: "rich", asOf: "" })).data).toMatchObject({
      errors: { checkpoint: "errors.invalid", code: "errors.invalid", asOf: "errors.required" },
    });
    expect((await send({ checkpoint: "m6", code: "excluded", asOf: "2025-12-30" })).data).toMatchObject({
      errors: { reason: "outcomes.errors.excludedReason" },
    });
    expect(
      (await send({ checkpoint: "m6", code: "employed", asOf: "2025-12-30", kind: "employee", hours: "40", companyId: "999999", startDate: "2025-09-01" }))
        .data,
    ).toMatchObject({ errors: { companyId: "outcomes.errors.company" } });
    expect(snapshot(c)).toEqual(before);
    expect((await call(graduateOutcomes.action, post(`/staff/outcomes/graduates/${g}`, { intent: "nonsense" }, { cookie }), { id: String(g) })).status).toBe(
      400,
    );
    expect((await call(graduateOutcomes.loader, get("/staff/outcomes/graduates/999999", { cookie }), { id: "999999" })).status).toBe(404);
    expect((await call(graduateOutcomes.loader, get("/staff/outcomes/graduates/abc", { cookie }), { id: "abc" })).status).toBe(404);

    // A free employer name, and an excluded reason kept.
    expect(
      (
        await send({
          checkpoint: "m6",
          code: "employed",
          asOf: "2025-12-30",
          kind: "freelance",
          hours: "25",
          employerName: "ОсОО «Нарын Тех»",
          startDate: "2025-10-01",
        })
      ).status,
    ).toBe(302);
    expect((await send({ checkpoint: "m12", code: "excluded", asOf: "2026-06-30", reason: "Эмигрировал, связи нет" })).status).toBe(302);
    const rows = await outcomes();
    expect(rows.map((r) => [r.checkpoint, r.code, r.employer_name, r.company_htp_resident, r.related, r.excluded_reason])).toEqual([
      ["m6", "employed", "ОсОО «Нарын Тех»", 0, "unknown", null],
      ["m12", "excluded", null, null, null, "Эмигрировал, связи нет"],
    ]);
    expect((await c.db.selectFrom("audit_log").select("action").where("action", "like", "outcome.%").execute()).map((a) => a.action)).toEqual([
      "outcome.record",
      "outcome.record",
    ]);
  });
});

describe("follow-up and survey links", () => {
  async function staffCookie() {
    const staff = await makeUser(c, "staff");
    return { staff, cookie: await sessionCookieFor(staff.id) };
  }

  async function makeLink(graduateId: number, cookie: string, checkpoint = "graduation") {
    const res = await call(followUp.action, post("/staff/outcomes/follow-up", { intent: "survey", graduateId: String(graduateId), checkpoint }, { cookie }));
    expect(res.status).toBe(200);
    const url = (res.data as { created: { url: string } }).created.url;
    expect(url).toMatch(/^http:\/\/localhost\/survey\/[A-Za-z0-9_-]{43}$/);
    return url.split("/survey/")[1]!;
  }

  const answer = (token: string, fields: Record<string, string>) => call(survey.action, post(`/survey/${token}`, fields), { token });

  it("lists graduates whose checkpoint is due or overdue with no known outcome", async () => {
    const { cookie } = await staffCookie();
    const today = new Date().toISOString().slice(0, 10);
    const recent = await graduateIn(today, { firstName: "Бакыт", lastName: "Токтогулов" });
    const known = await graduateIn(today, { firstName: "Нурлан", lastName: "Асанов" });
    const future = await graduateIn("2099-06-30", { firstName: "Эрмек", lastName: "Бейшеналиев" });
    await c.db
      .insertInto("outcomes")
      .values({ graduate_id: known, checkpoint: "graduation", code: "seeking", as_of: today, source: "staff", recorded_by: null })
      .execute();
    const list = await call(followUp.loader, get("/staff/outcomes/follow-up", { cookie }));
    const data = list.data as { rows: { id: number; checkpoint: string; state: string }[]; total: number };
    expect(data.rows.map((r) => [r.id, r.checkpoint, r.state])).toEqual([[recent, "graduation", "due"]]);
    expect(data.total).toBe(1);
    expect(data.rows.some((r) => r.id === future)).toBe(false);
    const school = await c.db.selectFrom("schools").select("id").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(((await call(followUp.loader, get(`/staff/outcomes/follow-up?school=${school.id}`, { cookie }))).data as { total: number }).total).toBe(0);
    // Junk filters are ignored, never an error.
    expect((await call(followUp.loader, get("/staff/outcomes/follow-up?school=x&cohort=-1&page=abc", { cookie }))).status).toBe(200);
  });

  it("makes a one-time link: the answer is stored as a survey self-report and the link is used up", async () => {
    const { staff, cookie } = await staffCookie();
    const g = await graduateIn("2025-06-30");
    const token = await makeLink(g, cookie, "m12");
    const link = await c.db.selectFrom("survey_links").selectAll().executeTakeFirstOrThrow();
    expect(link.token_hash).not.toContain(token); // only the hash is kept
    expect(link).toMatchObject({ graduate_id: g, checkpoint: "m12", created_by: staff.id, used_at: null });
    expect(Date.parse(link.expires_at) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(await c.db.selectFrom("audit_log").select(["action", "actor_user_id"]).where("action", "=", "survey-link.create").execute()).toEqual([
      { action: "survey-link.create", actor_user_id: staff.id },
    ]);

    const page = await call(survey.loader, get(`/survey/${token}`), { token });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ state: "usable", link: { firstName: "Айпери", checkpoint: "m12", date: "2026-06-30" } });

    const res = await answer(token, {
      code: "employed",
      employerName: "Банк «Бай-Түшүм»",
      jobTitle: "Оператор 1С",
      startDate: "2026-02-01",
      hours: "40",
      monthlyPay: "38 000",
      related: "yes",
    });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/survey/thanks");
    const [row] = await outcomes();
    expect(row).toMatchObject({
      graduate_id: g,
      checkpoint: "m12",
      code: "employed",
      source: "survey",
      recorded_by: null,
      employer_name: "Банк «Бай-Түшүм»",
      company_id: null,
      company_htp_resident: 0,
      job_title: "Оператор 1С",
      start_date: "2026-02-01",
      hours_per_week: 40,
      monthly_pay: 38000,
      related: "yes",
      employment_kind: "employee",
      started_before_graduation: 0,
    });
    expect(await c.db.selectFrom("survey_links").select(["used_at", "outcome_id"]).executeTakeFirstOrThrow()).toMatchObject({
      used_at: expect.any(String),
      outcome_id: row!.id,
    });

    // Single use: the page and a second answer say "already answered" with 410, nothing written.
    const before = snapshot(c);
    const again = await call(survey.loader, get(`/survey/${token}`), { token });
    expect(again.status).toBe(410);
    expect(again.data).toMatchObject({ state: "used" });
    const second = await answer(token, { code: "seeking" });
    expect(second.status).toBe(410);
    expect(snapshot(c)).toEqual(before);
  });

  it("refuses bad answers with 400, field messages and typed values, writing nothing and keeping the link usable", async () => {
    const { cookie } = await staffCookie();
    const g = await graduateIn("2025-06-30");
    const token = await makeLink(g, cookie);
    const before = snapshot(c);
    const empty = await answer(token, {});
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ errors: { code: "outcomes.errors.chooseOne" } });
    const bad = await answer(token, {
      code: "employed",
      employerName: "",
      jobTitle: "Дизайнер",
      startDate: "01.02.2026",
      hours: "0",
      monthlyPay: "много",
      related: "maybe",
    });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({
      errors: {
        employerName: "errors.required",
        startDate: "errors.date",
        hours: "outcomes.errors.hours",
        monthlyPay: "outcomes.errors.pay",
        related: "errors.invalid",
      },
      values: { jobTitle: "Дизайнер", startDate: "01.02.2026", monthlyPay: "много" },
    });
    expect((await answer(token, { code: "excluded" })).data).toMatchObject({ errors: { code: "errors.invalid" } });
    expect(snapshot(c)).toEqual(before);
    // Fields of a job are ignored when the answer is not "employed".
    expect((await answer(token, { code: "education", employerName: "x", hours: "abc" })).status).toBe(302);
    expect((await outcomes()).map((r) => [r.code, r.source, r.employer_name, r.hours_per_week])).toEqual([["education", "survey", null, null]]);
  });

  it("answers 404 for an unknown token and 410 for an expired link", async () => {
    const { cookie } = await staffCookie();
    const g = await graduateIn("2025-06-30");
    const token = await makeLink(g, cookie);
    expect((await call(survey.loader, get("/survey/not-a-token"), { token: "not-a-token" })).status).toBe(404);
    expect((await answer("not-a-token", { code: "seeking" })).status).toBe(404);
    await c.db.updateTable("survey_links").set({ expires_at: "2020-01-01T00:00:00.000Z" }).execute();
    const before = snapshot(c);
    const expired = await call(survey.loader, get(`/survey/${token}`), { token });
    expect(expired.status).toBe(410);
    expect(expired.data).toMatchObject({ state: "expired" });
    expect((await answer(token, { code: "seeking" })).status).toBe(410);
    expect(snapshot(c)).toEqual(before);
  });

  it("refuses a link for a graduate who withdrew consent, and leaves them off the list", async () => {
    const { cookie } = await staffCookie();
    const today = new Date().toISOString().slice(0, 10);
    const g = await graduateIn(today);
    const user = await makeUser(c, "graduate");
    await c.db.updateTable("graduates").set({ user_id: user.id }).where("id", "=", g).execute();
    const me = await sessionCookieFor(user.id);
    expect((await call(myOutcomes.action, post("/me/outcomes", { intent: "give" }, { cookie: me }))).status).toBe(302);
    expect((await call(myOutcomes.action, post("/me/outcomes", { intent: "withdraw" }, { cookie: me }))).status).toBe(302);
    expect((await call(myOutcomes.action, post("/me/outcomes", { intent: "hack" }, { cookie: me }))).status).toBe(400);
    const history = (await call(myOutcomes.loader, get("/me/outcomes", { cookie: me }))).data as { history: { given: number }[] };
    expect(history.history.map((h) => h.given)).toEqual([0, 1]);
    expect(((await call(followUp.loader, get("/staff/outcomes/follow-up", { cookie }))).data as { total: number }).total).toBe(0);
    const res = await call(
      followUp.action,
      post("/staff/outcomes/follow-up", { intent: "survey", graduateId: String(g), checkpoint: "graduation" }, { cookie }),
    );
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ errors: { _form: "outcomes.errors.consentWithdrawn" } });
    expect(await c.db.selectFrom("survey_links").selectAll().execute()).toEqual([]);
    // The personal-data download carries the dated decisions.
    const exported = await exportGraduateData(c.db, user.id, g);
    expect(exported.outcomeTracking.consent.map((x) => x.given)).toEqual([true, false]);
    expect(exported.outcomeTracking.consent[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe("employers confirm their own hires", () => {
  it("confirms a reached checkpoint after the start as an employer-source record; another company gets 404", async () => {
    const g = await graduateIn("2024-06-30");
    const e = await employer();
    const other = await employer();
    const { applicationId } = await offer(g, e.companyId, e.user.id);
    // Hired to start on graduation day 2024-06-30 → graduation checkpoint; m6 (2024-12-30) and m12 (2025-06-30) are confirmable.
    await move(c.db, e.companyId, applicationId, { ...NO_MOVE, to: "hired", startDate: "2024-06-30", monthlyPay: 60000 }, e.user.id);
    const placement = await c.db.selectFrom("placements").select("id").executeTakeFirstOrThrow();
    const list = await call(employerHires.loader, get("/employer/hires", { cookie: e.cookie }));
    const hires = (list.data as { hires: { id: number; confirmable: { checkpoint: string }[] }[] }).hires;
    expect(hires.map((h) => [h.id, h.confirmable.map((x) => x.checkpoint)])).toEqual([[placement.id, ["m6", "m12"]]]);

    const confirm = (cookie: string, fields: Record<string, string>) =>
      call(employerHires.action, post("/employer/hires", { intent: "confirm", ...fields }, { cookie }));
    const before = snapshot(c);
    expect((await confirm(other.cookie, { placementId: String(placement.id), checkpoint: "m6" })).status).toBe(404);
    expect(((await call(employerHires.loader, get("/employer/hires", { cookie: other.cookie }))).data as { hires: unknown[] }).hires).toEqual([]);
    expect((await confirm(e.cookie, { placementId: String(placement.id), checkpoint: "m36" })).status).toBe(409);
    expect((await confirm(e.cookie, { placementId: "abc", checkpoint: "m6" })).status).toBe(400);
    expect(snapshot(c)).toEqual(before);

    expect((await confirm(e.cookie, { placementId: String(placement.id), checkpoint: "m6" })).status).toBe(302);
    const m6 = await c.db.selectFrom("outcomes").selectAll().where("checkpoint", "=", "m6").executeTakeFirstOrThrow();
    expect(m6).toMatchObject({
      code: "employed",
      source: "employer",
      recorded_by: e.user.id,
      company_id: e.companyId,
      company_htp_resident: 1,
      start_date: "2024-06-30",
      monthly_pay: 60000,
      placement_id: placement.id,
      current: 1,
    });
    // Once confirmed, that checkpoint is no longer offered.
    const after = (await call(employerHires.loader, get("/employer/hires", { cookie: e.cookie }))).data as {
      hires: { confirmable: { checkpoint: string }[]; confirmed: string[] }[];
    };
    expect(after.hires[0]).toMatchObject({ confirmed: ["graduation", "m6"], confirmable: [{ checkpoint: "m12" }] });
    expect((await confirm(e.cookie, { placementId: String(placement.id), checkpoint: "m6" })).status).toBe(409);
  });
});

describe("who may open the outcome pages", () => {
  it("sends visitors to sign in and answers 403 to graduates and employers", async () => {
    const g = await graduateIn("2025-06-30");
    const grad = await makeUser(c, "graduate");
    const e = await employer();
    const pending = await employer("pending");
    const admin = await makeUser(c, "admin");
    const staffPages = [
      () => call(followUp.loader, get("/staff/outcomes/follow-up")),
      () => call(followUp.action, post("/staff/outcomes/follow-up", { intent: "survey", graduateId: String(g), checkpoint: "m12" })),
      () => call(graduateOutcomes.loader, get(`/staff/outcomes/graduates/${g}`), { id: String(g) }),
      () =>
        call(graduateOutcomes.action, post(`/staff/outcomes/graduates/${g}`, { intent: "record", checkpoint: "m12", code: "seeking", asOf: "2026-07-01" }), {
          id: String(g),
        }),
    ];
    for (const page of staffPages) {
      const res = await page();
      expect(res.status).toBe(302);
      expect(res.location).toMatch(/^\/login\?redirectTo=/);
    }
    const withCookie = (cookie: string) => [
      call(followUp.loader, get("/staff/outcomes/follow-up", { cookie })),
      call(followUp.action, post("/staff/outcomes/follow-up", { intent: "survey", graduateId: String(g), checkpoint: "m12" }, { cookie })),
      call(graduateOutcomes.loader, get(`/staff/outcomes/graduates/${g}`, { cookie }), { id: String(g) }),
      call(
        graduateOutcomes.action,
        post(`/staff/outcomes/graduates/${g}`, { intent: "record", checkpoint: "m12", code: "seeking", asOf: "2026-07-01" }, { cookie }),
        { id: String(g) },
      ),
    ];
    const gradCookie = await sessionCookieFor(grad.id);
    const before = snapshot(c);
    for (const cookie of [gradCookie, e.cookie]) {
      for (const res of await Promise.all(withCookie(cookie))) expect(res.status).toBe(403);
    }
    expect(snapshot(c)).toEqual(before);
    // Admins oversee the placement office.
    expect((await call(followUp.loader, get("/staff/outcomes/follow-up", { cookie: await sessionCookieFor(admin.id) }))).status).toBe(200);
    // The hires page is for members of a verified company.
    const hiresVisitor = await call(employerHires.loader, get("/employer/hires"));
    expect(hiresVisitor.location).toMatch(/^\/login\?redirectTo=/);
    for (const cookie of [pending.cookie, await sessionCookieFor(grad.id), await sessionCookieFor(admin.id)]) {
      expect((await call(employerHires.loader, get("/employer/hires", { cookie }))).status).toBe(403);
      expect((await call(employerHires.action, post("/employer/hires", { intent: "confirm", placementId: "1", checkpoint: "m6" }, { cookie }))).status).toBe(
        403,
      );
    }
    // The consent page is the graduate's own.
    expect((await call(myOutcomes.loader, get("/me/outcomes", { cookie: e.cookie }))).status).toBe(403);
    expect((await call(myOutcomes.loader, get("/me/outcomes"))).status).toBe(302);
  });
});
