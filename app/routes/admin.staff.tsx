import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/require-user.server";
import { Field, FormErrorSummary, SubmitButton, useFormFailure } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { formatDate } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { listSchools } from "~/models/reference.server";
import { isStaffAccount, unknownSchoolIds } from "~/models/staff-scope-records.server";
import { setStaffScope, staffScopesByUser } from "~/models/staff-scopes.server";
import { createStaffAccount, emailTaken, listStaffAccounts } from "~/models/users.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { email, newPassword, requiredText } from "~/utils/fields";
import { notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";
import { TwoStepReset } from "~/components/two-step-reset";
import { twoStepStatesByUser } from "~/models/two-step.server";

const CreateStaffSchema = z.object({ name: requiredText(120), email, password: newPassword });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  const db = getDb();
  const [people, schools, scopes, twoStep] = await Promise.all([listStaffAccounts(db), listSchools(db), staffScopesByUser(db), twoStepStatesByUser(db)]);
  return {
    people: people.map((p) => ({
      id: p.id,
      email: p.email,
      display_name: p.display_name,
      role: p.role,
      created_at: p.created_at,
      schoolIds: scopes.get(p.id) ?? [],
      twoStep: twoStep.get(p.id) ?? ("off" as const),
    })),
    schools: schools.map((s) => ({ id: s.id, name_ky: s.name_ky, name_ru: s.name_ru, name_en: s.name_en })),
  };
}

type ScopeFailure = { userId: number; scope: string; schools: string[]; error: "adminScope.errors.noSchool" | "adminScope.errors.unknownSchool" };

/**
 * An admin sets what a staff account sees (docs/decisions/063-staff-scope.md): "agency", or
 * "schools" with at least one ticked school. A tick that names no school (forged, or a school
 * since removed) is a 400 with the ticks kept; nothing is written then.
 */
/** The scope a form asks for: "agency" (no schools), or "schools" with ticks that all name a school. */
async function scopeFromForm(
  form: FormData,
): Promise<{ ok: true; schoolIds: number[]; scope: string; ticked: string[] } | { ok: false; error: ScopeFailure["error"]; scope: string; ticked: string[] }> {
  const rawScope = form.get("scope");
  const scope = typeof rawScope === "string" ? rawScope : "";
  const ticked = form.getAll("school").map(String);
  if (scope === "agency") return { ok: true, schoolIds: [], scope, ticked };
  if (scope !== "schools" || ticked.length === 0) return { ok: false, error: "adminScope.errors.noSchool", scope, ticked };
  if (ticked.some((v) => !/^\d{1,9}$/.test(v))) return { ok: false, error: "adminScope.errors.unknownSchool", scope, ticked };
  const schoolIds = [...new Set(ticked.map(Number))];
  if ((await unknownSchoolIds(getDb(), schoolIds)).length > 0) return { ok: false, error: "adminScope.errors.unknownSchool", scope, ticked };
  return { ok: true, schoolIds, scope, ticked };
}

async function saveScope(form: FormData, adminId: number) {
  const userId = Number(form.get("userId"));
  if (!Number.isSafeInteger(userId) || userId <= 0) notFound();
  const db = getDb();
  if (!(await isStaffAccount(db, userId))) notFound();
  const read = await scopeFromForm(form);
  if (!read.ok) return data({ ok: false as const, scopeFailure: { userId, scope: read.scope, schools: read.ticked, error: read.error } }, { status: 400 });
  await setStaffScope(db, userId, read.schoolIds, adminId);
  return redirect("/admin/staff", { headers: cookieHeaders(setFlash("flash.saved")) });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, { role: "admin" });
  const form = await readForm(request);
  if (form.get("intent") === "scope") return saveScope(form, admin.id);
  const parsed = parseForm(CreateStaffSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const db = getDb();
  if (await emailTaken(db, parsed.data.email)) return invalid({ email: "errors.emailTaken" }, form);
  // A new account may carry its scope (no choice sent: the whole Agency); a bad tick keeps the form.
  const scope = form.has("scope") ? await scopeFromForm(form) : { ok: true as const, schoolIds: [] };
  if (!scope.ok)
    return data(
      {
        ok: false as const,
        errors: { scope: scope.error },
        values: { name: parsed.data.name, email: parsed.data.email },
        createScope: scope.scope,
        createTicks: scope.ticked,
      },
      { status: 400 },
    );
  await createStaffAccount(db, parsed.data, admin.id, scope.schoolIds);
  return redirect("/admin/staff", { headers: cookieHeaders(setFlash("flash.created")) });
}

export const meta = titleMeta("admin.staff", { private: true });

