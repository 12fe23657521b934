import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/require-user.server";
import { getDb } from "~/db.server";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { adminCounts } from "~/models/reference.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return adminCounts(getDb());
}

export const meta = titleMeta("admin.title", { private: true });

export default function AdminHome() {
  const { t, lang } = useT();
  const counts = useLoaderData<typeof loader>();
  const tiles = [
    { to: "/admin/staff", label: t("admin.staff"), n: counts.staff },
    { to: "/admin/schools", label: t("admin.schools"), n: counts.schools },
    { to: "/admin/modules", label: t("admin.modules"), n: counts.modules },
    { to: "/admin/skills", label: t("admin.skills"), n: counts.skills },
  ];
  return (
    <section>
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("admin.lead")}</p>
      <ul className="tiles">
        {tiles.map((tile) => (
          <li key={tile.to}>
            <Link to={tile.to}>
              <strong>{tile.label}</strong>
              <span className="muted">{formatNumber(lang, tile.n)}</span>
            </Link>
          </li>
        ))}
        <li>
          <Link to="/admin/settings">
            <strong>{t("admin.settings")}</strong>
            <span className="muted">{t("admin.settings.certificate")}</span>
          </Link>
        </li>
      </ul>
    </section>
  );
}
