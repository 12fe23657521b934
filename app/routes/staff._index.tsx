import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { isAgencyWide, schoolIdsOf } from "~/domain/staff/scope";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { staffWorkCounts } from "~/models/staff-scope-records.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  // The counts of the viewer's scope (docs/decisions/063-staff-scope.md).
  return { counts: await staffWorkCounts(getDb(), schoolIdsOf(scope)), agencyWide: isAgencyWide(scope) };
}

export const meta = titleMeta("staff.title", { private: true });

export default function StaffHome() {
  const { t, lang } = useT();
  const { counts, agencyWide } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("staff.title")}</h1>
      <p className="lead">{t("staff.lead")}</p>
      <h2>{t("staffScope.counts.title")}</h2>
      <dl className="dl">
        <dt>{t("staffScope.counts.enrolled")}</dt>
        <dd data-testid="count-enrolled">{formatNumber(lang, counts.enrolled)}</dd>
        <dt>{t("staffScope.counts.joined")}</dt>
        <dd data-testid="count-joined">{formatNumber(lang, counts.joined)}</dd>
      </dl>
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
        {agencyWide ? (
          <li>
            <Link to="/staff/companies">
              <strong>{t("companies.title")}</strong>
              <span className="muted">{t("companies.staff.tile")}</span>
            </Link>
          </li>
        ) : null}
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
