// /employer/vacancies/:id/applicants — one vacancy's applicants, for members of its company
// only (another company's vacancy is a 404), and a link to the candidates to invite from.
// No action: invitations go out with a button carrying the graduate's id (issue 14, item 9).
// ("$id_" keeps the page out of the vacancy editor's layout.)
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ApplicantsFilters, ApplicantsTable } from "~/components/applicants";
import { SectionErrorBoundary } from "~/components/section-error";
import { getDb } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { requireCompanyMember } from "~/auth/guards.server";
import { applicantsQueryFrom } from "~/domain/applications/applicants-query";
import { pageOf } from "~/domain/paging";
import { APPLICANTS_PAGE_SIZE, companyVacancy, listCompanyApplicants } from "~/models/applications.server";
import { idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

async function vacancyOf(companyId: number, id: string | undefined) {
  const vacancy = await companyVacancy(getDb(), companyId, idParam(id));
  if (!vacancy) notFound();
  return vacancy;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company } = await requireCompanyMember(request);
  const vacancy = await vacancyOf(company.id, params.id);
  const query = { ...applicantsQueryFrom(new URL(request.url)), vacancyId: vacancy.id };
  const all = await listCompanyApplicants(getDb(), company.id, query);
  const { items: applicants, page, pages } = pageOf(all, query.page, APPLICANTS_PAGE_SIZE);
  return { vacancy, query, total: all.length, page, pages, applicants };
}

export const meta = titleMeta("applications.applicants.all", { private: true });

export default function VacancyApplicantsPage() {
  const { t } = useT();
  const { vacancy, query, total, page, pages, applicants } = useLoaderData<typeof loader>();
  const base = `/employer/vacancies/${vacancy.id}/applicants`;
  return (
    <section>
      <h1>{t("applications.applicants.title", { vacancy: vacancy.title })}</h1>
      <p className="small">
        <Link to={`/employer/vacancies/${vacancy.id}`}>{vacancy.title}</Link> ·{" "}
        <Link to="/employer/applicants">{t("applications.applicants.allOfCompany")}</Link> ·{" "}
        <Link to={`/vacancies/${vacancy.id}/candidates`}>{t("match.candidates.nav")}</Link>
      </p>
      <ApplicantsFilters action={base} query={query} />
      <ApplicantsTable rows={applicants} total={total} page={page} pages={pages} showVacancy={false} />
      {vacancy.status === "open" ? (
        // Invitations go out with a button on the candidate list or a graduate's page, never by typing
        // a profile address (issue 14, item 9).
        <section aria-labelledby="invite-title" className="card stack">
          <h2 id="invite-title">{t("applications.invite.title")}</h2>
          <p>{t("applications.invite.fromList", { invite: t("match.invite") })}</p>
          <p>
            <Link className="button" to={`/vacancies/${vacancy.id}/candidates`}>
              {t("match.candidates.nav")}
            </Link>
          </p>
        </section>
      ) : null}
    </section>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
