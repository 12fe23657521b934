// Staff scopes (migration 0031, docs/decisions/063-staff-scope.md): which schools a staff account sees.
import type { DB } from "@db/connection";
import { AGENCY_SCOPE, type StaffScope } from "~/domain/staff/scope";
import { recordAudit } from "./audit.server";

/** The scope of a staff or admin account: its schools, or the whole Agency when it has none (admins always). */
export async function staffScopeOf(db: DB, user: { id: number; role: string }): Promise<StaffScope> {
  if (user.role === "admin") return AGENCY_SCOPE;
  const rows = await db.selectFrom("staff_scopes").select("school_id").where("user_id", "=", user.id).orderBy("school_id").execute();
  return rows.length === 0 ? AGENCY_SCOPE : { kind: "schools", schoolIds: rows.map((r) => r.school_id) };
}

/**
 * Sets a staff account's schools; an empty list makes it Agency-wide. One transaction; with
 * `actorId` (an admin's form) it writes the audit entry `staff.scope` with the school ids before and after.
 */
export async function setStaffScope(db: DB, userId: number, schoolIds: readonly number[], actorId?: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (actorId !== undefined) {
      const before = (await trx.selectFrom("staff_scopes").select("school_id").where("user_id", "=", userId).orderBy("school_id").execute()).map(
        (r) => r.school_id,
      );
      const after = [...new Set(schoolIds)].sort((a, b) => a - b);
      await recordAudit(trx, {
        actorId,
        action: "staff.scope",
        entity: "user",
        entityId: userId,
        before: { school_ids: before },
        after: { school_ids: after },
      });
    }
    await trx.deleteFrom("staff_scopes").where("user_id", "=", userId).execute();
    if (schoolIds.length > 0)
      await trx
        .insertInto("staff_scopes")
        .values([...new Set(schoolIds)].map((school_id) => ({ user_id: userId, school_id })))
        .execute();
  });
}

/** The school ids of every staff account that has a scope (none listed: the whole Agency), for the admin's list. */
export async function staffScopesByUser(db: DB): Promise<Map<number, number[]>> {
  const rows = await db.selectFrom("staff_scopes").select(["user_id", "school_id"]).orderBy("user_id").orderBy("school_id").execute();
  const byUser = new Map<number, number[]>();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r.school_id]);
  return byUser;
}
