// /employer: the employer's dashboard, where sign-in lands them (docs/product.md §15,
// docs/decisions/058-employer-dashboard.md): what the company still has to do, applications waiting
// for a first answer, this week's interviews, the open vacancies with their applications per stage
// and the best matches who have not applied, time-to-hire; below, every vacancy by status with a search.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/require-user.server";
import { Field, SubmitButton } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { getConnection } from "~/db.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { companyOfUser, companyRejectReason } from "~/models/companies.server";
import { employerDashboard } from "~/models/employer-dashboard.server";
import { HiringDashboard, ToDo } from "~/components/employer-dashboard";
import { listCompanyVacancies } from "~/models/vacancies.server";
import { VACANCY_STATUSES } from "~/domain/vacancies/options";
import { forbidden } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const Params = z.object({
  status: z.enum(VACANCY_STATUSES).optional().catch(undefined),
  q: z
    .string()
    .catch("")
    .transform((s) =>
      Array.from(s.replace(/\p{Cc}+/gu, " ").trim())
        .slice(0, 200)
        .join("")
        .trim(),
    ),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "employer" });
  const connection = getConnection();
  const { db } = connection;
  const company = (await companyOfUser(db, user.id)) ?? forbidden();
  const { status, q } = Params.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [{ vacancies, counts }, { toDo, hiring }, rejectReason] = await Promise.all([
    listCompanyVacancies(db, company.id, { status, q }),
    // Stage counts, matches and interviews only once verified: until then its applicants and candidates answer 403.
    employerDashboard(connection, company.id, { verified: company.status === "verified" }),
    // A rejected company is told why on its own dashboard, where sign-in lands it.
    company.status === "rejected" ? companyRejectReason(db, company.id) : null,
  ]);
  return { company, rejectReason, toDo, hiring, vacancies, counts, status: status ?? null, q };
}

export const meta = titleMeta("vacancies.dashboard", { private: true });

export default function EmployerDashboard() {
  const { t, lang } = useT();
  const { company, rejectReason, toDo, hiring, vacancies, counts, status, q } = useLoaderData<typeof loader>();
  const all = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const verified = company.status === "verified";
  return (
    <section>
      <h1>{t("vacancies.dashboard")}</h1>
      <p className="lead">{company.name}</p>
      {verified ? null : <WaitingForVerification rejected={company.status === "rejected"} reason={rejectReason} />}
      {/* .actions spaces the button from the links (polish: they touched at 1280 px). */}
      <p className="actions">
        <Link className="button" to="/employer/vacancies/new">
          {t("vacancies.new")}
        </Link>
        {verified ? <Link to="/employer/hires">{t("outcomes.hires.title")}</Link> : null}
        <a href="#vacancies">{t("dash.allVacancies")}</a>
      </p>
      <ToDo toDo={toDo} verified={verified} />
      {hiring ? <HiringDashboard hiring={hiring} /> : null}
      <h2 id="vacancies">{t("dash.allVacancies")}</h2>
      <nav className="filter-links" aria-label={t("vacancies.byStatus")}>
        <Link to="/employer#vacancies" aria-current={status === null ? "page" : undefined}>
          {t("vacancies.allStatuses")} ({formatNumber(lang, all)})
        </Link>
        {VACANCY_STATUSES.map((s) => (
          <Link key={s} to={`/employer?status=${s}#vacancies`} aria-current={status === s ? "page" : undefined}>
            {t(`vacancies.status.${s}`)} ({formatNumber(lang, counts[s] ?? 0)})
          </Link>
        ))}
      </nav>
      <Form key={`${status}:${q}`} method="get" className="row-form" role="search" aria-label={t("vacancies.filters")}>
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <Field name="q" type="search" label={t("vacancies.q")} defaultValue={q} />
        <SubmitButton>{t("vacancies.submit")}</SubmitButton>
      </Form>
      {/* stacked: on a phone each vacancy is a card, so its counts and candidates stay on screen (docs/decisions/032-phone-navigation-and-tables.md) */}
      <ListTable
        rows={vacancies}
        empty={t("vacancies.noneYet")}
        columns={[
          { header: t("vacancies.field.title"), cell: (v) => <Link to={`/employer/vacancies/${v.id}`}>{v.title}</Link> },
          {
            header: t("vacancies.statusLabel"),
            cell: (v) => (
              <>
                <span className={`pill vacancy-status vacancy-status--${v.status}`}>{t(`vacancies.status.${v.status}`)}</span>
                {v.status === "rejected" && v.reject_reason ? <p className="small muted">{v.reject_reason}</p> : null}
              </>
            ),
          },
          { header: t("vacancies.field.deadline"), cell: (v) => (v.deadline ? formatDate(lang, v.deadline) : "—") },
          {
            header: t("vacancies.applicants"),
            cell: (v) =>
              verified ? <Link to={`/employer/vacancies/${v.id}/applicants`}>{formatNumber(lang, v.applicants)}</Link> : formatNumber(lang, v.applicants),
          },
          {
            header: t("match.candidates.nav"),
            shown: verified,
            cell: (v) => (
              <Link to={`/vacancies/${v.id}/candidates`} aria-label={`${t("match.candidates.nav")}: ${v.title}`}>
                {t("match.candidates.nav")}
              </Link>
            ),
          },
        ]}
      />
    </section>
  );
}

/**
 * Until the Agency verifies the company, its directory, candidates and applicants answer 403: say what
 * can be done meanwhile and what opens after verification, instead of offering links that fail.
 */
function WaitingForVerification({ rejected, reason }: { rejected: boolean; reason: string | null }) {
  const { t } = useT();
  return (
    <section className="notice notice--info stack" aria-labelledby="verification-title">
      <h2 id="verification-title">{t(rejected ? "employerStart.rejectedTitle" : "employerStart.pendingTitle")}</h2>
      <p>{rejected ? t("employerStart.rejectedLead", { reason: reason ?? "—" }) : t("employerStart.pendingLead")}</p>
      {rejected ? (
        <p>
          <Link to="/company">{t("employerStart.rejectedFix")}</Link>
        </p>
      ) : null}
      <p>{t("employerStart.canNow")}</p>
      <ul>
        <li>{t("employerStart.prepare")}</li>
        <li>
          <Link to="/company">{t("employerStart.profile")}</Link>
        </li>
      </ul>
      <p>{t("employerStart.after")}</p>
    </section>
  );
}
