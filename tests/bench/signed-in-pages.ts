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

/** The bench company's vacancies (the usual employer's), busiest first by `order`. */
const companyVacancy = (where: string, order: string) =>
  `select v.id from vacancies v join company_members cm on cm.company_id = v.company_id
   where cm.user_id = @user ${where} order by ${order}, v.id limit 1`;
/** The `column` value with the most rows in `table` (the largest cohort, the skill with the most aliases…). */
const mostRowsIn = (table: string, column: string) => `select ${column} as id from ${table} group by ${column} order by count(*) desc, ${column} limit 1`;

/**
 * The rows of one role's pages: budget §10's "any other page" unless `more` says otherwise, and
 * `pick` with its `record` where the page shows one record (the path has ":id") or someone other
 * than the role's usual account signs in.
 */
const pagesOf =
  (as: Role) =>
  (route: string, path: string, more: Partial<Pick<SignedInPage, "pick" | "record" | "budgetMs">> = {}): SignedInPage => ({
    route,
    path,
    as,
    budgetMs: OTHER,
    ...more,
  });
const graduate = pagesOf("graduate");
const employer = pagesOf("employer");
const staff = pagesOf("staff");
const admin = pagesOf("admin");

export const SIGNED_IN_PAGES: SignedInPage[] = [
  // ---- graduate ------------------------------------------------------------------------------
  graduate("me.profile", "/me/profile"),
  graduate("me.skills", "/me/skills"),
  graduate("me.languages", "/me/languages"),
  graduate("me.modules", "/me/modules"),
  graduate("me.projects._index", "/me/projects", {
    record: "the graduate with the most projects",
    pick: "select g.user_id from graduates g join projects p on p.graduate_id = g.id where g.anonymised_at is null group by g.id order by count(*) desc, g.id limit 1",
  }),
  graduate("me.projects.$id", "/me/projects/:id", {
    record: "the project with the most images and skills",
    pick: `select g.user_id, p.id from projects p join graduates g on g.id = p.graduate_id where g.user_id is not null and g.anonymised_at is null
           order by (select count(*) from project_images i where i.project_id = p.id) + (select count(*) from project_skills s where s.project_id = p.id) desc, p.id limit 1`,
  }),
  graduate("me.applications._index", "/me/applications"),
  graduate("me.applications.$id", "/me/applications/:id", {
    record: "the application with the most messages and events",
    pick: graduateApplication(
      "",
      "(select count(*) from conversation_messages m where m.application_id = a.id) + (select count(*) from application_events e where e.application_id = a.id) desc",
    ),
  }),
  graduate("me.applications.$id_.interview", "/me/applications/:id/interview", {
    record: "the interview with the most slots",
    pick: graduateApplication(
      "and exists (select 1 from interviews i where i.application_id = a.id)",
      "(select count(*) from interview_slots s join interviews i on i.id = s.interview_id where i.application_id = a.id) desc",
    ),
  }),
  graduate("me.applications.$id_.offer", "/me/applications/:id/offer", {
    record: "the latest offer",
    pick: graduateApplication("and exists (select 1 from offers o where o.application_id = a.id)", "a.id desc"),
  }),
  graduate("me.jobs", "/me/jobs"),
  graduate("me.outcomes", "/me/outcomes"),
  graduate("me.data", "/me/data"),
  graduate("me.saved-searches", "/me/saved-searches", {
    record: "the graduate with the most saved searches",
    pick: "select s.user_id from saved_searches s join users u on u.id = s.user_id where u.role = 'graduate' group by s.user_id order by count(*) desc, s.user_id limit 1",
  }),
  graduate("vacancies.$id_.apply", "/vacancies/:id/apply", {
    record: "the newest open vacancy the graduate has not applied to",
    pick: `select v.id from vacancies v where v.status = 'open'
           and not exists (select 1 from applications a join graduates g on g.id = a.graduate_id where a.vacancy_id = v.id and g.user_id = @user)
           order by v.id desc limit 1`,
  }),
  graduate("notifications", "/notifications", {
    record: "the graduate with the most notifications",
    pick: "select n.user_id from notifications n join users u on u.id = n.user_id where u.role = 'graduate' group by n.user_id order by count(*) desc, n.user_id limit 1",
  }),
  graduate("account", "/account"),
  // Two-step sign-in is set up by staff and admins (docs/decisions/066-two-step-sign-in.md).
  staff("account_.two-step", "/account/two-step"),

  // ---- employer ------------------------------------------------------------------------------
  employer("_employer.company", "/company"),
  employer("_employer.employer.applications.$id", "/employer/applications/:id", {
    record: "the company's application with the most events",
    pick: companyApplication("", "(select count(*) from application_events e where e.application_id = a.id) desc"),
  }),
  employer("_employer.employer.applications.$id_.interview", "/employer/applications/:id/interview", {
    record: "the latest application at the interview stage",
    pick: companyApplication("and a.status = 'interview'", "a.updated_at desc"),
  }),
  employer("_employer.employer.applications.$id_.offer", "/employer/applications/:id/offer", {
    record: "the latest application at the offer stage or hired",
    pick: companyApplication("and a.status in ('offer', 'hired')", "a.updated_at desc"),
  }),
  employer("_employer.employer.bulk-actions.$id", "/employer/bulk-actions/:id", {
    record: "the bulk decision with the most applications",
    pick: `select cm.user_id, b.id from bulk_actions b join company_members cm on cm.company_id = b.company_id join users u on u.id = cm.user_id
           order by (select count(*) from bulk_action_items i where i.bulk_action_id = b.id) desc, b.id limit 1`,
  }),
  employer("_employer.employer.hires", "/employer/hires"),
  // The form proposes a time to several candidates at once: the company's 20 latest in screening.
  employer("_employer.employer.interviews.new", "/employer/interviews/new?:id", {
    record: "20 applications at the screening stage",
    pick: `select group_concat('application=' || id, '&') as id from (${companyApplication("and a.status = 'screening'", "a.updated_at desc").replace("limit 1", "limit 20")})`,
  }),
  employer("_employer.employer.rejection-templates", "/employer/rejection-templates"),
  employer("_employer.employer.vacancies.$id", "/employer/vacancies/:id", {
    record: "the company's open vacancy with the most skills",
    pick: companyVacancy("and v.status = 'open'", "(select count(*) from vacancy_skills s where s.vacancy_id = v.id) desc"),
  }),
  employer("_employer.employer.vacancies.$id_.applicants", "/employer/vacancies/:id/applicants?sort=score", {
    record: "the company's vacancy with the most applications, by score",
    pick: companyVacancy("", "(select count(*) from applications a where a.vacancy_id = v.id) desc"),
    budgetMs: EMPLOYER_LISTS,
  }),
  employer("_employer.vacancies.$id_.candidates", "/vacancies/:id/candidates", {
    record: "the company's open vacancy with the most skills",
    pick: companyVacancy("and v.status = 'open'", "(select count(*) from vacancy_skills s where s.vacancy_id = v.id) desc"),
  }),

  // ---- staff (made fast by issue 20's staff work; measured here) -------------------------------
  staff("staff._index", "/staff"),
  staff("staff.audit", "/staff/audit"),
  staff("staff.cohorts.$id.invitations", "/staff/cohorts/:id/invitations", {
    record: "the largest cohort",
    pick: mostRowsIn("graduates", "cohort_id"),
  }),
  staff("staff.companies._index", "/staff/companies"),
  staff("staff.companies.$id", "/staff/companies/:id", {
    record: "the company with the most vacancies",
    pick: mostRowsIn("vacancies", "company_id"),
  }),
  staff("staff.conversations._index", "/staff/conversations"),
  staff("staff.conversations.$id", "/staff/conversations/:id", {
    record: "the reported conversation with the most messages",
    pick: `select r.application_id as id from conversation_reports r where r.status = 'open'
           order by (select count(*) from conversation_messages m where m.application_id = r.application_id) desc, r.id limit 1`,
  }),
  staff("staff.graduates.$id", "/staff/graduates/:id", {
    record: "the graduate with the most skills",
    pick: mostRowsIn("graduate_skills", "graduate_id"),
  }),
  staff("staff.import._index", "/staff/import"),
  staff("staff.import.$id", "/staff/import/:id", {
    record: "the import with the most rows",
    pick: "select id from csv_imports order by rows_total desc, id limit 1",
  }),
  staff("staff.invitations", "/staff/invitations"),
  staff("staff.outcomes.campaigns._index", "/staff/outcomes/campaigns"),
  staff("staff.outcomes.campaigns.$id", "/staff/outcomes/campaigns/:id", {
    record: "the campaign with the most graduates",
    pick: mostRowsIn("survey_campaign_members", "campaign_id"),
  }),
  staff("staff.outcomes.campaigns.new", "/staff/outcomes/campaigns/new"),
  staff("staff.outcomes.employers", "/staff/outcomes/employers"),
  staff("staff.outcomes.follow-up", "/staff/outcomes/follow-up"),
  staff("staff.outcomes.graduates._index", "/staff/outcomes/graduates?checkpoint=m6"),
  staff("staff.outcomes.graduates.$id", "/staff/outcomes/graduates/:id", {
    record: "the graduate with the most outcome records",
    pick: "select o.graduate_id as id from outcomes o join graduates g on g.id = o.graduate_id where g.anonymised_at is null group by o.graduate_id order by count(*) desc, o.graduate_id limit 1",
  }),
  staff("staff.password-resets", "/staff/password-resets"),
  // The yearly report is a whole report (docs/decisions/065-annual-report.md).
  staff("staff.reports_.annual", "/staff/reports/annual", { budgetMs: FULL_REPORT }),
  staff("staff.vacancies._index", "/staff/vacancies"),

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
  admin("admin._index", "/admin"),
  admin("admin.staff", "/admin/staff"),
  admin("admin.schools._index", "/admin/schools"),
  admin("admin.schools.$id", "/admin/schools/:id", {
    record: "the school with the most cohorts",
    pick: mostRowsIn("cohorts", "school_id"),
  }),
  admin("admin.modules._index", "/admin/modules"),
  admin("admin.modules.$id", "/admin/modules/:id", {
    record: "the module with the most skills",
    pick: mostRowsIn("module_skills", "module_id"),
  }),
  admin("admin.skills._index", "/admin/skills"),
  admin("admin.skills.$id", "/admin/skills/:id", {
    record: "the skill with the most aliases",
    pick: mostRowsIn("skill_aliases", "skill_id"),
  }),
  admin("admin.job-words._index", "/admin/job-words"),
  admin("admin.job-words.$slug", "/admin/job-words/:id", {
    record: "the job-word group with the most words",
    pick: "select c.slug as id from job_word_classes c join job_words w on w.class_id = c.id group by c.id order by count(*) desc, c.id limit 1",
  }),
  admin("admin.outbox", "/admin/outbox"),
  admin("admin.settings", "/admin/settings"),
  admin("admin.settings_.retention", "/admin/settings/retention"),
  admin("admin.settings_.two-step", "/admin/settings/two-step"),
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
