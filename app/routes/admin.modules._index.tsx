import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/require-user.server";
import { getDb } from "~/db.server";
import { sortByShownName } from "~/domain/search/name-order";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { listModulesWithSkills } from "~/models/modules.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return { modules: await listModulesWithSkills(getDb()) };
}

export const meta = titleMeta("admin.modules", { private: true });

export default function ModulesPage() {
  const { t, lang } = useT();
  const { modules } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("admin.modules")}</h1>
      <p className="lead">{t("admin.modules.lead")}</p>
      <ol className="tiles">
        {modules.map((m) => (
          <li key={m.id}>
            <Link to={`/admin/modules/${m.id}`}>
              <span className="muted small">{t("admin.modules.number", { n: m.number })}</span>
              <strong>{pick(m, "title", lang)}</strong>
              <span className="small">
                {sortByShownName(m.skills, lang)
                  .map((s) => pick(s, "name", lang))
                  .join(", ")}
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
