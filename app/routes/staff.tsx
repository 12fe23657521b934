import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireUser, STAFF_ROLES } from "~/auth/require-user.server";
import { SectionErrorBoundary } from "~/components/section-error";
import { SectionNav } from "~/components/section-nav";
import { useT } from "~/i18n/use-t";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: STAFF_ROLES });
  return null;
}

export default function StaffLayout() {
  const { t } = useT();
  return (
    <>
      <SectionNav
        label={t("nav.staff")}
        items={[
          { to: "/staff", label: t("staff.title"), end: true },
          { to: "/staff/invitations", label: t("staff.invitations") },
          { to: "/staff/import", label: t("import.nav") },
          { to: "/staff/graduates", label: t("verify.title") },
          { to: "/staff/outcomes", label: t("outcomes.dashboard.nav"), end: true },
          { to: "/staff/outcomes/follow-up", label: t("outcomes.followUp.nav") },
          { to: "/staff/reports", label: t("reports.nav") },
          { to: "/staff/vacancies", label: t("vacancies.moderation") },
          { to: "/staff/password-resets", label: t("staff.resets") },
          { to: "/staff/companies", label: t("companies.title") },
          { to: "/staff/conversations", label: t("staffConversations.nav") },
          { to: "/staff/skill-gap", label: t("match.gap.nav") },
          { to: "/staff/audit", label: t("audit.title") },
        ]}
      />
      <Outlet />
    </>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