export default function StaffAccountsPage() {
  const { t, lang } = useT();
  const { people, schools } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  const result = useActionData<typeof action>();
  const scopeFailure = result && "scopeFailure" in result ? result.scopeFailure : null;
  const createTicks = result && "createTicks" in result ? { scope: result.createScope, schools: result.createTicks } : null;
  const schoolName = (id: number) => {
    const school = schools.find((s) => s.id === id);
    return school ? pick(school, "name", lang) : String(id);
  };
  return (
    <section>
      <h1>{t("admin.staff")}</h1>
      <div className="grid grid--2">
        <div>
          <h2>{t("admin.staff.list")}</h2>
          {/* stacked: on a phone each person is a card instead of a table wider than the screen (docs/decisions/032-phone-navigation-and-tables.md) */}
          <ListTable
            rows={people}
            columns={[
              {
                header: t("admin.staff.name"),
                cell: (p) => (
                  <>
                    {p.display_name}
                    <br />
                    <span className="muted small">
                      {p.email} · {formatDate(lang, p.created_at)}
                    </span>
                  </>
                ),
              },
              { header: t("account.role"), cell: (p) => t(`role.${p.role}`) },
              {
                header: t("admin.twoStep.column"),
                cell: (p) => (
                  <>
                    <span className={p.twoStep === "on" ? undefined : "muted small"}>{t(`admin.twoStep.state.${p.twoStep}`)}</span>
                    {/* Nothing to reset until set-up has begun. */}
                    {p.twoStep !== "off" ? <TwoStepReset userId={p.id} /> : null}
                  </>
                ),
              },
              {
                header: t("adminScope.column"),
                cell: (p) =>
                  p.role !== "staff" ? (
                    <span className="muted small">{t("adminScope.adminAlways")}</span>
                  ) : (
                    <ScopeForm
                      person={p}
                      schools={schools.map((s) => ({ id: s.id, name: schoolName(s.id) }))}
                      summary={p.schoolIds.length === 0 ? t("adminScope.agency") : p.schoolIds.map(schoolName).join(", ")}
                      failure={scopeFailure?.userId === p.id ? scopeFailure : null}
                    />
                  ),
              },
            ]}
          />
        </div>
        <div className="card">
          <h2>{t("admin.staff.create")}</h2>
          <FormErrorSummary errors={errors} />
          <Form method="post" className="stack" noValidate>
            <Field name="name" label={t("admin.staff.name")} required defaultValue={values.name} error={errors.name} autoComplete="off" />
            <Field name="email" type="email" label={t("admin.staff.email")} required defaultValue={values.email} error={errors.email} autoComplete="off" />
            <Field
              name="password"
              type="password"
              label={t("admin.staff.password")}
              hint={t("admin.staff.passwordHint")}
              required
              error={errors.password}
              autoComplete="new-password"
            />
            <ScopeFields
              idPrefix="new-staff"
              schools={schools.map((s) => ({ id: s.id, name: schoolName(s.id) }))}
              agency={createTicks ? createTicks.scope !== "schools" : true}
              ticked={(id) => (createTicks ? createTicks.schools.includes(String(id)) : false)}
              error={errors.scope && typeof errors.scope === "string" ? t(errors.scope) : null}
            />
            <SubmitButton>{t("admin.staff.submit")}</SubmitButton>
          </Form>
        </div>
      </div>
    </section>
  );
}

/**
 * One staff account's scope: a disclosure with radios and school ticks, a plain form that works
 * without JavaScript; after a refused save it opens again with the ticks as sent.
 */
function ScopeForm({
  person,
  schools,
  summary,
  failure,
}: {
  person: { id: number; display_name: string; schoolIds: number[] };
  schools: { id: number; name: string }[];
  summary: string;
  failure: ScopeFailure | null;
}) {
  const { t } = useT();
  const agency = failure ? failure.scope === "agency" : person.schoolIds.length === 0;
  const ticked = (id: number) => (failure ? failure.schools.includes(String(id)) : person.schoolIds.includes(id));
  return (
    <details open={failure !== null} data-testid={`scope-${person.id}`}>
      <summary>
        {summary} · {t("adminScope.change")}
      </summary>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="scope" />
        <input type="hidden" name="userId" value={person.id} />
        <ScopeFields
          idPrefix={`scope-${person.id}`}
          legend={person.display_name}
          schools={schools}
          agency={agency}
          ticked={ticked}
          error={failure ? t(failure.error) : null}
        />
        <SubmitButton>{t("adminScope.save")}</SubmitButton>
      </Form>
    </details>
  );
}

/** "The whole Agency" or "only these schools" with a tick per school (the scope form and the new-account form). */
function ScopeFields({
  idPrefix,
  legend,
  schools,
  agency,
  ticked,
  error,
}: {
  idPrefix: string;
  legend?: string;
  schools: { id: number; name: string }[];
  agency: boolean;
  ticked: (id: number) => boolean;
  error: string | null;
}) {
  const { t } = useT();
  const errorId = `${idPrefix}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend>
        {t("adminScope.legend")}
        {legend ? `: ${legend}` : null}
      </legend>
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
      <label className="checkbox">
        <input type="radio" name="scope" value="agency" defaultChecked={agency} /> {t("adminScope.agency")}
      </label>
      <label className="checkbox">
        <input type="radio" name="scope" value="schools" defaultChecked={!agency} /> {t("adminScope.schools")}
      </label>
      {schools.map((s) => (
        <label key={s.id} className="checkbox small">
          <input type="checkbox" name="school" value={s.id} defaultChecked={ticked(s.id)} /> {s.name}
        </label>
      ))}
    </fieldset>
  );
}
