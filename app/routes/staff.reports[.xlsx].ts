// /staff/reports.xlsx — a report as an Excel workbook (docs/product.md §16, docs/decisions/064-report-builder.md):
// the same query, scope and figures as /staff/reports; one sheet with the table and one of definitions, in the
// reader's language. Aggregates only, no names: not an export of personal data, so no audit entry (as the dashboard CSV).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/auth/guards.server";
import { getConnection } from "~/db.server";
import { reportQueryFrom } from "~/domain/outcomes/report";
import { schoolIdsOf } from "~/domain/staff/scope";
import { serverT } from "~/i18n/catalog.server";
import { langOf } from "~/i18n/negotiate";
import { outcomeReport } from "~/models/outcome-report.server";
import { exportRows, reportXlsx, xlsxResponse } from "~/utils/report-export.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const query = reportQueryFrom(new URL(request.url).searchParams);
  const lang = langOf(request);
  const t = serverT(lang);
  const { table } = await outcomeReport(getConnection(), query, schoolIdsOf(scope));
  const rows = exportRows(query, table, t, lang);
  const bytes = await reportXlsx({ query, rows, scoped: scope.kind === "schools" }, t);
  return xlsxResponse(bytes, `report-${query.checkpoint}-${query.by}.xlsx`);
}
