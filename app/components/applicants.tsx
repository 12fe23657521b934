// The employer's applicants list (docs/product.md §15), shared by /employer/applicants and
// /employer/vacancies/:id/applicants: the filters and sort (a GET form, kept in the URL), the rows as a
// table that stacks into cards on a phone, each with its match score and one-line reason, and the bulk
// form around them (checkboxes in one POST form: move, reject with a reason, or invite to interview —
// works with JavaScript off). The undo of a recent bulk action is offered above the list.
import type { ApplicationStatus } from "@db/schema";
import { Form, Link } from "@remix-run/react";
import { BULK_MOVE_TARGETS } from "~/domain/applications/bulk";
import { APPLICATION_STATUSES } from "~/domain/applications/pipeline";
import type { SkillNames } from "~/domain/matching/json";
import type { Explanation } from "~/domain/matching/score";
import { formatDate, formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/form-types";
import { StatusPill } from "./application";
import { Checkbox } from "./checkbox";
import { Field, FormErrorSummary, Select, SubmitButton } from "./form";
import { ListTable } from "./list-table";
import { MatchReason, ScoreBadge } from "./match-explanation";

export type ApplicantRow = {
  id: number;
  status: ApplicationStatus;
  applied_at: string;
  vacancy_title: string;
  first_name: string;
  last_name: string;
  headline: string | null;
  city: string | null;
  score: number | null;
  explanation: Explanation | null;
  /** The team's notes and the average of its ratings (docs/decisions/060-notes-and-conversations.md). */
  notes: number;
  averageRating: number | null;
};

export type ApplicantsFilterQuery = {
  q: string;
  status: ApplicationStatus | null;
  vacancyId: number | null;
  minScore: number | null;
  schoolId: number | null;
  regionId: number | null;
  meets: boolean;
  from: string | null;
  to: string | null;
  sort: "date" | "score";
};

type Option = { value: number; label: string };

export function ApplicantsFilters({
  action,
  query,
  vacancies,
  schools,
  regions,
}: {
  action: string;
  query: ApplicantsFilterQuery;
  vacancies?: { id: number; title: string }[];
  schools: Option[];
  regions: Option[];
}) {
  const { t } = useT();
  const statusOptions = APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`applications.status.${s}`) }));
  return (
    <Form key={JSON.stringify(query)} method="get" action={action} className="stack" role="search" aria-label={t("applications.filters")}>
      <div className="filters">
        <Field name="q" type="search" label={t("applications.search")} defaultValue={query.q} />
        <Select
          name="status"
          label={t("applications.status")}
          placeholder={t("applications.allStatuses")}
          options={statusOptions}
          defaultValue={query.status}
        />
        {vacancies ? (
          <Select
            name="vacancy"
            label={t("applications.vacancy")}
            placeholder={t("applications.allVacancies")}
            options={vacancies.map((v) => ({ value: v.id, label: v.title }))}
            defaultValue={query.vacancyId}
          />
        ) : null}
        <Field
          name="score"
          type="number"
          inputMode="numeric"
          label={t("applicants.filter.minScore")}
          optional
          defaultValue={query.minScore === null ? "" : String(query.minScore)}
        />
        <Select
          name="school"
          label={t("applicants.filter.school")}
          placeholder={t("applicants.filter.anySchool")}
          options={schools}
          defaultValue={query.schoolId}
        />
        <Select
          name="region"
          label={t("applicants.filter.region")}
          placeholder={t("applicants.filter.anyRegion")}
          options={regions}
          defaultValue={query.regionId}
        />
        <Field name="from" type="date" label={t("applicants.filter.from")} optional defaultValue={query.from} />
        <Field name="to" type="date" label={t("applicants.filter.to")} optional defaultValue={query.to} />
        <Select
          name="sort"
          label={t("applicants.sort")}
          options={[
            { value: "date", label: t("applicants.sort.date") },
            { value: "score", label: t("applicants.sort.score") },
          ]}
          defaultValue={query.sort}
        />
      </div>
      <Checkbox name="meets" checked={query.meets}>
        {t("applicants.filter.meets")}
      </Checkbox>
      <div className="actions">
        <SubmitButton>{t("applications.show")}</SubmitButton>
        <Link to={action}>{t("applications.reset")}</Link>
      </div>
    </Form>
  );
}

export type UndoableAction = { id: number; to_status: ApplicationStatus; undo_until: string; count: number };

/** "Rejected 12 applications · Undo (until 10:42)": the company's bulk actions that can still be taken back. */
export function UndoBanner({ actions }: { actions: UndoableAction[] }) {
  const { t, lang } = useT();
  if (!actions.length) return null;
  return (
    <section className="notice stack" aria-label={t("applicants.undo.title")}>
      {actions.map((a) => (
        <Form key={a.id} method="post" action={`/employer/bulk-actions/${a.id}`} className="actions">
          <input type="hidden" name="intent" value="undo" />
          <span>
            <Link to={`/employer/bulk-actions/${a.id}`}>
              {t("applicants.undo.line", { n: formatNumber(lang, a.count), status: t(`applications.status.${a.to_status}`) })}
            </Link>{" "}
            <span className="small muted">{t("applicants.undo.until", { time: formatDateTime(lang, a.undo_until) })}</span>
          </span>
          <SubmitButton>{t("applicants.undo.submit")}</SubmitButton>
        </Form>
      ))}
    </section>
  );
}

export type TemplateOption = { id: number; text_ky: string; text_ru: string; text_en: string };

/**
 * The rows in one POST form: a checkbox per row (and the stage it shows, so a colleague's move since
 * is a conflict), then the bulk controls. "Invite to interview" sends the checked ids to the interview
 * page as a GET (its form proposes the slots).
 */
