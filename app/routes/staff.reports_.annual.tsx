// /staff/reports/annual?year= (docs/product.md §16, docs/decisions/065-annual-report.md): the yearly report
// for the ministry, a printable A4 document in the viewer's language. The scope's schools only; every
// figure is one the public page shows (or a sum printed only when its parts are), so the report can go
// out as it is. On screen: a year chooser (GET) and how to save it as a PDF; in print: the document alone.
import type { LinkDescriptor, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/guards.server";
import { CHART_COLORS, TrendChart } from "~/components/charts";
import { SubmitButton } from "~/components/form";
import { cellText, labelOf, PUBLIC_COLUMNS, PublicOutcomeRow, PublicTableHead } from "~/components/public-outcome-row";
import { getConnection } from "~/db.server";
import { reportYearOf } from "~/domain/outcomes/annual";
import type { PublicCell, PublicRow } from "~/domain/outcomes/public-figures";
import { schoolIdsOf } from "~/domain/staff/scope";
import { formatDate, formatNumber } from "~/i18n/format";
import type { Lang } from "~/i18n/negotiate";
import { pick } from "~/i18n/pick";
import type { T } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";
import { annualReport } from "~/models/annual-report.server";
import styles from "~/styles/annual-report.css";
import { titleMeta } from "~/utils/meta";

export const links = (): LinkDescriptor[] => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const asked = reportYearOf(new URL(request.url).searchParams.get("year"));
  const report = await annualReport(getConnection(), schoolIdsOf(scope), asked.ok ? asked.year : null);
  const refused = !asked.ok || report.refused;
  // A refused year shows the chooser and the message alone (400), never another year's figures under its address.
  return data(
    {
      made: report.made,
      checkpoint: report.checkpoint,
      years: report.years,
      year: refused ? null : report.year,
      refused,
      agencyWide: scope.kind === "agency",
      schools: refused ? [] : report.schools,
      regions: refused ? [] : report.regions,
      summary: refused ? null : report.summary,
    },
    { status: refused ? 400 : 200 },
  );
}

export const meta = titleMeta("annual.title", { private: true });

/** The standards' names of the public columns (outcomes.ind.*), for the definitions. */
const STANDARD = {
  knowledge: "outcomes.ind.knowledge",
  employment: "outcomes.ind.employment",
  career: "outcomes.ind.career",
  htp: "outcomes.ind.htpPlacement",
  related: "outcomes.ind.related",
} as const;

type Years = { year: number; row: PublicRow }[];

function YearsTable({ caption, years, total, t, lang }: { caption: string; years: Years; total: PublicRow | null; t: T; lang: Lang }) {
  return (
    <div className="table-wrap annual-table">
      <table>
        <caption>{caption}</caption>
        <PublicTableHead first={t("outcomes.public.year")} t={t} />
        <tbody>
          {years.map((y) => (
            <PublicOutcomeRow key={y.year} label={String(y.year)} row={y.row} t={t} lang={lang} />
          ))}
          {total ? <PublicOutcomeRow label={t("outcomes.public.allYears")} row={total} t={t} lang={lang} className="total-row" /> : null}
        </tbody>
      </table>
    </div>
  );
}

/** Rates over graduation years (oldest first); a hidden figure leaves a gap in its line. */
function Trend({ years, t }: { years: Years; t: T }) {
  const ordered = [...years].sort((a, b) => a.year - b.year);
  const share = (c: PublicCell) => (c.shown && c.percent !== null ? c.percent / 100 : null);
  const lines = [
    ["employment", "employmentRate"],
    ["career", "careerOutcomesRate"],
    ["knowledge", "knowledgeRate"],
  ] as const;
  return (
    <figure className="chart-figure annual-figure">
      <TrendChart
        title={t("annual.trend")}
        years={ordered.map((y) => y.year)}
        series={lines.map(([key], i) => ({ name: t(`outcomes.public.label.${key}`), color: CHART_COLORS[i]! }))}
        // A row being followed up shows only its knowledge rate: its other points are gaps.
        values={lines.map(([, of]) => ordered.map((y) => (y.row.followUp && of !== "knowledgeRate" ? null : share(y.row.cells[of]))))}
      />
      <figcaption>{t("annual.trend")}</figcaption>
    </figure>
  );
}

