// Outcome figures for staff: a rate with its numerator and denominator, each opening to the
// graduates behind it (docs/product.md §6), "small n" marked; group names for any breakdown.
import { Link } from "@remix-run/react";
import type { Breakdown, DashboardQuery, Measure } from "~/domain/outcomes/dashboard";
import { dashboardSearch, percent } from "~/domain/outcomes/dashboard";
import type { OutcomeIndicators, Rate } from "~/domain/outcomes/indicators";
import type { CsvValue } from "~/domain/csv/write";
import { cohortLabel } from "~/i18n/cohort-label";
import { formatKgs, formatNumber, formatPercent } from "~/i18n/format";
import type { MessageKey } from "~/i18n/messages/en";
import type { Lang } from "~/i18n/negotiate";
import { pick } from "~/i18n/pick";
import type { T } from "~/i18n/translate";

type Names = { name_ky: string; name_ru: string; name_en: string };
export type GroupLabelData = { key: string; names: Names | null; text: string | null; date?: string };

/** A group's name in the reader's language ("none" is what the breakdown cannot place). */
export function groupLabelText(by: Breakdown, label: GroupLabelData, t: T, lang: Lang): string {
  const key = label.key;
  if (by === "total") return t("outcomes.dashboard.group.all");
  if (key === "none") {
    if (by === "sex") return t("outcomes.dashboard.group.sexUnknown");
    if (by === "job_region") return t("outcomes.dashboard.group.regionUnknown");
    return t("outcomes.dashboard.group.notEmployed");
  }
  if (by === "sex") return t(key === "f" ? "outcomes.dashboard.group.f" : "outcomes.dashboard.group.m");
  if (by === "htp") return t(key === "yes" ? "outcomes.dashboard.group.htpYes" : "outcomes.dashboard.group.htpNo");
  if (by === "cohort" && label.names && label.date) return cohortLabel(t, lang, label.names, label.date);
  if (label.names) return pick(label.names, "name", lang);
  return label.text ?? t("outcomes.dashboard.group.unknown");
}

export const drillHref = (query: DashboardQuery, group: string, measure: Measure) => `/staff/outcomes/graduates?${dashboardSearch(query, { group, measure })}`;

const pctText = (lang: Lang, value: number | null) => (value === null ? "—" : formatPercent(lang, percent(value)!));

/** A rate cell: the share links to the numerator's graduates; "a of b" below, each part a link. */
export function RateFigure({
  rate,
  num,
  den,
  query,
  group,
  t,
  lang,
  flagged,
  lowerBound,
}: {
  rate: Rate;
  num: Measure;
  den: Measure;
  query: DashboardQuery;
  group: string;
  t: T;
  lang: Lang;
  flagged?: boolean;
  lowerBound?: boolean;
}) {
  const fraction = t("outcomes.ind.fraction", { numerator: formatNumber(lang, rate.numerator), denominator: formatNumber(lang, rate.denominator) });
  return (
    <>
      <Link to={drillHref(query, group, num)} title={fraction} className="figure">
        {lowerBound && rate.value !== null ? "≥ " : ""}
        {pctText(lang, rate.value)}
      </Link>
      <span className="figure__of small muted">
        <Link to={drillHref(query, group, num)}>{formatNumber(lang, rate.numerator)}</Link>
        {" / "}
        <Link to={drillHref(query, group, den)}>{formatNumber(lang, rate.denominator)}</Link>
      </span>
      {rate.smallN ? <span className="pill pill--warn">{t("outcomes.ind.smallN")}</span> : null}
      {flagged ? <span className="pill pill--error">{t("outcomes.ind.flagLow")}</span> : null}
    </>
  );
}

export function medianDaysText(i: OutcomeIndicators, t: T, lang: Lang): string {
  const m = i.timeToFirstJob.median;
  if (m.status === "no_base") return "—";
  if (m.status === "not_reached") return t("outcomes.ind.notReached");
  return t("outcomes.ind.days", { days: formatNumber(lang, m.days ?? 0) });
}

export function medianPayText(i: OutcomeIndicators, t: T, lang: Lang): string {
  const p = i.medianMonthlyPay;
  return p.value === null ? t("outcomes.ind.tooFewPays") : formatKgs(lang, p.value);
}

/** The indicator columns of the table and the CSV, in one order. */
export const RATE_COLUMNS = [
  { key: "knowledgeRate", label: "outcomes.ind.knowledge" },
  { key: "careerOutcomesRate", label: "outcomes.ind.career" },
  { key: "employmentRate", label: "outcomes.ind.employment" },
  { key: "htpPlacementRate", label: "outcomes.ind.htpPlacement" },
  { key: "htpShareOfEmployed", label: "outcomes.ind.htpShare" },
  { key: "relatedEmploymentRate", label: "outcomes.ind.related" },
] as const satisfies readonly { key: keyof OutcomeIndicators; label: MessageKey }[];

/** One CSV line per group: N, then each rate as percent, numerator, denominator, then time to job and pay. */
export function dashboardCsv(rows: readonly { label: string; indicators: OutcomeIndicators }[], t: T): { header: string[]; lines: CsvValue[][] } {
  const header = [t("outcomes.ind.group"), t("outcomes.ind.n"), t("outcomes.measure.graduates")];
  for (const c of RATE_COLUMNS)
    header.push(`${t(c.label)}, %`, `${t(c.label)}, ${t("outcomes.csv.numerator")}`, `${t(c.label)}, ${t("outcomes.csv.denominator")}`);
  for (const months of [3, 6, 12] as const) {
    const name = t("outcomes.ind.within", { months });
    header.push(`${name}, %`, `${name}, ${t("outcomes.csv.numerator")}`, `${name}, ${t("outcomes.csv.denominator")}`);
  }
  header.push(t("outcomes.ind.medianDays"), t("outcomes.ind.medianPay"), `${t("outcomes.ind.medianPay")}, n`);
  const lines = rows.map(({ label, indicators: i }) => {
    const line: CsvValue[] = [label, i.n, i.graduates];
    for (const c of RATE_COLUMNS) {
      const r = i[c.key];
      line.push(percent(r.value), r.numerator, r.denominator);
    }
    for (const months of [3, 6, 12] as const) {
      const r = i.timeToFirstJob.within[months];
      line.push(percent(r.value), r.numerator, r.denominator);
    }
    const m = i.timeToFirstJob.median;
    line.push(
      m.status === "reached" ? m.days : m.status === "not_reached" ? t("outcomes.ind.notReached") : null,
      i.medianMonthlyPay.value,
      i.medianMonthlyPay.n,
    );
    return line;
  });
  return { header, lines };
}
