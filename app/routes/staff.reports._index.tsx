// /staff/reports — the report builder (docs/product.md §6 indicators, §16; docs/decisions/064-report-builder.md): a GET
// form (rows, indicator columns, checkpoint, graduation years) whose table and chart are the dashboard's figures for
// the same selection, limited to the viewer's schools (requireStaff's scope); saved reports (own only), run again with
// ?report=<id>; downloads as .xlsx and CSV; ?print=1 is the printable page (A4, app/styles/app.css @media print).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireStaff } from "~/auth/guards.server";
import { CHART_COLORS, GroupBarChart } from "~/components/charts";
import { CheckpointField } from "~/components/checkpoint-field";
import { Field, FormErrorSummary, SubmitButton, useFormFailure } from "~/components/form";
import { groupLabelText, RateFigure } from "~/components/outcome-figures";
import { indicatorDefinition, indicatorLabel } from "~/components/report-labels";
import { getConnection, getDb } from "~/db.server";
import { RATE_MEASURES, type DashboardQuery, type Measure } from "~/domain/outcomes/dashboard";
import { REPORT_INDICATORS, REPORT_ROWS, reportQueryFrom, reportSearch, type ReportCell, type ReportIndicator } from "~/domain/outcomes/report";
import { schoolIdsOf } from "~/domain/staff/scope";
import { formatKgs, formatNumber } from "~/i18n/format";
import type { Lang } from "~/i18n/negotiate";
import type { T } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";
import { deleteReport, outcomeReport, renameReport, savedReportOf, savedReportsOf, saveReport } from "~/models/outcome-report.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { filterId } from "~/utils/params";
import { positiveId, requiredText } from "~/utils/fields";
import { badRequest, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

/** At most this many groups are drawn as bars (employers can be hundreds); the table has them all. */
const CHART_GROUPS = 12;
const REPORT_NAME_MAX = 120;

const SaveSchema = z.object({ name: requiredText(REPORT_NAME_MAX), query: z.string().max(4000).catch("") });
const RenameSchema = z.object({ id: positiveId, name: requiredText(REPORT_NAME_MAX) });
const DeleteSchema = z.object({ id: positiveId });

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request);
  const url = new URL(request.url);
  const db = getDb();
  // ?report=<id> runs one of the viewer's saved reports; anyone else's id names nothing (404).
  const reportId = filterId.parse(url.searchParams.get("report") ?? undefined);
  const opened = reportId === undefined ? undefined : await savedReportOf(db, user.id, reportId);
  if (reportId !== undefined && !opened) notFound();
  const query = opened ? opened.query : reportQueryFrom(url.searchParams);
  const print = url.searchParams.get("print") === "1";
  // The printable page shows the table, not the builder: no saved list, no year choices (named shapes, decision 024).
  const [report, saved] = await Promise.all([outcomeReport(getConnection(), query, schoolIdsOf(scope)), print ? [] : savedReportsOf(db, user.id)]);
  return {
    query,
    search: reportSearch(query),
    opened: opened ? { id: opened.id, name: opened.name } : null,
    print,
    scoped: scope.kind === "schools",
    years: print ? [] : report.years,
    notReachedCohorts: report.notReachedCohorts,
    table: report.table,
    saved: saved.map((s) => ({ id: s.id, name: s.name })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireStaff(request);
  const form = await readForm(request);
  const db = getDb();
  switch (form.get("intent")) {
    case "save": {
      const parsed = parseForm(SaveSchema, form);
      if (!parsed.ok) return rejected(parsed);
      // Stored in its canonical form, read back through the same tolerant schema (never as typed).
      const query = reportQueryFrom(new URLSearchParams(parsed.data.query));
      // A name the owner already uses (letter case aside) is refused by the database itself (migration 0045):
      // two reports under one name could not be told apart, and "Save" on an opened report would make a silent twin.
      const saved = await saveReport(db, user.id, parsed.data.name, query);
      if (!saved.ok) return invalid({ name: "reports.errors.nameTaken" }, form);
      return redirect(`/staff/reports?report=${saved.id}`, { headers: cookieHeaders(setFlash("reports.flash.saved")) });
    }
    case "rename": {
      const parsed = parseForm(RenameSchema, form);
      if (!parsed.ok) return rejected(parsed);
      const renamed = await renameReport(db, user.id, parsed.data.id, parsed.data.name);
      if (!renamed.ok && renamed.reason === "not-found") notFound();
      if (!renamed.ok) return invalid({ name: "reports.errors.nameTaken" }, form);
      return redirect(`/staff/reports?report=${parsed.data.id}`, { headers: cookieHeaders(setFlash("reports.flash.renamed")) });
    }
    case "delete": {
      const parsed = parseForm(DeleteSchema, form);
      if (!parsed.ok) badRequest();
      if (!(await deleteReport(db, user.id, parsed.data.id))) notFound();
      return redirect("/staff/reports", { headers: cookieHeaders(setFlash("reports.flash.deleted")) });
    }
    default:
      badRequest();
  }
}

export const meta = titleMeta("reports.title", { private: true });

/** The numerator and denominator measures behind a rate column, so each figure opens to its graduates as on the dashboard. */
function measuresOf(indicator: ReportIndicator): readonly [Measure, Measure] | null {
  if (indicator === "within3" || indicator === "within6" || indicator === "within12") return [indicator, "jobBase"];
  if (indicator === "n" || indicator === "medianDays" || indicator === "medianPay") return null;
  return RATE_MEASURES[indicator];
}

function Cell({
  cell,
  indicator,
  query,
  group,
  t,
  lang,
}: {
  cell: ReportCell;
  indicator: ReportIndicator;
  query: DashboardQuery;
  group: string;
  t: T;
  lang: Lang;
}) {
  switch (cell.kind) {
    case "count":
      return <span>{formatNumber(lang, cell.value)}</span>;
    case "rate": {
      const [num, den] = measuresOf(indicator) ?? ["base", "base"];
      return (
        <RateFigure
          rate={{ value: cell.value, numerator: cell.numerator, denominator: cell.denominator, smallN: cell.smallN }}
          num={num}
          den={den}
          query={query}
          group={group}
          t={t}
          lang={lang}
          flagged={cell.flagged}
          lowerBound={cell.lowerBound}
        />
      );
    }
    case "days":
      return (
        <>
          <span>
            {cell.status === "no_base"
              ? "—"
              : cell.status === "not_reached"
                ? t("outcomes.ind.notReached")
                : t("outcomes.ind.days", { days: formatNumber(lang, cell.value ?? 0) })}
          </span>
          <span className="figure__of small muted">n = {formatNumber(lang, cell.base)}</span>
          {cell.smallN ? <span className="pill pill--warn">{t("outcomes.ind.smallN")}</span> : null}
        </>
      );
    case "pay":
      return (
        <>
          <span>{cell.value === null ? (cell.n > 0 ? t("outcomes.ind.tooFewPays") : "—") : formatKgs(lang, cell.value)}</span>
          <span className="figure__of small muted">{t("outcomes.ind.payN", { n: formatNumber(lang, cell.n) })}</span>
          {cell.value !== null && cell.smallN ? <span className="pill pill--warn">{t("outcomes.ind.smallN")}</span> : null}
        </>
      );
  }
}

export default function ReportBuilder() {
  const { t, lang } = useT();
  const { query, search, opened, print, scoped, years, notReachedCohorts, table, saved } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  const drillQuery: DashboardQuery = { checkpoint: query.checkpoint, school: [], year: query.year, by: query.by };
  const labelOf = (row: (typeof table.rows)[number]) => groupLabelText(query.by, row.label, t, lang);
  const charted = table.charted;
  const chartIndex = charted ? table.indicators.indexOf(charted) : -1;
  const yearsText = query.year.length ? query.year.join(", ") : t("outcomes.dashboard.allYears");
  const empty = table.total.graduates === 0;

  const tableView = (
    <div className="table-wrap">
      <table className="outcome-table report-table stacked">
        <thead>
          <tr>
            <th scope="col">{t("outcomes.ind.group")}</th>
            {table.indicators.map((i) => (
              <th key={i} scope="col">
                {indicatorLabel(t, i)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[
            { key: "all", cells: table.total.cells, text: t("outcomes.dashboard.total"), q: { ...drillQuery, by: "total" } as DashboardQuery },
            ...table.rows.map((row) => ({ key: row.key, cells: row.cells, text: labelOf(row), q: drillQuery })),
          ].map((row, r) => (
            <tr key={row.key} className={r === 0 ? "total-row" : undefined}>
              <th scope="row">{row.text}</th>
              {row.cells.map((cell, k) => (
                <td key={table.indicators[k]} data-label={indicatorLabel(t, table.indicators[k]!)}>
                  <Cell cell={cell} indicator={table.indicators[k]!} query={row.q} group={row.key} t={t} lang={lang} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  const chartView =
    charted && table.rows.length > 0 ? (
      <figure className="chart-figure report-chart">
        <GroupBarChart
          title={t("reports.chartTitle", { indicator: indicatorLabel(t, charted) })}
          series={[{ name: indicatorLabel(t, charted), color: CHART_COLORS[0] }]}
          groups={table.rows.slice(0, CHART_GROUPS).map((row) => {
            const cell = row.cells[chartIndex]!;
            return { label: labelOf(row), values: [cell.kind === "rate" ? cell.value : null], faded: cell.kind === "rate" && cell.smallN };
          })}
        />
        <figcaption className="small muted">
          {t("reports.chartTitle", { indicator: indicatorLabel(t, charted) })}. {t("outcomes.chart.smallNote")}{" "}
          {table.rows.length > CHART_GROUPS ? t("outcomes.chart.more", { n: CHART_GROUPS }) : null}
        </figcaption>
      </figure>
    ) : null;

  const definitions = (
    <dl className="report-definitions small">
      {table.indicators.map((i) => (
        <div key={i}>
          <dt>{indicatorLabel(t, i)}</dt>
          <dd>{indicatorDefinition(t, i)}</dd>
        </div>
      ))}
      <div>
        <dt>{t("outcomes.ind.smallN")}</dt>
        <dd>{t("outcomes.chart.smallNote")}</dd>
      </div>
    </dl>
  );

  const heading = (
    <>
      <h1>{opened ? t("reports.saved.opened", { name: opened.name }) : t("reports.title")}</h1>
      <p>
        {t("outcomes.dashboard.by")}: {t(`outcomes.dashboard.by.${query.by}`)}.{" "}
        {t("reports.selection", { checkpoint: t(`outcomes.checkpoint.${query.checkpoint}`), years: yearsText })}
      </p>
      {scoped ? <p className="small">{t("reports.scoped")}</p> : null}
    </>
  );

  if (print)
    return (
      <section className="report report--print">
        <p className="no-print">
          <Link to={`/staff/reports?${search}`}>← {t("reports.back")}</Link>
        </p>
        <p className="no-print notice">{t("reports.printHint")}</p>
        {heading}
        {empty ? <p className="muted">{t("outcomes.dashboard.empty")}</p> : tableView}
        {empty ? null : chartView}
        <h2>{t("outcomes.dashboard.definitions")}</h2>
        {definitions}
      </section>
    );

  return (
    <section className="report">
      {heading}
      <p className="lead">{t("reports.lead")}</p>
      <Form method="get" className="filters report-form">
        <div className="field">
          <label htmlFor="report-by">{t("reports.rows")}</label>
          <select id="report-by" name="by" defaultValue={query.by}>
            {REPORT_ROWS.map((b) => (
              <option key={b} value={b}>
                {t(`outcomes.dashboard.by.${b}`)}
              </option>
            ))}
          </select>
        </div>
        <CheckpointField id="report-checkpoint" label="outcomes.dashboard.checkpoint" value={query.checkpoint} />
        <fieldset className="field report-columns">
          <legend>{t("reports.columns")}</legend>
          {REPORT_INDICATORS.map((i) => (
            <label key={i} className="checkbox">
              <input type="checkbox" name="ind" value={i} defaultChecked={query.indicators.includes(i)} /> {indicatorLabel(t, i)}
            </label>
          ))}
        </fieldset>
        <details className="field choices" open={query.year.length > 0}>
          <summary>
            <span className="choices__legend">{t("reports.years")}</span> <span className="choices__picked">{yearsText}</span>
          </summary>
          <fieldset>
            <legend className="visually-hidden">{t("reports.years")}</legend>
            {years.map((y) => (
              <label key={y} className="checkbox">
                <input type="checkbox" name="year" value={y} defaultChecked={query.year.includes(y)} /> {y}
              </label>
            ))}
          </fieldset>
        </details>
        <SubmitButton>{t("reports.show")}</SubmitButton>
      </Form>

      {empty ? (
        <p className="muted">{t("outcomes.dashboard.empty")}</p>
      ) : (
        <>
          {notReachedCohorts > 0 ? <p className="small muted">{t("outcomes.dashboard.notReached", { n: formatNumber(lang, notReachedCohorts) })}</p> : null}
          <h2 id="table">{t("reports.table")}</h2>
          <ul className="report-downloads">
            <li>
              <a href={`/staff/reports.xlsx?${search}`} download>
                {t("reports.xlsx")}
              </a>
            </li>
            <li>
              <a href={`/staff/reports.csv?${search}`} download>
                {t("reports.csv")}
              </a>
            </li>
            <li>
              <Link to={`/staff/reports?${search}&print=1`}>{t("reports.print")}</Link>
            </li>
          </ul>
          {tableView}
          {chartView ?? <p className="small muted">{t("reports.chartNone")}</p>}
        </>
      )}

      <Form method="post" className="card stack report-save" noValidate>
        {values.intent === "save" ? <FormErrorSummary errors={errors} /> : null}
        <input type="hidden" name="query" value={search} />
        <Field
          id="report-name"
          name="name"
          label={t("reports.saved.name")}
          defaultValue={values.intent === "save" ? values.name : ""}
          error={values.intent === "save" ? errors.name : undefined}
          required
        />
        {/* An opened report is already saved as it stands: this form makes a new one (renaming is in the list below). */}
        <SubmitButton name="intent" value="save">
          {t(opened ? "reports.saved.saveCopy" : "reports.saved.save")}
        </SubmitButton>
      </Form>

      <h2>{t("reports.saved.title")}</h2>
      <p className="small muted">{t("reports.saved.own")}</p>
      {saved.length === 0 ? (
        <p className="muted">{t("reports.saved.none")}</p>
      ) : (
        <ul className="stack saved-reports">
          {saved.map((s) => {
            const failed = values.intent === "rename" && values.id === String(s.id);
            return (
              <li key={`${s.id}:${s.name}`} className="card stack">
                <h3>
                  <Link to={`/staff/reports?report=${s.id}`}>{s.name}</Link>
                </h3>
                <Form method="post" className="actions" noValidate>
                  {failed ? <FormErrorSummary errors={errors} /> : null}
                  <input type="hidden" name="id" value={s.id} />
                  <Field
                    id={`report-rename-${s.id}`}
                    name="name"
                    label={t("reports.saved.newName")}
                    defaultValue={failed ? values.name : s.name}
                    error={failed ? errors.name : undefined}
                    required
                  />
                  <SubmitButton name="intent" value="rename">
                    {t("reports.saved.rename")}
                  </SubmitButton>
                  <button type="submit" className="button button--danger" name="intent" value="delete" formNoValidate>
                    {t("reports.saved.delete")}
                    <span className="visually-hidden"> ({s.name})</span>
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}

      <details className="definitions">
        <summary>{t("outcomes.dashboard.definitions")}</summary>
        {definitions}
      </details>
    </section>
  );
}
