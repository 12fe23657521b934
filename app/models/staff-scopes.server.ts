// Staff scopes (migration 0031, docs/decisions/063-staff-scope.md): which schools a staff account sees.
import type { DB } from "@db/connection";
import { AGENCY_SCOPE, type StaffScope } from "~/domain/staff/scope";

/** The scope of a staff or admin account: its schools, or the whole Agency when it has none (admins always). */
export async function staffScopeOf(db: DB, user: { id: number; role: string }): Promise<StaffScope> {
  if (user.role === "admin") return AGENCY_SCOPE;
  const rows = await db.selectFrom("staff_scopes").select("school_id").where("user_id", "=", user.id).orderBy("school_id").execute();
  return rows.length === 0 ? AGENCY_SCOPE : { kind: "schools", schoolIds: rows.map((r) => r.school_id) };
}

/** Sets a staff account's schools; an empty list makes it Agency-wide. One transaction. */
export async function setStaffScope(db: DB, userId: number, schoolIds: readonly number[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("staff_scopes").where("user_id", "=", userId).execute();
    if (schoolIds.length > 0)
      await trx
        .insertInto("staff_scopes")
        .values([...new Set(schoolIds)].map((school_id) => ({ user_id: userId, school_id })))
        .execute();
  });
}
