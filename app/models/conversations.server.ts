// The conversation of an application between the company and the graduate, its PDF attachments and
// reports to staff (docs/product.md §15, docs/decisions/060-notes-and-conversations.md). Each side
// reaches a thread only through its own scope (the company by the vacancy, the graduate by the
// application), staff only while a report of it is open. A message, its attachment and the other
// side's notification commit together (decision 057). Queries only.
import type { DB } from "@db/connection";
import { applicationInScope } from "./staff-scope-records.server";
import { schoolIdList } from "~/domain/staff/scope";
import { conversationOpen, REPORT_REASON_MAX, type Side } from "~/domain/conversations/rules";
import { recordAudit } from "./audit.server";
import { messageRetentionMonths } from "./retention.server";
import { tell, tellCompany } from "./messages.server";
import { type ApplicationRow, applicationFor } from "./application-of.server";

/** Whose view of a thread: the company (by its id) or the graduate (by theirs). */
export type ConversationScope = { side: "company"; companyId: number } | { side: "graduate"; graduateId: number };

type ThreadRow = ApplicationRow;

/** The application as the scope may reach it, or undefined (another company's, another graduate's, none). */
async function threadOf(db: DB, scope: ConversationScope, applicationId: number): Promise<ThreadRow | undefined> {
  return applicationFor(db, scope.side === "company" ? { companyId: scope.companyId } : { graduateId: scope.graduateId }, applicationId).executeTakeFirst();
}

/** Whether the scope reaches the application: routes ask before reading the form, so another side's id is a 404 whatever was posted. */
export async function reachesApplication(db: DB, scope: ConversationScope, applicationId: number): Promise<boolean> {
  return (await threadOf(db, scope, applicationId)) !== undefined;
}

export type Attachment = { fileName: string; bytes: Uint8Array };
export type SendResult = { ok: true; messageId: number } | { ok: false; reason: "not-found" | "closed" };

/** Writes a message (and its attachment) and tells the other side, in one transaction. */
export async function sendConversationMessage(
  db: DB,
  scope: ConversationScope,
  applicationId: number,
  authorId: number,
  body: string,
  attachment: Attachment | null,
): Promise<SendResult> {
  return db.transaction().execute(async (trx) => {
    const thread = await threadOf(trx, scope, applicationId);
    if (!thread) return { ok: false, reason: "not-found" };
    // A deleted graduate's application keeps no one to write to; a closed one is read-only.
    if (!conversationOpen(thread.status) || thread.user_id === null) return { ok: false, reason: "closed" };
    const { id: messageId } = await trx
      .insertInto("conversation_messages")
      .values({ application_id: applicationId, side: scope.side, author_user_id: authorId, body })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (attachment) {
      await trx
        .insertInto("conversation_attachments")
        .values({ message_id: messageId, file_name: attachment.fileName, size: attachment.bytes.length, data: Buffer.from(attachment.bytes) })
        .execute();
    }
    // Who wrote and about which vacancy, never the words themselves (decision 060): the e-mail and
    // the Telegram message only bring the reader back to the page.
    if (scope.side === "company") {
      await tell(trx, {
        userId: thread.user_id,
        kind: "conversation-message",
        eventKey: messageId,
        vars: { from: thread.company_name, vacancy: thread.title },
        link: `/me/applications/${applicationId}`,
      });
    } else {
      await tellCompany(trx, thread.company_id, {
        kind: "conversation-message",
        eventKey: messageId,
        vars: { from: `${thread.first_name} ${thread.last_name}`, vacancy: thread.title },
        link: `/employer/applications/${applicationId}`,
      });
    }
    return { ok: true, messageId };
  });
}

/**
 * The thread as a side sees it: the company's messages are signed by the colleague for the company
 * and by the company's name for the graduate; no e-mail address or phone number is ever part of it
 * (app/domain/visibility.ts decides contacts, on the pages that show them).
 */
async function messagesOf(db: DB, applicationId: number, reader: Side | "staff", thread: ThreadRow) {
  const rows = await db
    .selectFrom("conversation_messages")
    .leftJoin("users", "users.id", "conversation_messages.author_user_id")
    .leftJoin("conversation_attachments", "conversation_attachments.message_id", "conversation_messages.id")
    .select([
      "conversation_messages.id",
      "conversation_messages.side",
      "conversation_messages.body",
      "conversation_messages.created_at",
      "users.display_name as author",
      "conversation_attachments.id as attachment_id",
      "conversation_attachments.file_name",
      "conversation_attachments.size",
    ])
    .where("conversation_messages.application_id", "=", applicationId)
    .orderBy("conversation_messages.id")
    .execute();
  const graduateName = `${thread.first_name} ${thread.last_name}`.trim();
  return rows.map((r) => ({
    id: r.id,
    side: r.side,
    mine: r.side === reader,
    from: r.side === "graduate" ? graduateName : reader === "graduate" ? thread.company_name : `${r.author ?? "—"} (${thread.company_name})`,
    body: r.body,
    sentAt: r.created_at,
    attachment: r.attachment_id === null ? null : { id: r.attachment_id, fileName: r.file_name ?? "document.pdf", size: r.size ?? 0 },
  }));
}

