// Data retention (docs/product.md §16, docs/decisions/067-data-retention.md): the admin's periods in
// the settings table, and the daily removal of what is older, one kind per daily job, run batch by batch
// like the digests (app/server/scheduled-jobs.ts, decision 062): each batch one short transaction, a
// stopped run resumed after its last committed batch. A finished run writes what it removed to the
// audit log: counts, never contents. Queries only.
import { sql } from "kysely";
import type { DB } from "@db/connection";
import {
  KEEP_FOREVER,
  parseStoredMonths,
  RETENTION_KINDS,
  RETENTION_SETTING_KEYS,
  type RetentionKind,
  type RetentionSettings,
  retentionCutoff,
  storedMonths,
} from "~/domain/retention";
import { recordAudit } from "./audit.server";
import type { DigestJob, DigestWindow } from "./digests.server";

/** The periods as stored; a kind never set (or damaged) is kept for good. */
export async function retentionSettings(db: DB): Promise<RetentionSettings> {
  const rows = await db.selectFrom("settings").select(["key", "value"]).where("key", "in", Object.values(RETENTION_SETTING_KEYS)).execute();
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const settings = { ...KEEP_FOREVER };
  for (const kind of RETENTION_KINDS) settings[kind] = parseStoredMonths(byKey.get(RETENTION_SETTING_KEYS[kind]));
  return settings;
}

async function monthsOf(db: DB, kind: RetentionKind): Promise<number | null> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", RETENTION_SETTING_KEYS[kind]).executeTakeFirst();
  return parseStoredMonths(row?.value);
}

/** How long conversation messages are kept (the note beside a thread), null: for good. */
export const messageRetentionMonths = (db: DB) => monthsOf(db, "messages");

/** Saves the three periods and their audit row (before and after) in one transaction. */
export async function saveRetentionSettings(db: DB, next: RetentionSettings, actorId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await retentionSettings(trx);
    const now = new Date().toISOString();
    for (const kind of RETENTION_KINDS) {
      const value = storedMonths(next[kind]);
      await trx
        .insertInto("settings")
        .values({ key: RETENTION_SETTING_KEYS[kind], value })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: now }))
        .execute();
    }
    await recordAudit(trx, {
      actorId,
      action: "retention.settings",
      entity: "settings",
      before: {
        survey_text_months: storedMonths(before.surveyText),
        message_months: storedMonths(before.messages),
        rejected_months: storedMonths(before.rejected),
      },
      after: { survey_text_months: storedMonths(next.surveyText), message_months: storedMonths(next.messages), rejected_months: storedMonths(next.rejected) },
    });
  });
}

/**
 * A daily job of its own per kind; `batch` caps its rows per transaction: an attachment may be 5 MB, a
 * title's update logs two outcome changes (about 40 ms per 100 titles at the benchmark size).
 */
export type RetentionJob = DigestJob & { batch: number; finish(db: DB, w: DigestWindow, total: number): Promise<void> };

/** The audit entity a kind's removals are filed under. */
const ENTITY: Record<RetentionKind, string> = { surveyText: "survey_answer", messages: "conversation_message", rejected: "application" };

/** A conversation with an open report keeps its messages (and its application) until staff close it: they read them. */
const openReportOn = (application: string) =>
  sql<boolean>`exists (select 1 from conversation_reports r where r.application_id = ${sql.ref(application)} and r.status = 'open')`;

function retentionJob(
  kind: RetentionKind,
  name: string,
  batch: number,
  due: (db: DB, cutoff: string, afterId: number, limit: number) => Promise<number[]>,
  remove: (db: DB, cutoff: string, ids: readonly number[]) => Promise<number>,
): RetentionJob {
  // The run's instant (`until`, the same when a run resumes) fixes the cut-off for all its batches.
  const cutoffOf = async (db: DB, w: DigestWindow) => {
    const months = await monthsOf(db, kind);
    return months === null ? null : retentionCutoff(new Date(w.until), months);
  };
  return {
    name,
    batch,
    async recipients(db, w, afterId, limit) {
      const cutoff = await cutoffOf(db, w);
      return cutoff === null ? [] : due(db, cutoff, afterId, limit);
    },
    async queueFor(db, w, ids) {
      const cutoff = await cutoffOf(db, w);
      return cutoff === null ? 0 : remove(db, cutoff, ids);
    },
    async finish(db, _w, total) {
      if (total === 0) return;
      await recordAudit(db, { actorId: null, action: "retention.removed", entity: ENTITY[kind], after: { total, months: await monthsOf(db, kind) } });
    },
  };
}

