// The dashboard table as CSV (docs/product.md §6: every staff figure exports): the same selection, the same
// figures as the page. Aggregates only, no names: not an export of personal data, so no audit entry.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/auth/guards.server";
import { dashboardCsv, groupLabelText } from "~/components/outcome-figures";
import { getConnection } from "~/db.server";
import { csvResponse, toCsv } from "~/domain/csv/write";
import { dashboardQueryFrom } from "~/domain/outcomes/dashboard";
import { schoolsToRead } from "~/domain/outcomes/scope";
import { serverT } from "~/i18n/catalog.server";
import { langOf } from "~/i18n/negotiate";
import { outcomeDashboard } from "~/models/outcome-dashboard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const query = dashboardQueryFrom(new URL(request.url));
  const lang = langOf(request);
  const t = serverT(lang);
  const { total, rows } = await outcomeDashboard(getConnection(), { ...query, school: schoolsToRead(scope, query.school) });
  const { header, lines } = dashboardCsv(
    [
      { label: t("outcomes.dashboard.total"), indicators: total },
      ...rows.map((r) => ({ label: groupLabelText(query.by, r.label, t, lang), indicators: r.indicators })),
    ],
    t,
  );
  return csvResponse(toCsv(header, lines), `outcomes-${query.checkpoint}-${query.by}.csv`);
}
