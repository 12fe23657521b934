// One graduate's outcomes for staff: the history per checkpoint (never overwritten), a form to
// record or correct a checkpoint (a new record supersedes the current one), consent and
// survey links. Every write is audit-logged.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { todayInBishkek } from "~/domain/calendar";
import { publicOrigin } from "~/config.server";
import { requireStaff } from "~/auth/guards.server";
import { schoolIdsOf } from "~/domain/staff/scope";
import { Field, FormErrorSummary, Notice, Select, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { CHECKPOINTS, EMPLOYMENT_KINDS, OUTCOME_CODES, type Checkpoint } from "~/domain/outcomes/codes";
import { StaffOutcomeSchema } from "~/domain/outcomes/forms";
import { RELATEDNESS } from "~/domain/outcomes/records";
import { formatDate, formatKgs } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { historyByCheckpoint } from "~/domain/outcomes/history";
import {
  consentHistory,
  createSurveyLinkForStaff,
  graduateForOutcomes,
  listSurveyLinks,
  outcomeHistory,
  recordOutcomeByStaff,
  type OutcomeHistoryRow,
} from "~/models/outcomes.server";
import { listRegions } from "~/models/reference.server";
import { companyChoices } from "~/models/employer-links.server";
import { CompanyDatalist } from "~/components/company-datalist";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { badRequest, idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";
import { sortOptions } from "~/domain/search/name-order";

const SurveyLinkSchema = z.object({ intent: z.literal("survey"), checkpoint: z.enum(CHECKPOINTS, "errors.invalid") });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const db = getDb();
  // Another school's graduate is not found (docs/decisions/063-staff-scope.md).
  const graduate = await graduateForOutcomes(db, idParam(params.id), schoolIdsOf(scope));
  if (!graduate || graduate.anonymised_at) notFound();
  const [history, consents, links, companies, regions] = await Promise.all([
    outcomeHistory(db, graduate.id),
    consentHistory(db, graduate.id),
    listSurveyLinks(db, graduate.id),
    companyChoices(db, { verifiedOnly: false }),
    listRegions(db),
  ]);
  const wanted = new URL(request.url).searchParams.get("checkpoint");
  return {
    graduate,
    checkpoints: historyByCheckpoint(graduate.graduation_date, history),
    consent: consents[0] ?? null,
    links,
    companies,
    regions,
    preselect: (CHECKPOINTS as readonly string[]).includes(wanted ?? "") ? (wanted as Checkpoint) : null,
    today: todayInBishkek(),
    now: new Date().toISOString(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireStaff(request);
  const db = getDb();
  const graduate = await graduateForOutcomes(db, idParam(params.id), schoolIdsOf(scope));
  if (!graduate || graduate.anonymised_at) notFound();
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "survey") {
    const parsed = parseForm(SurveyLinkSchema, form);
    if (!parsed.ok) return rejected(parsed);
    const result = await createSurveyLinkForStaff(db, graduate.id, parsed.data.checkpoint, user.id, schoolIdsOf(scope));
    if (!result.ok) return invalid({ _form: result.reason === "consent" ? "outcomes.errors.consentWithdrawn" : "errors.invalid" }, form);
    return data({
      ok: true as const,
      created: { checkpoint: parsed.data.checkpoint, url: `${publicOrigin()}/survey/${result.token}`, expiresAt: result.expiresAt },
    });
  }
  if (intent !== "record") badRequest();
  const parsed = parseForm(StaffOutcomeSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const result = await recordOutcomeByStaff(db, { ...parsed.data, graduateId: graduate.id, recordedBy: user.id });
  if (!result.ok) {
    const errors =
      result.reason === "company"
        ? ({ companyId: "outcomes.errors.company" } as const)
        : result.reason === "region"
          ? ({ regionId: "outcomes.errors.region" } as const)
          : result.reason === "after-checkpoint"
            ? ({ startDate: "outcomes.errors.startAfterCheckpoint" } as const)
            : ({ _form: "errors.invalid" } as const);
    return invalid(errors, form);
  }
  return redirect(`/staff/outcomes/graduates/${graduate.id}`, { headers: cookieHeaders(setFlash("flash.outcomeRecorded")) });
}

export const meta = titleMeta("outcomes.followUp.title", { private: true });

function RecordView({ r }: { r: OutcomeHistoryRow }) {
  const { t, lang } = useT();
  const by = r.recorded_by_name ?? t("outcomes.graduate.byNobody");
  return (
    <li className={r.current ? "is-current" : undefined}>
      <p>
        <strong>{t(`outcomes.code.${r.code}`)}</strong>{" "}
        <span className={`pill${r.current ? " pill--ok" : ""}`}>{t(r.current ? "outcomes.graduate.current" : "outcomes.graduate.superseded")}</span>
      </p>
      {r.code === "employed" ? (
        <>
          <p>
            {t("outcomes.graduate.employer", { name: r.company_name ?? r.employer_name ?? "—" })}
            {" · "}
            {t(r.company_htp_resident ? "outcomes.graduate.htp" : "outcomes.graduate.notHtp")}
          </p>
          <p>
            {r.employment_kind ? t(`outcomes.kind.${r.employment_kind}`) : null}
            {r.job_title && r.start_date ? ` · ${t("outcomes.graduate.job", { title: r.job_title, date: formatDate(lang, r.start_date) })}` : null}
            {r.started_before_graduation ? ` · ${t("outcomes.graduate.beforeGraduation")}` : null}
          </p>
          <p className="small">
            {r.hours_per_week ? t("outcomes.graduate.hours", { hours: r.hours_per_week }) : null}
            {r.monthly_pay != null ? ` · ${t("outcomes.graduate.pay", { pay: formatKgs(lang, r.monthly_pay) })}` : null}
            {r.related ? ` · ${t("outcomes.graduate.relatedIs", { value: t(`outcomes.related.${r.related}`) })}` : null}
            {r.region_en
              ? ` · ${t("outcomes.graduate.region", { region: pick({ name_ky: r.region_ky!, name_ru: r.region_ru!, name_en: r.region_en }, "name", lang) })}`
              : null}
          </p>
        </>
      ) : null}
      {r.not_seeking_reason ? <p className="small">{t("outcomes.graduate.reason", { reason: r.not_seeking_reason })}</p> : null}
      {r.excluded_reason ? <p className="small">{t("outcomes.graduate.staffOnly", { reason: r.excluded_reason })}</p> : null}
      <p className="small muted">
        {t("outcomes.graduate.asOf", { date: formatDate(lang, r.as_of) })} ·{" "}
        {t("outcomes.graduate.recorded", { source: t(`outcomes.source.${r.source}`), by, date: formatDate(lang, r.created_at) })}
      </p>
    </li>
  );
}

export default function GraduateOutcomesPage() {
  const { t, lang } = useT();
  const { graduate, checkpoints, consent, links, companies, regions, preselect, today, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const created = result && "created" in result ? result.created : null;
  const { errors, values } = useFormFailure();
  const typed = values.intent === "record";
  const v = (name: string, fallback = "") => (typed ? (values[name] ?? "") : fallback);
  const name = `${graduate.first_name} ${graduate.last_name}`;
  const checkpointLabel = (c: Checkpoint) => t(`outcomes.checkpoint.${c}`);
  return (
    <section>
      <p>
        <Link to="/staff/outcomes/follow-up">← {t("outcomes.graduate.back")}</Link>
      </p>
      <h1>{t("outcomes.graduate.title", { name })}</h1>
      <p className="lead">{t("outcomes.graduate.lead", { school: pick(graduate, "name", lang), date: formatDate(lang, graduate.graduation_date) })}</p>
      <p>
        {consent
          ? t(consent.given ? "outcomes.graduate.consentGiven" : "outcomes.graduate.consentWithdrawn", { date: formatDate(lang, consent.created_at) })
          : t("outcomes.graduate.consentNone")}
      </p>
      {created ? (
        <Notice kind="ok">
          <p>{t("outcomes.followUp.linkCreated", { name, checkpoint: checkpointLabel(created.checkpoint), date: formatDate(lang, created.expiresAt) })}</p>
          <p>
            <span className="survey-link">{created.url}</span>
          </p>
        </Notice>
      ) : null}
      <FormErrorSummary errors={errors} />
      <div className="grid grid--2">
        <div>
          {checkpoints.map((c) => (
            <div className="card outcome-checkpoint" key={c.checkpoint}>
              <h2>{t("outcomes.checkpointOn", { checkpoint: checkpointLabel(c.checkpoint), date: formatDate(lang, c.date) })}</h2>
              {c.records.length === 0 ? (
                <p className="muted">{t("outcomes.graduate.noRecord")}</p>
              ) : (
                <ol className="outcome-history">
                  {c.records.map((r) => (
                    <RecordView key={r.id} r={r} />
                  ))}
                </ol>
              )}
              {c.date <= today ? (
                <Form method="post" className="row-form">
                  <input type="hidden" name="intent" value="survey" />
                  <input type="hidden" name="checkpoint" value={c.checkpoint} />
                  <SubmitButton>{t("outcomes.followUp.makeLink")}</SubmitButton>
                </Form>
              ) : null}
            </div>
          ))}
          {links.length ? (
            <>
              <h2>{t("outcomes.graduate.links")}</h2>
              <ul className="link-list">
                {links.map((l) => (
                  <li key={l.id}>
                    {checkpointLabel(l.checkpoint)}:{" "}
                    {l.used_at
                      ? t("outcomes.graduate.linkUsed", { date: formatDate(lang, l.used_at) })
                      : l.expires_at <= now
                        ? t("outcomes.graduate.linkExpired")
                        : t("outcomes.graduate.linkOpen", { created: formatDate(lang, l.created_at), expires: formatDate(lang, l.expires_at) })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <div className="card" id="record">
          <h2>{t("outcomes.form.title")}</h2>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="record" />
            <Select
              name="checkpoint"
              label={t("outcomes.form.checkpoint")}
              required
              options={CHECKPOINTS.map((c) => ({ value: c, label: checkpointLabel(c) }))}
              defaultValue={v("checkpoint", preselect ?? "")}
              error={errors.checkpoint}
              placeholder=""
            />
            <Select
              name="code"
              label={t("outcomes.form.code")}
              required
              options={OUTCOME_CODES.map((c) => ({ value: c, label: t(`outcomes.code.${c}`) }))}
              defaultValue={v("code")}
              error={errors.code}
              placeholder=""
            />
            <Field name="asOf" type="date" label={t("outcomes.form.asOf")} required defaultValue={v("asOf", today)} error={errors.asOf} />
            <fieldset className="stack">
              <legend>{t("outcomes.form.employed")}</legend>
              <Select
                name="kind"
                label={t("outcomes.form.kind")}
                options={EMPLOYMENT_KINDS.map((k) => ({ value: k, label: t(`outcomes.kind.${k}`) }))}
                defaultValue={v("kind", "employee")}
                error={errors.kind}
              />
              <Field
                name="hours"
                label={t("outcomes.form.hours")}
                hint={t("outcomes.form.hoursHint")}
                inputMode="numeric"
                defaultValue={v("hours", "40")}
                error={errors.hours}
              />
              <Select
                name="companyId"
                label={t("outcomes.form.company")}
                placeholder={t("outcomes.form.companyNone")}
                options={companies.map((c) => ({ value: c.id, label: c.name }))}
                defaultValue={v("companyId")}
                error={errors.companyId}
              />
              <Field
                name="employerName"
                label={t("outcomes.form.employerName")}
                hint={t("outcomes.employers.pickHint")}
                list="known-companies"
                defaultValue={v("employerName")}
                error={errors.employerName}
              />
              <CompanyDatalist id="known-companies" companies={companies} />
              <Field name="jobTitle" label={t("outcomes.form.jobTitle")} defaultValue={v("jobTitle")} error={errors.jobTitle} />
              <Field name="startDate" type="date" label={t("outcomes.form.startDate")} defaultValue={v("startDate")} error={errors.startDate} />
              <Field
                name="monthlyPay"
                label={t("outcomes.form.monthlyPay")}
                hint={t("outcomes.form.payHint")}
                inputMode="numeric"
                optional
                defaultValue={v("monthlyPay")}
                error={errors.monthlyPay}
              />
              <Select
                name="related"
                label={t("outcomes.form.related")}
                options={RELATEDNESS.map((r) => ({ value: r, label: t(`outcomes.related.${r}`) }))}
                defaultValue={v("related", "unknown")}
                error={errors.related}
              />
              <Select
                name="regionId"
                label={t("outcomes.form.region")}
                placeholder={t("outcomes.form.regionNone")}
                options={sortOptions(regions.map((r) => ({ value: r.id, label: pick(r, "name", lang) })))}
                defaultValue={v("regionId")}
                error={errors.regionId}
              />
            </fieldset>
            <Field
              name="reason"
              label={t("outcomes.form.reason")}
              hint={t("outcomes.form.reasonHint")}
              optional
              defaultValue={v("reason")}
              error={errors.reason}
            />
            <SubmitButton>{t("outcomes.form.submit")}</SubmitButton>
          </Form>
        </div>
      </div>
    </section>
  );
}
