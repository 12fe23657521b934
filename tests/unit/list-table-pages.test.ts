// Pages whose tables moved to ListTable (docs/decisions/038-one-answer-per-rule.md) keep the
// markup that mattered in their hand-built tables: the skill gap's caption, row headings and
// numeric columns; a cohort's invitations numbered, with the renew column kept off paper and
// each row a #g-<id> target for the renew form.
import { describe, expect, it, vi } from "vitest";
import { catalogs } from "~/i18n/catalog.server";
import { LANGS } from "~/i18n/negotiate";
import { renderPage } from "../support/remix-react-stub";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));

const { default: SkillGapPage } = await import("~/routes/staff.skill-gap");
const { default: CohortInvitations } = await import("~/routes/staff.cohorts.$id.invitations");

const names = { name_ky: "Питон", name_ru: "Питон", name_en: "Python" };

describe("list tables keep their markup", () => {
  for (const lang of LANGS) {
    it(`the skill gap, in ${lang}`, () => {
      const html = renderPage(
        lang,
        SkillGapPage,
        {
          loader: {
            query: {},
            gap: {
              graduates: 10,
              vacancies: 3,
              rows: [
                {
                  skill: { id: 4, slug: "python", ...names },
                  requiredBy: 2,
                  niceIn: 1,
                  holders: 4,
                  lacking: 6,
                  modules: [{ number: 5, title_ky: "м", title_ru: "м", title_en: "m" }],
                },
              ],
            },
            schools: [],
            cohorts: [],
          },
        },
        /\bmatch\.gap\.[a-zA-Z]+/,
      );
      expect(html).toContain(`<caption class="visually-hidden">${catalogs[lang]["match.gap.caption"]}</caption>`);
      expect(html).toMatch(/<th scope="row"[^>]*><a href="\/graduates\?skill=Python">/);
      expect(html).toMatch(/<th scope="col" class="num">/);
      expect(html.replace(/<!-- -->/g, "")).toMatch(/<td class="num"[^>]*>4 \(40\u00a0%\)<\/td>/);
      expect(html).toMatch(/<table class="gap-table">/);
    });

    it(`a cohort's invitations, in ${lang}`, () => {
      const html = renderPage(
        lang,
        CohortInvitations,
        {
          loader: {
            cohort: { id: 3, graduation_date: "2026-06-30", ...names },
            joinUrl: "http://localhost/join",
            graduates: [
              {
                id: 11,
                name: "Айпери Жумабекова",
                code: "ABCD-1234",
                link: "http://localhost/join?code=ABCD-1234",
                state: { kind: "open", date: "2026-12-30" },
              },
              { id: 12, name: "Эрмек Токтосунов", code: null, link: null, state: { kind: "expired" } },
            ],
          },
        },
        /\b(import|invite)\.[a-zA-Z]+\.[a-zA-Z]+/,
      );
      expect(html).toMatch(/<tr id="g-11">/);
      expect(html).toMatch(/<tr id="g-12">/);
      expect(html).toMatch(/<th scope="col" class="no-print">/);
      expect(html).toMatch(/<td class="no-print"/);
      expect(html).toMatch(/<td data-label="#">2<\/td>/);
      expect(html).toContain('action="/staff/cohorts/3/invitations#g-12"');
    });
  }
});
