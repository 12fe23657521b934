// The admin's retention periods (docs/decisions/067-data-retention.md): a section of /admin/settings
// whose form posts to its own route, /admin/settings/retention, which shows it again with the errors and
// the typed values when they are refused (works without JavaScript).
import { Form } from "@remix-run/react";
import { Field, FormErrorSummary, SubmitButton } from "~/components/form";
import { RETENTION_KINDS, type RetentionSettings } from "~/domain/retention";
import { useT } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/form-types";

export function RetentionSettingsForm({
  settings,
  errors = {},
  values = {},
  heading: Heading = "h2",
}: {
  settings: RetentionSettings;
  /** h1 on its own page, h2 as a section of the settings page. */
  heading?: "h1" | "h2";
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const { t } = useT();
  return (
    <section id="retention" aria-labelledby="retention-title" className="stack">
      <Heading id="retention-title">{t("retention.title")}</Heading>
      <p>{t("retention.lead")}</p>
      <FormErrorSummary errors={errors} />
      <Form method="post" action="/admin/settings/retention" className="stack" noValidate>
        {RETENTION_KINDS.map((kind) => (
          <Field
            key={kind}
            name={kind}
            label={t(`retention.${kind}`)}
            hint={`${t(`retention.${kind}.hint`)} ${t("retention.months.hint")}`}
            inputMode="numeric"
            optional
            defaultValue={values[kind] ?? (settings[kind] === null ? "" : String(settings[kind]))}
            error={errors[kind]}
          />
        ))}
        <SubmitButton>{t("retention.submit")}</SubmitButton>
      </Form>
    </section>
  );
}

/** The personal-data page's "how long we keep it": each kind's period from the admin's settings. */
export function RetentionPeriods({ settings }: { settings: RetentionSettings }) {
  const { t } = useT();
  return (
    <section aria-labelledby="retention-periods" className="stack">
      <h2 id="retention-periods">{t("retention.data.title")}</h2>
      <p>{t("retention.data.lead")}</p>
      <ul>
        {RETENTION_KINDS.map((kind) => {
          const months = settings[kind];
          return <li key={kind}>{months === null ? t(`retention.data.${kind}.keep`) : t(`retention.data.${kind}.months`, { n: months })}</li>;
        })}
      </ul>
    </section>
  );
}
