// The demo's outbox (docs/product.md §13): the messages the demo's recent invitations and stage
// moves would have sent, written by the same function the app's moves call, then marked "not sent:
// demo" — demo addresses are never e-mailed, even when SMTP_URL is set later (docs/decisions/057-one-way-to-tell.md).
// An admin sees in /admin/outbox what would have gone.
import type { DB } from "../connection";
import { queueMessage } from "../../app/models/outbox.server";

/** The reason /admin/outbox shows for the demo's messages (outbox.reason.demo). */
export const DEMO_NOT_SENT = "demo";

const RECENT_DAYS = 21;
const MOST = 400;

export async function seedOutbox(db: DB, now: Date): Promise<number> {
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString();
  const events = await db
    .selectFrom("application_events as e")
    .innerJoin("applications as a", "a.id", "e.application_id")
    .innerJoin("graduates as g", "g.id", "a.graduate_id")
    .innerJoin("vacancies as v", "v.id", "a.vacancy_id")
    .innerJoin("companies as c", "c.id", "v.company_id")
    .select(["e.id", "e.to_status", "e.created_at", "a.id as application_id", "g.user_id", "v.title", "c.name as company"])
    .where("e.created_at", ">=", since)
    .where("g.user_id", "is not", null)
    // The graduate's own steps (applying, withdrawing) send them nothing.
    .where("e.to_status", "not in", ["applied", "withdrawn"])
    .orderBy("e.created_at", "desc")
    .limit(MOST)
    .execute();
  for (const e of events.reverse()) {
    const invited = e.to_status === "invited";
    await queueMessage(db, {
      userId: e.user_id!,
      kind: invited ? "application-invited" : "application-status",
      eventKey: e.id,
      vars: invited ? { company: e.company, vacancy: e.title } : { vacancy: e.title, company: e.company, status: e.to_status },
      link: `/me/applications/${e.application_id}`,
      at: e.created_at,
    });
  }
  await markDemoMessagesNotSent(db);
  return events.length;
}

/**
 * Every queued message in the demo database becomes "not sent: demo", whichever function wrote it:
 * a demo account's address is invented, and a portal that configures SMTP later must not mail it.
 * Called at the end of the generator, which runs only on a database without accounts.
 */
export async function markDemoMessagesNotSent(db: DB): Promise<number> {
  const r = await db
    .updateTable("outbox")
    .set({ status: "not_sent", last_error: DEMO_NOT_SENT, lease: null })
    .where("status", "=", "queued")
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
