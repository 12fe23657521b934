// Issue 14 item 7: "what to learn" and the one-line reason agree with the profile on every page that
// explains a match (/me/jobs for the graduate, the candidates page for the employer): a graduate
// holding Git at intermediate when the job asks for advanced is told to raise Git to advanced, and
// the required skill counts as partly met — never «Эмнени үйрөнүү керек: Git» with «0 of 1».
// Remix's hooks stubbed with plain data; the real domain (explainMatch) and the real catalogs.
import { describe, expect, it, vi } from "vitest";
import { explainMatch, prepareVacancy, rankingDay, type CandidateFacts } from "~/domain/matching/score";
import { LANGS } from "~/i18n/negotiate";
import { renderPage } from "../support/remix-react-stub";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));

const { default: JobsForYou } = await import("~/routes/me.jobs");
const { default: CandidatesPage } = await import("~/routes/_employer.vacancies.$id_.candidates");

const KEYS = /\b(match|evidence|skills|applications|vacancies)\.[a-zA-Z-]+\b/;
const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ");

const GIT = 7;
const graduate: CandidateFacts = {
  id: 1,
  skills: new Map([[GIT, [{ level: 2, evidence: 1 }]]]),
  languages: new Map(),
  place: { regionId: 1, city: "бишкек" },
  willingToRelocate: false,
  remotePreference: null,
  availableFrom: null,
  modulesCompleted: 0,
  modulesVerified: 0,
  certificate: "none",
};
const explanation = explainMatch(
  graduate,
  prepareVacancy(
    { id: 2, skills: [{ skillId: GIT, minLevel: 3, required: true }], languages: [], workMode: "remote", place: { regionId: 1, city: "бишкек" } },
    () => [],
  ),
  rankingDay("2026-11-30"),
);
const skills = { [GIT]: { name_ky: "Git", name_ru: "Git", name_en: "Git" } };
const after = explanation.learnNext[0]!.scoreAfter;

const EXPECTED = {
  en: { learn: `Learn next: raise Git to advanced → ${after}/100`, reason: "0 of 1 required skill fully, 1 in part; Git below the asked level" },
  ru: {
    learn: `Что изучить дальше: Git — поднять до продвинутого уровня → ${after}/100`,
    reason: "обязательные навыки: 0 из 1 полностью, 1 частично; ниже нужного уровня: Git",
  },
  ky: {
    learn: `Эмнени үйрөнүү керек: Git — жогорку деңгээлге көтөрүү → ${after}/100`,
    reason: "милдеттүү көндүмдөр: 1 ичинен 0 толук, 1 жарым-жартылай; деңгээли талаптан төмөн: Git",
  },
} as const;

describe("a skill held below the asked level, on the pages that explain a match", () => {
  for (const lang of LANGS) {
    it(`/me/jobs and the candidates page in ${lang}`, () => {
      const vacancy = {
        id: 2,
        title: "Junior",
        company_name: "Ала-Тоо",
        company_slug: "ala-too",
        city: null,
        work_mode: "remote",
        employment_type: "full_time",
        deadline: null,
      };
      const jobs = text(
        renderPage(
          lang,
          JobsForYou,
          { loader: { result: { count: 1, page: 1, pages: 1, items: [{ vacancy, explanation, applicationStatus: null }], skills }, city: null } },
          KEYS,
        ),
      );
      expect(jobs).toContain(EXPECTED[lang].learn);
      expect(jobs).toContain(EXPECTED[lang].reason);

      const g = {
        id: 1,
        slug: null,
        first_name: "Айпери",
        last_name: "Жумабекова",
        headline: null,
        city: null,
        visibility: "employers",
        graduation_date: "2025-06-30",
        school: { name_ky: "Лицей", name_ru: "Лицей", name_en: "Lyceum" },
        region: null,
      };
      const loader = {
        vacancy: { id: 2, title: "Junior", status: "open" },
        query: { page: 1, meets: false, available: false, placed: false },
        result: { count: 1, page: 1, pages: 1, items: [{ graduate: g, explanation, applicationStatus: null }], skills },
        canInvite: false,
        employer: true,
        schools: [],
        regions: [],
      };
      const candidates = text(renderPage(lang, CandidatesPage, { loader }, KEYS));
      expect(candidates).toContain(EXPECTED[lang].reason);
    });
  }
});
