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

/** Enrols one graduate in a cohort and returns the invitation code to hand them. */
export async function enrolGraduate(
  db: DB,
  input: { cohortId: number; firstName: string; lastName: string },
  actorId: number,
): Promise<{ graduateId: number; code: string; expiresAt: string }> {
  return db.transaction().execute(async (trx) => {
    const { id: graduateId } = await trx
      .insertInto("graduates")
      .values({ cohort_id: input.cohortId, first_name: input.firstName, last_name: input.lastName })
      .returning("id")
      .executeTakeFirstOrThrow();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000).toISOString();
    let code = invitationCode();
    // ~40 bits of randomness: a clash is rare, but the unique index would turn it into a 500.
    while (await trx.selectFrom("invitations").select("id").where("code", "=", code).executeTakeFirst()) code = invitationCode();
    await trx.insertInto("invitations").values({ code, graduate_id: graduateId, created_by: actorId, expires_at: expiresAt }).execute();
    await recordAudit(trx, { actorId, action: "graduate.enrol", entity: "graduate", entityId: graduateId, after: { ...input, code } });
    return { graduateId, code, expiresAt };
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
      "graduates.first_name", "graduates.last_name", "cohorts.graduation_date",
      "schools.name_ky", "schools.name_ru", "schools.name_en",
    ])
    .orderBy("invitations.created_at", "desc")
    .orderBy("invitations.id", "desc")
    .limit(limit)
    .execute();
}
