// The graduate's own application: status, history, the interview, withdraw or accept an
// invitation, and exactly what was sent (the stored snapshot, not the current profile).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ApplicationHistory, ApplicationSnapshotView, InterviewDetails, StatusPill } from "~/components/application";
import { FormErrorSummary, TextArea, useFormFailure } from "~/components/form";
import { projectCardLinks } from "~/components/project-card";
import { getDb } from "~/db.server";
import { isFinal } from "~/domain/applications/pipeline";
import { nextStepKey } from "~/domain/applications/next-step";
import { useT } from "~/i18n/use-t";
import { getGraduateApplication, withdraw } from "~/models/applications.server";
import { conversationFor } from "~/models/conversations.server";
import { Conversation } from "~/components/conversation";
import { GraduateInterviewCard, GraduateOfferCard } from "~/components/interview-slots";
import { graduateInterviewView } from "~/models/interviews.server";
import { offerForGraduate } from "~/models/offers.server";
import { NOTE_MAX } from "~/domain/applications/pipeline";
import { requireGraduate } from "~/auth/guards.server";
import { parseForm, readForm, rejected } from "~/utils/forms.server";
import { answerTransition } from "~/utils/transition-answer.server";
import { optionalText } from "~/utils/fields";
import { badRequest, idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const WithdrawSchema = z.object({ intent: z.literal("withdraw"), note: optionalText(NOTE_MAX) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  const application = await getGraduateApplication(getDb(), graduate.id, idParam(params.id));
  if (!application) notFound();
  // talk18: the conversation with the company (decision 060); team notes are never read here.
  // Interview slots and the offer (docs/decisions/061-interview-slots-and-offers.md): their own card and routes.
  const [conversation, slots, offer] = await Promise.all([
    conversationFor(getDb(), { side: "graduate", graduateId: graduate.id }, application.id),
    graduateInterviewView(getDb(), graduate.id, application.id),
    offerForGraduate(getDb(), graduate.id, application.id),
  ]);
  return { application, conversation, slots, offer };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, graduate } = await requireGraduate(request);
  const id = idParam(params.id);
  const form = await readForm(request);
  if (form.get("intent") !== "withdraw") badRequest();
  const parsed = parseForm(WithdrawSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const result = await withdraw(getDb(), graduate, id, parsed.data.note, user.id);
  return answerTransition(result, form, { errorField: "_form", to: `/me/applications/${id}`, flash: "flash.applicationWithdrawn" });
}

export const links = projectCardLinks;
export const meta = titleMeta("applications.title", { private: true });

export default function MyApplicationPage() {
  const { t } = useT();
  const { application: a, conversation, slots, offer } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  const invited = a.status === "invited";
  return (
    <section>
      <p className="small">
        <Link to="/me/applications">← {t("applications.back")}</Link>
      </p>
      <h1>{a.vacancy_title}</h1>
      <p className="muted">{a.company_name}</p>
      <p>
        {t("applications.status")}: <StatusPill status={a.status} />
      </p>
      <FormErrorSummary errors={errors} />
      {/* What happens next comes first; withdrawing is a secondary step behind its own confirmation (issue 14, item 8). */}
      {a.status === "invited" ? (
        <div className="card stack next-steps">
          <h2 className="h3">{t("applications.next.title")}</h2>
          <p>{t("applications.invitedLead", { company: a.company_name })}</p>
          {a.vacancy_status === "open" ? (
            <p>
              <Link className="button" to={`/vacancies/${a.vacancy_id}/apply`}>
                {t("applications.accept")}
              </Link>
            </p>
          ) : null}
        </div>
      ) : !isFinal(a.status) ? (
        <div className="card stack next-steps">
          <h2 className="h3">{t("applications.next.title")}</h2>
          <p>{t(nextStepKey(a.status, slots, offer), { company: a.company_name })}</p>
          {a.status === "interview" && a.interview && !slots ? <InterviewDetails at={a.interview.interview_at} place={a.interview.interview_place} /> : null}
        </div>
      ) : null}
      <GraduateInterviewCard applicationId={a.id} company={a.company_name} status={a.status} interview={slots} />
      <GraduateOfferCard applicationId={a.id} status={a.status} offer={offer} />
      {isFinal(a.status) ? (
        <p className="muted">{t("applications.closed", { status: t(`applications.status.${a.status}`) })}</p>
      ) : (
        <details className="withdraw" open={Boolean(errors.note || errors._form) || undefined}>
          <summary>{invited ? t("applications.decline") : t("applications.withdraw")}</summary>
          <Form method="post" className="card stack" noValidate>
            <p>{invited ? t("applications.decline.explain") : t("applications.withdraw.explain")}</p>
            <input type="hidden" name="intent" value="withdraw" />
            <TextArea
              name="note"
              label={t("applications.withdraw.reason")}
              hint={t("applications.withdraw.reasonHint")}
              optional
              rows={2}
              defaultValue={values.note}
              error={errors.note}
            />
            <div className="actions">
              <button type="submit" className="button button--danger">
                {invited ? t("applications.decline.confirm") : t("applications.withdraw.confirm")}
              </button>
            </div>
          </Form>
        </details>
      )}
      {conversation ? <Conversation side="graduate" applicationId={a.id} view={conversation} /> : null}
      <ApplicationHistory events={a.events} />
      <ApplicationSnapshotView snapshot={a.snapshot} note={a.note} heading={t("applications.sent")} />
    </section>
  );
}