/** The thread for a side's application page, or null when the scope does not reach the application. */
export async function conversationFor(db: DB, scope: ConversationScope, applicationId: number) {
  const thread = await threadOf(db, scope, applicationId);
  if (!thread) return null;
  const [messages, report, keptMonths] = await Promise.all([
    messagesOf(db, applicationId, scope.side, thread),
    db
      .selectFrom("conversation_reports")
      .select("created_at")
      .where("application_id", "=", applicationId)
      .where("side", "=", scope.side)
      .where("status", "=", "open")
      .executeTakeFirst(),
    messageRetentionMonths(db),
  ]);
  return { messages, open: conversationOpen(thread.status) && thread.user_id !== null, reportedAt: report?.created_at ?? null, keptMonths };
}

export type ReportResult = { ok: true; added: boolean } | { ok: false; reason: "not-found" | "full" };

/**
 * A side reports the conversation to staff. A second report while one of the side's is open adds its
 * reason to that report, after a blank line (REVIEW18 F4: it used to be dropped); one that would pass
 * the report's length is refused whole ("full"). Each report and addition is audited.
 */
export async function reportConversation(db: DB, scope: ConversationScope, applicationId: number, reporterId: number, reason: string): Promise<ReportResult> {
  return db.transaction().execute(async (trx) => {
    const thread = await threadOf(trx, scope, applicationId);
    if (!thread) return { ok: false, reason: "not-found" };
    const open = await trx
      .selectFrom("conversation_reports")
      .select(["id", "reason"])
      .where("application_id", "=", applicationId)
      .where("side", "=", scope.side)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (open) {
      const joined = `${open.reason}\n\n${reason}`;
      if (joined.length > REPORT_REASON_MAX) return { ok: false, reason: "full" };
      await trx.updateTable("conversation_reports").set({ reason: joined, updated_at: new Date().toISOString() }).where("id", "=", open.id).execute();
      await recordAudit(trx, {
        actorId: reporterId,
        action: "conversation.report",
        entity: "application",
        entityId: applicationId,
        after: { report: open.id, side: scope.side, added: true },
      });
      return { ok: true, added: true };
    }
    const { id } = await trx
      .insertInto("conversation_reports")
      .values({ application_id: applicationId, side: scope.side, reporter_user_id: reporterId, reason })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: reporterId,
      action: "conversation.report",
      entity: "application",
      entityId: applicationId,
      after: { report: id, side: scope.side },
    });
    return { ok: true, added: false };
  });
}

/** Staff's queue: applications whose conversation has an open report, oldest report first. */
/** schoolIds: a school-scoped officer's schools (docs/decisions/063-staff-scope.md); null for the whole Agency. */
export async function openConversationReports(db: DB, schoolIds: readonly number[] | null = null) {
  return db
    .selectFrom("conversation_reports")
    .innerJoin("applications", "applications.id", "conversation_reports.application_id")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
    .innerJoin("companies", "companies.id", "vacancies.company_id")
    .select([
      "conversation_reports.id",
      "conversation_reports.application_id",
      "conversation_reports.side",
      "conversation_reports.reason",
      "conversation_reports.created_at",
      "vacancies.title as vacancy_title",
      "companies.name as company_name",
    ])
    .where("conversation_reports.status", "=", "open")
    .$if(schoolIds !== null, (q) =>
      q.where("applications.graduate_id", "in", (eb) =>
        eb
          .selectFrom("graduates")
          .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
          .select("graduates.id")
          .where("cohorts.school_id", "in", schoolIdList(schoolIds!)),
      ),
    )
    .orderBy("conversation_reports.created_at")
    .orderBy("conversation_reports.id")
    .execute();
}

