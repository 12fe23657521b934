// The application pages render in all three languages (Remix's hooks stubbed with plain data):
// no missing message, no inline style (CSP), the snapshot shows what was sent.
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { applicationsMessages } from "~/i18n/areas/applications";
import { catalogs } from "~/i18n/catalog.server";
import { LANGS } from "~/i18n/negotiate";
import { renderPage } from "../support/remix-react-stub";
import { type ApplicationSnapshot, parseSnapshot } from "~/domain/applications/snapshot";
import { messageVariables } from "~/i18n/translate";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));

const { default: ApplyPage } = await import("~/routes/vacancies.$id_.apply");
const { default: MyList } = await import("~/routes/me.applications._index");
const { default: MyApplication } = await import("~/routes/me.applications.$id");
const { default: CompanyApplicants } = await import("~/routes/_employer.employer.applicants");
const { default: VacancyApplicants } = await import("~/routes/_employer.employer.vacancies.$id_.applicants");
const { default: EmployerApplication } = await import("~/routes/_employer.employer.applications.$id");

function render(lang: (typeof LANGS)[number], Page: () => ReactNode, loader: unknown, action?: unknown): string {
  return renderPage(
    lang,
    Page,
    { loader, action, location: { pathname: "/employer/applicants", search: "" } },
    /\b(applications|errors|flash|skills|language|public)\.[a-zA-Z]+/,
  ); // every key translated
}

const snapshot: ApplicationSnapshot = {
  version: 2,
  takenAt: "2026-11-20T06:00:00.000Z",
  graduate: {
    name: "Айпери Жумабекова",
    slug: "ayperi",
    headline: "Junior frontend",
    about: "Сайт для гостевого дома.",
    city: "Нарын",
    school: { name_ky: "№87 лицей", name_ru: "Лицей №87", name_en: "Lyceum No. 87" },
    graduationDate: "2025-06-30",
    englishLevel: "B1",
    modulesCompleted: 9,
    modulesTotal: 12,
    certificate: { number: "ISDEL-1", date: "2025-05-05", verified: true },
    contacts: { email: "ayperi@mail.kg", phone: "+996 555 123 456", telegram: null },
  },
  skills: [{ id: 1, name_ky: "JavaScript", name_ru: "JavaScript", name_en: "JavaScript", level: "intermediate", evidence: "portfolio" }],
  languages: [
    { language: "ky", level: "native" },
    { language: "en", level: "B1" },
  ],
  projects: [
    {
      id: 5,
      title: "Сайт гостевого дома",
      summary: "Кыска",
      description: null,
      role: null,
      repo_url: null,
      demo_url: null,
      started_on: "2025-01",
      finished_on: null,
      skills: [],
      images: [{ file_name: "abc.webp", alt: "Башкы бет", width: 800, height: 600 }],
    },
  ],
};

const events = [
  {
    id: 1,
    from_status: null,
    to_status: "applied",
    note: "Салам",
    interview_at: null,
    interview_place: null,
    created_at: "2026-11-20T06:00:00.000Z",
    actor_name: "Айпери",
    actor_role: "graduate",
  },
  {
    id: 2,
    from_status: "applied",
    to_status: "screening",
    note: null,
    interview_at: null,
    interview_place: null,
    created_at: "2026-11-21T06:00:00.000Z",
    actor_name: "Тимур",
    actor_role: "employer",
  },
  {
    id: 3,
    from_status: "screening",
    to_status: "interview",
    note: null,
    interview_at: "2026-12-02T04:00:00.000Z",
    interview_place: "https://meet.example.kg/x",
    created_at: "2026-11-22T06:00:00.000Z",
    actor_name: "Тимур",
    actor_role: "employer",
  },
];

const base = {
  id: 9,
  status: "interview",
  created_at: "2026-11-20T06:00:00.000Z",
  updated_at: "2026-11-22T06:00:00.000Z",
  vacancy_id: 7,
  vacancy_title: "Junior React",
  vacancy_status: "open",
  company_name: "Ала-Тоо Софт",
  company_slug: "ala-too",
  note: "Салам",
  snapshot,
  events,
  interview: events[2],
};

