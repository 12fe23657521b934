// Skill chips follow the Kyrgyz alphabet of the name the reader sees (docs/product.md §14,
// docs/decisions/050-skill-chips-order.md): ң after н, ө after о, ү after у in Kyrgyz, the Russian
// name's order in Russian, the English one's in English — each group (required, nice-to-have) kept.
// Real pages: a vacancy's page and the admin's module list, loaded from a real SQLite file and rendered.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Connection } from "@db/connection";
import { LANGS } from "~/i18n/negotiate";
import { saveModule } from "~/models/modules.server";
import { saveSkill } from "~/models/skills.server";
import { renderPage } from "../support/remix-react-stub";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCompany, makeUser, makeVacancy, sessionCookieFor } from "../support/factories";
import { call, get } from "../support/remix";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));
const vacancyPage = await import("~/routes/vacancies.$id");
const modulesPage = await import("~/routes/admin.modules._index");

// The English names' order (Aa, Bb, Mm, Zz) and the code-point order of the Kyrgyz names (Ү before Ө)
// both differ from the Kyrgyz alphabet (Н, О, Ө, Ү).
const SKILLS = [
  { slug: "chip-pattern", name_ky: "Үлгү-тест", name_ru: "Шаблон-тест", name_en: "Aa-pattern" },
  { slug: "chip-coach", name_ky: "Ноокат-тест", name_ru: "Ямщик-тест", name_en: "Bb-coach" },
  { slug: "chip-sample", name_ky: "Өрнөк-тест", name_ru: "Образец-тест", name_en: "Mm-sample" },
  { slug: "chip-palace", name_ky: "Ордо-тест", name_ru: "Дворец-тест", name_en: "Zz-palace" },
];
const NICE = { slug: "chip-pied", name_ky: "Ала-тест", name_ru: "Пестрый-тест", name_en: "Cc-pied" };
const EXPECTED = {
  ky: ["Ноокат-тест", "Ордо-тест", "Өрнөк-тест", "Үлгү-тест"],
  ru: ["Дворец-тест", "Образец-тест", "Шаблон-тест", "Ямщик-тест"],
  en: ["Aa-pattern", "Bb-coach", "Mm-sample", "Zz-palace"],
} as const;
const KEYS = /\b(vacancies|skills|admin\.modules)\.[a-zA-Z]+\b/;

/** The names in each <ul class="skill-list">, in page order (a chip is "name · level"). */
function chipLists(html: string): string[][] {
  return [...html.replace(/<!-- -->/g, "").matchAll(/<ul class="skill-list">(.*?)<\/ul>/g)].map((list) =>
    [...list[1]!.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((li) => li[1]!.split(" · ")[0]!),
  );
}

let c: Connection;
let vacancyId: number;
let adminCookie: string;
beforeAll(async () => {
  c = await createTestDatabase();
  const admin = await makeUser(c, "admin");
  adminCookie = await sessionCookieFor(admin.id);
  const category = await c.db.selectFrom("skill_categories").select("id").orderBy("id").executeTakeFirstOrThrow();
  for (const s of [...SKILLS, NICE]) {
    const saved = await saveSkill(c.db, null, { ...s, categoryId: category.id, aliases: [], related: [] }, admin.id);
    expect(saved.ok).toBe(true);
  }
  const employer = await makeUser(c, "employer");
  const companyId = await makeCompany(c, employer.id);
  vacancyId = await makeVacancy(c, companyId, { skills: SKILLS.map((s) => s.name_en).join("\n"), niceSkills: NICE.name_en });
  const module = await c.db.selectFrom("modules").select("id").orderBy("number").executeTakeFirstOrThrow();
  const titles = { title_ky: "Модуль", title_ru: "Модуль", title_en: "Module" };
  expect((await saveModule(c.db, module.id, { ...titles, skills: SKILLS.map((s) => s.name_en) }, admin.id)).ok).toBe(true);
});
afterAll(closeTestDatabases);

describe("skill chips in the Kyrgyz alphabet of the shown name", () => {
  it("a vacancy's page: required skills in order, the nice-to-have one apart, in each language", async () => {
    const res = await call(vacancyPage.loader, get(`/vacancies/${vacancyId}`), { id: String(vacancyId) });
    expect(res.status).toBe(200);
    for (const lang of LANGS) {
      const [required, nice] = chipLists(renderPage(lang, vacancyPage.default, { loader: res.data }, KEYS));
      expect(required).toEqual(EXPECTED[lang]);
      expect(nice).toEqual([NICE[`name_${lang}`]]);
    }
  });

  it("the admin's module list names a module's skills in order, in each language", async () => {
    const res = await call(modulesPage.loader, get("/admin/modules", { cookie: adminCookie }));
    expect(res.status).toBe(200);
    for (const lang of LANGS) {
      const html = renderPage(lang, modulesPage.default, { loader: res.data }, KEYS).replace(/<!-- -->/g, "");
      expect(html).toContain(EXPECTED[lang].join(", "));
    }
  });
});
