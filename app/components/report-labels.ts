// Names of the report builder's columns and parts (docs/decisions/064-report-builder.md): the indicator names are
// the dashboard's (outcomes.ind.*), so a report and the dashboard say the same thing in all three languages.
import type { ExportColumn, ReportIndicator } from "~/domain/outcomes/report";
import type { T } from "~/i18n/translate";

export function indicatorLabel(t: T, indicator: ReportIndicator): string {
  switch (indicator) {
    case "n":
      return t("outcomes.ind.n");
    case "knowledgeRate":
      return t("outcomes.ind.knowledge");
    case "careerOutcomesRate":
      return t("outcomes.ind.career");
    case "employmentRate":
      return t("outcomes.ind.employment");
    case "htpPlacementRate":
      return t("outcomes.ind.htpPlacement");
    case "htpShareOfEmployed":
      return t("outcomes.ind.htpShare");
    case "relatedEmploymentRate":
      return t("outcomes.ind.related");
    case "within3":
    case "within6":
    case "within12":
      return t("outcomes.ind.within", { months: Number(indicator.slice(6)) });
    case "medianDays":
      return t("outcomes.ind.medianDays");
    case "medianPay":
      return t("outcomes.ind.medianPay");
  }
}

/** The definition of an indicator, for the "Definitions" sheet and the page's definitions. */
export function indicatorDefinition(t: T, indicator: ReportIndicator): string {
  return indicator === "within3" || indicator === "within6" || indicator === "within12" ? t("reports.def.within") : t(`reports.def.${indicator}`);
}

/** A spreadsheet column's heading: "Employment (EQAVET), %", "…, numerator", "…, n". */
export function exportHeading(t: T, column: ExportColumn): string {
  const name = indicatorLabel(t, column.indicator);
  switch (column.part) {
    case "value":
      return column.format === "percent" ? `${name}, %` : name;
    case "numerator":
      return `${name}, ${t("outcomes.csv.numerator")}`;
    case "denominator":
      return `${name}, ${t("outcomes.csv.denominator")}`;
    case "base":
    case "n":
      return `${name}, n`;
  }
}
