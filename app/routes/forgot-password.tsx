// "Forgot your password?" (docs/product.md §13, docs/decisions/054-self-service-password-reset.md):
// a person asks for a one-time link by e-mail. Every answer is the same page, in the same time,
// whether the address has an account, has none, or asked too often.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAnonymous } from "~/auth/require-user.server";
import { passwordResetCounters, reserveAttempt } from "~/auth/throttle.server";
import { Field, FormErrorSummary, Notice, SubmitButton, useFormFailure } from "~/components/form";
import { SectionErrorBoundary } from "~/components/section-error";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { REQUEST_ANSWER_FLOOR_MS } from "~/domain/messages/password-reset";
import { useT } from "~/i18n/use-t";
import { recordThrottledReset, requestSelfReset } from "~/models/password-resets.server";
import { answerNoSoonerThan } from "~/utils/answer-floor.server";
import { parseForm, readForm, rejected } from "~/utils/forms.server";
import { email } from "~/utils/fields";
import { titleMeta } from "~/utils/meta";
import { SMALL_FORM_LIMITS } from "~/utils/request-body.server";

const ForgotSchema = z.object({ email });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  // Whether e-mail is configured is the same for every address: it tells nothing about accounts.
  return { mailConfigured: config().smtp !== null };
}

// No requireAnonymous: the address typed is the only input, and the answer is the same for anyone.
export async function action({ request, context }: ActionFunctionArgs) {
  const started = performance.now();
  const form = await readForm(request, SMALL_FORM_LIMITS);
  const parsed = parseForm(ForgotSchema, form);
  // A malformed address is refused as such (400, the value kept): that says nothing about accounts.
  if (!parsed.ok) return rejected(parsed);
  const db = getDb();
  const address = parsed.data.email;
  // Counted before anything is written, so requests sent at once cannot all pass (decision 019).
  const reservation = await reserveAttempt(db, passwordResetCounters(address, context.clientAddress ?? "unknown"));
  if (reservation.allowed) await requestSelfReset(db, address);
  else await recordThrottledReset(db, address, reservation.retryAfterMinutes);
  await answerNoSoonerThan(started, REQUEST_ANSWER_FLOOR_MS);
  return { ok: true as const, email: address };
}

// A refused body (413) or bad request (400) is shown in the reader's language, inside the site.
export const ErrorBoundary = SectionErrorBoundary;

export const meta = titleMeta("forgot.title");

export default function ForgotPasswordPage() {
  const { t } = useT();
  const { mailConfigured } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const sent = result && "ok" in result && result.ok ? result : null;
  const { errors, values } = useFormFailure();
  return (
    <section className="narrow">
      <h1>{t("forgot.title")}</h1>
      {sent ? (
        <Notice kind="ok">{t("forgot.sent", { email: sent.email })}</Notice>
      ) : (
        <>
          <p>{t("forgot.lead")}</p>
          {mailConfigured ? null : <Notice kind="info">{t("forgot.noMail")}</Notice>}
          <FormErrorSummary errors={errors} />
          <Form method="post" className="stack" noValidate>
            <Field
              name="email"
              type="email"
              label={t("forgot.email")}
              autoComplete="username"
              inputMode="email"
              required
              defaultValue={values.email}
              error={errors.email}
            />
            <SubmitButton>{t("forgot.submit")}</SubmitButton>
          </Form>
        </>
      )}
      <p className="muted">{t("forgot.staff")}</p>
      <p>
        <Link to="/login">{t("forgot.backToLogin")}</Link>
      </p>
    </section>
  );
}
