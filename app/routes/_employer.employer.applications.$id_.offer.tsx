// The employer's offer for one application (docs/product.md §15, docs/decisions/061-interview-slots-and-offers.md):
// make it (start date, optional pay, an answer-by date not before today in Bishkek) or withdraw it.
// A refused step renders this page with the error beside the field and what was typed.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrorSummary, TextArea, useFormFailure } from "~/components/form";
import { EmployerOfferCard } from "~/components/interview-slots";
import { SectionErrorBoundary } from "~/components/section-error";
import { getDb } from "~/db.server";
import { answerByAllowed } from "~/domain/applications/interview-slots";
import { NOTE_MAX } from "~/domain/applications/pipeline";
import { useT } from "~/i18n/use-t";
import { requireCompanyMember } from "~/auth/guards.server";
import { companyApplicationHeader } from "~/models/interviews.server";
import { makeOffer, offerForCompany, withdrawOffer } from "~/models/offers.server";
import { answerOfferStep } from "~/utils/interview-answer.server";
import { parseForm, readForm, rejected } from "~/utils/forms.server";
import { isoDate, optionalText } from "~/utils/fields";
import { badRequest, idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const empty = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const OfferSchema = z.object({
  intent: z.literal("make"),
  // An offer is for a job not yet started; a past start would record the hire at a checkpoint already published (docs/product.md §6).
  startDate: isoDate.refine((v) => answerByAllowed(v), "offers.errors.startPast"),
  monthlyPay: z.preprocess(
    empty,
    z.coerce.number("errors.invalid").int("errors.invalid").min(0, "errors.invalid").max(10_000_000, "errors.invalid").optional(),
  ),
  answerBy: isoDate.refine((v) => answerByAllowed(v), "offers.errors.answerByPast"),
  note: optionalText(NOTE_MAX),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company } = await requireCompanyMember(request);
  const id = idParam(params.id);
  const application = await companyApplicationHeader(getDb(), company.id, id);
  if (!application) notFound();
  return { application, offer: await offerForCompany(getDb(), company.id, id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, company } = await requireCompanyMember(request);
  const id = idParam(params.id);
  const form = await readForm(request);
  const intent = form.get("intent");
  const back = `/employer/applications/${id}`;
  if (intent === "make") {
    const parsed = parseForm(OfferSchema, form);
    if (!parsed.ok) return rejected(parsed);
    const v = parsed.data;
    const result = await makeOffer(
      getDb(),
      company.id,
      id,
      { startDate: v.startDate, monthlyPay: v.monthlyPay ?? null, answerBy: v.answerBy, note: v.note },
      user.id,
    );
    return answerOfferStep(result, form, back, "flash.offerMade");
  }
  if (intent === "withdraw") return answerOfferStep(await withdrawOffer(getDb(), company.id, id, user.id), form, back, "flash.offerWithdrawn");
  badRequest();
}

export const meta = titleMeta("offers.make.title", { private: true });

export default function EmployerOfferPage() {
  const { t } = useT();
  const { application, offer } = useLoaderData<typeof loader>();
  const failure = useFormFailure();
  const { errors, values } = failure;
  const canMake = application.status === "interview" || application.status === "offer";
  return (
    <section className="narrow stack">
      <p className="small">
        <Link to={`/employer/applications/${application.id}`}>← {t("interviews.back")}</Link>
      </p>
      <h1>
        {application.name} · {application.vacancy}
      </h1>
      {offer ? <EmployerOfferCard applicationId={application.id} status={application.status} offer={offer} /> : null}
      {canMake ? (
        <section aria-labelledby="make-title" className="card stack">
          <h2 id="make-title">{t("offers.make.title")}</h2>
          <FormErrorSummary errors={errors} />
          <p>{t("offers.make.lead")}</p>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="make" />
            <Field name="startDate" type="date" label={t("offers.startDate")} required defaultValue={values.startDate} error={errors.startDate} />
            <Field
              name="monthlyPay"
              type="number"
              inputMode="numeric"
              label={t("offers.monthlyPay")}
              optional
              defaultValue={values.monthlyPay}
              error={errors.monthlyPay}
            />
            <Field
              name="answerBy"
              type="date"
              label={t("offers.answerBy")}
              hint={t("offers.answerByHint")}
              required
              defaultValue={values.answerBy}
              error={errors.answerBy}
            />
            <TextArea name="note" label={t("offers.note")} optional rows={3} defaultValue={values.note} error={errors.note} />
            <div className="actions">
              <button type="submit" className="button">
                {t("offers.make.submit")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </section>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
