// Issue 14, item 12: the skill-gap page tells two cohorts of one school and year apart, and the
// skill gap and the follow-up list download as CSV, Excel-safe like the other exports (BOM, `;`,
// formula prefix); the follow-up list holds names and phones, so its download is audited.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { enrolGraduate } from "~/models/invitations.server";
import * as followUpCsv from "~/routes/staff.outcomes.follow-up[.csv]";
import * as skillGapCsv from "~/routes/staff.skill-gap[.csv]";
import * as skillGapPage from "~/routes/staff.skill-gap";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCohort, makeCompany, makeUser, makeVacancy, sessionCookieFor } from "../support/factories";
import { call, get } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

/** Calls a CSV loader and reads its bytes as they are (Response.text() would drop the BOM). */
async function csvOf(loader: typeof skillGapCsv.loader, path: string, cookie?: string) {
  const res = (await loader({ request: get(path, { cookie }), params: {}, context: { clientAddress: "127.0.0.1", cspNonce: "" } })) as Response;
  return { res, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await res.arrayBuffer())) };
}

async function staff() {
  const user = await makeUser(c, "staff");
  return { user, cookie: await sessionCookieFor(user.id) };
}

async function openVacancyRequiring(slug: string) {
  const owner = await makeUser(c, "employer");
  const companyId = await makeCompany(c, owner.id);
  const region = await c.db.selectFrom("regions").select("id").where("code", "=", "bishkek").executeTakeFirstOrThrow();
  await makeVacancy(c, companyId, { title: "Junior QA", description: "<p>QA</p>", workMode: "onsite", region: String(region.id), skills: slug });
}

describe("skill gap: cohorts told apart, and a CSV download", () => {
  it("labels two cohorts of one school and year with their graduation dates", async () => {
    const s = await staff();
    const winter = await makeCohort(c, "2026-02-15");
    const summer = await makeCohort(c, "2026-06-30");
    const page = await call(skillGapPage.loader, get("/staff/skill-gap?lng=en", { cookie: s.cookie, headers: { "Accept-Language": "en" } }));
    const cohorts = (page.data as { cohorts: { value: number; label: string }[] }).cohorts;
    const labelOf = (id: number) => cohorts.find((x) => x.value === id)!.label;
    expect(labelOf(winter)).not.toBe(labelOf(summer));
    expect(labelOf(winter)).toContain("15");
    expect(labelOf(summer)).toContain("30");
  });

  it("downloads the gap table as Excel-safe CSV for staff only, with the page's selection", async () => {
    const s = await staff();
    await openVacancyRequiring("python");
    const cohort = await makeCohort(c, "2026-06-30");
    // A joined graduate with a profile and no Python: one of one lacks it.
    const { graduateId } = await enrolGraduate(c.db, { cohortId: cohort, firstName: "Айпери", lastName: "Жумабекова" }, s.user.id);
    const user = await makeUser(c, "graduate");
    await c.db
      .updateTable("graduates")
      .set({ user_id: user.id, slug: `g-${graduateId}`, visibility: "employers" })
      .where("id", "=", graduateId)
      .execute();
    const { res, text } = await csvOf(skillGapCsv.loader, `/staff/skill-gap.csv?cohort=${cohort}&lng=ru`, s.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="skill-gap[\w-]*\.csv"$/);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]!.split(";").length).toBeGreaterThanOrEqual(5);
    expect(lines.some((l) => l.startsWith("Python;1;0;0;1"))).toBe(true);
    // Junk filters are ignored, never an error; other roles are refused.
    expect((await call(skillGapCsv.loader, get("/staff/skill-gap.csv?school=x&cohort=-1", { cookie: s.cookie }))).status).toBe(200);
    expect((await call(skillGapCsv.loader, get("/staff/skill-gap.csv"))).status).toBe(302);
    const employer = await makeUser(c, "employer");
    expect((await call(skillGapCsv.loader, get("/staff/skill-gap.csv", { cookie: await sessionCookieFor(employer.id) }))).status).toBe(403);
  });
});

describe("follow-up list as CSV", () => {
  it("holds every due graduate (not one page), neutralises formulas and is audited", async () => {
    const s = await staff();
    const today = new Date().toISOString().slice(0, 10);
    const cohort = await makeCohort(c, today);
    const ids: number[] = [];
    for (let i = 0; i < 45; i++) {
      ids.push(
        (
          await enrolGraduate(
            c.db,
            { cohortId: cohort, firstName: i === 0 ? "=HYPERLINK(1)" : `Имя${i}`, lastName: `Фамилия${String(i).padStart(2, "0")}` },
            s.user.id,
          )
        ).graduateId,
      );
    }
    await c.db.updateTable("graduates").set({ contact_phone: "+996 555 000 111" }).where("id", "=", ids[1]!).execute();
    const { res, text } = await csvOf(followUpCsv.loader, `/staff/outcomes/follow-up.csv?cohort=${cohort}&lng=ru`, s.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="follow-up[\w-]*\.csv"$/);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + 45);
    expect(text).toContain("'=HYPERLINK(1)");
    expect(text).not.toMatch(/(^|;)=HYPERLINK/m);
    expect(text).toContain("+996 555 000 111");
    const audit = await c.db.selectFrom("audit_log").selectAll().where("action", "=", "follow-up.export").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_user_id).toBe(s.user.id);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ cohort, rows: 45 });
    const graduate = await makeUser(c, "graduate");
    expect((await call(followUpCsv.loader, get("/staff/outcomes/follow-up.csv", { cookie: await sessionCookieFor(graduate.id) }))).status).toBe(403);
    expect((await call(followUpCsv.loader, get("/staff/outcomes/follow-up.csv?school=x&page=-3", { cookie: s.cookie }))).status).toBe(200);
  });
});
