// The admin's grace period for staff two-step sign-in (docs/decisions/066-two-step-sign-in.md): shown on
// /admin/settings and posted to its own route, /admin/settings/two-step, which redirects back.
import { Form } from "@remix-run/react";
import { Field, SubmitButton } from "~/components/form";
import type { FieldErrors } from "~/utils/form-types";
import { useT } from "~/i18n/use-t";

export function TwoStepSettings({ graceDays, errors = {}, typed }: { graceDays: number; errors?: FieldErrors; typed?: string }) {
  const { t } = useT();
  return (
    <div className="card stack" id="two-step">
      <h2>{t("admin.twoStep.title")}</h2>
      <p>{t("admin.twoStep.lead")}</p>
      <Form method="post" action="/admin/settings/two-step" className="stack" noValidate>
        <Field
          name="grace_days"
          label={t("admin.twoStep.days")}
          hint={t("admin.twoStep.daysHint")}
          inputMode="numeric"
          required
          defaultValue={typed ?? String(graceDays)}
          error={errors.grace_days}
        />
        <SubmitButton>{t("common.save")}</SubmitButton>
      </Form>
    </div>
  );
}
