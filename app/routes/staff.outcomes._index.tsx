// Staff outcome dashboard (docs/product.md §6): a checkpoint, cohort filters and a breakdown in the URL; the
// §6 indicators per group with numerators and denominators, each opening to the graduates behind it;
// SVG charts (bars per group, rates over graduation years); the table as CSV (/staff/outcomes.csv).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/guards.server";
import { CHART_COLORS, GroupBarChart, TrendChart } from "~/components/charts";
import { CheckpointField } from "~/components/checkpoint-field";
import { SubmitButton } from "~/components/form";
import { drillHref, groupLabelText, medianDaysText, medianPayText, RATE_COLUMNS, RateFigure } from "~/components/outcome-figures";
import { getConnection, getDb } from "~/db.server";
import { OUTCOME_CODES } from "~/domain/outcomes/codes";
import { BREAKDOWNS, dashboardQueryFrom, dashboardSearch, RATE_MEASURES, type DashboardQuery } from "~/domain/outcomes/dashboard";
import { chosenWithin, schoolsOffered, schoolsToRead } from "~/domain/outcomes/scope";
import { TIME_TO_JOB_WINDOWS, type OutcomeIndicators } from "~/domain/outcomes/indicators";
import { formatNumber } from "~/i18n/format";
import type { Lang } from "~/i18n/negotiate";
import { pick } from "~/i18n/pick";
import type { T } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";
import { outcomeDashboard } from "~/models/outcome-dashboard.server";
import { listSchools } from "~/models/reference.server";
import { titleMeta } from "~/utils/meta";

/** At most this many groups are drawn as bars (employers can be hundreds); the table has them all. */
const CHART_GROUPS = 12;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const asked = dashboardQueryFrom(new URL(request.url));
  // The scope's schools only (docs/decisions/063-staff-scope.md "Outcome pages"): another school in the address is dropped.
  const query = { ...asked, school: chosenWithin(scope, asked.school) };
  const [dashboard, schools] = await Promise.all([
    outcomeDashboard(getConnection(), { ...query, school: schoolsToRead(scope, query.school) }),
    listSchools(getDb()),
  ]);
  return {
    query,
    schools: schoolsOffered(scope, schools).map((s) => ({ id: s.id, name_ky: s.name_ky, name_ru: s.name_ru, name_en: s.name_en })),
    ...dashboard,
  };
}

export const meta = titleMeta("outcomes.dashboard.title", { private: true });

function IndicatorRow({
  label,
  group,
  i,
  query,
  t,
  lang,
  total,
}: {
  label: string;
  group: string;
  i: OutcomeIndicators;
  query: DashboardQuery;
  t: T;
  lang: Lang;
  total?: boolean;
}) {
  const fig = (key: keyof typeof RATE_MEASURES, rate: OutcomeIndicators["employmentRate"], extra: { flagged?: boolean; lowerBound?: boolean } = {}) => (
    <td data-label={t(RATE_COLUMNS.find((c) => c.key === key)!.label)}>
      <RateFigure rate={rate} num={RATE_MEASURES[key][0]} den={RATE_MEASURES[key][1]} query={query} group={group} t={t} lang={lang} {...extra} />
    </td>
  );
  const ttj = i.timeToFirstJob;
  return (
    <tr className={total ? "total-row" : undefined}>
      <th scope="row">{label}</th>
      {/* data-label: the column's name, shown beside the value where a phone stacks the row (app/styles/app.css .stacked) */}
      <td data-label={t("outcomes.ind.n")}>
        <Link to={drillHref(query, group, "base")} className="figure">
          {formatNumber(lang, i.n)}
        </Link>
      </td>
      {fig("knowledgeRate", i.knowledgeRate, { flagged: i.knowledgeRate.flagged })}
      {fig("careerOutcomesRate", i.careerOutcomesRate)}
      {fig("employmentRate", i.employmentRate)}
      {fig("htpPlacementRate", i.htpPlacementRate)}
      {fig("htpShareOfEmployed", i.htpShareOfEmployed)}
      {fig("relatedEmploymentRate", i.relatedEmploymentRate)}
      {TIME_TO_JOB_WINDOWS.map((m) => (
        <td key={m} data-label={t("outcomes.ind.within", { months: m })}>
          <RateFigure
            rate={ttj.within[m]}
            num={`within${m}`}
            den="jobBase"
            query={query}
            group={group}
            t={t}
            lang={lang}
            lowerBound={ttj.within[m].lowerBound}
          />
        </td>
      ))}
      <td data-label={t("outcomes.ind.medianDays")}>
        <span>{medianDaysText(i, t, lang)}</span>
        <span className="figure__of small muted">
          <Link to={drillHref(query, group, "jobBase")}>n = {formatNumber(lang, ttj.median.base)}</Link>
        </span>
        {ttj.median.smallN && ttj.median.status !== "no_base" ? <span className="pill pill--warn">{t("outcomes.ind.smallN")}</span> : null}
        {ttj.startUnknown > 0 ? (
          <span className="figure__of small muted">{t("outcomes.ind.startUnknown", { n: formatNumber(lang, ttj.startUnknown) })}</span>
        ) : null}
      </td>
      <td data-label={t("outcomes.ind.medianPay")}>
        <span>{medianPayText(i, t, lang)}</span>
        <span className="figure__of small muted">
          <Link to={drillHref(query, group, "pays")}>{t("outcomes.ind.payN", { n: formatNumber(lang, i.medianMonthlyPay.n) })}</Link>
        </span>
        {i.medianMonthlyPay.value !== null && i.medianMonthlyPay.smallN ? <span className="pill pill--warn">{t("outcomes.ind.smallN")}</span> : null}
      </td>
    </tr>
  );
}

