import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { requireUser, STAFF_ROLES } from "~/auth/require-user.server";
import { useT } from "~/i18n/use-t";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: STAFF_ROLES });
  return null;
}

export const meta = titleMeta("staff.title", { private: true });

export default function StaffHome() {
  const { t } = useT();
  return (
    <section>
      <h1>{t("staff.title")}</h1>
      <p className="lead">{t("staff.lead")}</p>
      <ul className="tiles">
        <li>
          <Link to="/staff/invitations">
            <strong>{t("staff.invitations")}</strong>
            <span className="muted">{t("staff.invite.title")}</span>
          </Link>
        </li>
        <li>
          <Link to="/staff/outcomes">
            <strong>{t("outcomes.dashboard.nav")}</strong>
            <span className="muted">{t("outcomes.dashboard.tile")}</span>
          </Link>
        </li>
        <li>
          <Link to="/staff/reports">
            <strong>{t("reports.nav")}</strong>
            <span className="muted">{t("reports.tile")}</span>
          </Link>
        </li>
        <li>
          <Link to="/staff/outcomes/follow-up">
            <strong>{t("outcomes.followUp.nav")}</strong>
            <span className="muted">{t("outcomes.followUp.tile")}</span>
          </Link>
        </li>
        <li>
          <Link to="/staff/outcomes/employers">
            <strong>{t("outcomes.employers.nav")}</strong>
            <span className="muted">{t("outcomes.employers.tile")}</span>
          </Link>
        </li>
        <li>
          <Link to="/staff/companies">
            <strong>{t("companies.title")}</strong>
            <span className="muted">{t("companies.staff.tile")}</span>
          </Link>
        </li>
        <li>
          <Link to="/staff/password-resets">
            <strong>{t("staff.resets")}</strong>
            <span className="muted">{t("staff.reset.submit")}</span>
          </Link>
        </li>
      </ul>
    </section>
  );
}