describe("application pages render in every language", () => {
  for (const lang of LANGS) {
    it(`in ${lang}`, () => {
      const apply = render(
        lang,
        ApplyPage,
        {
          vacancy: { id: 7, title: "Junior React", company_name: "Ала-Тоо Софт" },
          already: null,
          invited: true,
          projects: [
            { id: 5, title: "Сайт", summary: null },
            { id: 6, title: "Бот", summary: "Телеграм" },
          ],
        },
        { ok: false, errors: { note: "errors.tooLong", projectId: "applications.errors.projects" }, values: { note: "typed", projectIds: "6" } },
      );
      expect(apply).toContain("typed");
      expect(apply).toMatch(/checked="" value="6"/);
      expect(apply).not.toMatch(/checked="" value="5"/);
      expect(render(lang, ApplyPage, { vacancy: null, already: 9, invited: false, projects: [] })).toContain('href="/me/applications/9"');

      expect(render(lang, MyList, { applications: [base] })).toContain('href="/me/applications/9"');
      expect(render(lang, MyList, { applications: [] })).toContain('href="/vacancies"');

      const mine = render(lang, MyApplication, { slots: null, offer: null, application: base });
      expect(mine).toContain("Сайт гостевого дома");
      expect(mine).toContain('href="tel:+996555123456"');
      expect(mine).toContain("https://meet.example.kg/x");
      expect(mine).toContain('name="intent" value="withdraw"');
      const invited = render(lang, MyApplication, {
        slots: null,
        offer: null,
        application: { ...base, status: "invited", snapshot: null, events: [], interview: null },
      });
      expect(invited).toContain('href="/vacancies/7/apply"');
      expect(render(lang, MyApplication, { slots: null, offer: null, application: { ...base, status: "hired" } })).not.toContain('value="withdraw"');
      // A copy of the first, shorter shape shows what it has; text that is no copy says so (no crash either way).
      const old = render(lang, MyApplication, {
        slots: null,
        offer: null,
        application: { ...base, snapshot: parseSnapshot(JSON.stringify({ name: "Бакыт Токтогулов", headline: "QA", sentAt: "2025-02-01T09:00:00.000Z" })) },
      });
      expect(old).toContain("Бакыт Токтогулов");
      expect(old).toContain(catalogs[lang]["applications.noProjects"]);
      const unreadable = render(lang, EmployerApplication, {
        slots: null,
        offer: null,
        application: { ...base, snapshot: parseSnapshot("{not json"), first_name: "А", last_name: "Б", graduate_slug: null, placement: null },
        moves: [],
      });
      expect(unreadable).toContain(catalogs[lang]["applications.snapshotUnreadable"]);
      expect(unreadable).toContain("Салам");

      const rows = [
        {
          id: 9,
          status: "applied",
          applied_at: base.updated_at,
          updated_at: base.updated_at,
          vacancy_id: 7,
          vacancy_title: "Junior React",
          first_name: "Айпери",
          last_name: "Жумабекова",
          headline: null,
          city: null,
          score: null,
          explanation: null,
        },
      ];
      const query = {
        q: "ай",
        status: "applied",
        vacancyId: 7,
        minScore: 40,
        schoolId: 2,
        regionId: null,
        meets: true,
        from: "2026-03-01",
        to: null,
        sort: "score",
        page: 1,
      };
      const lists = {
        schools: [{ value: 2, label: "ИПК" }],
        regions: [{ value: 3, label: "Ош" }],
        skills: {},
        templates: [{ id: 4, text_ky: "Себеп", text_ru: "Причина", text_en: "Reason" }],
        undoable: [{ id: 5, to_status: "rejected", undo_until: "2026-03-01T10:10:00.000Z", count: 3 }],
      };
      const all = render(lang, CompanyApplicants, {
        company: { id: 1, name: "Ала-Тоо Софт", slug: "ala-too" },
        query,
        vacancies: [{ id: 7, title: "Junior React" }],
        total: 1,
        page: 1,
        pages: 1,
        applicants: rows,
        ...lists,
      });
      expect(all).toContain('href="/employer/applications/9"');
      expect(all).toMatch(/<option value="7" selected=""/);
      expect(all).toMatch(/<option value="2" selected=""/);
      expect(all).toMatch(/<option value="score" selected=""/);
      // The bulk form: a checkbox per row with the stage it shows, the moves, the reasons, the interview page by GET; the undo.
      expect(all).toContain('name="application" value="9"');
      expect(all).toContain('name="seen:9" value="applied"');
      expect(all).toMatch(/formAction="\/employer\/interviews\/new" formMethod="get"/i);
      expect(all).toContain(catalogs[lang]["applicants.bulk.reject"]);
      expect(all).toContain('action="/employer/bulk-actions/5"');
      const one = render(lang, VacancyApplicants, {
        vacancy: { id: 7, title: "Junior React", status: "open" },
        query: { ...query, q: "", status: null, minScore: null, schoolId: null, meets: false, from: null, sort: "date" },
        total: 0,
        page: 1,
        pages: 1,
        applicants: [],
        ...lists,
        undoable: [],
      });
      // Issue 14, item 9: no typed profile address; the page sends the employer to the ranked candidates. No rows: no bulk controls.
      expect(one).not.toContain('name="slug"');
      expect(one).not.toContain('name="intent" value="reject"');
      expect(one).toContain('href="/vacancies/7/candidates"');

      const theirs = render(lang, EmployerApplication, {
        slots: null,
        offer: null,
        application: { ...base, status: "offer", first_name: "Айпери", last_name: "Жумабекова", graduate_slug: "ayperi", placement: null },
        moves: ["hired", "rejected"],
      });
      expect(theirs).toContain('name="startDate"');
      expect(theirs).not.toContain('name="interviewAt"');
      const toInterview = render(
        lang,
        EmployerApplication,
        {
          slots: null,
          offer: null,
          application: { ...base, status: "screening", first_name: "Айпери", last_name: "Жумабекова", graduate_slug: null, placement: null },
          moves: ["interview", "rejected"],
        },
        { ok: false, errors: { interviewAt: "errors.required" }, values: { to: "interview", interviewPlace: "Офис" } },
      );
      expect(toInterview).toContain('type="datetime-local"');
      expect(toInterview).toContain("Офис");
      const hired = render(lang, EmployerApplication, {
        slots: null,
        offer: null,
        application: {
          ...base,
          status: "hired",
          first_name: "А",
          last_name: "Б",
          graduate_slug: null,
          placement: { start_date: "2026-01-15", monthly_pay: 45000, job_title: "Junior React", company_htp_resident: 1 },
        },
        moves: [],
      });
      expect(hired).not.toContain('name="to"');

      // Interview slots and the offer (docs/decisions/061-interview-slots-and-offers.md): the graduate picks with radios, with JavaScript off.
      const slot = { id: 31, start: "2027-02-15T04:00:00.000Z", end: "2027-02-15T05:00:00.000Z" };
      const proposed = { status: "proposed", minutes: 60, place: "https://meet.example.kg/q", startsAt: null, slots: [slot], requestNote: null, reason: null };
      const picking = render(lang, MyApplication, {
        application: { ...base, status: "interview" },
        slots: proposed,
        offer: { status: "open", startDate: "2027-03-01", monthlyPay: 45000, answerBy: "2027-02-20", note: null, expired: false },
      });
      expect(picking).toContain('action="/me/applications/9/interview"');
      expect(picking).toMatch(/type="radio"[^>]*name="slot"[^>]*value="31"/);
      expect(picking).toContain('value="another-time"');
      const offered = render(lang, MyApplication, {
        application: { ...base, status: "offer" },
        slots: null,
        offer: { status: "open", startDate: "2027-03-01", monthlyPay: 45000, answerBy: "2027-02-20", note: "Ждём вас", expired: false },
      });
      expect(offered).toContain('action="/me/applications/9/offer"');
      expect(offered).toContain('value="accept"');
      const expired = render(lang, MyApplication, {
        application: { ...base, status: "offer" },
        slots: null,
        offer: { status: "open", startDate: "2027-03-01", monthlyPay: null, answerBy: "2027-02-20", note: null, expired: true },
      });
      expect(expired).not.toContain('value="accept"');
      expect(expired).toContain(catalogs[lang]["offers.state.expired"]);
      const due = render(lang, EmployerApplication, {
        application: { ...base, status: "interview", first_name: "А", last_name: "Б", graduate_slug: null, placement: null },
        moves: ["offer", "rejected"],
        slots: { ...proposed, status: "confirmed", startsAt: slot.start, slots: [], outcome: null, awaitingOutcome: true },
        offer: null,
      });
      expect(due).toContain('name="outcome"');
      expect(due).toContain('href="/employer/interviews/new?application=9"');
      expect(due).toContain('href="/employer/applications/9/offer"');
    });
  }
});

describe("the applications messages", () => {
  const placeholders = messageVariables; // `{n}`, `{date:dat}` and `{n, plural, …}` alike (docs/decisions/029)
  it("have the same placeholders in every language and are really translated", () => {
    const en = applicationsMessages.en as Record<string, string>;
    for (const key of Object.keys(en)) {
      for (const lang of ["ru", "ky"] as const) {
        const text = (applicationsMessages[lang] as Record<string, string>)[key]!;
        expect(placeholders(text), `${lang}:${key}`).toEqual(placeholders(en[key]!));
        const sentence = (en[key]!.replace(/\{\w+\}/g, "").match(/\p{L}{2,}/gu)?.length ?? 0) >= 2;
        if (sentence) expect(text, `${lang}:${key}`).not.toBe(en[key]);
      }
    }
  });
});