/**
 * Several years or schools at once (the URL takes `year=2024&year=2025`): checkboxes folded in a
 * <details>, which needs no JavaScript and stays usable on a phone; none ticked = all.
 */
function ChoiceGroup({
  name,
  legend,
  allText,
  choices,
  chosen,
}: {
  name: string;
  legend: string;
  allText: string;
  choices: { value: number; label: string }[];
  chosen: readonly number[];
}) {
  const picked = choices.filter((c) => chosen.includes(c.value)).map((c) => c.label);
  return (
    <details className="field choices">
      <summary>
        <span className="choices__legend">{legend}</span> <span className="choices__picked">{picked.length ? picked.join(", ") : allText}</span>
      </summary>
      <fieldset>
        <legend className="visually-hidden">{legend}</legend>
        {choices.map((c) => (
          <label key={c.value} className="checkbox">
            <input type="checkbox" name={name} value={c.value} defaultChecked={chosen.includes(c.value)} /> {c.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

export default function OutcomeDashboard() {
  const { t, lang } = useT();
  const { query, schools, years, total, rows, trend, notReachedCohorts } = useLoaderData<typeof loader>();
  const labelOf = (row: (typeof rows)[number]) => groupLabelText(query.by, row.label, t, lang);
  const charted = rows.slice(0, CHART_GROUPS);
  const csvHref = `/staff/outcomes.csv?${dashboardSearch(query)}`;
  return (
    <section className="outcome-dashboard">
      <h1>{t("outcomes.dashboard.title")}</h1>
      <p className="lead">{t("outcomes.dashboard.lead")}</p>
      <Form method="get" className="filters">
        <CheckpointField id="dash-checkpoint" label="outcomes.dashboard.checkpoint" value={query.checkpoint} />
        <ChoiceGroup
          name="year"
          legend={t("outcomes.dashboard.year")}
          allText={t("outcomes.dashboard.allYears")}
          choices={years.map((y) => ({ value: y, label: String(y) }))}
          chosen={query.year}
        />
        <ChoiceGroup
          name="school"
          legend={t("outcomes.dashboard.school")}
          allText={t("outcomes.dashboard.allSchools")}
          choices={schools.map((s) => ({ value: s.id, label: pick(s, "name", lang) }))}
          chosen={query.school}
        />
        <div className="field">
          <label htmlFor="dash-by">{t("outcomes.dashboard.by")}</label>
          <select id="dash-by" name="by" defaultValue={query.by}>
            {BREAKDOWNS.map((b) => (
              <option key={b} value={b}>
                {t(`outcomes.dashboard.by.${b}`)}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton>{t("outcomes.dashboard.show")}</SubmitButton>
      </Form>

      {total.graduates === 0 ? (
        <p className="muted">{t("outcomes.dashboard.empty")}</p>
      ) : (
        <>
          <p>{t("outcomes.dashboard.summary", { n: formatNumber(lang, total.n), graduates: formatNumber(lang, total.graduates) })}</p>
          {notReachedCohorts > 0 ? <p className="small muted">{t("outcomes.dashboard.notReached", { n: formatNumber(lang, notReachedCohorts) })}</p> : null}

          <h2>{t("outcomes.dashboard.counts")}</h2>
          <ul className="outcome-counts">
            {OUTCOME_CODES.map((code) => (
              <li key={code}>
                <Link to={drillHref({ ...query, by: "total" }, "all", `code_${code}`)}>
                  <strong>{formatNumber(lang, total.counts[code])}</strong> {t(`outcomes.code.${code}`)}
                </Link>
              </li>
            ))}
          </ul>

          <h2 id="table">{t("outcomes.dashboard.table")}</h2>
          <p>
            <a href={csvHref} download>
              {t("outcomes.dashboard.csv")}
            </a>
          </p>
          <div className="table-wrap">
            <table className="outcome-table stacked">
              <thead>
                <tr>
                  <th scope="col">{t("outcomes.ind.group")}</th>
                  <th scope="col">{t("outcomes.ind.n")}</th>
                  {RATE_COLUMNS.map((c) => (
                    <th key={c.key} scope="col">
                      {t(c.label)}
                    </th>
                  ))}
                  {TIME_TO_JOB_WINDOWS.map((m) => (
                    <th key={m} scope="col">
                      {t("outcomes.ind.within", { months: m })}
                    </th>
                  ))}
                  <th scope="col">{t("outcomes.ind.medianDays")}</th>
                  <th scope="col">{t("outcomes.ind.medianPay")}</th>
                </tr>
              </thead>
              <tbody>
                <IndicatorRow label={t("outcomes.dashboard.total")} group="all" i={total} query={{ ...query, by: "total" }} t={t} lang={lang} total />
                {rows.map((row) => (
                  <IndicatorRow key={row.key} label={labelOf(row)} group={row.key} i={row.indicators} query={query} t={t} lang={lang} />
                ))}
              </tbody>
            </table>
          </div>

          <h2>{t("outcomes.dashboard.charts")}</h2>
          <div className="chart-grid">
            {rows.length > 0 ? (
              <figure className="chart-figure">
                <GroupBarChart
                  title={t("outcomes.chart.byGroup")}
                  series={[
                    { name: t("outcomes.ind.employment"), color: CHART_COLORS[0] },
                    { name: t("outcomes.ind.htpPlacement"), color: CHART_COLORS[1] },
                  ]}
                  groups={charted.map((row) => ({
                    label: labelOf(row),
                    values: [row.indicators.employmentRate.value, row.indicators.htpPlacementRate.value],
                    faded: row.indicators.employmentRate.smallN,
                  }))}
                />
                <figcaption className="small muted">
                  {t("outcomes.chart.byGroup")}. {t("outcomes.chart.smallNote")}{" "}
                  {rows.length > CHART_GROUPS ? t("outcomes.chart.more", { n: CHART_GROUPS }) : null}
                </figcaption>
              </figure>
            ) : null}
            {trend.length > 0 ? (
              <figure className="chart-figure">
                <TrendChart
                  title={t("outcomes.chart.trend")}
                  years={trend.map((y) => y.key)}
                  series={[
                    { name: t("outcomes.ind.employment"), color: CHART_COLORS[0] },
                    { name: t("outcomes.ind.htpPlacement"), color: CHART_COLORS[1] },
                    { name: t("outcomes.ind.career"), color: CHART_COLORS[2] },
                  ]}
                  values={[
                    trend.map((y) => y.indicators.employmentRate.value),
                    trend.map((y) => y.indicators.htpPlacementRate.value),
                    trend.map((y) => y.indicators.careerOutcomesRate.value),
                  ]}
                />
                <figcaption className="small muted">
                  {t("outcomes.chart.trend")}.{" "}
                  <Link to={`/staff/outcomes?${dashboardSearch({ ...query, year: [], by: "year" })}#table`}>{t("outcomes.chart.trendTable")}</Link>
                </figcaption>
              </figure>
            ) : null}
          </div>
        </>
      )}
      <details className="definitions">
        <summary>{t("outcomes.dashboard.definitions")}</summary>
        <p className="small">{t("outcomes.dashboard.definitionsText")}</p>
      </details>
    </section>
  );
}
