// The demo's interviews and offers (issue 18 item 8; docs/decisions/061-interview-slots-and-offers.md),
// made by the same model functions the forms call: on the demo employer's company, slots proposed and
// waiting, one confirmed, one moved (rescheduled, the calendar entry's SEQUENCE 1), one where the
// candidate asked for another time; graduate@demo.kg has an upcoming confirmed interview (its calendar
// file is the outbox row's, built at delivery) and an open offer. Runs before seedOutbox, whose last step
// marks every queued message "not sent: demo" (demo addresses are never e-mailed).
import type { DB } from "../connection";
import { bishkekDayStartUtc, todayInBishkek } from "../../app/domain/calendar";
import { apply, move } from "../../app/models/applications.server";
import { askAnotherTime, pickSlot, proposeInterviews, recordInterviewOutcome } from "../../app/models/interviews.server";
import { makeOffer } from "../../app/models/offers.server";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const PLACE = "Бишкек, ул. Ибраимова 115, ПВТ, 3 этаж";
const VIDEO = "https://meet.jit.si/ala-too-interview";

/** `days` from today at `hour`:00 in Bishkek, as a UTC instant. */
function at(days: number, hour: number, today: string): string {
  return new Date(Date.parse(bishkekDayStartUtc(today)) + days * DAY + hour * HOUR).toISOString();
}

const slots = (starts: string[], minutes: number) => starts.map((start) => ({ start, end: new Date(Date.parse(start) + minutes * 60_000).toISOString() }));

/** The employer screens an application that was only applied to, before the interview is proposed (polish: every step had the seed's minute). */
async function screen(db: DB, companyId: number, applicationId: number, employerId: number, when: Date): Promise<void> {
  const app = await db.selectFrom("applications").select("status").where("id", "=", applicationId).executeTakeFirstOrThrow();
  if (app.status !== "applied") return;
  const moved = await move(
    db,
    companyId,
    applicationId,
    { to: "screening", note: null, interviewAt: null, interviewPlace: null, startDate: null, monthlyPay: null },
    employerId,
    when,
  );
  if (!moved.ok) throw new Error(`demo: screening application ${applicationId} refused (${moved.reason})`);
}

/**
 * `days` before today, in working hours, but after the application's last step (when that is later, a quarter of the way
 * from it to now): each step of a history the demo writes happens at its own time, in order (polish).
 */
async function daysAgo(db: DB, applicationId: number, days: number, now: Date): Promise<Date> {
  const last = await db
    .selectFrom("application_events")
    .select((eb) => eb.fn.max("created_at").as("at"))
    .where("application_id", "=", applicationId)
    .executeTakeFirst();
  // In working hours in Bishkek (10:00–17:00), not at the minute of the night the demo happened to be made.
  const wanted = Date.parse(at(-days, 10 + ((days * 3 + applicationId) % 8), todayInBishkek(now)));
  const after = last?.at ? Date.parse(last.at) : 0;
  return new Date(wanted > after ? wanted : Math.min(after + (now.getTime() - after) / 4, now.getTime()));
}