export function ApplicantsBulkForm({
  action,
  rows,
  total,
  page,
  pages,
  showVacancy,
  skills,
  templates,
  errors,
  checked,
  values,
  skipped,
}: {
  action: string;
  rows: ApplicantRow[];
  total: number;
  page: number;
  pages: number;
  showVacancy: boolean;
  skills: SkillNames;
  templates: TemplateOption[];
  errors: FieldErrors;
  checked: readonly string[];
  values: Record<string, string>;
  /** When none of the checked rows could move: each one's reason. */
  skipped: readonly { applicationId: number; reason: string; status: ApplicationStatus }[];
}) {
  const { t, lang } = useT();
  const short = (s: string) => (s.length > 90 ? `${s.slice(0, 88)}…` : s);
  return (
    <Form method="post" action={action} className="stack" noValidate>
      <p role="status">{t("applications.found", { n: formatNumber(lang, total) })}</p>
      <FormErrorSummary errors={errors} />
      {skipped.length ? <SkippedList skipped={skipped} names={rows} /> : null}
      <ListTable
        rows={rows}
        empty={t("applications.empty")}
        tableClass="applicants-table"
        page={page}
        pages={pages}
        rowAttributes={(r) => ({ "data-application": r.id })}
        columns={[
          {
            header: t("applicants.select"),
            cell: (r) => (
              <>
                <label className="checkbox">
                  <input type="checkbox" name="application" value={r.id} defaultChecked={checked.includes(String(r.id))} />
                  <span className="visually-hidden">
                    {r.first_name} {r.last_name}
                  </span>
                </label>
                <input type="hidden" name={`seen:${r.id}`} value={r.status} />
              </>
            ),
          },
          {
            header: t("applications.candidate"),
            cell: (r) => (
              <>
                <Link to={`/employer/applications/${r.id}`}>
                  {r.first_name} {r.last_name}
                </Link>
                {r.headline ? (
                  <>
                    <br />
                    <span className="small muted">{r.headline}</span>
                  </>
                ) : null}
              </>
            ),
          },
          { header: t("applications.vacancy"), shown: showVacancy, cell: (r) => r.vacancy_title },
          { header: t("applications.status"), cell: (r) => <StatusPill status={r.status} /> },
          { header: t("applicants.appliedAt"), cell: (r) => <time dateTime={r.applied_at}>{formatDate(lang, r.applied_at)}</time> },
          {
            header: t("applicants.match"),
            cell: (r) =>
              r.explanation && r.score !== null ? (
                <>
                  <ScoreBadge score={r.score} />
                  <br />
                  <span className="small">
                    <MatchReason explanation={r.explanation} skills={skills} city={r.city} />
                  </span>
                </>
              ) : (
                <span className="muted">—</span>
              ),
          },
          {
            header: t("teamNotes.title"),
            cell: (r) =>
              r.notes || r.averageRating !== null ? (
                <span className="small">
                  {r.averageRating !== null ? <>★ {formatNumber(lang, Math.round(r.averageRating * 10) / 10)} </> : null}
                  {r.notes ? t("applicants.notes", { count: r.notes }) : null}
                </span>
              ) : (
                <span className="muted">—</span>
              ),
          },
        ]}
      />
      {rows.length ? (
        <fieldset className="card stack">
          <legend>{t("applicants.bulk.title")}</legend>
          <p className="small muted">{t("applicants.bulk.hint")}</p>
          <div className="filters">
            <Select
              name="to"
              label={t("applicants.bulk.to")}
              options={BULK_MOVE_TARGETS.map((s) => ({ value: s, label: t(`applications.status.${s}`) }))}
              defaultValue={values.to ?? BULK_MOVE_TARGETS[0]}
              error={errors.to}
            />
          </div>
          <div className="actions">
            <SubmitButton name="intent" value="move">
              {t("applicants.bulk.move")}
            </SubmitButton>
          </div>
          <div className="filters">
            <Select
              name="template"
              label={t("applicants.bulk.template")}
              placeholder={t("applicants.bulk.chooseTemplate")}
              options={templates.map((tpl) => ({ value: tpl.id, label: short(tpl[`text_${lang}`]) }))}
              defaultValue={values.template}
              error={errors.template}
            />
          </div>
          <p className="small">
            <Link to="/employer/rejection-templates">{t("applicants.templates.manage")}</Link>
          </p>
          <div className="actions">
            <SubmitButton name="intent" value="reject">
              {t("applicants.bulk.reject")}
            </SubmitButton>
            <button type="submit" className="button button--secondary" formAction="/employer/interviews/new" formMethod="get" formNoValidate>
              {t("applicants.bulk.invite")}
            </button>
          </div>
        </fieldset>
      ) : null}
    </Form>
  );
}

/** The checked applications that were left as they were, and why (the pipeline, or a colleague's move since). */
export function SkippedList({
  skipped,
  names,
}: {
  skipped: readonly { applicationId: number; reason: string; status: ApplicationStatus }[];
  names: readonly { id: number; first_name: string; last_name: string }[];
}) {
  const { t } = useT();
  const nameOf = new Map(names.map((n) => [n.id, `${n.first_name} ${n.last_name}`]));
  return (
    <div className="notice notice--info">
      <p>{t("applicants.bulk.skippedTitle")}</p>
      <ul>
        {skipped.map((s) => (
          <li key={s.applicationId}>
            {nameOf.get(s.applicationId) ?? `#${s.applicationId}`}:{" "}
            {t(s.reason === "conflict" ? "applicants.bulk.skipped.conflict" : "applicants.bulk.skipped.transition", {
              status: t(`applications.status.${s.status}`),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
