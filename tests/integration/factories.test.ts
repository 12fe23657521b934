// The shared factories (db/factories, docs/decisions/039-shared-factories.md) write through the
// portal's own forms and models: what a form refuses, a factory refuses; what the real path
// adds (an invitation, a search row, a history, a placement), a factory-made row has too.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeApplication, makeCompany, makeGraduate, makeUser, makeVacancy, stepsTo } from "../support/factories";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

describe("the shared factories", () => {
  it("refuse what the vacancy form refuses, and store what its save stores", async () => {
    const owner = await makeUser(c, "employer");
    const companyId = await makeCompany(c, owner.id);
    await expect(makeVacancy(c, companyId, { salaryMin: "90000", salaryMax: "50000" })).rejects.toThrow(/salaryRange/);
    await expect(makeVacancy(c, companyId, { skills: "no such skill at all" })).rejects.toThrow(/unknown skills/);
    const id = await makeVacancy(c, companyId, {
      title: "Junior Python developer",
      description: "<p>APIs</p><script>alert(1)</script>",
      skills: "python: advanced",
      niceSkills: "git",
    });
    const row = await c.db.selectFrom("vacancies").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "open", created_by: owner.id, company_id: companyId });
    expect(row.description).not.toContain("script");
    expect(row.published_at).not.toBeNull();
    const skills = await c.db
      .selectFrom("vacancy_skills")
      .innerJoin("skills", "skills.id", "vacancy_skills.skill_id")
      .select(["skills.slug", "required", "min_level"])
      .where("vacancy_id", "=", id)
      .orderBy("skills.slug")
      .execute();
    expect(skills).toEqual([
      { slug: "git", required: 0, min_level: "basic" },
      { slug: "python", required: 1, min_level: "advanced" },
    ]);
    expect(c.sqlite.prepare("select count(*) as n from vacancies_fts where rowid = ?").get(id)).toEqual({ n: 1 });
  });

  it("enrol a graduate with an invitation and bind an account as joining does", async () => {
    const { graduateId, userId, code } = await makeGraduate(c, { firstName: "Айпери", lastName: "Жумабекова", account: true });
    const invitation = await c.db.selectFrom("invitations").selectAll().where("graduate_id", "=", graduateId).executeTakeFirstOrThrow();
    expect(invitation.code).toBe(code);
    expect(invitation.used_at).not.toBeNull();
    const graduate = await c.db.selectFrom("graduates").select(["user_id"]).where("id", "=", graduateId).executeTakeFirstOrThrow();
    expect(graduate.user_id).toBe(userId);
    const user = await c.db.selectFrom("users").select(["role", "display_name"]).where("id", "=", userId!).executeTakeFirstOrThrow();
    expect(user).toEqual({ role: "graduate", display_name: "Айпери Жумабекова" });
  });

  it("take an application along the pipeline, one event per step, a hire with its placement", async () => {
    const owner = await makeUser(c, "employer");
    const companyId = await makeCompany(c, owner.id);
    const vacancyId = await makeVacancy(c, companyId);
    const { graduateId } = await makeGraduate(c, { account: true });
    const id = await makeApplication(c, vacancyId, graduateId, { status: "hired", startDate: "2026-11-01" });
    const events = await c.db.selectFrom("application_events").select("to_status").where("application_id", "=", id).orderBy("id").execute();
    expect(events.map((e) => e.to_status)).toEqual(stepsTo("hired"));
    const application = await c.db.selectFrom("applications").select(["status", "snapshot_json"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(application.status).toBe("hired");
    expect(application.snapshot_json).not.toBeNull();
    expect(await c.db.selectFrom("placements").select(["start_date", "recorded_by"]).where("application_id", "=", id).execute()).toEqual([
      { start_date: "2026-11-01", recorded_by: owner.id },
    ]);
    // Nobody applies without an account.
    const { graduateId: notJoined } = await makeGraduate(c);
    await expect(makeApplication(c, vacancyId, notJoined)).rejects.toThrow(/account/);
  });
});
