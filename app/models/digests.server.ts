// The daily digests (docs/product.md §13, docs/decisions/053-message-preferences-and-digests.md):
// what each digest lists, written to the outbox as one message per person with the key
// `<kind>.<Bishkek day>.<user>.<channel>`, so a second run of the same day writes nothing. A digest
// lists what was left to it when it happened (the notification's via_digest, decision 062), so a
// switch of mode between the event and the digest loses nothing; a person with nothing to read gets
// none. Each digest is written for a batch of recipients at a time (app/server/scheduled-jobs.ts). Queries only.
import { sql } from "kysely";
import type { DB } from "@db/connection";
import { type DigestItem, encodeItems, MAX_DIGEST_ITEMS } from "~/domain/messages/digest";
import { effectiveChoice, MESSAGE_KINDS, type MessageKind, type MessageTopic } from "~/domain/messages/kinds";
import { parseBoardQuery } from "~/domain/vacancies/board-query";
import { searchVacancies } from "./board.server";
import { digestReaders } from "./message-preferences.server";
import { queueMessage } from "./outbox.server";
import { listFollowUps } from "./outcomes.server";
import { schoolIdsOf } from "~/domain/staff/scope";
import { staffScopeOf } from "./staff-scopes.server";

/** The span a run covers: from the end of the previous run (or a day before) to now; `day` is the Bishkek day of the run. */
export type DigestWindow = { day: string; since: string; until: string; today: string };

/**
 * A daily digest, run recipient batch by batch (each batch one short transaction, decision 062):
 * `recipients` names the next people after a user id (ascending), `queueFor` writes their digests.
 */
export type DigestJob = {
  name: string;
  recipients(db: DB, w: DigestWindow, afterUser: number, limit: number): Promise<number[]>;
  queueFor(db: DB, w: DigestWindow, userIds: readonly number[]): Promise<number>;
};

/** The at-once kinds a digest stands for: every instant kind of its topic (the registry decides, not a list here). */
function instantKindsOf(topic: MessageTopic): MessageKind[] {
  return (Object.keys(MESSAGE_KINDS) as MessageKind[]).filter((k) => MESSAGE_KINDS[k].topic === topic && MESSAGE_KINDS[k].form === "instant");
}

/** The stored choices of a topic for some people (absent: never changed). */
async function choicesOf(db: DB, topic: MessageTopic, userIds: readonly number[]) {
  const rows = await db
    .selectFrom("message_preferences")
    .select(["user_id", "email", "telegram", "mode"])
    .where("topic", "=", topic)
    .where("user_id", "in", userIds)
    .execute();
  const byUser = new Map(rows.map((r) => [r.user_id, r]));
  return (userId: number) => {
    const r = byUser.get(userId);
    return effectiveChoice(topic, {
      ...(r?.email == null ? {} : { email: r.email === 1 }),
      ...(r?.telegram == null ? {} : { telegram: r.telegram === 1 }),
      ...(r?.mode == null ? {} : { mode: r.mode }),
    });
  };
}

const SAVED_TOPIC = MESSAGE_KINDS["saved-search-digest"].topic;

/**
 * (a) Graduates' saved searches: the public vacancies published in the window that match any of
 * their searches, one message listing them (a vacancy found by two searches is listed once). A
 * vacancy is listed when the "new vacancies" notice that first told the person about it was left to
 * the digest (decision 062: whatever their mode is now), and, when no notice names it (a search saved
 * after it was published), when they read the topic as a digest now. A notice sent at once is never
 * repeated here.
 */
