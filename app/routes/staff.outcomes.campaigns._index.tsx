// Survey campaigns (docs/product.md §6 and §13, docs/decisions/055-survey-campaigns.md): the list,
// newest first, with how many graduates each covered and how many answered. Staff only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/guards.server";
import { schoolIdsOf } from "~/domain/staff/scope";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listCampaigns } from "~/models/survey-campaigns.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  // Those of the scope's graduates only (docs/decisions/063-staff-scope.md "Outcome pages").
  return { campaigns: await listCampaigns(getDb(), schoolIdsOf(scope)) };
}

export const meta = titleMeta("campaigns.title", { private: true });

export default function CampaignsPage() {
  const { t, lang } = useT();
  const { campaigns } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("campaigns.title")}</h1>
      <p className="lead">{t("campaigns.lead")}</p>
      <p>
        <Link to="/staff/outcomes/follow-up">{t("outcomes.followUp.title")}</Link>
      </p>
      <ListTable
        rows={campaigns}
        empty={t("campaigns.empty")}
        tableClass="campaigns-table"
        columns={[
          {
            header: t("campaigns.col.sent"),
            rowHeader: true,
            cell: (c) => <Link to={`/staff/outcomes/campaigns/${c.id}`}>{formatDateTime(lang, c.created_at)}</Link>,
          },
          { header: t("campaigns.col.by"), cell: (c) => c.created_by_name ?? "—" },
          { header: t("campaigns.col.members"), cell: (c) => formatNumber(lang, c.members) },
          { header: t("campaigns.col.answered"), cell: (c) => `${formatNumber(lang, c.answered)} / ${formatNumber(lang, c.messaged)}` },
          { header: t("campaigns.col.reminder"), cell: (c) => (c.reminded_at ? formatDateTime(lang, c.reminded_at) : "—") },
        ]}
      />
    </section>
  );
}
