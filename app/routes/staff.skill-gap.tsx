// /staff/skill-gap — skills most required by open vacancies that the graduates of a school,
// a cohort or the whole cluster lack, with the modules that teach them (docs/product.md §5): input
// for the 12-module programme. Staff only (the layout checks, and so does this loader).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/guards.server";
import { cohortsOffered, schoolsOffered, schoolWithin } from "~/domain/outcomes/scope";
import { schoolIdsOf } from "~/domain/staff/scope";
import { Select, SubmitButton } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { getConnection, getDb } from "~/db.server";
import { cohortOptions } from "~/i18n/cohort-label";
import { formatNumber } from "~/i18n/format";
import { serverT } from "~/i18n/catalog.server";
import { langOf } from "~/i18n/negotiate";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { SkillGapParams } from "~/domain/matching/queries";
import { skillGap } from "~/models/matching.server";
import { listCohorts, listSchools } from "~/models/reference.server";
import { titleMeta } from "~/utils/meta";
import { sortOptions } from "~/domain/search/name-order";
import { compareKyrgyz } from "~/domain/search/kyrgyz-order";

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const db = getDb();
  const lang = langOf(request);
  const t = serverT(lang);
  const asked = SkillGapParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  // The scope's graduates only (docs/decisions/063-staff-scope.md "Outcome pages"): another school in the address is dropped.
  const query = { ...asked, school: schoolWithin(scope, asked.school ?? null) ?? undefined };
  const [gap, schools, cohorts] = await Promise.all([skillGap(getConnection(), { ...query, within: schoolIdsOf(scope) }), listSchools(db), listCohorts(db)]);
  return {
    query,
    gap,
    // In the Kyrgyz alphabet (docs/decisions/046-small-list-search-and-kyrgyz-order.md).
    schools: sortOptions(schoolsOffered(scope, schools).map((s) => ({ value: s.id, label: pick(s, "name", lang) }))),
    // A cohort belongs to a school: with a school chosen, only its cohorts are offered. A school
    // may graduate two cohorts in one year, so the label carries the full graduation date.
    cohorts: cohortOptions(t, lang, cohortsOffered(scope, cohorts, query.school ?? null)).sort((a, b) => compareKyrgyz(a.label, b.label)),
  };
}

export const meta = titleMeta("match.gap.title", { private: true });

export default function SkillGapPage() {
  const { t, lang } = useT();
  const { query, gap, schools, cohorts } = useLoaderData<typeof loader>();
  const csvSearch = new URLSearchParams([
    ...(query.school ? [["school", String(query.school)]] : []),
    ...(query.cohort ? [["cohort", String(query.cohort)]] : []),
  ]).toString();
  const share = (n: number) => (gap.graduates ? `${Math.round((100 * n) / gap.graduates)}\u00a0%` : "—");
  return (
    <section>
      <h1>{t("match.gap.title")}</h1>
      <p className="lead">{t("match.gap.lead")}</p>
      <Form key={JSON.stringify(query)} method="get" className="filters card">
        <Select name="school" label={t("match.gap.school")} placeholder={t("match.gap.allSchools")} options={schools} defaultValue={query.school} />
        <Select name="cohort" label={t("match.gap.cohort")} placeholder={t("match.gap.allCohorts")} options={cohorts} defaultValue={query.cohort} />
        <SubmitButton>{t("match.gap.submit")}</SubmitButton>
      </Form>
      <p role="status">{t("match.gap.summary", { graduates: formatNumber(lang, gap.graduates), vacancies: formatNumber(lang, gap.vacancies) })}</p>
      {gap.rows.length > 0 ? (
        <p>
          <a href={`/staff/skill-gap.csv?${csvSearch}`} download>
            {t("skillGapCsv.download")}
          </a>
        </p>
      ) : null}
      {gap.rows.length === 0 ? (
        <p className="card">{t("match.gap.empty")}</p>
      ) : (
        <ListTable
          rows={gap.rows.map((row) => ({ ...row, id: row.skill.id }))}
          stacked={false}
          tableClass="gap-table"
          caption={t("match.gap.caption")}
          columns={[
            {
              header: t("match.gap.skill"),
              rowHeader: true,
              cell: (row) => <Link to={`/graduates?skill=${encodeURIComponent(row.skill.name_en)}`}>{pick(row.skill, "name", lang)}</Link>,
            },
            { header: t("match.gap.requiredBy"), className: "num", headerClassName: "num", cell: (row) => formatNumber(lang, row.requiredBy) },
            { header: t("match.gap.niceIn"), className: "num", headerClassName: "num", cell: (row) => formatNumber(lang, row.niceIn) },
            {
              header: t("match.gap.holders"),
              className: "num",
              headerClassName: "num",
              cell: (row) => (
                <>
                  {formatNumber(lang, row.holders)} ({share(row.holders)})
                </>
              ),
            },
            {
              header: t("match.gap.lacking"),
              className: "num",
              headerClassName: "num",
              cell: (row) => (
                <>
                  {formatNumber(lang, row.lacking)} ({share(row.lacking)})
                </>
              ),
            },
            {
              header: t("match.gap.modules"),
              cell: (row) =>
                row.modules.length ? (
                  row.modules.map((m) => (
                    <span key={m.number} className="pill" title={pick(m, "title", lang)}>
                      {t("match.gap.moduleN", { n: m.number })}
                    </span>
                  ))
                ) : (
                  <span className="muted small">{t("match.gap.noModule")}</span>
                ),
            },
          ]}
        />
      )}
    </section>
  );
}
