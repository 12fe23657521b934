import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/require-user.server";
import { Field, FormErrorSummary, SubmitButton, useFormFailure } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { createStaffAccount, emailTaken, listStaffAccounts } from "~/models/users.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { email, newPassword, requiredText } from "~/utils/fields";
import { titleMeta } from "~/utils/meta";
import { TwoStepReset } from "~/components/two-step-reset";

const CreateStaffSchema = z.object({ name: requiredText(120), email, password: newPassword });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  const people = await listStaffAccounts(getDb());
  return { people };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, { role: "admin" });
  const form = await readForm(request);
  const parsed = parseForm(CreateStaffSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const db = getDb();
  if (await emailTaken(db, parsed.data.email)) return invalid({ email: "errors.emailTaken" }, form);
  await createStaffAccount(db, parsed.data, admin.id);
  return redirect("/admin/staff", { headers: cookieHeaders(setFlash("flash.created")) });
}

export const meta = titleMeta("admin.staff", { private: true });

export default function StaffAccountsPage() {
  const { t, lang } = useT();
  const { people } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  return (
    <section>
      <h1>{t("admin.staff")}</h1>
      <div className="grid grid--2">
        <div>
          <h2>{t("admin.staff.list")}</h2>
          {/* stacked: on a phone each person is a card instead of a table wider than the screen (docs/decisions/032-phone-navigation-and-tables.md) */}
          <ListTable
            rows={people}
            columns={[
              {
                header: t("admin.staff.name"),
                cell: (p) => (
                  <>
                    {p.display_name}
                    <br />
                    <span className="muted small">
                      {p.email} · {formatDate(lang, p.created_at)}
                    </span>
                  </>
                ),
              },
              { header: t("account.role"), cell: (p) => t(`role.${p.role}`) },
              { header: t("admin.twoStep.column"), cell: (p) => <TwoStepReset userId={p.id} /> },
            ]}
          />
        </div>
        <div className="card">
          <h2>{t("admin.staff.create")}</h2>
          <FormErrorSummary errors={errors} />
          <Form method="post" className="stack" noValidate>
            <Field name="name" label={t("admin.staff.name")} required defaultValue={values.name} error={errors.name} autoComplete="off" />
            <Field name="email" type="email" label={t("admin.staff.email")} required defaultValue={values.email} error={errors.email} autoComplete="off" />
            <Field
              name="password"
              type="password"
              label={t("admin.staff.password")}
              hint={t("admin.staff.passwordHint")}
              required
              error={errors.password}
              autoComplete="new-password"
            />
            <SubmitButton>{t("admin.staff.submit")}</SubmitButton>
          </Form>
        </div>
      </div>
    </section>
  );
}
