// The two full-text indexes (docs/decisions/045-search-index-and-tiers.md): graduates_fts (the
// directory and the staff graduate list) and vacancies_fts (the job board). Both are FTS5 tables that
// keep their rows' text, whose rowid is the row's id (migration 0045: as contentless tables, a DELETE
// left bm25's totals as they were; decision 078); each column is held as written and, in `<column>_terms`,
// as its loose forms (app/domain/search/index-row.ts). One writer per index serves a single edit
// and the whole rebuild alike, so a row always looks the same however it was written.
import { sql } from "kysely";
import type { DB } from "@db/connection";
import { type IndexRow, searchIndexRow } from "~/domain/search/index-row";
import { currentSearchFingerprint } from "~/domain/search/terms-fingerprint.server";
import { richTextToPlain } from "~/domain/text/rich-text";
import { inBackgroundOnce } from "~/utils/warming.server";

const GRADUATE_COLUMNS = ["name", "headline", "about", "projects", "skills"] as const;
const VACANCY_COLUMNS = ["title", "description", "company", "skills"] as const;
/** Rows read and written per statement by the rebuild (9–10 columns each: far below SQLite's variable limit). */
const BATCH = 500;
/** The settings key migration 0012 sets to ask for a rebuild at the next start. */
export const REBUILD_KEY = "search.rebuild";
/** The settings key holding the fingerprint of the rules the indexes were built with (terms-fingerprint.server.ts). */
export const FINGERPRINT_KEY = "search.terms_fingerprint";

function insertRows<C extends string>(db: DB, table: string, columns: readonly C[], rows: { id: number; row: IndexRow<C> }[]) {
  if (rows.length === 0) return Promise.resolve();
  const names = ["rowid", ...columns, ...columns.map((c) => `${c}_terms`)];
  const values = rows.map(({ id, row }) => {
    const r = row as Record<string, string>;
    return sql`(${sql.join([id, ...columns.map((c) => r[c]), ...columns.map((c) => r[`${c}_terms`])])})`;
  });
  return sql`insert into ${sql.raw(table)} (${sql.raw(names.join(", "))}) values ${sql.join(values)}`.execute(db);
}

/**
 * The index rows of these graduates as the writer makes them (anonymised graduates have none). Also
 * read by the directory's kept rankings to replay a changed row (app/models/text-hits-replica.server.ts).
 */
export async function graduateIndexRows(db: DB, ids: number[]): Promise<{ id: number; row: IndexRow<(typeof GRADUATE_COLUMNS)[number]> }[]> {
  if (ids.length === 0) return [];
  const graduates = await db
    .selectFrom("graduates")
    .select(["id", "first_name", "last_name", "headline", "about"])
    .where("id", "in", ids)
    .where("anonymised_at", "is", null)
    .execute();
  if (graduates.length === 0) return [];
  const found = graduates.map((g) => g.id);
  const [projects, skills] = await Promise.all([
    db.selectFrom("projects").select(["graduate_id", "title", "summary", "description", "role"]).where("graduate_id", "in", found).orderBy("id").execute(),
    // Every name and alias of every skill the graduate claims or used in a project.
    sql<{ graduate_id: number; alias: string }>`select h.graduate_id, a.alias from (
        select graduate_id, skill_id from graduate_skills where graduate_id in (${sql.join(found)})
        union select p.graduate_id, ps.skill_id from project_skills ps join projects p on p.id = ps.project_id where p.graduate_id in (${sql.join(found)})
      ) h join skill_aliases a on a.skill_id = h.skill_id order by h.graduate_id, a.id`.execute(db),
  ]);
  const projectText = new Map<number, string[]>();
  for (const p of projects)
    projectText.set(p.graduate_id, [
      ...(projectText.get(p.graduate_id) ?? []),
      ...[p.title, p.summary, p.description, p.role].filter((x): x is string => Boolean(x)),
    ]);
  const skillText = new Map<number, string[]>();
  for (const s of skills.rows) skillText.set(s.graduate_id, [...(skillText.get(s.graduate_id) ?? []), s.alias]);
  return graduates.map((g) => ({
    id: g.id,
    row: searchIndexRow({
      name: `${g.first_name} ${g.last_name}`,
      headline: g.headline ?? "",
      about: g.about ?? "",
      projects: (projectText.get(g.id) ?? []).join("\n"),
      skills: (skillText.get(g.id) ?? []).join(" "),
    }),
  }));
}

/** Writes graduates' index rows into `table`: graduates_fts, or a temporary twin with the same columns. */
export async function insertGraduateRows(db: DB, table: string, rows: { id: number; row: IndexRow<(typeof GRADUATE_COLUMNS)[number]> }[]): Promise<void> {
  await insertRows(db, table, GRADUATE_COLUMNS, rows);
}

/** Writes the index rows of these graduates (whose old rows are already gone); anonymised graduates get none. */
async function writeGraduateRows(db: DB, ids: number[]): Promise<void> {
  await insertRows(db, "graduates_fts", GRADUATE_COLUMNS, await graduateIndexRows(db, ids));
}

