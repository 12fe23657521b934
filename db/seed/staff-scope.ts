// The demo's school-scoped placement officer (issue 19 item 6, docs/decisions/063-staff-scope.md):
// naryn@demo.kg sees the Naryn lyceum's graduates only; staff@demo.kg stays Agency-wide. Made by
// the functions the forms use: the account as every demo account, the scope as /admin/staff saves it.
import type { DB } from "../connection";
import { makeUser } from "../factories/accounts";
import { setStaffScope } from "../../app/models/staff-scopes.server";

export const NARYN_SCHOOL_SLUG = "pl-87-naryn";

export async function seedScopedOfficer(db: DB, account: { email: string; password: string }): Promise<number> {
  const { id } = await makeUser(db, "staff", { email: account.email, password: account.password, name: "Жылдыз Сооронбаева" });
  const naryn = await db.selectFrom("schools").select("id").where("slug", "=", NARYN_SCHOOL_SLUG).executeTakeFirstOrThrow();
  await setStaffScope(db, id, [naryn.id]);
  return id;
}
