// /employer/applicants — every applicant of the signed-in employer's company, across its vacancies:
// filters and sort in the URL, the match score and reason per row, and the bulk decisions on checked
// rows (docs/product.md §15, docs/decisions/059-bulk-decisions-and-undo.md).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ApplicantsBulkForm, ApplicantsFilters, UndoBanner } from "~/components/applicants";
import { SectionErrorBoundary } from "~/components/section-error";
import { getConnection, getDb } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { requireCompanyMember } from "~/auth/guards.server";
import { applicantsQueryFrom, applicantsSearch } from "~/domain/applications/applicants-query";
import { companyApplicantsPage, listCompanyFilterChoices } from "~/models/applicants-list.server";
import { bulkMove, undoableBulkActions } from "~/models/bulk-actions.server";
import { templatesOf } from "~/models/rejection-templates.server";
import { langOf } from "~/i18n/negotiate";
import { answerBulk, bulkInvalid, readBulkForm } from "~/utils/bulk-answer.server";
import { readForm } from "~/utils/forms.server";
import type { FieldErrors } from "~/utils/form-types";
import type { BulkSkip } from "~/domain/applications/bulk";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { company } = await requireCompanyMember(request);
  const db = getDb();
  const query = applicantsQueryFrom(new URL(request.url));
  const choices = await listCompanyFilterChoices(db, company.id, langOf(request));
  // A vacancy id of another company filters nothing in: it simply is not one of ours.
  if (query.vacancyId && !choices.vacancies.some((v) => v.id === query.vacancyId)) query.vacancyId = null;
  const list = await companyApplicantsPage(getConnection(), company.id, query);
  const [templates, undoable] = await Promise.all([templatesOf(db, company.id), undoableBulkActions(db, company.id)]);
  return {
    company,
    query,
    vacancies: choices.vacancies,
    schools: choices.schools,
    regions: choices.regions,
    total: list.total,
    page: list.page,
    pages: list.pages,
    applicants: list.applicants,
    skills: list.skills,
    templates,
    undoable,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, company } = await requireCompanyMember(request);
  const form = await readForm(request);
  const read = readBulkForm(form);
  if (!read.ok) return bulkInvalid(form, read);
  return answerBulk(await bulkMove(getDb(), company.id, read.data, user.id), form);
}

export const meta = titleMeta("applications.applicants.all", { private: true });

type Failure = { ok: false; errors: FieldErrors; values: Record<string, string>; checked: string[]; skipped: BulkSkip[] };

export default function CompanyApplicantsPage() {
  const { t } = useT();
  const d = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as Failure | undefined;
  return (
    <section>
      <h1>{t("applications.applicants.all")}</h1>
      <p className="muted">{d.company.name}</p>
      <p>{t("applications.applicants.lead")}</p>
      <UndoBanner actions={d.undoable} />
      <ApplicantsFilters action="/employer/applicants" query={d.query} vacancies={d.vacancies} schools={d.schools} regions={d.regions} />
      <ApplicantsBulkForm
        action={`/employer/applicants${applicantsSearch(d.query, d.page)}`}
        rows={d.applicants}
        total={d.total}
        page={d.page}
        pages={d.pages}
        showVacancy
        skills={d.skills}
        templates={d.templates}
        errors={failure?.errors ?? {}}
        checked={failure?.checked ?? []}
        values={failure?.values ?? {}}
        skipped={failure?.skipped ?? []}
      />
    </section>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
