// /employer/vacancies/:id ("new" or a number): the vacancy form and its status actions for
// members of the owning company. Another company's vacancy is a 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/require-user.server";
import { Checkbox } from "~/components/checkbox";
import { Field, FormErrorSummary, Notice, Select, TextArea, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { richTextToEditable } from "~/domain/text/rich-text";
import { langOf, type Lang } from "~/i18n/negotiate";
import type { T } from "~/i18n/translate";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { companyOfUser } from "~/models/companies.server";
import { todayInBishkek } from "~/domain/calendar";
import { listRegions, regionExists } from "~/models/reference.server";
import { splitLines } from "~/domain/text/lines";
import { endVacancy, getVacancy, MAX_VACANCY_SKILLS, resolveSkillLines, saveVacancy, submitVacancy, type TransitionResult } from "~/models/vacancies.server";
import { CEFR_LEVELS } from "~/domain/skills/levels";
import { EMPLOYMENT_TYPES, VACANCY_LANGUAGES, WORK_MODES } from "~/domain/vacancies/options";
import { VacancySchema, vacancyRequirements } from "~/domain/vacancies/form";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import type { FieldErrors } from "~/utils/form-types";
import { invalid, parseForm, readForm, rejected, typedValues } from "~/utils/forms.server";
import { badRequest, forbidden, idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";
import { sortByShownName, sortOptions } from "~/domain/search/name-order";

type Company = NonNullable<Awaited<ReturnType<typeof companyOfUser>>>;

async function employerCompany(userId: number): Promise<Company> {
  return (await companyOfUser(getDb(), userId)) ?? forbidden();
}

/** "new" or one of the company's own vacancies; anything else is a 404. */
async function vacancyFromParam(companyId: number, id: string | undefined) {
  if (id === "new") return null;
  const vacancy = await getVacancy(getDb(), idParam(id));
  if (!vacancy || vacancy.company_id !== companyId) notFound();
  return vacancy;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "employer" });
  const company = await employerCompany(user.id);
  const vacancy = await vacancyFromParam(company.id, params.id);
  const lang = langOf(request);
  const regions = sortOptions((await listRegions(getDb())).map((r) => ({ value: r.id, label: pick(r, "name", lang) })));
  // The form's fields only, not the row (issue 13: no created_by or other internal columns).
  const v = vacancy;
  const shown = v
    ? {
        id: v.id,
        title: v.title,
        description: v.description,
        status: v.status,
        reject_reason: v.reject_reason,
        employment_type: v.employment_type,
        work_mode: v.work_mode,
        city: v.city,
        region_id: v.region_id,
        salary_min: v.salary_min,
        salary_max: v.salary_max,
        salary_hidden: v.salary_hidden,
        openings: v.openings,
        deadline: v.deadline,
        skills: v.skills,
        languages: v.languages,
      }
    : null;
  return { company: { id: company.id, status: company.status }, vacancy: shown, regions, today: todayInBishkek() };
}

function transitionFailure(result: TransitionResult & { ok: false }, form: FormData) {
  if (result.reason === "not-found") notFound();
  return data({ ok: false as const, errors: { _form: "vacancies.errors.wrongStatus" } as FieldErrors, values: typedValues(form) }, { status: 409 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "employer" });
  const company = await employerCompany(user.id);
  const current = await vacancyFromParam(company.id, params.id);
  const db = getDb();
  const form = await readForm(request);
  const intent = form.get("intent");

  if (intent === "save" || intent === "submit") {
    const parsed = parseForm(VacancySchema, form);
    if (!parsed.ok) return rejected(parsed);
    const d = parsed.data;
    const requiredLines = splitLines(d.skills);
    const niceLines = splitLines(d.niceSkills);
    if (requiredLines.length + niceLines.length > MAX_VACANCY_SKILLS)
      return invalid({ skills: ["portfolio.errors.tooManySkills", { max: MAX_VACANCY_SKILLS }] }, form);
    const required = await resolveSkillLines(db, requiredLines);
    const nice = await resolveSkillLines(db, niceLines);
    const errors: FieldErrors = {};
    if (required.unknown.length) errors.skills = ["admin.modules.unknownSkills", { list: required.unknown.join(", ") }];
    if (nice.unknown.length) errors.niceSkills = ["admin.modules.unknownSkills", { list: nice.unknown.join(", ") }];
    if (d.region !== null && !(await regionExists(db, d.region))) errors.region = "errors.invalid";
    if (Object.keys(errors).length) return invalid(errors, form);
    const { skills, languages } = vacancyRequirements(required.found, nice.found, d);
    const saved = await saveVacancy(
      db,
      company.id,
      current?.id ?? null,
      {
        title: d.title,
        description: d.description,
        employmentType: d.employmentType,
        workMode: d.workMode,
        city: d.city,
        regionId: d.region,
        salaryMin: d.salaryMin,
        salaryMax: d.salaryMax,
        salaryHidden: d.salaryHidden,
        openings: d.openings,
        deadline: d.deadline,
        skills,
        languages,
      },
      user.id,
    );
    if (!saved.ok) {
      if (saved.reason === "not-found") notFound();
      return data({ ok: false as const, errors: { _form: "vacancies.errors.notEditable" } as FieldErrors, values: typedValues(form) }, { status: 409 });
    }
    if (intent === "submit") {
      const submitted = await submitVacancy(db, company.id, saved.id);
      if (!submitted.ok) return redirect(`/employer/vacancies/${saved.id}`, { headers: cookieHeaders(setFlash("flash.saved")) });
      return redirect(`/employer/vacancies/${saved.id}`, {
        headers: cookieHeaders(setFlash(submitted.status === "open" ? "vacancies.flash.published" : "vacancies.flash.submitted")),
      });
    }
    return redirect(`/employer/vacancies/${saved.id}`, { headers: cookieHeaders(setFlash(current ? "flash.saved" : "flash.created")) });
  }

  if (!current) notFound();
  if (intent === "close" || intent === "fill") {
    const result = await endVacancy(db, company.id, current.id, intent === "close" ? "closed" : "filled");
    if (!result.ok) return transitionFailure(result, form);
    return redirect(`/employer/vacancies/${current.id}`, {
      headers: cookieHeaders(setFlash(intent === "close" ? "vacancies.flash.closed" : "vacancies.flash.filled")),
    });
  }
  if (intent === "resubmit") {
    const result = await submitVacancy(db, company.id, current.id);
    if (!result.ok) return transitionFailure(result, form);
    return redirect(`/employer/vacancies/${current.id}`, {
      headers: cookieHeaders(setFlash(result.status === "open" ? "vacancies.flash.published" : "vacancies.flash.submitted")),
    });
  }
  return badRequest();
}

