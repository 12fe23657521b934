import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAnonymous } from "~/auth/require-user.server";
import { startSession } from "~/auth/session.server";
import { Field, FormErrorSummary, Notice, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { companyInviteProblem, createPendingCompany, findCompanyInvite, joinCompanyWithInvite } from "~/models/companies.server";
import { createUser, emailTaken, homeFor } from "~/models/users.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { email, newPassword, requiredText } from "~/utils/fields";
import { titleMeta } from "~/utils/meta";

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

/** Thrown inside the transaction when the code was used in the meantime: nothing is kept. */
class InviteRace extends Error {}

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

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = await readForm(request);
  const code = inviteCodeOf(request, form);
  const db = getDb();
  if (code !== null) {
    const parsed = parseForm(InvitedSignUpSchema, form);
    const invite = await findCompanyInvite(db, code);
    const problem = companyInviteProblem(invite);
    if (!parsed.ok) return rejected(problem ? { ...parsed, errors: { invite: problem, ...parsed.errors } } : parsed);
    if (problem) return invalid({ invite: problem }, form);
    if (await emailTaken(db, parsed.data.email)) return invalid({ email: "errors.emailTaken" }, form);
    const userId = await db.transaction().execute(async (trx) => {
      const id = await createUser(trx, { email: parsed.data.email, password: parsed.data.password, role: "employer", displayName: parsed.data.name });
      // Marks the invitation used in the same transaction; a code used meanwhile rolls everything back.
      if (!(await joinCompanyWithInvite(trx, invite!.id, id))) throw new InviteRace();
      return id as number | null;
    }).catch((error: unknown) => {
      if (error instanceof InviteRace) return null;
      throw error;
    });
    if (userId === null) return invalid({ invite: "companies.inviteUsed" }, form);
    const cookie = await startSession(request, userId);
    return redirect(homeFor("employer"), { headers: cookieHeaders(cookie, setFlash("flash.companyJoined")) });
  }
  const parsed = parseForm(EmployerSignUpSchema, form);
  if (!parsed.ok) return rejected(parsed);
  if (await emailTaken(db, parsed.data.email)) return invalid({ email: "errors.emailTaken" }, form);
  const userId = await db.transaction().execute(async (trx) => {
    const id = await createUser(trx, { email: parsed.data.email, password: parsed.data.password, role: "employer", displayName: parsed.data.name });
    await createPendingCompany(trx, parsed.data.company, id);
    return id;
  });
  const cookie = await startSession(request, userId);
  return redirect(homeFor("employer"), { headers: cookieHeaders(cookie, setFlash("flash.employerWelcome")) });
}

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
        <Notice kind="info"><p>{t("companies.signup.joining", { company: invite.company })}</p></Notice>
      ) : null}
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        {invite ? (
          invite.company && !errors.invite ? (
            <input type="hidden" name="invite" value={values.invite ?? invite.code} />
          ) : (
            // A bad, used or expired code: say so and let the person correct it (or clear it for a new company).
            <Field name="invite" label={t("companies.signup.inviteCode")} defaultValue={values.invite ?? invite.code} error={errors.invite ?? invite.problem ?? undefined} autoComplete="off" />
          )
        ) : null}
        <Field name="name" label={t("signup.name")} autoComplete="name" required defaultValue={values.name} error={errors.name} />
        {invite ? null : <Field name="company" label={t("signup.company")} autoComplete="organization" required defaultValue={values.company} error={errors.company} />}
        <Field name="email" type="email" label={t("signup.email")} autoComplete="email" inputMode="email" required defaultValue={values.email} error={errors.email} />
        <Field name="password" type="password" label={t("signup.password")} hint={t("join.passwordHint")} autoComplete="new-password" required error={errors.password} />
        <Field name="passwordRepeat" type="password" label={t("signup.passwordRepeat")} autoComplete="new-password" required error={errors.passwordRepeat} />
        <SubmitButton>{t("signup.submit")}</SubmitButton>
      </Form>
      <p><Link to="/join">{t("signup.graduateHint")}</Link></p>
    </section>
  );
}
