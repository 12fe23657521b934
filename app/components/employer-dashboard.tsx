// The employer dashboard's sections (docs/product.md §15, docs/decisions/058-employer-dashboard.md).
// Plain links and lists: it works without JavaScript, and on a phone every block is one column.
import { Link } from "@remix-run/react";
import { DASHBOARD_STAGES } from "~/domain/employer-dashboard";
import { formatDate, formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import type { HiringDashboard as Hiring, VacanciesToDo } from "~/models/employer-dashboard.server";
import { ListTable } from "./list-table";
import { MatchReason, ScoreBadge } from "./match-explanation";

/** Vacancies moderation returned (with the reason) and drafts not submitted; for a verified company with neither, a line saying so. */
export function ToDo({ toDo, verified }: { toDo: VacanciesToDo; verified: boolean }) {
  const { t } = useT();
  if (!toDo.returned.length && !toDo.drafts.length) return verified ? <p className="muted">{t("dash.todo.none")}</p> : null;
  return (
    <section className="card stack" aria-labelledby="todo-title">
      <h2 id="todo-title">{t("dash.todo.title")}</h2>
      {toDo.returned.length ? (
        <div>
          <p>{t("dash.todo.returnedLead")}</p>
          <ul>
            {toDo.returned.map((v) => (
              <li key={v.id}>
                <Link to={`/employer/vacancies/${v.id}`}>{v.title}</Link>
                {v.reason ? <p className="small">{t("dash.todo.reason", { reason: v.reason })}</p> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {toDo.drafts.length ? (
        <div>
          <p>{t("dash.todo.draftsLead")}</p>
          <ul>
            {toDo.drafts.map((v) => (
              <li key={v.id}>
                <Link to={`/employer/vacancies/${v.id}`}>{v.title}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

export function HiringDashboard({ hiring }: { hiring: Hiring }) {
  return (
    <>
      <div className="grid grid--2">
        <Waiting waiting={hiring.waiting} />
        <Interviews interviews={hiring.interviews} week={hiring.week} />
      </div>
      <OpenVacancies vacancies={hiring.vacancies} skills={hiring.skills} />
      <TimeToHire figures={hiring.timeToHire} />
    </>
  );
}

function Waiting({ waiting }: { waiting: Hiring["waiting"] }) {
  const { t, lang } = useT();
  return (
    <section className="card" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t("dash.waiting.title")}</h2>
      {waiting.count === 0 ? (
        <p>{t("dash.waiting.none")}</p>
      ) : (
        <>
          <p>
            <strong>{t("dash.waiting.count", { n: formatNumber(lang, waiting.count) })}</strong>
          </p>
          <ul>
            {waiting.items.map((w) => (
              <li key={w.applicationId}>
                <Link to={`/employer/applications/${w.applicationId}`}>{w.name}</Link> — {w.vacancy}{" "}
                <span className="small muted">({t("dash.waiting.days", { days: w.days })})</span>
              </li>
            ))}
          </ul>
          <p className="small">
            <Link to="/employer/applicants?status=applied">{t("dash.waiting.all")}</Link>
          </p>
        </>
      )}
    </section>
  );
}

function Interviews({ interviews, week }: { interviews: Hiring["interviews"]; week: Hiring["week"] }) {
  const { t, lang } = useT();
  return (
    <section className="card" aria-labelledby="interviews-title">
      <h2 id="interviews-title">{t("dash.interviews.title")}</h2>
      <p className="small muted">
        {formatDate(lang, week.firstDay)} – {formatDate(lang, week.lastDay)}
      </p>
      {interviews.length === 0 ? (
        <p>{t("dash.interviews.none")}</p>
      ) : (
        <ul>
          {interviews.map((i) => (
            <li key={i.applicationId}>
              <strong>{formatDateTime(lang, i.at)}</strong> — <Link to={`/employer/applications/${i.applicationId}`}>{i.name}</Link>, {i.vacancy}
              {i.place ? <span className="small muted"> · {i.place}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OpenVacancies({ vacancies, skills }: { vacancies: Hiring["vacancies"]; skills: Hiring["skills"] }) {
  const { t, lang } = useT();
  return (
    <section aria-labelledby="open-title">
      <h2 id="open-title">{t("dash.open.title")}</h2>
      {vacancies.length === 0 ? (
        <p className="card">{t("dash.open.none")}</p>
      ) : (
        <ul className="match-list stack">
          {vacancies.map((v) => (
            <li key={v.id} className="card">
              <h3>
                <Link to={`/employer/vacancies/${v.id}`}>{v.title}</Link>
              </h3>
              {v.deadline ? <p className="small muted">{t("vacancies.deadlineOn", { date: formatDate(lang, v.deadline) })}</p> : null}
              <nav className="filter-links" aria-label={`${t("dash.stages")}: ${v.title}`}>
                {DASHBOARD_STAGES.map((stage) => (
                  <Link key={stage} to={`/employer/applicants?vacancy=${v.id}&status=${stage}`}>
                    {t(`dash.stage.${stage}`, { n: formatNumber(lang, v.stages[stage]) })}
                  </Link>
                ))}
              </nav>
              <h4>{t("dash.matches.title")}</h4>
              {v.matches.length === 0 ? (
                <p className="small muted">{t("dash.matches.none")}</p>
              ) : (
                <ol className="stack">
                  {v.matches.map((m) => (
                    <li key={m.slug ?? m.name}>
                      <div className="match-head">
                        {m.slug ? <Link to={`/g/${m.slug}`}>{m.name}</Link> : <span>{m.name}</span>}
                        <ScoreBadge score={m.explanation.score} />
                      </div>
                      {m.employed ? <p className="small muted">{t("fix18.dashboard.employed")}</p> : null}
                      <MatchReason explanation={m.explanation} skills={skills} city={m.city} />
                    </li>
                  ))}
                </ol>
              )}
              <p className="small">
                <Link to={`/vacancies/${v.id}/candidates`} aria-label={`${t("dash.matches.all")}: ${v.title}`}>
                  {t("dash.matches.all")}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TimeToHire({ figures }: { figures: Hiring["timeToHire"] }) {
  const { t, lang } = useT();
  const rows = [
    { id: 1, key: "dash.tth.firstAnswer", m: figures.firstAnswer },
    { id: 2, key: "dash.tth.interview", m: figures.interview },
    { id: 3, key: "dash.tth.hire", m: figures.hire },
  ] as const;
  return (
    <section aria-labelledby="tth-title">
      <h2 id="tth-title">{t("dash.tth.title")}</h2>
      <p className="small">{t("dash.tth.lead", { date: formatDate(lang, figures.since) })}</p>
      {/* stacked on a phone: each figure under its column's name (docs/decisions/032-phone-navigation-and-tables.md) */}
      <ListTable
        rows={rows}
        columns={[
          { header: t("dash.tth.step"), rowHeader: true, cell: (r) => t(r.key) },
          { header: t("dash.tth.median"), cell: (r) => (r.m.days === null ? t("dash.tth.notEnough") : formatNumber(lang, r.m.days)) },
          { header: t("dash.tth.n"), cell: (r) => formatNumber(lang, r.m.n) },
        ]}
      />
    </section>
  );
}
