// One application as the employer's company sees it: what was sent (the snapshot), the
// history, and the form moving it one allowed step (interview time and place, or the
// start date and pay of a hire, which records the placement).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ApplicationHistory, ApplicationSnapshotView, InterviewDetails, StatusPill } from "~/components/application";
import { Field, FormErrorSummary, Select, SubmitButton, TextArea, useFormFailure } from "~/components/form";
import { projectCardLinks } from "~/components/project-card";
import { SectionErrorBoundary } from "~/components/section-error";
import { getDb } from "~/db.server";
import { bishkekLocalToUtc } from "~/domain/applications/interview-time";
import { allowedMoves, APPLICATION_STATUSES, isFinal } from "~/domain/applications/pipeline";
import type { ApplicationStatus } from "@db/schema";
import { formatDate, formatKgs } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { requireCompanyMember } from "~/auth/guards.server";
import { getCompanyApplication, move } from "~/models/applications.server";
import { teamNotesOf } from "~/models/application-notes.server";
import { conversationFor } from "~/models/conversations.server";
import { Conversation } from "~/components/conversation";
import { TeamNotes } from "~/components/team-notes";
import { EmployerInterviewCard, EmployerOfferCard } from "~/components/interview-slots";
import { interviewForCompany } from "~/models/interviews.server";
import { offerForCompany } from "~/models/offers.server";
import { NOTE_MAX } from "~/domain/applications/pipeline";
import { parseForm, readForm, rejected } from "~/utils/forms.server";
import { answerTransition } from "~/utils/transition-answer.server";
import { isoDate, optionalText } from "~/utils/fields";
import { badRequest, idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const empty = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const MoveSchema = z
  .object({
    intent: z.literal("move"),
    to: z.enum(APPLICATION_STATUSES, "errors.invalid"),
    // The stage shown when the form was opened: a colleague's move in between is a 409, not a lost update.
    seen: z.preprocess(empty, z.enum(APPLICATION_STATUSES, "errors.invalid").optional()),
    note: optionalText(NOTE_MAX),
    interviewAt: z.preprocess(
      empty,
      z
        .string()
        .trim()
        .transform((v, ctx) => {
          const utc = bishkekLocalToUtc(v);
          if (!utc) ctx.addIssue({ code: "custom", message: "errors.invalid" });
          return utc ?? "";
        })
        .optional(),
    ),
    interviewPlace: optionalText(500),
    startDate: z.preprocess(empty, isoDate.optional()),
    monthlyPay: z.preprocess(
      empty,
      z.coerce.number("errors.invalid").int("errors.invalid").min(0, "errors.invalid").max(10_000_000, "errors.invalid").optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.to === "interview") {
      if (!v.interviewAt) ctx.addIssue({ code: "custom", path: ["interviewAt"], message: "errors.required" });
      else if (v.interviewAt < new Date().toISOString()) ctx.addIssue({ code: "custom", path: ["interviewAt"], message: "applications.errors.future" });
      if (!v.interviewPlace) ctx.addIssue({ code: "custom", path: ["interviewPlace"], message: "errors.required" });
    }
    if (v.to === "hired" && !v.startDate) ctx.addIssue({ code: "custom", path: ["startDate"], message: "errors.required" });
  });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, company } = await requireCompanyMember(request);
  const application = await getCompanyApplication(getDb(), company.id, idParam(params.id));
  if (!application) notFound();
  // talk18: the team's notes and ratings, and the conversation with the candidate (decision 060).
  // Interview slots and the offer (docs/decisions/061-interview-slots-and-offers.md): their own card and routes.
  const [teamNotes, conversation, slots, offer] = await Promise.all([
    teamNotesOf(getDb(), company.id, application.id, user.id),
    conversationFor(getDb(), { side: "company", companyId: company.id }, application.id),
    interviewForCompany(getDb(), company.id, application.id),
    offerForCompany(getDb(), company.id, application.id),
  ]);
  return {
    application,
    moves: allowedMoves(application.status, "employer"),
    teamNotes,
    conversation,
    slots: slots
      ? {
          status: slots.status,
          minutes: slots.minutes,
          place: slots.place,
          startsAt: slots.starts_at,
          slots: slots.slots,
          requestNote: slots.request_note,
          reason: slots.reason,
          outcome: slots.outcome,
          awaitingOutcome: slots.awaitingOutcome,
        }
      : null,
    offer,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, company } = await requireCompanyMember(request);
  const id = idParam(params.id);
  const form = await readForm(request);
  if (form.get("intent") !== "move") badRequest();
  const parsed = parseForm(MoveSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const v = parsed.data;
  const result = await move(
    getDb(),
    company.id,
    id,
    {
      to: v.to,
      note: v.note,
      interviewAt: v.interviewAt ?? null,
      interviewPlace: v.interviewPlace,
      startDate: v.startDate ?? null,
      monthlyPay: v.monthlyPay ?? null,
      seen: v.seen ?? null,
    },
    user.id,
  );
  return answerTransition(result, form, { errorField: "to", to: `/employer/applications/${id}`, flash: "flash.applicationMoved" });
}

