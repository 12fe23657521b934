// Interview slots and offers on the application pages (docs/product.md §15,
// docs/decisions/061-interview-slots-and-offers.md). Plain forms posting to their own routes
// (/employer/applications/:id/interview|offer, /me/applications/:id/interview|offer), so each step
// works with JavaScript off; a refused step renders that route's own page with the error beside the
// field and what was typed. The same cards show on the application page (no errors) and there.
import { Form, Link } from "@remix-run/react";
import type { ApplicationStatus, InterviewStatus } from "@db/schema";
import { formatDate, formatDateTime, formatKgs } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/form-types";
import { ChoiceGroup } from "./choice-group";
import { FormErrorSummary, Select, TextArea } from "./form";

type Failure = { errors: FieldErrors; values: Record<string, string> };
const NO_FAILURE: Failure = { errors: {}, values: {} };

export type InterviewCardData = {
  status: InterviewStatus;
  minutes: number;
  place: string;
  startsAt: string | null;
  slots: { id: number; start: string; end: string }[];
  requestNote: string | null;
  reason: string | null;
};

export type EmployerInterviewData = InterviewCardData & { outcome: string | null; awaitingOutcome: boolean };

export type OfferCardData = {
  status: "open" | "accepted" | "declined" | "withdrawn";
  startDate: string;
  monthlyPay: number | null;
  answerBy: string;
  note: string | null;
  expired: boolean;
};

function Place({ place }: { place: string }) {
  const { t } = useT();
  return /^https?:\/\//i.test(place) ? (
    <p className="application-place">
      {t("interviews.place.line", { place: "" })}
      <a href={place} rel="noopener noreferrer nofollow">
        {place}
      </a>
    </p>
  ) : (
    <p className="application-place">{t("interviews.place.line", { place })}</p>
  );
}

/** Where the interview stands, in the reader's words. */
function InterviewState({ interview, outcome }: { interview: InterviewCardData; outcome?: string | null }) {
  const { t, lang } = useT();
  switch (interview.status) {
    case "proposed":
      return <p>{t("interviews.state.proposed")}</p>;
    case "another-time":
      return <p>{t("interviews.state.another-time", { message: interview.requestNote ?? "" })}</p>;
    case "cancelled":
      return <p>{t("interviews.state.cancelled", { reason: interview.reason ?? "" })}</p>;
    case "done":
      return <p>{t("interviews.state.done", { outcome: outcome ? t(`interviews.outcome.${outcome as "passed"}`) : "" })}</p>;
    default:
      return interview.startsAt ? (
        <p>{t("interviews.state.confirmed", { when: formatDateTime(lang, interview.startsAt), minutes: interview.minutes })}</p>
      ) : null;
  }
}

function slotLabel(lang: Parameters<typeof formatDateTime>[0], s: { start: string; end: string }) {
  return `${formatDateTime(lang, s.start)} – ${formatDateTime(lang, s.end).slice(-5)}`;
}

const OPEN: readonly InterviewStatus[] = ["proposed", "another-time", "confirmed"];

// ---- The employer's side ----

/** The employer's interview card: its state, the outcome form once its time has passed, cancel, propose (again). */
export function EmployerInterviewCard({
  applicationId,
  status,
  interview,
  failure = NO_FAILURE,
}: {
  applicationId: number;
  status: ApplicationStatus;
  interview: EmployerInterviewData | null;
  failure?: Failure;
}) {
  const { t, lang } = useT();
  const { errors, values } = failure;
  const canPropose = ["applied", "screening", "interview"].includes(status);
  if (!interview && !canPropose) return null;
  const open = interview !== null && OPEN.includes(interview.status) && status === "interview";
  const action = `/employer/applications/${applicationId}/interview`;
  return (
    <section aria-labelledby="slots-title" className="card stack hiring-card">
      <h2 id="slots-title">{t("applications.interview")}</h2>
      <FormErrorSummary errors={errors} />
      {interview ? (
        <>
          <InterviewState interview={interview} outcome={interview.outcome} />
          {interview.status === "proposed" && interview.slots.length ? (
            <>
              <p>{t("interviews.slotsProposed")}</p>
              <ul>
                {interview.slots.map((s) => (
                  <li key={s.id}>{slotLabel(lang, s)}</li>
                ))}
              </ul>
            </>
          ) : null}
          {open ? <Place place={interview.place} /> : null}
        </>
      ) : null}
      {interview?.awaitingOutcome ? (
        <Form method="post" action={action} className="stack" noValidate>
          <h3>{t("interviews.outcome.title")}</h3>
          <p className="notice">{t("interviews.outcome.due")}</p>
          <input type="hidden" name="intent" value="outcome" />
          <Select
            name="outcome"
            label={t("interviews.outcome.label")}
            options={(["passed", "not-passed", "no-show"] as const).map((o) => ({ value: o, label: t(`interviews.outcome.${o}`) }))}
            defaultValue={values.outcome}
            error={errors.outcome}
            required
          />
          <TextArea name="note" id="f-outcome-note" label={t("interviews.outcome.note")} optional rows={2} defaultValue={values.note} error={errors.note} />
          <div className="actions">
            <button type="submit" className="button">
              {t("interviews.outcome.submit")}
            </button>
          </div>
        </Form>
      ) : null}
      {canPropose ? (
        <p>
          <Link className="button button--secondary" to={`/employer/interviews/new?application=${applicationId}`}>
            {interview && open ? t("interviews.propose.again") : t("interviews.propose.link")}
          </Link>
        </p>
      ) : null}
      {open ? <CancelInterviewForm action={action} errors={errors} values={values} /> : null}
    </section>
  );
}

