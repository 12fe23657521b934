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

const CreateStaffSchema = z.object({ name: requiredText(120), email, password: newPassword });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  const db = getDb();
  const [people, schools, scopes] = await Promise.all([listStaffAccounts(db), listSchools(db), staffScopesByUser(db)]);
  return {
    people: people.map((p) => ({
      id: p.id,
      email: p.email,
      display_name: p.display_name,
      role: p.role,
      created_at: p.created_at,
      schoolIds: scopes.get(p.id) ?? [],
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
async function saveScope(form: FormData, adminId: number) {
  const userId = Number(form.get("userId"));
  if (!Number.isSafeInteger(userId) || userId <= 0) notFound();
  const db = getDb();
  if (!(await isStaffAccount(db, userId))) notFound();
  const rawScope = form.get("scope");
  const scope = typeof rawScope === "string" ? rawScope : "";
  const ticked = form.getAll("school").map(String);
  const fail = (error: ScopeFailure["error"]) => data({ ok: false as const, scopeFailure: { userId, scope, schools: ticked, error } }, { status: 400 });
  if (scope === "agency") {
    await setStaffScope(db, userId, [], adminId);
    return redirect("/admin/staff", { headers: cookieHeaders(setFlash("flash.saved")) });
  }
  if (scope !== "schools") return fail("adminScope.errors.noSchool");
  if (ticked.length === 0) return fail("adminScope.errors.noSchool");
  if (ticked.some((v) => !/^\d{1,9}$/.test(v))) return fail("adminScope.errors.unknownSchool");
  const schoolIds = [...new Set(ticked.map(Number))];
  if ((await unknownSchoolIds(db, schoolIds)).length > 0) return fail("adminScope.errors.unknownSchool");
  await setStaffScope(db, userId, schoolIds, adminId);
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
  await createStaffAccount(db, parsed.data, admin.id);
  return redirect("/admin/staff", { headers: cookieHeaders(setFlash("flash.created")) });
}

export const meta = titleMeta("admin.staff", { private: true });

export default function StaffAccountsPage() {
  const { t, lang } = useT();
  const { people, schools } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  const result = useActionData<typeof action>();
  const scopeFailure = result && "scopeFailure" in result ? result.scopeFailure : null;
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
  const errorId = `scope-${person.id}-error`;
  return (
    <details open={failure !== null} data-testid={`scope-${person.id}`}>
      <summary>
        {summary} · {t("adminScope.change")}
      </summary>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="scope" />
        <input type="hidden" name="userId" value={person.id} />
        <fieldset aria-describedby={failure ? errorId : undefined}>
          <legend>
            {t("adminScope.legend")}: {person.display_name}
          </legend>
          {failure ? (
            <p className="field__error" id={errorId} role="alert">
              {t(failure.error)}
            </p>
          ) : null}
          <label>
            <input type="radio" name="scope" value="agency" defaultChecked={agency} /> {t("adminScope.agency")}
          </label>
          <label>
            <input type="radio" name="scope" value="schools" defaultChecked={!agency} /> {t("adminScope.schools")}
          </label>
          {schools.map((s) => (
            <label key={s.id} className="small">
              <input type="checkbox" name="school" value={s.id} defaultChecked={ticked(s.id)} /> {s.name}
            </label>
          ))}
        </fieldset>
        <SubmitButton>{t("adminScope.save")}</SubmitButton>
      </Form>
    </details>
  );
}
