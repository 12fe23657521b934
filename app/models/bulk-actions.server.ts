// Bulk decisions on the applicants list (docs/product.md §15, docs/decisions/059-bulk-decisions-and-undo.md):
// move the selected applications to a stage, or reject them with one of the company's reasons, in ONE
// transaction — each application's history event and message, one audit row naming the count and ids —
// and undo it within 10 minutes: each application back to its stage (an undo event in its history), its
// unsent messages cancelled and a correction after any that went. Scoped by company. Queries only.
import type { DB } from "@db/connection";
import type { ApplicationStatus, Lang } from "@db/schema";
import { canMove } from "~/domain/applications/pipeline";
import { type BulkSkip, canUndoAt, undoUntilOf } from "~/domain/applications/bulk";
import { DEFAULT_LANG, isLang } from "~/i18n/negotiate";
import { recordAudit } from "./audit.server";
import { cancelInterviewReminders } from "./interview-messages.server";
import { cancelInterviewOnLeaving } from "./interviews.server";
import { type EventTx, inTransaction, tell } from "./messages.server";
import { idemKeyOf, type NotSentReason } from "./outbox.server";
import { templateOf } from "./rejection-templates.server";

export type BulkInput = {
  applicationIds: number[];
  to: ApplicationStatus;
  /** For a rejection: the company's template whose text each candidate receives in their language. */
  templateId: number | null;
  /** The stage each application was at on the list its author saw (a colleague's move since is a conflict). */
  seen: Record<number, ApplicationStatus>;
};

export type BulkResult = { ok: true; bulkId: number | null; moved: number[]; skipped: BulkSkip[] } | { ok: false; reason: "not-found" | "template" | "empty" };

/** The language a person reads messages in (their saved choice, else the portal's default): as the outbox worker picks it. */
const langOf = (locale: string | null): Lang => (locale && isLang(locale) ? locale : DEFAULT_LANG);

/**
 * One bulk action. An id that is not the company's refuses the whole action (nothing written); an
 * application that cannot make the move (the pipeline) or was moved since it was seen is skipped and
 * reported. When nothing could be moved, nothing is written.
 */
