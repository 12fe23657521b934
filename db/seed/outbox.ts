// The demo's outbox (docs/product.md §13): the messages the demo's recent invitations and stage
// moves would have sent, written by the same function the app's moves call. Without SMTP the
// server marks them "not sent: no channel configured", and those older than the outbox's set age
// "expired" — what an admin of a portal without e-mail sees.
import type { DB } from "../connection";
import { queueMessage } from "../../app/models/outbox.server";

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
  return events.length;
}
