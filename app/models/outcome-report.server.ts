// The report builder's reads and writes (docs/product.md §16, docs/decisions/064-report-builder.md): a report's
// table is the dashboard's figures for the same selection (outcomeDashboard, limited to the viewer's schools),
// shaped by app/domain/outcomes/report.ts; saved reports (migration 0034) belong to their owner alone.
import type { Connection, DB } from "@db/connection";
import { todayInBishkek } from "~/domain/calendar";
import { reportNameKey, reportQueryFromJson, reportTable, type ReportQuery } from "~/domain/outcomes/report";
import { recordAudit } from "./audit.server";
import { inTransaction } from "./messages.server";
import { outcomeDashboard } from "./outcome-dashboard.server";

/**
 * The report's table. `schoolIds` is the viewer's scope (schoolIdsOf, null = the whole Agency): the facts are
 * limited to those schools before anything is counted, so a scoped officer's totals are their schools' alone.
 */
export async function outcomeReport(c: Connection, query: ReportQuery, schoolIds: readonly number[] | null, on = todayInBishkek()) {
  const figures = await outcomeDashboard(c, { checkpoint: query.checkpoint, school: schoolIds ? [...schoolIds] : [], year: query.year, by: query.by }, on);
  return { table: reportTable(query.indicators, figures), years: figures.years, notReachedCohorts: figures.notReachedCohorts };
}

/** The owner's saved reports, the last saved first (names are typed in any of three languages: no one alphabet orders them); each query read back through the tolerant schema. */
export async function savedReportsOf(db: DB, ownerId: number) {
  const rows = await db
    .selectFrom("saved_reports")
    .select(["id", "name", "query_json", "updated_at"])
    .where("owner_id", "=", ownerId)
    .orderBy("updated_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, updatedAt: r.updated_at, query: reportQueryFromJson(r.query_json) }));
}

/** One saved report of this owner, or undefined (another staff member's report names nothing: a 404). */
export async function savedReportOf(db: DB, ownerId: number, id: number) {
  const row = await db.selectFrom("saved_reports").select(["id", "name", "query_json"]).where("id", "=", id).where("owner_id", "=", ownerId).executeTakeFirst();
  return row ? { id: row.id, name: row.name, query: reportQueryFromJson(row.query_json) } : undefined;
}

const isNameClash = (e: unknown) => e instanceof Error && /UNIQUE constraint failed: saved_reports\.owner_id, saved_reports\.name_key/.test(e.message);

/**
 * Saves a report under a name, audited (report.saved) in the same transaction. The entry keeps the name only: the
 * query is the report's own business, and its indicator codes would read as untranslated words on the audit page.
 * "taken" when the owner already has a report of that name (letter case aside): the database's unique key decides
 * (migration 0045), so of two saves sent at once only one is written.
 */
export async function saveReport(
  db: DB,
  ownerId: number,
  name: string,
  query: ReportQuery,
): Promise<{ ok: true; id: number } | { ok: false; reason: "taken" }> {
  try {
    return await inTransaction(db, async (trx) => {
      const { id } = await trx
        .insertInto("saved_reports")
        .values({ owner_id: ownerId, name, name_key: reportNameKey(name), query_json: JSON.stringify(query) })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actorId: ownerId, action: "report.saved", entity: "saved_report", entityId: id, after: { name } });
      return { ok: true as const, id };
    });
  } catch (e) {
    if (isNameClash(e)) return { ok: false, reason: "taken" };
    throw e;
  }
}

/** Renames the owner's report (audited as report.saved): "not-found" when it is not theirs or not there, "taken" as for saveReport. */
export async function renameReport(db: DB, ownerId: number, id: number, name: string): Promise<{ ok: true } | { ok: false; reason: "not-found" | "taken" }> {
  try {
    return await inTransaction(db, async (trx) => {
      const before = await trx.selectFrom("saved_reports").select("name").where("id", "=", id).where("owner_id", "=", ownerId).executeTakeFirst();
      if (!before) return { ok: false as const, reason: "not-found" as const };
      await trx
        .updateTable("saved_reports")
        .set({ name, name_key: reportNameKey(name), updated_at: new Date().toISOString() })
        .where("id", "=", id)
        .execute();
      await recordAudit(trx, {
        actorId: ownerId,
        action: "report.saved",
        entity: "saved_report",
        entityId: id,
        before: { name: before.name },
        after: { name },
      });
      return { ok: true as const };
    });
  } catch (e) {
    if (isNameClash(e)) return { ok: false, reason: "taken" };
    throw e;
  }
}

/** Deletes the owner's report (audited as report.deleted); false when it is not theirs or not there. */
export async function deleteReport(db: DB, ownerId: number, id: number): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom("saved_reports").select("name").where("id", "=", id).where("owner_id", "=", ownerId).executeTakeFirst();
    if (!before) return false;
    await trx.deleteFrom("saved_reports").where("id", "=", id).execute();
    await recordAudit(trx, { actorId: ownerId, action: "report.deleted", entity: "saved_report", entityId: id, before: { name: before.name } });
    return true;
  });
}
