// Issue 14 items 21 and 23 on rendered pages: a Kyrgyz deadline in its case; a vacancy's required languages are named in the page's
// language, and the audit log names the changed fields in words, not as `cohortId`, `expiresAt`.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Connection } from "@db/connection";
import { renderPage } from "../support/remix-react-stub";
import { approveVacancy, saveVacancy, submitVacancy } from "~/models/vacancies.server";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCompany, makeInvitation, makeUser, sessionCookieFor } from "../support/factories";
import { call, get } from "../support/remix";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));

const vacancyPage = await import("~/routes/vacancies.$id");
const board = await import("~/routes/vacancies._index");
const auditPage = await import("~/routes/staff.audit");

let c: Connection;
let vacancyId = 0;
let staffCookie = "";

beforeAll(async () => {
  c = await createTestDatabase();
  const employer = await makeUser(c, "employer");
  const companyId = await makeCompany(c, employer.id);
  const staff = await makeUser(c, "staff");
  staffCookie = await sessionCookieFor(staff.id);
  const python = await c.db.selectFrom("skills").select("id").where("slug", "=", "python").executeTakeFirstOrThrow();
  const r = await saveVacancy(
    c.db,
    companyId,
    null,
    {
      title: "Python",
      description: "<p>Задачи</p>",
      employmentType: "full_time",
      workMode: "remote",
      city: "Бишкек",
      regionId: null,
      salaryMin: 40000,
      salaryMax: 60000,
      salaryHidden: false,
      openings: 1,
      deadline: "2099-12-31",
      skills: [{ skillId: python.id, required: true, minLevel: "advanced" }],
      languages: [
        { language: "en", minLevel: "A2" },
        { language: "ky", minLevel: "B1" },
      ],
    },
    employer.id,
  );
  if (!r.ok) throw new Error("save");
  vacancyId = r.id;
  await submitVacancy(c.db, companyId, r.id);
  await approveVacancy(c.db, r.id, staff.id);
  await makeInvitation(c, staff.id);
});
afterAll(closeTestDatabases);

async function loaded(loader: unknown, path: string, cookie?: string, params: Record<string, string> = {}) {
  const res = await call(loader as Parameters<typeof call>[0], get(path, { cookie }), params);
  expect(res.status).toBe(200);
  return JSON.parse(JSON.stringify(res.data));
}
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&lt;!-- --&gt;|<!-- -->/g, "");

describe("words on pages", () => {
  it("names a vacancy's required languages in the page's language", async () => {
    const data = await loaded(vacancyPage.loader, `/vacancies/${vacancyId}`, undefined, { id: String(vacancyId) });
    const expected = {
      ru: ["Английский: не ниже A2", "Кыргызский: не ниже B1"],
      ky: ["Англис тили: A2", "Кыргыз тили: B1"],
      en: ["English: at least A2", "Kyrgyz: at least B1"],
    } as const;
    for (const lang of ["ru", "ky", "en"] as const) {
      const page = text(renderPage(lang, vacancyPage.default, { loader: data }, /\bvacancies\.[a-zA-Z]+/));
      for (const line of expected[lang]) expect(page, lang).toContain(line.split(":")[0] + ":");
      if (lang !== "en") expect(page, lang).not.toMatch(/English:|Кыргызча:/);
    }
  });

  it("the job board puts a Kyrgyz deadline in the dative before «чейин» (item 21)", async () => {
    const data = await loaded(board.loader, "/vacancies");
    const ky = text(renderPage("ky", board.default, { loader: data, location: { pathname: "/vacancies", search: "" } }, /\bvacancies\.[a-zA-Z]+/));
    expect(ky).toContain("арыздар 2099-ж., 31-декабрга чейин кабыл алынат");
    const ru = text(renderPage("ru", board.default, { loader: data, location: { pathname: "/vacancies", search: "" } }, /\bvacancies\.[a-zA-Z]+/));
    expect(ru).toContain("приём до 31 декабря 2099 г.");
  });

  it("names changed fields in the audit log in words", async () => {
    const data = await loaded(auditPage.loader, "/staff/audit", staffCookie);
    for (const lang of ["ru", "ky", "en"] as const) {
      const page = text(renderPage(lang, auditPage.default, { loader: data, location: { pathname: "/staff/audit", search: "" } }, /\baudit\.[a-zA-Z]+/));
      expect(page, lang).not.toMatch(/cohortId|firstName|lastName|expiresAt/);
      expect(page, lang).toContain({ ru: "Фамилия", ky: "Фамилиясы", en: "Last name" }[lang]);
    }
  });
});