export const links = projectCardLinks;
export const meta = titleMeta("applications.applicants.all", { private: true });

export default function EmployerApplicationPage() {
  const { t, lang } = useT();
  const { application: a, moves, teamNotes, conversation, slots, offer } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  const status = (s: ApplicationStatus) => t(`applications.status.${s}`);
  return (
    <section>
      <p className="small">
        <Link to={`/employer/vacancies/${a.vacancy_id}/applicants`}>← {t("applications.applicants.title", { vacancy: a.vacancy_title })}</Link>
      </p>
      <h1>
        {a.first_name} {a.last_name}
      </h1>
      <p className="muted">
        {a.vacancy_title}
        {a.graduate_slug ? (
          <>
            {" "}
            · <Link to={`/g/${a.graduate_slug}`}>{t("applications.portfolio")}</Link>
          </>
        ) : null}
      </p>
      <p>
        {t("applications.status")}: <StatusPill status={a.status} />
      </p>
      {a.placement ? (
        <p className="notice notice--ok">
          {t("applications.placement", { title: a.placement.job_title, date: formatDate(lang, a.placement.start_date) })}
          {a.placement.monthly_pay !== null ? <> {t("applications.placementPay", { pay: formatKgs(lang, a.placement.monthly_pay) })}</> : null}
        </p>
      ) : null}
      {a.status === "interview" && a.interview && !slots ? (
        <div className="card">
          <h2>{t("applications.interview")}</h2>
          <InterviewDetails at={a.interview.interview_at} place={a.interview.interview_place} />
        </div>
      ) : null}
      <EmployerInterviewCard applicationId={a.id} status={a.status} interview={slots} />
      <EmployerOfferCard applicationId={a.id} status={a.status} offer={offer} />
      {moves.length ? (
        <section aria-labelledby="move-title" className="card stack">
          <h2 id="move-title">{t("applications.move.title")}</h2>
          <FormErrorSummary errors={errors} />
          <p className="small muted">{t("applications.move.hint")}</p>
          {/* Keyed by the application's state: after a move (a client-side revalidation) the form is
              rebuilt from the new status, not left showing the last choice and note (docs/decisions/026-application-page-state.md). */}
          <Form key={`${a.status}:${a.updated_at}:${a.events.length}`} method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="seen" value={a.status} />
            <Select
              name="to"
              label={t("applications.move.to")}
              options={moves.map((m) => ({ value: m, label: status(m) }))}
              defaultValue={values.to ?? moves[0]}
              error={errors.to}
              required
            />
            <TextArea name="note" label={t("applications.move.note")} optional rows={3} defaultValue={values.note} error={errors.note} />
            {moves.includes("interview") ? (
              <fieldset className="filters">
                <legend>{t("applications.interview")}</legend>
                <Field
                  name="interviewAt"
                  type="datetime-local"
                  label={t("applications.interviewAt")}
                  defaultValue={values.interviewAt}
                  error={errors.interviewAt}
                />
                <Field name="interviewPlace" label={t("applications.interviewPlace")} defaultValue={values.interviewPlace} error={errors.interviewPlace} />
              </fieldset>
            ) : null}
            {moves.includes("hired") ? (
              <fieldset className="filters">
                <legend>{status("hired")}</legend>
                <Field name="startDate" type="date" label={t("applications.move.startDate")} defaultValue={values.startDate} error={errors.startDate} />
                <Field
                  name="monthlyPay"
                  type="number"
                  inputMode="numeric"
                  label={t("applications.move.monthlyPay")}
                  optional
                  defaultValue={values.monthlyPay}
                  error={errors.monthlyPay}
                />
              </fieldset>
            ) : null}
            <div className="actions">
              <SubmitButton>{t("applications.move.submit")}</SubmitButton>
            </div>
          </Form>
        </section>
      ) : isFinal(a.status) ? (
        <p className="muted">{t("applications.closed", { status: status(a.status) })}</p>
      ) : null}
      {conversation ? <Conversation side="company" applicationId={a.id} view={conversation} /> : null}
      {teamNotes ? <TeamNotes applicationId={a.id} view={teamNotes} /> : null}
      <ApplicationHistory events={a.events} />
      <ApplicationSnapshotView snapshot={a.snapshot} note={a.note} heading={t("applications.received")} />
    </section>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
