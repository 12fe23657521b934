// /employer/bulk-actions/:id — what a bulk action on the applicants list did (moved, left as they were
// and why) and, for 10 minutes, its Undo (docs/product.md §15, docs/decisions/059-bulk-decisions-and-undo.md).
// Members of the company that made it only: another company's action is a 404, an undo too late a 409.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { StatusPill } from "~/components/application";
import { FormErrorSummary, SubmitButton, useFormFailure } from "~/components/form";
import { SectionErrorBoundary } from "~/components/section-error";
import { getDb } from "~/db.server";
import { canUndoAt } from "~/domain/applications/bulk";
import { formatDateTime, formatNumber } from "~/i18n/format";
import type { MessageKey } from "~/i18n/messages/en";
import { useT } from "~/i18n/use-t";
import { requireCompanyMember } from "~/auth/guards.server";
import { bulkActionOf, undoBulk } from "~/models/bulk-actions.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { readForm, typedValues } from "~/utils/forms.server";
import { badRequest, idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company } = await requireCompanyMember(request);
  const action = await bulkActionOf(getDb(), company.id, idParam(params.id));
  if (!action) notFound();
  return { action, canUndo: action.undone_at === null && canUndoAt(action.undo_until, new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, company } = await requireCompanyMember(request);
  const id = idParam(params.id);
  const form = await readForm(request);
  if (form.get("intent") !== "undo") badRequest();
  const result = await undoBulk(getDb(), company.id, id, user.id);
  if (!result.ok) {
    if (result.reason === "not-found") notFound();
    const error: MessageKey = result.reason === "expired" ? "applicants.undo.expired" : "applicants.undo.already";
    return data({ ok: false as const, errors: { _form: error }, values: typedValues(form) }, { status: 409 });
  }
  return redirect(`/employer/bulk-actions/${id}`, { headers: cookieHeaders(setFlash("applicants.flash.undone")) });
}

export const meta = titleMeta("applicants.result.title", { private: true });

export default function BulkActionPage() {
  const { t, lang } = useT();
  const { action: a, canUndo } = useLoaderData<typeof loader>();
  const { errors } = useFormFailure();
  const status = (s: Parameters<typeof StatusPill>[0]["status"]) => t(`applications.status.${s}`);
  return (
    <section className="stack">
      <p className="small">
        <Link to="/employer/applicants">← {t("applications.applicants.all")}</Link>
      </p>
      <h1>{t("applicants.result.title")}</h1>
      <p>
        {t("applicants.result.summary", { n: formatNumber(lang, a.items.length), status: status(a.to_status) })}{" "}
        <span className="small muted">
          {a.actor_name ? `${a.actor_name} · ` : ""}
          {formatDateTime(lang, a.created_at)}
        </span>
      </p>
      <FormErrorSummary errors={errors} />
      {a.undone_at ? (
        <p className="notice notice--info">{t("applicants.result.undone", { time: formatDateTime(lang, a.undone_at) })}</p>
      ) : canUndo ? (
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value="undo" />
          <SubmitButton>{t("applicants.undo.submit")}</SubmitButton>
          <span className="small muted">{t("applicants.undo.until", { time: formatDateTime(lang, a.undo_until) })}</span>
        </Form>
      ) : (
        <p className="small muted">{t("applicants.result.noUndo")}</p>
      )}
      <h2>{t("applicants.result.moved")}</h2>
      <ul>
        {a.items.map((i) => (
          <li key={i.id}>
            <Link to={`/employer/applications/${i.id}`}>{i.name}</Link>: {status(i.from_status)} → <StatusPill status={i.status} />
            {i.undone ? <span className="small muted"> ({t("applicants.result.itemUndone")})</span> : null}
            {i.kept ? <span className="small muted"> ({t("fix18.undo.kept")})</span> : null}
            {i.proposeAgain ? (
              <span className="small">
                {" "}
                — {t("fix18.undo.proposeAgain")}: <Link to={`/employer/interviews/new?application=${i.id}`}>{t("interviews.propose.link")}</Link>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {a.skipped.length ? (
        <>
          <h2>{t("applicants.bulk.skippedTitle")}</h2>
          <ul>
            {a.skipped.map((s) => (
              <li key={s.id}>
                <Link to={`/employer/applications/${s.id}`}>{s.name}</Link>:{" "}
                {t(s.reason === "conflict" ? "applicants.bulk.skipped.conflict" : "applicants.bulk.skipped.transition", { status: status(s.status) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
