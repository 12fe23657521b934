// The employer dashboard's reads (docs/product.md §15, docs/decisions/058-employer-dashboard.md): the
// open vacancies with their applications per stage and the best matches who have not applied, the
// interviews this week, the applications waiting for a first answer, what the company still has to
// do, and the time-to-hire figures. Every query is scoped by the company's id; the rules are in
// app/domain/employer-dashboard.ts.
import { sql } from "kysely";
import type { Connection, DB } from "@db/connection";
import {
  BEST_MATCHES,
  bishkekWeek,
  DASHBOARD_STAGES,
  type DashboardStage,
  daysWaiting,
  type HireHistory,
  timeToHire,
  timeToHirePeriod,
  waitingCutoff,
  WAITING_SHOWN,
} from "~/domain/employer-dashboard";
import type { Explanation } from "~/domain/matching/score";
import type { SkillNames } from "~/domain/matching/json";
import { processWide } from "~/utils/process-wide.server";
import { bestMatchesFor } from "./best-matches.server";
import { matchIndexReady } from "./matching-index.server";

/** The company's open vacancies, newest first, each with its applications per stage. */
export async function openVacanciesWithStages(db: DB, companyId: number) {
  const rows = await db
    .selectFrom("vacancies as v")
    .leftJoin("applications as a", (join) => join.onRef("a.vacancy_id", "=", "v.id").on("a.status", "in", DASHBOARD_STAGES))
    .select(["v.id", "v.title", "v.deadline", "v.published_at", "a.status", (eb) => eb.fn.count<number>("a.id").as("n")])
    .where("v.company_id", "=", companyId)
    .where("v.status", "=", "open")
    .groupBy(["v.id", "a.status"])
    .orderBy("v.published_at", "desc")
    .orderBy("v.id", "desc")
    .execute();
  const byId = new Map<number, { id: number; title: string; deadline: string | null; stages: Record<DashboardStage, number> }>();
  for (const r of rows) {
    let v = byId.get(r.id);
    if (!v) byId.set(r.id, (v = { id: r.id, title: r.title, deadline: r.deadline, stages: { applied: 0, screening: 0, interview: 0, offer: 0 } }));
    if (r.status) v.stages[r.status as DashboardStage] = Number(r.n);
  }
  return [...byId.values()];
}

/**
 * Interviews of the company between two instants, soonest first: applications now at the interview
 * stage, with the time of that stage's latest event (application_events.interview_at, UTC). This is
 * the one query to change if interviews are stored elsewhere (issue 18 item 5).
 */
export async function interviewsBetween(db: DB, companyId: number, from: string, to: string) {
  const rows = await db
    .selectFrom("applications as a")
    .innerJoin("vacancies as v", "v.id", "a.vacancy_id")
    .innerJoin("graduates as g", "g.id", "a.graduate_id")
    .innerJoin("application_events as e", (join) =>
      join.onRef(
        "e.id",
        "=",
        sql<number>`(select max(e2.id) from application_events e2 where e2.application_id = a.id and e2.to_status = 'interview' and e2.interview_at is not null)`,
      ),
    )
    .select(["a.id", "v.title as vacancy_title", "g.first_name", "g.last_name", "e.interview_at", "e.interview_place"])
    .where("v.company_id", "=", companyId)
    .where("a.status", "=", "interview")
    .where("g.anonymised_at", "is", null)
    .where("e.interview_at", ">=", from)
    .where("e.interview_at", "<", to)
    .orderBy("e.interview_at")
    .orderBy("a.id")
    .execute();
  return rows.map((r) => ({
    applicationId: r.id,
    vacancy: r.vacancy_title,
    name: `${r.first_name} ${r.last_name}`,
    at: r.interview_at!,
    place: r.interview_place,
  }));
}

/**
 * Applications still at "applied" (the employer has not moved them: their first answer would have
 * moved them) whose latest "applied" event is older than the cutoff, oldest first: how many, and the
 * first `limit` with names; anonymised graduates' applications are left out, as in the applicants list.
 * An application's own row (with its snapshot) is large, so the count reads indexes only: the events'
 * (application_events_steps) and the short list of anonymised graduates (graduates_anonymised),
 * named because the planner otherwise scans a wider index (migration 0037, docs/decisions/072).
 */
