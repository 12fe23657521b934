// Issue 20 item 2: one bench row per signed-in page type, signed in as its usual role, on the large
// data set, each with the budget docs/product.md §10 gives it ("any other page ≤ 100 ms; employer
// dashboard and applicants ≤ 50 ms; a full report ≤ 300 ms"). This file is the table and nothing
// else (no app imports: tests/unit/signed-in-pages.test.ts reads it); tests/bench/signed-in-harness.ts
// turns each row into a bench case.
//
// Every route module under app/routes with a loader is in exactly one of three places, checked by
// tests/unit/signed-in-pages.test.ts, so a new route cannot be left out silently:
//   SIGNED_IN_PAGES — measured here;
//   MEASURED_IN_CASES — a page tests/bench/cases.ts already measures (not measured twice);
//   NOT_PAGES — layouts, resource routes, redirects, form endpoints and signed-out pages, each with why.

/**
 * The route's chain as Remix's flat routes nest it: the longest dot-prefix that is a route module
 * is the parent ("me.applications.$id_.interview" → "me"; a trailing "_" leaves its segment, so
 * "$id_" does not nest under "$id"), up to app/root.tsx.
 */
export function chainOf(route: string, ids: Set<string>): string[] {
  const chain = [route];
  let segments = route.split(".");
  for (let i = segments.length - 1; i > 0; i--) {
    const prefix = segments.slice(0, i).join(".");
    if (ids.has(prefix)) {
      chain.unshift(prefix);
      segments = prefix.split(".");
      i = segments.length;
    }
  }
  return chain;
}

export type Role = "graduate" | "employer" | "staff" | "admin";

export type SignedInPage = {
  /** The route module's file under app/routes, without its extension. */
  route: string;
  /** The address; ":id" is replaced by the record `pick` chooses. */
  path: string;
  as: Role;
  budgetMs: number;
  /**
   * SQL choosing the representative record (the busiest of its kind) and, when the record belongs
   * to someone, who signs in to see it: columns `id` (for ":id") and optionally `user_id` (else
   * the role's usual account, below). `@user` is the usual account's user id. No row: SKIPPED.
   */
  pick?: string;
  /** What `pick` chose, said in the figure. */
  record?: string;
  /**
   * Signed in as a placement officer scoped to the Naryn lyceum (docs/decisions/063-staff-scope.md)
   * instead of the role's usual account: for the staff pages whose scoped path differs.
   */
  scoped?: true;
};

/**
 * The usual account of each role: graduate — the joined graduate with the most applications;
 * employer — the bench hiring company's HR (50 open vacancies, 5,000 applications, made by
 * cases.ts on first use); staff — staff@demo.kg (the whole Agency); admin — admin@demo.kg.
 */
export const USUAL_ACCOUNT: Record<Role, string> = {
  graduate: "the joined graduate with the most applications",
  employer: "the bench company's HR: 50 open vacancies, 5,000 applications",
  staff: "staff@demo.kg, the whole Agency",
  admin: "admin@demo.kg",
};
/** Who signs in for a `scoped` row. */
export const SCOPED_ACCOUNT = "a Naryn-scoped officer";

const OTHER = 100; // docs/product.md §10: any other page
const EMPLOYER_LISTS = 50; // the employer dashboard and the applicants lists
const FULL_REPORT = 300;
/** The Naryn lyceum, the school of the `scoped` rows' officer (tests/bench/cases.ts narynOfficer). */
const NARYN = "(select id from schools where slug = 'pl-87-naryn')";

/** The bench company's applications (the usual employer's), busiest first by `order`. */
const companyApplication = (where: string, order: string) =>
  `select a.id from applications a join vacancies v on v.id = a.vacancy_id join company_members cm on cm.company_id = v.company_id
   where cm.user_id = @user ${where} order by ${order}, a.id limit 1`;
/** An application of a joined graduate, with who signs in to see it, busiest first by `order`. */
const graduateApplication = (where: string, order: string) =>
  `select g.user_id, a.id from applications a join graduates g on g.id = a.graduate_id
   where g.user_id is not null and g.anonymised_at is null ${where} order by ${order}, a.id limit 1`;

