// A reported conversation as staff read it (docs/product.md §15, docs/decisions/060-notes-and-conversations.md):
// only while a report of it is open (otherwise 404, as for no such application); each reading is
// audited; closing the report ends staff's access.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/guards.server";
import { schoolIdsOf } from "~/domain/staff/scope";
import { MessageList } from "~/components/conversation";
import { SectionErrorBoundary } from "~/components/section-error";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { closeConversationReports, reportedConversation } from "~/models/conversations.server";
import { applicationInScope } from "~/models/staff-scope-records.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { readForm } from "~/utils/forms.server";
import { badRequest, idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request);
  const id = idParam(params.id);
  // Another school's graduate's conversation is a 404, and its reading is not audited (decision 063).
  if (!(await applicationInScope(getDb(), id, schoolIdsOf(scope)))) notFound();
  const conversation = await reportedConversation(getDb(), id, user.id);
  if (!conversation) notFound();
  return { conversation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireStaff(request);
  const id = idParam(params.id);
  if (!(await applicationInScope(getDb(), id, schoolIdsOf(scope)))) notFound();
  const form = await readForm(request);
  if (form.get("intent") !== "close") badRequest();
  const result = await closeConversationReports(getDb(), id, user.id);
  if (!result.ok) notFound();
  return redirect("/staff/conversations", { headers: cookieHeaders(setFlash("flash.reportClosed")) });
}

export const meta = titleMeta("staffConversations.title", { private: true });

export default function ReportedConversationPage() {
  const { t, lang } = useT();
  const { conversation: c } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <p className="small">
        <Link to="/staff/conversations">← {t("staffConversations.back")}</Link>
      </p>
      <h1>{t("staffConversations.thread.title", { vacancy: c.vacancyTitle })}</h1>
      <p className="muted">{t("staffConversations.thread.parties", { company: c.companyName, graduate: c.graduateName })}</p>
      <section aria-labelledby="reports-title" className="card stack">
        <h2 id="reports-title">{t("staffConversations.reports")}</h2>
        <ul>
          {c.reports.map((r) => (
            <li key={r.id}>
              <p className="small muted">
                {t(r.side === "company" ? "staffConversations.by.company" : "staffConversations.by.graduate")} · {formatDateTime(lang, r.createdAt)}
              </p>
              <p className="about">{r.reason}</p>
            </li>
          ))}
        </ul>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="close" />
          <p className="small">{t("staffConversations.close.explain")}</p>
          <div className="actions">
            <button type="submit" className="button">
              {t("staffConversations.close")}
            </button>
          </div>
        </Form>
      </section>
      <MessageList messages={c.messages} keptMonths={c.keptMonths} />
    </section>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
