// /me/jobs — "jobs for you": open vacancies ranked for the signed-in graduate, each with the
// same explanation employers see, from the graduate's side, and what to learn next.
// The same list as JSON: /me/jobs.json (not linked from the page: issue 14, item 9).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LearnNext, MatchDetails, MatchReason, ScoreBadge } from "~/components/match-explanation";
import { Pager } from "~/components/pager";
import { SectionErrorBoundary } from "~/components/section-error";
import { getConnection } from "~/db.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { requireGraduate } from "~/auth/guards.server";
import { JobParams } from "~/domain/matching/queries";
import { jobsFor } from "~/models/matching.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  const { page } = JobParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { result: await jobsFor(getConnection(), graduate.id, page), city: graduate.city };
}

export const meta = titleMeta("match.jobs.title", { private: true });

export default function JobsForYou() {
  const { t, lang } = useT();
  const { result, city } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("match.jobs.title")}</h1>
      <p className="lead">{t("match.jobs.lead")}</p>
      {!result ? (
        <p className="card">
          {t("match.jobs.noProfile")} <Link to="/me/skills">{t("profile.navSkills")}</Link>
        </p>
      ) : (
        <>
          <p role="status">{t("match.jobs.found", { n: formatNumber(lang, result.count) })}</p>
          {result.items.length === 0 ? (
            <p className="card">{t("match.jobs.empty")}</p>
          ) : (
            <ol className="stack match-list" start={(result.page - 1) * 20 + 1}>
              {result.items.map(({ vacancy: v, explanation, applicationStatus }) => (
                <li key={v.id} className="card match-card">
                  <div className="match-head">
                    <h2 className="h3">
                      <Link to={`/vacancies/${v.id}`}>{v.title}</Link>
                    </h2>
                    <ScoreBadge score={explanation.score} />
                  </div>
                  <p className="small muted">
                    <Link to={`/companies/${v.company_slug}`}>{v.company_name}</Link>
                    {v.city ? ` · ${v.city}` : ""} · {t(`vacancies.mode.${v.work_mode as "onsite" | "hybrid" | "remote"}`)}
                    {v.deadline ? ` · ${t("vacancies.deadlineOn", { date: formatDate(lang, v.deadline) })}` : ""}
                  </p>
                  <MatchReason explanation={explanation} skills={result.skills} city={city} />
                  <LearnNext explanation={explanation} skills={result.skills} />
                  <MatchDetails explanation={explanation} skills={result.skills} />
                  <p className="actions small">
                    {applicationStatus ? (
                      <Link to="/me/applications">{t("match.jobs.application", { status: t(`applications.status.${applicationStatus}`) })}</Link>
                    ) : (
                      <Link className="button" to={`/vacancies/${v.id}/apply`}>
                        {t("match.jobs.apply")}
                      </Link>
                    )}
                  </p>
                </li>
              ))}
            </ol>
          )}
          <Pager page={result.page} pages={result.pages} />
        </>
      )}
    </section>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
