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
import { bestMatchesFor } from "./best-matches.server";

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
 * moved them) whose latest "applied" event is older than the cutoff, oldest first: how many, and the first `limit`.
 */
export async function waitingForFirstAnswer(db: DB, companyId: number, cutoff: string, limit: number, now: Date) {
  const appliedAt = sql<string>`(select max(e.created_at) from application_events e where e.application_id = a.id and e.to_status = 'applied')`;
  const rows = await db
    .selectFrom("applications as a")
    .innerJoin("vacancies as v", "v.id", "a.vacancy_id")
    .innerJoin("graduates as g", "g.id", "a.graduate_id")
    .select(["a.id", "v.id as vacancy_id", "v.title as vacancy_title", "g.first_name", "g.last_name", appliedAt.as("applied_at")])
    .where("v.company_id", "=", companyId)
    .where("a.status", "=", "applied")
    .where("g.anonymised_at", "is", null)
    .where(appliedAt, "<", cutoff)
    .orderBy("applied_at")
    .orderBy("a.id")
    .execute();
  return {
    count: rows.length,
    items: rows.slice(0, limit).map((r) => ({
      applicationId: r.id,
      vacancyId: r.vacancy_id,
      vacancy: r.vacancy_title,
      name: `${r.first_name} ${r.last_name}`,
      appliedAt: r.applied_at,
      days: daysWaiting(r.applied_at, now),
    })),
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

/**
 * Each application's history as time-to-hire reads it, for applications made (their first
 * "applied" event) since `from`: the first answer is the employer's first move from "applied"
 * (screening or a rejection), then the first move to the interview stage and to "hired".
 */
export async function hireHistories(db: DB, companyId: number, from: string): Promise<HireHistory[]> {
  const rows = await db
    .selectFrom("application_events as e")
    .innerJoin("applications as a", "a.id", "e.application_id")
    .innerJoin("vacancies as v", "v.id", "a.vacancy_id")
    .select([
      sql<string>`min(case when e.to_status = 'applied' then e.created_at end)`.as("applied_at"),
      sql<string | null>`min(case when e.from_status = 'applied' and e.to_status in ('screening', 'rejected') then e.created_at end)`.as("answered_at"),
      sql<string | null>`min(case when e.to_status = 'interview' then e.created_at end)`.as("interview_at"),
      sql<string | null>`min(case when e.to_status = 'hired' then e.created_at end)`.as("hired_at"),
    ])
    .where("v.company_id", "=", companyId)
    .where("a.updated_at", ">=", from)
    .groupBy("a.id")
    .having(sql`min(case when e.to_status = 'applied' then e.created_at end)`, ">=", from)
    .execute();
  return rows.map((r) => ({ appliedAt: r.applied_at, answeredAt: r.answered_at, interviewAt: r.interview_at, hiredAt: r.hired_at }));
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
    // Invited counts as reached: the employer has already asked them.
    const rows = await db.selectFrom("applications").select(["vacancy_id", "graduate_id"]).where("vacancy_id", "in", vacancyIds).execute();
    for (const r of rows) applied.get(r.vacancy_id)!.add(r.graduate_id);
  }
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
  const skills = await skillNamesOf(
    db,
    all.map((m) => m.explanation),
  );
  const perVacancy = new Map(
    [...matches].map(([vacancyId, list]) => [
      vacancyId,
      list.map(({ graduateId, explanation }) => {
        const g = byId.get(graduateId)!;
        return { slug: g.slug, name: `${g.first_name} ${g.last_name}`, city: g.city, explanation };
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
  const [vacancies, interviews, waiting, toDo, histories] = await Promise.all([
    openVacanciesWithStages(db, companyId),
    interviewsBetween(db, companyId, week.from, week.to),
    waitingForFirstAnswer(db, companyId, waitingCutoff(now), WAITING_SHOWN, now),
    vacanciesToDo(db, companyId),
    hireHistories(db, companyId, period.from),
  ]);
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
