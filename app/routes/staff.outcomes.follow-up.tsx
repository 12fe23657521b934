// Staff follow-up (docs/product.md §6): graduates whose checkpoint is due or overdue with no known
// outcome, filtered by school and cohort (in the URL), with one-time survey links.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { publicOrigin } from "~/config.server";
import { requireStaff } from "~/auth/guards.server";
import { cohortsOffered, schoolsOffered, schoolWithin } from "~/domain/outcomes/scope";
import { schoolIdsOf } from "~/domain/staff/scope";
import { FormErrorSummary, Notice, Select, SubmitButton } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { CHECKPOINTS } from "~/domain/outcomes/codes";
import { cohortLabel, cohortOptions } from "~/i18n/cohort-label";
import { formatDate, formatNumber } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { followUpQueryFrom } from "~/domain/outcomes/follow-up-query";
import { createSurveyLinkForStaff, listFollowUps } from "~/models/outcomes.server";
import { listCohorts, listSchools } from "~/models/reference.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { positiveId } from "~/utils/fields";
import { badRequest, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const SurveyLinkSchema = z.object({ intent: z.literal("survey"), graduateId: positiveId, checkpoint: z.enum(CHECKPOINTS, "errors.invalid") });

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const db = getDb();
  const asked = followUpQueryFrom(new URL(request.url));
  // The scope's due graduates only (docs/decisions/063-staff-scope.md "Outcome pages"): another school in the address is dropped.
  const query = { ...asked, schoolId: schoolWithin(scope, asked.schoolId) };
  const [schools, cohorts, found] = await Promise.all([listSchools(db), listCohorts(db), listFollowUps(db, { ...query, within: schoolIdsOf(scope) })]);
  return { query, schools: schoolsOffered(scope, schools), cohorts: cohortsOffered(scope, cohorts, query.schoolId), ...found, page: found.page ?? 1 };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, scope } = await requireStaff(request);
  const form = await readForm(request);
  if (form.get("intent") !== "survey") badRequest();
  const parsed = parseForm(SurveyLinkSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const result = await createSurveyLinkForStaff(getDb(), parsed.data.graduateId, parsed.data.checkpoint, user.id, schoolIdsOf(scope));
  if (!result.ok) {
    if (result.reason === "not-found") notFound();
    return invalid({ _form: "outcomes.errors.consentWithdrawn" }, form);
  }
  const url = `${publicOrigin()}/survey/${result.token}`;
  return data({ ok: true as const, created: { name: result.name, checkpoint: parsed.data.checkpoint, url, expiresAt: result.expiresAt } });
}

export const meta = titleMeta("outcomes.followUp.title", { private: true });

export default function FollowUpPage() {
  const { t, lang } = useT();
  const { query, schools, cohorts, rows, total, pages, page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const created = result && "created" in result ? result.created : null;
  const errors = result && "errors" in result ? result.errors : {};
  const csvSearch = new URLSearchParams([
    ...(query.schoolId ? [["school", String(query.schoolId)]] : []),
    ...(query.cohortId ? [["cohort", String(query.cohortId)]] : []),
  ]).toString();
  return (
    <section>
      <h1>{t("outcomes.followUp.title")}</h1>
      <p className="lead">{t("outcomes.followUp.lead")}</p>
      {created ? (
        <Notice kind="ok">
          <p>
            {t("outcomes.followUp.linkCreated", {
              name: created.name,
              checkpoint: t(`outcomes.checkpoint.${created.checkpoint}`),
              date: formatDate(lang, created.expiresAt),
            })}
          </p>
          <p>
            <span className="survey-link">{created.url}</span>
          </p>
        </Notice>
      ) : null}
      <FormErrorSummary errors={errors} />
      <Form method="get" className="filters">
        <Select
          name="school"
          label={t("outcomes.followUp.school")}
          placeholder={t("outcomes.followUp.allSchools")}
          options={schools.map((s) => ({ value: s.id, label: pick(s, "name", lang) }))}
          defaultValue={query.schoolId}
        />
        <Select
          name="cohort"
          label={t("outcomes.followUp.cohort")}
          placeholder={t("outcomes.followUp.allCohorts")}
          options={cohortOptions(t, lang, cohorts)}
          defaultValue={query.cohortId}
        />
        <SubmitButton>{t("outcomes.followUp.show")}</SubmitButton>
      </Form>
      <h2>{t("outcomes.followUp.found", { n: formatNumber(lang, total) })}</h2>
      {total > 0 ? (
        <p>
          <a href={`/staff/outcomes/follow-up.csv?${csvSearch}`} download>
            {t("followUpCsv.download")}
          </a>
          {" · "}
          {/* A survey campaign to this list (docs/decisions/055-survey-campaigns.md): the next page counts and confirms. */}
          <Link to={`/staff/outcomes/campaigns/new?${csvSearch}`}>{t("campaigns.start")}</Link>
        </p>
      ) : null}
      <p>
        <Link to="/staff/outcomes/campaigns">{t("campaigns.nav")}</Link>
      </p>
      <ListTable
        rows={rows}
        empty={t("outcomes.followUp.empty")}
        tableClass="follow-up-table"
        page={page}
        pages={pages}
        columns={[
          {
            header: t("outcomes.followUp.graduate"),
            cell: (r) => (
              <>
                <Link to={`/staff/outcomes/graduates/${r.id}`}>
                  {r.first_name} {r.last_name}
                </Link>
                <br />
                <span className="small">{cohortLabel(t, lang, r, r.graduation_date)}</span>
                {r.contact_phone || r.contact_telegram ? (
                  <>
                    <br />
                    <span className="small muted">{[r.contact_phone, r.contact_telegram].filter(Boolean).join(" · ")}</span>
                  </>
                ) : null}
              </>
            ),
          },
          {
            header: t("outcomes.followUp.checkpoint"),
            cell: (r) => (
              <>
                {t("outcomes.checkpointOn", { checkpoint: t(`outcomes.checkpoint.${r.checkpoint}`), date: formatDate(lang, r.checkpoint_date) })}
                <br />
                <span className={`pill ${r.state === "overdue" ? "pill--error" : "pill--warn"}`}>
                  {t(r.state === "overdue" ? "outcomes.followUp.overdue" : "outcomes.followUp.due")}
                </span>
                {r.current_code === "unknown" ? <span className="small muted"> {t("outcomes.followUp.currentUnknown")}</span> : null}
              </>
            ),
          },
          {
            header: t("outcomes.followUp.actions"),
            cell: (r) => (
              <div className="actions">
                <Form method="post" className="row-form">
                  <input type="hidden" name="intent" value="survey" />
                  <input type="hidden" name="graduateId" value={r.id} />
                  <input type="hidden" name="checkpoint" value={r.checkpoint} />
                  <SubmitButton>{t("outcomes.followUp.makeLink")}</SubmitButton>
                </Form>
                <Link to={`/staff/outcomes/graduates/${r.id}?checkpoint=${r.checkpoint}#record`} className="small">
                  {t("outcomes.followUp.record")}
                </Link>
              </div>
            ),
          },
        ]}
      />
    </section>
  );
}
