// Pages show a skill's evidence per (level, evidence) pair in every language
// (docs/decisions/022): "basic ✓ verified; intermediate, self-declared", never "intermediate ✓".
// Remix's hooks stubbed with plain data; the real catalogs.
import { createElement, type ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { type Explanation } from "~/domain/matching/score";
import { LANGS } from "~/i18n/negotiate";
import { renderPage } from "../support/remix-react-stub";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));

const { MatchDetails } = await import("~/components/match-explanation");
const { ProfileDetails } = await import("~/components/graduate-profile");
const { default: MySkills } = await import("~/routes/me.skills");
const { default: StaffGraduate } = await import("~/routes/staff.graduates.$id");
const { default: ApplicationPage } = await import("~/routes/me.applications.$id");

const KEYS = /\b(match|evidence|skills|public|verify|errors)\.[a-zA-Z-]+\b/;
/** The visible text: tags and React's text separators removed. */
const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ");

const EXPECTED = {
  en: "basic ✓ verified; intermediate, self-declared",
  ru: "базовый ✓ подтверждён; средний, указан самостоятельно",
  ky: "базалык ✓ тастыкталган; орто, өзү көрсөткөн",
} as const;
const MODULES = {
  en: "Covers 9 of 12 modules: 6 verified, 3 self-marked",
  ru: "Пройдено модулей: 9 из 12 (подтверждено: 6, отмечено самостоятельно: 3)",
  ky: "12 модулдун 9 өтүлгөн (тастыкталганы: 6, өзү белгилегени: 3)",
} as const;

const explanation: Explanation = {
  graduateId: 1,
  vacancyId: 2,
  score: 70,
  total: 700_000,
  components: { required: 350_000, niceToHave: 100_000, languages: 100_000, place: 100_000, availability: 50_000, modules: 67_500, certificate: 0 },
  required: [
    {
      skillId: 10,
      minLevel: 2,
      status: "met",
      credit: 700,
      claims: [
        { level: 1, evidence: 3 },
        { level: 2, evidence: 1 },
      ],
      viaSkillId: null,
    },
  ],
  niceToHave: [{ skillId: 11, minLevel: 3, status: "below-level", credit: 600, claims: [{ level: 2, evidence: 3 }], viaSkillId: null }],
  requiredMet: 1,
  requiredCount: 1,
  languages: [],
  place: { kind: "remote-job", prefersRemote: false, credit: 1000 },
  availability: { kind: "now", from: null, credit: 1000 },
  modulesCompleted: 9,
  modulesVerified: 6,
  certificate: "none",
  learnNext: [],
};
const names = { 10: { name_ky: "JavaScript", name_ru: "JavaScript", name_en: "JavaScript" }, 11: { name_ky: "React", name_ru: "React", name_en: "React" } };

const skill = {
  id: 10,
  slug: "javascript",
  name_ky: "JavaScript",
  name_ru: "JavaScript",
  name_en: "JavaScript",
  level: "intermediate",
  source: "module",
  evidence: "self",
  pairs: [
    { level: "basic", evidence: "module" },
    { level: "intermediate", evidence: "self" },
  ],
};

describe("a skill's evidence, pair by pair, in every language", () => {
  for (const lang of LANGS) {
    it(`match explanation, profile, own skills, staff page and application in ${lang}`, () => {
      const details = text(renderPage(lang, () => createElement(MatchDetails, { explanation, skills: names }), { loader: {} }, KEYS));
      expect(details).toContain(`— ${EXPECTED[lang]}`);
      expect(details).toContain(MODULES[lang]);

      const profileData = {
        graduate: { contacts: null, certificate: null },
        languages: [],
        skills: [skill],
        modules: [],
        certificateName: "ISDEL",
        today: "2026-11-30",
      };
      const profile = text(renderPage(lang, () => createElement(ProfileDetails, { data: profileData as never }) as ReactNode, { loader: {} }, KEYS));
      expect(profile).toContain(`JavaScript · ${EXPECTED[lang]}`);

      const mine = text(renderPage(lang, MySkills, { loader: { skills: [skill] } }, KEYS));
      expect(mine).toContain(EXPECTED[lang]);

      const staffData = {
        profile: {
          graduate: {
            id: 1,
            first_name: "Айгерим",
            last_name: "Осмонова",
            slug: null,
            school_ky: "Лицей",
            school_ru: "Лицей",
            school_en: "Lyceum",
            graduation_date: "2025-06-30",
            certificate_number: null,
          },
          modules: [],
          skills: [
            skill,
            {
              ...skill,
              id: 11,
              name_ky: "Python",
              name_ru: "Python",
              name_en: "Python",
              level: "basic",
              source: "staff",
              evidence: "staff",
              pairs: [{ level: "basic", evidence: "staff" }],
            },
          ],
        },
        certificateName: "ISDEL",
      };
      const staffHtml = renderPage(lang, StaffGraduate, { loader: staffData }, KEYS);
      expect(text(staffHtml)).toContain(EXPECTED[lang]);
      // Staff may verify the declared intermediate (only basic is verified); Python basic is verified already.
      expect(staffHtml.match(/name="intent" value="verifySkill"/g)).toHaveLength(1);
      expect(staffHtml).toMatch(/name="skillId" value="10"/);
    });
  }

  it("an application snapshot shows the pairs, and an older snapshot its level and evidence", () => {
    const snapshot = {
      takenAt: "2026-11-20T06:00:00.000Z",
      graduate: {
        name: "Айпери Жумабекова",
        slug: null,
        headline: null,
        about: null,
        city: null,
        school: { name_ky: "Лицей", name_ru: "Лицей", name_en: "Lyceum" },
        graduationDate: "2025-06-30",
        englishLevel: null,
        modulesCompleted: 0,
        modulesTotal: 12,
        certificate: null,
      },
      skills: [skill],
      languages: [],
      projects: [],
    };
    const application = {
      id: 9,
      status: "applied",
      created_at: snapshot.takenAt,
      updated_at: snapshot.takenAt,
      vacancy_id: 7,
      vacancy_title: "Junior",
      vacancy_status: "open",
      company_name: "Ала-Тоо",
      company_slug: "ala-too",
      note: null,
      snapshot,
      events: [],
      interview: null,
    };
    expect(text(renderPage("en", ApplicationPage, { loader: { application } }, KEYS))).toContain(`JavaScript · ${EXPECTED.en}`);
    const older = { ...application, snapshot: { ...snapshot, skills: [{ ...skill, pairs: undefined }] } };
    expect(text(renderPage("en", ApplicationPage, { loader: { application: older } }, KEYS))).toContain("JavaScript · Intermediate · Self-declared");
  });
});