export const savedSearchDigest: DigestJob = {
  name: "saved-search-digest",
  async recipients(db, _w, afterUser, limit) {
    const rows = await db
      .selectFrom("saved_searches as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .select("s.user_id")
      .distinct()
      .where("s.user_id", ">", afterUser)
      .where("u.active", "=", 1)
      .where("u.role", "in", MESSAGE_KINDS["saved-search-digest"].roles)
      .orderBy("s.user_id")
      .limit(limit)
      .execute();
    return rows.map((r) => r.user_id);
  },
  async queueFor(db, w, userIds) {
    const { rows: fresh } = await sql<{ id: number; published_at: string }>`select v.id, v.published_at from vacancies v join companies c on c.id = v.company_id
      where v.status = 'open' and c.status = 'verified' and v.published_at > ${w.since} and v.published_at <= ${w.until}`.execute(db);
    if (fresh.length === 0 || userIds.length === 0) return 0;
    const publishedAt = new Map(fresh.map((v) => [v.id, v.published_at]));
    const ids = fresh.map((v) => v.id);
    const choiceOf = await choicesOf(db, SAVED_TOPIC, userIds);
    const notices = await db
      .selectFrom("notifications")
      .select(["user_id", "created_at", "via_digest"])
      .where("kind", "in", instantKindsOf(SAVED_TOPIC))
      .where("user_id", "in", userIds)
      .where("created_at", ">", w.since)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    /** Whether the person hears of a vacancy published at `at` in this digest. */
    const listed = (userId: number, at: string) => {
      const first = notices.find((n) => n.user_id === userId && n.created_at >= at);
      return first ? first.via_digest === 1 : choiceOf(userId).mode === "digest";
    };
    const searches = await db
      .selectFrom("saved_searches")
      .select(["user_id", "name", "query"])
      .where("user_id", "in", userIds)
      .orderBy("user_id")
      .orderBy("id")
      .execute();
    const byUser = new Map<number, DigestItem[]>();
    const seen = new Map<number, Set<number>>();
    for (const s of searches) {
      const choice = choiceOf(s.user_id);
      if (!choice.email && !choice.telegram) continue;
      const found = await searchVacancies(db, { ...parseBoardQuery(s.query), page: 1, pageSize: MAX_DIGEST_ITEMS + 1, sort: "newest", onlyIds: ids });
      const items = byUser.get(s.user_id) ?? [];
      const done = seen.get(s.user_id) ?? new Set<number>();
      for (const v of found.items) {
        if (done.has(v.id) || !listed(s.user_id, publishedAt.get(v.id)!)) continue;
        done.add(v.id);
        items.push({ key: "digest.vacancyLine", vars: { title: v.title, company: v.company_name, search: s.name }, link: `/vacancies/${v.id}` });
      }
      byUser.set(s.user_id, items);
      seen.set(s.user_id, done);
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
  },
};

const APPLICATIONS_TOPIC = MESSAGE_KINDS["applications-digest"].topic;
/** The kinds that are a new application: the digest's count ("N new applications"). */
const NEW_APPLICATION: readonly string[] = ["application-received", "invitation-accepted"] satisfies MessageKind[];

/**
 * (b) Employers: every notice of their topic that was left to the digest in the window — a new
 * application, an accepted or declined invitation, a withdrawal — one message per member, whatever
 * their mode is now (decision 062). The line of a new application is short; the others say what
 * happened in the notice's own words.
 */
export const applicationsDigest: DigestJob = {
  name: "applications-digest",
  async recipients(db, w, afterUser, limit) {
    const rows = await db
      .selectFrom("notifications")
      .select("user_id")
      .distinct()
      .where("via_digest", "=", 1)
      .where("created_at", ">", w.since)
      .where("created_at", "<=", w.until)
      .where("kind", "in", instantKindsOf(APPLICATIONS_TOPIC))
      .where("user_id", ">", afterUser)
      .orderBy("user_id")
      .limit(limit)
      .execute();
    return rows.map((r) => r.user_id);
  },
  async queueFor(db, w, userIds) {
    if (userIds.length === 0) return 0;
    const rows = await db
      .selectFrom("notifications as n")
      .innerJoin("users as u", "u.id", "n.user_id")
      .select(["n.user_id", "n.kind", "n.payload_json", "n.link"])
      .where("n.via_digest", "=", 1)
      .where("n.created_at", ">", w.since)
      .where("n.created_at", "<=", w.until)
      .where("n.kind", "in", instantKindsOf(APPLICATIONS_TOPIC))
      .where("n.user_id", "in", userIds)
      .where("u.active", "=", 1)
      .orderBy("n.user_id")
      .orderBy("n.id")
      .execute();
    const byUser = new Map<number, { items: DigestItem[]; fresh: number }>();
    for (const r of rows) {
      const vars = JSON.parse(r.payload_json) as Record<string, string | number>;
      const entry = byUser.get(r.user_id) ?? { items: [], fresh: 0 };
      if (r.kind === "application-received")
        entry.items.push({ key: "digest.applicationLine", vars: { graduate: vars.graduate ?? "", vacancy: vars.vacancy ?? "" }, link: r.link });
      else entry.items.push({ key: `notify.${r.kind}`, vars, link: r.link });
      if (NEW_APPLICATION.includes(r.kind)) entry.fresh++;
      byUser.set(r.user_id, entry);
    }
    for (const [userId, { items, fresh }] of byUser) {
      await queueMessage(db, {
        userId,
        kind: "applications-digest",
        eventKey: w.day,
        vars: { n: fresh, ...encodeItems(items) },
        link: "/employer/applicants",
      });
    }
    return byUser.size;
  },
};

/** What waits for staff: companies to verify, vacancies to review, graduates due at a checkpoint (the follow-up list). */
export async function staffWaiting(
  db: DB,
  today: string,
  within: readonly number[] | null = null,
): Promise<{ companies: number; vacancies: number; checkpoints: number }> {
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
    // The due graduates of the reader's schools (`within`, null = all: docs/decisions/063-staff-scope.md).
    listFollowUps(db, { schoolId: null, cohortId: null, page: 1, within }, today, 1),
  ]);
  return { companies: Number(companies.n), vacancies: Number(vacancies.n), checkpoints: followUps.total };
}

