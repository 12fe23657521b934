import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { isAgencyWide, schoolIdsOf } from "~/domain/staff/scope";
import { pick } from "~/i18n/pick";
import { SectionErrorBoundary } from "~/components/section-error";
import { SectionNav } from "~/components/section-nav";
import { useT } from "~/i18n/use-t";
import { scopeSchoolNames } from "~/models/staff-scope-records.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  // A school-scoped officer sees their schools named under the navigation, so smaller numbers
  // have a reason on the page (docs/decisions/063-staff-scope.md). Company and vacancy work is
  // the whole Agency's (403 for a scoped officer): those links are not shown to them.
  return { agencyWide: isAgencyWide(scope), schools: await scopeSchoolNames(getDb(), schoolIdsOf(scope)) };
}

export default function StaffLayout() {
  const { t, lang } = useT();
  const { agencyWide, schools } = useLoaderData<typeof loader>();
  const agencyOnly = new Set(["/staff/vacancies", "/staff/companies"]);
  return (
    <>
      <SectionNav
        label={t("nav.staff")}
        items={[
          { to: "/staff", label: t("staff.title"), end: true },
          { to: "/staff/invitations", label: t("staff.invitations"), also: ["/staff/cohorts"] },
          { to: "/staff/import", label: t("import.nav") },
          { to: "/staff/graduates", label: t("verify.title") },
          { to: "/staff/outcomes", label: t("outcomes.dashboard.nav"), end: true, also: ["/staff/outcomes/employers", "/staff/outcomes/graduates"] },
          { to: "/staff/outcomes/follow-up", label: t("outcomes.followUp.nav"), also: ["/staff/outcomes/campaigns"] },
          { to: "/staff/reports/annual", label: t("annual.nav") },
          { to: "/staff/reports", label: t("reports.nav") },
          { to: "/staff/vacancies", label: t("vacancies.moderation") },
          { to: "/staff/password-resets", label: t("staff.resets") },
          { to: "/staff/companies", label: t("companies.title") },
          { to: "/staff/conversations", label: t("staffConversations.nav") },
          { to: "/staff/skill-gap", label: t("match.gap.nav") },
          { to: "/staff/audit", label: t("audit.title") },
        ].filter((item) => agencyWide || !agencyOnly.has(item.to))}
      />
      {schools.length > 0 ? (
        <p className="muted small" data-testid="staff-scope">
          {t("staffScope.line", { names: schools.map((s) => pick(s, "name", lang)).join(", ") })}
        </p>
      ) : null}
      <Outlet />
    </>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
