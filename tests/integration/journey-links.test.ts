// Issue 14, what stops people between pages: notifications in words (not status codes), where an
// employer lands and what a pending one is offered, the ways to a company's page and the list of
// companies, and from the home page's schools to their figures on /outcomes. Real loaders and
// actions on a real SQLite file; the pages rendered from what the loaders returned.
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Connection } from "@db/connection";
import { catalogs } from "~/i18n/catalog.server";
import { enrolGraduate } from "~/models/invitations.server";
import { LANGS } from "~/i18n/negotiate";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCompany, makeGraduate, makeUser, makeVacancy, PASSWORD, sessionCookieFor } from "../support/factories";
import { call, get, post } from "../support/remix";
import { renderPage } from "../support/remix-react-stub";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));

const applyPage = await import("~/routes/vacancies.$id_.apply");
const employerApplication = await import("~/routes/_employer.employer.applications.$id");
const notificationsPage = await import("~/routes/notifications");
const login = await import("~/routes/login");
const signup = await import("~/routes/signup");
const dashboard = await import("~/routes/_employer.employer._index");
const root = await import("~/root");
const vacancyPage = await import("~/routes/vacancies.$id");
const board = await import("~/routes/vacancies._index");
const companyPage = await import("~/routes/companies.$slug");
const companies = await import("~/routes/companies._index");
const homePage = await import("~/routes/_index");
const outcomesPage = await import("~/routes/outcomes");

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

function render(lang: (typeof LANGS)[number], Page: () => ReactNode, loader: unknown, location?: { pathname: string; search: string }, user?: unknown): string {
  const keys =
    /\b(notify|notifications|applications|companies|companiesList|employerStart|homeSchools|outcomesSchool|home|outcomes|vacancies|match|nav)\.[a-zA-Z-]+\.?[a-zA-Z]*/;
  return renderPage(lang, Page, { loader, location, user }, keys);
}

async function graduate() {
  const { graduateId, userId } = await makeGraduate(c, { firstName: "Айпери", lastName: "Жумабекова", account: true });
  await c.db
    .updateTable("graduates")
    .set({ slug: `g-${graduateId}`, visibility: "public" })
    .where("id", "=", graduateId)
    .execute();
  return { graduateId, user: { id: userId! }, cookie: await sessionCookieFor(userId!) };
}

async function employer(status: "pending" | "verified" = "verified") {
  const user = await makeUser(c, "employer");
  const companyId = await makeCompany(c, user.id, status);
  return { user, companyId, cookie: await sessionCookieFor(user.id) };
}

const vacancy = (companyId: number, title = "Junior frontend developer", status: "open" | "draft" = "open") =>
  makeVacancy(c, companyId, { title, status, city: "Бишкек", deadline: "2099-12-31" });

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

