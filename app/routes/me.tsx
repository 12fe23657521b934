import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData } from "@remix-run/react";
import { CompletenessMeter } from "~/components/completeness-meter";
import { SectionErrorBoundary } from "~/components/section-error";
import { SectionNav } from "~/components/section-nav";
import { getDb } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { requireGraduate } from "~/auth/guards.server";
import { loadProfile } from "~/models/profile.server";

// The graduate's own area: every page below also checks the graduate itself.
export async function loader({ request }: LoaderFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  const profile = await loadProfile(getDb(), graduate.id);
  return { completeness: profile!.completeness, slug: graduate.slug, visibility: graduate.visibility };
}

export default function GraduateArea() {
  const { t } = useT();
  const { completeness, slug, visibility } = useLoaderData<typeof loader>();
  const meta = (id: string) => (
    <>
      <CompletenessMeter percent={completeness.percent} missing={completeness.missing} id={id} />
      {slug ? (
        <p className="actions small">
          {visibility !== "private" ? <Link to={`/g/${slug}`}>{t("profile.viewPublic")}</Link> : null}
          <Link to={`/g/${slug}/cv`}>{t("profile.viewCv")}</Link>
        </p>
      ) : null}
    </>
  );
  return (
    <>
      <SectionNav
        label={t("profile.nav")}
        items={[
          { to: "/me/profile", label: t("profile.navProfile") },
          { to: "/me/skills", label: t("profile.navSkills") },
          { to: "/me/languages", label: t("profile.navLanguages") },
          { to: "/me/modules", label: t("profile.navModules") },
          { to: "/me/projects", label: t("profile.navProjects") },
          { to: "/me/jobs", label: t("match.jobs.nav") },
          { to: "/me/applications", label: t("applications.nav") },
          { to: "/me/saved-searches", label: t("vacancies.savedTitle") },
          { to: "/me/outcomes", label: t("outcomes.consent.nav") },
          { to: "/me/data", label: t("profile.navData") },
        ]}
      />
      {/* On a wide screen the meter and the public links come first; on a phone they follow the page,
          so its heading is on the first screen (CSS shows one copy; docs/decisions/032-phone-navigation-and-tables.md). */}
      <div className="area-meta area-meta--top">{meta("meter-title")}</div>
      <Outlet />
      <div className="area-meta area-meta--end">{meta("meter-title-end")}</div>
    </>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
