import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireUser } from "~/auth/require-user.server";
import { SectionErrorBoundary } from "~/components/section-error";
import { SectionNav } from "~/components/section-nav";
import { useT } from "~/i18n/use-t";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return null;
}

export default function AdminLayout() {
  const { t } = useT();
  return (
    <>
      <SectionNav
        label={t("nav.admin")}
        items={[
          { to: "/admin", label: t("admin.title"), end: true },
          { to: "/admin/staff", label: t("admin.staff") },
          { to: "/admin/schools", label: t("admin.schools") },
          { to: "/admin/modules", label: t("admin.modules") },
          { to: "/admin/skills", label: t("admin.skills") },
          { to: "/admin/job-words", label: t("jobWords.title") },
          { to: "/admin/outbox", label: t("outbox.title") },
          { to: "/admin/settings", label: t("admin.settings") },
        ]}
      />
      <Outlet />
    </>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
