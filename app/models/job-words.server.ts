// The job-word table search uses (docs/product.md §14): classes of title words stored beside the
// skills taxonomy (migration 0014, filled with the shipped seed) and edited by admins at
// /admin/job-words. docs/decisions/047-job-words-stored.md: why stored so, why cached, the one-class rule.
//
// The table is built once per database handle and kept in memory (the server is one process): a
// search costs no read. Every edit here drops it after its transaction, so the next search sees
// the edit. The board's page cache goes stale by itself: triggers of migration 0014 log each
// change into match_changes, and a row there is a change of the board's piece for the page cache
// (migration 0035, app/server/page-cache.ts).
import type { DB } from "@db/connection";
import { firstClassConflict } from "~/domain/search/job-word-form";
import { type JobWordClass, type JobWordTable, makeJobWordTable } from "~/domain/search/job-words";
import { processWide } from "~/utils/process-wide.server";
import { recordAudit } from "./audit.server";

/** A stored class: its row id, its stable slug and its words in the admin's order. */
export type StoredJobWordClass = JobWordClass & { id: number };

// One map per process (two bundles load this file: app/utils/process-wide.server.ts).
const tables = processWide("job-word-tables", () => new WeakMap<DB, Promise<JobWordTable>>());

/** Every class with its words, in the order they were added. */
export async function listJobWordClasses(db: DB): Promise<StoredJobWordClass[]> {
  const rows = await db
    .selectFrom("job_word_classes")
    .leftJoin("job_words", "job_words.class_id", "job_word_classes.id")
    .select(["job_word_classes.id", "job_word_classes.slug", "job_words.word"])
    .orderBy("job_word_classes.id")
    .orderBy("job_words.position")
    .orderBy("job_words.id")
    .execute();
  const classes = new Map<number, StoredJobWordClass>();
  for (const row of rows) {
    let cls = classes.get(row.id);
    if (!cls) classes.set(row.id, (cls = { id: row.id, slug: row.slug, words: [] }));
    if (row.word !== null) cls.words.push(row.word);
  }
  return [...classes.values()];
}

/** One class by its slug, or null. */
export async function getJobWordClass(db: DB, slug: string): Promise<StoredJobWordClass | null> {
  const row = await db.selectFrom("job_word_classes").select(["id", "slug"]).where("slug", "=", slug).executeTakeFirst();
  if (!row) return null;
  const words = await db.selectFrom("job_words").select("word").where("class_id", "=", row.id).orderBy("position").orderBy("id").execute();
  return { ...row, words: words.map((w) => w.word) };
}

/** THE job-word table of this database, as admins left it: built once, rebuilt after an edit. */
export function jobWordTableFor(db: DB): Promise<JobWordTable> {
  let table = tables.get(db);
  if (!table) {
    table = listJobWordClasses(db).then((classes) => makeJobWordTable(classes.map(({ slug, words }) => ({ slug, words }))));
    tables.set(db, table);
    const pending = table;
    pending.catch(() => {
      if (tables.get(db) === pending) tables.delete(db);
    });
  }
  return table;
}

export type JobWordEditResult =
  | { ok: true; slug: string }
  | { ok: false; field: "slug"; key: "errors.slugTaken" }
  | { ok: false; field: "words"; key: "jobWords.wordTaken"; vars: { word: string; cls: string } };

/** The table of every stored class but `exceptId`: what a new word of that class must not collide with. */
async function othersTable(db: DB, exceptId: number | null): Promise<JobWordTable> {
  const classes = (await listJobWordClasses(db)).filter((c) => c.id !== exceptId);
  return makeJobWordTable(classes.map(({ slug, words }) => ({ slug, words })));
}

async function writeWords(db: DB, classId: number, words: readonly string[]): Promise<void> {
  await db.deleteFrom("job_words").where("class_id", "=", classId).execute();
  if (words.length) {
    await db
      .insertInto("job_words")
      .values(words.map((word, position) => ({ class_id: classId, word, position })))
      .execute();
  }
}

/** Runs an edit in one transaction and, once it is committed, drops the cached table. */
async function edit<T>(db: DB, work: (trx: DB) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(work);
  } finally {
    tables.delete(db);
  }
}

/** Adds a class with its words (already validated: app/domain/search/job-word-form.ts), audited; a clash writes nothing. */
export function createJobWordClass(db: DB, input: { slug: string; words: readonly string[] }, actorId: number): Promise<JobWordEditResult> {
  return edit(db, async (trx): Promise<JobWordEditResult> => {
    if (await trx.selectFrom("job_word_classes").select("id").where("slug", "=", input.slug).executeTakeFirst()) {
      return { ok: false, field: "slug", key: "errors.slugTaken" };
    }
    const clash = firstClassConflict(await othersTable(trx, null), input.words);
    if (clash) return { ok: false, field: "words", key: "jobWords.wordTaken", vars: { word: clash.word, cls: clash.cls.slug } };
    const { id } = await trx.insertInto("job_word_classes").values({ slug: input.slug }).returning("id").executeTakeFirstOrThrow();
    await writeWords(trx, id, input.words);
    await recordAudit(trx, { actorId, action: "job-words.create", entity: "job_word_class", entityId: id, after: { slug: input.slug, words: input.words } });
    return { ok: true, slug: input.slug };
  });
}

/** Replaces a class's words, audited with the words before and after; false when there is no such class. */
export function replaceJobWords(db: DB, slug: string, words: readonly string[], actorId: number): Promise<JobWordEditResult | null> {
  return edit(db, async (trx): Promise<JobWordEditResult | null> => {
    const current = await getJobWordClass(trx, slug);
    if (!current) return null;
    const clash = firstClassConflict(await othersTable(trx, current.id), words);
    if (clash) return { ok: false, field: "words", key: "jobWords.wordTaken", vars: { word: clash.word, cls: clash.cls.slug } };
    await writeWords(trx, current.id, words);
    await trx.updateTable("job_word_classes").set({ updated_at: new Date().toISOString() }).where("id", "=", current.id).execute();
    await recordAudit(trx, {
      actorId,
      action: "job-words.update",
      entity: "job_word_class",
      entityId: current.id,
      before: { slug, words: current.words },
      after: { slug, words },
    });
    return { ok: true, slug };
  });
}

/** Deletes a class and its words, audited; false when there is no such class. */
export function deleteJobWordClass(db: DB, slug: string, actorId: number): Promise<boolean> {
  return edit(db, async (trx) => {
    const current = await getJobWordClass(trx, slug);
    if (!current) return false;
    await trx.deleteFrom("job_word_classes").where("id", "=", current.id).execute();
    await recordAudit(trx, { actorId, action: "job-words.delete", entity: "job_word_class", entityId: current.id, before: { slug, words: current.words } });
    return true;
  });
}
