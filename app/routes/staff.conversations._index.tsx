// Staff's queue of reported conversations (docs/product.md §15, docs/decisions/060-notes-and-conversations.md):
// the open reports, oldest first. A conversation is readable by staff only from here, while its report is open.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/guards.server";
import { schoolIdsOf } from "~/domain/staff/scope";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { openConversationReports } from "~/models/conversations.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  // Reports about the scope's graduates only (docs/decisions/063-staff-scope.md).
  const rows = await openConversationReports(getDb(), schoolIdsOf(scope));
  return {
    reports: rows.map((r) => ({
      id: r.id,
      applicationId: r.application_id,
      side: r.side,
      reason: r.reason,
      reportedAt: r.created_at,
      vacancy: r.vacancy_title,
      company: r.company_name,
    })),
  };
}

export const meta = titleMeta("staffConversations.title", { private: true });

export default function ReportedConversationsPage() {
  const { t, lang } = useT();
  const { reports } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("staffConversations.title")}</h1>
      <p className="lead">{t("staffConversations.intro")}</p>
      <ListTable
        rows={reports}
        empty={t("staffConversations.none")}
        columns={[
          { header: t("staffConversations.col.reported"), cell: (r) => formatDateTime(lang, r.reportedAt) },
          { header: t("staffConversations.col.by"), cell: (r) => t(r.side === "company" ? "staffConversations.by.company" : "staffConversations.by.graduate") },
          {
            header: t("staffConversations.col.application"),
            rowHeader: true,
            cell: (r) => (
              <Link to={`/staff/conversations/${r.applicationId}`}>
                {r.vacancy} · {r.company}
              </Link>
            ),
          },
          { header: t("staffConversations.col.reason"), cell: (r) => <span className="about">{r.reason}</span> },
        ]}
      />
    </section>
  );
}
