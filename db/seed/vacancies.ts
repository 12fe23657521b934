// Demo vacancies of the demo companies in every state, applications in every stage of the
// pipeline, and the placements the hires made. Bulk inserts in one transaction, so the
// benchmark size (20,000 open vacancies) stays fast. Applications go the way the forms make
// them (docs/decisions/006-demo-generator.md): the note through the apply form's schema, each
// step of the history allowed by the pipeline table, and the copy of what was sent made by the
// apply action's own snapshot function and stored through the versioned schema.
import type { Connection } from "../connection";
import type { ApplicationStatus } from "../schema";
import { ApplySchema } from "../../app/domain/applications/forms";
import { serializeSnapshot } from "../../app/domain/applications/snapshot";
import { snapshotFrom, type SnapshotSource } from "../../app/domain/applications/snapshot-from";
import { snapshotSource } from "../../app/models/application-snapshot.server";
import { sanitizeRichText } from "../../app/domain/text/rich-text";
import { ACTOR, stepsTo } from "../factories/history";
import { parseVacancyFields } from "../factories/vacancies";
import { companies as companyTexts } from "./data/companies";
import { tracks } from "./data/tracks";
import { fieldProfiles, vacancyHeadings, vacancyIntros, vacancyOffers, vacancyTitles } from "./data/vacancy-texts";
import { randomPerson } from "./people";
import { createRandom, type Random } from "./random";

const STATES = [
  ["open", 0.62],
  ["draft", 0.08],
  ["submitted", 0.1],
  ["rejected", 0.04],
  ["closed", 0.11],
  ["filled", 0.05],
] as const;
// How far applications get: most wait or are screened, few reach an offer or a hire.
const PIPELINE = [
  ["applied", 0.3],
  ["screening", 0.18],
  ["interview", 0.12],
  ["offer", 0.05],
  ["hired", 0.05],
  ["rejected", 0.15],
  ["withdrawn", 0.07],
  ["invited", 0.08],
] as const;

function pickWeighted<T extends string>(random: Random, table: readonly (readonly [T, number])[]): T {
  let roll = random.next();
  for (const [value, p] of table) if ((roll -= p) < 0) return value;
  return table[0]![0];
}

/**
 * Every company signed up through someone: a company without a demo account gets a recruiter
 * (nobody can sign in as one, like the demo students), who posts its vacancies and moves its
 * applications — the pipeline has no step without a person taking it.
 */
function addRecruiters(
  sqlite: Connection["sqlite"],
  companies: { id: number; slug: string }[],
  members: Map<number, number>,
  random: Random,
  passwordHash: string,
): void {
  const insertUser = sqlite.prepare("insert into users (email, password_hash, role, display_name) values (?, ?, 'employer', ?)");
  const insertMember = sqlite.prepare("insert into company_members (company_id, user_id) values (?, ?)");
  for (const company of companies) {
    if (members.has(company.id)) continue;
    const person = randomPerson(random);
    const userId = Number(insertUser.run(`hr@${company.slug}.demo.kg`, passwordHash, `${person.first} ${person.last}`).lastInsertRowid);
    insertMember.run(company.id, userId);
    members.set(company.id, userId);
  }
}

const earliest = (a: string, b: string) => (a < b ? a : b);
/** The instant `share` of the way from `from` to `to`. */
const towards = (from: string, to: string, share: number) => new Date(Date.parse(from) + (Date.parse(to) - Date.parse(from)) * share).toISOString();

function addDays(iso: string, days: number): string {
  return new Date(new Date(iso).getTime() + days * 86_400_000).toISOString();
}

