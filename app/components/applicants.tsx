// The employer's applicants list with its filters (name, status, vacancy) kept in the URL,
// shared by /employer/applicants and /employer/vacancies/:id/applicants.
import type { ApplicationStatus } from "@db/schema";
import { Form, Link } from "@remix-run/react";
import { APPLICATION_STATUSES } from "~/domain/applications/pipeline";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { StatusPill } from "./application";
import { Field, Select, SubmitButton } from "./form";
import { ListTable } from "./list-table";

export type ApplicantRow = {
  id: number;
  status: ApplicationStatus;
  updated_at: string;
  vacancy_title: string;
  first_name: string;
  last_name: string;
  headline: string | null;
};

export function ApplicantsFilters({
  action,
  query,
  vacancies,
}: {
  action: string;
  query: { q: string; status: ApplicationStatus | null; vacancyId: number | null };
  vacancies?: { id: number; title: string }[];
}) {
  const { t } = useT();
  const statusOptions = APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`applications.status.${s}`) }));
  return (
    <Form key={JSON.stringify(query)} method="get" action={action} className="stack" role="search" aria-label={t("applications.filters")}>
      <div className="filters">
        <Field name="q" type="search" label={t("applications.search")} defaultValue={query.q} />
        <Select
          name="status"
          label={t("applications.status")}
          placeholder={t("applications.allStatuses")}
          options={statusOptions}
          defaultValue={query.status}
        />
        {vacancies ? (
          <Select
            name="vacancy"
            label={t("applications.vacancy")}
            placeholder={t("applications.allVacancies")}
            options={vacancies.map((v) => ({ value: v.id, label: v.title }))}
            defaultValue={query.vacancyId}
          />
        ) : null}
      </div>
      <div className="actions">
        <SubmitButton>{t("applications.show")}</SubmitButton>
        <Link to={action}>{t("applications.reset")}</Link>
      </div>
    </Form>
  );
}

export function ApplicantsTable({
  rows,
  total,
  page,
  pages,
  showVacancy,
}: {
  rows: ApplicantRow[];
  total: number;
  page: number;
  pages: number;
  showVacancy: boolean;
}) {
  const { t, lang } = useT();
  return (
    <>
      <p role="status">{t("applications.found", { n: formatNumber(lang, total) })}</p>
      <ListTable
        rows={rows}
        empty={t("applications.empty")}
        tableClass="applicants-table"
        page={page}
        pages={pages}
        columns={[
          {
            header: t("applications.candidate"),
            cell: (r) => (
              <>
                <Link to={`/employer/applications/${r.id}`}>
                  {r.first_name} {r.last_name}
                </Link>
                {r.headline ? (
                  <>
                    <br />
                    <span className="small muted">{r.headline}</span>
                  </>
                ) : null}
              </>
            ),
          },
          { header: t("applications.vacancy"), shown: showVacancy, cell: (r) => r.vacancy_title },
          { header: t("applications.status"), cell: (r) => <StatusPill status={r.status} /> },
          { header: t("applications.updated"), cell: (r) => <time dateTime={r.updated_at}>{formatDateTime(lang, r.updated_at)}</time> },
        ]}
      />
    </>
  );
}
