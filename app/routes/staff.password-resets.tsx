import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { publicOrigin } from "~/config.server";
import { requireUser, STAFF_ROLES } from "~/auth/require-user.server";
import { Field, FormErrorSummary, Notice, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/i18n/format";
import { langOf } from "~/i18n/negotiate";
import { useT } from "~/i18n/use-t";
import { createPasswordReset } from "~/models/password-resets.server";
import { findUserByEmail } from "~/models/users.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { email } from "~/utils/fields";
import { titleMeta } from "~/utils/meta";

const ResetRequestSchema = z.object({ email });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: STAFF_ROLES });
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request, { role: STAFF_ROLES });
  const form = await readForm(request);
  const parsed = parseForm(ResetRequestSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const db = getDb();
  const target = await findUserByEmail(db, parsed.data.email);
  if (!target) return invalid({ email: "errors.userNotFound" }, form);
  // Staff help graduates and employers; only an admin may reset a staff or admin account.
  if ((target.role === "staff" || target.role === "admin") && actor.role !== "admin") {
    return data({ ok: false as const, errors: { email: "error.403.text" as const }, values: { email: parsed.data.email } }, { status: 403 });
  }
  const { token, expiresAt } = await createPasswordReset(db, target.id, actor.id);
  const link = `${publicOrigin()}/reset/${token}`;
  return { ok: true as const, email: target.email, link, expires: formatDateTime(langOf(request), expiresAt) };
}

export const meta = titleMeta("staff.resets", { private: true });

export default function PasswordResetsPage() {
  const { t } = useT();
  const result = useActionData<typeof action>();
  const created = result && result.ok ? result : null;
  const { errors, values } = useFormFailure();
  return (
    <section className="narrow">
      <h1>{t("staff.resets")}</h1>
      <p>{t("staff.reset.lead")}</p>
      {created ? (
        <Notice kind="ok">
          <p>{t("staff.reset.created", { email: created.email, date: created.expires })}</p>
          <p className="small">
            <span className="code code--link">{created.link}</span>
          </p>
        </Notice>
      ) : null}
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        <Field name="email" type="email" label={t("staff.reset.email")} required defaultValue={values.email} error={errors.email} autoComplete="off" />
        <SubmitButton>{t("staff.reset.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
