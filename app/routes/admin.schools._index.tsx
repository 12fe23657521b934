import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/require-user.server";
import { ListTable } from "~/components/list-table";
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
      <p>
        <Link className="button" to="/admin/schools/new">
          {t("admin.schools.add")}
        </Link>
      </p>
      {/* stacked: on a phone each school is a card, so its edit link stays on screen (docs/decisions/032-phone-navigation-and-tables.md) */}
      <ListTable
        rows={schools}
        columns={[
          {
            header: t("admin.skills.name"),
            cell: (s) => (
              <>
                {pick(s, "name", lang)}
                <br />
                <span className="muted small">{pick(s, "city", lang)}</span>
              </>
            ),
          },
          { header: t("admin.schools.region"), cell: (s) => pick(s, "region", lang) },
          { header: t("common.actions"), cell: (s) => <Link to={`/admin/schools/${s.id}`}>{t("common.edit")}</Link> },
        ]}
      />
    </section>
  );
}