export const SIGNED_IN_PAGES: SignedInPage[] = [
  // ---- graduate ------------------------------------------------------------------------------
  { route: "me.profile", path: "/me/profile", as: "graduate", budgetMs: OTHER },
  { route: "me.skills", path: "/me/skills", as: "graduate", budgetMs: OTHER },
  { route: "me.languages", path: "/me/languages", as: "graduate", budgetMs: OTHER },
  { route: "me.modules", path: "/me/modules", as: "graduate", budgetMs: OTHER },
  {
    route: "me.projects._index",
    path: "/me/projects",
    as: "graduate",
    budgetMs: OTHER,
    pick: "select g.user_id from graduates g join projects p on p.graduate_id = g.id where g.anonymised_at is null group by g.id order by count(*) desc, g.id limit 1",
    record: "the graduate with the most projects",
  },
  {
    route: "me.projects.$id",
    path: "/me/projects/:id",
    as: "graduate",
    budgetMs: OTHER,
    pick: `select g.user_id, p.id from projects p join graduates g on g.id = p.graduate_id where g.user_id is not null and g.anonymised_at is null
           order by (select count(*) from project_images i where i.project_id = p.id) + (select count(*) from project_skills s where s.project_id = p.id) desc, p.id limit 1`,
    record: "the project with the most images and skills",
  },
  { route: "me.applications._index", path: "/me/applications", as: "graduate", budgetMs: OTHER },
  {
    route: "me.applications.$id",
    path: "/me/applications/:id",
    as: "graduate",
    budgetMs: OTHER,
    pick: graduateApplication(
      "",
      "(select count(*) from conversation_messages m where m.application_id = a.id) + (select count(*) from application_events e where e.application_id = a.id) desc",
    ),
    record: "the application with the most messages and events",
  },
  {
    route: "me.applications.$id_.interview",
    path: "/me/applications/:id/interview",
    as: "graduate",
    budgetMs: OTHER,
    pick: graduateApplication(
      "and exists (select 1 from interviews i where i.application_id = a.id)",
      "(select count(*) from interview_slots s join interviews i on i.id = s.interview_id where i.application_id = a.id) desc",
    ),
    record: "the interview with the most slots",
  },
  {
    route: "me.applications.$id_.offer",
    path: "/me/applications/:id/offer",
    as: "graduate",
    budgetMs: OTHER,
    pick: graduateApplication("and exists (select 1 from offers o where o.application_id = a.id)", "a.id desc"),
    record: "the latest offer",
  },
  { route: "me.jobs", path: "/me/jobs", as: "graduate", budgetMs: OTHER },
  { route: "me.outcomes", path: "/me/outcomes", as: "graduate", budgetMs: OTHER },
  { route: "me.data", path: "/me/data", as: "graduate", budgetMs: OTHER },
  {
    route: "me.saved-searches",
    path: "/me/saved-searches",
    as: "graduate",
    budgetMs: OTHER,
    pick: "select s.user_id from saved_searches s join users u on u.id = s.user_id where u.role = 'graduate' group by s.user_id order by count(*) desc, s.user_id limit 1",
    record: "the graduate with the most saved searches",
  },
  {
    route: "vacancies.$id_.apply",
    path: "/vacancies/:id/apply",
    as: "graduate",
    budgetMs: OTHER,
    pick: `select v.id from vacancies v where v.status = 'open'
           and not exists (select 1 from applications a join graduates g on g.id = a.graduate_id where a.vacancy_id = v.id and g.user_id = @user)
           order by v.id desc limit 1`,
    record: "the newest open vacancy the graduate has not applied to",
  },
  {
    route: "notifications",
    path: "/notifications",
    as: "graduate",
    budgetMs: OTHER,
    pick: "select n.user_id from notifications n join users u on u.id = n.user_id where u.role = 'graduate' group by n.user_id order by count(*) desc, n.user_id limit 1",
    record: "the graduate with the most notifications",
  },
  { route: "account", path: "/account", as: "graduate", budgetMs: OTHER },
  // Two-step sign-in is set up by staff and admins (docs/decisions/066-two-step-sign-in.md).
  { route: "account_.two-step", path: "/account/two-step", as: "staff", budgetMs: OTHER },

  // ---- employer ------------------------------------------------------------------------------
  { route: "_employer.company", path: "/company", as: "employer", budgetMs: OTHER },
  {
    route: "_employer.employer.applications.$id",
    path: "/employer/applications/:id",
    as: "employer",
    budgetMs: OTHER,
    pick: companyApplication("", "(select count(*) from application_events e where e.application_id = a.id) desc"),
    record: "the company's application with the most events",
  },
  {
    route: "_employer.employer.applications.$id_.interview",
    path: "/employer/applications/:id/interview",
    as: "employer",
    budgetMs: OTHER,
    pick: companyApplication("and a.status = 'interview'", "a.updated_at desc"),
    record: "the latest application at the interview stage",
  },
  {
    route: "_employer.employer.applications.$id_.offer",
    path: "/employer/applications/:id/offer",
    as: "employer",
    budgetMs: OTHER,
    pick: companyApplication("and a.status in ('offer', 'hired')", "a.updated_at desc"),
    record: "the latest application at the offer stage or hired",
  },
  {
    route: "_employer.employer.bulk-actions.$id",
    path: "/employer/bulk-actions/:id",
    as: "employer",
    budgetMs: OTHER,
    pick: `select cm.user_id, b.id from bulk_actions b join company_members cm on cm.company_id = b.company_id join users u on u.id = cm.user_id
           order by (select count(*) from bulk_action_items i where i.bulk_action_id = b.id) desc, b.id limit 1`,
    record: "the bulk decision with the most applications",
  },
  { route: "_employer.employer.hires", path: "/employer/hires", as: "employer", budgetMs: OTHER },
  {
    route: "_employer.employer.interviews.new",
    path: "/employer/interviews/new?:id",
    as: "employer",
    budgetMs: OTHER,
    // The form proposes a time to several candidates at once: the company's 20 latest in screening.
    pick: `select group_concat('application=' || id, '&') as id from (${companyApplication("and a.status = 'screening'", "a.updated_at desc").replace("limit 1", "limit 20")})`,
    record: "20 applications at the screening stage",
  },
  { route: "_employer.employer.rejection-templates", path: "/employer/rejection-templates", as: "employer", budgetMs: OTHER },
  {
    route: "_employer.employer.vacancies.$id",
    path: "/employer/vacancies/:id",
    as: "employer",
    budgetMs: OTHER,
    pick: `select v.id from vacancies v join company_members cm on cm.company_id = v.company_id where cm.user_id = @user and v.status = 'open'
           order by (select count(*) from vacancy_skills s where s.vacancy_id = v.id) desc, v.id limit 1`,
    record: "the company's open vacancy with the most skills",
  },
  {
    route: "_employer.employer.vacancies.$id_.applicants",
    path: "/employer/vacancies/:id/applicants?sort=score",
    as: "employer",
    budgetMs: EMPLOYER_LISTS,
    pick: `select v.id from vacancies v join company_members cm on cm.company_id = v.company_id where cm.user_id = @user
           order by (select count(*) from applications a where a.vacancy_id = v.id) desc, v.id limit 1`,
    record: "the company's vacancy with the most applications, by score",
  },
  {
    route: "_employer.vacancies.$id_.candidates",
    path: "/vacancies/:id/candidates",
    as: "employer",
    budgetMs: OTHER,
    pick: `select v.id from vacancies v join company_members cm on cm.company_id = v.company_id where cm.user_id = @user and v.status = 'open'
           order by (select count(*) from vacancy_skills s where s.vacancy_id = v.id) desc, v.id limit 1`,
    record: "the company's open vacancy with the most skills",
  },

  // ---- staff (made fast by issue 20's staff work; measured here) -------------------------------
  { route: "staff._index", path: "/staff", as: "staff", budgetMs: OTHER },
  { route: "staff.audit", path: "/staff/audit", as: "staff", budgetMs: OTHER },
  {
    route: "staff.cohorts.$id.invitations",
    path: "/staff/cohorts/:id/invitations",
    as: "staff",
    budgetMs: OTHER,
    pick: "select cohort_id as id from graduates group by cohort_id order by count(*) desc, cohort_id limit 1",
    record: "the largest cohort",
  },
  { route: "staff.companies._index", path: "/staff/companies", as: "staff", budgetMs: OTHER },
  {
    route: "staff.companies.$id",
    path: "/staff/companies/:id",
    as: "staff",
    budgetMs: OTHER,
    pick: "select company_id as id from vacancies group by company_id order by count(*) desc, company_id limit 1",
    record: "the company with the most vacancies",
  },
  { route: "staff.conversations._index", path: "/staff/conversations", as: "staff", budgetMs: OTHER },
  {
    route: "staff.conversations.$id",
    path: "/staff/conversations/:id",
    as: "staff",
    budgetMs: OTHER,
    pick: `select r.application_id as id from conversation_reports r where r.status = 'open'
           order by (select count(*) from conversation_messages m where m.application_id = r.application_id) desc, r.id limit 1`,
    record: "the reported conversation with the most messages",
  },
  {
    route: "staff.graduates.$id",
    path: "/staff/graduates/:id",
    as: "staff",
    budgetMs: OTHER,
    pick: "select graduate_id as id from graduate_skills group by graduate_id order by count(*) desc, graduate_id limit 1",
    record: "the graduate with the most skills",
  },
  { route: "staff.import._index", path: "/staff/import", as: "staff", budgetMs: OTHER },
  {
    route: "staff.import.$id",
    path: "/staff/import/:id",
    as: "staff",
    budgetMs: OTHER,
    pick: "select id from csv_imports order by rows_total desc, id limit 1",
    record: "the import with the most rows",
  },
  { route: "staff.invitations", path: "/staff/invitations", as: "staff", budgetMs: OTHER },
  { route: "staff.outcomes.campaigns._index", path: "/staff/outcomes/campaigns", as: "staff", budgetMs: OTHER },
  {
    route: "staff.outcomes.campaigns.$id",
    path: "/staff/outcomes/campaigns/:id",
    as: "staff",
    budgetMs: OTHER,
    pick: "select campaign_id as id from survey_campaign_members group by campaign_id order by count(*) desc, campaign_id limit 1",
    record: "the campaign with the most graduates",
  },
  { route: "staff.outcomes.campaigns.new", path: "/staff/outcomes/campaigns/new", as: "staff", budgetMs: OTHER },
  { route: "staff.outcomes.employers", path: "/staff/outcomes/employers", as: "staff", budgetMs: OTHER },
  { route: "staff.outcomes.follow-up", path: "/staff/outcomes/follow-up", as: "staff", budgetMs: OTHER },
  { route: "staff.outcomes.graduates._index", path: "/staff/outcomes/graduates?checkpoint=m6", as: "staff", budgetMs: OTHER },
  {
    route: "staff.outcomes.graduates.$id",
    path: "/staff/outcomes/graduates/:id",
    as: "staff",
    budgetMs: OTHER,
    pick: "select o.graduate_id as id from outcomes o join graduates g on g.id = o.graduate_id where g.anonymised_at is null group by o.graduate_id order by count(*) desc, o.graduate_id limit 1",
    record: "the graduate with the most outcome records",
  },
  { route: "staff.password-resets", path: "/staff/password-resets", as: "staff", budgetMs: OTHER },
  // The yearly report is a whole report (docs/decisions/065-annual-report.md).
  { route: "staff.reports_.annual", path: "/staff/reports/annual", as: "staff", budgetMs: FULL_REPORT },
  { route: "staff.vacancies._index", path: "/staff/vacancies", as: "staff", budgetMs: OTHER },

  // ---- staff scoped to one school (docs/decisions/063-staff-scope.md, 071 "Session 14") -----------
  // The same pages as a Naryn-scoped officer, where the scope changes the path the page takes: the
  // Agency's campaign preview stops at "too many", a school's reads every due graduate.
  { route: "staff._index", path: "/staff", as: "staff", budgetMs: OTHER, scoped: true },
  {
    route: "staff.cohorts.$id.invitations",
    path: "/staff/cohorts/:id/invitations",
    as: "staff",
    budgetMs: OTHER,
    scoped: true,
    pick: `select cohort_id as id from graduates where cohort_id in (select id from cohorts where school_id = ${NARYN})
           group by cohort_id order by count(*) desc, cohort_id limit 1`,
    record: "the school's largest cohort",
  },
  {
    route: "staff.graduates.$id",
    path: "/staff/graduates/:id",
    as: "staff",
    budgetMs: OTHER,
    scoped: true,
    pick: `select graduate_id as id from graduate_skills where graduate_id in (select g.id from graduates g join cohorts c on c.id = g.cohort_id where c.school_id = ${NARYN})
           group by graduate_id order by count(*) desc, graduate_id limit 1`,
    record: "the school's graduate with the most skills",
  },
  { route: "staff.invitations", path: "/staff/invitations", as: "staff", budgetMs: OTHER, scoped: true },
  { route: "staff.outcomes.campaigns._index", path: "/staff/outcomes/campaigns", as: "staff", budgetMs: OTHER, scoped: true },
  { route: "staff.outcomes.campaigns.new", path: "/staff/outcomes/campaigns/new", as: "staff", budgetMs: OTHER, scoped: true },
  { route: "staff.outcomes.employers", path: "/staff/outcomes/employers", as: "staff", budgetMs: OTHER, scoped: true },
  { route: "staff.outcomes.follow-up", path: "/staff/outcomes/follow-up", as: "staff", budgetMs: OTHER, scoped: true },
  { route: "staff.outcomes.graduates._index", path: "/staff/outcomes/graduates?checkpoint=m6", as: "staff", budgetMs: OTHER, scoped: true },
  { route: "staff.reports_.annual", path: "/staff/reports/annual", as: "staff", budgetMs: FULL_REPORT, scoped: true },
  { route: "staff.conversations._index", path: "/staff/conversations", as: "staff", budgetMs: OTHER, scoped: true },
  { route: "staff.audit", path: "/staff/audit", as: "staff", budgetMs: OTHER, scoped: true },

  // ---- admin ---------------------------------------------------------------------------------
  { route: "admin._index", path: "/admin", as: "admin", budgetMs: OTHER },
  { route: "admin.staff", path: "/admin/staff", as: "admin", budgetMs: OTHER },
  { route: "admin.schools._index", path: "/admin/schools", as: "admin", budgetMs: OTHER },
  {
    route: "admin.schools.$id",
    path: "/admin/schools/:id",
    as: "admin",
    budgetMs: OTHER,
    pick: "select school_id as id from cohorts group by school_id order by count(*) desc, school_id limit 1",
    record: "the school with the most cohorts",
  },
  { route: "admin.modules._index", path: "/admin/modules", as: "admin", budgetMs: OTHER },
  {
    route: "admin.modules.$id",
    path: "/admin/modules/:id",
    as: "admin",
    budgetMs: OTHER,
    pick: "select module_id as id from module_skills group by module_id order by count(*) desc, module_id limit 1",
    record: "the module with the most skills",
  },
  { route: "admin.skills._index", path: "/admin/skills", as: "admin", budgetMs: OTHER },
  {
    route: "admin.skills.$id",
    path: "/admin/skills/:id",
    as: "admin",
    budgetMs: OTHER,
    pick: "select skill_id as id from skill_aliases group by skill_id order by count(*) desc, skill_id limit 1",
    record: "the skill with the most aliases",
  },
  { route: "admin.job-words._index", path: "/admin/job-words", as: "admin", budgetMs: OTHER },
  {
    route: "admin.job-words.$slug",
    path: "/admin/job-words/:id",
    as: "admin",
    budgetMs: OTHER,
    pick: "select c.slug as id from job_word_classes c join job_words w on w.class_id = c.id group by c.id order by count(*) desc, c.id limit 1",
    record: "the job-word group with the most words",
  },
  { route: "admin.outbox", path: "/admin/outbox", as: "admin", budgetMs: OTHER },
  { route: "admin.settings", path: "/admin/settings", as: "admin", budgetMs: OTHER },
  { route: "admin.settings_.retention", path: "/admin/settings/retention", as: "admin", budgetMs: OTHER },
  { route: "admin.settings_.two-step", path: "/admin/settings/two-step", as: "admin", budgetMs: OTHER },
];

