// The interview's messages in the outbox (docs/product.md §13, §15; docs/decisions/056-interview-messages.md):
// the details when an application moves to "interview", and the reminder the day before, written at
// the same time and due 24 hours ahead — no scheduler. Leaving the stage (or moving the interview)
// cancels a reminder not yet sent. Queries only; called inside the event's transaction.
import { sql } from "kysely";
import type { DB } from "@db/connection";
import { INTERVIEW_DETAILS, INTERVIEW_REMINDER, type InterviewVars, reminderDueAt } from "~/domain/messages/interview";
import { idemKeyOf, queueMessage } from "./outbox.server";

export type InterviewSet = {
  applicationId: number;
  /** The graduate's account. */
  userId: number;
  /** The application_events row that set the interview: the messages' event key. */
  eventId: number;
  vacancy: string;
  company: string;
  /** UTC ISO. */
  at: string;
  place: string;
  now: Date;
};

/**
 * The interview was set (or moved): its details go now, its reminder is written due 24 hours before
 * (none when it is nearer than that), and a reminder of an earlier time still waiting is cancelled.
 * Inside the event's transaction, so the worker never sees the reminder before it is made due later.
 */
export async function queueInterviewMessages(db: DB, s: InterviewSet): Promise<void> {
  await cancelInterviewReminders(db, s.applicationId, s.now);
  // Each earlier time set for this application is an earlier version of the same calendar entry.
  const earlier = await db
    .selectFrom("application_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("application_id", "=", s.applicationId)
    .where("to_status", "=", "interview")
    .where("interview_at", "is not", null)
    .where("id", "<", s.eventId)
    .executeTakeFirstOrThrow();
  const vars: InterviewVars = {
    vacancy: s.vacancy,
    company: s.company,
    at: s.at,
    place: s.place,
    application: s.applicationId,
    sequence: Number(earlier.n),
    stamp: s.now.toISOString(),
  };
  const link = `/me/applications/${s.applicationId}`;
  await queueMessage(db, { userId: s.userId, kind: INTERVIEW_DETAILS, eventKey: s.eventId, vars, link });
  const due = reminderDueAt(s.at, s.now);
  if (!due) return;
  const reminder = { userId: s.userId, kind: INTERVIEW_REMINDER, eventKey: s.eventId } as const;
  await queueMessage(db, { userId: s.userId, kind: INTERVIEW_REMINDER, eventKey: s.eventId, vars, link });
  await db
    .updateTable("outbox")
    .set({ next_attempt_at: due, due_at: due })
    .where("idem_key", "in", [idemKeyOf(db, reminder, "email"), idemKeyOf(db, reminder, "telegram")])
    .where("status", "=", "queued")
    .execute();
}

/** The application left the interview stage, or its interview moved: a reminder not yet sent is not sent ("cancelled"). */
export async function cancelInterviewReminders(db: DB, applicationId: number, now: Date): Promise<number> {
  const r = await db
    .updateTable("outbox")
    .set({ status: "not_sent", last_error: "cancelled", lease: null, updated_at: now.toISOString() })
    .where("kind", "=", INTERVIEW_REMINDER)
    .where("status", "=", "queued")
    // The graduate's rows (the outbox_user index), then this application's among them.
    .where("user_id", "in", (eb) =>
      eb
        .selectFrom("applications")
        .innerJoin("graduates", "graduates.id", "applications.graduate_id")
        .select("graduates.user_id")
        .where("applications.id", "=", applicationId)
        .where("graduates.user_id", "is not", null)
        .$narrowType<{ user_id: number }>(),
    )
    .where(sql<number>`json_extract(payload_json, '$.application')`, "=", applicationId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
