// The graduate record behind a signed-in graduate, and what profiles are made of.
import type { DB } from "@db/connection";
import { requireUser, type SessionUser } from "~/auth/require-user.server";
import { getDb } from "~/db.server";
import { forbidden } from "~/utils/http.server";

export async function graduateOfUser(db: DB, userId: number) {
  return db.selectFrom("graduates").selectAll().where("user_id", "=", userId).where("anonymised_at", "is", null).executeTakeFirst();
}

export type GraduateRow = NonNullable<Awaited<ReturnType<typeof graduateOfUser>>>;

/** For /me pages: the signed-in graduate and their own record (403 when there is none). */
export async function requireGraduate(request: Request): Promise<{ user: SessionUser; graduate: GraduateRow }> {
  const user = await requireUser(request, { role: "graduate" });
  const graduate = await graduateOfUser(getDb(), user.id);
  if (!graduate) forbidden();
  return { user, graduate };
}
