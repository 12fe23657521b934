import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { z } from "zod";
import { requireAnonymous } from "~/auth/require-user.server";
import { startSession } from "~/auth/session.server";
import { Field, FormErrorSummary, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { createPendingCompany } from "~/models/companies.server";
import { createUser, emailTaken } from "~/models/users.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { email, newPassword, requiredText } from "~/utils/fields";
import { titleMeta } from "~/utils/meta";

const EmployerSignUpSchema = z
  .object({
    name: requiredText(120),
    company: requiredText(160),
    email,
    password: newPassword,
    passwordRepeat: z.string("errors.required"),
  })
  .refine((v) => v.password === v.passwordRepeat, { path: ["passwordRepeat"], message: "errors.passwordMismatch" });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = await readForm(request);
  const parsed = parseForm(EmployerSignUpSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const db = getDb();
  if (await emailTaken(db, parsed.data.email)) return invalid({ email: "errors.emailTaken" }, form);
  const userId = await db.transaction().execute(async (trx) => {
    const id = await createUser(trx, { email: parsed.data.email, password: parsed.data.password, role: "employer", displayName: parsed.data.name });
    await createPendingCompany(trx, parsed.data.company, id);
    return id;
  });
  const cookie = await startSession(request, userId);
  return redirect("/account", { headers: cookieHeaders(cookie, setFlash("flash.employerWelcome")) });
}

export const meta = titleMeta("signup.title");

export default function EmployerSignUpPage() {
  const { t } = useT();
  const { errors, values } = useFormFailure();
  return (
    <section className="narrow">
      <h1>{t("signup.title")}</h1>
      <p className="lead">{t("signup.lead")}</p>
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        <Field name="name" label={t("signup.name")} autoComplete="name" required defaultValue={values.name} error={errors.name} />
        <Field name="company" label={t("signup.company")} autoComplete="organization" required defaultValue={values.company} error={errors.company} />
        <Field name="email" type="email" label={t("signup.email")} autoComplete="email" inputMode="email" required defaultValue={values.email} error={errors.email} />
        <Field name="password" type="password" label={t("signup.password")} hint={t("join.passwordHint")} autoComplete="new-password" required error={errors.password} />
        <Field name="passwordRepeat" type="password" label={t("signup.passwordRepeat")} autoComplete="new-password" required error={errors.passwordRepeat} />
        <SubmitButton>{t("signup.submit")}</SubmitButton>
      </Form>
      <p><Link to="/join">{t("signup.graduateHint")}</Link></p>
    </section>
  );
}
