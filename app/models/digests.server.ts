// The daily digests (docs/product.md §13, docs/decisions/053-message-preferences-and-digests.md):
// what each digest lists, written to the outbox as one message per person with the key
// `<kind>.<Bishkek day>.<user>.<channel>`, so a second run of the same day writes nothing. Only
// people who read the topic as a digest get one; a person with nothing to read gets none. Queries only.
import { sql } from "kysely";
import type { DB } from "@db/connection";
import { type DigestItem, encodeItems, MAX_DIGEST_ITEMS } from "~/domain/messages/digest";
import { MESSAGE_KINDS } from "~/domain/messages/kinds";
import { parseBoardQuery } from "~/domain/vacancies/board-query";
import { searchVacancies } from "./board.server";
import { digestReaders } from "./message-preferences.server";
import { queueMessage } from "./outbox.server";
import { listFollowUps } from "./outcomes.server";

/** The span a run covers: from the end of the previous run (or a day before) to now; `day` is the Bishkek day of the run. */
export type DigestWindow = { day: string; since: string; until: string; today: string };

/**
 * (a) Graduates' saved searches: the public vacancies published in the window that match any of
 * their searches, one message listing them (a vacancy found by two searches is listed once).
 */
export async function queueSavedSearchDigests(db: DB, w: DigestWindow): Promise<number> {
  const readers = await digestReaders(db, MESSAGE_KINDS["saved-search-digest"].topic, MESSAGE_KINDS["saved-search-digest"].roles);
  if (readers.length === 0) return 0;
  const { rows: fresh } = await sql<{ id: number }>`select v.id from vacancies v join companies c on c.id = v.company_id
    where v.status = 'open' and c.status = 'verified' and v.published_at > ${w.since} and v.published_at <= ${w.until}`.execute(db);
  if (fresh.length === 0) return 0;
  const ids = fresh.map((v) => v.id);
  const searches = await db
    .selectFrom("saved_searches")
    .select(["user_id", "name", "query"])
    .where("user_id", "in", readers)
    .orderBy("user_id")
    .orderBy("id")
    .execute();
  const byUser = new Map<number, DigestItem[]>();
  const seen = new Map<number, Set<number>>();
  for (const s of searches) {
    const found = await searchVacancies(db, { ...parseBoardQuery(s.query), page: 1, pageSize: MAX_DIGEST_ITEMS + 1, sort: "newest", onlyIds: ids });
    const items = byUser.get(s.user_id) ?? [];
    const listed = seen.get(s.user_id) ?? new Set<number>();
    for (const v of found.items) {
      if (listed.has(v.id)) continue;
      listed.add(v.id);
      items.push({ key: "digest.vacancyLine", vars: { title: v.title, company: v.company_name, search: s.name }, link: `/vacancies/${v.id}` });
    }
    byUser.set(s.user_id, items);
    seen.set(s.user_id, listed);
  }
  let queued = 0;
  for (const [userId, items] of byUser) {
    if (items.length === 0) continue;
    await queueMessage(db, {
      userId,
      kind: "saved-search-digest",
      eventKey: w.day,
      vars: { n: items.length, ...encodeItems(items) },
      link: "/me/saved-searches",
    });
    queued++;
  }
  return queued;
}

/** (b) Employers: the applications their company received in the window (new, or an invitation accepted), one message per member. */
export async function queueApplicationsDigests(db: DB, w: DigestWindow): Promise<number> {
  const readers = await digestReaders(db, MESSAGE_KINDS["applications-digest"].topic, MESSAGE_KINDS["applications-digest"].roles);
  if (readers.length === 0) return 0;
  const rows = await db
    .selectFrom("company_members as m")
    .innerJoin("vacancies as v", "v.company_id", "m.company_id")
    .innerJoin("applications as a", "a.vacancy_id", "v.id")
    .innerJoin("graduates as g", "g.id", "a.graduate_id")
    .select(["m.user_id", "a.id", "v.title", "g.first_name", "g.last_name"])
    .where("m.user_id", "in", readers)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("application_events as e")
          .select("e.id")
          .whereRef("e.application_id", "=", "a.id")
          .where("e.to_status", "=", "applied")
          .where("e.created_at", ">", w.since)
          .where("e.created_at", "<=", w.until),
      ),
    )
    .orderBy("m.user_id")
    .orderBy("a.id")
    .execute();
  const byUser = new Map<number, DigestItem[]>();
  for (const r of rows) {
    const items = byUser.get(r.user_id) ?? [];
    items.push({
      key: "digest.applicationLine",
      vars: { graduate: `${r.first_name} ${r.last_name}`, vacancy: r.title },
      link: `/employer/applications/${r.id}`,
    });
    byUser.set(r.user_id, items);
  }
  for (const [userId, items] of byUser) {
    await queueMessage(db, {
      userId,
      kind: "applications-digest",
      eventKey: w.day,
      vars: { n: items.length, ...encodeItems(items) },
      link: "/employer/applicants",
    });
  }
  return byUser.size;
}

/** What waits for staff: companies to verify, vacancies to review, graduates due at a checkpoint (the follow-up list). */
export async function staffWaiting(db: DB, today: string): Promise<{ companies: number; vacancies: number; checkpoints: number }> {
  const [companies, vacancies, followUps] = await Promise.all([
    db
      .selectFrom("companies")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("status", "=", "pending")
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("vacancies")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("status", "=", "submitted")
      .executeTakeFirstOrThrow(),
    listFollowUps(db, { schoolId: null, cohortId: null, page: 1 }, today, 1),
  ]);
  return { companies: Number(companies.n), vacancies: Number(vacancies.n), checkpoints: followUps.total };
}

/** (c) Staff: the counts with links, to every staff member and admin who reads it; nothing when all are zero. */
export async function queueStaffDigests(db: DB, w: DigestWindow): Promise<number> {
  const waiting = await staffWaiting(db, w.today);
  const items: DigestItem[] = [
    { key: "digest.staff.companies", vars: { n: waiting.companies }, link: "/staff/companies" },
    { key: "digest.staff.vacancies", vars: { n: waiting.vacancies }, link: "/staff/vacancies" },
    { key: "digest.staff.checkpoints", vars: { n: waiting.checkpoints }, link: "/staff/outcomes/follow-up" },
  ].filter((i) => Number(i.vars.n) > 0);
  if (items.length === 0) return 0;
  const readers = await digestReaders(db, MESSAGE_KINDS["staff-digest"].topic, MESSAGE_KINDS["staff-digest"].roles);
  for (const userId of readers) {
    await queueMessage(db, { userId, kind: "staff-digest", eventKey: w.day, vars: { n: items.length, ...encodeItems(items) }, link: "/staff" });
  }
  return readers.length;
}
