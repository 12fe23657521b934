import { sql } from "kysely";
import type { DB } from "@db/connection";
import { sortByKyrgyzName } from "~/domain/search/kyrgyz-order";
import { bishkekDayStartUtc, nextDay } from "~/domain/calendar";
import { schoolIdList } from "~/domain/staff/scope";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

/** Appends one entry to the audit log (the table refuses updates and deletes). */
export async function recordAudit(db: DB, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_user_id: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId == null ? null : String(entry.entityId),
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export type AuditFilters = {
  actorId: number | null;
  action: string | null;
  entity: string | null;
  entityId: string | null;
  /** ISO dates, inclusive, in Bishkek time (the reader's calendar day). */
  from: string | null;
  to: string | null;
};

export const AUDIT_PAGE_SIZE = 50;

/**
 * Who reads the log: a school-scoped officer (docs/decisions/063-staff-scope.md) sees the entries
 * about their schools' graduates, cohorts, CSV imports and graduates' applications, and their own
 * actions; the whole Agency (schoolIds null) sees every entry.
 */
export type AuditReader = { userId: number; schoolIds: readonly number[] | null };

function visibleTo(reader: AuditReader) {
  if (reader.schoolIds === null) return sql<boolean>`1`;
  const schools = sql.join(schoolIdList(reader.schoolIds));
  const cohorts = sql`select id from cohorts where school_id in (${schools})`;
  const graduates = sql`select id from graduates where cohort_id in (${cohorts})`;
  return sql<boolean>`(audit_log.actor_user_id = ${reader.userId}
    or (audit_log.entity = 'graduate' and audit_log.entity_id in (select cast(id as text) from (${graduates})))
    or (audit_log.entity = 'cohort' and audit_log.entity_id in (select cast(id as text) from (${cohorts})))
    or (audit_log.entity = 'csv_import' and audit_log.entity_id in (select cast(id as text) from csv_imports where cohort_id in (${cohorts})))
    or (audit_log.entity = 'application' and audit_log.entity_id in (select cast(id as text) from applications where graduate_id in (${graduates}))))`;
}

/** One page of the log, newest first, with the total for the pager. */
export async function listAudit(db: DB, filters: AuditFilters, page: number, reader: AuditReader) {
  let query = db.selectFrom("audit_log").leftJoin("users", "users.id", "audit_log.actor_user_id").where(visibleTo(reader));
  if (filters.actorId !== null) query = query.where("audit_log.actor_user_id", "=", filters.actorId);
  if (filters.action) query = query.where("audit_log.action", "=", filters.action);
  if (filters.entity) query = query.where("audit_log.entity", "=", filters.entity);
  if (filters.entityId) query = query.where("audit_log.entity_id", "=", filters.entityId);
  if (filters.from) query = query.where("audit_log.created_at", ">=", bishkekDayStartUtc(filters.from));
  if (filters.to) query = query.where("audit_log.created_at", "<", bishkekDayStartUtc(nextDay(filters.to)));
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const entries = await query
    .select([
      "audit_log.id",
      "audit_log.action",
      "audit_log.entity",
      "audit_log.entity_id",
      "audit_log.before_json",
      "audit_log.after_json",
      "audit_log.created_at",
      "audit_log.actor_user_id",
      "users.display_name as actor_name",
      "users.email as actor_email",
      "users.role as actor_role",
    ])
    .orderBy("audit_log.created_at", "desc")
    .orderBy("audit_log.id", "desc")
    .limit(AUDIT_PAGE_SIZE)
    .offset((current - 1) * AUDIT_PAGE_SIZE)
    .execute();
  return { entries, total, page: current, pages };
}

/** The choices of the filter form: people who acted, and the actions and entities present. */
export async function auditFilterChoices(db: DB, reader: AuditReader) {
  const people = await db
    .selectFrom("users")
    .select(["id", "display_name", "email", "role"])
    .where((eb) => eb.exists(eb.selectFrom("audit_log").select("audit_log.id").whereRef("audit_log.actor_user_id", "=", "users.id").where(visibleTo(reader))))
    .orderBy("id")
    .execute();
  // By name in the Kyrgyz alphabet (docs/decisions/046-small-list-search-and-kyrgyz-order.md).
  const actors = sortByKyrgyzName(people, (u) => u.display_name);
  const actions = (await db.selectFrom("audit_log").select("action").where(visibleTo(reader)).distinct().orderBy("action").execute()).map((r) => r.action);
  const entities = (await db.selectFrom("audit_log").select("entity").where(visibleTo(reader)).distinct().orderBy("entity").execute()).map((r) => r.entity);
  return { actors, actions, entities };
}
