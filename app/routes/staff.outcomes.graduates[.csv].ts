// The graduates behind one dashboard figure as CSV: names, so an export of personal data — every
// download is written to the audit log with the selection it was made from.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/auth/guards.server";
import { getConnection, getDb } from "~/db.server";
import { csvResponse, toCsv } from "~/domain/csv/write";
import { drillQueryFrom } from "~/domain/outcomes/dashboard";
import { schoolsToRead } from "~/domain/outcomes/scope";
import { serverT } from "~/i18n/catalog.server";
import { langOf } from "~/i18n/negotiate";
import { pick } from "~/i18n/pick";
import { recordAudit } from "~/models/audit.server";
import { drillDown } from "~/models/outcome-dashboard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request);
  // The scope's graduates only (docs/decisions/063-staff-scope.md "Outcome pages"); the audit entry names the schools read.
  const asked = drillQueryFrom(new URL(request.url));
  const query = { ...asked, school: schoolsToRead(scope, asked.school) };
  const lang = langOf(request);
  const t = serverT(lang);
  const { rows, total } = await drillDown(getConnection(), query, null);
  await recordAudit(getDb(), {
    actorId: user.id,
    action: "outcomes.export",
    entity: "graduate",
    after: { checkpoint: query.checkpoint, year: query.year, school: query.school, by: query.by, group: query.group, measure: query.measure, rows: total },
  });
  const header = [
    "id",
    t("outcomes.drill.name"),
    t("outcomes.drill.school"),
    t("outcomes.drill.cohort"),
    t("outcomes.drill.outcome"),
    t("outcomes.drill.employer"),
    t("outcomes.drill.htp"),
    t("outcomes.drill.jobTitle"),
    t("outcomes.drill.start"),
    t("outcomes.drill.hours"),
    t("outcomes.drill.pay"),
  ];
  const lines = rows.map((r) => [
    r.id,
    `${r.last_name} ${r.first_name}`,
    pick(r.school, "name", lang),
    r.graduation_date,
    t(`outcomes.code.${r.code}`),
    r.employer,
    r.htp === null ? null : r.htp,
    r.job_title,
    r.start_date,
    r.hours,
    r.monthly_pay,
  ]);
  return csvResponse(toCsv(header, lines), `outcome-graduates-${query.checkpoint}-${query.measure}.csv`);
}
