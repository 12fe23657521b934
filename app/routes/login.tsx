import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useSearchParams } from "@remix-run/react";
import { decoyHash, verifyPassword } from "~/auth/password.server";
import { requireAnonymous } from "~/auth/require-user.server";
import { safeRedirect } from "~/auth/safe-redirect";
import { SignInSchema } from "~/auth/sign-in-schema.server";
import { startSession } from "~/auth/session.server";
import { startPendingSignIn } from "~/auth/two-step.server";
import { clearAccountFailures, releaseAttempt, reserveAttempt, signInCounters } from "~/auth/throttle.server";
import { Field, FormErrorSummary, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { homeFor } from "~/domain/home";
import { findUserByEmail } from "~/models/users.server";
import { signsInWithTwoSteps } from "~/models/two-step.server";
import { parseForm, readForm, rejected, throttled, typedValues } from "~/utils/forms.server";
import { SMALL_FORM_LIMITS } from "~/utils/request-body.server";
import { titleMeta } from "~/utils/meta";
import { SectionErrorBoundary } from "~/components/section-error";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

// No requireAnonymous here: signing in while a session cookie is present replaces that
// session (rotation), which also defeats a planted session cookie.
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, SMALL_FORM_LIMITS);
  const parsed = parseForm(SignInSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const db = getDb();
  const address = context.clientAddress ?? "unknown";
  const account = parsed.data.email;
  // Checked before the session is made: a target that cannot be sent must not leave a session behind.
  const target = safeRedirect(parsed.data.redirectTo, "");

  // The attempt is counted before the slow hash, so attempts sent at once cannot all pass (item 10).
  const reservation = await reserveAttempt(db, signInCounters(account, address));
  if (!reservation.allowed) return throttled(reservation, form);
  const user = await findUserByEmail(db, account);
  // Verify against a decoy when there is no such account, so timing does not tell.
  const passwordOk = await verifyPassword(parsed.data.password, user?.password_hash ?? (await decoyHash()));
  if (!user || !user.active || !passwordOk) {
    return data({ ok: false as const, errors: { _form: "errors.badCredentials" as const }, values: typedValues(form) }, { status: 401 });
  }
  await releaseAttempt(db, reservation);
  await clearAccountFailures(db, account);
  // Two-step accounts get no session yet: a signed five-minute cookie sends them to /login/code (decision 066).
  if (await signsInWithTwoSteps(db, user)) {
    const pending = await startPendingSignIn(request, { userId: user.id, redirectTo: target });
    return redirect("/login/code", { headers: { "Set-Cookie": pending } });
  }
  const cookie = await startSession(request, user.id);
  return redirect(target || homeFor(user.role), { headers: { "Set-Cookie": cookie } });
}

// A refused body (413) or bad request (400) is shown in the reader's language, inside the site.
export const ErrorBoundary = SectionErrorBoundary;

export const meta = titleMeta("login.title");

// A document POST (JavaScript off) gets its headers from here, not from the action's data():
// pass the throttle's Retry-After on.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export default function LoginPage() {
  const { t } = useT();
  const [params] = useSearchParams();
  const { errors, values } = useFormFailure();
  return (
    <section className="narrow">
      <h1>{t("login.title")}</h1>
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={values.redirectTo ?? params.get("redirectTo") ?? ""} />
        <Field
          name="email"
          type="email"
          label={t("login.email")}
          autoComplete="username"
          inputMode="email"
          required
          defaultValue={values.email}
          error={errors.email}
        />
        <Field name="password" type="password" label={t("login.password")} autoComplete="current-password" required error={errors.password} />
        <SubmitButton>{t("login.submit")}</SubmitButton>
      </Form>
      <p>
        <Link to="/forgot-password">{t("login.forgotLink")}</Link>
      </p>
      <h2 className="h3">{t("login.noAccount")}</h2>
      <ul className="link-list">
        <li>
          <Link to="/join">{t("login.graduateJoin")}</Link>
        </li>
        <li>
          <Link to="/signup">{t("login.employerSignup")}</Link>
        </li>
      </ul>
    </section>
  );
}
