// The company pages render in all three languages (Remix's hooks stubbed with plain data):
// no missing message, no inline style (CSP), the public page's outbound link is nofollow.
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { catalogs } from "~/i18n/catalog.server";
import { LANGS } from "~/i18n/negotiate";
import { renderPage } from "../support/remix-react-stub";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));

const { default: CompanyPage } = await import("~/routes/_employer.company");
const { default: PublicPage } = await import("~/routes/companies.$slug");
const { default: StaffList } = await import("~/routes/staff.companies._index");
const { default: StaffDetail } = await import("~/routes/staff.companies.$id");
const { default: SignUp } = await import("~/routes/signup");

const company = {
  id: 1,
  slug: "ala-too-soft",
  name: "Ала-Тоо Софт",
  status: "rejected",
  htp_number: "0421",
  website: "https://alatoo.kg",
  city: "Бишкек",
  about: "Мобилдик тиркемелер.",
  trusted: 1,
  logo: "0123456789abcdef0123456789abcdef.webp",
  reject_reason: "Нет номера",
  verified_at: null,
  created_at: "2026-11-01T10:00:00.000Z",
  verified_by_name: null,
};

function render(lang: (typeof LANGS)[number], Page: () => ReactNode, loader: unknown, action?: unknown): string {
  return renderPage(lang, Page, { loader, action }, /\b(companies|errors|flash)\.[a-zA-Z]+\.?[a-zA-Z]*/); // every key translated
}

describe("company pages render in every language", () => {
  for (const lang of LANGS) {
    it(`in ${lang}`, () => {
      const own = render(
        lang,
        CompanyPage,
        {
          company,
          members: [{ id: 1, name: "Тимур", email: "t@alatoo.kg" }],
          invites: [{ id: 3, expires_at: "2026-12-14T00:00:00.000Z", used_at: null, created_at: "2026-11-30T00:00:00.000Z", created_by_name: "Тимур" }],
          now: "2026-11-30T05:00:00.000Z",
        },
        { ok: true, invite: { link: "http://localhost/signup?invite=abc", expiresAt: "2026-12-14T00:00:00.000Z" } },
      );
      expect(own).toContain("Нет номера");
      expect(own).toContain("http://localhost/signup?invite=abc");
      expect(own).toMatch(/enctype="multipart\/form-data"/i);

      const pub = render(lang, PublicPage, {
        company,
        vacancies: [
          { id: 7, title: "Junior React", city: "Бишкек", work_mode: "remote", employment_type: "full_time", deadline: "2026-12-31", published_at: null },
        ],
      });
      expect(pub).toContain('href="/vacancies/7"');
      expect(pub).toMatch(/rel="noopener nofollow"/);
      expect(render(lang, PublicPage, { company, vacancies: [] })).toContain(catalogs[lang]["companies.public.noVacancies"]);

      const staffList = render(lang, StaffList, {
        status: null,
        q: "ала",
        searched: true,
        found: 1,
        suggestion: null,
        companies: [
          {
            ...company,
            name: [
              { text: "Ала", hit: true },
              { text: "-Тоо Софт", hit: false },
            ],
            emails: ["t@alatoo.kg"],
          },
        ],
      });
      expect(staffList).toContain("<mark>Ала</mark>-Тоо Софт");
      expect(staffList).toContain(catalogs[lang]["listSearch.companies.label"]);
      render(lang, StaffDetail, { company, members: [{ id: 1, display_name: "Тимур", email: "t@alatoo.kg", created_at: company.created_at }] });

      const invited = render(lang, SignUp, { invite: { code: "abc", company: "Ала-Тоо Софт", problem: null } });
      expect(invited).toContain('name="invite"');
      expect(invited).not.toContain('name="company"');
      const bad = render(lang, SignUp, { invite: { code: "abc", company: null, problem: "companies.inviteExpired" } });
      expect(bad).toContain(catalogs[lang]["companies.inviteExpired"]);
      expect(render(lang, SignUp, { invite: null })).toContain('name="company"');
    });
  }
});
