// Issue 14, item 9: a verified employer invites a graduate from the graduate's page with a button
// (a vacancy chosen from the company's open ones), never by typing the profile address.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import type { VacancyStatus } from "@db/schema";
import * as profilePage from "~/routes/g.$slug";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeCompany, makeGraduate, makeUser, makeVacancy, sessionCookieFor } from "../support/factories";
import { call, cookieFrom, get, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

async function graduate(visibility: "employers" | "public" = "public") {
  const { graduateId, userId } = await makeGraduate(c, { firstName: "Айпери", lastName: "Жумабекова", account: true });
  const slug = `ayperi-${graduateId}`;
  await c.db.updateTable("graduates").set({ slug, visibility }).where("id", "=", graduateId).execute();
  return { graduateId, user: { id: userId! }, slug, cookie: await sessionCookieFor(userId!) };
}

async function employer(status: "pending" | "verified" = "verified") {
  const user = await makeUser(c, "employer");
  const companyId = await makeCompany(c, user.id, status);
  return { user, companyId, cookie: await sessionCookieFor(user.id) };
}

const vacancy = (companyId: number, title: string, status: VacancyStatus = "open", deadline: string | null = null) =>
  makeVacancy(c, companyId, { title, status, deadline: deadline ?? "" });

type Page = { invite: { vacancies: { id: number; title: string }[] } | null };
const pageAs = async (slug: string, cookie?: string) => (await call(profilePage.loader, get(`/g/${slug}`, { cookie }), { slug })).data as Page;
const inviteAs = (slug: string, cookie: string, vacancyId: number | string) =>
  call(profilePage.action, post(`/g/${slug}`, { intent: "invite", vacancyId: String(vacancyId) }, { cookie }), { slug });

describe("inviting from the graduate's page (issue 14, item 9)", () => {
  it("offers the company's open vacancies not yet applied for; the button invites and notifies; the vacancy then leaves the list", async () => {
    const g = await graduate("employers");
    const e = await employer();
    const open = await vacancy(e.companyId, "Junior React");
    const second = await vacancy(e.companyId, "Junior Python");
    await vacancy(e.companyId, "Closed one", "closed");
    await vacancy(e.companyId, "Past deadline", "open", "2020-01-01");

    expect((await pageAs(g.slug, e.cookie)).invite?.vacancies.map((v) => v.id).sort()).toEqual([open, second].sort());

    const sent = await inviteAs(g.slug, e.cookie, open);
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/g/${g.slug}`);
    expect(cookieFrom(sent.headers, "flash")).toBe("flash=flash.invitationSent");
    const app = await c.db.selectFrom("applications").select(["status", "graduate_id", "vacancy_id"]).executeTakeFirstOrThrow();
    expect(app).toEqual({ status: "invited", graduate_id: g.graduateId, vacancy_id: open });
    const notes = await c.db.selectFrom("notifications").select("kind").where("user_id", "=", g.user.id).execute();
    expect(notes).toEqual([{ kind: "application-invited" }]);

    expect((await pageAs(g.slug, e.cookie)).invite?.vacancies.map((v) => v.id)).toEqual([second]);
  });

  it("refuses, with the reason in the user's language and nothing written, what cannot succeed", async () => {
    const g = await graduate();
    const e = await employer();
    const other = await employer();
    const closed = await vacancy(e.companyId, "Closed one", "closed");
    const theirs = await vacancy(other.companyId, "Their vacancy");
    const mine = await vacancy(e.companyId, "Junior React");
    expect((await inviteAs(g.slug, e.cookie, mine)).status).toBe(302);

    const before = snapshot(c);
    for (const [vacancyId, reason] of [
      [closed, "applications.invite.notOpen"],
      [theirs, "applications.invite.notOpen"],
      [mine, "applications.invite.already"],
      ["", "errors.required"],
      ["1; drop", "errors.required"],
    ] as const) {
      const answer = await inviteAs(g.slug, e.cookie, vacancyId);
      expect(answer.status, String(vacancyId)).toBe(400);
      expect(answer.data).toMatchObject({ errors: { vacancyId: reason } });
    }
    expect(snapshot(c)).toEqual(before);
  });

  it("shows no invite form to graduates, visitors, staff or a pending company, whose invites are refused", async () => {
    const g = await graduate();
    const other = await graduate();
    const pending = await employer("pending");
    const staff = await makeUser(c, "staff");
    const e = await employer();
    const v = await vacancy(e.companyId, "Junior React");
    const staffCookie = await sessionCookieFor(staff.id);
    for (const cookie of [undefined, other.cookie, pending.cookie, staffCookie]) expect((await pageAs(g.slug, cookie)).invite).toBeNull();

    const before = snapshot(c);
    expect((await inviteAs(g.slug, pending.cookie, v)).status).toBe(403);
    expect((await inviteAs(g.slug, other.cookie, v)).status).toBe(403);
    expect((await inviteAs(g.slug, staffCookie, v)).status).toBe(403);
    expect(snapshot(c)).toEqual(before);
  });
});
