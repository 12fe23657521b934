// /staff/vacancies: the moderation queue. Staff approve a submitted vacancy (it is published)
// or reject it with a reason the employer sees. Both are audited. Each card shows the deadline;
// one past it is approved only with a new deadline, one of an unverified company is offered no
// "Approve", and the answer is confirmed where the card was (issue 14, item 5).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Fragment, useEffect, useRef } from "react";
import { z } from "zod";
import { requireAgencyStaff } from "~/auth/guards.server";
import { Field, FormErrorSummary, Notice, TextArea, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { todayInBishkek } from "~/domain/calendar";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { richTextToPlain } from "~/domain/text/rich-text";
import { approveVacancy, listSubmittedVacancies, rejectVacancy } from "~/models/vacancies.server";
import type { FieldErrors } from "~/utils/form-types";
import { invalid, parseForm, readForm, rejected, typedValues } from "~/utils/forms.server";
import { isoDate, positiveId, requiredText } from "~/utils/fields";
import { badRequest, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const ApproveSchema = z.object({
  vacancyId: positiveId,
  // Only asked for when the deadline has passed; empty means "keep the vacancy's own".
  deadline: z
    .union([z.literal(""), isoDate], "errors.date")
    .optional()
    .refine((d) => !d || d >= todayInBishkek(), "moderation.deadlineTooEarly"),
});
const RejectSchema = z.object({ vacancyId: positiveId, reason: requiredText(1000) });

export async function loader({ request }: LoaderFunctionArgs) {
  // Companies and vacancies belong to no school: the whole Agency's work (403 for a scoped officer, decision 063).
  await requireAgencyStaff(request);
  const rows = await listSubmittedVacancies(getDb());
  const today = todayInBishkek();
  return {
    queue: rows.map((r) => {
      const text = richTextToPlain(r.description);
      return {
        id: r.id,
        title: r.title,
        company_id: r.company_id,
        company_name: r.company_name,
        company_status: r.company_status,
        employment_type: r.employment_type,
        work_mode: r.work_mode,
        city: r.city,
        updated_at: r.updated_at,
        excerpt: excerpt(text, 300),
        deadline: r.deadline,
        deadlinePassed: r.deadline !== null && r.deadline < today,
        canApprove: r.company_status === "verified",
      };
    }),
  };
}

/** The answer to a decision: the vacancy decided and the one after it in the queue, where the confirmation goes. */
async function decided(id: number, title: string, kind: "approved" | "rejected", queueBefore: { id: number }[]) {
  const at = queueBefore.findIndex((q) => q.id === id);
  const after = at < 0 ? [] : queueBefore.slice(at + 1).map((q) => q.id);
  const still = new Set((await listSubmittedVacancies(getDb())).map((q) => q.id));
  return data({ ok: true as const, done: { id, title, kind, nextId: after.find((x) => still.has(x)) ?? null } });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user: staff } = await requireAgencyStaff(request);
  const db = getDb();
  const form = await readForm(request);
  const intent = form.get("intent");
  const conflict = (key: "vacancies.errors.wrongStatus" | "vacancies.errors.companyNotVerified") =>
    data({ ok: false as const, errors: { _form: key } as FieldErrors, values: typedValues(form) }, { status: 409 });

  const queueBefore = await listSubmittedVacancies(db);
  const titleOf = (id: number) => queueBefore.find((q) => q.id === id)?.title ?? "";
  if (intent === "approve") {
    const parsed = parseForm(ApproveSchema, form);
    if (!parsed.ok) {
      if (parsed.errors.vacancyId) badRequest();
      return rejected(parsed);
    }
    const result = await approveVacancy(db, parsed.data.vacancyId, staff.id, parsed.data.deadline || null);
    if (!result.ok) {
      if (result.reason === "not-found") notFound();
      if (result.reason === "deadline-passed") return invalid({ deadline: "moderation.deadlinePassed" }, form);
      return conflict(result.reason === "company-not-verified" ? "vacancies.errors.companyNotVerified" : "vacancies.errors.wrongStatus");
    }
    return decided(parsed.data.vacancyId, titleOf(parsed.data.vacancyId), "approved", queueBefore);
  }
  if (intent === "reject") {
    const parsed = parseForm(RejectSchema, form);
    if (!parsed.ok) return rejected(parsed);
    const result = await rejectVacancy(db, parsed.data.vacancyId, staff.id, parsed.data.reason);
    if (!result.ok) {
      if (result.reason === "not-found") notFound();
      return conflict("vacancies.errors.wrongStatus");
    }
    return decided(parsed.data.vacancyId, titleOf(parsed.data.vacancyId), "rejected", queueBefore);
  }
  return badRequest();
}

export const meta = titleMeta("vacancies.moderation", { private: true });

/** Where a decision is confirmed: in the place of the card it removed, focused so it is seen and announced. */
function Decided({ done }: { done: { id: number; title: string; kind: "approved" | "rejected" } }) {
  const { t } = useT();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [done]);
  return (
    <div id="decided" tabIndex={-1} ref={box}>
      <Notice kind="ok">
        {t(done.kind === "approved" ? "moderation.approved" : "moderation.rejected", { title: done.title })}
        {done.kind === "approved" ? (
          <>
            {" "}
            <Link to={`/vacancies/${done.id}`}>{t("moderation.openPage")}</Link>
          </>
        ) : null}
      </Notice>
    </div>
  );
}