async function hasOpenReport(db: DB, applicationId: number): Promise<boolean> {
  const row = await db
    .selectFrom("conversation_reports")
    .select("id")
    .where("application_id", "=", applicationId)
    .where("status", "=", "open")
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * A reported conversation as staff read it, with its open reports; null when no report of it is open
 * (staff cannot read an unreported conversation: the page answers 404). Each reading is audited.
 */
export async function reportedConversation(db: DB, applicationId: number, staffId: number) {
  return db.transaction().execute(async (trx) => {
    if (!(await hasOpenReport(trx, applicationId))) return null;
    const thread = await applicationFor(trx, "any", applicationId).executeTakeFirstOrThrow();
    const [messages, reports, keptMonths] = await Promise.all([
      messagesOf(trx, applicationId, "staff", thread),
      trx
        .selectFrom("conversation_reports")
        .select(["id", "side", "reason", "created_at"])
        .where("application_id", "=", applicationId)
        .where("status", "=", "open")
        .orderBy("id")
        .execute(),
      messageRetentionMonths(trx),
    ]);
    await recordAudit(trx, { actorId: staffId, action: "conversation.read", entity: "application", entityId: applicationId });
    return {
      applicationId,
      companyName: thread.company_name,
      vacancyTitle: thread.title,
      graduateName: `${thread.first_name} ${thread.last_name}`.trim(),
      messages,
      keptMonths,
      reports: reports.map((r) => ({ id: r.id, side: r.side, reason: r.reason, createdAt: r.created_at })),
    };
  });
}

/** Staff close every open report of the conversation: from then on they cannot read it. Audited. */
export async function closeConversationReports(db: DB, applicationId: number, staffId: number): Promise<{ ok: true } | { ok: false; reason: "not-found" }> {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const closed = await trx
      .updateTable("conversation_reports")
      .set({ status: "closed", closed_by: staffId, closed_at: now, updated_at: now })
      .where("application_id", "=", applicationId)
      .where("status", "=", "open")
      .returning("id")
      .execute();
    if (!closed.length) return { ok: false, reason: "not-found" };
    await recordAudit(trx, {
      actorId: staffId,
      action: "conversation.close-report",
      entity: "application",
      entityId: applicationId,
      after: { reports: closed.map((r) => r.id) },
    });
    return { ok: true };
  });
}

/** Who asks for an attachment (from app/domain/visibility.ts's Viewer, already checked for role). */
export type AttachmentReader =
  { kind: "graduate"; graduateId: number } | { kind: "company"; companyId: number } | { kind: "staff"; schoolIds: readonly number[] | null };

/** The attachment's bytes when the reader may have them: a side of its application, or staff while it is reported. */
export async function attachmentFor(db: DB, reader: AttachmentReader, attachmentId: number) {
  const row = await db
    .selectFrom("conversation_attachments")
    .innerJoin("conversation_messages", "conversation_messages.id", "conversation_attachments.message_id")
    .innerJoin("applications", "applications.id", "conversation_messages.application_id")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
    .select([
      "conversation_attachments.file_name",
      "conversation_attachments.data",
      "applications.id as application_id",
      "applications.graduate_id",
      "vacancies.company_id",
    ])
    .where("conversation_attachments.id", "=", attachmentId)
    .executeTakeFirst();
  if (!row) return null;
  const allowed =
    reader.kind === "graduate"
      ? row.graduate_id === reader.graduateId
      : reader.kind === "company"
        ? row.company_id === reader.companyId
        : (await hasOpenReport(db, row.application_id)) && (await applicationInScope(db, row.application_id, reader.schoolIds));
  return allowed ? { fileName: row.file_name, data: row.data } : null;
}

/**
 * The graduate's conversations for their data download: their own messages and the ones they
 * received (with the attachment's name and size, not its bytes). Team notes and ratings are the
 * company's and are not part of it (docs/product.md §8).
 */
export async function exportConversationsOf(db: DB, graduateId: number) {
  const rows = await db
    .selectFrom("conversation_messages")
    .innerJoin("applications", "applications.id", "conversation_messages.application_id")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
    .innerJoin("companies", "companies.id", "vacancies.company_id")
    .leftJoin("conversation_attachments", "conversation_attachments.message_id", "conversation_messages.id")
    .select([
      "applications.id as application_id",
      "vacancies.title as vacancy",
      "companies.name as company",
      "conversation_messages.side",
      "conversation_messages.body",
      "conversation_messages.created_at",
      "conversation_attachments.file_name",
      "conversation_attachments.size",
    ])
    .where("applications.graduate_id", "=", graduateId)
    .orderBy("applications.id")
    .orderBy("conversation_messages.id")
    .execute();
  return rows.map((r) => ({
    applicationId: r.application_id,
    vacancy: r.vacancy,
    company: r.company,
    from: r.side === "graduate" ? ("me" as const) : ("company" as const),
    text: r.body,
    sentAt: r.created_at,
    attachment: r.file_name === null ? null : { name: r.file_name, bytes: r.size },
  }));
}

/** When the graduate deletes their account: their own words and files go; the company's messages stay with the anonymised application. */
export async function forgetGraduateConversations(db: DB, graduateId: number, userId: number): Promise<void> {
  const mine = db
    .selectFrom("conversation_messages")
    .innerJoin("applications", "applications.id", "conversation_messages.application_id")
    .select("conversation_messages.id")
    .where("applications.graduate_id", "=", graduateId)
    .where("conversation_messages.side", "=", "graduate");
  await db.deleteFrom("conversation_attachments").where("message_id", "in", mine).execute();
  await db.updateTable("conversation_messages").set({ body: null, updated_at: new Date().toISOString() }).where("id", "in", mine).execute();
  await db.updateTable("conversation_reports").set({ reason: "—" }).where("reporter_user_id", "=", userId).execute();
}
