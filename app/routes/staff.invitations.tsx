import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { publicOrigin } from "~/config.server";
import { requireStaff } from "~/auth/guards.server";
import { schoolIdsOf, schoolInScope } from "~/domain/staff/scope";
import { Field, FormErrorSummary, Notice, Select, SubmitButton, useFormFailure } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { cohortLabel, cohortOptions } from "~/i18n/cohort-label";
import { formatDate } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { cohortHasName, enrolGraduate, listRecentInvitations } from "~/models/invitations.server";
import { createCohort } from "~/models/reference.server";
import { cohortInScope, cohortsInScope, schoolsInScope } from "~/models/staff-scope-records.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { isoDate, positiveId, requiredText } from "~/utils/fields";
import { badRequest } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const CohortSchema = z.object({ intent: z.literal("cohort"), schoolId: positiveId, graduationDate: isoDate });
const EnrolSchema = z.object({
  intent: z.literal("enrol"),
  cohortId: positiveId,
  firstName: requiredText(80),
  lastName: requiredText(80),
  confirmDuplicate: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const db = getDb();
  // The scope's schools, cohorts and invitations only (docs/decisions/063-staff-scope.md).
  const schoolIds = schoolIdsOf(scope);
  const [schools, cohorts, invitations] = await Promise.all([
    schoolsInScope(db, schoolIds),
    cohortsInScope(db, schoolIds),
    listRecentInvitations(db, undefined, schoolIds),
  ]);
  return { schools, cohorts, invitations, now: new Date().toISOString() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, scope } = await requireStaff(request);
  const form = await readForm(request);
  const db = getDb();
  const intent = form.get("intent");
  if (intent === "cohort") {
    const parsed = parseForm(CohortSchema, form);
    if (!parsed.ok) return rejected(parsed);
    // Another school than the officer's reads as no such school.
    if (!schoolInScope(scope, parsed.data.schoolId)) return invalid({ schoolId: "errors.invalid" }, form);
    const created = await createCohort(db, parsed.data, user.id);
    if (!created.ok) return invalid({ [created.field]: created.key }, form);
    return redirect("/staff/invitations", { headers: cookieHeaders(setFlash("flash.created")) });
  }
  if (intent === "enrol") {
    const parsed = parseForm(EnrolSchema, form);
    if (!parsed.ok) return rejected(parsed);
    const { cohortId, firstName, lastName } = parsed.data;
    if (!(await cohortInScope(db, cohortId, schoolIdsOf(scope)))) return invalid({ cohortId: "errors.cohortUnknown" }, form);
    // A second record of one person inflates the outcome denominators: warn as the CSV import
    // does, and enrol a namesake only when staff say it is a different person (issue 14, item 4).
    if (!parsed.data.confirmDuplicate && (await cohortHasName(db, cohortId, firstName, lastName))) return invalid({ _form: "invite.duplicateInCohort" }, form);
    const { code } = await enrolGraduate(db, { cohortId, firstName, lastName }, user.id);
    const link = `${publicOrigin()}/join?code=${encodeURIComponent(code)}`;
    // Shown once on this page; the code also stays in the list below.
    return data({ ok: true as const, created: { name: `${firstName} ${lastName}`, code, link } });
  }
  badRequest();
}

export const meta = titleMeta("staff.invitations", { private: true });

export default function InvitationsPage() {
  const { t, lang } = useT();
  const { schools, cohorts, invitations, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const created = result && "created" in result ? result.created : null;
  const { errors, values } = useFormFailure();
  const intent = values.intent;
  return (
    <section>
      <h1>{t("staff.invitations")}</h1>
      {created ? (
        <Notice kind="ok">
          <p>{t("staff.invite.created", { name: created.name, code: created.code })}</p>
          <p>
            <span className="code">{created.code}</span>
          </p>
          <p className="small">
            <span className="code code--link">{created.link}</span>
          </p>
        </Notice>
      ) : null}
      <FormErrorSummary errors={errors} />
      <div className="grid grid--2">
        <div className="card">
          <h2>{t("staff.invite.title")}</h2>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="enrol" />
            <Select
              name="cohortId"
              label={t("staff.invite.cohort")}
              required
              placeholder=""
              options={cohortOptions(t, lang, cohorts)}
              defaultValue={intent === "enrol" ? values.cohortId : undefined}
              error={intent === "enrol" ? errors.cohortId : undefined}
            />
            <Field
              name="firstName"
              label={t("staff.invite.firstName")}
              required
              defaultValue={intent === "enrol" ? values.firstName : undefined}
              error={errors.firstName}
              autoComplete="off"
            />
            <Field
              name="lastName"
              label={t("staff.invite.lastName")}
              required
              defaultValue={intent === "enrol" ? values.lastName : undefined}
              error={errors.lastName}
              autoComplete="off"
            />
            {intent === "enrol" && errors._form === "invite.duplicateInCohort" ? (
              <div className="field">
                <label className="checkbox">
                  <input type="checkbox" name="confirmDuplicate" value="on" /> {t("invite.confirmDuplicate")}
                </label>
              </div>
            ) : null}
            <SubmitButton>{t("staff.invite.submit")}</SubmitButton>
          </Form>
        </div>
        <div className="card">
          <h2>{t("staff.cohorts.add")}</h2>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="cohort" />
            <Select
              name="schoolId"
              label={t("staff.cohorts.school")}
              required
              placeholder=""
              options={schools.map((s) => ({ value: s.id, label: pick(s, "name", lang) }))}
              defaultValue={intent === "cohort" ? values.schoolId : undefined}
              error={errors.schoolId}
            />
            <Field
              name="graduationDate"
              type="date"
              label={t("staff.cohorts.date")}
              required
              defaultValue={intent === "cohort" ? values.graduationDate : undefined}
              error={errors.graduationDate}
            />
            <SubmitButton>{t("common.create")}</SubmitButton>
          </Form>
        </div>
      </div>
      <h2>{t("staff.invite.recent")}</h2>
      {/* stacked: on a phone each row is a card, so its status and renew link stays on screen (docs/decisions/032-phone-navigation-and-tables.md) */}
      <ListTable
        rows={invitations}
        columns={[
          {
            header: t("staff.invite.name"),
            cell: (i) => (
              <>
                {i.first_name} {i.last_name}
                <br />
                <Link to={`/staff/cohorts/${i.cohort_id}/invitations`} className="small" title={t("import.print.open")}>
                  {cohortLabel(t, lang, i, i.graduation_date)}
                </Link>
              </>
            ),
          },
          { header: t("staff.invite.code"), cell: (i) => <span className="code">{i.code}</span> },
          {
            header: t("staff.invite.status"),
            cell: (i) =>
              i.used_at ? (
                t("staff.invite.statusUsed", { date: formatDate(lang, i.used_at) })
              ) : i.expires_at <= now ? (
                <>
                  {t("staff.invite.statusExpired")} · <Link to={`/staff/cohorts/${i.cohort_id}/invitations#g-${i.graduate_id}`}>{t("invite.renew.renew")}</Link>
                </>
              ) : (
                t("staff.invite.statusOpen", { date: formatDate(lang, i.expires_at) })
              ),
          },
        ]}
      />
    </section>
  );
}