export default function ModerationQueue() {
  const { t, lang } = useT();
  const { queue } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const done = answer && "done" in answer ? answer.done : null;
  const { errors, values } = useFormFailure();
  // The #decided fragment brings a browser without JavaScript back to the confirmation.
  const formAction = "/staff/vacancies#decided";
  return (
    <section>
      <h1>{t("vacancies.moderation")}</h1>
      <p className="lead">{t("vacancies.moderationLead")}</p>
      {errors._form ? <FormErrorSummary errors={errors} /> : null}
      {queue.length === 0 && !done ? <p className="muted">{t("vacancies.queueEmpty")}</p> : null}
      <div className="stack">
        {queue.map((v) => {
          const mine = values.vacancyId === String(v.id);
          return (
            <Fragment key={v.id}>
              {done && done.nextId === v.id ? <Decided done={done} /> : null}
              <article className="card stack" id={`vacancy-${v.id}`}>
                <h2>
                  <Link to={`/vacancies/${v.id}`}>{v.title}</Link>
                </h2>
                <p className="small">
                  {v.company_name} {v.company_status !== "verified" ? <span className="pill pill--warn">{t("vacancies.companyNotVerifiedBadge")}</span> : null}
                  {" · "}
                  {t(`vacancies.type.${v.employment_type}`)} · {t(`vacancies.mode.${v.work_mode}`)}
                  {v.city ? ` · ${v.city}` : ""}
                  <br />
                  {t("vacancies.submittedAt", { date: formatDateTime(lang, v.updated_at) })}
                  <br />
                  {v.deadline ? t("moderation.deadline", { date: formatDate(lang, v.deadline) }) : t("moderation.noDeadline")}
                  {v.deadlinePassed ? (
                    <>
                      {" "}
                      <span className="pill pill--error">{t("moderation.deadlinePassedBadge")}</span>
                    </>
                  ) : null}
                </p>
                <p className="pre-line">{v.excerpt}</p>
                <div className="actions">
                  {!v.canApprove ? (
                    <p className="small">
                      {t("moderation.unverified")} <Link to={`/staff/companies/${v.company_id}`}>{t("moderation.checkCompany")}</Link>
                    </p>
                  ) : (
                    <Form method="post" action={formAction} className={v.deadlinePassed ? "stack" : undefined} noValidate>
                      <input type="hidden" name="intent" value="approve" />
                      <input type="hidden" name="vacancyId" value={v.id} />
                      {v.deadlinePassed ? (
                        <Field
                          id={`deadline-${v.id}`}
                          name="deadline"
                          type="date"
                          label={t("moderation.newDeadline")}
                          hint={t("moderation.newDeadlineHint")}
                          required
                          defaultValue={mine ? values.deadline : undefined}
                          error={mine ? errors.deadline : undefined}
                        />
                      ) : null}
                      <button type="submit" className="button">
                        {t(v.deadlinePassed ? "moderation.approveWithDeadline" : "vacancies.action.approve")}
                      </button>
                    </Form>
                  )}
                </div>
                <details open={mine && Boolean(errors.reason)}>
                  <summary>{t("vacancies.action.reject")}</summary>
                  <Form method="post" action={formAction} className="stack" noValidate>
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
                    <button type="submit" className="button button--danger">
                      {t("vacancies.action.rejectConfirm")}
                    </button>
                  </Form>
                </details>
              </article>
            </Fragment>
          );
        })}
        {done && (done.nextId === null || !queue.some((v) => v.id === done.nextId)) ? <Decided done={done} /> : null}
      </div>
    </section>
  );
}

/** The first `max` characters, cut after a whole word: a word cut in half («оформлен…») reads as a typo. */
function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.search(/\s\S*$/);
  return `${(space > 0 ? cut.slice(0, space) : text.slice(0, max)).replace(/[\s.,;:—–-]+$/u, "")}…`;
}
