// The slot form for one application or many (docs/product.md §15, docs/decisions/061-interview-slots-and-offers.md):
// /employer/interviews/new?application=1&application=2 — opened from an application page, or by the
// applicants list's bulk "invite to interview" (a GET carrying the ticked ids). One transaction for
// all: an application of another company, or one no longer open for an interview, writes nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Field, FormErrorSummary, TextArea, useFormFailure } from "~/components/form";
import { SectionErrorBoundary } from "~/components/section-error";
import { getDb } from "~/db.server";
import { readSlotProposal, SLOT_FIELDS, SLOT_RULES } from "~/domain/applications/interview-slots";
import { useT } from "~/i18n/use-t";
import { requireCompanyMember } from "~/auth/guards.server";
import { applicationsForProposal, proposeInterviews } from "~/models/interviews.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, readForm } from "~/utils/forms.server";
import type { FieldErrors } from "~/utils/form-types";
import { notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

/** The bulk form sends at most a page of applicants; more is not a person's request. */
const MAX_APPLICATIONS = 200;

/** The ids named in the address (?application=…), positive integers only, at most MAX_APPLICATIONS. */
function applicationIds(request: Request): number[] {
  const raw = new URL(request.url).searchParams.getAll("application");
  const ids = raw
    .filter((v) => /^\d{1,12}$/.test(v))
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
  return [...new Set(ids)].slice(0, MAX_APPLICATIONS);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { company } = await requireCompanyMember(request);
  const ids = applicationIds(request);
  const applications = await applicationsForProposal(getDb(), company.id, ids);
  return { applications };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, company } = await requireCompanyMember(request);
  const ids = applicationIds(request);
  const form = await readForm(request);
  const fields: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") fields[k] = v;
  if (!ids.length) return invalid({ _form: "interviews.errors.applications" }, form);
  const read = readSlotProposal(fields, new Date());
  const reason = (fields.reason ?? "").trim();
  const errors: FieldErrors = read.ok ? {} : (read.errors as FieldErrors);
  if (reason.length > SLOT_RULES.reasonMax) errors.reason = "errors.tooLong";
  if (!read.ok || errors.reason) return invalid(errors, form);
  const result = await proposeInterviews(getDb(), company.id, ids, { ...read.value, reason: reason || null }, user.id);
  if (!result.ok) {
    // Naming another company's application answers as if it did not exist (docs/product.md §8).
    if (result.reason === "not-found") notFound();
    if (result.reason === "reason") return invalid({ reason: "interviews.errors.reason" }, form);
    const [named] = await applicationsForProposal(getDb(), company.id, result.applicationId ? [result.applicationId] : []);
    return invalid({ _form: ["interviews.errors.notOpen", { name: named?.name ?? "" }] }, form);
  }
  const to = ids.length === 1 ? `/employer/applications/${ids[0]}` : "/employer/applicants";
  return redirect(to, { headers: cookieHeaders(setFlash("flash.interviewProposed")) });
}

export const meta = titleMeta("interviews.propose.title", { private: true });

export default function ProposeInterviewPage() {
  const { t } = useT();
  const { applications } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  const query = applications.map((a) => `application=${a.id}`).join("&");
  const open = applications.filter((a) => ["applied", "screening", "interview"].includes(a.status));
  return (
    <section className="narrow stack">
      {applications.length === 1 ? (
        <p className="small">
          <Link to={`/employer/applications/${applications[0]!.id}`}>← {t("interviews.back")}</Link>
        </p>
      ) : null}
      <h1>{t("interviews.propose.title")}</h1>
      <FormErrorSummary errors={errors} />
      {open.length === 0 ? (
        <p className="muted">{t("interviews.propose.none")}</p>
      ) : (
        <>
          <p>{t("interviews.propose.lead")}</p>
          <h2 className="h3">{t("interviews.propose.for")}</h2>
          <ul>
            {applications.map((a) => (
              <li key={a.id}>
                <Link to={`/employer/applications/${a.id}`}>{a.name}</Link> · {a.vacancy}
                {a.interviewStatus === "confirmed" ? <span className="small muted"> · {t("interviews.propose.moving")}</span> : null}
              </li>
            ))}
          </ul>
          <Form method="post" action={`/employer/interviews/new?${query}`} className="stack" noValidate>
            {SLOT_FIELDS.map((name, i) => (
              <Field
                key={name}
                name={name}
                type="datetime-local"
                label={t(`interviews.${name}`)}
                optional={i > 0}
                required={i === 0}
                defaultValue={values[name]}
                error={errors[name]}
              />
            ))}
            <Field
              name="minutes"
              type="number"
              inputMode="numeric"
              label={t("interviews.minutes")}
              hint={t("interviews.minutesHint")}
              required
              defaultValue={values.minutes ?? "60"}
              error={errors.minutes}
            />
            <Field name="place" label={t("interviews.place")} required defaultValue={values.place} error={errors.place} />
            <TextArea
              name="reason"
              label={t("interviews.reason")}
              hint={t("interviews.reasonHint")}
              optional
              rows={2}
              defaultValue={values.reason}
              error={errors.reason}
            />
            <div className="actions">
              <button type="submit" className="button">
                {t("interviews.propose.submit")}
              </button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
