// /employer/applicants — every applicant of the signed-in employer's company, across its
// vacancies, with name search and vacancy/status filters in the URL.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ApplicantsFilters, ApplicantsTable } from "~/components/applicants";
import { SectionErrorBoundary } from "~/components/section-error";
import { getDb } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { requireCompanyMember } from "~/auth/guards.server";
import { applicantsQueryFrom } from "~/domain/applications/applicants-query";
import { pageOf } from "~/domain/paging";
import { APPLICANTS_PAGE_SIZE, companyVacancies, listCompanyApplicants } from "~/models/applications.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { company } = await requireCompanyMember(request);
  const db = getDb();
  const query = applicantsQueryFrom(new URL(request.url));
  const vacancies = await companyVacancies(db, company.id);
  // A vacancy id of another company filters nothing in: it simply is not one of ours.
  if (query.vacancyId && !vacancies.some((v) => v.id === query.vacancyId)) query.vacancyId = null;
  const all = await listCompanyApplicants(db, company.id, query);
  const { items: applicants, page, pages } = pageOf(all, query.page, APPLICANTS_PAGE_SIZE);
  return { company, query, vacancies: vacancies.map(({ id, title }) => ({ id, title })), total: all.length, page, pages, applicants };
}

export const meta = titleMeta("applications.applicants.all", { private: true });

export default function CompanyApplicantsPage() {
  const { t } = useT();
  const { company, query, vacancies, total, page, pages, applicants } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("applications.applicants.all")}</h1>
      <p className="muted">{company.name}</p>
      <p>{t("applications.applicants.lead")}</p>
      <ApplicantsFilters action="/employer/applicants" query={query} vacancies={vacancies} />
      <ApplicantsTable rows={applicants} total={total} page={page} pages={pages} showVacancy />
    </section>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