export const meta: MetaFunction<typeof loader> = (args) =>
  titleMeta(args.data?.vacancy ? "vacancies.edit" : "vacancies.new", { private: true })(args as Parameters<ReturnType<typeof titleMeta>>[0]);

/** The skills as the form shows them: one per line in the reader's language, "Skill: level" above basic. */
function skillLines(
  skills: { name_ky: string; name_ru: string; name_en: string; required: number; min_level: "basic" | "intermediate" | "advanced" }[],
  required: boolean,
  lang: Lang,
  t: T,
): string {
  // In the order of the names shown, as the vacancy's page lists them (docs/decisions/050-skill-chips-order.md).
  return sortByShownName(skills, lang)
    .filter((s) => (s.required === 1) === required)
    .map((s) =>
      required && s.min_level !== "basic" ? `${pick(s, "name", lang)}: ${t(`skills.level.${s.min_level}`).toLocaleLowerCase(lang)}` : pick(s, "name", lang),
    )
    .join("\n");
}

export default function VacancyFormPage() {
  const { t, lang } = useT();
  const { company, vacancy, regions } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  const status = vacancy?.status ?? "draft";
  const editable = status !== "closed" && status !== "filled";
  const langLevel = (language: string) => vacancy?.languages.find((l) => l.language === language)?.min_level ?? "";
  const levelOptions = CEFR_LEVELS.map((l) => ({ value: l, label: l === "native" ? t("languages.native") : l }));
  const submitLabel = status === "open" ? null : status === "submitted" ? null : t("vacancies.action.submit");

  return (
    <section>
      <p className="small">
        <Link to="/employer">← {t("vacancies.dashboard")}</Link>
      </p>
      <h1>{vacancy ? vacancy.title : t("vacancies.new")}</h1>
      {vacancy ? (
        <p>
          <span className={`pill vacancy-status vacancy-status--${status}`}>{t(`vacancies.status.${status}`)}</span>{" "}
          {status === "open" ? <Link to={`/vacancies/${vacancy.id}`}>{t("vacancies.viewPublic")}</Link> : null}
          {company.status === "verified" ? (
            <>
              {" "}
              <Link to={`/employer/vacancies/${vacancy.id}/applicants`}>{t("vacancies.applicants")}</Link>
            </>
          ) : null}
          {company.status === "verified" ? (
            <>
              {" "}
              <Link to={`/vacancies/${vacancy.id}/candidates`}>{t("match.candidates.nav")}</Link>
            </>
          ) : null}
        </p>
      ) : null}
      {company.status !== "verified" ? <Notice kind="info">{t("vacancies.companyPending")}</Notice> : null}
      {status === "rejected" && vacancy?.reject_reason ? (
        <div className="notice notice--error" role="status">
          <p>
            <strong>{t("vacancies.rejectedBecause")}</strong>
          </p>
          <p className="pre-line">{vacancy.reject_reason}</p>
          <p className="small">{t("vacancies.rejectedHint")}</p>
        </div>
      ) : null}
      {status === "submitted" ? <Notice kind="info">{t("vacancies.awaitingReview")}</Notice> : null}
      {status === "open" ? <p className="small muted">{t("vacancies.editOpenHint")}</p> : null}

      <FormErrorSummary errors={errors} />
      {editable ? (
        <Form method="post" className="stack card" noValidate>
          <Field name="title" label={t("vacancies.field.title")} required defaultValue={values.title ?? vacancy?.title} error={errors.title} />
          <TextArea
            name="description"
            label={t("vacancies.field.description")}
            hint={t("vacancies.field.descriptionHint")}
            required
            rows={10}
            defaultValue={values.description ?? (vacancy ? richTextToEditable(vacancy.description) : undefined)}
            error={errors.description}
          />
          <div className="grid grid--2">
            <Select
              name="employmentType"
              label={t("vacancies.field.employmentType")}
              required
              options={EMPLOYMENT_TYPES.map((v) => ({ value: v, label: t(`vacancies.type.${v}`) }))}
              defaultValue={values.employmentType ?? vacancy?.employment_type ?? "full_time"}
              error={errors.employmentType}
            />
            <Select
              name="workMode"
              label={t("vacancies.field.workMode")}
              required
              options={WORK_MODES.map((v) => ({ value: v, label: t(`vacancies.mode.${v}`) }))}
              defaultValue={values.workMode ?? vacancy?.work_mode ?? "onsite"}
              error={errors.workMode}
            />
            <Field name="city" label={t("vacancies.field.city")} optional defaultValue={values.city ?? vacancy?.city} error={errors.city} />
            <Select
              name="region"
              label={t("vacancies.field.region")}
              optional
              placeholder=""
              options={regions}
              defaultValue={values.region ?? vacancy?.region_id}
              error={errors.region}
            />
          </div>
          <TextArea
            name="skills"
            label={t("vacancies.field.skills")}
            hint={t("vacancies.field.skillsHint")}
            rows={5}
            defaultValue={values.skills ?? (vacancy ? skillLines(vacancy.skills, true, lang, t) : undefined)}
            error={errors.skills}
          />
          <TextArea
            name="niceSkills"
            label={t("vacancies.field.niceSkills")}
            hint={t("vacancies.field.niceSkillsHint")}
            optional
            rows={3}
            defaultValue={values.niceSkills ?? (vacancy ? skillLines(vacancy.skills, false, lang, t) : undefined)}
            error={errors.niceSkills}
          />
          <fieldset className="stack">
            <legend>{t("vacancies.field.languages")}</legend>
            <div className="grid grid--3">
              {VACANCY_LANGUAGES.map((language) => (
                <Select
                  key={language}
                  name={`lang_${language}`}
                  label={t(`language.${language}`)}
                  placeholder={t("vacancies.field.languageNotNeeded")}
                  options={levelOptions}
                  defaultValue={values[`lang_${language}`] ?? langLevel(language)}
                  error={errors[`lang_${language}`]}
                />
              ))}
            </div>
          </fieldset>
          <fieldset className="stack">
            <legend>{t("vacancies.field.salary")}</legend>
            <div className="grid grid--2">
              <Field
                name="salaryMin"
                inputMode="numeric"
                label={t("vacancies.field.salaryMin")}
                optional
                defaultValue={values.salaryMin ?? vacancy?.salary_min?.toString()}
                error={errors.salaryMin}
              />
              <Field
                name="salaryMax"
                inputMode="numeric"
                label={t("vacancies.field.salaryMax")}
                optional
                defaultValue={values.salaryMax ?? vacancy?.salary_max?.toString()}
                error={errors.salaryMax}
              />
            </div>
            <Checkbox name="salaryHidden" checked={values.intent ? values.salaryHidden === "1" : vacancy?.salary_hidden === 1}>
              {t("vacancies.field.salaryHidden")}
            </Checkbox>
          </fieldset>
          <div className="grid grid--2">
            <Field
              name="openings"
              inputMode="numeric"
              label={t("vacancies.field.openings")}
              defaultValue={values.openings ?? String(vacancy?.openings ?? 1)}
              error={errors.openings}
            />
            <Field
              name="deadline"
              type="date"
              label={t("vacancies.field.deadline")}
              hint={t("vacancies.field.deadlineHint")}
              optional
              defaultValue={values.deadline ?? vacancy?.deadline}
              error={errors.deadline}
            />
          </div>
          <div className="actions">
            <button type="submit" className={submitLabel ? "button button--secondary" : "button"} name="intent" value="save">
              {vacancy && status !== "draft" ? t("vacancies.action.saveChanges") : t("vacancies.action.saveDraft")}
            </button>
            {submitLabel ? (
              <button type="submit" className="button" name="intent" value="submit">
                {status === "rejected" ? t("vacancies.action.resubmit") : submitLabel}
              </button>
            ) : null}
          </div>
        </Form>
      ) : (
        <Notice kind="info">{t("vacancies.ended")}</Notice>
      )}

      {vacancy && (status === "open" || status === "closed" || status === "draft" || status === "submitted" || status === "rejected") ? (
        <div className="card stack">
          <h2>{t("vacancies.endTitle")}</h2>
          <div className="actions">
            {status !== "closed" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="close" />
                <button type="submit" className="button button--secondary">
                  {t("vacancies.action.close")}
                </button>
              </Form>
            ) : null}
            {status === "open" || status === "closed" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="fill" />
                <button type="submit" className="button button--secondary">
                  {t("vacancies.action.fill")}
                </button>
              </Form>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
