// The vacancy pages render in all three languages from their real loaders' data (Remix's hooks
// stubbed): no missing message, no inline style (CSP), the JSON-LD script carries the nonce.
import type { ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Connection } from "@db/connection";
import { LANGS } from "~/i18n/negotiate";
import { renderPage } from "../support/remix-react-stub";
import { approveVacancy, rejectVacancy, saveVacancy, submitVacancy } from "~/models/vacancies.server";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCompany, makeUser, sessionCookieFor } from "../support/factories";
import { call, get } from "../support/remix";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));

const board = await import("~/routes/vacancies._index");
const page = await import("~/routes/vacancies.$id");
const dashboard = await import("~/routes/_employer.employer._index");
const form = await import("~/routes/_employer.employer.vacancies.$id");
const queue = await import("~/routes/staff.vacancies._index");
const saved = await import("~/routes/me.saved-searches");
const home = await import("~/routes/_index");

let c: Connection;
const ids: Record<string, number> = {};
const cookies: Record<string, string> = {};

beforeAll(async () => {
  c = await createTestDatabase();
  const employer = await makeUser(c, "employer");
  const companyId = await makeCompany(c, employer.id);
  const staff = await makeUser(c, "staff");
  const graduate = await makeUser(c, "graduate");
  cookies.employer = await sessionCookieFor(employer.id);
  cookies.staff = await sessionCookieFor(staff.id);
  cookies.graduate = await sessionCookieFor(graduate.id);
  const python = await c.db.selectFrom("skills").select("id").where("slug", "=", "python").executeTakeFirstOrThrow();
  const base = {
    description: "<p>Задачи</p><ul><li>API</li></ul>",
    employmentType: "full_time" as const,
    workMode: "remote" as const,
    city: "Бишкек",
    regionId: null,
    salaryMin: 40000,
    salaryMax: 60000,
    salaryHidden: false,
    openings: 2,
    deadline: "2099-12-31",
    skills: [{ skillId: python.id, required: true, minLevel: "advanced" as const }],
    languages: [
      { language: "ru", minLevel: "B2" as const },
      { language: "en", minLevel: "native" as const },
    ],
  };
  for (const name of ["open", "rejected", "submitted"]) {
    const r = await saveVacancy(c.db, companyId, null, { ...base, title: `Python ${name}` }, employer.id);
    if (!r.ok) throw new Error("save");
    ids[name] = r.id;
    await submitVacancy(c.db, companyId, r.id);
  }
  await approveVacancy(c.db, ids.open!, staff.id);
  await rejectVacancy(c.db, ids.rejected!, staff.id, "Укажите задачи");
  await c.db
    .insertInto("saved_searches")
    .values({ user_id: graduate.id, name: "питон", query: "q=питон", feed_token: "tok-tok-tok-tok-tok-tok", last_checked_at: new Date().toISOString() })
    .execute();
});
afterAll(closeTestDatabases);

async function loaded(loader: unknown, path: string, cookie?: string, params: Record<string, string> = {}) {
  const res = await call(loader as Parameters<typeof call>[0], get(path, { cookie }), params);
  expect(res.status).toBe(200);
  return JSON.parse(JSON.stringify(res.data));
}

function render(lang: (typeof LANGS)[number], Page: () => ReactNode, loader: unknown, action?: unknown): string {
  return renderPage(
    lang,
    Page,
    { loader, action, location: { pathname: "/vacancies", search: "?q=x&page=1" } },
    /\b(vacancies|errors|flash|skills|languages)\.[a-zA-Z_]+(\.[a-zA-Z_]+)?/,
  ); // every key translated
}

describe("vacancy pages render in every language", () => {
  for (const lang of LANGS) {
    it(`in ${lang}`, async () => {
      const b = render(lang, board.default, await loaded(board.loader, "/vacancies?q=python"));
      expect(b).toContain(`href="/vacancies/${ids.open}"`);
      expect(b).toContain('method="get"');
      expect(render(lang, board.default, await loaded(board.loader, "/vacancies?q=python", cookies.graduate))).toContain('action="/me/saved-searches"');

      const p = render(lang, page.default, await loaded(page.loader, `/vacancies/${ids.open}`, undefined, { id: String(ids.open) }));
      expect(p).toMatch(/<script type="application\/ld\+json" nonce="n0nce">\{/);
      expect(p).toContain("<ul><li>API</li></ul>");

      render(lang, dashboard.default, await loaded(dashboard.loader, "/employer", cookies.employer));
      const rejected = render(
        lang,
        form.default,
        await loaded(form.loader, `/employer/vacancies/${ids.rejected}`, cookies.employer, { id: String(ids.rejected) }),
      );
      expect(rejected).toContain("Укажите задачи");
      expect(rejected).toContain(`Python: ${{ en: "advanced", ru: "продвинутый", ky: "жогорку" }[lang]}`);
      const fresh = render(lang, form.default, await loaded(form.loader, "/employer/vacancies/new", cookies.employer, { id: "new" }), {
        ok: false,
        errors: { skills: ["admin.modules.unknownSkills", { list: "Квант" }], deadline: "vacancies.errors.deadlinePast" },
        values: { title: "Typed title" },
      });
      expect(fresh).toContain("Typed title");
      expect(fresh).toContain("Квант");

      const q = render(lang, queue.default, await loaded(queue.loader, "/staff/vacancies", cookies.staff));
      expect(q).toContain("Python submitted");
      const s = render(lang, saved.default, await loaded(saved.loader, "/me/saved-searches", cookies.graduate));
      expect(s).toContain("http://localhost/saved/tok-tok-tok-tok-tok-tok/feed.xml");
      expect(render(lang, home.default, await loaded(home.loader, "/"))).toContain(`href="/vacancies/${ids.open}"`);
    });
  }
});
