import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useSearchParams } from "@remix-run/react";
import { decoyHash, verifyPassword } from "~/auth/password.server";
import { requireAnonymous } from "~/auth/require-user.server";
import { safeRedirect } from "~/auth/safe-redirect";
import { SignInSchema } from "~/auth/sign-in-schema.server";
import { startSession } from "~/auth/session.server";
import { checkSignInThrottle, clearAccountFailures, recordSignInFailure } from "~/auth/throttle.server";
import { Field, FormErrorSummary, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { findUserByEmail, homeFor } from "~/models/users.server";
import { parseForm, readForm, rejected, typedValues } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

// No requireAnonymous here: signing in while a session cookie is present replaces that
// session (rotation), which also defeats a planted session cookie.
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(SignInSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const db = getDb();
  const address = context.clientAddress ?? "unknown";
  const account = parsed.data.email;

  const verdict = await checkSignInThrottle(db, account, address);
  if (!verdict.allowed) {
    return data(
      { ok: false as const, errors: { _form: ["errors.throttled", { minutes: verdict.retryAfterMinutes }] as const }, values: typedValues(form) },
      { status: 429, headers: { "Retry-After": String(verdict.retryAfterMinutes * 60) } },
    );
  }
  const user = await findUserByEmail(db, account);
  // Verify against a decoy when there is no such account, so timing does not tell.
  const passwordOk = await verifyPassword(parsed.data.password, user?.password_hash ?? (await decoyHash()));
  if (!user || !user.active || !passwordOk) {
    await recordSignInFailure(db, account, address);
    return data({ ok: false as const, errors: { _form: "errors.badCredentials" as const }, values: typedValues(form) }, { status: 401 });
  }
  await clearAccountFailures(db, account);
  const cookie = await startSession(request, user.id);
  return redirect(safeRedirect(parsed.data.redirectTo, homeFor(user.role)), { headers: { "Set-Cookie": cookie } });
}

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
        <Field name="email" type="email" label={t("login.email")} autoComplete="username" inputMode="email" required defaultValue={values.email} error={errors.email} />
        <Field name="password" type="password" label={t("login.password")} autoComplete="current-password" required error={errors.password} />
        <SubmitButton>{t("login.submit")}</SubmitButton>
      </Form>
      <p className="muted">{t("login.forgot")}</p>
      <h2 className="h3">{t("login.noAccount")}</h2>
      <ul className="link-list">
        <li><Link to="/join">{t("login.graduateJoin")}</Link></li>
        <li><Link to="/signup">{t("login.employerSignup")}</Link></li>
      </ul>
    </section>
  );
}
