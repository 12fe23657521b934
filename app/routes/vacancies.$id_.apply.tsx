// /vacancies/:id/apply — the graduate applies once, with a note and chosen projects; the
// application keeps a snapshot of what was sent. ("$id_" keeps this page out of the vacancy
// page's layout, so it renders on its own.)
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { projectCardLinks } from "~/components/project-card";
import { FormErrorSummary, SubmitButton, TextArea, useFormFailure } from "~/components/form";
import { SectionErrorBoundary } from "~/components/section-error";
import { getDb } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { apply, applicationOfGraduateFor, openVacancy } from "~/models/applications.server";
import { ApplySchema } from "~/domain/applications/forms";
import { requireGraduate } from "~/auth/guards.server";
import { listProjects } from "~/models/projects.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { type FieldErrors, parseForm, readForm, typedValues } from "~/utils/forms.server";
import { idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const projectId = z
  .string()
  .regex(/^\d{1,12}$/)
  .transform(Number);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  const db = getDb();
  const vacancyId = idParam(params.id);
  const existing = await applicationOfGraduateFor(db, graduate.id, vacancyId);
  const open = await openVacancy(db, vacancyId);
  // What the form shows of the vacancy (issue 13: named shapes, not rows).
  const vacancy = open ? { id: open.id, title: open.title, company_name: open.company_name } : undefined;
  if (existing && existing.status !== "invited") {
    return { vacancy: vacancy ?? null, already: existing.id, invited: false, projects: [] };
  }
  if (!vacancy) notFound();
  const projects = (await listProjects(db, graduate.id)).map((p) => ({ id: p.id, title: p.title, summary: p.summary }));
  return { vacancy, already: null, invited: Boolean(existing), projects };
}

/** A rejected submit keeps the note and every ticked project (typedValues keeps one value per name). */
function failed(errors: FieldErrors, form: FormData, status = 400) {
  const projectIds = form
    .getAll("projectId")
    .filter((v): v is string => typeof v === "string")
    .join(",");
  return data({ ok: false as const, errors, values: { ...typedValues(form), projectIds } }, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, graduate } = await requireGraduate(request);
  const vacancyId = idParam(params.id);
  const form = await readForm(request);
  const parsed = parseForm(ApplySchema, form);
  if (!parsed.ok) return failed(parsed.errors, form);
  const ids = form.getAll("projectId").map((v) => projectId.safeParse(v));
  if (ids.some((r) => !r.success)) return failed({ projectId: "applications.errors.projects" }, form);
  const result = await apply(getDb(), graduate, vacancyId, { note: parsed.data.note, projectIds: ids.map((r) => r.data!) }, user.id);
  if (!result.ok) {
    if (result.reason === "not-open") notFound();
    if (result.reason === "projects") return failed({ projectId: "applications.errors.projects" }, form);
    return failed({ _form: "applications.errors.already" }, form, 409);
  }
  return redirect(`/me/applications/${result.id}`, { headers: cookieHeaders(setFlash("flash.applied")) });
}

export const links = projectCardLinks;
export const meta = titleMeta("applications.title", { private: true });

export default function ApplyPage() {
  const { t } = useT();
  const { vacancy, already, invited, projects } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  const chosen = new Set((values.projectIds ?? "").split(",").filter(Boolean).map(Number));
  if (already !== null) {
    return (
      <section>
        <h1>{vacancy ? t("applications.apply.title", { vacancy: vacancy.title }) : t("applications.title")}</h1>
        <p>{t("applications.apply.already")}</p>
        <p>
          <Link to={`/me/applications/${already}`}>{t("applications.apply.openIt")}</Link>
        </p>
      </section>
    );
  }
  const v = vacancy!;
  return (
    <section>
      <h1>{t("applications.apply.title", { vacancy: v.title })}</h1>
      <p className="muted">
        <Link to={`/vacancies/${v.id}`}>{v.title}</Link> · {v.company_name}
      </p>
      {invited ? <p className="notice notice--info">{t("applications.invitedLead", { company: v.company_name })}</p> : null}
      <p>{t("applications.apply.lead", { company: v.company_name })}</p>
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        <TextArea
          name="note"
          label={t("applications.apply.note")}
          hint={t("applications.apply.noteHint")}
          optional
          rows={8}
          defaultValue={values.note}
          error={errors.note}
        />
        <fieldset
          className={`application-projects${errors.projectId ? " field--invalid" : ""}`}
          aria-describedby={errors.projectId ? "projects-error" : undefined}
        >
          <legend>{t("applications.apply.projects")}</legend>
          {errors.projectId ? (
            <p className="field__error" id="projects-error">
              {t("applications.errors.projects")}
            </p>
          ) : null}
          {projects.length === 0 ? (
            <p className="muted">
              {t("applications.apply.noProjects")} <Link to="/me/projects">{t("applications.apply.addProject")}</Link>
            </p>
          ) : (
            projects.map((p) => (
              <label key={p.id} className="checkbox">
                <input type="checkbox" name="projectId" value={p.id} defaultChecked={chosen.has(p.id)} />
                <span>
                  {p.title}
                  {p.summary ? <span className="small muted"> — {p.summary}</span> : null}
                </span>
              </label>
            ))
          )}
        </fieldset>
        <div className="actions">
          <SubmitButton>{t("applications.apply.submit")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
