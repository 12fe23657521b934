// /employer/vacancies/:id/applicants — one vacancy's applicants, for members of its company only
// (another company's vacancy is a 404), with the list's filters, sort and bulk decisions
// (docs/product.md §15, docs/decisions/059-bulk-decisions-and-undo.md), and a link to the candidates
// to invite from. Invitations go out with a button carrying the graduate's id (issue 14, item 9).
// ("$id_" keeps the page out of the vacancy editor's layout.)
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ApplicantsBulkForm, ApplicantsFilters, UndoBanner } from "~/components/applicants";
import { SectionErrorBoundary } from "~/components/section-error";
import { getConnection, getDb } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { langOf } from "~/i18n/negotiate";
import { requireCompanyMember } from "~/auth/guards.server";
import { applicantsQueryFrom, applicantsSearch } from "~/domain/applications/applicants-query";
import { companyVacancy } from "~/models/applications.server";
import { companyApplicantsPage, listCompanyFilterChoices } from "~/models/applicants-list.server";
import { bulkMove, undoableBulkActions } from "~/models/bulk-actions.server";
import { templatesOf } from "~/models/rejection-templates.server";
import { answerBulk, bulkInvalid, readBulkForm } from "~/utils/bulk-answer.server";
import type { FieldErrors } from "~/utils/form-types";
import type { BulkSkip } from "~/domain/applications/bulk";
import { readForm } from "~/utils/forms.server";
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
  const db = getDb();
  const query = { ...applicantsQueryFrom(new URL(request.url)), vacancyId: vacancy.id };
  const list = await companyApplicantsPage(getConnection(), company.id, query);
  const [choices, templates, undoable] = await Promise.all([
    listCompanyFilterChoices(db, company.id, langOf(request)),
    templatesOf(db, company.id),
    undoableBulkActions(db, company.id),
  ]);
  return {
    vacancy,
    query,
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

/** The bulk form: any of the company's applications (another company's id is a 404, nothing written). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, company } = await requireCompanyMember(request);
  await vacancyOf(company.id, params.id);
  const form = await readForm(request);
  const read = readBulkForm(form);
  if (!read.ok) return bulkInvalid(form, read);
  return answerBulk(await bulkMove(getDb(), company.id, read.data, user.id), form);
}

export const meta = titleMeta("applications.applicants.all", { private: true });

type Failure = { ok: false; errors: FieldErrors; values: Record<string, string>; checked: string[]; skipped: BulkSkip[] };

export default function VacancyApplicantsPage() {
  const { t } = useT();
  const d = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as Failure | undefined;
  const { vacancy } = d;
  const base = `/employer/vacancies/${vacancy.id}/applicants`;
  return (
    <section>
      <h1>{t("applications.applicants.title", { vacancy: vacancy.title })}</h1>
      <p className="small">
        <Link to={`/employer/vacancies/${vacancy.id}`}>{vacancy.title}</Link> ·{" "}
        <Link to="/employer/applicants">{t("applications.applicants.allOfCompany")}</Link> ·{" "}
        <Link to={`/vacancies/${vacancy.id}/candidates`}>{t("match.candidates.nav")}</Link>
      </p>
      <UndoBanner actions={d.undoable} />
      <ApplicantsFilters action={base} query={d.query} schools={d.schools} regions={d.regions} />
      <ApplicantsBulkForm
        action={`${base}${applicantsSearch({ ...d.query, vacancyId: null }, d.page)}`}
        rows={d.applicants}
        total={d.total}
        page={d.page}
        pages={d.pages}
        showVacancy={false}
        skills={d.skills}
        templates={d.templates}
        errors={failure?.errors ?? {}}
        checked={failure?.checked ?? []}
        values={failure?.values ?? {}}
        skipped={failure?.skipped ?? []}
      />
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
