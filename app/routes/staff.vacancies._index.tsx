// /staff/vacancies: the moderation queue. Staff approve a submitted vacancy (it is published)
// or reject it with a reason the employer sees. Both are audited.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser, STAFF_ROLES } from "~/auth/require-user.server";
import { FormErrorSummary, TextArea, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { richTextToPlain } from "~/domain/text/rich-text";
import { approveVacancy, listSubmittedVacancies, rejectVacancy } from "~/models/vacancies.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import type { FieldErrors } from "~/utils/form-types";
import { parseForm, readForm, rejected, typedValues } from "~/utils/forms.server";
import { positiveId, requiredText } from "~/utils/fields";
import { badRequest, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const ApproveSchema = z.object({ vacancyId: positiveId });
const RejectSchema = z.object({ vacancyId: positiveId, reason: requiredText(1000) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: STAFF_ROLES });
  const rows = await listSubmittedVacancies(getDb());
  return {
    queue: rows.map((r) => {
      const text = richTextToPlain(r.description);
      return {
        id: r.id, title: r.title, company_name: r.company_name, company_status: r.company_status, employment_type: r.employment_type,
        work_mode: r.work_mode, city: r.city, updated_at: r.updated_at, excerpt: text.length > 300 ? `${text.slice(0, 300)}…` : text,
      };
    }),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireUser(request, { role: STAFF_ROLES });
  const db = getDb();
  const form = await readForm(request);
  const intent = form.get("intent");
  const conflict = (key: "vacancies.errors.wrongStatus" | "vacancies.errors.companyNotVerified") =>
    data({ ok: false as const, errors: { _form: key } as FieldErrors, values: typedValues(form) }, { status: 409 });

  if (intent === "approve") {
    const parsed = parseForm(ApproveSchema, form);
    if (!parsed.ok) badRequest();
    const result = await approveVacancy(db, parsed.data.vacancyId, staff.id);
    if (!result.ok) {
      if (result.reason === "not-found") notFound();
      return conflict(result.reason === "company-not-verified" ? "vacancies.errors.companyNotVerified" : "vacancies.errors.wrongStatus");
    }
    return redirect("/staff/vacancies", { headers: cookieHeaders(setFlash("vacancies.flash.approved")) });
  }
  if (intent === "reject") {
    const parsed = parseForm(RejectSchema, form);
    if (!parsed.ok) return rejected(parsed);
    const result = await rejectVacancy(db, parsed.data.vacancyId, staff.id, parsed.data.reason);
    if (!result.ok) {
      if (result.reason === "not-found") notFound();
      return conflict("vacancies.errors.wrongStatus");
    }
    return redirect("/staff/vacancies", { headers: cookieHeaders(setFlash("vacancies.flash.rejected")) });
  }
  return badRequest();
}

export const meta = titleMeta("vacancies.moderation", { private: true });

export default function ModerationQueue() {
  const { t, lang } = useT();
  const { queue } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  return (
    <section>
      <h1>{t("vacancies.moderation")}</h1>
      <p className="lead">{t("vacancies.moderationLead")}</p>
      {errors._form ? <FormErrorSummary errors={errors} /> : null}
      {queue.length === 0 ? <p className="muted">{t("vacancies.queueEmpty")}</p> : null}
      <div className="stack">
        {queue.map((v) => {
          const mine = values.vacancyId === String(v.id);
          return (
            <article key={v.id} className="card stack" id={`vacancy-${v.id}`}>
              <h2><Link to={`/vacancies/${v.id}`}>{v.title}</Link></h2>
              <p className="small">
                {v.company_name}{" "}
                {v.company_status !== "verified" ? <span className="pill pill--warn">{t("vacancies.companyNotVerifiedBadge")}</span> : null}
                {" · "}{t(`vacancies.type.${v.employment_type}`)} · {t(`vacancies.mode.${v.work_mode}`)}{v.city ? ` · ${v.city}` : ""}
                <br />
                {t("vacancies.submittedAt", { date: formatDateTime(lang, v.updated_at) })}
              </p>
              <p className="pre-line">{v.excerpt}</p>
              <div className="actions">
                <Form method="post">
                  <input type="hidden" name="intent" value="approve" />
                  <input type="hidden" name="vacancyId" value={v.id} />
                  <button type="submit" className="button">{t("vacancies.action.approve")}</button>
                </Form>
              </div>
              <details open={mine && Boolean(errors.reason)}>
                <summary>{t("vacancies.action.reject")}</summary>
                <Form method="post" className="stack" noValidate>
                  <input type="hidden" name="intent" value="reject" />
                  <input type="hidden" name="vacancyId" value={v.id} />
                  <TextArea
                    id={`reason-${v.id}`}
                    name="reason"
                    label={t("vacancies.field.rejectReason")}
                    hint={t("vacancies.field.rejectReasonHint")}
                    required
                    rows={3}
                    defaultValue={mine ? values.reason : undefined}
                    error={mine ? errors.reason : undefined}
                  />
                  <button type="submit" className="button button--danger">{t("vacancies.action.rejectConfirm")}</button>
                </Form>
              </details>
            </article>
          );
        })}
      </div>
    </section>
  );
}
