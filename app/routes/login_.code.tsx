// Sign-in's second step (docs/product.md §8, docs/decisions/066-two-step-sign-in.md): the password was
// right, a signed five-minute cookie says whose; the session starts only when a code from the app (each
// time step once) or an unused recovery code is right. Wrong codes are throttled like passwords.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { requireAnonymous } from "~/auth/require-user.server";
import { startSession } from "~/auth/session.server";
import { releaseAttempt, reserveAttempt, twoStepCounters } from "~/auth/throttle.server";
import { checkSecondStep, clearPendingSignIn, pendingSignIn } from "~/auth/two-step.server";
import { CodeSchema } from "~/auth/two-step-schema.server";
import { Field, FormErrorSummary, SubmitButton, useFormFailure } from "~/components/form";
import { SectionErrorBoundary } from "~/components/section-error";
import { getDb } from "~/db.server";
import { homeFor } from "~/domain/home";
import { useT } from "~/i18n/use-t";
import { activeRoleOf } from "~/models/two-step.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { parseForm, readForm, rejected, throttled, typedValues } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";
import { passOnHeaders } from "~/utils/route-headers";
import { SMALL_FORM_LIMITS } from "~/utils/request-body.server";

/** Without a fresh password step there is nothing to finish: back to the password form. */
async function expired(request: Request) {
  return redirect("/login", { headers: cookieHeaders(await clearPendingSignIn(request), setFlash("login.flash.codeExpired")) });
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  if (!(await pendingSignIn(request))) throw await expired(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await pendingSignIn(request);
  if (!pending) return expired(request);
  const form = await readForm(request, SMALL_FORM_LIMITS);
  const parsed = parseForm(CodeSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const db = getDb();
  // Reserved before the check (decision 019): codes sent at once cannot all be tried.
  const reservation = await reserveAttempt(db, twoStepCounters(pending.userId, context.clientAddress ?? "unknown"));
  if (!reservation.allowed) return throttled(reservation, form);
  const role = await activeRoleOf(db, pending.userId);
  if (!role || !(await checkSecondStep(pending.userId, parsed.data.code))) {
    return data({ ok: false as const, errors: { code: "errors.twoStepCode" as const }, values: typedValues(form) }, { status: 400 });
  }
  await releaseAttempt(db, reservation);
  const session = await startSession(request, pending.userId);
  return redirect(pending.redirectTo || homeFor(role), { headers: cookieHeaders(session, await clearPendingSignIn(request)) });
}

export const ErrorBoundary = SectionErrorBoundary;

export const meta = titleMeta("login.code.title", { private: true });

export const headers = passOnHeaders;

export default function LoginCodePage() {
  const { t } = useT();
  const { errors, values } = useFormFailure();
  return (
    <section className="narrow">
      <h1>{t("login.code.title")}</h1>
      <p>{t("login.code.lead")}</p>
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        <Field
          name="code"
          label={t("login.code.field")}
          hint={t("login.code.hint")}
          autoComplete="one-time-code"
          required
          defaultValue={values.code}
          error={errors.code}
        />
        <SubmitButton>{t("login.code.submit")}</SubmitButton>
      </Form>
      <p>
        <Link to="/login">{t("forgot.backToLogin")}</Link>
      </p>
    </section>
  );
}
