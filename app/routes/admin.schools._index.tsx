import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/require-user.server";
import { getDb } from "~/db.server";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { listSchools } from "~/models/reference.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return { schools: await listSchools(getDb()) };
}

export const meta = titleMeta("admin.schools", { private: true });

export default function SchoolsPage() {
  const { t, lang } = useT();
  const { schools } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("admin.schools")}</h1>
      <p><Link className="button" to="/admin/schools/new">{t("admin.schools.add")}</Link></p>
      <div className="table-wrap">
        {/* stacked: on a phone each school is a card, so its edit link stays on screen (docs/decisions/032-phone-navigation-and-tables.md) */}
        <table className="stacked">
          <thead>
            <tr><th scope="col">{t("admin.skills.name")}</th><th scope="col">{t("admin.schools.region")}</th><th scope="col">{t("common.actions")}</th></tr>
          </thead>
          <tbody>
            {schools.map((s) => (
              <tr key={s.id}>
                <td data-label={t("admin.skills.name")}>{pick(s, "name", lang)}<br /><span className="muted small">{pick(s, "city", lang)}</span></td>
                <td data-label={t("admin.schools.region")}>{pick(s, "region", lang)}</td>
                <td data-label={t("common.actions")}><Link to={`/admin/schools/${s.id}`}>{t("common.edit")}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
