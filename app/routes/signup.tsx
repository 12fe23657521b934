import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAnonymous } from "~/auth/require-user.server";
import { decoyHash, verifyPassword } from "~/auth/password.server";
import { reserveAttempt, signUpCounters } from "~/auth/throttle.server";
import { Field, FormErrorSummary, Notice, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { companyInviteProblem } from "~/domain/companies/invites";
import { findCompanyInvite, signUpWithCompanyInvite, signUpWithNewCompany } from "~/models/companies.server";
import { findUserByEmail, tellSignUpAttempt } from "~/models/users.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected, throttled } from "~/utils/forms.server";
import { SMALL_FORM_LIMITS } from "~/utils/request-body.server";
import { email, newPassword, requiredText } from "~/utils/fields";
import { titleMeta } from "~/utils/meta";
import { SectionErrorBoundary } from "~/components/section-error";
import { passOnHeaders } from "~/utils/route-headers";

const account = {
  name: requiredText(120),
  email,
  password: newPassword,
  passwordRepeat: z.string("errors.required"),
};
const samePasswords: [(v: { password: string; passwordRepeat: string }) => boolean, { path: string[]; message: string }] = [
  (v) => v.password === v.passwordRepeat,
  { path: ["passwordRepeat"], message: "errors.passwordMismatch" },
];

const EmployerSignUpSchema = z.object({ ...account, company: requiredText(160) }).refine(...samePasswords);
/** With a colleague's invitation the account joins that company: no company name is asked. */
const InvitedSignUpSchema = z.object({ ...account, invite: z.string().max(100).optional() }).refine(...samePasswords);

/**
 * The one answer to every accepted sign-up, whether the address was new or already had an
 * account: no session, a notice to sign in (issue 13, item 14; docs/decisions/019-throttle-reservations-and-body-limits.md).
 */
const signedUp = () => redirect("/login", { headers: cookieHeaders(setFlash("flash.signUpDone")) });

/**
 * The address already has an account: its owner is told in the portal, the requester learns
 * nothing (a decoy hash takes the time creating the account would have taken).
 */
async function answerExistingAddress(userId: number) {
  await verifyPassword("", await decoyHash());
  // A security message: in the portal and by e-mail/Telegram (docs/decisions/057-one-way-to-tell.md),
  // at most once a day per address (docs/decisions/062-mail-limits-digests-and-batches.md).
  await tellSignUpAttempt(getDb(), userId);
  return signedUp();
}

/** The invitation code: the posted field when the form has one (even empty), else ?invite=. */
function inviteCodeOf(request: Request, form?: FormData): string | null {
  const posted = form?.get("invite");
  if (typeof posted === "string") return posted.trim().slice(0, 100);
  const code = new URL(request.url).searchParams.get("invite");
  return code && code.trim() ? code.trim().slice(0, 100) : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const code = inviteCodeOf(request);
  if (!code) return { invite: null };
  const invite = await findCompanyInvite(getDb(), code);
  const problem = companyInviteProblem(invite);
  return { invite: { code, company: problem ? null : invite!.company_name, problem } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = await readForm(request, SMALL_FORM_LIMITS);
  const code = inviteCodeOf(request, form);
  const db = getDb();
  if (code !== null) {
    const parsed = parseForm(InvitedSignUpSchema, form);
    const invite = await findCompanyInvite(db, code);
    const problem = companyInviteProblem(invite);
    if (!parsed.ok) return rejected(problem ? { ...parsed, errors: { invite: problem, ...parsed.errors } } : parsed);
    if (problem) return invalid({ invite: problem }, form);
    // Every sign-up that gets this far counts, per address: each may create an account (item 14).
    const reservation = await reserveAttempt(db, signUpCounters(context.clientAddress ?? "unknown"));
    if (!reservation.allowed) return throttled(reservation, form);
    const existing = await findUserByEmail(db, parsed.data.email);
    if (existing) return answerExistingAddress(existing.id);
    const joined = await signUpWithCompanyInvite(db, invite!.id, parsed.data);
    if (!joined.ok) return invalid({ invite: joined.problem }, form);
    return signedUp();
  }
  const parsed = parseForm(EmployerSignUpSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const reservation = await reserveAttempt(db, signUpCounters(context.clientAddress ?? "unknown"));
  if (!reservation.allowed) return throttled(reservation, form);
  const existing = await findUserByEmail(db, parsed.data.email);
  if (existing) return answerExistingAddress(existing.id);
  await signUpWithNewCompany(db, parsed.data);
  return signedUp();
}

// A refused body (413) or bad request (400) is shown in the reader's language, inside the site.
export const ErrorBoundary = SectionErrorBoundary;

export const headers = passOnHeaders;

export const meta = titleMeta("signup.title");

export default function EmployerSignUpPage() {
  const { t } = useT();
  const { errors, values } = useFormFailure();
  const { invite } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{t("signup.title")}</h1>
      <p className="lead">{t("signup.lead")}</p>
      {invite?.company ? (
        <Notice kind="info">
          <p>{t("companies.signup.joining", { company: invite.company })}</p>
        </Notice>
      ) : null}
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        {invite ? (
          invite.company && !errors.invite ? (
            <input type="hidden" name="invite" value={values.invite ?? invite.code} />
          ) : (
            // A bad, used or expired code: say so and let the person correct it (or clear it for a new company).
            <Field
              name="invite"
              label={t("companies.signup.inviteCode")}
              defaultValue={values.invite ?? invite.code}
              error={errors.invite ?? invite.problem ?? undefined}
              autoComplete="off"
            />
          )
        ) : null}
        <Field name="name" label={t("signup.name")} autoComplete="name" required defaultValue={values.name} error={errors.name} />
        {invite ? null : (
          <Field name="company" label={t("signup.company")} autoComplete="organization" required defaultValue={values.company} error={errors.company} />
        )}
        <Field
          name="email"
          type="email"
          label={t("signup.email")}
          autoComplete="email"
          inputMode="email"
          required
          defaultValue={values.email}
          error={errors.email}
        />
        <Field
          name="password"
          type="password"
          label={t("signup.password")}
          hint={t("join.passwordHint")}
          autoComplete="new-password"
          required
          error={errors.password}
        />
        <Field name="passwordRepeat" type="password" label={t("signup.passwordRepeat")} autoComplete="new-password" required error={errors.passwordRepeat} />
        <SubmitButton>{t("signup.submit")}</SubmitButton>
      </Form>
      <p>
        <Link to="/join">{t("signup.graduateHint")}</Link>
      </p>
    </section>
  );
}
