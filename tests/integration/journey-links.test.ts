// Issue 14, what stops people between pages: notifications in words (not status codes), where an
// employer lands and what a pending one is offered, the ways to a company's page and the list of
// companies, and from the home page's schools to their figures on /outcomes. Real loaders and
// actions on a real SQLite file; the pages rendered from what the loaders returned.
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Connection } from "@db/connection";
import { catalogs } from "~/i18n/catalog.server";
import { LANGS } from "~/i18n/negotiate";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCompany, makeInvitation, makeUser, sessionCookieFor } from "../support/factories";
import { call, get, post } from "../support/remix";
import { renderPage } from "../support/remix-react-stub";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));

const applyPage = await import("~/routes/vacancies.$id_.apply");
const employerApplication = await import("~/routes/employer.applications.$id");
const notificationsPage = await import("~/routes/notifications");

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

function render(lang: (typeof LANGS)[number], Page: () => ReactNode, loader: unknown, location?: { pathname: string; search: string }): string {
  return renderPage(lang, Page, { loader, location }, /\b(notify|notifications|applications|companies|home|outcomes|vacancies)\.[a-zA-Z-]+\.?[a-zA-Z]*/);
}

async function graduate() {
  const staff = await makeUser(c, "staff");
  const { graduateId } = await makeInvitation(c, staff.id, { firstName: "Айпери", lastName: "Жумабекова" });
  const user = await makeUser(c, "graduate", { name: "Айпери Жумабекова" });
  await c.db.updateTable("graduates").set({ user_id: user.id, slug: `g-${graduateId}`, visibility: "public" }).where("id", "=", graduateId).execute();
  return { graduateId, user, cookie: await sessionCookieFor(user.id) };
}

async function employer(status: "pending" | "verified" = "verified") {
  const user = await makeUser(c, "employer");
  const companyId = await makeCompany(c, user.id, status);
  return { user, companyId, cookie: await sessionCookieFor(user.id) };
}

async function vacancy(companyId: number, title = "Junior frontend developer", status: "open" | "draft" = "open") {
  const { id } = await c.db
    .insertInto("vacancies")
    .values({ company_id: companyId, title, description: "<p>React</p>", employment_type: "full_time", work_mode: "hybrid", city: "Бишкек", status, deadline: "2099-12-31", published_at: status === "open" ? new Date().toISOString() : null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

describe("notifications say the stage in words (issue 14, item 2)", () => {
  it("each stage move reaches the graduate as its label in ky, ru and en, never the status code", async () => {
    const g = await graduate();
    const e = await employer();
    const v = await vacancy(e.companyId);
    expect((await call(applyPage.action, post(`/vacancies/${v}/apply`, [["note", ""]], { cookie: g.cookie }), { id: String(v) })).status).toBe(302);
    const app = await c.db.selectFrom("applications").select("id").executeTakeFirstOrThrow();
    const moveTo = (fields: Record<string, string>) =>
      call(employerApplication.action, post(`/employer/applications/${app.id}`, { intent: "move", ...fields }, { cookie: e.cookie }), { id: String(app.id) });
    expect((await moveTo({ to: "screening" })).status).toBe(302);
    expect((await moveTo({ to: "interview", interviewAt: "2099-03-02T15:30", interviewPlace: "Офис" })).status).toBe(302);
    expect((await moveTo({ to: "offer" })).status).toBe(302);
    expect((await moveTo({ to: "hired", startDate: "2026-01-15", monthlyPay: "45000" })).status).toBe(302);

    const page = await call(notificationsPage.loader, get("/notifications", { cookie: g.cookie }));
    expect(page.status).toBe(200);
    for (const lang of LANGS) {
      const html = render(lang, notificationsPage.default, page.data);
      for (const status of ["screening", "interview", "offer", "hired"] as const) {
        expect(html, `${lang}: ${status}`).toContain(catalogs[lang][`applications.status.${status}`]);
        expect(html, `${lang}: raw ${status}`).not.toMatch(new RegExp(`[:“«] ?${status}\\b`));
      }
    }
  });
});
