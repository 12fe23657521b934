// docs/product.md §6 (issue 13 item 7): an employer named in a survey answer or a staff entry is linked to a known
// company when it is one (picked from a list, or typed in any script); the HTP flag is the company's status
// on the job's start date; unlinked names are listed for staff to link later (audited). Real loaders and
// actions on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { computeIndicators } from "~/domain/outcomes/indicators";
import { enrolGraduate } from "~/models/invitations.server";
import { dashboardFacts } from "~/models/outcome-dashboard.server";
import { createSurveyLink, recordOutcomeByStaff } from "~/models/outcomes.server";
import * as employers from "~/routes/staff.outcomes.employers";
import * as graduateOutcomes from "~/routes/staff.outcomes.graduates.$id";
import * as survey from "~/routes/survey.$token";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeCohort, makeCompany, makeUser, sessionCookieFor } from "../support/factories";
import { call, get, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

async function company(name: string, status: "verified" | "pending", verifiedAt: string | null) {
  const owner = await makeUser(c, "employer");
  const id = await makeCompany(c, owner.id, status);
  await c.db.updateTable("companies").set({ name, verified_at: verifiedAt }).where("id", "=", id).execute();
  return id;
}

async function graduate(lastName: string, graduation = "2025-06-30") {
  const staff = await makeUser(c, "staff");
  return (await enrolGraduate(c.db, { cohortId: await makeCohort(c, graduation), firstName: "Айпери", lastName }, staff.id)).graduateId;
}

const currentOf = (graduateId: number) =>
  c.db.selectFrom("outcomes").selectAll().where("graduate_id", "=", graduateId).where("current", "=", 1).executeTakeFirstOrThrow();

const job = (fields: Record<string, string>) => ({
  code: "employed",
  jobTitle: "Junior developer",
  startDate: "2025-09-01",
  hours: "40",
  monthlyPay: "",
  related: "yes",
  ...fields,
});

async function surveyAnswer(graduateId: number, fields: Record<string, string>) {
  const staff = await makeUser(c, "staff");
  const { token } = await createSurveyLink(c.db, graduateId, "m6", staff.id);
  const res = await call(survey.action, post(`/survey/${token}`, fields), { token });
  expect(res.status).toBe(302);
  return token;
}

describe("employers named in surveys and staff entries are linked to known companies", () => {
  it("a survey answer naming a verified HTP company, in either script, is linked and counted at an HTP resident", async () => {
    const ck = await company("Chong-Kemin Labs", "verified", "2025-01-10T08:00:00.000Z");
    const a = await graduate("Асанова");
    const b = await graduate("Бекова");
    await surveyAnswer(a, job({ employerName: "Chong-Kemin Labs" }));
    await surveyAnswer(b, job({ employerName: "ОсОО «Чонг-Кемин Лабс»" }));
    for (const g of [a, b]) expect(await currentOf(g)).toMatchObject({ company_id: ck, employer_name: null, company_htp_resident: 1, source: "survey" });
    const i = computeIndicators(dashboardFacts(c, "m6", [], "2031-01-01").facts, { checkpoint: "m6" });
    expect(i.htpPlacementRate).toMatchObject({ numerator: 2, denominator: 2 });
  });

  it("the HTP flag is the company's status on the job's start date: verified after the start is not HTP for that job", async () => {
    const late = await company("Tengri Labs", "verified", "2026-03-01T08:00:00.000Z");
    const early = await graduate("Асанова");
    const later = await graduate("Бекова");
    await surveyAnswer(early, job({ employerName: "Tengri Labs", startDate: "2025-09-01" }));
    await surveyAnswer(later, job({ employerName: "tengri labs", startDate: "2026-03-01" }));
    expect(await currentOf(early)).toMatchObject({ company_id: late, company_htp_resident: 0 });
    expect(await currentOf(later)).toMatchObject({ company_id: late, company_htp_resident: 1 });
  });

  it("the survey offers the verified companies to pick from, with their names in the other script; unknown names stay free text", async () => {
    await company("Chong-Kemin Labs", "verified", "2025-01-10T08:00:00.000Z");
    await company("Ала-Тоо Софтлаб", "verified", "2025-01-10T08:00:00.000Z");
    await company("Secret Startup", "pending", null);
    const g = await graduate("Асанова");
    const staff = await makeUser(c, "staff");
    const { token } = await createSurveyLink(c.db, g, "m6", staff.id);
    const page = (await call(survey.loader, get(`/survey/${token}`), { token })).data as { companies: { name: string; other: string }[] };
    // In the Kyrgyz alphabet: Cyrillic names before Latin ones (docs/decisions/046-small-list-search-and-kyrgyz-order.md).
    expect(page.companies).toEqual([
      { name: "Ала-Тоо Софтлаб", other: "Ala-Too Softlab" },
      { name: "Chong-Kemin Labs", other: "Чонг-Кемин Лабс" },
    ]);
    const res = await call(survey.action, post(`/survey/${token}`, job({ employerName: "Кафе «Нават»" })), { token });
    expect(res.status).toBe(302);
    expect(await currentOf(g)).toMatchObject({ company_id: null, employer_name: "Кафе «Нават»", company_htp_resident: 0 });
  });

  it("staff entry links a typed name too, and a picked company's HTP flag follows its verification date", async () => {
    const ck = await company("Chong-Kemin Labs", "verified", "2025-01-10T08:00:00.000Z");
    const late = await company("Tengri Labs", "verified", "2026-03-01T08:00:00.000Z");
    const g = await graduate("Асанова");
    const staff = await makeUser(c, "staff");
    const cookie = await sessionCookieFor(staff.id);
    const record = (fields: Record<string, string>) =>
      call(
        graduateOutcomes.action,
        post(
          `/staff/outcomes/graduates/${g}`,
          { intent: "record", checkpoint: "m6", asOf: "2025-12-30", kind: "employee", companyId: "", regionId: "", ...job(fields) },
          { cookie },
        ),
        { id: String(g) },
      );
    expect((await record({ employerName: "CHONG KEMIN LABS" })).status).toBe(302);
    expect(await currentOf(g)).toMatchObject({ company_id: ck, employer_name: null, company_htp_resident: 1, source: "staff" });
    expect((await record({ companyId: String(late), employerName: "" })).status).toBe(302);
    expect(await currentOf(g)).toMatchObject({ company_id: late, company_htp_resident: 0 });
    // The page offers every known company to pick, each with its name in the other script.
    const page = (await call(graduateOutcomes.loader, get(`/staff/outcomes/graduates/${g}`, { cookie }), { id: String(g) })).data as {
      companies: { id: number; name: string; other: string }[];
    };
    expect(page.companies).toEqual([
      { id: ck, name: "Chong-Kemin Labs", other: "Чонг-Кемин Лабс", status: "verified" },
      { id: late, name: "Tengri Labs", other: "Тенгри Лабс", status: "verified" },
    ]);
  });
});

describe("staff link the remaining employer names later", () => {
  async function setUp() {
    const staff = await makeUser(c, "staff");
    const cookie = await sessionCookieFor(staff.id);
    const ids = [await graduate("А"), await graduate("Б"), await graduate("В"), await graduate("Г")];
    const employed = (g: number, employerName: string, startDate = "2025-09-01") =>
      recordOutcomeByStaff(c.db, {
        graduateId: g,
        checkpoint: "m6",
        code: "employed",
        asOf: "2025-12-30",
        recordedBy: staff.id,
        notSeekingReason: null,
        excludedReason: null,
        employment: {
          kind: "employee",
          hours: 40,
          companyId: null,
          employerName,
          jobTitle: "Dev",
          startDate,
          monthlyPay: null,
          related: "yes",
          regionId: null,
        },
      });
    // Recorded before the company was known to the portal.
    await employed(ids[0]!, "Bishkek Soft");
    await employed(ids[1]!, "bishkek soft");
    await employed(ids[2]!, "Бишкек Софт", "2024-01-15");
    await employed(ids[3]!, "Кафе «Нават»");
    return { staff, cookie, ids };
  }

  it("lists unlinked names grouped across case and script with counts; linking supersedes the records, follows the HTP date rule and is audited", async () => {
    const { staff, cookie, ids } = await setUp();
    const bs = await company("Bishkek Soft", "verified", "2025-01-10T08:00:00.000Z");
    const page = await call(employers.loader, get("/staff/outcomes/employers", { cookie }));
    expect(page.status).toBe(200);
    const names = (page.data as { names: { key: string; name: string; count: number; suggested: { id: number; name: string } | null }[] }).names;
    expect(names.map((n) => [n.name, n.count, n.suggested?.id ?? null])).toEqual([
      ["Bishkek Soft", 3, bs],
      ["Кафе «Нават»", 1, null],
    ]);

    const res = await call(employers.action, post("/staff/outcomes/employers", { intent: "link", key: names[0]!.key, company: "Бишкек Софт" }, { cookie }));
    expect(res.status).toBe(302);
    for (const g of ids.slice(0, 2))
      expect(await currentOf(g)).toMatchObject({
        company_id: bs,
        employer_name: null,
        company_htp_resident: 1,
        source: "staff",
        recorded_by: staff.id,
        job_title: "Dev",
        start_date: "2025-09-01",
      });
    // That job started before the company was verified: not at an HTP resident on its start date.
    expect(await currentOf(ids[2]!)).toMatchObject({ company_id: bs, company_htp_resident: 0, start_date: "2024-01-15" });
    expect(await currentOf(ids[3]!)).toMatchObject({ company_id: null, employer_name: "Кафе «Нават»" });
    const audit = await c.db.selectFrom("audit_log").selectAll().where("action", "=", "outcome.link-employer").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: staff.id, entity: "company", entity_id: String(bs) });
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ names: ["Bishkek Soft", "bishkek soft", "Бишкек Софт"], records: 3 });
    const after = (await call(employers.loader, get("/staff/outcomes/employers", { cookie }))).data as { names: { name: string }[] };
    expect(after.names.map((n) => n.name)).toEqual(["Кафе «Нават»"]);
  });

  it("refuses an unknown company or name with 400 and a field message, writing nothing; other roles are refused", async () => {
    const { cookie } = await setUp();
    await company("Bishkek Soft", "verified", "2025-01-10T08:00:00.000Z");
    const employer = await makeUser(c, "employer");
    const graduateUser = await makeUser(c, "graduate");
    const cookies = [await sessionCookieFor(employer.id), await sessionCookieFor(graduateUser.id)];
    const before = snapshot(c);
    const bad = await call(employers.action, post("/staff/outcomes/employers", { intent: "link", key: "bishkeksoft", company: "Nobody Such LLC" }, { cookie }));
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ errors: { company: "outcomes.employers.unknownCompany" }, values: { company: "Nobody Such LLC" } });
    expect((await call(employers.action, post("/staff/outcomes/employers", { intent: "link", key: "", company: "Bishkek Soft" }, { cookie }))).status).toBe(
      400,
    );
    for (const other of cookies) {
      expect((await call(employers.loader, get("/staff/outcomes/employers", { cookie: other }))).status).toBe(403);
      expect(
        (await call(employers.action, post("/staff/outcomes/employers", { intent: "link", key: "bishkeksoft", company: "Bishkek Soft" }, { cookie: other })))
          .status,
      ).toBe(403);
    }
    expect(snapshot(c)).toEqual(before);
  });
});