describe("employers land on their dashboard and are offered only what works (issue 14, item 10)", () => {
  it("signing in and signing up take an employer to /employer, not the password form", async () => {
    const e = await employer("pending");
    const signedIn = await call(login.action, post("/login", { email: e.user.email, password: PASSWORD }));
    expect(signedIn.status).toBe(302);
    expect(signedIn.location).toBe("/employer");
    const signedUp = await call(
      signup.action,
      post("/signup", {
        name: "Тимур Исаков",
        company: "Ала-Тоо Софт",
        email: "timur@alatoo.kg",
        password: "long-enough-pass",
        passwordRepeat: "long-enough-pass",
      }),
    );
    expect(signedUp.status).toBe(302);
    // Sign-up answers alike for a taken address, so it signs no one in (issue 13, item 14): the newcomer
    // signs in next, and that lands on the dashboard too.
    expect(signedUp.location).toBe("/login");
    const newcomerSignedIn = await call(login.action, post("/login", { email: "timur@alatoo.kg", password: "long-enough-pass" }));
    expect(newcomerSignedIn.location).toBe("/employer");
    // The page it lands on answers: a pending company's member sees their dashboard, not a 403.
    const newcomer = await c.db.selectFrom("users").select("id").where("email", "=", "timur@alatoo.kg").executeTakeFirstOrThrow();
    expect((await call(dashboard.loader, get("/employer", { cookie: await sessionCookieFor(newcomer.id) }))).status).toBe(200);
  });

  it("a pending or rejected company's member is not offered the directory or best candidates, and is told why", async () => {
    const pending = await employer("pending");
    await vacancy(pending.companyId, "Junior QA", "draft");
    const rejected = await employer("pending");
    await c.db
      .updateTable("companies")
      .set({ status: "rejected", reject_reason: "Номер резидента ПВТ не найден" })
      .where("id", "=", rejected.companyId)
      .execute();
    const verified = await employer("verified");
    const open = await vacancy(verified.companyId);

    for (const [who, e] of [
      ["pending", pending],
      ["rejected", rejected],
      ["verified", verified],
    ] as const) {
      const rootData = (await call(root.loader, get("/employer", { cookie: e.cookie }))).data as { user: { verifiedEmployer: boolean } };
      expect(rootData.user.verifiedEmployer, who).toBe(who === "verified");
      const page = await call(dashboard.loader, get("/employer", { cookie: e.cookie }));
      expect(page.status, who).toBe(200);
      for (const lang of LANGS) {
        const header = render(lang, root.Header, null, undefined, rootData.user);
        const html = render(lang, dashboard.default, page.data);
        const m = catalogs[lang];
        if (who === "verified") {
          expect(header, `${lang} ${who}`).toContain('href="/graduates"');
          expect(html).toContain(`href="/vacancies/${open}/candidates"`);
          expect(html).not.toContain(m["employerStart.canNow"]);
          continue;
        }
        // Everything shown answers: no directory in the header, no best-candidates column or link.
        expect(header, `${lang} ${who}`).not.toContain('href="/graduates"');
        expect(html, `${lang} ${who}`).not.toMatch(/\/candidates"|href="\/graduates"|href="\/employer\/hires"/);
        expect(html).not.toContain(m["match.candidates.nav"]);
        // What can be done now, and what waits for verification.
        expect(html).toContain(m["employerStart.canNow"]);
        expect(html).toContain(m["employerStart.after"]);
        expect(html).toContain('href="/employer/vacancies/new"');
        expect(html).toContain('href="/company"');
        if (who === "rejected") expect(html).toContain("Номер резидента ПВТ не найден");
        else expect(html).toContain(m["employerStart.pendingLead"]);
      }
    }
  });
});

describe("the ways to a company's page, and the list of companies (issue 14, item 11)", () => {
  it("the vacancy page and the board cards link the company's page; /companies lists verified companies with their open vacancies", async () => {
    const a = await employer("verified");
    await c.db.updateTable("companies").set({ name: "Ала-Тоо Софт", city: "Бишкек" }).where("id", "=", a.companyId).execute();
    const b = await employer("verified");
    await c.db.updateTable("companies").set({ name: "Бирге Дев" }).where("id", "=", b.companyId).execute();
    const hidden = await employer("pending");
    await c.db.updateTable("companies").set({ name: "Күтүүдөгү Компания" }).where("id", "=", hidden.companyId).execute();
    const v1 = await vacancy(a.companyId, "Junior React");
    await vacancy(a.companyId, "Junior QA");
    await vacancy(a.companyId, "Draft one", "draft");
    const past = await vacancy(a.companyId, "Past its deadline");
    await c.db.updateTable("vacancies").set({ deadline: "2020-01-01" }).where("id", "=", past).execute();
    await vacancy(hidden.companyId, "Not public");
    const [aSlug, bSlug, hiddenSlug] = await Promise.all(
      [a, b, hidden].map(async (e) => (await c.db.selectFrom("companies").select("slug").where("id", "=", e.companyId).executeTakeFirstOrThrow()).slug),
    );

    const detail = await call(vacancyPage.loader, get(`/vacancies/${v1}`), { id: String(v1) });
    const boardPage = await call(board.loader, get("/vacancies"));
    expect(boardPage.status).toBe(200);
    const list = await call(companies.loader, get("/companies"));
    expect(list.status).toBe(200);
    // Only verified companies, by name, with what is open now (drafts and past deadlines are not).
    expect((list.data as { companies: unknown[] }).companies).toEqual([
      { slug: aSlug, name: [{ text: "Ала-Тоо Софт", hit: false }], city: "Бишкек", open_vacancies: 2, typo: false },
      { slug: bSlug, name: [{ text: "Бирге Дев", hit: false }], city: null, open_vacancies: 0, typo: false },
    ]);
    for (const lang of LANGS) {
      expect(render(lang, vacancyPage.default, detail.data)).toContain(`href="/companies/${aSlug}"`);
      const cards = render(lang, board.default, boardPage.data, { pathname: "/vacancies", search: "" });
      expect(cards).toContain(`href="/companies/${aSlug}"`);
      expect(cards).toContain('href="/companies"');
      const html = render(lang, companies.default, list.data);
      expect(html).toContain(`href="/companies/${aSlug}"`);
      expect(html).toContain(`href="/companies/${bSlug}"`);
      expect(html).not.toContain(hiddenSlug);
      expect(html).toContain(catalogs[lang]["companiesList.open"].replace("{n}", "2"));
      expect(html).toContain(catalogs[lang]["companiesList.noOpen"]);
      expect(html).not.toMatch(/<script|style=/);
    }
    // The company page leads back to the list.
    const own = await call(companyPage.loader, get(`/companies/${aSlug}`), { slug: aSlug });
    expect(render("ru", companyPage.default, own.data)).toContain('href="/companies"');
    // Read, not worked in: served without JavaScript like the other public pages (docs/decisions/015).
    expect(companies.handle).toEqual({ hydrate: false });
  });
});

describe("from the home page's schools to their figures (issue 14, item 14)", () => {
  it("each school card on the home page links its figures on /outcomes, and ?school= shows that school", async () => {
    const staff = await makeUser(c, "staff");
    const schools = await c.db.selectFrom("schools").select(["id", "name_ru"]).orderBy("id").limit(2).execute();
    for (const s of schools) {
      const { id: cohortId } = await c.db
        .insertInto("cohorts")
        .values({ school_id: s.id, graduation_date: "2024-06-30" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await enrolGraduate(c.db, { cohortId, firstName: "Самат", lastName: `Акматов ${s.id}` }, staff.id);
    }
    const [first, second] = schools as [(typeof schools)[0], (typeof schools)[0]];

    const home = await call(homePage.loader, get("/"));
    for (const lang of LANGS) {
      const html = render(lang, homePage.default, home.data);
      for (const s of await c.db.selectFrom("schools").select("id").execute()) expect(html, lang).toContain(`href="/outcomes?school=${s.id}"`);
      expect(html).toContain('href="/outcomes"');
    }

    const all = await call(outcomesPage.loader, get("/outcomes"));
    expect((all.data as { schools: { id: number }[] }).schools.map((s) => s.id)).toEqual([first.id, second.id]);
    const one = await call(outcomesPage.loader, get(`/outcomes?school=${second.id}&checkpoint=m12`));
    expect(one.status).toBe(200);
    const data = one.data as { school: number | null; schools: { id: number }[] };
    expect(data.school).toBe(second.id);
    expect(data.schools.map((s) => s.id)).toEqual([second.id]);
    const html = render("ru", outcomesPage.default, one.data);
    expect(html).toContain(second.name_ru);
    expect(html).not.toContain(first.name_ru);
    expect(html).toContain(`name="school" value="${second.id}"`);
    expect(html).toContain(catalogs.ru["outcomesSchool.allSchools"]);
    // A school with no published figures, or a malformed id: an answer in words, never an error.
    for (const q of ["999999", "abc", "-1", "1e3", ""]) {
      const res = await call(outcomesPage.loader, get(`/outcomes?school=${encodeURIComponent(q)}`));
      expect(res.status, q).toBe(200);
    }
    const none = await call(outcomesPage.loader, get("/outcomes?school=999999"));
    expect(render("ky", outcomesPage.default, none.data)).toContain(catalogs.ky["outcomesSchool.none"]);
  });
});
