// The skill-gap table as CSV (docs/product.md §6: every staff table exports), for the same school and
// cohort as the page. Aggregates only, no names: not an export of personal data, so no audit entry.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/auth/guards.server";
import { schoolWithin } from "~/domain/outcomes/scope";
import { schoolIdsOf } from "~/domain/staff/scope";
import { getConnection } from "~/db.server";
import { csvResponse, toCsv } from "~/domain/csv/write";
import { serverT } from "~/i18n/catalog.server";
import { langOf } from "~/i18n/negotiate";
import { pick } from "~/i18n/pick";
import { SkillGapParams } from "~/domain/matching/queries";
import { skillGap } from "~/models/matching.server";

/** The page shows the 25 most needed skills; the download carries every skill asked for. */
const ALL_SKILLS = 10_000;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const lang = langOf(request);
  const t = serverT(lang);
  const asked = SkillGapParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  // The scope's graduates only (docs/decisions/063-staff-scope.md "Outcome pages").
  const query = { ...asked, school: schoolWithin(scope, asked.school ?? null) ?? undefined };
  const gap = await skillGap(getConnection(), { ...query, within: schoolIdsOf(scope) }, ALL_SKILLS);
  const header = [
    t("match.gap.skill"),
    t("match.gap.requiredBy"),
    t("match.gap.niceIn"),
    t("match.gap.holders"),
    t("match.gap.lacking"),
    t("match.gap.modules"),
  ];
  const lines = gap.rows.map((r) => [pick(r.skill, "name", lang), r.requiredBy, r.niceIn, r.holders, r.lacking, r.modules.map((m) => m.number).join(", ")]);
  const suffix = [query.school ? `school-${query.school}` : null, query.cohort ? `cohort-${query.cohort}` : null].filter(Boolean).join("-");
  return csvResponse(toCsv(header, lines), `skill-gap${suffix ? `-${suffix}` : ""}.csv`);
}
