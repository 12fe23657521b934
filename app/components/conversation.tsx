// The conversation of an application on both sides' application pages (and, read-only, on staff's
// page of a reported conversation), its forms, and the small page a rejected form comes back to
// (docs/decisions/060-notes-and-conversations.md). Forms post to the side's own route, so they work
// without JavaScript.
import { Form, Link, useParams } from "@remix-run/react";
import { Field, FormErrorSummary, SubmitButton, TextArea, useFormFailure } from "~/components/form";
import { CONVERSATION_FORM_MARK, type Side } from "~/domain/conversations/rules";
import { formatDate, formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/form-types";

export type ConversationMessage = {
  id: number;
  side: Side;
  mine: boolean;
  from: string;
  body: string | null;
  sentAt: string;
  attachment: { id: number; fileName: string; size: number } | null;
};

/** keptMonths: how long messages are kept (docs/decisions/067-data-retention.md); null: for good. */
export type ConversationView = { messages: ConversationMessage[]; open: boolean; reportedAt: string | null; keptMonths: number | null };

type Failure = { errors?: FieldErrors; values?: Record<string, string> };

const base = (side: Side, applicationId: number) => (side === "company" ? `/employer/applications/${applicationId}` : `/me/applications/${applicationId}`);

/** The retention note: messages older than the admin's period are removed (decision 067). */
export function RetentionNote({ keptMonths }: { keptMonths: number | null }) {
  const { t } = useT();
  return keptMonths === null ? null : <p className="small muted">{t("retention.conversationNote", { n: keptMonths })}</p>;
}

export function MessageList({ messages, keptMonths = null }: { messages: ConversationMessage[]; keptMonths?: number | null }) {
  const { t, lang } = useT();
  if (!messages.length)
    return (
      <>
        <RetentionNote keptMonths={keptMonths} />
        <p className="muted">{t("conversations.empty")}</p>
      </>
    );
  return (
    <>
      <RetentionNote keptMonths={keptMonths} />
      <ol className="stack module-list">
        {messages.map((m) => (
          <li key={m.id} className={m.mine ? "card" : undefined}>
            <p className="small muted">
              {m.mine ? t("conversations.you") : m.from} · {formatDateTime(lang, m.sentAt)}
            </p>
            {m.body === null ? <p className="muted">{t("conversations.removed")}</p> : <p className="about">{m.body}</p>}
            {m.attachment ? (
              <p>
                <a href={`/conversation-files/${m.attachment.id}`} download>
                  {t("conversations.attachment", { name: m.attachment.fileName, size: formatNumber(lang, Math.max(1, Math.round(m.attachment.size / 1024))) })}
                </a>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

export function MessageForm({ side, applicationId, errors = {}, values = {} }: { side: Side; applicationId: number } & Failure) {
  const { t } = useT();
  const sending = values.intent === "send" || values.intent === undefined;
  return (
    <Form method="post" encType="multipart/form-data" action={`${base(side, applicationId)}/messages?${CONVERSATION_FORM_MARK}`} className="stack" noValidate>
      <input type="hidden" name="intent" value="send" />
      <TextArea
        name="body"
        id="conversation-body"
        label={t("conversations.body.label")}
        hint={t("conversations.body.hint")}
        rows={4}
        defaultValue={sending ? values.body : undefined}
        error={errors.body}
        required
      />
      <Field
        name="file"
        id="conversation-file"
        type="file"
        accept="application/pdf,.pdf"
        label={t("conversations.file.label")}
        // The browser draws the file button's own text ("Choose File") in its language, which no page can
        // change; the hint in the page's language says what to choose (REVIEW18 F9).
        hint={t("fix18.file.hint")}
        optional
        error={errors.file}
      />
      <div className="actions">
        <SubmitButton>{t("conversations.send")}</SubmitButton>
      </div>
    </Form>
  );
}

export function ReportForm({ side, applicationId, errors = {}, values = {} }: { side: Side; applicationId: number } & Failure) {
  const { t } = useT();
  return (
    <details open={Boolean(errors.reason) || undefined}>
      <summary>{t("conversations.report.summary")}</summary>
      <Form method="post" action={`${base(side, applicationId)}/messages?${CONVERSATION_FORM_MARK}`} className="stack" noValidate>
        <p className="small">{t("conversations.report.explain")}</p>
        <input type="hidden" name="intent" value="report" />
        <TextArea
          name="reason"
          id="conversation-report-reason"
          label={t("conversations.report.reason")}
          rows={2}
          defaultValue={values.reason}
          error={errors.reason}
          required
        />
        <div className="actions">
          <button type="submit" className="button button--secondary">
            {t("conversations.report.submit")}
          </button>
        </div>
      </Form>
    </details>
  );
}

/** The card on a side's application page. */
export function Conversation({ side, applicationId, view }: { side: Side; applicationId: number; view: ConversationView }) {
  const { t, lang } = useT();
  return (
    <section id="conversation" aria-labelledby="conversation-title" className="card stack">
      <h2 id="conversation-title">{t("conversations.title")}</h2>
      <p className="small muted">{side === "company" ? t("conversations.lead.company") : t("conversations.lead.graduate")}</p>
      <MessageList messages={view.messages} keptMonths={view.keptMonths} />
      {view.open ? <MessageForm side={side} applicationId={applicationId} /> : <p className="muted">{t("conversations.closed")}</p>}
      {view.reportedAt ? (
        <p className="small">{t("conversations.reported", { date: formatDate(lang, view.reportedAt) })}</p>
      ) : view.messages.length ? (
        <ReportForm side={side} applicationId={applicationId} />
      ) : null}
    </section>
  );
}

/** What a messages route shows after a rejected form: the form again, its error beside the field, the text kept. */
export function ConversationFailurePage({ side }: { side: Side }) {
  const { t } = useT();
  const { id } = useParams();
  const { errors, values } = useFormFailure();
  const applicationId = Number(id);
  return (
    <section className="narrow stack">
      <p className="small">
        <Link to={`${base(side, applicationId)}#conversation`}>← {t("teamNotes.back")}</Link>
      </p>
      <h1>{Object.keys(errors).length ? t("conversations.page.title") : t("conversations.title")}</h1>
      <FormErrorSummary errors={errors} />
      {values.intent === "report" ? (
        <ReportForm side={side} applicationId={applicationId} errors={errors} values={values} />
      ) : (
        <MessageForm side={side} applicationId={applicationId} errors={errors} values={values} />
      )}
    </section>
  );
}