/** Writes the index rows of these vacancies (whose old rows are already gone): title, text, company name, every name and alias of its skills. */
async function writeVacancyRows(db: DB, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const vacancies = await db
    .selectFrom("vacancies")
    .innerJoin("companies", "companies.id", "vacancies.company_id")
    .select(["vacancies.id", "vacancies.title", "vacancies.description", "companies.name as company"])
    .where("vacancies.id", "in", ids)
    .execute();
  if (vacancies.length === 0) return;
  const skills = await sql<{
    vacancy_id: number;
    alias: string;
  }>`select vs.vacancy_id, a.alias from vacancy_skills vs join skill_aliases a on a.skill_id = vs.skill_id
    where vs.vacancy_id in (${sql.join(vacancies.map((v) => v.id))}) order by vs.vacancy_id, a.id`.execute(db);
  const skillText = new Map<number, string[]>();
  for (const s of skills.rows) skillText.set(s.vacancy_id, [...(skillText.get(s.vacancy_id) ?? []), s.alias]);
  await insertRows(
    db,
    "vacancies_fts",
    VACANCY_COLUMNS,
    vacancies.map((v) => ({
      id: v.id,
      row: searchIndexRow({ title: v.title, description: richTextToPlain(v.description), company: v.company, skills: (skillText.get(v.id) ?? []).join(" ") }),
    })),
  );
}

/** Rebuilds one graduate's search row; call after any change to profile, skills or projects. */
export async function refreshGraduateSearch(db: DB, graduateId: number): Promise<void> {
  await sql`delete from graduates_fts where rowid = ${graduateId}`.execute(db);
  await writeGraduateRows(db, [graduateId]);
}

/** Rebuilds the search rows of many graduates at once (a CSV import), in batches. */
export async function refreshGraduatesSearch(db: DB, graduateIds: number[]): Promise<void> {
  for (let i = 0; i < graduateIds.length; i += BATCH) {
    const batch = graduateIds.slice(i, i + BATCH);
    await sql`delete from graduates_fts where rowid in (${sql.join(batch)})`.execute(db);
    await writeGraduateRows(db, batch);
  }
}

/** Rebuilds one vacancy's search row; call after any change to the vacancy, its skills or its company's name. */
export async function refreshVacancySearch(db: DB, vacancyId: number): Promise<void> {
  await sql`delete from vacancies_fts where rowid = ${vacancyId}`.execute(db);
  await writeVacancyRows(db, [vacancyId]);
}

/**
 * Asks for the search rows of every graduate and vacancy that holds one of these skills (claimed, used in
 * a project, or asked for) to be rewritten: their rows hold every name and alias of those skills, so an
 * edit of them, or a merge, calls this in its own transaction. The rewrite runs in the background, a batch
 * per transaction (reindexSkillHoldersInBackground): tens of thousands of holders take tens of seconds,
 * far more than a page may (decision 078). Asking again starts the skill over.
 */
export async function queueSkillHoldersReindex(db: DB, skillIds: number[]): Promise<void> {
  for (const skillId of skillIds)
    await db
      .insertInto("search_reindex_skills")
      .values({ skill_id: skillId })
      .onConflict((c) => c.column("skill_id").doUpdateSet({ graduates_after: 0, vacancies_after: 0, queued_at: new Date().toISOString() }))
      .execute();
}

/**
 * Holders rewritten per transaction: a batch holds the write lock, so a profile save may wait behind one.
 * 100 holders took 185 ms of CPU on the large set (load average ~30); 25 keep that wait to some tens of ms.
 */
export const SKILL_REINDEX_BATCH = 25;

/**
 * Rewrites the next batch of holders of the first queued skill, in one transaction with its progress:
 * graduates by id, then vacancies, then the skill leaves the queue. False when nothing was queued.
 */
export async function reindexNextSkillBatch(db: DB, batch = SKILL_REINDEX_BATCH): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const job = await trx.selectFrom("search_reindex_skills").selectAll().orderBy("queued_at").orderBy("skill_id").limit(1).executeTakeFirst();
    if (!job) return false;
    const { rows: graduates } = await sql<{
      id: number;
    }>`select graduate_id as id from graduate_skills where skill_id = ${job.skill_id} and graduate_id > ${job.graduates_after}
      union select p.graduate_id from project_skills ps join projects p on p.id = ps.project_id where ps.skill_id = ${job.skill_id} and p.graduate_id > ${job.graduates_after}
      order by 1 limit ${batch}`.execute(trx);
    if (graduates.length) {
      await refreshGraduatesSearch(
        trx,
        graduates.map((g) => g.id),
      );
      await trx
        .updateTable("search_reindex_skills")
        .set({ graduates_after: graduates[graduates.length - 1]!.id })
        .where("skill_id", "=", job.skill_id)
        .execute();
      return true;
    }
    const { rows: vacancies } = await sql<{
      id: number;
    }>`select vacancy_id as id from vacancy_skills where skill_id = ${job.skill_id} and vacancy_id > ${job.vacancies_after}
      order by 1 limit ${batch}`.execute(trx);
    if (vacancies.length) {
      const ids = vacancies.map((v) => v.id);
      await sql`delete from vacancies_fts where rowid in (${sql.join(ids)})`.execute(trx);
      await writeVacancyRows(trx, ids);
      await trx
        .updateTable("search_reindex_skills")
        .set({ vacancies_after: ids[ids.length - 1]! })
        .where("skill_id", "=", job.skill_id)
        .execute();
      return true;
    }
    await trx.deleteFrom("search_reindex_skills").where("skill_id", "=", job.skill_id).execute();
    return true;
  });
}

