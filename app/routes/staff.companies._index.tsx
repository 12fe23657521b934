import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser, STAFF_ROLES } from "~/auth/require-user.server";
import { Select, SubmitButton } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listCompaniesForStaff } from "~/models/companies.server";
import { COMPANY_STATUSES, type CompanyStatus } from "~/domain/companies/options";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: STAFF_ROLES });
  const raw = new URL(request.url).searchParams.get("status") ?? "";
  // No filter (or an unknown one) lists every company, pending ones first.
  const status = (COMPANY_STATUSES as readonly string[]).includes(raw) ? (raw as CompanyStatus) : null;
  return { status, companies: await listCompaniesForStaff(getDb(), status) };
}

export const meta = titleMeta("companies.title", { private: true });

export default function StaffCompaniesPage() {
  const { t, lang } = useT();
  const { status, companies } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("companies.title")}</h1>
      <p className="lead">{t("companies.staff.lead")}</p>
      <Form method="get" className="filters">
        <Select
          name="status"
          label={t("companies.staff.status")}
          placeholder={t("companies.staff.all")}
          options={COMPANY_STATUSES.map((s) => ({ value: s, label: t(`companies.label.${s}`) }))}
          defaultValue={status}
        />
        <SubmitButton>{t("companies.staff.show")}</SubmitButton>
      </Form>
      {/* stacked: on a phone each row is a card, so its status stays on screen (docs/decisions/032-phone-navigation-and-tables.md) */}
      <ListTable
        rows={companies}
        empty={t("companies.staff.none")}
        columns={[
          {
            header: t("companies.staff.company"),
            cell: (c) => (
              <>
                <Link to={`/staff/companies/${c.id}`}>{c.name}</Link>
                {c.website ? (
                  <>
                    <br />
                    <a className="small" href={c.website} rel="noopener noreferrer nofollow" target="_blank">
                      {c.website}
                    </a>
                  </>
                ) : null}
              </>
            ),
          },
          {
            header: t("companies.staff.status"),
            cell: (c) => (
              <>
                {t(`companies.label.${c.status}`)}
                {c.trusted ? (
                  <>
                    <br />
                    <span className="badge-verified">{t("companies.staff.trusted")}</span>
                  </>
                ) : null}
                {c.identity_change_pending ? (
                  <>
                    <br />
                    <strong className="small">{t("companies.staff.identityWaiting")}</strong>
                  </>
                ) : null}
              </>
            ),
          },
          { header: t("companies.htpNumber"), cell: (c) => c.htp_number ?? "—" },
          { header: t("companies.city"), cell: (c) => c.city ?? "—" },
          { header: t("companies.staff.emails"), className: "small", cell: (c) => c.emails.map((e) => <div key={e}>{e}</div>) },
          { header: t("companies.staff.created"), cell: (c) => formatDate(lang, c.created_at) },
        ]}
      />
    </section>
  );
}