async function firstSlot(db: DB, applicationId: number): Promise<number> {
  const row = await db
    .selectFrom("interview_slots")
    .innerJoin("interviews", "interviews.id", "interview_slots.interview_id")
    .select("interview_slots.id")
    .where("interviews.application_id", "=", applicationId)
    .where("interviews.status", "=", "proposed")
    .orderBy("interview_slots.starts_at")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedInterviewsAndOffers(db: DB, accounts: { employer: string; graduate: string }, now = new Date()): Promise<void> {
  const today = todayInBishkek(now);
  const employer = await db
    .selectFrom("users")
    .innerJoin("company_members", "company_members.user_id", "users.id")
    .select(["users.id", "company_members.company_id"])
    .where("users.email", "=", accounts.employer)
    .executeTakeFirst();
  if (!employer) return;
  const companyId = employer.company_id;

  // graduate@demo.kg applies to two open vacancies of the demo company (or uses the applications she has).
  const aiperi = await db
    .selectFrom("graduates")
    .innerJoin("users", "users.id", "graduates.user_id")
    .select(["graduates.id", "graduates.user_id", "graduates.first_name", "graduates.last_name"])
    .where("users.email", "=", accounts.graduate)
    .executeTakeFirst();
  const vacancies = await db
    .selectFrom("vacancies")
    .select("id")
    .where("company_id", "=", companyId)
    .where("status", "=", "open")
    .where((eb) => eb.or([eb("deadline", "is", null), eb("deadline", ">=", today)]))
    .orderBy("id")
    .execute();
  if (aiperi && aiperi.user_id !== null) {
    // Applied twelve days ago (the apply form's own write, at that time): the interview held last week follows it.
    const applied = new Date(at(-12, 14, today));
    const own: number[] = [];
    for (const v of vacancies) {
      if (own.length === 2) break;
      const existing = await db
        .selectFrom("applications")
        .select(["id", "status"])
        .where("graduate_id", "=", aiperi.id)
        .where("vacancy_id", "=", v.id)
        .executeTakeFirst();
      if (existing && ["applied", "screening"].includes(existing.status)) own.push(existing.id);
      else if (!existing) {
        const r = await apply(
          db,
          { ...aiperi, user_id: aiperi.user_id },
          v.id,
          { note: "Здравствуйте! Буду рада рассказать о своих проектах на React.", projectIds: [] },
          aiperi.user_id,
          applied,
        );
        if (r.ok) {
          own.push(r.id);
        }
      }
    }
    const [upcoming, offered] = own;
    if (upcoming !== undefined) {
      // Screened after a few days, times proposed two days ago, one picked yesterday.
      await screen(db, companyId, upcoming, employer.id, await daysAgo(db, upcoming, 8, now));
      const proposed = await daysAgo(db, upcoming, 2, now);
      // An upcoming confirmed interview: two slots proposed (an "applied" application passes through screening), the first picked.
      await proposeInterviews(
        db,
        companyId,
        [upcoming],
        { slots: slots([at(3, 10, today), at(4, 15, today)], 60), minutes: 60, place: PLACE, reason: null },
        employer.id,
        proposed,
      );
      await pickSlot(db, aiperi.id, upcoming, await firstSlot(db, upcoming), aiperi.user_id, await daysAgo(db, upcoming, 1, now));
    }
    if (offered !== undefined) {
      // Screened ten days ago; an interview held last week (proposed nine days ago, picked the day after), its outcome
      // recorded the day after it, and an open offer made two days ago, answering in a week.
      await screen(db, companyId, offered, employer.id, await daysAgo(db, offered, 10, now));
      const lastWeek = await daysAgo(db, offered, 9, now);
      await proposeInterviews(
        db,
        companyId,
        [offered],
        { slots: slots([at(-7, 11, today)], 45), minutes: 45, place: VIDEO, reason: null },
        employer.id,
        lastWeek,
      );
      await pickSlot(db, aiperi.id, offered, await firstSlot(db, offered), aiperi.user_id, await daysAgo(db, offered, 8, now));
      await recordInterviewOutcome(
        db,
        companyId,
        offered,
        "passed",
        "Сильное тестовое задание, хорошо объясняет решения.",
        employer.id,
        await daysAgo(db, offered, 6, now),
      );
      const startDate = todayInBishkek(now.getTime() + 30 * DAY);
      await makeOffer(
        db,
        companyId,
        offered,
        { startDate, monthlyPay: 45_000, answerBy: todayInBishkek(now.getTime() + 7 * DAY), note: "Ждём вас в команде!" },
        employer.id,
        await daysAgo(db, offered, 2, now),
      );
    }
  }

  // Other applicants of the demo company: slots waiting, a moved interview, a request for another time.
  const others = await db
    .selectFrom("applications")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
    .innerJoin("graduates", "graduates.id", "applications.graduate_id")
    .select(["applications.id", "applications.status", "applications.graduate_id", "graduates.user_id"])
    .where("vacancies.company_id", "=", companyId)
    // An application at "interview" with decision 056's single time is moved onto slots like any other.
    .where("applications.status", "in", ["applied", "screening", "interview"])
    .where("graduates.user_id", "is not", null)
    .where("graduates.id", "!=", aiperi?.id ?? 0)
    .orderBy((eb) => eb.case().when("applications.status", "=", "interview").then(1).else(0).end())
    .orderBy("applications.id")
    .limit(3)
    .execute();
  const [waiting, moved, another] = others;
  if (waiting) {
    await screen(db, companyId, waiting.id, employer.id, await daysAgo(db, waiting.id, 4, now));
    await proposeInterviews(
      db,
      companyId,
      [waiting.id],
      { slots: slots([at(5, 10, today), at(5, 14, today), at(6, 11, today)], 60), minutes: 60, place: PLACE, reason: null },
      employer.id,
      await daysAgo(db, waiting.id, 1, now),
    );
  }
  if (moved) {
    // Screened, a time proposed and picked last week; moved online three days ago, the new time picked the next day.
    await screen(db, companyId, moved.id, employer.id, await daysAgo(db, moved.id, 9, now));
    await proposeInterviews(
      db,
      companyId,
      [moved.id],
      { slots: slots([at(2, 16, today)], 60), minutes: 60, place: PLACE, reason: null },
      employer.id,
      await daysAgo(db, moved.id, 7, now),
    );
    await pickSlot(db, moved.graduate_id, moved.id, await firstSlot(db, moved.id), moved.user_id!, await daysAgo(db, moved.id, 6, now));
    await proposeInterviews(
      db,
      companyId,
      [moved.id],
      {
        slots: slots([at(6, 16, today), at(7, 10, today)], 60),
        minutes: 60,
        place: VIDEO,
        reason: "Руководитель команды в командировке, переносим на онлайн.",
      },
      employer.id,
      await daysAgo(db, moved.id, 3, now),
    );
    await pickSlot(db, moved.graduate_id, moved.id, await firstSlot(db, moved.id), moved.user_id!, await daysAgo(db, moved.id, 2, now));
  }
  if (another) {
    await screen(db, companyId, another.id, employer.id, await daysAgo(db, another.id, 5, now));
    await proposeInterviews(
      db,
      companyId,
      [another.id],
      { slots: slots([at(1, 9, today)], 30), minutes: 30, place: VIDEO, reason: null },
      employer.id,
      await daysAgo(db, another.id, 3, now),
    );
    await askAnotherTime(
      db,
      another.graduate_id,
      another.id,
      "В эти дни я на экзаменах, удобно после 16:00 на следующей неделе.",
      another.user_id!,
      await daysAgo(db, another.id, 2, now),
    );
  }
}
