// POST /admin/settings/retention: an admin sets how long survey answers' typed job titles, conversation
// messages and rejected applications are kept (docs/product.md §16, docs/decisions/067-data-retention.md).
// Saved (and audited) goes back to /admin/settings; a refused form is shown here with its errors and
// what was typed (400); a GET shows the form alone.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/require-user.server";
import { useFormFailure } from "~/components/form";
import { RetentionSettingsForm } from "~/components/retention-settings";
import { SectionErrorBoundary } from "~/components/section-error";
import { getDb } from "~/db.server";
import { RetentionSchema } from "~/domain/retention";
import { useT } from "~/i18n/use-t";
import { retentionSettings, saveRetentionSettings } from "~/models/retention.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { parseForm, readForm, rejected } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return { settings: await retentionSettings(getDb()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, { role: "admin" });
  const parsed = parseForm(RetentionSchema, await readForm(request));
  if (!parsed.ok) return rejected(parsed);
  await saveRetentionSettings(getDb(), parsed.data, admin.id);
  return redirect("/admin/settings#retention", { headers: cookieHeaders(setFlash("retention.flash.saved")) });
}

export const meta = titleMeta("retention.title", { private: true });

export default function RetentionSettingsPage() {
  const { t } = useT();
  const { settings } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  const failed = Object.keys(errors).length > 0;
  return (
    <section className="narrow stack">
      <p className="small">
        <Link to="/admin/settings">← {t("retention.back")}</Link>
      </p>
      {failed ? <h1>{t("retention.page.title")}</h1> : null}
      <RetentionSettingsForm settings={settings} errors={errors} values={values} heading={failed ? "h2" : "h1"} />
    </section>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
