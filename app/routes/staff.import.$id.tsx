// /staff/import/:id: the dry-run report of a staged CSV file, line by line, with the button
// that imports it; once imported, the graduates created with their codes and join links.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { cohortLabel } from "~/i18n/cohort-label";
import { pageParam } from "~/utils/params";
import { publicOrigin } from "~/config.server";
import { requireStaff } from "~/auth/guards.server";
import { schoolIdsOf } from "~/domain/staff/scope";
import { FormErrorSummary, Notice, useFormFailure } from "~/components/form";
import { InvitationStatus } from "~/components/invitation-status";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { checkCsvText, type LineStatus } from "~/domain/csv";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { invitationState } from "~/domain/invitations";
import { pageOf } from "~/domain/paging";
import { confirmImport, findImport, graduatesWithInvitations, importAudit, planAgainstDatabase } from "~/models/csv-import.server";
import { importInScope } from "~/models/staff-scope-records.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import type { FieldErrors } from "~/utils/form-types";
import { readForm } from "~/utils/forms.server";
import { badRequest, idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

/** Lines per page: a 10,000-line file stays a light page. */
export const REPORT_PAGE_SIZE = 200;

const SHOW = ["all", "accepted", "rejected", "duplicate"] as const;
type Show = (typeof SHOW)[number];

const ReportQuery = z.object({
  page: pageParam,
  show: z.enum(SHOW).catch("all"),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const id = idParam(params.id);
  const db = getDb();
  // An import into another school's cohort is a 404 (docs/decisions/063-staff-scope.md).
  if (!(await importInScope(db, id, schoolIdsOf(scope)))) notFound();
  const row = await findImport(db, id);
  if (!row) notFound();
  const url = new URL(request.url);
  const query = ReportQuery.parse(Object.fromEntries(url.searchParams));
  const base = {
    id,
    fileName: row.file_name,
    cohortId: row.cohort_id,
    cohort: { name_ky: row.name_ky, name_ru: row.name_ru, name_en: row.name_en, graduation_date: row.graduation_date },
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    joinUrl: `${publicOrigin()}/join`,
  };

  if (row.status === "imported") {
    const audit = await importAudit(db, id);
    const { items, page, pages } = pageOf(audit?.graduateIds ?? [], query.page, REPORT_PAGE_SIZE);
    const now = new Date().toISOString();
    const graduates = (await graduatesWithInvitations(db, { ids: items })).map((g) => ({
      id: g.id,
      name: `${g.last_name} ${g.first_name}`,
      code: g.code,
      link: g.code ? `${publicOrigin()}/join?code=${encodeURIComponent(g.code)}` : null,
      state: invitationState(g, now),
    }));
    return {
      ...base,
      state: "imported" as const,
      summary: {
        total: audit?.total ?? row.rows_total,
        accepted: audit?.accepted ?? row.rows_accepted,
        rejected: audit?.rejected ?? 0,
        duplicates: audit?.duplicates ?? 0,
      },
      importedBy: audit?.actorName ?? null,
      importedAt: audit?.at ?? row.updated_at,
      graduates,
      page,
      pages,
    };
  }

  const checked = checkCsvText(row.content);
  if (!checked.ok) return { ...base, state: "unreadable" as const, problem: checked.problem };
  // Planned against the data as it is now: what a confirmation would do at this moment.
  const plan = await planAgainstDatabase(db, row.cohort_id, checked.file);
  const shown = query.show === "all" ? plan.lines : plan.lines.filter((l) => l.status === query.show);
  const { items, page, pages } = pageOf(shown, query.page, REPORT_PAGE_SIZE);
  return {
    ...base,
    state: "checked" as const,
    summary: plan.summary,
    delimiter: checked.file.delimiter,
    ignored: checked.file.columns.ignored,
    show: query.show,
    lines: items.map((l) => ({ line: l.line, ...l.values, status: l.status, reasons: l.reasons })),
    page,
    pages,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireStaff(request);
  const id = idParam(params.id);
  const form = await readForm(request);
  if (form.get("intent") !== "confirm") badRequest();
  const db = getDb();
  if (!(await importInScope(db, id, schoolIdsOf(scope)))) notFound();
  const outcome = await confirmImport(db, id, user.id);
  if (!outcome.ok) {
    const errors: FieldErrors = { _form: outcome.problem };
    return data(
      { ok: false as const, errors, values: {} as Record<string, string> },
      { status: outcome.problem === "import.error.alreadyImported" ? 409 : 400 },
    );
  }
  return redirect(`/staff/import/${id}`, { headers: cookieHeaders(setFlash("flash.csvImported")) });
}

export const meta = titleMeta("import.title", { private: true });

const STATUS_PILL: Record<LineStatus, string> = { accepted: "pill pill--ok", rejected: "pill pill--error", duplicate: "pill pill--warn" };

function ShowLinks({ current, summary }: { current: Show; summary: { total: number; accepted: number; rejected: number; duplicates: number } }) {
  const { t, lang } = useT();
  const location = useLocation();
  const items: { show: Show; label: string }[] = [
    { show: "all", label: `${t("import.report.showAll")} (${formatNumber(lang, summary.total)})` },
    { show: "accepted", label: t("import.report.accepted", { count: formatNumber(lang, summary.accepted) }) },
    { show: "rejected", label: t("import.report.rejected", { count: formatNumber(lang, summary.rejected) }) },
    { show: "duplicate", label: t("import.report.duplicates", { count: formatNumber(lang, summary.duplicates) }) },
  ];
  return (
    <nav className="filter-links" aria-label={t("import.report.show")}>
      {items.map((i) => (
        <Link
          key={i.show}
          to={i.show === "all" ? location.pathname : `${location.pathname}?show=${i.show}`}
          aria-current={i.show === current ? "page" : undefined}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}

export default function ImportReportPage() {
  const { t, lang } = useT();
  const report = useLoaderData<typeof loader>();
  const { errors } = useFormFailure();
  const navigation = useNavigation();
  const cohortName = cohortLabel(t, lang, report.cohort, report.cohort.graduation_date);
  const printLink = `/staff/cohorts/${report.cohortId}/invitations`;

  if (report.state === "imported") {
    return (
      <section>
        <h1>{t("import.done.title", { count: formatNumber(lang, report.summary.accepted) })}</h1>
        <FormErrorSummary errors={errors} />
        <p>
          {t("import.report.cohort", { cohort: cohortName })} · {report.fileName}
        </p>
        {report.importedBy ? (
          <p className="muted small">{t("import.done.meta", { name: report.importedBy, date: formatDateTime(lang, report.importedAt) })}</p>
        ) : null}
        <ul className="import-summary">
          <li>
            <span className="pill">{t("import.report.total", { count: formatNumber(lang, report.summary.total) })}</span>
          </li>
          <li>
            <span className="pill pill--ok">{t("import.report.accepted", { count: formatNumber(lang, report.summary.accepted) })}</span>
          </li>
          <li>
            <span className="pill pill--error">{t("import.report.rejected", { count: formatNumber(lang, report.summary.rejected) })}</span>
          </li>
          <li>
            <span className="pill pill--warn">{t("import.report.duplicates", { count: formatNumber(lang, report.summary.duplicates) })}</span>
          </li>
        </ul>
        <Notice kind="info">
          <p>{t("import.done.lead", { url: report.joinUrl })}</p>
        </Notice>
        <p className="actions">
          <Link to={printLink} className="button button--secondary">
            {t("import.done.print")}
          </Link>
          <Link to="/staff/import">{t("import.report.again")}</Link>
        </p>
        {/* stacked: on a phone each row is a card, so its status stays on screen (docs/decisions/032-phone-navigation-and-tables.md) */}
        <ListTable
          rows={report.graduates}
          page={report.page}
          pages={report.pages}
          columns={[
            { header: t("import.col.name"), cell: (g) => g.name },
            { header: t("import.col.code"), cell: (g) => (g.code ? <span className="code">{g.code}</span> : t("import.print.noCode")) },
            { header: t("import.col.link"), cell: (g) => (g.link ? <span className="invite-link">{g.link}</span> : null) },
            { header: t("staff.invite.status"), cell: (g) => <InvitationStatus state={g.state} /> },
          ]}
        />
      </section>
    );
  }

  if (report.state === "unreadable") {
    return (
      <section>
        <h1>{t("import.report.title", { file: report.fileName })}</h1>
        <Notice kind="error">
          <p>{t(report.problem.key, report.problem.vars)}</p>
        </Notice>
        <p>
          <Link to="/staff/import">{t("import.report.again")}</Link>
        </p>
      </section>
    );
  }

  const submitting = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  return (
    <section>
      <h1>{t("import.report.title", { file: report.fileName })}</h1>
      <FormErrorSummary errors={errors} />
      <p>{t("import.report.cohort", { cohort: cohortName })}</p>
      <p className="muted small">
        {t("import.report.meta", {
          name: report.createdByName,
          date: formatDateTime(lang, report.createdAt),
          delimiter: report.delimiter === ";" ? `“;” (${t("import.report.semicolon")})` : `“,” (${t("import.report.comma")})`,
        })}
      </p>
      {report.ignored.length > 0 ? <p className="muted small">{t("import.report.ignored", { columns: report.ignored.join(", ") })}</p> : null}
      <Notice kind="info">
        <p>{t("import.report.dryRun")}</p>
      </Notice>
      {report.summary.accepted > 0 ? (
        <Form method="post" className="stack card">
          <input type="hidden" name="intent" value="confirm" />
          <p>{t("import.report.confirmHint")}</p>
          <button type="submit" className="button" disabled={submitting}>
            {t("import.report.confirm", { count: formatNumber(lang, report.summary.accepted) })}
          </button>
        </Form>
      ) : (
        <Notice kind="error">
          <p>{t("import.report.nothing")}</p>
        </Notice>
      )}
      <p>
        <Link to="/staff/import">{t("import.report.again")}</Link>
      </p>

      <h2>{t("import.report.lines")}</h2>
      <ShowLinks current={report.show} summary={report.summary} />
      {/* stacked: on a phone each row is a card, so its status and reason stays on screen (docs/decisions/032-phone-navigation-and-tables.md) */}
      <ListTable
        rows={report.lines.map((l) => ({ ...l, id: l.line }))}
        empty={t("import.report.noLines")}
        tableClass="import-lines"
        page={report.page}
        pages={report.pages}
        columns={[
          { header: t("import.col.line"), cell: (l) => l.line },
          {
            header: t("import.col.name"),
            cell: (l) => (
              <>
                {l.lastName} {l.firstName}
              </>
            ),
          },
          {
            header: t("import.col.contact"),
            cell: (l) => (
              <>
                {l.email ?? ""}
                {l.email && l.phone ? <br /> : null}
                {l.phone ?? ""}
              </>
            ),
          },
          { header: t("import.col.status"), cell: (l) => <span className={STATUS_PILL[l.status]}>{t(`import.line.${l.status}`)}</span> },
          { header: t("import.col.reason"), cell: (l) => l.reasons.map((r) => t(r.key, r.vars)).join(" ") },
        ]}
      />
    </section>
  );
}