/** Signed-in pages tests/bench/cases.ts measures already, with the figure that does. */
export const MEASURED_IN_CASES: Record<string, string> = {
  "_employer.employer._index": "employer dashboard (50 open vacancies, 5,000 applications)",
  "_employer.employer.applicants": "applicants list, all vacancies, sorted by score",
  "_employer.graduates._index": "graduate directory (as employer and as staff)",
  "staff.outcomes._index": "outcome dashboard for all schools / of a Naryn-scoped officer",
  "staff.skill-gap": "staff skill gap, all schools",
  "staff.reports._index": "report: all schools × all indicators × 8 graduation years",
  "staff.graduates._index": "graduate directory: staff graduate list /staff/graduates",
};

/** Route modules with a loader that are not a signed-in page of their own, and why. */
export const NOT_PAGES: Record<string, string> = {
  // Layouts: their loaders run with every page below them, and are timed inside those rows.
  _employer: "layout of the employer area (timed in each of its pages' rows)",
  me: "layout of the graduate area (timed in each of its pages' rows)",
  staff: "layout of the staff area (timed in each of its pages' rows)",
  admin: "layout of the admin area (timed in each of its pages' rows)",
  // Redirects.
  "me._index": "redirect to /me/profile",
  "admin.staff_.$id.two-step": "redirect to /admin/staff (a form endpoint)",
  "_employer.employer.applications.$id_.messages": "a form endpoint: a GET redirects to the application page",
  "me.applications.$id_.messages": "a form endpoint: a GET redirects to the application page",
  "_employer.employer.applications.$id_.notes": "a form endpoint: a GET checks ownership and shows only a failed post's message",
  logout: "signs out and redirects",
  $: "the not-found page",
  // Resource routes: files and JSON, not pages.
  "me.data[.json]": "resource route: the graduate's data as a JSON download",
  "me.jobs[.json]": "resource route: JSON for the jobs page's script",
  "notifications_.unread[.json]": "resource route: the unread count as JSON",
  "vacancies.$id_.candidates[.json]": "resource route: JSON for the candidates page's script",
  "staff.outcomes[.csv]": "resource route: CSV download",
  "staff.outcomes.follow-up[.csv]": "resource route: CSV download",
  "staff.outcomes.graduates[.csv]": "resource route: CSV download",
  "staff.reports[.csv]": "resource route: CSV download",
  "staff.reports[.xlsx]": "resource route: .xlsx download (its own row in cases.ts)",
  "staff.skill-gap[.csv]": "resource route: CSV download",
  "feed[.xml]": "resource route: RSS feed",
  "saved.$token.feed[.xml]": "resource route: a saved search's RSS feed",
  "uploads.$file": "resource route: an uploaded image",
  "conversation-files.$id": "resource route: a conversation's PDF",
  "telegram.webhook": "resource route: Telegram's webhook",
  healthz: "resource route: the health check",
  // Signed-out pages: measured as public pages (throughput and page weights), not signed in.
  _index: "signed-out public page",
  "vacancies._index": "signed-out public page (the job board rows in cases.ts time its loader)",
  "vacancies.$id": "signed-out public page",
  "companies._index": "signed-out public page",
  "companies.$slug": "signed-out public page",
  "g.$slug": "signed-out public page (a portfolio)",
  "g.$slug_.cv": "signed-out public page (a CV)",
  outcomes: "signed-out public page",
  login: "signed-out page",
  "login_.code": "signed-out page (sign-in's second step)",
  join: "signed-out page",
  signup: "signed-out page",
  "forgot-password": "signed-out page",
  "reset.$token": "signed-out page (a password-reset link)",
  "survey.$token": "signed-out page (a survey link)",
  "unsubscribe.$token": "signed-out page (an unsubscribe link)",
};