/** Survey answers' typed job title; the answer's code, employer, pay, hours, dates and relatedness stay (the figures). */
export const surveyTextRetention = retentionJob(
  "surveyText",
  "retention-survey-text",
  100,
  async (db, cutoff, afterId, limit) =>
    (
      await db
        .selectFrom("outcomes")
        .select("id")
        .where("source", "=", "survey")
        .where("job_title", "is not", null)
        .where("id", ">", afterId)
        .where("created_at", "<", cutoff)
        .orderBy("id")
        .limit(limit)
        .execute()
    ).map((r) => r.id),
  async (db, cutoff, ids) => {
    const result = await db
      .updateTable("outcomes")
      .set({ job_title: null })
      .where("id", "in", ids)
      .where("source", "=", "survey")
      .where("job_title", "is not", null)
      .where("created_at", "<", cutoff)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
);

/** Conversation messages older than the period, their attachments with them (cascade); the thread stays. */
export const messageRetention = retentionJob(
  "messages",
  "retention-messages",
  50,
  async (db, cutoff, afterId, limit) =>
    (
      await db
        .selectFrom("conversation_messages as m")
        .select("m.id")
        .where("m.id", ">", afterId)
        .where("m.created_at", "<", cutoff)
        .where((eb) => eb.not(openReportOn("m.application_id")))
        .orderBy("m.id")
        .limit(limit)
        .execute()
    ).map((r) => r.id),
  async (db, cutoff, ids) => {
    const result = await db
      .deleteFrom("conversation_messages as m")
      .where("m.id", "in", ids)
      .where("m.created_at", "<", cutoff)
      .where((eb) => eb.not(openReportOn("m.application_id")))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
);

/** When an application was rejected: its latest move to "rejected" (an application without history: its last change). */
const rejectedAt = sql<string>`coalesce((select max(e.created_at) from application_events e where e.application_id = a.id and e.to_status = 'rejected'), a.updated_at)`;

/**
 * Rejected applications whose rejection is older than the period, with everything that references
 * them (history, team notes, ratings, messages and attachments, reports, interviews and their slots,
 * offers, bulk-action items: every such key cascades, tests/integration/data-retention.test.ts). One
 * with a placement is never removed: outcome records point at placements (decision 008).
 */
export const rejectedRetention = retentionJob(
  "rejected",
  "retention-rejected",
  50,
  async (db, cutoff, afterId, limit) =>
    (
      await db
        .selectFrom("applications as a")
        .select("a.id")
        .where("a.status", "=", "rejected")
        .where("a.id", ">", afterId)
        .where(sql<boolean>`${rejectedAt} < ${cutoff}`)
        .where((eb) => eb.not(eb.exists(eb.selectFrom("placements as p").select("p.id").whereRef("p.application_id", "=", "a.id"))))
        .where((eb) => eb.not(openReportOn("a.id")))
        .orderBy("a.id")
        .limit(limit)
        .execute()
    ).map((r) => r.id),
  async (db, cutoff, ids) => {
    const result = await db
      .deleteFrom("applications as a")
      .where("a.id", "in", ids)
      .where("a.status", "=", "rejected")
      .where(sql<boolean>`${rejectedAt} < ${cutoff}`)
      .where((eb) => eb.not(eb.exists(eb.selectFrom("placements as p").select("p.id").whereRef("p.application_id", "=", "a.id"))))
      .where((eb) => eb.not(openReportOn("a.id")))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
);

/** The three removal jobs, in the order they run. */
export const RETENTION_JOBS: readonly RetentionJob[] = [surveyTextRetention, messageRetention, rejectedRetention];
