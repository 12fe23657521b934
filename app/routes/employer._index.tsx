// /employer: the employer's dashboard, its company's vacancies by status with their applicant counts.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/require-user.server";
import { Field, Notice, SubmitButton } from "~/components/form";
import { getDb } from "~/db.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { companyOfUser } from "~/models/companies.server";
import { listCompanyVacancies } from "~/models/vacancies.server";
import { VACANCY_STATUSES } from "~/domain/vacancies/options";
import { forbidden } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const Params = z.object({
  status: z.enum(VACANCY_STATUSES).optional().catch(undefined),
  q: z.string().catch("").transform((s) => Array.from(s.replace(/\p{Cc}+/gu, " ").trim()).slice(0, 200).join("").trim()),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "employer" });
  const db = getDb();
  const company = (await companyOfUser(db, user.id)) ?? forbidden();
  const { status, q } = Params.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { vacancies, counts } = await listCompanyVacancies(db, company.id, { status, q });
  return { company, vacancies, counts, status: status ?? null, q };
}

export const meta = titleMeta("vacancies.dashboard", { private: true });

export default function EmployerDashboard() {
  const { t, lang } = useT();
  const { company, vacancies, counts, status, q } = useLoaderData<typeof loader>();
  const all = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <section>
      <h1>{t("vacancies.dashboard")}</h1>
      <p className="lead">{company.name}</p>
      {company.status !== "verified" ? <Notice kind="info">{t("vacancies.companyPending")}</Notice> : null}
      <p><Link className="button" to="/employer/vacancies/new">{t("vacancies.new")}</Link> {company.status === "verified" ? <Link to="/employer/hires">{t("outcomes.hires.title")}</Link> : null}</p>
      <nav className="filter-links" aria-label={t("vacancies.byStatus")}>
        <Link to="/employer" aria-current={status === null ? "page" : undefined}>{t("vacancies.allStatuses")} ({formatNumber(lang, all)})</Link>
        {VACANCY_STATUSES.map((s) => (
          <Link key={s} to={`/employer?status=${s}`} aria-current={status === s ? "page" : undefined}>
            {t(`vacancies.status.${s}`)} ({formatNumber(lang, counts[s] ?? 0)})
          </Link>
        ))}
      </nav>
      <Form key={`${status}:${q}`} method="get" className="row-form" role="search" aria-label={t("vacancies.filters")}>
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <Field name="q" type="search" label={t("vacancies.q")} defaultValue={q} />
        <SubmitButton>{t("vacancies.submit")}</SubmitButton>
      </Form>
      {vacancies.length === 0 ? (
        <p className="muted">{t("vacancies.noneYet")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("vacancies.field.title")}</th>
                <th scope="col">{t("vacancies.statusLabel")}</th>
                <th scope="col">{t("vacancies.field.deadline")}</th>
                <th scope="col">{t("vacancies.applicants")}</th>
                <th scope="col">{t("match.candidates.nav")}</th>
              </tr>
            </thead>
            <tbody>
              {vacancies.map((v) => (
                <tr key={v.id}>
                  <td><Link to={`/employer/vacancies/${v.id}`}>{v.title}</Link></td>
                  <td>
                    <span className={`pill vacancy-status vacancy-status--${v.status}`}>{t(`vacancies.status.${v.status}`)}</span>
                    {v.status === "rejected" && v.reject_reason ? <p className="small muted">{v.reject_reason}</p> : null}
                  </td>
                  <td>{v.deadline ? formatDate(lang, v.deadline) : "—"}</td>
                  <td>{company.status === "verified" ? <Link to={`/employer/vacancies/${v.id}/applicants`}>{formatNumber(lang, v.applicants)}</Link> : formatNumber(lang, v.applicants)}</td>
                  <td>{company.status === "verified" ? <Link to={`/vacancies/${v.id}/candidates`} aria-label={`${t("match.candidates.nav")}: ${v.title}`}>{t("match.candidates.nav")}</Link> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