export async function waitingForFirstAnswer(connection: Connection, companyId: number, cutoff: string, limit: number, now: Date) {
  const waiting = connection.sqlite
    .prepare(
      `select a.id, max(e.created_at) as applied_at
         from vacancies v
         join applications a on a.vacancy_id = v.id and a.status = 'applied'
         join application_events e indexed by application_events_steps on e.application_id = a.id and e.to_status = 'applied'
        where v.company_id = ?
          and a.graduate_id not in (select id from graduates indexed by graduates_anonymised where anonymised_at is not null)
        group by a.id
       having applied_at < ?
        order by applied_at, a.id`,
    )
    .raw(true)
    .all(companyId, cutoff) as [number, string][];
  const first = waiting.slice(0, limit);
  const rows = first.length
    ? await connection.db
        .selectFrom("applications as a")
        .innerJoin("vacancies as v", "v.id", "a.vacancy_id")
        .innerJoin("graduates as g", "g.id", "a.graduate_id")
        .select(["a.id", "v.id as vacancy_id", "v.title as vacancy_title", "g.first_name", "g.last_name"])
        .where(
          "a.id",
          "in",
          first.map(([id]) => id),
        )
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    count: waiting.length,
    items: first.map(([id, appliedAt]) => {
      const r = byId.get(id)!;
      return {
        applicationId: id,
        vacancyId: r.vacancy_id,
        vacancy: r.vacancy_title,
        name: `${r.first_name} ${r.last_name}`,
        appliedAt,
        days: daysWaiting(appliedAt, now),
      };
    }),
  };
}

/** What the company still has to do with its vacancies: the ones moderation returned (with the reason) and drafts not submitted. */
export async function vacanciesToDo(db: DB, companyId: number) {
  const rows = await db
    .selectFrom("vacancies")
    .select(["id", "title", "status", "reject_reason"])
    .where("company_id", "=", companyId)
    .where("status", "in", ["rejected", "draft"])
    .orderBy("updated_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return {
    returned: rows.filter((r) => r.status === "rejected").map((r) => ({ id: r.id, title: r.title, reason: r.reject_reason })),
    drafts: rows.filter((r) => r.status === "draft").map((r) => ({ id: r.id, title: r.title })),
  };
}

type Steps = [appliedAt: string | null, answeredAt: string | null, interviewAt: string | null, hiredAt: string | null];
const STEPS_SELECT = `e.application_id,
  min(case when e.to_status = 'applied' then e.created_at end),
  min(case when e.from_status = 'applied' and e.to_status in ('screening', 'rejected') then e.created_at end),
  min(case when e.to_status = 'interview' then e.created_at end),
  min(case when e.to_status = 'hired' then e.created_at end)`;
/** Per company: each application's first time at each step, as of the newest event read (events are only ever added). */
type StepsState = { lastEventId: number; byApplication: Map<number, Steps> };
const stepStates = processWide("employer-dashboard-steps", () => new WeakMap<Connection, Map<number, StepsState>>());
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/**
 * Each application's history as time-to-hire reads it, for applications made (their first
 * "applied" event) since `from`: the first answer is the employer's first move from "applied"
 * (screening or a rejection), then the first move to the interview stage and to "hired".
 * Application events are only ever added, so each company's steps are kept in memory and only the
 * events newer than the last one read are read again (docs/decisions/058-employer-dashboard.md);
 * the first read goes through the indexes and the events, never the applications' large rows.
 */
export function hireHistories(connection: Connection, companyId: number, from: string): HireHistory[] {
  const { sqlite } = connection;
  let companies = stepStates.get(connection);
  if (!companies) stepStates.set(connection, (companies = new Map<number, StepsState>()));
  const newest = (sqlite.prepare("select coalesce(max(id), 0) from application_events").pluck().get() as number) ?? 0;
  let state = companies.get(companyId);
  if (!state || newest < state.lastEventId) {
    const rows = sqlite
      .prepare(
        `select ${STEPS_SELECT} from vacancies v join applications a on a.vacancy_id = v.id join application_events e on e.application_id = a.id
          where v.company_id = ? and e.id <= ? group by e.application_id`,
      )
      .raw(true)
      .all(companyId, newest) as [number, ...Steps][];
    state = { lastEventId: newest, byApplication: new Map(rows.map(([id, ...steps]) => [id, steps])) };
    companies.set(companyId, state);
  } else if (newest > state.lastEventId) {
    const rows = sqlite
      .prepare(
        `select ${STEPS_SELECT} from application_events e join applications a on a.id = e.application_id join vacancies v on v.id = a.vacancy_id
          where e.id > ? and e.id <= ? and v.company_id = ? group by e.application_id`,
      )
      .raw(true)
      .all(state.lastEventId, newest, companyId) as [number, ...Steps][];
    for (const [id, ...steps] of rows) {
      const had = state.byApplication.get(id);
      state.byApplication.set(id, had ? (had.map((t, i) => earlier(t, steps[i]!)) as Steps) : steps);
    }
    state.lastEventId = newest;
  }
  const histories: HireHistory[] = [];
  for (const [appliedAt, answeredAt, interviewAt, hiredAt] of state.byApplication.values())
    if (appliedAt !== null && appliedAt >= from) histories.push({ appliedAt, answeredAt, interviewAt, hiredAt });
  return histories;
}

