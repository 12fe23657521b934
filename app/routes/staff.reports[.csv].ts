// /staff/reports.csv — a report as CSV (docs/product.md §16, docs/decisions/064-report-builder.md; decision 012's
// `;` and BOM): the same query, scope and columns as the .xlsx. Aggregates only, no names, so no audit entry.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/auth/guards.server";
import { getConnection } from "~/db.server";
import { reportQueryFrom } from "~/domain/outcomes/report";
import { schoolIdsOf } from "~/domain/staff/scope";
import { serverT } from "~/i18n/catalog.server";
import { langOf } from "~/i18n/negotiate";
import { outcomeReport } from "~/models/outcome-report.server";
import { exportRows, reportCsv } from "~/utils/report-export.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const query = reportQueryFrom(new URL(request.url).searchParams);
  const lang = langOf(request);
  const t = serverT(lang);
  const { table } = await outcomeReport(getConnection(), query, schoolIdsOf(scope));
  const rows = exportRows(query, table, t, lang);
  return reportCsv({ query, rows, scoped: scope.kind === "schools" }, t, `report-${query.checkpoint}-${query.by}.csv`);
}
