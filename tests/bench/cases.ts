// The measured figures. Each calls a real route loader with a real request.
import * as directory from "~/routes/_employer.graduates._index";
import * as board from "~/routes/vacancies._index";
import * as outcomeDashboard from "~/routes/staff.outcomes._index";
import { startSession } from "~/auth/session.server";
import { getConnection, getDb } from "~/db.server";
import { candidateQueryFrom } from "~/domain/matching/queries";
import { candidatesFor, jobsFor } from "~/models/matching.server";
import { recordOutcomeByStaff } from "~/models/outcomes.server";

/** budgetMs null: measured and printed for information, docs/product.md §10 sets no budget for it. */
export type BenchCase = { figure: string; budgetMs: number | null; run: () => Promise<unknown> };

let staffCookie: string | undefined;
async function staff(): Promise<string> {
  if (!staffCookie) {
    const user = await getDb().selectFrom("users").select("id").where("email", "=", "staff@demo.kg").executeTakeFirstOrThrow();
    staffCookie = (await startSession(new Request("http://localhost/"), user.id)).split(";")[0]!;
  }
  return staffCookie;
}

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
    // A staff correction first: the facts catch up from the change log (one graduate re-read) before the figures.
    figure: "outcome dashboard right after a staff correction of one graduate's record",
    budgetMs: 200,
    run: async () => {
      await correctOneRecord();
      return load(outcomeDashboard.loader, "/staff/outcomes?checkpoint=m6&by=school", await staff());
    },
  },
  {
    figure: "graduate directory: full text + skill + filter (staff)",
    budgetMs: null,
    run: async () => load(directory.loader, "/graduates?q=react&skill=javascript&relocate=1", await staff()),
  },
];
