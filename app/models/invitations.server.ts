// Graduates join only through a staff-made invitation bound to an enrolled graduate record.
import type { DB } from "@db/connection";
import { invitationCode, normalizeInvitationCode } from "~/auth/tokens.server";
import { recordAudit } from "./audit.server";

export const INVITATION_DAYS = 120;

export type InvitationProblem = "errors.inviteUnknown" | "errors.inviteUsed" | "errors.inviteExpired";

export async function findInvitation(db: DB, rawCode: string) {
  const code = normalizeInvitationCode(rawCode);
  return db
    .selectFrom("invitations")
    .innerJoin("graduates", "graduates.id", "invitations.graduate_id")
    .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
    .innerJoin("schools", "schools.id", "cohorts.school_id")
    .select([
      "invitations.id", "invitations.code", "invitations.used_at", "invitations.expires_at", "invitations.graduate_id",
      "graduates.first_name", "graduates.last_name", "graduates.user_id",
      "cohorts.graduation_date", "schools.name_ky", "schools.name_ru", "schools.name_en",
    ])
    .where("invitations.code", "=", code)
    .executeTakeFirst();
}

export type Invitation = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;

export function invitationProblem(invitation: Invitation | undefined, now = new Date()): InvitationProblem | null {
  if (!invitation) return "errors.inviteUnknown";
  if (invitation.used_at || invitation.user_id) return "errors.inviteUsed";
  if (invitation.expires_at <= now.toISOString()) return "errors.inviteExpired";
  return null;
}

export type EnrolInput = {
  cohortId: number;
  firstName: string;
  lastName: string;
  sex?: "f" | "m" | null;
  email?: string | null;
  phone?: string | null;
};

export function invitationExpiry(now = Date.now()): string {
  return new Date(now + INVITATION_DAYS * 86_400_000).toISOString();
}

/**
 * Inserts one graduate and their invitation code. Run it inside the caller's transaction;
 * the caller records the audit entry (one per graduate, or one per CSV import).
 */
export async function insertGraduateWithInvitation(
  trx: DB,
  input: EnrolInput,
  actorId: number,
): Promise<{ graduateId: number; code: string; expiresAt: string }> {
  const { id: graduateId } = await trx
    .insertInto("graduates")
    .values({
      cohort_id: input.cohortId,
      first_name: input.firstName,
      last_name: input.lastName,
      sex: input.sex ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const expiresAt = invitationExpiry();
  let code = invitationCode();
  // ~40 bits of randomness: a clash is rare, but the unique index would turn it into a 500.
  while (await trx.selectFrom("invitations").select("id").where("code", "=", code).executeTakeFirst()) code = invitationCode();
  await trx.insertInto("invitations").values({ code, graduate_id: graduateId, created_by: actorId, expires_at: expiresAt }).execute();
  return { graduateId, code, expiresAt };
}

/** Enrols one graduate in a cohort and returns the invitation code to hand them. */
export async function enrolGraduate(
  db: DB,
  input: { cohortId: number; firstName: string; lastName: string },
  actorId: number,
): Promise<{ graduateId: number; code: string; expiresAt: string }> {
  return db.transaction().execute(async (trx) => {
    const created = await insertGraduateWithInvitation(trx, input, actorId);
    await recordAudit(trx, { actorId, action: "graduate.enrol", entity: "graduate", entityId: created.graduateId, after: { ...input, code: created.code } });
    return created;
  });
}

export async function listRecentInvitations(db: DB, limit = 30) {
  return db
    .selectFrom("invitations")
    .innerJoin("graduates", "graduates.id", "invitations.graduate_id")
    .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
    .innerJoin("schools", "schools.id", "cohorts.school_id")
    .select([
      "invitations.id", "invitations.code", "invitations.used_at", "invitations.expires_at", "invitations.created_at",
      "graduates.first_name", "graduates.last_name", "cohorts.id as cohort_id", "cohorts.graduation_date",
      "schools.name_ky", "schools.name_ru", "schools.name_en",
    ])
    .orderBy("invitations.created_at", "desc")
    .orderBy("invitations.id", "desc")
    .limit(limit)
    .execute();
}
