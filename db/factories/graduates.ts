// Cohorts and graduates, enrolled the way staff enrol them (a graduate record with its
// invitation code, insertGraduateWithInvitation) and, when asked, joined with an account the way
// the join page binds one (the code claimed, the account bound to the record).
import type { DB } from "../connection";
import { enrolGraduate, insertGraduateWithInvitation } from "../../app/models/invitations.server";
import { refreshGraduateSearch } from "../../app/models/search-index.server";
import { makeUser, type UserOverrides } from "./accounts";

/** The cohort of the first school graduating on that date (made once, then found again). */
export async function makeCohort(db: DB, graduationDate = "2026-06-30", schoolId?: number): Promise<number> {
  const school = schoolId ?? (await db.selectFrom("schools").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
  const existing = await db.selectFrom("cohorts").select("id").where("school_id", "=", school).where("graduation_date", "=", graduationDate).executeTakeFirst();
  if (existing) return existing.id;
  const { id } = await db.insertInto("cohorts").values({ school_id: school, graduation_date: graduationDate }).returning("id").executeTakeFirstOrThrow();
  return id;
}

/** Who enrols when the caller names nobody: the first staff account, made if there is none. */
async function enroller(db: DB): Promise<number> {
  const staff = await db.selectFrom("users").select("id").where("role", "in", ["staff", "admin"]).orderBy("id").executeTakeFirst();
  return staff?.id ?? (await makeUser(db, "staff")).id;
}

export type GraduateOptions = {
  cohortId?: number;
  firstName?: string;
  lastName?: string;
  sex?: "f" | "m" | null;
  /** The staff member who enrols (default: the first staff account, made if missing). */
  staffId?: number;
  /** Joined: true makes a graduate account; a number binds that existing account. */
  account?: boolean | number | UserOverrides;
  /** Pins the invitation the enrolment drew (the demo keeps its codes and dates the same on every install). */
  invitation?: { code?: string; expiresAt?: string; usedAt?: string };
};

export type MadeGraduate = { graduateId: number; userId: number | null; code: string };

export async function makeGraduate(db: DB, options: GraduateOptions = {}): Promise<MadeGraduate> {
  const firstName = options.firstName ?? "Айгерим";
  const lastName = options.lastName ?? "Осмонова";
  const enrolled = await insertGraduateWithInvitation(
    db,
    { cohortId: options.cohortId ?? (await makeCohort(db)), firstName, lastName, sex: options.sex ?? null },
    options.staffId ?? (await enroller(db)),
  );
  const code = options.invitation?.code ?? enrolled.code;
  if (options.invitation?.code || options.invitation?.expiresAt) {
    await db
      .updateTable("invitations")
      .set({ code, expires_at: options.invitation.expiresAt ?? enrolled.expiresAt })
      .where("graduate_id", "=", enrolled.graduateId)
      .execute();
  }
  let userId: number | null = null;
  if (options.account !== undefined && options.account !== false) {
    userId =
      typeof options.account === "number"
        ? options.account
        : (await makeUser(db, "graduate", { name: `${firstName} ${lastName}`, ...(options.account === true ? {} : options.account) })).id;
    const at = options.invitation?.usedAt ?? new Date().toISOString();
    await db.updateTable("invitations").set({ used_at: at }).where("graduate_id", "=", enrolled.graduateId).execute();
    await db.updateTable("graduates").set({ user_id: userId, updated_at: new Date().toISOString() }).where("id", "=", enrolled.graduateId).execute();
  }
  // Indexed as every enrolment is (app/models/invitations.server.ts#enrolGraduate): the staff list finds them.
  await refreshGraduateSearch(db, enrolled.graduateId);
  return { graduateId: enrolled.graduateId, userId, code };
}

/** One graduate enrolled by the staff's enrol form's own function (with its audit entry); returns the code. */
export async function makeInvitation(db: DB, staffId: number, name = { firstName: "Айгерим", lastName: "Осмонова" }) {
  return enrolGraduate(db, { cohortId: await makeCohort(db), ...name }, staffId);
}
