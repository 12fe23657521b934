import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { publicOrigin } from "~/config.server";
import { requireStaff } from "~/auth/guards.server";
import { schoolIdsOf } from "~/domain/staff/scope";
import { Field, FormErrorSummary, Notice, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/i18n/format";
import { langOf } from "~/i18n/negotiate";
import { useT } from "~/i18n/use-t";
import { createPasswordReset } from "~/models/password-resets.server";
import { userIsGraduateInScope } from "~/models/staff-scope-records.server";
import { findUserByEmail } from "~/models/users.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { email } from "~/utils/fields";
import { titleMeta } from "~/utils/meta";

const ResetRequestSchema = z.object({ email });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { user: actor, scope } = await requireStaff(request);
  const form = await readForm(request);
  const parsed = parseForm(ResetRequestSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const db = getDb();
  const target = await findUserByEmail(db, parsed.data.email);
  if (!target) return invalid({ email: "errors.userNotFound" }, form);
  // A school-scoped officer helps their schools' graduates only; anyone else reads as no such
  // account, so the answer tells nothing about other schools (docs/decisions/063-staff-scope.md).
  const schoolIds = schoolIdsOf(scope);
  if (schoolIds !== null && !(await userIsGraduateInScope(db, target.id, schoolIds))) return invalid({ email: "errors.userNotFound" }, form);
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