export default function AnnualReportPage() {
  const report = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const { year, summary } = report;
  const names = (n: { name_ky: string; name_ru: string; name_en: string }) => pick(n, "name", lang);
  const checkpointName = (cp: string) => t(`outcomes.checkpoint.${cp as "m6"}`);
  return (
    <div className="annual-report">
      <div className="no-print annual-controls">
        <h1>{t("annual.title")}</h1>
        <p className="lead">{t("annual.lead")}</p>
        {/* .actions: the button beside or below the year, never against it (polish: 2 px below it at 360 px). */}
        <Form method="get" className="actions">
          <label>
            {t("annual.year")}{" "}
            <select name="year" defaultValue={year ?? report.years[0] ?? ""}>
              {report.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>{" "}
          <SubmitButton>{t("annual.show")}</SubmitButton>
        </Form>
        {report.refused ? (
          <p className="error" role="alert">
            {t("annual.badYear")}
          </p>
        ) : null}
        {year !== null ? <p className="notice">{t("annual.printHint")}</p> : null}
        {year === null && !report.refused ? <p>{t("annual.empty")}</p> : null}
      </div>

      {year !== null && summary ? (
        <article className="annual-doc" lang={lang} data-year={year} data-checkpoint={report.checkpoint}>
          <section className="annual-title-page">
            <h1>{t("annual.docTitle", { year: String(year) })}</h1>
            <p className="annual-cluster">
              {report.agencyWide ? t("annual.cluster.agency") : t("annual.cluster.schools", { names: report.schools.map((s) => names(s.names)).join(", ") })}
            </p>
            <p>{t("annual.made", { date: formatDate(lang, report.made) })}</p>
            <p>{t("annual.checkpoint", { checkpoint: checkpointName(report.checkpoint) })}</p>
            <h2>{t("annual.summary", { year: String(year) })}</h2>
            <dl className="annual-summary">
              <div>
                <dt>{t("outcomes.public.graduates")}</dt>
                <dd>{formatNumber(lang, summary.row.n)}</dd>
              </div>
              {(["employment", "htp", "knowledge"] as const).map((key) => {
                const c = PUBLIC_COLUMNS.find((col) => col.key === key)!;
                return (
                  <div key={key}>
                    <dt>{t(`outcomes.public.label.${key}`)}</dt>
                    <dd>{cellText(summary.row.cells[c.of], t, lang)}</dd>
                  </div>
                );
              })}
            </dl>
            <h3>{t("annual.sources")}</h3>
            {summary.known !== null ? (
              <>
                <p>{t("annual.known", { known: formatNumber(lang, summary.known), n: formatNumber(lang, summary.row.n) })}</p>
                <ul className="annual-sources">
                  {summary.sources.map((s) => (
                    <li key={s.source}>
                      {t("annual.source.line", {
                        source: s.source === "other" ? t("annual.source.other") : t(`outcomes.source.${s.source}`),
                        count: formatNumber(lang, s.count),
                        percent: formatNumber(lang, s.percent),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t("annual.sourcesHidden")}</p>
            )}
            <p className="small">{t("outcomes.public.hiddenNote")}</p>
          </section>

          {report.schools.map((s) => {
            const years = s.years.map((y) => ({ year: y.year, row: y }));
            return (
              <section key={s.id} className="annual-school">
                <h2>{names(s.names)}</h2>
                <p>
                  {t("annual.region", { region: names(s.region) })} · {t("annual.checkpoint", { checkpoint: checkpointName(report.checkpoint) })}
                </p>
                <YearsTable caption={t("annual.years", { year: String(year) })} years={years} total={s.total} t={t} lang={lang} />
                {s.total === null ? <p className="small">{t("annual.noTotal", { year: String(year) })}</p> : null}
                {years.length > 1 ? <Trend years={years} t={t} /> : null}
                <div className="table-wrap annual-table">
                  <table>
                    <caption>{t("annual.atCheckpoints", { year: String(year) })}</caption>
                    <PublicTableHead first={t("annual.col.checkpoint")} t={t} />
                    <tbody>
                      {s.checkpoints.map((c) => (
                        <PublicOutcomeRow key={c.checkpoint} label={checkpointName(c.checkpoint)} row={c.row} t={t} lang={lang} />
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            );
          })}

          <section className="annual-regions">
            <h2>{t("annual.regions")}</h2>
            <p className="small">{t("annual.regionNote")}</p>
            {report.regions.map((r) => (
              <div key={r.id} className="annual-region">
                <h3>{names(r.names)}</h3>
                <p>{t("annual.regionSchools", { n: formatNumber(lang, r.schools) })}</p>
                <YearsTable
                  caption={t("annual.years", { year: String(year) })}
                  years={r.years.map((y) => ({ year: y.year, row: y }))}
                  total={r.total}
                  t={t}
                  lang={lang}
                />
              </div>
            ))}
          </section>

          <section className="annual-definitions">
            <h2>{t("annual.definitions")}</h2>
            <dl>
              <div>
                <dt>{t("outcomes.public.graduates")}</dt>
                <dd>{t("annual.def.graduates")}</dd>
              </div>
              {PUBLIC_COLUMNS.map((c) => (
                <div key={c.key}>
                  <dt>
                    {t(labelOf(c))} ({c.key === "within6" ? t("outcomes.ind.within", { months: 6 }) : t(STANDARD[c.key])})
                  </dt>
                  <dd>{t(`outcomes.public.explain.${c.key}`)}</dd>
                </div>
              ))}
              <div>
                <dt>
                  {t("outcomes.public.label.pay")} ({t("outcomes.ind.medianPay")})
                </dt>
                <dd>{t("outcomes.public.explain.pay")}</dd>
              </div>
            </dl>
            <p>{t("outcomes.public.standardsNote")}</p>
            <h3>{t("annual.formulas")}</h3>
            <p>{t("outcomes.dashboard.definitionsText")}</p>
            <p>{t("outcomes.public.hiddenNote")}</p>
            <p>{t("outcomes.public.followUpNote")}</p>
            <p>{t("annual.regionNote")}</p>
          </section>
        </article>
      ) : null}
    </div>
  );
}