export async function seedVacancies(
  { db, sqlite }: Connection,
  random: Random,
  options: { openTarget: number; staffId: number; today: string; seed: number; lockedPasswordHash: string },
): Promise<void> {
  const companies = sqlite.prepare("select id, slug, name, city, status, trusted from companies order by id").all() as {
    id: number;
    slug: string;
    name: string;
    city: string | null;
    status: string;
    trusted: number;
  }[];
  const members = new Map<number, number>();
  for (const m of sqlite.prepare("select company_id, user_id from company_members").all() as { company_id: number; user_id: number }[])
    members.set(m.company_id, m.user_id);
  addRecruiters(sqlite, companies, members, createRandom(options.seed + 2), options.lockedPasswordHash);
  const skillId = new Map((sqlite.prepare("select id, slug from skills").all() as { id: number; slug: string }[]).map((s) => [s.slug, s.id]));
  const regions = new Map((sqlite.prepare("select id, code from regions").all() as { id: number; code: string }[]).map((r) => [r.code, r.id]));
  const cityRegion: Record<string, string> = {
    Бишкек: "bishkek",
    Ош: "osh-city",
    Каракол: "issyk-kul",
    Нарын: "naryn",
    Токмок: "chui",
    "Кызыл-Кия": "batken",
    Талас: "talas",
    "Джалал-Абад": "jalal-abad",
  };
  const candidates = sqlite
    .prepare(
      "select g.id, g.user_id, g.sex from graduates g where g.visibility != 'private' and g.user_id is not null and g.anonymised_at is null order by g.id",
    )
    .all() as { id: number; user_id: number; sex: "f" | "m" | null }[];

  const insertVacancy = sqlite.prepare(
    `insert into vacancies (company_id, created_by, title, description, employment_type, work_mode, city, region_id, salary_min, salary_max, salary_hidden,
       openings, deadline, status, reject_reason, published_at, closed_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSkill = sqlite.prepare("insert or ignore into vacancy_skills (vacancy_id, skill_id, required, min_level) values (?, ?, ?, ?)");
  const insertLanguage = sqlite.prepare("insert into vacancy_languages (vacancy_id, language, min_level) values (?, ?, ?)");
  const insertApplication = sqlite.prepare(
    "insert or ignore into applications (vacancy_id, graduate_id, status, note, snapshot_json, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const insertEvent = sqlite.prepare(
    "insert into application_events (application_id, from_status, to_status, actor_user_id, note, interview_at, interview_place, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const touchApplication = sqlite.prepare("update applications set updated_at = ? where id = ?");
  const now = new Date().toISOString();
  const sent: { applicationId: number; graduateId: number; at: string }[] = [];
  const insertPlacement = sqlite.prepare(
    "insert into placements (application_id, graduate_id, company_id, vacancy_id, job_title, employment_type, start_date, monthly_pay, company_htp_resident, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );

  const verified = companies.filter((c) => c.status === "verified");
  const aboutOf = new Map(companyTexts.map((co) => [co.slug, co.about]));
  // What each company does decides the jobs it posts and what they say (issue 14 item 13).
  const profileOf = new Map(companyTexts.map((co) => [co.slug, fieldProfiles[co.field]]));
  const trackOf = new Map(tracks.map((t) => [t.key, t]));
  let open = 0;
  const cacheBefore = sqlite.pragma("cache_size", { simple: true });
  sqlite.pragma("cache_size = -262144");
  /** One application as the apply form and the employer's moves write it, with its history and any placement. */
  type Published = { id: number; company: (typeof companies)[number]; title: string; employmentType: string; salaryMin: number | null; published: string };
  const addApplication = (random: Random, vacancy: Published, g: { id: number; user_id: number; sex: "f" | "m" | null }, stage: ApplicationStatus) => {
    const { id: vacancyId, company, title, employmentType, salaryMin, published } = vacancy;
    const employer = members.get(company.id) ?? null;
    // Nothing happens after the moment the demo is made; an application with later steps is sent at the
    // latest a day before it (unless its vacancy is younger), so that its steps have days between them.
    const roomy = stepsTo(stage).length > 1 && addDays(now, -1) > published;
    const appliedAt = earliest(addDays(published, random.int(0, 10)), roomy ? addDays(now, -1) : now);
    const { note } = ApplySchema.parse({
      // In the graduate's own grammatical gender, as a person writes it (probe-ux), not «готов(а)».
      note: random.chance(0.6) ? `Здравствуйте! Мне интересна эта вакансия, ${g.sex === "f" ? "готова" : "готов"} пройти тестовое задание.` : undefined,
    });
    // The copy of what was sent is made below, once every profile is read (an invitation has none).
    const res = insertApplication.run(vacancyId, g.id, stage, stage === "invited" ? null : note, null, appliedAt, appliedAt);
    if (res.changes === 0) return;
    const applicationId = Number(res.lastInsertRowid);
    if (stage !== "invited") sent.push({ applicationId, graduateId: g.id, at: appliedAt });
    let from: ApplicationStatus | null = null;
    let at = appliedAt;
    const steps = stepsTo(stage);
    steps.forEach((to, n) => {
      const gap = random.int(1, 6); // drawn for every step, as always, so later rows stay the same
      // A step that would fall after the demo is made goes part of the way to that moment instead: every
      // step keeps a time of its own, in order (polish: a recent application's steps all had the seed's minute).
      if (n > 0) at = earliest(addDays(at, gap), towards(at, now, 1 / (steps.length - n + 1)));
      const interview = to === "interview";
      insertEvent.run(
        applicationId,
        from,
        to,
        ACTOR[to] === "graduate" ? g.user_id : employer,
        to === "applied" ? note : null,
        interview ? addDays(at, 3) : null,
        interview ? "Бишкек, ул. Ибраимова 115, ПВТ, 3 этаж" : null,
        at,
        at,
      );
      from = to;
    });
    touchApplication.run(at, applicationId);
    if (stage === "hired") {
      // As the employer's "hired" move records it: the vacancy's own terms, the company's status that day.
      insertPlacement.run(
        applicationId,
        g.id,
        company.id,
        vacancyId,
        title,
        employmentType,
        addDays(appliedAt, 30).slice(0, 10),
        salaryMin,
        company.status === "verified" ? 1 : 0,
        employer,
      );
    }
  };
  // The demo employers' own companies always have applicants to open (their pages are the demo's
  // showcase); drawn from a stream of their own, after the rest, so the other rows stay the same.
  const demoCompanies = new Set(
    (
      sqlite.prepare("select cm.company_id from company_members cm join users u on u.id = cm.user_id where u.email like '%@demo.kg'").all() as {
        company_id: number;
      }[]
    ).map((r) => r.company_id),
  );
  const showcase: (Published & { status: string })[] = [];
  sqlite.transaction(() => {
    // Every company gets a few vacancies; verified ones keep posting until the target of open ones is met.
    const plan: { company: (typeof companies)[number]; forceOpen: boolean }[] = [];
    for (const company of companies) for (let i = random.int(2, 6); i > 0; i--) plan.push({ company, forceOpen: false });
    const expectedOpen = Math.floor(plan.filter((p) => p.company.status === "verified").length * 0.62);
    for (let extra = expectedOpen; extra < options.openTarget && verified.length; extra++) {
      plan.push({ company: random.pick(verified), forceOpen: true });
    }
    for (const { company, forceOpen } of plan) {
      const profile = profileOf.get(company.slug) ?? fieldProfiles.product;
      const track = trackOf.get(random.pick(profile.tracks))!;
      const title = random.pick(profile.titles?.[track.key] ?? vacancyTitles[track.key]!);
      // A company that is not verified cannot have public vacancies: its posts wait.
      let status: string = forceOpen ? "open" : pickWeighted(random, STATES);
      if (company.status !== "verified" && ["open", "closed", "filled"].includes(status)) status = random.pick(["draft", "submitted"]);
      if (status === "open" && open >= options.openTarget) status = "closed";
      if (status === "open") open++;
      // A vacancy waiting for review was sent in the last days, not months ago (issue 14, item 13).
      const age = random.int(3, 200);
      const created = addDays(`${options.today}T08:00:00.000Z`, -(status === "submitted" ? 1 + (age % 6) : age));
      const published = ["open", "closed", "filled"].includes(status) ? addDays(created, random.int(0, 3)) : null;
      const deadline =
        status === "open" ? addDays(`${options.today}T00:00:00.000Z`, random.int(5, 90)).slice(0, 10) : addDays(created, random.int(20, 60)).slice(0, 10);
      // (A submitted vacancy is at most 6 days old and its deadline 20+ days after: never past.)
      const salaryMin = random.chance(0.75) ? random.int(20, 70) * 1000 : null;
      const salaryMax = salaryMin && random.chance(0.8) ? salaryMin + random.int(5, 50) * 1000 : null;
      const city = company.city ?? "Бишкек";
      const mode = random.pick(["onsite", "onsite", "hybrid", "remote"] as const);
      const intro = random.pick(vacancyIntros);
      // The vacancy introduces its own company, in the language drawn (a security firm does not
      // describe itself as an outsourcing shop); the generic intro only for a company not in the data.
      const introText = aboutOf.get(company.slug)?.[intro.lang] ?? intro.text;
      const duties = profile.duties[intro.lang];
      const offers = vacancyOffers[intro.lang];
      const list = (items: string[]) => `<ul>${[...new Set(items)].map((d) => `<li>${d}</li>`).join("")}</ul>`;
      const description = [
        `<p>${introText}</p>`,
        `<p><strong>${vacancyHeadings[intro.lang].duties}</strong></p>${list([random.pick(duties), random.pick(duties), random.pick(duties)])}`,
        `<p><strong>${vacancyHeadings[intro.lang].offers}</strong></p>${list([random.pick(offers), random.pick(offers)])}`,
      ].join("");
      const employmentType = random.pick(["full_time", "full_time", "full_time", "internship", "part_time", "apprenticeship", "contract"] as const);
      // Drawn in the order the generator always drew them, so the demo stays the same.
      const salaryHidden = Boolean(salaryMin && random.chance(0.15));
      const openings = random.int(1, 3);
      const closedAt = status === "closed" || status === "filled" ? addDays(published ?? created, random.int(10, 40)) : null;
      // What the recruiter would type into the vacancy form, checked by the vacancy factory's parse
      // (the form's own schema, db/factories/vacancies.ts); the text stored as the form's save stores it.
      const form = parseVacancyFields({
        title,
        description,
        employmentType,
        workMode: mode,
        city: mode === "remote" ? "" : city,
        region: String(regions.get(cityRegion[city] ?? "bishkek") ?? ""),
        salaryMin: salaryMin === null ? "" : String(salaryMin),
        salaryMax: salaryMax === null ? "" : String(salaryMax),
        salaryHidden: salaryHidden ? "1" : undefined,
        openings: String(openings),
        deadline,
        skills: "",
        niceSkills: "",
      });
      const { lastInsertRowid } = insertVacancy.run(
        company.id,
        members.get(company.id) ?? null,
        form.title,
        sanitizeRichText(form.description),
        form.employmentType,
        form.workMode,
        form.city,
        form.region,
        form.salaryMin,
        form.salaryMax,
        form.salaryHidden ? 1 : 0,
        form.openings,
        form.deadline,
        status,
        status === "rejected" ? "Укажите зарплатную вилку и требования к английскому языку." : null,
        published,
        closedAt,
        created,
        created,
      );
      const vacancyId = Number(lastInsertRowid);
      for (const slug of [...track.core.slice(0, 3), ...track.extra.filter(() => random.chance(0.3)).slice(0, 3)]) {
        const id = skillId.get(slug);
        if (id) insertSkill.run(vacancyId, id, track.core.includes(slug) ? 1 : 0, random.pick(["basic", "basic", "intermediate", "advanced"]));
      }
      insertLanguage.run(vacancyId, "ru", random.pick(["B1", "B2"]));
      if (random.chance(0.7)) insertLanguage.run(vacancyId, "en", random.pick(["A2", "B1", "B1", "B2"]));
      if (random.chance(0.3)) insertLanguage.run(vacancyId, "ky", "B1");

      // Applications: only on published vacancies, a handful each, in every stage.
      if (published && demoCompanies.has(company.id)) showcase.push({ id: vacancyId, company, title, employmentType, salaryMin, published, status });
      if (!published || candidates.length === 0 || (forceOpen && random.chance(0.9))) continue;
      for (let i = random.int(0, 5); i > 0; i--) {
        const g = random.pick(candidates);
        const stage = status === "filled" && i === 1 ? "hired" : pickWeighted(random, PIPELINE);
        addApplication(random, { id: vacancyId, company, title, employmentType, salaryMin, published }, g, stage);
      }
    }
    const extra = createRandom(options.seed + 3);
    for (const company of new Set(showcase.map((v) => v.company))) {
      const own = showcase.filter((v) => v.company === company && v.status === "open");
      const has = sqlite.prepare("select count(*) n from applications a join vacancies v on v.id = a.vacancy_id where v.company_id = ?").get(company.id) as {
        n: number;
      };
      if (has.n >= SHOWCASE_STAGES.length || own.length === 0 || candidates.length === 0) continue;
      // No hires here: placements would move the published outcome figures.
      for (const stage of SHOWCASE_STAGES.slice(has.n)) addApplication(extra, extra.pick(own), extra.pick(candidates), stage);
    }
  })();
  sqlite.pragma(`cache_size = ${Number(cacheBefore)}`);
  await storeSentCopies({ db, sqlite }, sent, createRandom(options.seed + 1));
}

/**
 * The applicants a demo employer's company has at least (issue 18 item 8): enough in every open
 * stage for the dashboard, the applicants list's filters and a bulk decision to show something.
 */
const SHOWCASE_STAGES: readonly ApplicationStatus[] = [
  ...Array<ApplicationStatus>(10).fill("applied"),
  ...Array<ApplicationStatus>(5).fill("screening"),
  ...Array<ApplicationStatus>(5).fill("interview"),
  "rejected",
  "rejected",
  "withdrawn",
];

/**
 * The copy each application sent, made by the apply action's snapshot function from the
 * graduate's profile and one to three of their projects, stored through the versioned schema.
 * Its own random stream keeps every other demo row as it was.
 */
async function storeSentCopies({ db, sqlite }: Connection, sent: { applicationId: number; graduateId: number; at: string }[], random: Random): Promise<void> {
  const sources = new Map<number, SnapshotSource>();
  const copies: [string, number][] = [];
  for (const s of sent) {
    let source = sources.get(s.graduateId);
    if (!source) sources.set(s.graduateId, (source = await snapshotSource(db, s.graduateId)));
    const projects = source.projects.filter(() => random.chance(0.6)).slice(0, 3);
    const chosen = projects.length || !source.projects.length ? projects : [random.pick(source.projects)];
    copies.push([
      serializeSnapshot(
        snapshotFrom(
          source,
          chosen.map((p) => p.id),
          s.at,
        ),
      ),
      s.applicationId,
    ]);
  }
  const update = sqlite.prepare("update applications set snapshot_json = ? where id = ?");
  sqlite.transaction(() => {
    for (const [json, id] of copies) update.run(json, id);
  })();
}
