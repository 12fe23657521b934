import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { verifyPassword } from "~/auth/password.server";
import { requireUser } from "~/auth/require-user.server";
import { passwordCheckCounters, releaseAttempt, reserveAttempt } from "~/auth/throttle.server";
import { startSession } from "~/auth/session.server";
import { Field, FormErrorSummary, NewPasswordFields, Notice, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { formatDate } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { companyOfUser } from "~/models/companies.server";
import { graduateSchoolOfUser } from "~/models/graduates.server";
import { passwordHashOf, setPassword } from "~/models/users.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected, throttled } from "~/utils/forms.server";
import { newPassword } from "~/utils/fields";
import { titleMeta } from "~/utils/meta";
import { SectionErrorBoundary } from "~/components/section-error";
import { retryAfterHeaders } from "~/utils/retry-after";

const ChangePasswordSchema = z
  .object({
    currentPassword: z.string("errors.required").min(1, "errors.required").max(200, "errors.passwordLong"),
    password: newPassword,
    passwordRepeat: z.string("errors.required"),
  })
  .refine((v) => v.password === v.passwordRepeat, { path: ["passwordRepeat"], message: "errors.passwordMismatch" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const graduate = user.role === "graduate" ? await graduateSchoolOfUser(db, user.id) : null;
  const company = user.role === "employer" ? await companyOfUser(db, user.id) : null;
  return { user: { email: user.email, name: user.display_name, role: user.role }, graduate: graduate ?? null, company: company ?? null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const parsed = parseForm(ChangePasswordSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const db = getDb();
  // Counted before the slow check, like sign-in: a session is not a licence to guess (item 14).
  const reservation = await reserveAttempt(db, passwordCheckCounters(user.id, context.clientAddress ?? "unknown"));
  if (!reservation.allowed) return throttled(reservation, form);
  if (!(await verifyPassword(parsed.data.currentPassword, await passwordHashOf(db, user.id)))) {
    return invalid({ currentPassword: "errors.currentPasswordWrong" }, form);
  }
  await releaseAttempt(db, reservation);
  // Ends every session (other devices too), then starts a fresh one for this device.
  await setPassword(db, user.id, parsed.data.password);
  const cookie = await startSession(request, user.id);
  return redirect("/account", { headers: cookieHeaders(cookie, setFlash("flash.passwordChanged")) });
}

// A refused body (413) or bad request (400) is shown in the reader's language, inside the site.
export const ErrorBoundary = SectionErrorBoundary;

export const headers = retryAfterHeaders;

export const meta = titleMeta("account.title", { private: true });

export default function AccountPage() {
  const { t, lang } = useT();
  const { user, graduate, company } = useLoaderData<typeof loader>();
  const { errors } = useFormFailure();
  return (
    <section>
      <h1>{t("account.title")}</h1>
      <div className="grid grid--2">
        <div className="card">
          <h2>{user.name}</h2>
          <dl className="dl">
            <dt>{t("account.role")}</dt>
            <dd>{t(`role.${user.role}`)}</dd>
            <dt>{t("account.email")}</dt>
            <dd>{user.email}</dd>
            {graduate ? (
              <>
                <dt>{t("account.school")}</dt>
                <dd>{pick(graduate, "name", lang)}</dd>
                <dt>{t("account.cohort")}</dt>
                <dd>{formatDate(lang, graduate.graduation_date)}</dd>
              </>
            ) : null}
            {company ? (
              <>
                <dt>{t("account.company")}</dt>
                <dd>{company.name}</dd>
                <dt>{t("account.companyStatus")}</dt>
                <dd>
                  <span className={`pill ${company.status === "verified" ? "pill--ok" : company.status === "pending" ? "pill--warn" : "pill--error"}`}>
                    {t(`account.status.${company.status}`)}
                  </span>
                </dd>
              </>
            ) : null}
          </dl>
          {company?.status === "pending" ? <Notice kind="info">{t("account.pendingNotice")}</Notice> : null}
        </div>
        <div className="card">
          <h2>{t("account.changePassword")}</h2>
          <FormErrorSummary errors={errors} />
          <Form method="post" className="stack" noValidate>
            <Field
              name="currentPassword"
              type="password"
              label={t("account.currentPassword")}
              autoComplete="current-password"
              required
              error={errors.currentPassword}
            />
            <NewPasswordFields errors={errors} />
            <SubmitButton>{t("account.passwordSubmit")}</SubmitButton>
          </Form>
        </div>
      </div>
    </section>
  );
}
