// Staff CSV import of a cohort's graduates. A checked file is staged in csv_imports (the dry
// run writes nothing else); confirming re-checks the stored text against the database as it
// is *now* and writes every accepted graduate with an invitation in one transaction.
import type { DB } from "@db/connection";
import { sql } from "kysely";
import { schoolIdList } from "~/domain/staff/scope";
import { type CheckedFile, checkCsvText, type ExistingGraduates, type Plan, planImport } from "~/domain/csv";
import { recordAudit } from "./audit.server";
import { refreshGraduatesSearch } from "./search-index.server";
import { insertGraduateWithInvitation } from "./invitations.server";

export const IMPORT_AUDIT_ACTION = "graduate.import";

/** What already exists that a file's lines could duplicate: the cohort's names, and the file's emails anywhere. */
export async function existingGraduatesFor(db: DB, cohortId: number, file: CheckedFile): Promise<ExistingGraduates> {
  const cohortNames = await db.selectFrom("graduates").select(["first_name as firstName", "last_name as lastName"]).where("cohort_id", "=", cohortId).execute();
  const wanted = [...new Set(file.lines.map((l) => l.values.email).filter((e): e is string => e !== null))];
  const emails: string[] = [];
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500);
    // Named: where most graduates have no address yet, the statistics make the planner prefer a scan of
    // every graduate (43 ms a batch at 100,000); a null address never matches, so the index always wins
    // (migration 0039).
    const { rows } = await sql<{ email: string | null }>`select email from graduates indexed by graduates_email_lower
      where lower(email) in (${sql.join(chunk)})`.execute(db);
    for (const r of rows) if (r.email) emails.push(r.email);
  }
  return { cohortNames, emails };
}

export async function planAgainstDatabase(db: DB, cohortId: number, file: CheckedFile): Promise<Plan> {
  return planImport(file.lines, await existingGraduatesFor(db, cohortId, file));
}

/** A file name fit to show: no path, no control characters, not too long. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 120);
  return clean || "import.csv";
}

export async function stageImport(
  db: DB,
  input: { actorId: number; cohortId: number; fileName: string; text: string; summary: Plan["summary"] },
): Promise<number> {
  const { id } = await db
    .insertInto("csv_imports")
    .values({
      created_by: input.actorId,
      cohort_id: input.cohortId,
      file_name: cleanFileName(input.fileName),
      content: input.text,
      status: "checked",
      rows_total: input.summary.total,
      rows_accepted: input.summary.accepted,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** An import with who made it and its cohort's date and school: the columns both the list and one import show. */
function importsWithCohort(db: DB) {
  return db
    .selectFrom("csv_imports")
    .innerJoin("users", "users.id", "csv_imports.created_by")
    .innerJoin("cohorts", "cohorts.id", "csv_imports.cohort_id")
    .innerJoin("schools", "schools.id", "cohorts.school_id")
    .select([
      "csv_imports.id",
      "csv_imports.file_name",
      "csv_imports.status",
      "csv_imports.rows_total",
      "csv_imports.rows_accepted",
      "csv_imports.created_at",
      "users.display_name as created_by_name",
      "cohorts.graduation_date",
      "schools.name_ky",
      "schools.name_ru",
      "schools.name_en",
    ]);
}

export async function findImport(db: DB, id: number) {
  return importsWithCohort(db)
    .select(["csv_imports.cohort_id", "csv_imports.content", "csv_imports.updated_at"])
    .where("csv_imports.id", "=", id)
    .executeTakeFirst();
}

export type ImportRow = NonNullable<Awaited<ReturnType<typeof findImport>>>;

/** schoolIds: the viewer's scope (null = the whole Agency, docs/decisions/063-staff-scope.md). */
export async function listRecentImports(db: DB, limit = 20, schoolIds: readonly number[] | null = null) {
  return importsWithCohort(db)
    .$if(schoolIds !== null, (q) => q.where("cohorts.school_id", "in", schoolIdList(schoolIds!)))
    .orderBy("csv_imports.id", "desc")
    .limit(limit)
    .execute();
}

/** The audit entry written by a confirmed import: who, when, the counts and the graduates created. */
export type ImportAudit = {
  importId: number;
  cohortId: number;
  fileName: string;
  total: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  graduateIds: number[];
};

export type ConfirmProblem = "import.error.alreadyImported" | "import.error.nothingToImport" | "import.error.fileInvalid";
export type ConfirmOutcome = { ok: true; created: number } | { ok: false; problem: ConfirmProblem };

