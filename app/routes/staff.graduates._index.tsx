import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser, STAFF_ROLES } from "~/auth/require-user.server";
import { Field, SubmitButton } from "~/components/form";
import { getDb } from "~/db.server";
import { cohortLabel } from "~/i18n/cohort-label";
import { useT } from "~/i18n/use-t";
import { findGraduatesForStaff } from "~/models/verification.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: STAFF_ROLES });
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  return { q, graduates: await findGraduatesForStaff(getDb(), q) };
}

export const meta = titleMeta("verify.title", { private: true });

export default function StaffGraduatesPage() {
  const { t, lang } = useT();
  const { q, graduates } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("verify.title")}</h1>
      <Form method="get" className="filters" role="search">
        <Field name="q" type="search" label={t("verify.search")} hint={t("verify.searchHint")} defaultValue={q} />
        <SubmitButton>{t("admin.skills.searchSubmit")}</SubmitButton>
      </Form>
      <h2>{t("verify.results")}</h2>
      {graduates.length === 0 ? (
        <p className="muted">{t("verify.noResults")}</p>
      ) : (
        <ul className="tiles">
          {graduates.map((g) => (
            <li key={g.id}>
              <Link to={`/staff/graduates/${g.id}`}>
                <strong>
                  {g.first_name} {g.last_name}
                </strong>
                <span className="small">{cohortLabel(t, lang, g, g.graduation_date)}</span>
                {!g.user_id ? <span className="small muted"> · {t("verify.enrolledNoAccount")}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
