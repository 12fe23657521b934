// A report's downloads (docs/product.md §16, docs/decisions/064-report-builder.md): the .xlsx — one sheet with the
// table (real number cells with number formats, small-n cells empty with a note, the header row frozen) and a
// "Definitions" sheet — and the CSV (decision 012: UTF-8 with BOM, `;`). Both lay out the same columns
// (exportColumns) and the same values (exportValue) as the page's table.
import ExcelJS from "exceljs";
import { groupLabelText, type GroupLabelData } from "~/components/outcome-figures";
import { indicatorDefinition, indicatorLabel, exportHeading } from "~/components/report-labels";
import { csvResponse, toCsv, type CsvValue } from "~/domain/csv/write";
import { percent } from "~/domain/outcomes/display";
import { exportColumns, exportValue, type ExportFormat, type ReportCell, type ReportQuery, type ReportTable } from "~/domain/outcomes/report";
import type { Lang } from "~/i18n/negotiate";
import type { T } from "~/i18n/translate";

export type ExportRow = { label: string; cells: readonly ReportCell[] };
export type ReportExport = { query: ReportQuery; rows: readonly ExportRow[]; scoped: boolean };

/** The rows both downloads write: the total first, then each group under its name in the reader's language. */
export function exportRows(query: ReportQuery, table: ReportTable<GroupLabelData>, t: T, lang: Lang): ExportRow[] {
  return [
    { label: t("outcomes.dashboard.total"), cells: table.total.cells },
    ...table.rows.map((r) => ({ label: groupLabelText(query.by, r.label, t, lang), cells: r.cells })),
  ];
}

const FORMATS: Record<ExportFormat, string> = { percent: "0.0%", count: "0", days: "0", kgs: "#,##0" };
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);

/** The workbook: the report's table, then what each indicator shown means, in the reader's language. */
export async function reportXlsx(report: ReportExport, t: T): Promise<Uint8Array<ArrayBuffer>> {
  const columns = exportColumns(report.query.indicators);
  const book = new ExcelJS.Workbook();
  book.created = new Date();

  const sheet = book.addWorksheet(sheetName(t("reports.sheet.report")), { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  sheet.columns = [
    { header: t("outcomes.ind.group"), width: 38 },
    ...columns.map((c) => ({ header: exportHeading(t, c), width: c.part === "value" ? 16 : 12 })),
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  header.height = 45;
  for (const [r, row] of report.rows.entries()) {
    const line = sheet.getRow(r + 2);
    line.getCell(1).value = row.label;
    if (r === 0) line.font = { bold: true };
    columns.forEach((column, k) => {
      const cell = line.getCell(k + 2);
      const value = exportValue(row.cells[report.query.indicators.indexOf(column.indicator)]!, column.part, column.indicator);
      if (value === "suppressed") {
        // Left empty on purpose, with a mark: a shaded cell and a note saying why (docs/product.md §6 small n).
        cell.value = null;
        cell.note = t("reports.smallNote");
        cell.fill = { type: "pattern", pattern: "lightGray" };
      } else if (value === "not_reached") {
        cell.value = t("reports.notReached");
      } else if (value !== null) {
        cell.value = value;
        cell.numFmt = FORMATS[column.format];
      }
    });
  }

  const defs = book.addWorksheet(sheetName(t("reports.sheet.definitions")), { views: [{ state: "frozen", ySplit: 1 }] });
  defs.columns = [
    { header: t("reports.def.indicator"), width: 34 },
    { header: t("reports.def.definition"), width: 100 },
  ];
  defs.getRow(1).font = { bold: true };
  for (const indicator of report.query.indicators) defs.addRow([indicatorLabel(t, indicator), indicatorDefinition(t, indicator)]);
  defs.addRow([t("outcomes.ind.smallN"), t("reports.def.smallN")]);
  defs.addRow(["%", t("reports.def.parts")]);
  defs.addRow([]);
  defs.addRow([t("reports.def.selection")]).font = { bold: true };
  defs.addRow([t("reports.def.rows"), t(`outcomes.dashboard.by.${report.query.by}`)]);
  defs.addRow([t("outcomes.dashboard.checkpoint"), t(`outcomes.checkpoint.${report.query.checkpoint}`)]);
  defs.addRow([t("reports.years"), report.query.year.length ? report.query.year.join(", ") : t("outcomes.dashboard.allYears")]);
  defs.addRow([t("reports.def.scope"), report.scoped ? t("reports.def.scopeSchools") : t("reports.def.scopeAll")]);
  defs.getColumn(2).alignment = { wrapText: true, vertical: "top" };

  return new Uint8Array(await book.xlsx.writeBuffer());
}

export function xlsxResponse(bytes: Uint8Array<ArrayBuffer>, fileName: string): Response {
  return new Response(bytes, {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** The same table as CSV: shares as whole-number percent like the dashboard CSV, a small-n share as its mark. */
export function reportCsv(report: ReportExport, t: T, fileName: string): Response {
  const columns = exportColumns(report.query.indicators);
  const header = [t("outcomes.ind.group"), ...columns.map((c) => exportHeading(t, c))];
  const lines = report.rows.map((row) => [
    row.label,
    ...columns.map((column): CsvValue => {
      const value = exportValue(row.cells[report.query.indicators.indexOf(column.indicator)]!, column.part, column.indicator);
      if (value === "suppressed") return column.part === "value" ? t("outcomes.ind.smallN") : null;
      if (value === "not_reached") return t("reports.notReached");
      // Whole percents as on the dashboard CSV: "66.7" would be read as text or a date by Excel in a ru/ky locale.
      if (value !== null && column.format === "percent") return percent(value);
      return value;
    }),
  ]);
  return csvResponse(toCsv(header, lines), fileName);
}