/** Runs the queue dry, a batch per turn of the event loop (requests are answered between batches). */
export async function reindexQueuedSkillHolders(db: DB): Promise<void> {
  while (await reindexNextSkillBatch(db)) await new Promise((resolve) => setImmediate(resolve));
}

const draining = new WeakMap<DB, { again: boolean }>();

/**
 * Starts (or asks the running one to look again) the background rewrite of queued skills' holders:
 * after an admin's skill edit or merge, and at start for what a stopped server left. A failure leaves
 * the queue as it was, for the next call. `viewsSettled` waits for it (tests, the bench).
 */
export function reindexSkillHoldersInBackground(db: DB): void {
  const running = draining.get(db);
  if (running) {
    running.again = true;
    return;
  }
  const state = { again: true };
  draining.set(db, state);
  inBackgroundOnce(db, state, async () => {
    try {
      while (state.again) {
        state.again = false;
        await reindexQueuedSkillHolders(db);
      }
    } finally {
      draining.delete(db);
    }
  });
}

/**
 * Empties an index at once: made anew from its own definition (a DELETE of every row would read and
 * tokenize each stored row to take it out: about half a millisecond a row). Inside the rebuild's transaction.
 */
async function emptyTable(db: DB, table: "graduates_fts" | "vacancies_fts"): Promise<void> {
  const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db);
  await sql`drop table ${sql.raw(table)}`.execute(db);
  await sql.raw(rows[0]!.sql).execute(db);
}

async function rebuildTable(db: DB, table: "graduates_fts" | "vacancies_fts", write: (db: DB, ids: number[]) => Promise<void>): Promise<number> {
  await emptyTable(db, table);
  const source = table === "graduates_fts" ? "graduates" : "vacancies";
  let after = 0;
  let written = 0;
  for (;;) {
    const { rows } = await sql<{ id: number }>`select id from ${sql.raw(source)} where id > ${after} order by id limit ${BATCH}`.execute(db);
    if (rows.length === 0) return written;
    await write(
      db,
      rows.map((r) => r.id),
    );
    written += rows.length;
    after = rows[rows.length - 1].id;
  }
}

/**
 * Rebuilds both indexes from the tables, in one transaction: after migration 0012 (at the next
 * start), after the seed's bulk inserts, and in the bench, which prints its time.
 */
export async function rebuildSearchIndexes(db: DB): Promise<{ graduates: number; vacancies: number; ms: number }> {
  const started = performance.now();
  const counts = await db.transaction().execute(async (trx) => {
    const graduates = await rebuildTable(trx, "graduates_fts", writeGraduateRows);
    const vacancies = await rebuildTable(trx, "vacancies_fts", writeVacancyRows);
    // Every row is written from the tables as they are: skills queued for their holders' rewrite are done.
    await trx.deleteFrom("search_reindex_skills").execute();
    await trx.deleteFrom("settings").where("key", "=", REBUILD_KEY).execute();
    await trx
      .insertInto("settings")
      .values({ key: FINGERPRINT_KEY, value: currentSearchFingerprint() })
      .onConflict((c) => c.column("key").doUpdateSet({ value: currentSearchFingerprint() }))
      .execute();
    return { graduates, vacancies };
  });
  return { ...counts, ms: Math.round(performance.now() - started) };
}

/**
 * At start-up: rebuilds the indexes when a migration asked for it (migration 0012 recreated them
 * empty) or when they were built by other word rules than this build's — a stemmer fix, new script
 * keys — whose fingerprint differs (or is missing: indexes built before fingerprints were kept).
 */
export async function rebuildSearchIndexesIfAsked(db: DB): Promise<{ graduates: number; vacancies: number; ms: number } | null> {
  const settings = await db.selectFrom("settings").select(["key", "value"]).where("key", "in", [REBUILD_KEY, FINGERPRINT_KEY]).execute();
  const asked = settings.some((row) => row.key === REBUILD_KEY);
  const builtWith = settings.find((row) => row.key === FINGERPRINT_KEY)?.value;
  return asked || builtWith !== currentSearchFingerprint() ? rebuildSearchIndexes(db) : null;
}
