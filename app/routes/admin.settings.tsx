import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/require-user.server";
import { Field, FormErrorSummary, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { certificateSettings, saveCertificateNames } from "~/models/reference.server";
import { RetentionSettingsForm } from "~/components/retention-settings";
import { retentionSettings } from "~/models/retention.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { parseForm, readForm, rejected } from "~/utils/forms.server";
import { requiredText } from "~/utils/fields";
import { titleMeta } from "~/utils/meta";
import { TwoStepSettings } from "~/components/two-step-settings";
import { twoStepPolicy } from "~/models/two-step.server";

const CertificateSchema = z.object({
  certificate_name_ky: requiredText(80),
  certificate_name_ru: requiredText(80),
  certificate_name_en: requiredText(80),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return {
    settings: await certificateSettings(getDb()),
    retention: await retentionSettings(getDb()),
    twoStepGraceDays: (await twoStepPolicy(getDb())).graceDays,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, { role: "admin" });
  const form = await readForm(request);
  const parsed = parseForm(CertificateSchema, form);
  if (!parsed.ok) return rejected(parsed);
  await saveCertificateNames(getDb(), parsed.data, admin.id);
  return redirect("/admin/settings", { headers: cookieHeaders(setFlash("flash.saved")) });
}

export const meta = titleMeta("admin.settings", { private: true });

export default function SettingsPage() {
  const { t } = useT();
  const { settings, retention, twoStepGraceDays } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  return (
    <section className="narrow">
      <h1>{t("admin.settings.certificate")}</h1>
      <p>{t("admin.settings.certificateLead")}</p>
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        <Field
          name="certificate_name_ky"
          label={t("admin.settings.nameKy")}
          required
          defaultValue={values.certificate_name_ky ?? settings.certificate_name_ky}
          error={errors.certificate_name_ky}
        />
        <Field
          name="certificate_name_ru"
          label={t("admin.settings.nameRu")}
          required
          defaultValue={values.certificate_name_ru ?? settings.certificate_name_ru}
          error={errors.certificate_name_ru}
        />
        <Field
          name="certificate_name_en"
          label={t("admin.settings.nameEn")}
          required
          defaultValue={values.certificate_name_en ?? settings.certificate_name_en}
          error={errors.certificate_name_en}
        />
        <SubmitButton>{t("common.save")}</SubmitButton>
      </Form>
      <RetentionSettingsForm settings={retention} />
      <TwoStepSettings graceDays={twoStepGraceDays} />
    </section>
  );
}
