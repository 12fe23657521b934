// The measured figures. Each calls a real route loader with a real request.
import * as directory from "~/routes/_employer.graduates._index";
import * as board from "~/routes/vacancies._index";
import * as outcomeDashboard from "~/routes/staff.outcomes._index";
import * as skillGapPage from "~/routes/staff.skill-gap";
import * as reportPage from "~/routes/staff.reports._index";
import * as reportXlsx from "~/routes/staff.reports[.xlsx]";
import * as staffGraduates from "~/routes/staff.graduates._index";
import * as employerHome from "~/routes/_employer.employer._index";
import { startSession } from "~/auth/session.server";
import { getConnection, getDb } from "~/db.server";
import { candidateQueryFrom } from "~/domain/matching/queries";
import { REPORT_INDICATORS } from "~/domain/outcomes/report";
import { candidatesFor, jobsFor } from "~/models/matching.server";
import { recordOutcomeByStaff } from "~/models/outcomes.server";
import { queueMessage } from "~/models/outbox.server";
import { rebuildSearchIndexes, refreshGraduateSearch, refreshVacancySearch } from "~/models/search-index.server";
import { apply, move } from "~/models/applications.server";
import { approveVacancy, saveVacancy, submitVacancy } from "~/models/vacancies.server";
import { makeCompany, makeUser, parseVacancyFields, vacancyInput } from "@db/factories";
import { setStaffScope } from "~/models/staff-scopes.server";
import { viewsSettled } from "~/utils/warming.server";
import { register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * budgetMs null: measured and printed for information, docs/product.md §10 sets no budget for it.
 * runs/warmups: for a figure too long to repeat (the whole-index rebuild: once, no warm-up).
 */
export type BenchCase = {
  figure: string;
  budgetMs: number | null;
  run: () => Promise<unknown>;
  runs?: number;
  warmups?: number;
  /** Done before each run, not timed: brings the state the figure is about (an index change before a "cold" search). */
  before?: () => Promise<unknown>;
  /** Checked once before the warm-ups, untimed: why the figure cannot be measured (printed as SKIPPED), or null. */
  unmeasurable?: () => Promise<string | null>;
};

const cookies = new Map<string, string>();
/** A session of a demo account (staff@demo.kg, the verified employer@demo.kg), or of any user by e-mail. */
export async function signedIn(email: string): Promise<string> {
  if (!cookies.has(email)) {
    const user = await getDb().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    cookies.set(email, (await startSession(new Request("http://localhost/"), user.id)).split(";")[0]!);
  }
  return cookies.get(email)!;
}
const staff = () => signedIn("staff@demo.kg");
/** A placement officer scoped to the Naryn lyceum (docs/decisions/063-staff-scope.md), made on first use if the set has none. */
export const NARYN_OFFICER = "bench-naryn@bench.kg";
export async function narynOfficer(): Promise<string> {
  const email = NARYN_OFFICER;
  if (!cookies.has(email)) {
    const db = getDb();
    const naryn = await db.selectFrom("schools").select("id").where("slug", "=", "pl-87-naryn").executeTakeFirstOrThrow();
    const id = (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst())?.id ?? (await makeUser(db, "staff", { email })).id;
    await setStaffScope(db, id, [naryn.id]);
  }
  return signedIn(email);
}
const employer = () => signedIn("employer@demo.kg");

const context = { clientAddress: "127.0.0.1", cspNonce: "" };
const load = async (loader: (args: never) => unknown, url: string, cookie?: string) =>
  (loader as (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>)({
    request: new Request(`http://localhost${url}`, { headers: cookie ? { Cookie: cookie } : {} }),
    params: {},
    context,
  });

/** A rotation of real open vacancies and joined graduates, so no single cached answer is timed. */
function rotation(sql: string): () => number {
  let ids: number[] | undefined;
  let i = 0;
  return () => {
    ids ??= (getConnection().sqlite.prepare(sql).raw(true).all() as [number][]).map(([id]) => id);
    return ids[i++ % ids.length]!;
  };
}
// Vacancies with the most skills (the heaviest to rank for) and graduates with the most skills.
const nextVacancy = rotation("select vacancy_id from vacancy_skills group by vacancy_id order by count(*) desc, vacancy_id limit 10");
const nextGraduate = rotation("select graduate_id from graduate_skills group by graduate_id order by count(*) desc, graduate_id limit 10");
/** The report builder's address for every school, every indicator and the data set's eight latest graduation years. */
let reportSearch: string | undefined;
function reportUrl(path: string): string {
  reportSearch ??= (() => {
    const years = getConnection()
      .sqlite.prepare("select distinct substr(graduation_date, 1, 4) from cohorts order by 1 desc limit 8")
      .pluck()
      .all() as string[];
    const p = new URLSearchParams({ by: "school", checkpoint: "m6" });
    for (const i of REPORT_INDICATORS) p.append("ind", i);
    for (const y of years) p.append("year", y);
    return p.toString();
  })();
  return `${path}?${reportSearch}`;
}
/** Alternates one graduate's six-month record between seeking and not seeking, as a staff correction. */
let corrections = 0;
async function correctOneRecord(): Promise<void> {
  const { sqlite } = getConnection();
  const graduateId = sqlite
    .prepare("select g.id from graduates g join cohorts c on c.id = g.cohort_id where c.graduation_date < date('now', '-7 months') order by g.id limit 1")
    .pluck()
    .get() as number;
  const staffId = sqlite.prepare("select id from users where email = 'staff@demo.kg'").pluck().get() as number;
  const code = corrections++ % 2 === 0 ? "seeking" : "not_seeking";
  await recordOutcomeByStaff(getDb(), {
    graduateId,
    checkpoint: "m6",
    code,
    asOf: new Date().toISOString().slice(0, 10),
    recordedBy: staffId,
    notSeekingReason: null,
    excludedReason: null,
    employment: null,
  });
}

/** The first school and region by id: a filter that keeps a realistic share of the 100,000. */
const firstId = (table: "schools" | "regions") => getConnection().sqlite.prepare(`select min(id) from ${table}`).pluck().get() as number;

/** Alternates one open vacancy's first skill between required and nice to have (logged to match_changes by its trigger). */
function editOneVacancy(): void {
  const { sqlite } = getConnection();
  const row = sqlite
    .prepare(
      "select vs.vacancy_id, vs.skill_id from vacancy_skills vs join vacancies v on v.id = vs.vacancy_id where v.status = 'open' order by vs.vacancy_id, vs.skill_id limit 1",
    )
    .get() as { vacancy_id: number; skill_id: number };
  sqlite.prepare("update vacancy_skills set required = 1 - required where vacancy_id = ? and skill_id = ?").run(row.vacancy_id, row.skill_id);
}

/**
 * The app's own writer inside an edit's transaction, then rolled back: the figure is what the
 * reindex adds to the edit (the commit and its fsync belong to the edit), and the bench's index
 * stays as built (docs/decisions/048).
 */
const ROLLBACK = new Error("rollback");
const insideAnEdit = async (write: (trx: ReturnType<typeof getDb>) => Promise<void>) => {
  try {
    await getDb()
      .transaction()
      .execute(async (trx) => {
        await write(trx);
        throw ROLLBACK;
      });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
};
const reindexVacancy = (id: number) => insideAnEdit((trx) => refreshVacancySearch(trx, id));
const reindexGraduate = (id: number) => insideAnEdit((trx) => refreshGraduateSearch(trx, id));
let outboxEvent = 0;
/** What writing one message adds to the event's transaction (docs/product.md §13: ≤ 1 ms), rolled back like the reindex. */
const queueOneMessage = (userId: number) =>
  insideAnEdit((trx) =>
    queueMessage(trx, { userId, kind: "application-status", eventKey: `bench-${process.pid}-${++outboxEvent}`, vars: { status: "screening" }, link: "/me" }),
  );
const nextOpenVacancy = rotation("select id from vacancies where status = 'open' order by id desc limit 50");
const nextProfile = rotation("select id from graduates where user_id is not null order by id desc limit 50");
const nextGraduateUser = rotation("select user_id from graduates where user_id is not null order by id desc limit 50");
/**
 * The directory's text hits are ranked in the background after a search and kept until the index
 * changes (docs/decisions/048, Session 9, dir16b). A server turns its event loop between requests;
 * this loop of awaits does not, so "repeated" figures let that ranking finish first (untimed), and
 * "cold" ones also commit a profile's edit (its headline gains or loses a word: the index changes, its statistics too).
 */
// The directory's filters are kept in memory too, loaded whole once per process in the background
// (docs/decisions/048, Session 10): the figures are of a server past that load.
const settled = () => viewsSettled(getDb());
const repeated = settled;
// A profile edit as the profile form makes it (the row and its index entry in one transaction, logged in
// match_changes): the headline gains or loses a word, so the index's statistics move and every bm25 with them.
const afterAnIndexChange = async () => {
  await settled();
  const id = nextProfile();
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const { headline } = await trx.selectFrom("graduates").select("headline").where("id", "=", id).executeTakeFirstOrThrow();
      const edited = headline?.endsWith(" (bench)") ? headline.slice(0, -" (bench)".length) : `${headline ?? ""} (bench)`;
      await trx.updateTable("graduates").set({ headline: edited }).where("id", "=", id).execute();
      await refreshGraduateSearch(trx, id);
    });
};

/** The whole search index rebuilt by the one function the migration, the seed and the start use: printed, no budget. */
async function rebuildWholeIndex(): Promise<void> {
  const { graduates, vacancies, ms } = await rebuildSearchIndexes(getDb());
  console.log(`whole-index rebuild: ${vacancies} vacancies and ${graduates} graduates in ${(ms / 1000).toFixed(1)} s`);
}

// ---- issue 18: a hiring company's dashboard and applicants list ------------------------------

export const BENCH_HR = "bench-hr@bench.kg";
const BENCH_OPEN_VACANCIES = 50;
const BENCH_APPLICATIONS = 5_000;
const DAY_MS = 86_400_000;
/** Skills the data set's vacancies ask for most, two per bench vacancy, so their rankings differ. */
const BENCH_SKILLS = ["git", "sql", "rest-api", "manual-testing", "figma", "html", "css", "php", "postman", "javascript"];

/**
 * One company with 50 open vacancies and 5,000 applications, added to the bench set on first use
 * and found again after (idempotent): its HR account and company made by sign-up's functions,
 * vacancies saved by the form's function, submitted and approved by staff, applications by `apply`
 * from 5,000 different joined graduates, a share moved through the stages by `move`. Those
 * functions write "now"; the new histories are then dated back across a year, as a year of use
 * leaves them (time-to-hire and the 5-day list have work to do). About a minute, once.
 */
let hiringCompany: Promise<void> | undefined;
export const benchCompanyReady = () => (hiringCompany ??= makeHiringCompany());
async function makeHiringCompany(): Promise<void> {
  const db = getDb();
  const { sqlite } = getConnection();
  const started = performance.now();
  let user = sqlite.prepare("select id from users where email = ?").pluck().get(BENCH_HR) as number | undefined;
  if (user === undefined) user = (await makeUser(db, "employer", { email: BENCH_HR, name: "Bench HR" })).id;
  let company = sqlite.prepare("select company_id from company_members where user_id = ?").pluck().get(user) as number | undefined;
  if (company === undefined) company = await makeCompany(db, user, { status: "verified", name: "Bench Hiring LLC" });
  const staffId = sqlite.prepare("select id from users where email = 'staff@demo.kg'").pluck().get() as number;
  // Typed as a recruiter types them: the skill's English name.
  const skillName = (slug: string) => sqlite.prepare("select name_en from skills where slug = ?").pluck().get(slug) as string;
  const openIds = () => sqlite.prepare("select id from vacancies where company_id = ? and status = 'open' order by id").pluck().all(company) as number[];
  let made = 0;
  for (let i = openIds().length; i < BENCH_OPEN_VACANCIES; i++) {
    const skills = [BENCH_SKILLS[i % BENCH_SKILLS.length]!, BENCH_SKILLS[(i * 3 + 1) % BENCH_SKILLS.length]!].map(skillName).join("\n");
    const fields = {
      title: `Bench vacancy ${i + 1}`,
      description: "<p>Bench</p>",
      employmentType: "full_time",
      workMode: "hybrid",
      city: "Бишкек",
      skills,
    } as const;
    const saved = await saveVacancy(db, company, null, await vacancyInput(db, parseVacancyFields(fields)), user);
    if (!saved.ok) throw new Error(`bench vacancy: ${saved.reason}`);
    if (!(await submitVacancy(db, company, saved.id)).ok || !(await approveVacancy(db, saved.id, staffId)).ok) throw new Error("bench vacancy: not opened");
    made++;
  }
  const vacancies = openIds().slice(0, BENCH_OPEN_VACANCIES);
  const count = () =>
    sqlite.prepare("select count(*) from applications a join vacancies v on v.id = a.vacancy_id where v.company_id = ?").pluck().get(company) as number;
  const have = count();
  if (have < BENCH_APPLICATIONS) {
    const firstNew = (sqlite.prepare("select coalesce(max(id), 0) + 1 from applications").pluck().get() as number) ?? 1;
    // Joined graduates who have not applied to this company yet, spread over the whole set.
    const graduates = sqlite
      .prepare(
        `select g.id, g.user_id, g.first_name, g.last_name from graduates g where g.user_id is not null and g.anonymised_at is null
           and g.id % 7 = 3 and not exists (select 1 from applications a join vacancies v on v.id = a.vacancy_id where a.graduate_id = g.id and v.company_id = ?)
         order by g.id limit ?`,
      )
      .all(company, BENCH_APPLICATIONS - have) as { id: number; user_id: number; first_name: string; last_name: string }[];
    for (const [n, g] of graduates.entries()) {
      const i = have + n;
      const vacancyId = vacancies[i % vacancies.length]!;
      const applied = await apply(db, g, vacancyId, { note: null, projectIds: [] }, g.user_id);
      if (!applied.ok) throw new Error(`bench application: ${applied.reason}`);
      // 40 % stay new; then screening, interview, offer, rejected, and one in fifty hired.
      const stage = i % 10;
      const steps =
        stage < 4
          ? []
          : stage < 6
            ? ["screening"]
            : stage === 6
              ? ["screening", "interview"]
              : stage === 7
                ? ["screening", "interview", "offer"]
                : stage === 8
                  ? ["rejected"]
                  : i % 50 === 9
                    ? ["screening", "interview", "offer", "hired"]
                    : ["screening", "rejected"];
      for (const to of steps as ("screening" | "interview" | "offer" | "hired" | "rejected")[]) {
        const interview = to === "interview";
        const moved = await move(
          db,
          company,
          applied.id,
          {
            to,
            note: null,
            // Interviews spread over two weeks either side of today.
            interviewAt: interview ? new Date(Date.now() + ((i % 29) - 14) * DAY_MS).toISOString() : null,
            interviewPlace: interview ? "Бишкек, Ибраимова 115" : null,
            startDate: to === "hired" ? new Date().toISOString().slice(0, 10) : null,
            monthlyPay: null,
          },
          user,
        );
        if (!moved.ok) throw new Error(`bench move to ${to}: ${moved.reason}`);
      }
    }
    // The new histories dated back: application i made (i * 7) % 365 days ago (never in the last 3 hours),
    // each later step 1–4 days after the one before, never later than now.
    sqlite
      .prepare(
        `update application_events set created_at = min(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-3 hours', '-' || ((application_id * 7) % 365) || ' days',
             '+' || ((select count(*) from application_events e2 where e2.application_id = application_events.application_id and e2.id < application_events.id)
               * (1 + application_id % 4)) || ' days'))
         where application_id >= ?`,
      )
      .run(firstNew);
    sqlite
      .prepare(
        `update applications set created_at = (select min(created_at) from application_events e where e.application_id = applications.id),
           updated_at = (select max(created_at) from application_events e where e.application_id = applications.id) where id >= ?`,
      )
      .run(firstNew);
  }
  console.log(
    `bench hiring company: ${vacancies.length} open vacancies (${made} made now), ${count()} applications (${count() - have} made now) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
const benchHr = () => benchCompanyReady().then(() => signedIn(BENCH_HR));
/** The company's HR answers its oldest new application (moves it to screening), as between two dashboard loads. */
async function answerOneApplication(): Promise<void> {
  await benchCompanyReady();
  const { sqlite } = getConnection();
  const [user, company] = sqlite
    .prepare("select u.id, cm.company_id from users u join company_members cm on cm.user_id = u.id where u.email = ?")
    .raw(true)
    .get(BENCH_HR) as [number, number];
  const id = sqlite
    .prepare("select a.id from applications a join vacancies v on v.id = a.vacancy_id where v.company_id = ? and a.status = 'applied' order by a.id limit 1")
    .pluck()
    .get(company) as number;
  const moved = await move(
    getDb(),
    company,
    id,
    { to: "screening", note: null, interviewAt: null, interviewPlace: null, startDate: null, monthlyPay: null },
    user,
  );
  if (!moved.ok) throw new Error(`bench move: ${moved.reason}`);
}

// Route modules import stylesheets (app/root.tsx, app/components/project-card.tsx), which the Remix
// build bundles and Node cannot load: an import hook hands Node an empty module for *.css, and
// such routes are imported after it is registered.
let cssHook = false;
export function importRoute<T = { loader: (args: never) => unknown }>(file: string): Promise<T> {
  if (!cssHook) {
    const hook = `export async function load(url, context, next) {
      return url.endsWith(".css") ? { format: "module", source: "export default '';", shortCircuit: true } : next(url, context);
    }`;
    register(`data:text/javascript,${encodeURIComponent(hook)}`);
    cssHook = true;
  }
  return import(pathToFileURL(path.resolve(file)).href) as Promise<T>;
}
let applicantsRoute: Promise<{ loader: (args: never) => unknown }> | undefined;
const applicantsList = () => (applicantsRoute ??= importRoute("app/routes/_employer.employer.applicants.tsx"));

const allCandidates = candidateQueryFrom(new URL("http://localhost/?placed=1"));

export const cases: BenchCase[] = [
  {
    figure: "matching: rank all graduates for one vacancy, first page explained (staff)",
    budgetMs: 100,
    run: () => candidatesFor(getConnection(), nextVacancy(), allCandidates, "staff"),
  },
  {
    // The floor: reading, with no scoring at all, the rows a from-scratch ranking would need.
    figure: "  floor: plain SQL read of every graduate's skills, languages and place",
    budgetMs: null,
    run: async () => {
      const { sqlite } = getConnection();
      sqlite.prepare("select graduate_id, skill_id, level, source from graduate_skills").raw(true).all();
      sqlite.prepare("select graduate_id, language, level from graduate_languages").raw(true).all();
      sqlite
        .prepare("select id, region_id, city, willing_to_relocate, available_from, english_level, visibility from graduates where user_id is not null")
        .raw(true)
        .all();
    },
  },
  {
    figure: "matching: rank all open vacancies for one graduate, first page explained",
    budgetMs: 50,
    run: () => jobsFor(getConnection(), nextGraduate(), 1),
  },
  {
    figure: "  floor: plain SQL read of every open vacancy's requirements",
    budgetMs: null,
    run: async () => {
      const { sqlite } = getConnection();
      sqlite
        .prepare(
          "select vs.vacancy_id, vs.skill_id, vs.required, vs.min_level from vacancy_skills vs join vacancies v on v.id = vs.vacancy_id where v.status = 'open'",
        )
        .raw(true)
        .all();
      sqlite.prepare("select vacancy_id, language, min_level from vacancy_languages").raw(true).all();
    },
  },
  {
    figure: "job board: full text + filters (20,000 open vacancies)",
    budgetMs: 20,
    run: () => load(board.loader, "/vacancies?q=разработчик&mode=hybrid&salary=1&sort=newest"),
  },
  {
    figure: "job board: skill typed in Kyrgyz/Russian + city, page 3",
    budgetMs: 20,
    run: () => load(board.loader, "/vacancies?skill=питон&page=3"),
  },
  {
    figure: "outcome dashboard for all schools (m6, by school, staff)",
    budgetMs: 200,
    run: async () => load(outcomeDashboard.loader, "/staff/outcomes?checkpoint=m6&by=school", await staff()),
  },
  {
    // Issue 19: one school's officer reads that school's facts alone (the same in-memory facts, filtered by school).
    figure: "outcome dashboard of a Naryn-scoped officer (m6, by school)",
    budgetMs: 100,
    run: async () => load(outcomeDashboard.loader, "/staff/outcomes?checkpoint=m6&by=school", await narynOfficer()),
  },
  {
    // A staff correction first: the facts catch up from the change log (one graduate re-read) before the figures.
    figure: "outcome dashboard right after a staff correction of one graduate's record",
    budgetMs: 200,
    run: async () => {
      await correctOneRecord();
      return load(outcomeDashboard.loader, "/staff/outcomes?checkpoint=m6&by=school", await staff());
    },
  },
  // Issue 16: words typed inflected, in the other script, or in another language.
  {
    figure: "job board: inflected word «разработчиков» + salary, newest",
    budgetMs: 20,
    run: () => load(board.loader, "/vacancies?q=разработчиков&salary=1&sort=newest"),
  },
  {
    figure: "job board: word in the other script «frontend»",
    budgetMs: 20,
    run: () => load(board.loader, "/vacancies?q=frontend"),
  },
  {
    figure: "job board: a name in Latin «Toktogulov»",
    budgetMs: 20,
    run: () => load(board.loader, "/vacancies?q=Toktogulov"),
  },
  // The graduate directory (/graduates), as a verified employer and as staff (who also list private
  // profiles): a common word, a skill, a filter; a surname; a filter with no text.
  {
    figure: "graduate directory: full text + skill + filter (staff), repeated",
    before: repeated,
    budgetMs: 50,
    run: async () => load(directory.loader, "/graduates?q=react&skill=javascript&relocate=1", await staff()),
  },
  {
    figure: "graduate directory: «разработчик» + skill + school (staff), repeated",
    before: repeated,
    budgetMs: 50,
    run: async () => load(directory.loader, `/graduates?q=разработчик&skill=javascript&school=${firstId("schools")}`, await staff()),
  },
  {
    figure: "graduate directory: «разработчик» + skill + relocate (employer), repeated",
    before: repeated,
    budgetMs: 50,
    run: async () => load(directory.loader, "/graduates?q=разработчик&skill=javascript&relocate=1", await employer()),
  },
  {
    figure: "graduate directory: «разработчик» + skill + school (staff), cold: first search after an index change",
    budgetMs: 50,
    before: afterAnIndexChange,
    run: async () => load(directory.loader, `/graduates?q=разработчик&skill=javascript&school=${firstId("schools")}`, await staff()),
  },
  {
    figure: "graduate directory: «разработчик» + skill + relocate (employer), cold: first search after an index change",
    budgetMs: 50,
    before: afterAnIndexChange,
    run: async () => load(directory.loader, "/graduates?q=разработчик&skill=javascript&relocate=1", await employer()),
  },
  {
    figure: "graduate directory: a surname «Токтогулов» + region (employer), repeated",
    before: repeated,
    budgetMs: 50,
    run: async () => load(directory.loader, `/graduates?q=Токтогулов&region=${firstId("regions")}`, await employer()),
  },
  {
    figure: "graduate directory: skill + available now, sorted by name, page 2 (employer)",
    before: settled,
    budgetMs: 50,
    run: async () => load(directory.loader, "/graduates?skill=python&available=1&sort=name&page=2", await employer()),
  },
  {
    figure: "graduate directory: staff graduate list /staff/graduates «Токтогулов»",
    budgetMs: 50,
    run: async () => load(staffGraduates.loader, "/staff/graduates?q=Токтогулов", await staff()),
  },
  {
    figure: "staff skill gap, all schools (staff)",
    budgetMs: 100,
    run: async () => load(skillGapPage.loader, "/staff/skill-gap", await staff()),
  },
  {
    // An employer's edit first: the index reloads that vacancy from the change log and the demand per skill is counted again.
    figure: "staff skill gap right after a vacancy edit",
    budgetMs: 100,
    run: async () => {
      editOneVacancy();
      return load(skillGapPage.loader, "/staff/skill-gap", await staff());
    },
  },
  {
    figure: "reindex one vacancy after an edit (refreshVacancySearch inside the edit's transaction)",
    budgetMs: 5,
    run: () => reindexVacancy(nextOpenVacancy()),
  },
  {
    figure: "reindex one graduate profile after an edit (refreshGraduateSearch inside the edit's transaction)",
    budgetMs: 5,
    run: () => reindexGraduate(nextProfile()),
  },
  {
    figure: "write one message to the outbox inside the event's transaction (queueMessage)",
    budgetMs: 1,
    run: () => queueOneMessage(nextGraduateUser()),
  },
  // Issue 18: a company with 50 open vacancies and 5,000 applications (made on first use, untimed).
  {
    // The first load after a start ranks each open vacancy once (decision 058); printed, no budget.
    figure: "employer dashboard, first load after a start (50 rankings, kept after)",
    before: benchHr, // the company and the session made untimed
    budgetMs: null,
    runs: 1,
    warmups: 0,
    run: async () => load(employerHome.loader, "/employer", await benchHr()),
  },
  {
    figure: "employer dashboard (50 open vacancies, 5,000 applications)",
    before: benchCompanyReady,
    budgetMs: 50,
    run: async () => load(employerHome.loader, "/employer", await benchHr()),
  },
  {
    // A new event first: the kept time-to-hire steps read it, and the waiting list and counts change.
    figure: "employer dashboard right after an application is answered",
    before: answerOneApplication,
    budgetMs: 50,
    run: async () => load(employerHome.loader, "/employer", await benchHr()),
  },
  {
    figure: "applicants list, all vacancies, sorted by score (50 open vacancies, 5,000 applications)",
    before: benchCompanyReady,
    budgetMs: 50,
    run: async () => load((await applicantsList()).loader, "/employer/applicants?sort=score", await benchHr()),
  },
  // Issue 19: the report builder at the national size (docs/decisions/064-report-builder.md): rows = every school,
  // every §6 indicator as a column, the eight latest graduation years of the data set.
  {
    figure: "report: all schools × all indicators × 8 graduation years",
    budgetMs: 300,
    run: async () => load(reportPage.loader, reportUrl("/staff/reports"), await staff()),
  },
  {
    // The whole download: the figures, the workbook written, its bytes read.
    figure: "report .xlsx export: all schools × all indicators × 8 graduation years",
    budgetMs: 2000,
    runs: 10,
    run: async () => ((await load(reportXlsx.loader, reportUrl("/staff/reports.xlsx"), await staff())) as Response).arrayBuffer(),
  },
  {
    figure: "rebuild the whole full-text index (every vacancy and graduate, the app's writers)",
    budgetMs: null,
    runs: 1,
    warmups: 0,
    run: rebuildWholeIndex,
  },
];
