// Graduates join only through a staff-made invitation bound to an enrolled graduate record.
import { sql } from "kysely";
import type { DB } from "@db/connection";
import type { Lang } from "@db/schema";
import { invitationCode, normalizeInvitationCode } from "~/auth/tokens.server";
import { nameKey } from "~/domain/csv/plan";
import { kyrgyzSortKey } from "~/domain/search/kyrgyz-order";
import { recordAudit } from "./audit.server";
import { ensureGraduateSlug } from "./profile.server";
import { refreshGraduateSearch } from "./search-index.server";
import { schoolIdList } from "~/domain/staff/scope";
import { createUser } from "./users.server";

export const INVITATION_DAYS = 120;

/** An invitation with its graduate's name and cohort: the columns both the sign-up and the staff list show. */
function invitationsWithCohort(db: DB) {
  return db
    .selectFrom("invitations")
    .innerJoin("graduates", "graduates.id", "invitations.graduate_id")
    .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
    .innerJoin("schools", "schools.id", "cohorts.school_id")
    .select([
      "invitations.id",
      "invitations.code",
      "invitations.used_at",
      "invitations.expires_at",
      "invitations.graduate_id",
      "graduates.first_name",
      "graduates.last_name",
      "cohorts.graduation_date",
      "schools.name_ky",
      "schools.name_ru",
      "schools.name_en",
    ]);
}

export async function findInvitation(db: DB, rawCode: string) {
  const code = normalizeInvitationCode(rawCode);
  return invitationsWithCohort(db).select("graduates.user_id").where("invitations.code", "=", code).executeTakeFirst();
}

export type Invitation = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;

export type EnrolInput = {
  cohortId: number;
  firstName: string;
  lastName: string;
  sex?: "f" | "m" | null;
  email?: string | null;
  phone?: string | null;
};

function invitationExpiry(now = Date.now()): string {
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
      // Lists by name follow the Kyrgyz alphabet (migration 0013, docs/decisions/046-small-list-search-and-kyrgyz-order.md).
      name_sort_key: kyrgyzSortKey(`${input.lastName} ${input.firstName}`),
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
    // Staff find an enrolled graduate by name at once: the staff list searches graduates_fts.
    await refreshGraduateSearch(trx, created.graduateId);
    await recordAudit(trx, { actorId, action: "graduate.enrol", entity: "graduate", entityId: created.graduateId, after: { ...input, code: created.code } });
    return created;
  });
}

