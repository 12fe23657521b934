// The one-time outcome survey (docs/product.md §6): no sign-in, the link is the credential; short and
// phone-first, works without JavaScript. Unknown link 404; used or expired 410.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ChoiceGroup } from "~/components/choice-group";
import { CompanyDatalist } from "~/components/company-datalist";
import { SurveyClosed } from "~/components/survey-closed";
import { Field, FormErrorSummary, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { SurveyAnswerSchema } from "~/domain/outcomes/forms";
import { SURVEY_CODES } from "~/domain/outcomes/records";
import { useT } from "~/i18n/use-t";
import { companyChoices } from "~/models/employer-links.server";
import { answerSurvey, findSurveyLink } from "~/models/outcomes.server";
import { checkpointDate } from "~/domain/outcomes/checkpoint-dates";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";
import { SectionErrorBoundary } from "~/components/section-error";
import { passOnHeaders } from "~/utils/route-headers";

const STATUS = { unknown: 404, used: 410, expired: 410 } as const;

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findSurveyLink(getDb(), params.token ?? "");
  if (found.state !== "usable") return data({ state: found.state, link: null, companies: [] }, { status: STATUS[found.state] });
  const { first_name, checkpoint, graduation_date } = found.link;
  // Verified companies only (their names are public already), to pick the employer from.
  const companies = (await companyChoices(getDb(), { verifiedOnly: true })).map((c) => ({ name: c.name, other: c.other }));
  return data(
    { state: "usable" as const, link: { firstName: first_name, checkpoint, date: checkpointDate(graduation_date, checkpoint) }, companies },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const token = params.token ?? "";
  const found = await findSurveyLink(db, token);
  if (found.state !== "usable") return data({ state: found.state }, { status: STATUS[found.state] });
  const form = await readForm(request);
  const parsed = parseForm(SurveyAnswerSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const result = await answerSurvey(db, token, parsed.data);
  if (!result.ok) {
    // A job starting after the last checkpoint (a mistyped year): 400 on the field, the answer kept, the link still usable.
    if (result.state === "start-too-late") return invalid({ startDate: "outcomes.survey.errors.startTooLate" }, form);
    // A job that begins after today (Bishkek, a day's tolerance): the same 400, the answer kept, the link still usable.
    if (result.state === "start-in-future") return invalid({ startDate: "outcomes.survey.errors.startInFuture" }, form);
    return data({ state: result.state }, { status: STATUS[result.state] });
  }
  const lng = new URL(request.url).searchParams.get("lng");
  return redirect(`/survey/thanks${lng ? `?lng=${encodeURIComponent(lng)}` : ""}`);
}

// A refused body (413) or bad request (400) is shown in the reader's language, inside the site.
export const ErrorBoundary = SectionErrorBoundary;

export const meta = titleMeta("outcomes.survey.title", { private: true });

// No-store (and no Referer) from the loader reach the document answer too.
export const headers = passOnHeaders;

export default function SurveyPage() {
  const { t, lang } = useT();
  const loaded = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  // A POST to a link that was used meanwhile answers with its state.
  if (loaded.state !== "usable" || !loaded.link) return <SurveyClosed state={loaded.state} />;
  const { link } = loaded;
  const checkpoint = t(`outcomes.checkpoint.${link.checkpoint}`).toLocaleLowerCase(lang);
  return (
    <section className="survey">
      <h1>{t("outcomes.survey.title")}</h1>
      <p className="lead">{t("outcomes.survey.lead", { name: link.firstName, checkpoint })}</p>
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        <ChoiceGroup
          name="code"
          legend={t("outcomes.survey.question")}
          options={SURVEY_CODES.map((c) => ({ value: c, label: t(`outcomes.survey.code.${c}`) }))}
          defaultValue={values.code}
          error={errors.code}
        />
        <fieldset className="survey-employed">
          <legend>{t("outcomes.survey.employed")}</legend>
          <Field
            name="employerName"
            label={t("outcomes.survey.employerName")}
            hint={t("outcomes.employers.pickHint")}
            list="known-companies"
            defaultValue={values.employerName}
            error={errors.employerName}
            autoComplete="organization"
          />
          <CompanyDatalist id="known-companies" companies={loaded.companies} />
          <Field
            name="jobTitle"
            label={t("outcomes.survey.jobTitle")}
            defaultValue={values.jobTitle}
            error={errors.jobTitle}
            autoComplete="organization-title"
          />
          <Field name="startDate" type="date" label={t("outcomes.survey.startDate")} defaultValue={values.startDate} error={errors.startDate} />
          <Field name="hours" label={t("outcomes.survey.hours")} inputMode="numeric" defaultValue={values.hours} error={errors.hours} />
          <Field
            name="monthlyPay"
            label={t("outcomes.survey.monthlyPay")}
            hint={t("outcomes.survey.payHint")}
            inputMode="numeric"
            optional
            defaultValue={values.monthlyPay}
            error={errors.monthlyPay}
          />
          <ChoiceGroup
            name="related"
            legend={t("outcomes.survey.related")}
            options={[
              { value: "yes", label: t("outcomes.related.yes") },
              { value: "no", label: t("outcomes.related.no") },
            ]}
            defaultValue={values.related}
            error={errors.related}
          />
        </fieldset>
        <p className="small muted">{t("outcomes.survey.privacy")}</p>
        <SubmitButton>{t("outcomes.survey.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