/** (c) Staff: the counts with links, to every staff member and admin who reads it; nothing when all are zero. */
export const staffDigest: DigestJob = {
  name: "staff-digest",
  async recipients(db, _w, afterUser, limit) {
    const readers = await digestReaders(db, MESSAGE_KINDS["staff-digest"].topic, MESSAGE_KINDS["staff-digest"].roles);
    return readers.filter((id) => id > afterUser).slice(0, limit);
  },
  async queueFor(db, w, userIds) {
    // A scoped officer's checkpoints are their schools' (docs/decisions/063-staff-scope.md): readers are counted per scope.
    const users = userIds.length ? await db.selectFrom("users").select(["id", "role"]).where("id", "in", userIds).orderBy("id").execute() : [];
    const byScope = new Map<string, { within: readonly number[] | null; userIds: number[] }>();
    for (const user of users) {
      const within = schoolIdsOf(await staffScopeOf(db, user));
      const key = JSON.stringify(within);
      const group = byScope.get(key) ?? { within, userIds: [] };
      group.userIds.push(user.id);
      byScope.set(key, group);
    }
    let written = 0;
    for (const group of byScope.values()) {
      const waiting = await staffWaiting(db, w.today, group.within);
      const items: DigestItem[] = [
        { key: "digest.staff.companies", vars: { n: waiting.companies }, link: "/staff/companies" },
        { key: "digest.staff.vacancies", vars: { n: waiting.vacancies }, link: "/staff/vacancies" },
        { key: "digest.staff.checkpoints", vars: { n: waiting.checkpoints }, link: "/staff/outcomes/follow-up" },
      ].filter((i) => Number(i.vars.n) > 0);
      if (items.length === 0) continue;
      for (const userId of group.userIds) {
        await queueMessage(db, { userId, kind: "staff-digest", eventKey: w.day, vars: { n: items.length, ...encodeItems(items) }, link: "/staff" });
      }
      written += group.userIds.length;
    }
    return written;
  },
};
