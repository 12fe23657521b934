// The graduates behind one dashboard figure (docs/product.md §6: every staff figure opens to them): the same
// selection as the dashboard plus a group of its breakdown and a measure, by name, paginated.
// Staff only: it lists names. The list as CSV is /staff/outcomes/graduates.csv (audited).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/guards.server";
import { groupLabelText } from "~/components/outcome-figures";
import { ListTable } from "~/components/list-table";
import { getConnection, getDb } from "~/db.server";
import { dashboardSearch, drillQueryFrom, isCodeMeasure, measureCode } from "~/domain/outcomes/dashboard";
import { chosenWithin, schoolsToRead } from "~/domain/outcomes/scope";
import { formatDate, formatKgs, formatNumber } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { drillDown, drillGroupLabel } from "~/models/outcome-dashboard.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const asked = drillQueryFrom(new URL(request.url));
  // The scope's graduates only (docs/decisions/063-staff-scope.md "Outcome pages"): another school in the address is dropped.
  const query = { ...asked, school: chosenWithin(scope, asked.school) };
  const [found, label] = await Promise.all([
    drillDown(getConnection(), { ...query, school: schoolsToRead(scope, query.school) }, query.page),
    drillGroupLabel(getDb(), query.by, query.group),
  ]);
  return { query, label, ...found };
}

export const meta = titleMeta("outcomes.drill.title", { private: true });

export default function OutcomeDrillDown() {
  const { t, lang } = useT();
  const { query, label, rows, total, pages, page } = useLoaderData<typeof loader>();
  const measure = isCodeMeasure(query.measure) ? t(`outcomes.code.${measureCode(query.measure)}`) : t(`outcomes.measure.${query.measure}`);
  const search = dashboardSearch(query, { group: query.group, measure: query.measure });
  return (
    <section>
      <p className="small">
        <Link to={`/staff/outcomes?${dashboardSearch(query)}#table`}>← {t("outcomes.drill.back")}</Link>
      </p>
      <h1>{t("outcomes.drill.title")}</h1>
      <p className="lead">
        {t("outcomes.drill.about", { measure, group: groupLabelText(query.by, label, t, lang), checkpoint: t(`outcomes.checkpoint.${query.checkpoint}`) })}
      </p>
      <h2>{t("outcomes.drill.found", { n: formatNumber(lang, total) })}</h2>
      {rows.length > 0 ? (
        <p>
          <a href={`/staff/outcomes/graduates.csv?${search}`} download>
            {t("outcomes.drill.csv")}
          </a>
        </p>
      ) : null}
      <ListTable
        rows={rows}
        empty={t("outcomes.drill.empty")}
        tableClass="drill-table"
        page={page}
        pages={pages}
        columns={[
          {
            header: t("outcomes.drill.name"),
            cell: (r) => (
              <>
                <Link to={`/staff/outcomes/graduates/${r.id}?checkpoint=${query.checkpoint}`}>
                  {r.last_name} {r.first_name}
                </Link>
                {r.anonymised ? <span className="pill">{t("outcomes.drill.anonymised")}</span> : null}
              </>
            ),
          },
          { header: t("outcomes.drill.school"), cell: (r) => pick(r.school, "name", lang) },
          { header: t("outcomes.drill.cohort"), cell: (r) => formatDate(lang, r.graduation_date) },
          { header: t("outcomes.drill.outcome"), cell: (r) => t(`outcomes.code.${r.code}`) },
          {
            header: t("outcomes.drill.employer"),
            cell: (r) => (
              <>
                {r.employer ?? "—"}
                {r.htp ? <span className="pill pill--ok">{t("outcomes.graduate.htp")}</span> : null}
                {r.job_title ? (
                  <>
                    <br />
                    <span className="small muted">{r.job_title}</span>
                  </>
                ) : null}
              </>
            ),
          },
          { header: t("outcomes.drill.start"), cell: (r) => (r.start_date ? formatDate(lang, r.start_date) : "—") },
          {
            header: t("outcomes.drill.pay"),
            cell: (r) => (
              <>
                {r.monthly_pay !== null ? formatKgs(lang, r.monthly_pay) : "—"}
                {r.hours !== null ? (
                  <>
                    <br />
                    <span className="small muted">{t("outcomes.graduate.hours", { hours: r.hours })}</span>
                  </>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