export async function bulkMove(db: DB, companyId: number, input: BulkInput, actorUserId: number, now = new Date()): Promise<BulkResult> {
  const ids = [...new Set(input.applicationIds)];
  if (!ids.length) return { ok: false, reason: "empty" };
  return inTransaction(db, async (trx): Promise<BulkResult> => {
    const apps = await trx
      .selectFrom("applications")
      .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
      .innerJoin("companies", "companies.id", "vacancies.company_id")
      .innerJoin("graduates", "graduates.id", "applications.graduate_id")
      .leftJoin("users", "users.id", "graduates.user_id")
      .select(["applications.id", "applications.status", "vacancies.title", "companies.name as company_name", "graduates.user_id", "users.locale"])
      .where("applications.id", "in", ids)
      .where("vacancies.company_id", "=", companyId)
      .orderBy("applications.id")
      .execute();
    if (apps.length !== ids.length) return { ok: false, reason: "not-found" };
    const template = input.to === "rejected" && input.templateId !== null ? await templateOf(trx, companyId, input.templateId) : null;
    if (input.to === "rejected" && !template) return { ok: false, reason: "template" };

    const skipped: BulkSkip[] = [];
    const movable = apps.filter((a) => {
      const seen = input.seen[a.id];
      if (seen && seen !== a.status) skipped.push({ applicationId: a.id, reason: "conflict", status: a.status });
      else if (!canMove(a.status, input.to, "employer")) skipped.push({ applicationId: a.id, reason: "transition", status: a.status });
      else return true;
      return false;
    });
    if (!movable.length) return { ok: true, bulkId: null, moved: [], skipped };

    const at = now.toISOString();
    const { id: bulkId } = await trx
      .insertInto("bulk_actions")
      .values({
        company_id: companyId,
        actor_user_id: actorUserId,
        to_status: input.to,
        reason_ky: template?.text_ky ?? null,
        reason_ru: template?.text_ru ?? null,
        reason_en: template?.text_en ?? null,
        skipped_json: JSON.stringify(skipped),
        undo_until: undoUntilOf(now),
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const a of movable) {
      const updated = await trx
        .updateTable("applications")
        .set({ status: input.to, updated_at: at })
        .where("id", "=", a.id)
        .where("status", "=", a.status)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new Error(`bulk move: application ${a.id} changed inside the transaction`);
      const reason = template ? template[`text_${langOf(a.locale)}`] : null;
      const { id: eventId } = await trx
        .insertInto("application_events")
        .values({ application_id: a.id, from_status: a.status, to_status: input.to, actor_user_id: actorUserId, note: reason, created_at: at, updated_at: at })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.insertInto("bulk_action_items").values({ bulk_action_id: bulkId, application_id: a.id, from_status: a.status, event_id: eventId }).execute();
      if (a.user_id) {
        const link = `/me/applications/${a.id}`;
        if (reason !== null)
          await tell(trx, {
            userId: a.user_id,
            kind: "application-rejected",
            eventKey: eventId,
            vars: { vacancy: a.title, company: a.company_name, reason },
            link,
          });
        else
          await tell(trx, {
            userId: a.user_id,
            kind: "application-status",
            eventKey: eventId,
            vars: { vacancy: a.title, company: a.company_name, status: input.to },
            link,
          });
      }
      if (a.status === "interview") await cancelInterviewReminders(trx, a.id, now);
      if (input.to === "rejected") await cancelInterviewOnLeaving(trx, a.id, eventId, reason ?? "—", now);
    }
    const moved = movable.map((a) => a.id);
    await recordAudit(trx, {
      actorId: actorUserId,
      action: input.to === "rejected" ? "applications.bulk-reject" : "applications.bulk-move",
      entity: "bulk_action",
      entityId: bulkId,
      after: { count: moved.length, applicationIds: moved, to: input.to, templateId: template?.id ?? null, skipped: skipped.map((s) => s.applicationId) },
    });
    return { ok: true, bulkId, moved, skipped };
  });
}

/** A bulk action of the company with what each application did, for its result page. */
export async function bulkActionOf(db: DB, companyId: number, bulkId: number) {
  const action = await db
    .selectFrom("bulk_actions")
    .leftJoin("users", "users.id", "bulk_actions.actor_user_id")
    .select([
      "bulk_actions.id",
      "bulk_actions.to_status",
      "bulk_actions.skipped_json",
      "bulk_actions.undo_until",
      "bulk_actions.undone_at",
      "bulk_actions.created_at",
      "users.display_name as actor_name",
    ])
    .where("bulk_actions.id", "=", bulkId)
    .where("bulk_actions.company_id", "=", companyId)
    .executeTakeFirst();
  if (!action) return null;
  const items = await db
    .selectFrom("bulk_action_items as i")
    .innerJoin("applications as a", "a.id", "i.application_id")
    .innerJoin("graduates as g", "g.id", "a.graduate_id")
    .select((eb) => [
      "i.application_id as id",
      "i.from_status",
      "i.undo_event_id",
      "a.status",
      "g.first_name",
      "g.last_name",
      // An interview the action cancelled (cancelInterviewOnLeaving) and none open since: an undo does not
      // bring it back (decision 059, "Session 12").
      eb
        .exists(
          eb
            .selectFrom("interviews as iv")
            .select("iv.id")
            .whereRef("iv.application_id", "=", "i.application_id")
            .where("iv.status", "=", "cancelled")
            .where("iv.updated_at", ">=", action.created_at),
        )
        .as("cancelled_interview"),
      eb
        .exists(
          eb
            .selectFrom("interviews as iv")
            .select("iv.id")
            .whereRef("iv.application_id", "=", "i.application_id")
            .where("iv.status", "in", ["proposed", "another-time", "confirmed"]),
        )
        .as("open_interview"),
    ])
    .where("i.bulk_action_id", "=", bulkId)
    .orderBy("i.application_id")
    .execute();
  const skipped = JSON.parse(action.skipped_json) as BulkSkip[];
  const names = skipped.length
    ? await db
        .selectFrom("applications as a")
        .innerJoin("graduates as g", "g.id", "a.graduate_id")
        .select(["a.id", "g.first_name", "g.last_name"])
        .where(
          "a.id",
          "in",
          skipped.map((s) => s.applicationId),
        )
        .execute()
    : [];
  const nameOf = new Map(names.map((n) => [n.id, `${n.first_name} ${n.last_name}`]));
  return {
    id: action.id,
    to_status: action.to_status,
    undo_until: action.undo_until,
    undone_at: action.undone_at,
    created_at: action.created_at,
    actor_name: action.actor_name,
    items: items.map((i) => ({
      id: i.id,
      from_status: i.from_status,
      status: i.status,
      name: `${i.first_name} ${i.last_name}`,
      undone: i.undo_event_id !== null,
      // The undo left it alone: moved on since the action (REVIEW18 F8).
      kept: action.undone_at !== null && i.undo_event_id === null,
      // Back at "interview" without the interview the rejection cancelled: the employer proposes a time again.
      proposeAgain: i.undo_event_id !== null && i.status === "interview" && Boolean(i.cancelled_interview) && !i.open_interview,
    })),
    skipped: skipped.map((s) => ({ id: s.applicationId, reason: s.reason, status: s.status, name: nameOf.get(s.applicationId) ?? "" })),
  };
}

/** The company's bulk actions that can still be undone at `now`, newest first (the list's "Undo" banner). */
export async function undoableBulkActions(db: DB, companyId: number, now = new Date()) {
  const rows = await db
    .selectFrom("bulk_actions")
    .select((eb) => [
      "bulk_actions.id",
      "bulk_actions.to_status",
      "bulk_actions.undo_until",
      eb
        .selectFrom("bulk_action_items")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("bulk_action_items.bulk_action_id", "=", "bulk_actions.id")
        .as("count"),
    ])
    .where("company_id", "=", companyId)
    .where("undone_at", "is", null)
    .where("undo_until", ">=", now.toISOString())
    .orderBy("id", "desc")
    .limit(3)
    .execute();
  return rows.map((r) => ({ id: r.id, to_status: r.to_status, undo_until: r.undo_until, count: Number(r.count ?? 0) }));
}

export type UndoResult = { ok: true; restored: number[]; kept: number[] } | { ok: false; reason: "not-found" | "expired" | "already" };

/**
 * Takes a bulk action back within its 10 minutes. Each application still where the action left it (its
 * last event is the action's) returns to its stage with an undo event in its history; one moved on since
 * is kept as it is. Its messages not yet sent are cancelled; if one went out (or is being sent), the
 * candidate gets a correction; the in-portal notice always follows the first one.
 */
export async function undoBulk(db: DB, companyId: number, bulkId: number, actorUserId: number, now = new Date()): Promise<UndoResult> {
  return inTransaction(db, async (trx): Promise<UndoResult> => {
    const action = await trx
      .selectFrom("bulk_actions")
      .select(["id", "to_status", "undo_until", "undone_at"])
      .where("id", "=", bulkId)
      .where("company_id", "=", companyId)
      .executeTakeFirst();
    if (!action) return { ok: false, reason: "not-found" };
    if (action.undone_at) return { ok: false, reason: "already" };
    if (!canUndoAt(action.undo_until, now)) return { ok: false, reason: "expired" };
    const at = now.toISOString();
    const claimed = await trx
      .updateTable("bulk_actions")
      .set({ undone_at: at, undone_by: actorUserId, updated_at: at })
      .where("id", "=", bulkId)
      .where("undone_at", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, reason: "already" };
    const items = await trx
      .selectFrom("bulk_action_items as i")
      .innerJoin("applications as a", "a.id", "i.application_id")
      .innerJoin("vacancies as v", "v.id", "a.vacancy_id")
      .innerJoin("companies as c", "c.id", "v.company_id")
      .innerJoin("graduates as g", "g.id", "a.graduate_id")
      .select((eb) => [
        "i.application_id",
        "i.from_status",
        "i.event_id",
        "a.status",
        "v.title",
        "c.name as company_name",
        "g.user_id",
        eb
          .selectFrom("application_events as e")
          .select((e) => e.fn.max("e.id").as("last"))
          .whereRef("e.application_id", "=", "i.application_id")
          .as("last_event"),
      ])
      .where("i.bulk_action_id", "=", bulkId)
      .orderBy("i.application_id")
      .execute();
    const restored: number[] = [];
    const kept: number[] = [];
    for (const item of items) {
      if (item.status !== action.to_status || item.last_event !== item.event_id) {
        kept.push(item.application_id);
        continue;
      }
      await trx
        .updateTable("applications")
        .set({ status: item.from_status, updated_at: at })
        .where("id", "=", item.application_id)
        .where("status", "=", action.to_status)
        .execute();
      const { id: undoEventId } = await trx
        .insertInto("application_events")
        .values({
          application_id: item.application_id,
          from_status: action.to_status,
          to_status: item.from_status,
          actor_user_id: actorUserId,
          note: null,
          undoes_event_id: item.event_id,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .updateTable("bulk_action_items")
        .set({ undo_event_id: undoEventId })
        .where("bulk_action_id", "=", bulkId)
        .where("application_id", "=", item.application_id)
        .execute();
      if (item.user_id)
        await takeBackMessages(trx, item.user_id, item.event_id, undoEventId, { vacancy: item.title, company: item.company_name }, item.application_id, at);
      restored.push(item.application_id);
    }
    await recordAudit(trx, {
      actorId: actorUserId,
      action: "applications.bulk-undo",
      entity: "bulk_action",
      entityId: bulkId,
      after: { count: restored.length, applicationIds: restored, kept },
    });
    return { ok: true, restored, kept };
  });
}

/** The event's outbox rows: those waiting are cancelled; if any went (or is going) out, a correction follows it. */
async function takeBackMessages(
  trx: EventTx,
  userId: number,
  eventId: number,
  undoEventId: number,
  vars: { vacancy: string; company: string },
  applicationId: number,
  at: string,
) {
  const rows = await trx
    .selectFrom("outbox")
    .select(["id", "status", "lease"])
    .where("user_id", "=", userId)
    // The event's keys (idemKeyOf: kind.event.person.channel), one per kind it may have sent and channel.
    .where(
      "idem_key",
      "in",
      (["application-status", "application-rejected"] as const).flatMap((kind) =>
        (["email", "telegram"] as const).map((channel) => idemKeyOf(trx, { kind, eventKey: eventId, userId }, channel)),
      ),
    )
    .execute();
  const waiting = rows.filter((r) => r.status === "queued" && r.lease === null).map((r) => r.id);
  if (waiting.length)
    await trx
      .updateTable("outbox")
      .set({ status: "not_sent", last_error: "undone" satisfies NotSentReason, updated_at: at })
      .where("id", "in", waiting)
      .where("status", "=", "queued")
      .where("lease", "is", null)
      .execute();
  const went = rows.some((r) => r.status === "sent" || (r.status === "queued" && r.lease !== null));
  await tell(trx, { userId, kind: "application-correction", eventKey: undoEventId, vars, link: `/me/applications/${applicationId}` }, { outbox: went });
}