async function skillNamesOf(db: DB, explanations: Explanation[]): Promise<SkillNames> {
  const ids = new Set<number>();
  for (const e of explanations) for (const r of [...e.required, ...e.niceToHave]) ids.add(r.skillId);
  if (!ids.size) return {};
  const rows = await db
    .selectFrom("skills")
    .select(["id", "slug", "name_ky", "name_ru", "name_en"])
    .where("id", "in", [...ids])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, { slug: r.slug, name_ky: r.name_ky, name_ru: r.name_ru, name_en: r.name_en }]));
}

/** The best-matching graduates who have not applied, per open vacancy, with the names the page shows. */
export async function bestMatchesOf(connection: Connection, vacancyIds: number[]) {
  const { db } = connection;
  const applied = new Map<number, Set<number>>(vacancyIds.map((id) => [id, new Set<number>()]));
  if (vacancyIds.length) {
    // Invited counts as reached: the employer has already asked them. From the (vacancy, graduate) index alone.
    const rows = connection.sqlite
      .prepare(`select vacancy_id, graduate_id from applications where vacancy_id in (${vacancyIds.map(() => "?").join(",")})`)
      .raw(true)
      .all(...vacancyIds) as [number, number][];
    for (const [vacancyId, graduateId] of rows) applied.get(vacancyId)!.add(graduateId);
  }
  await matchIndexReady(connection); // loaded in the background at start: wait rather than hold the event loop
  const matches = bestMatchesFor(
    connection,
    vacancyIds.map((id) => ({ id, applied: applied.get(id)! })),
    BEST_MATCHES,
  );
  const all = [...matches.values()].flat();
  const people = all.length
    ? await db
        .selectFrom("graduates")
        .select(["id", "slug", "first_name", "last_name", "city"])
        .where(
          "id",
          "in",
          all.map((m) => m.graduateId),
        )
        .execute()
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  // Listed, but marked when their latest current outcome is "employed" (elsewhere: a portal placement
  // is left out by the ranking): they may still answer, the employer decides (decision 058, "Session 12").
  const latest = all.length
    ? await db
        .selectFrom("outcomes")
        .select(["graduate_id", "code"])
        .where("current", "=", 1)
        .where(
          "graduate_id",
          "in",
          all.map((m) => m.graduateId),
        )
        .orderBy("as_of")
        .orderBy("id")
        .execute()
    : [];
  const codeOf = new Map(latest.map((o) => [o.graduate_id, o.code]));
  const skills = await skillNamesOf(
    db,
    all.map((m) => m.explanation),
  );
  const perVacancy = new Map(
    [...matches].map(([vacancyId, list]) => [
      vacancyId,
      list.map(({ graduateId, explanation }) => {
        const g = byId.get(graduateId)!;
        return { slug: g.slug, name: `${g.first_name} ${g.last_name}`, city: g.city, explanation, employed: codeOf.get(graduateId) === "employed" };
      }),
    ]),
  );
  return { perVacancy, skills };
}

/** What the dashboard of a verified company shows besides its to-do list. */
export type HiringDashboard = NonNullable<Awaited<ReturnType<typeof employerDashboard>>["hiring"]>;
export type VacanciesToDo = Awaited<ReturnType<typeof vacanciesToDo>>;

/**
 * Everything the dashboard shows, read at `now`: what the company still has to do, and for a verified
 * company (whose candidates and applicants it may see) the rest; null for a pending or rejected one.
 */
export async function employerDashboard(connection: Connection, companyId: number, options: { verified: boolean; now?: Date }) {
  const { db } = connection;
  const now = options.now ?? new Date();
  if (!options.verified) return { toDo: await vacanciesToDo(db, companyId), hiring: null };
  const week = bishkekWeek(now);
  const period = timeToHirePeriod(now);
  const [vacancies, interviews, waiting, toDo] = await Promise.all([
    openVacanciesWithStages(db, companyId),
    interviewsBetween(db, companyId, week.from, week.to),
    waitingForFirstAnswer(connection, companyId, waitingCutoff(now), WAITING_SHOWN, now),
    vacanciesToDo(db, companyId),
  ]);
  const histories = hireHistories(connection, companyId, period.from);
  const { perVacancy, skills } = await bestMatchesOf(
    connection,
    vacancies.map((v) => v.id),
  );
  return {
    toDo,
    hiring: {
      vacancies: vacancies.map((v) => ({ id: v.id, title: v.title, deadline: v.deadline, stages: v.stages, matches: perVacancy.get(v.id) ?? [] })),
      skills,
      week: { firstDay: week.firstDay, lastDay: week.lastDay },
      interviews,
      waiting,
      timeToHire: { ...timeToHire(histories), since: period.firstDay },
    },
  };
}