class Refused extends Error {
  constructor(readonly problem: ConfirmProblem) {
    super(problem);
  }
}

/**
 * Imports a staged file, once. Everything happens in one transaction: claiming the import
 * (status checked → imported, so a second confirmation finds nothing to claim), re-planning
 * against the current data, the graduates with their invitations, one audit entry, and the
 * directory search rows. A refusal rolls all of it back.
 */
export async function confirmImport(db: DB, importId: number, actorId: number): Promise<ConfirmOutcome> {
  try {
    return await db.transaction().execute(async (trx) => {
      // The write comes first so the transaction holds SQLite's write lock before it reads.
      const claimed = await trx
        .updateTable("csv_imports")
        .set({ status: "imported", updated_at: new Date().toISOString() })
        .where("id", "=", importId)
        .where("status", "=", "checked")
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) throw new Refused("import.error.alreadyImported");
      const staged = await trx.selectFrom("csv_imports").select(["cohort_id", "file_name", "content"]).where("id", "=", importId).executeTakeFirstOrThrow();
      const checked = checkCsvText(staged.content);
      if (!checked.ok) throw new Refused("import.error.fileInvalid");
      const plan = await planAgainstDatabase(trx, staged.cohort_id, checked.file);
      const accepted = plan.lines.filter((l) => l.status === "accepted");
      if (accepted.length === 0) throw new Refused("import.error.nothingToImport");

      const graduateIds: number[] = [];
      for (const { values } of accepted) {
        const { graduateId } = await insertGraduateWithInvitation(trx, { cohortId: staged.cohort_id, ...values }, actorId);
        graduateIds.push(graduateId);
      }
      await trx.updateTable("csv_imports").set({ rows_total: plan.summary.total, rows_accepted: accepted.length }).where("id", "=", importId).execute();
      const audit: ImportAudit = {
        importId,
        cohortId: staged.cohort_id,
        fileName: staged.file_name,
        total: plan.summary.total,
        accepted: plan.summary.accepted,
        rejected: plan.summary.rejected,
        duplicates: plan.summary.duplicates,
        graduateIds,
      };
      await recordAudit(trx, { actorId, action: IMPORT_AUDIT_ACTION, entity: "csv_import", entityId: importId, after: audit });
      // Inside the same transaction, all rows in one write: the staff list and the directory never show half an import.
      await refreshGraduatesSearch(trx, graduateIds);
      return { ok: true as const, created: graduateIds.length };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem };
    throw error;
  }
}

/** The audit entry of a confirmed import, with the name of who confirmed it. */
export async function importAudit(db: DB, importId: number): Promise<(ImportAudit & { actorName: string | null; at: string }) | null> {
  const row = await db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_user_id")
    .select(["audit_log.after_json", "audit_log.created_at", "users.display_name"])
    .where("audit_log.action", "=", IMPORT_AUDIT_ACTION)
    .where("audit_log.entity", "=", "csv_import")
    .where("audit_log.entity_id", "=", String(importId))
    .orderBy("audit_log.id", "desc")
    .executeTakeFirst();
  if (!row?.after_json) return null;
  const audit = JSON.parse(row.after_json) as ImportAudit;
  return { ...audit, actorName: row.display_name, at: row.created_at };
}

/** Graduates with their invitation, in the order of `ids` (a page of an import) or of a whole cohort. */
export async function graduatesWithInvitations(db: DB, filter: { ids: number[] } | { cohortId: number }) {
  let query = db
    .selectFrom("graduates")
    .leftJoin("invitations", "invitations.graduate_id", "graduates.id")
    .select([
      "graduates.id",
      "graduates.first_name",
      "graduates.last_name",
      "graduates.user_id",
      "invitations.code",
      "invitations.expires_at",
      "invitations.used_at",
    ])
    .where("graduates.anonymised_at", "is", null);
  if ("ids" in filter) {
    if (filter.ids.length === 0) return [];
    query = query.where("graduates.id", "in", filter.ids);
    const rows = await query.execute();
    const order = new Map(filter.ids.map((id, i) => [id, i]));
    return rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }
  return (
    query
      .where("graduates.cohort_id", "=", filter.cohortId)
      // In the Kyrgyz alphabet (migration 0013, docs/decisions/046-small-list-search-and-kyrgyz-order.md).
      .orderBy("graduates.name_sort_key")
      .orderBy("graduates.id")
      .execute()
  );
}

export type GraduateInvitation = Awaited<ReturnType<typeof graduatesWithInvitations>>[number];
