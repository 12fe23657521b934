// The employer's interview steps for one application (docs/product.md §15,
// docs/decisions/061-interview-slots-and-offers.md): cancel with a reason, or record how a past
// interview went. Posted from the card on the application page; success goes back there, a refused
// step renders this page with the error beside the field and what was typed (JavaScript off too).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useFormFailure } from "~/components/form";
import { EmployerInterviewCard } from "~/components/interview-slots";
import { SectionErrorBoundary } from "~/components/section-error";
import { getDb } from "~/db.server";
import { SLOT_RULES } from "~/domain/applications/interview-slots";
import { NOTE_MAX } from "~/domain/applications/pipeline";
import { useT } from "~/i18n/use-t";
import { requireCompanyMember } from "~/auth/guards.server";
import { cancelInterview, companyApplicationHeader, interviewForCompany, recordInterviewOutcome } from "~/models/interviews.server";
import { INTERVIEW_OUTCOMES } from "~/domain/applications/interview-slots";
import { answerInterviewStep } from "~/utils/interview-answer.server";
import { parseForm, readForm, rejected } from "~/utils/forms.server";
import { optionalText, requiredText } from "~/utils/fields";
import { badRequest, idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const CancelSchema = z.object({ intent: z.literal("cancel"), reason: requiredText(SLOT_RULES.reasonMax) });
const OutcomeSchema = z.object({ intent: z.literal("outcome"), outcome: z.enum(INTERVIEW_OUTCOMES, "errors.required"), note: optionalText(NOTE_MAX) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company } = await requireCompanyMember(request);
  const id = idParam(params.id);
  const application = await companyApplicationHeader(getDb(), company.id, id);
  if (!application) notFound();
  const iv = await interviewForCompany(getDb(), company.id, id);
  return {
    application,
    interview: iv
      ? {
          status: iv.status,
          minutes: iv.minutes,
          place: iv.place,
          startsAt: iv.starts_at,
          slots: iv.slots,
          requestNote: iv.request_note,
          reason: iv.reason,
          outcome: iv.outcome,
          awaitingOutcome: iv.awaitingOutcome,
        }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, company } = await requireCompanyMember(request);
  const id = idParam(params.id);
  const form = await readForm(request);
  const intent = form.get("intent");
  const back = `/employer/applications/${id}`;
  if (intent === "cancel") {
    const parsed = parseForm(CancelSchema, form);
    if (!parsed.ok) return rejected(parsed);
    const result = await cancelInterview(getDb(), { companyId: company.id }, id, parsed.data.reason, user.id);
    return answerInterviewStep(result, form, back, "flash.interviewCancelled");
  }
  if (intent === "outcome") {
    const parsed = parseForm(OutcomeSchema, form);
    if (!parsed.ok) return rejected(parsed);
    const result = await recordInterviewOutcome(getDb(), company.id, id, parsed.data.outcome, parsed.data.note, user.id);
    return answerInterviewStep(result, form, back, "flash.interviewOutcome");
  }
  badRequest();
}

export const meta = titleMeta("applications.interview", { private: true });

export default function EmployerInterviewPage() {
  const { t } = useT();
  const { application, interview } = useLoaderData<typeof loader>();
  const failure = useFormFailure();
  return (
    <section className="narrow stack">
      <p className="small">
        <Link to={`/employer/applications/${application.id}`}>← {t("interviews.back")}</Link>
      </p>
      <h1>
        {application.name} · {application.vacancy}
      </h1>
      <EmployerInterviewCard applicationId={application.id} status={application.status} interview={interview} failure={failure} />
    </section>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