/** schoolIds: the viewer's scope (null = the whole Agency, docs/decisions/063-staff-scope.md). */
export async function listRecentInvitations(db: DB, limit = 30, schoolIds: readonly number[] | null = null) {
  // The newest ids first, read from the end of an index in this order (migration 0038), then their joins:
  // planned from the cohorts, SQLite sorted all 100,000 invitations (docs/decisions/071).
  const inScope =
    schoolIds === null
      ? sql``
      : sql`where exists (select 1 from graduates g join cohorts c on c.id = g.cohort_id where g.id = i.graduate_id and c.school_id in (${sql.join(schoolIdList(schoolIds))}))`;
  const { rows } = await sql<{ id: number }>`select i.id from invitations i indexed by invitations_recent ${inScope}
    order by i.created_at desc, i.id desc limit ${limit}`.execute(db);
  if (!rows.length) return [];
  return invitationsWithCohort(db)
    .select(["invitations.created_at", "cohorts.id as cohort_id"])
    .where(
      "invitations.id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("invitations.created_at", "desc")
    .orderBy("invitations.id", "desc")
    .limit(limit)
    .execute();
}

export type RenewMode = "renew" | "reissue";

/**
 * Gives a graduate who has not joined a working code again (issue 14, item 4): "renew" keeps the
 * code (sheets already handed out stay valid) with a new expiry; "reissue" replaces it, so the old
 * code stops working (for a code given to the wrong person). A graduate without a code gets one.
 */
export async function renewInvitation(
  db: DB,
  graduateId: number,
  cohortId: number,
  mode: RenewMode,
  actorId: number,
): Promise<{ ok: true; name: string; code: string; expiresAt: string } | { ok: false; reason: "not-found" | "joined" }> {
  return db.transaction().execute(async (trx) => {
    const graduate = await trx
      .selectFrom("graduates")
      .select(["id", "first_name", "last_name", "user_id"])
      .where("id", "=", graduateId)
      .where("cohort_id", "=", cohortId)
      .where("anonymised_at", "is", null)
      .executeTakeFirst();
    if (!graduate) return { ok: false as const, reason: "not-found" as const };
    const current = await trx
      .selectFrom("invitations")
      .select(["id", "code", "expires_at", "used_at"])
      .where("graduate_id", "=", graduateId)
      .orderBy("id", "desc")
      .executeTakeFirst();
    if (graduate.user_id || current?.used_at) return { ok: false as const, reason: "joined" as const };
    const expiresAt = invitationExpiry();
    let code = current && mode === "renew" ? current.code : invitationCode();
    if (code !== current?.code) {
      while (await trx.selectFrom("invitations").select("id").where("code", "=", code).executeTakeFirst()) code = invitationCode();
    }
    if (current) {
      await trx
        .updateTable("invitations")
        .set({ code, expires_at: expiresAt, created_by: actorId, updated_at: new Date().toISOString() })
        .where("id", "=", current.id)
        .execute();
    } else {
      await trx.insertInto("invitations").values({ code, graduate_id: graduateId, created_by: actorId, expires_at: expiresAt }).execute();
    }
    await recordAudit(trx, {
      actorId,
      action: mode === "renew" ? "invitation.renew" : "invitation.reissue",
      entity: "graduate",
      entityId: graduateId,
      before: current ? { code: current.code, expiresAt: current.expires_at } : undefined,
      after: { code, expiresAt },
    });
    return { ok: true as const, name: `${graduate.first_name} ${graduate.last_name}`, code, expiresAt };
  });
}

/** Whether the cohort already has a graduate of this name, compared as the CSV import compares names. */
export async function cohortHasName(db: DB, cohortId: number, firstName: string, lastName: string): Promise<boolean> {
  const key = nameKey(firstName, lastName);
  const names = await db
    .selectFrom("graduates")
    .select(["first_name", "last_name"])
    .where("cohort_id", "=", cohortId)
    .where("anonymised_at", "is", null)
    .execute();
  return names.some((g) => nameKey(g.first_name, g.last_name) === key);
}

/**
 * A graduate's sign-up with their invitation, in one transaction: claims the invitation first (of two
 * simultaneous sign-ups with one code only one wins: the other gets "used"), then creates the account,
 * links the graduate record, gives it a slug and writes the audit row.
 */
export async function joinWithInvitation(
  db: DB,
  invitation: Pick<Invitation, "id" | "graduate_id" | "first_name" | "last_name">,
  /** locale: the page's language at sign-up, the one their messages are written in (docs/product.md §13). */
  account: { email: string; password: string; locale?: Lang | null },
): Promise<{ ok: true; userId: number } | { ok: false; problem: "errors.inviteUsed" }> {
  const userId = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable("invitations")
      .set({ used_at: new Date().toISOString() })
      .where("id", "=", invitation.id)
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return null;
    const id = await createUser(trx, {
      email: account.email,
      password: account.password,
      role: "graduate",
      displayName: `${invitation.first_name} ${invitation.last_name}`,
      locale: account.locale,
    });
    await trx.updateTable("graduates").set({ user_id: id, updated_at: new Date().toISOString() }).where("id", "=", invitation.graduate_id).execute();
    await ensureGraduateSlug(trx, invitation.graduate_id);
    await recordAudit(trx, { actorId: id, action: "graduate.join", entity: "graduate", entityId: invitation.graduate_id });
    return id;
  });
  return userId === null ? { ok: false, problem: "errors.inviteUsed" } : { ok: true, userId };
}
