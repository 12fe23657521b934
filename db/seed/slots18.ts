// The demo's interviews and offers (issue 18 item 8; docs/decisions/061-interview-slots-and-offers.md),
// made by the same model functions the forms call: on the demo employer's company, slots proposed and
// waiting, one confirmed, one moved (rescheduled, the calendar entry's SEQUENCE 1), one where the
// candidate asked for another time; graduate@demo.kg has an upcoming confirmed interview (its calendar
// file is the outbox row's, built at delivery) and an open offer. Runs before seedOutbox, whose last step
// marks every queued message "not sent: demo" (demo addresses are never e-mailed).
import type { DB } from "../connection";
import { bishkekDayStartUtc, todayInBishkek } from "../../app/domain/calendar";
import { apply } from "../../app/models/applications.server";
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
    const own: number[] = [];
    const created = new Set<number>();
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
        );
        if (r.ok) {
          own.push(r.id);
          created.add(r.id);
        }
      }
    }
    // Applied twelve days ago (the apply form's own write, dated back): the interview held last week follows it.
    const applied = new Date(now.getTime() - 12 * DAY).toISOString();
    // An application she already had keeps its own dates.
    for (const id of created) {
      await db.updateTable("applications").set({ created_at: applied, updated_at: applied }).where("id", "=", id).execute();
      await db.updateTable("application_events").set({ created_at: applied, updated_at: applied }).where("application_id", "=", id).execute();
    }
    const [upcoming, offered] = own;
    if (upcoming !== undefined) {
      // An upcoming confirmed interview: two slots proposed (an "applied" application passes through screening), the first picked.
      await proposeInterviews(
        db,
        companyId,
        [upcoming],
        { slots: slots([at(3, 10, today), at(4, 15, today)], 60), minutes: 60, place: PLACE, reason: null },
        employer.id,
        now,
      );
      await pickSlot(db, aiperi.id, upcoming, await firstSlot(db, upcoming), aiperi.user_id, now);
    }
    if (offered !== undefined) {
      // An interview held last week (proposed and picked then), its outcome recorded, and an open offer answering in a week.
      const lastWeek = new Date(now.getTime() - 9 * DAY);
      await proposeInterviews(
        db,
        companyId,
        [offered],
        { slots: slots([at(-7, 11, today)], 45), minutes: 45, place: VIDEO, reason: null },
        employer.id,
        lastWeek,
      );
      await pickSlot(db, aiperi.id, offered, await firstSlot(db, offered), aiperi.user_id, lastWeek);
      await recordInterviewOutcome(db, companyId, offered, "passed", "Сильное тестовое задание, хорошо объясняет решения.", employer.id, now);
      const startDate = todayInBishkek(now.getTime() + 30 * DAY);
      await makeOffer(
        db,
        companyId,
        offered,
        { startDate, monthlyPay: 45_000, answerBy: todayInBishkek(now.getTime() + 7 * DAY), note: "Ждём вас в команде!" },
        employer.id,
        now,
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
  if (waiting)
    await proposeInterviews(
      db,
      companyId,
      [waiting.id],
      { slots: slots([at(5, 10, today), at(5, 14, today), at(6, 11, today)], 60), minutes: 60, place: PLACE, reason: null },
      employer.id,
      now,
    );
  if (moved) {
    await proposeInterviews(db, companyId, [moved.id], { slots: slots([at(2, 16, today)], 60), minutes: 60, place: PLACE, reason: null }, employer.id, now);
    await pickSlot(db, moved.graduate_id, moved.id, await firstSlot(db, moved.id), moved.user_id!, now);
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
      now,
    );
    await pickSlot(db, moved.graduate_id, moved.id, await firstSlot(db, moved.id), moved.user_id!, now);
  }
  if (another) {
    await proposeInterviews(db, companyId, [another.id], { slots: slots([at(1, 9, today)], 30), minutes: 30, place: VIDEO, reason: null }, employer.id, now);
    await askAnotherTime(db, another.graduate_id, another.id, "В эти дни я на экзаменах, удобно после 16:00 на следующей неделе.", another.user_id!, now);
  }
}
