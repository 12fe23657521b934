import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusPill } from "~/components/application";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listGraduateApplications } from "~/models/applications.server";
import { requireGraduate } from "~/auth/guards.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  return { applications: await listGraduateApplications(getDb(), graduate.id) };
}

export const meta = titleMeta("applications.title", { private: true });

export default function MyApplicationsPage() {
  const { t, lang } = useT();
  const { applications } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("applications.title")}</h1>
      <p>{t("applications.lead")}</p>
      {applications.length === 0 ? (
        <div className="card">
          <p>{t("applications.none")}</p>
          <p>
            <Link to="/vacancies">{t("applications.findJobs")}</Link>
          </p>
        </div>
      ) : (
        <ul className="application-list">
          {applications.map((a) => (
            <li key={a.id} className="card">
              <h2 className="application-list__title">
                <Link to={`/me/applications/${a.id}`}>{a.vacancy_title}</Link>
              </h2>
              <p className="small">{a.company_name}</p>
              <p className="small">
                <StatusPill status={a.status} /> · {t("applications.updated")}: <time dateTime={a.updated_at}>{formatDateTime(lang, a.updated_at)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
