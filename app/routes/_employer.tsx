// The employer area: a pathless layout (no URL of its own) around the employer's pages
// (/employer…, /company, /graduates, /vacancies/:id/candidates) with the area's navigation,
// like /me, /staff and /admin (docs/decisions/037-thin-routes-and-employer-layout.md).
// Staff also read the directory and candidate lists: they pass, without the employer's menu.
// Every page below still checks role and ownership itself.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requireUser, STAFF_ROLES } from "~/auth/require-user.server";
import { SectionErrorBoundary } from "~/components/section-error";
import { SectionNav } from "~/components/section-nav";
import { getDb } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { companyOfUser } from "~/models/companies.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: ["employer", ...STAFF_ROLES] });
  if (user.role !== "employer") return { employer: null };
  // Applicants, hires and the directory answer 403 until the company is verified: the menu does not offer them before.
  const company = await companyOfUser(getDb(), user.id);
  return { employer: { verified: company?.status === "verified" } };
}

export default function EmployerArea() {
  const { t } = useT();
  const { employer } = useLoaderData<typeof loader>();
  return (
    <>
      {employer ? (
        <SectionNav
          label={t("employerArea.nav")}
          items={[
            {
              to: "/employer",
              label: t("vacancies.dashboard"),
              end: true,
              also: ["/employer/vacancies", "/vacancies", "/employer/interviews", "/employer/rejection-templates"],
            },
            ...(employer.verified
              ? [
                  { to: "/employer/applicants", label: t("applications.applicants.all"), also: ["/employer/applications", "/employer/bulk-actions"] },
                  { to: "/employer/hires", label: t("outcomes.hires.title") },
                  { to: "/graduates", label: t("directory.nav") },
                ]
              : []),
            { to: "/company", label: t("companies.nav") },
          ]}
        />
      ) : null}
      <Outlet />
    </>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
