// The follow-up list as CSV (docs/product.md §6: every staff table exports): every graduate due or overdue
// for the page's school and cohort, not one page of them. Names and phones are personal data, so
// each download is written to the audit log with the selection it was made from.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/auth/guards.server";
import { schoolWithin } from "~/domain/outcomes/scope";
import { schoolIdsOf } from "~/domain/staff/scope";
import { getDb } from "~/db.server";
import { csvResponse, toCsv } from "~/domain/csv/write";
import { todayInBishkek } from "~/domain/calendar";
import { serverT } from "~/i18n/catalog.server";
import { langOf } from "~/i18n/negotiate";
import { pick } from "~/i18n/pick";
import { recordAudit } from "~/models/audit.server";
import { followUpQueryFrom } from "~/domain/outcomes/follow-up-query";
import { listFollowUps } from "~/models/outcomes.server";

/** One file for the whole selection; far above any cohort list the Agency follows up. */
const EXPORT_ROWS = 20_000;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request);
  const lang = langOf(request);
  const t = serverT(lang);
  const { schoolId, cohortId } = followUpQueryFrom(new URL(request.url));
  // The scope's due graduates only (docs/decisions/063-staff-scope.md "Outcome pages").
  const query = { schoolId: schoolWithin(scope, schoolId), cohortId, page: 1 };
  const db = getDb();
  const { rows } = await listFollowUps(db, { ...query, within: schoolIdsOf(scope) }, todayInBishkek(), EXPORT_ROWS);
  await recordAudit(db, {
    actorId: user.id,
    action: "follow-up.export",
    entity: "graduate",
    after: { school: query.schoolId, cohort: query.cohortId, rows: rows.length },
  });
  const header = [
    "id",
    t("followUpCsv.lastName"),
    t("followUpCsv.firstName"),
    t("outcomes.followUp.school"),
    t("followUpCsv.graduated"),
    t("outcomes.followUp.checkpoint"),
    t("followUpCsv.checkpointDate"),
    t("outcomes.followUp.state"),
    t("followUpCsv.phone"),
    t("followUpCsv.telegram"),
  ];
  const lines = rows.map((r) => [
    r.id,
    r.last_name,
    r.first_name,
    pick(r, "name", lang),
    r.graduation_date,
    t(`outcomes.checkpoint.${r.checkpoint}`),
    r.checkpoint_date,
    t(r.state === "overdue" ? "outcomes.followUp.overdue" : "outcomes.followUp.due") +
      (r.current_code === "unknown" ? ` (${t("outcomes.followUp.currentUnknown")})` : ""),
    r.contact_phone,
    r.contact_telegram,
  ]);
  const suffix = [query.schoolId ? `school-${query.schoolId}` : null, query.cohortId ? `cohort-${query.cohortId}` : null].filter(Boolean).join("-");
  return csvResponse(toCsv(header, lines), `follow-up${suffix ? `-${suffix}` : ""}.csv`);
}
