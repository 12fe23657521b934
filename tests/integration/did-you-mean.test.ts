// One "did you mean" on every search page (docs/product.md §14): the board, the directory, the staff
// graduate list and the small lists (/companies, /staff/companies, /admin/skills) show it with the
// same component (SearchNotes), the same message (search.didYouMean) and a link that keeps the page's
// other filters and starts from the first page. Real loaders on a real SQLite file, pages rendered.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Connection } from "@db/connection";
import { catalogs } from "~/i18n/catalog.server";
import { LANGS } from "~/i18n/negotiate";
import { renderPage } from "../support/remix-react-stub";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCompany, makeUser, makeVacancy, sessionCookieFor } from "../support/factories";
import { call, get } from "../support/remix";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));
const pages = {
  companies: await import("~/routes/companies._index"),
  staffCompanies: await import("~/routes/staff.companies._index"),
  adminSkills: await import("~/routes/admin.skills._index"),
  board: await import("~/routes/vacancies._index"),
};

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
/** The one rendering every search page uses, in the reader's language. */
const notice = (lang: (typeof LANGS)[number], href: string, text: string) =>
  `<p class="notice notice--info did-you-mean"><a href="${escape(href)}">${catalogs[lang]["search.didYouMean"].replace("{text}", text)}</a></p>`;

let c: Connection;
let staffCookie: string;
let adminCookie: string;
let categoryId: number;
beforeAll(async () => {
  c = await createTestDatabase();
  staffCookie = await sessionCookieFor((await makeUser(c, "staff")).id);
  adminCookie = await sessionCookieFor((await makeUser(c, "admin")).id);
  const owner = await makeUser(c, "employer");
  const company = await makeCompany(c, owner.id, { name: "Tengri Pixel Studio", status: "verified" });
  await makeVacancy(c, company, { title: "Frontend разработчик" });
  categoryId = (await c.db.selectFrom("skills").select("category_id").where("name_en", "=", "JavaScript").executeTakeFirstOrThrow()).category_id;
});
afterAll(closeTestDatabases);

async function rendered(page: (typeof pages)[keyof typeof pages], url: string, cookie?: string) {
  const res = await call(page.loader, get(url, { cookie }));
  expect(res.status).toBe(200);
  const data = res.data as { suggestion?: string | null; result?: { suggestion: string | null } };
  const suggestion = data.suggestion ?? data.result?.suggestion ?? null;
  return { suggestion, html: (lang: (typeof LANGS)[number]) => renderPage(lang, page.default, { loader: res.data }, /\bsearch\.[a-zA-Z]+\b/) };
}

describe("«did you mean» is one component and one message on every search page", () => {
  it("/companies", async () => {
    const { suggestion, html } = await rendered(pages.companies, "/companies?q=Tengri+Pixle");
    expect(suggestion).toBe("Tengri Pixel");
    for (const lang of LANGS) expect(html(lang)).toContain(notice(lang, "/companies?q=Tengri+Pixel", "Tengri Pixel"));
  });

  it("/staff/companies keeps its status filter", async () => {
    const { suggestion, html } = await rendered(pages.staffCompanies, "/staff/companies?status=verified&q=Tengri+Pixle", staffCookie);
    expect(suggestion).toBe("Tengri Pixel");
    for (const lang of LANGS) expect(html(lang)).toContain(notice(lang, "/staff/companies?status=verified&q=Tengri+Pixel", "Tengri Pixel"));
  });

  it("/admin/skills keeps its category and starts from the first page", async () => {
    const { suggestion, html } = await rendered(pages.adminSkills, `/admin/skills?q=Javasript&category=${categoryId}&page=2`, adminCookie);
    expect(suggestion).toMatch(/^javascript$/i);
    for (const lang of LANGS) expect(html(lang)).toContain(notice(lang, `/admin/skills?category=${categoryId}&q=${suggestion}`, suggestion!));
  });

  it("the job board, as before", async () => {
    const { suggestion, html } = await rendered(pages.board, `/vacancies?q=${encodeURIComponent("разрабочик")}`);
    expect(suggestion).toBe("разработчик");
    for (const lang of LANGS) expect(html(lang)).toContain(notice(lang, `/vacancies?q=${encodeURIComponent("разработчик")}`, "разработчик"));
  });

  it("the old inline message is gone from every catalog", () => {
    for (const lang of LANGS) expect(Object.keys(catalogs[lang]).filter((k) => /didYouMean/.test(k))).toEqual(["search.didYouMean"]);
  });
});
