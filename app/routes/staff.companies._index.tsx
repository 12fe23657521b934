import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAgencyStaff } from "~/auth/guards.server";
import { Field, Select, SubmitButton } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listCompaniesForStaff, withStaffCompanyDetails } from "~/models/companies.server";
import { COMPANY_STATUSES, type CompanyStatus } from "~/domain/companies/options";
import { correctedSearchHref } from "~/domain/search/full-text";
import { markMatches, MAX_QUERY_LENGTH, rankByQuery } from "~/domain/search/rank";
import { titleMeta } from "~/utils/meta";
import { searchText } from "~/utils/params";
import { MarkedText } from "~/components/marked-text";
import { SearchNotes } from "~/components/search-results";

/** More rows than a person reads: a search narrows the list instead. */
const SHOWN = 500;
const ListQuery = z.object({ q: searchText(MAX_QUERY_LENGTH) });

export async function loader({ request }: LoaderFunctionArgs) {
  // Companies and vacancies belong to no school: the whole Agency's work (403 for a scoped officer, decision 063).
  await requireAgencyStaff(request);
  const params = new URL(request.url).searchParams;
  const raw = params.get("status") ?? "";
  const { q } = ListQuery.parse({ q: params.get("q") ?? "" });
  // No filter (or an unknown one) lists every company, pending ones first; a search lists the best
  // matches first, in Kyrgyz alphabetical order within each tier (docs/product.md §14).
  const status = (COMPANY_STATUSES as readonly string[]).includes(raw) ? (raw as CompanyStatus) : null;
  const db = getDb();
  const all = await listCompaniesForStaff(db, status);
  const ranked = rankByQuery(all, q, (c) => [c.name]);
  const found = ranked.searched ? ranked.hits.map((h) => h.item) : all;
  const companies = (await withStaffCompanyDetails(db, found.slice(0, SHOWN))).map((c) => ({
    id: c.id,
    name: markMatches(c.name, q),
    status: c.status,
    trusted: c.trusted,
    htp_number: c.htp_number,
    website: c.website,
    city: c.city,
    created_at: c.created_at,
    emails: c.emails,
    identity_change_pending: c.identity_change_pending,
  }));
  // "Did you mean" keeps the status filter (docs/product.md §14).
  const suggestionHref = correctedSearchHref("/staff/companies", new URLSearchParams(status ? { status } : {}), ranked.suggestion);
  return { status, q, searched: ranked.searched, found: found.length, suggestion: ranked.suggestion, suggestionHref, companies };
}

export const meta = titleMeta("companies.title", { private: true });

export default function StaffCompaniesPage() {
  const { t, lang } = useT();
  const { status, q, searched, found, suggestion, suggestionHref, companies } = useLoaderData<typeof loader>();
  const again = (query: string) => `/staff/companies?${new URLSearchParams({ ...(status ? { status } : {}), ...(query ? { q: query } : {}) })}`;
  return (
    <section>
      <h1>{t("companies.title")}</h1>
      <p className="lead">{t("companies.staff.lead")}</p>
      <Form method="get" className="filters" role="search">
        <Field name="q" type="search" label={t("listSearch.companies.label")} hint={t("listSearch.companies.hint")} defaultValue={q} />
        <Select
          name="status"
          label={t("companies.staff.status")}
          placeholder={t("companies.staff.all")}
          options={COMPANY_STATUSES.map((s) => ({ value: s, label: t(`companies.label.${s}`) }))}
          defaultValue={status}
        />
        <SubmitButton>{t("companies.staff.show")}</SubmitButton>
      </Form>
      {searched ? (
        <p role="status">
          {found > 0 ? t("listSearch.companies.found", { n: found }) : t("listSearch.companies.none", { q })}{" "}
          <Link to={again("")}>{t("listSearch.showAll")}</Link>
        </p>
      ) : null}
      <SearchNotes suggestion={suggestion} suggestionHref={suggestionHref} />
      {/* stacked: on a phone each row is a card, so its status stays on screen (docs/decisions/032-phone-navigation-and-tables.md) */}
      <ListTable
        rows={companies}
        empty={searched ? undefined : t("companies.staff.none")}
        columns={[
          {
            header: t("companies.staff.company"),
            cell: (c) => (
              <>
                <Link to={`/staff/companies/${c.id}`}>
                  <MarkedText segments={c.name} />
                </Link>
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