/** The employer's offer card: the terms and their state, withdraw, or the link to make one. */
export function EmployerOfferCard({
  applicationId,
  status,
  offer,
  failure = NO_FAILURE,
}: {
  applicationId: number;
  status: ApplicationStatus;
  offer: OfferCardData | null;
  failure?: Failure;
}) {
  const { t } = useT();
  if (!offer && status !== "interview" && status !== "offer") return null;
  const action = `/employer/applications/${applicationId}/offer`;
  const live = offer?.status === "open" && status === "offer";
  return (
    <section aria-labelledby="offer-title" className="card stack hiring-card">
      <h2 id="offer-title">{t("offers.title")}</h2>
      <FormErrorSummary errors={failure.errors} />
      {offer ? <OfferTerms offer={offer} /> : null}
      {live ? (
        <Form method="post" action={action} noValidate>
          <input type="hidden" name="intent" value="withdraw" />
          <button type="submit" className="button button--secondary">
            {t("offers.withdraw.submit")}
          </button>
        </Form>
      ) : null}
      {status === "interview" || status === "offer" ? (
        <p>
          <Link className="button button--secondary" to={action}>
            {offer && status === "offer" ? t("offers.make.again") : t("offers.make.link")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** The terms and where the offer stands; the graduate answering an open offer is not told it waits for "the candidate's" answer. */
function OfferTerms({ offer, side = "employer" }: { offer: OfferCardData; side?: "employer" | "graduate" }) {
  const { t, lang } = useT();
  const state = offer.expired ? "expired" : offer.status;
  return (
    <>
      <p>{t("offers.terms", { startDate: formatDate(lang, offer.startDate), answerBy: formatDate(lang, offer.answerBy) })}</p>
      {offer.monthlyPay !== null ? <p>{t("offers.pay", { pay: formatKgs(lang, offer.monthlyPay) })}</p> : null}
      {offer.note ? <p className="application-note">{offer.note}</p> : null}
      {side === "graduate" && state === "open" ? null : <p className={offer.expired ? "notice" : "muted"}>{t(`offers.state.${state}`)}</p>}
    </>
  );
}

// ---- The graduate's side ----

/** The graduate's interview card: choose a slot (or ask for another time), the confirmed time, cancel. */
export function GraduateInterviewCard({
  applicationId,
  company,
  status,
  interview,
  failure = NO_FAILURE,
}: {
  applicationId: number;
  company: string;
  status: ApplicationStatus;
  interview: InterviewCardData | null;
  failure?: Failure;
}) {
  const { t, lang } = useT();
  if (!interview || status !== "interview") return null;
  const { errors, values } = failure;
  const action = `/me/applications/${applicationId}/interview`;
  const choosing = interview.status === "proposed" && interview.slots.length > 0;
  const open = OPEN.includes(interview.status);
  return (
    <section aria-labelledby="slots-title" className="card stack hiring-card">
      <h2 id="slots-title">{choosing ? t("interviews.pick.title") : t("applications.interview")}</h2>
      <FormErrorSummary errors={errors} />
      {choosing ? (
        <Form method="post" action={action} className="stack" noValidate>
          <input type="hidden" name="intent" value="pick" />
          <p>{t("interviews.pick.lead", { company, minutes: interview.minutes })}</p>
          {interview.reason ? <p className="application-note">{interview.reason}</p> : null}
          <ChoiceGroup
            name="slot"
            legend={t("interviews.slotsProposed")}
            options={interview.slots.map((s) => ({ value: String(s.id), label: slotLabel(lang, s) }))}
            defaultValue={values.slot}
            error={errors.slot}
            required
          />
          <Place place={interview.place} />
          <div className="actions">
            <button type="submit" className="button">
              {t("interviews.pick.submit")}
            </button>
          </div>
        </Form>
      ) : (
        <>
          {interview.status === "another-time" ? <p>{t("interviews.another.waiting")}</p> : <InterviewState interview={interview} />}
          {interview.status === "confirmed" ? <Place place={interview.place} /> : null}
        </>
      )}
      {interview.status === "proposed" || interview.status === "confirmed" ? (
        <details open={Boolean(errors.message) || undefined}>
          <summary>{choosing ? t("interviews.another.title") : t("interviews.another.titleConfirmed")}</summary>
          <Form method="post" action={action} className="stack" noValidate>
            <input type="hidden" name="intent" value="another-time" />
            <TextArea name="message" label={t("interviews.another.message")} rows={2} required defaultValue={values.message} error={errors.message} />
            <div className="actions">
              <button type="submit" className="button button--secondary">
                {t("interviews.another.submit")}
              </button>
            </div>
          </Form>
        </details>
      ) : null}
      {open ? <CancelInterviewForm action={action} errors={errors} values={values} /> : null}
    </section>
  );
}

/** The graduate's offer card: the terms, accept (the hire) or decline with a reason. */
export function GraduateOfferCard({
  applicationId,
  status,
  offer,
  failure = NO_FAILURE,
}: {
  applicationId: number;
  status: ApplicationStatus;
  offer: OfferCardData | null;
  failure?: Failure;
}) {
  const { t } = useT();
  if (!offer || status !== "offer" || offer.status !== "open") return null;
  const { errors, values } = failure;
  const action = `/me/applications/${applicationId}/offer`;
  return (
    <section aria-labelledby="offer-title" className="card stack hiring-card">
      <h2 id="offer-title">{t("offers.title")}</h2>
      <FormErrorSummary errors={errors} />
      <OfferTerms offer={offer} side="graduate" />
      {offer.expired ? null : (
        <Form method="post" action={action} className="stack" noValidate>
          <input type="hidden" name="intent" value="accept" />
          <p>{t("offers.accept.explain")}</p>
          <div className="actions">
            <button type="submit" className="button">
              {t("offers.accept.submit")}
            </button>
          </div>
        </Form>
      )}
      <details open={Boolean(errors.reason) || undefined}>
        <summary>{t("offers.decline.title")}</summary>
        <Form method="post" action={action} className="stack" noValidate>
          <input type="hidden" name="intent" value="decline" />
          <TextArea
            name="reason"
            id="f-decline-reason"
            label={t("offers.decline.reason")}
            optional
            rows={2}
            defaultValue={values.reason}
            error={errors.reason}
          />
          <div className="actions">
            <button type="submit" className="button button--danger">
              {t("offers.decline.submit")}
            </button>
          </div>
        </Form>
      </details>
    </section>
  );
}

/** Either side's "cancel the interview" with a reason (both interview cards). */
function CancelInterviewForm({ action, errors, values }: { action: string; errors: FieldErrors; values: Record<string, string> }) {
  const { t } = useT();
  return (
    <details open={Boolean(errors.reason) || undefined}>
      <summary>{t("interviews.cancel.title")}</summary>
      <Form method="post" action={action} className="stack" noValidate>
        <input type="hidden" name="intent" value="cancel" />
        <TextArea
          name="reason"
          id="f-cancel-reason"
          label={t("interviews.cancel.reason")}
          rows={2}
          required
          defaultValue={values.reason}
          error={errors.reason}
        />
        <div className="actions">
          <button type="submit" className="button button--danger">
            {t("interviews.cancel.submit")}
          </button>
        </div>
      </Form>
    </details>
  );
}

/** The top of the graduate's interview and offer pages: back to the application, the vacancy, the company. */
export function GraduateStepHeading({ application }: { application: { id: number; vacancy: string; company: string } }) {
  const { t } = useT();
  return (
    <>
      <p className="small">
        <Link to={`/me/applications/${application.id}`}>← {t("interviews.back")}</Link>
      </p>
      <h1>{application.vacancy}</h1>
      <p className="muted">{application.company}</p>
    </>
  );
}
