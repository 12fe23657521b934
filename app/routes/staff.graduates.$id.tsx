import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { todayInBishkek } from "~/domain/calendar";
import { evidenceGroup } from "~/domain/profile/skill-evidence";
import { sortByShownName } from "~/domain/search/name-order";
import { requireStaff } from "~/auth/guards.server";
import { schoolIdsOf, type StaffScope } from "~/domain/staff/scope";
import { Field, FormErrorSummary, SubmitButton, useFormFailure } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { fromSources, SkillEvidence } from "~/components/skill-evidence";
import { getDb } from "~/db.server";
import { cohortLabel } from "~/i18n/cohort-label";
import { formatDate } from "~/i18n/format";
import { langOf } from "~/i18n/negotiate";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { moduleExists } from "~/models/modules.server";
import { loadProfile } from "~/models/profile.server";
import { graduateInScope } from "~/models/staff-scope-records.server";
import { certificateName } from "~/models/reference.server";
import { verifyCertificate, verifyModule, verifySkill, withdrawModuleVerification } from "~/models/verification.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { isoDate, moduleScore, positiveId } from "~/utils/fields";
import { badRequest, idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const VerifyModuleSchema = z.object({
  intent: z.literal("verifyModule"),
  moduleId: positiveId,
  completedOn: isoDate.refine((d) => d <= todayInBishkek(), "errors.date"),
  score: moduleScore,
});
const ModuleRef = z.object({ moduleId: positiveId });
const SkillRef = z.object({ skillId: positiveId });

/** The graduate of the address, when in the viewer's scope (another school's graduate is a 404, docs/decisions/063-staff-scope.md). */
async function profileFromParam(id: string | undefined, scope: StaffScope) {
  const graduateId = idParam(id);
  if (!(await graduateInScope(getDb(), graduateId, schoolIdsOf(scope)))) notFound();
  const profile = await loadProfile(getDb(), graduateId);
  if (!profile || profile.graduate.anonymised_at) notFound();
  return profile;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const { graduate: g, modules, skills } = await profileFromParam(params.id, scope);
  // What the verification page shows, not the graduate row (issue 13: no verifier ids, no contacts).
  const graduate = {
    first_name: g.first_name,
    last_name: g.last_name,
    slug: g.slug,
    graduation_date: g.graduation_date,
    school_ky: g.school_ky,
    school_ru: g.school_ru,
    school_en: g.school_en,
    certificate_number: g.certificate_number,
    certificate_date: g.certificate_date,
    certificate_verified_at: g.certificate_verified_at,
  };
  return { profile: { graduate, modules, skills }, certificateName: await certificateName(getDb(), langOf(request)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user: staff, scope } = await requireStaff(request);
  const { graduate } = await profileFromParam(params.id, scope);
  const db = getDb();
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "verifyModule": {
      const parsed = parseForm(VerifyModuleSchema, form);
      if (!parsed.ok) return rejected(parsed);
      if (!(await moduleExists(db, parsed.data.moduleId))) return invalid({ moduleId: "errors.invalid" }, form);
      await verifyModule(db, graduate.id, parsed.data.moduleId, parsed.data.completedOn, parsed.data.score, staff.id);
      break;
    }
    case "unverifyModule": {
      const parsed = parseForm(ModuleRef, form);
      if (!parsed.ok) return rejected(parsed);
      await withdrawModuleVerification(db, graduate.id, parsed.data.moduleId, staff.id);
      break;
    }
    case "verifyCertificate":
      if (!(await verifyCertificate(db, graduate.id, staff.id))) return invalid({ _form: "verify.noCertificate" }, form);
      break;
    case "verifySkill": {
      const parsed = parseForm(SkillRef, form);
      if (!parsed.ok) return rejected(parsed);
      if (!(await verifySkill(db, graduate.id, parsed.data.skillId, staff.id))) return invalid({ skillId: "errors.invalid" }, form);
      break;
    }
    default:
      badRequest();
  }
  return redirect(`/staff/graduates/${graduate.id}`, { headers: cookieHeaders(setFlash("flash.saved")) });
}

export const meta = titleMeta("verify.title", { private: true });

export default function VerifyGraduatePage() {
  const { t, lang } = useT();
  const { profile, certificateName: certName } = useLoaderData<typeof loader>();
  const { graduate: g, modules, skills } = profile;
  const { errors, values } = useFormFailure();
  return (
    <section>
      <h1>
        {g.first_name} {g.last_name}
      </h1>
      <p className="muted">
        {cohortLabel(t, lang, { name_ky: g.school_ky, name_ru: g.school_ru, name_en: g.school_en }, g.graduation_date)}
        {g.slug ? (
          <>
            {" "}
            · <Link to={`/g/${g.slug}`}>{t("verify.profile")}</Link>
          </>
        ) : null}
      </p>
      <FormErrorSummary errors={errors} />
      <h2>{t("verify.modules")}</h2>
      <ol className="stack module-list">
        {modules.map((m) => {
          const typed = values.intent === "verifyModule" && values.moduleId === String(m.id);
          return (
            <li key={m.id} className="card">
              <h3>
                {t("admin.modules.number", { n: m.number })}: {pick(m, "title", lang)}
              </h3>
              <p className="small">
                {m.verified_at ? (
                  <span className="badge-verified">
                    {t("modules.verified", { date: formatDate(lang, m.completed_on!) })}
                    {/* Inside the badge: after it, a long badge left «· Балл: 96/100» alone on the next line (polish). */}
                    {m.score !== null ? ` · ${t("modules.scoreShown", { score: m.score })}` : null}
                  </span>
                ) : m.completed_on ? (
                  t("modules.declared", { date: formatDate(lang, m.completed_on) })
                ) : (
                  t("modules.notDone")
                )}
                {m.score !== null && !m.verified_at ? ` · ${t("modules.scoreShown", { score: m.score })}` : null}
              </p>
              <div className="actions">
                <Form method="post" className="filters" noValidate>
                  <input type="hidden" name="intent" value="verifyModule" />
                  <input type="hidden" name="moduleId" value={m.id} />
                  <Field
                    id={`completed-${m.id}`}
                    name="completedOn"
                    type="date"
                    label={t("modules.completedOn")}
                    required
                    defaultValue={typed ? values.completedOn : m.completed_on}
                    error={typed ? errors.completedOn : undefined}
                  />
                  <Field
                    id={`score-${m.id}`}
                    name="score"
                    type="number"
                    inputMode="numeric"
                    label={t("modules.score")}
                    defaultValue={typed ? values.score : m.score?.toString()}
                    error={typed ? errors.score : undefined}
                  />
                  <SubmitButton>{t("verify.verifyModule")}</SubmitButton>
                </Form>
                {m.verified_at ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="unverifyModule" />
                    <input type="hidden" name="moduleId" value={m.id} />
                    <button type="submit" className="link-button">
                      {t("verify.unverify")}
                    </button>
                  </Form>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      <h2>{t("public.certificate", { name: certName })}</h2>
      <div className="card">
        {g.certificate_number ? (
          <>
            <p>
              {g.certificate_number} · {g.certificate_date ? formatDate(lang, g.certificate_date) : ""}{" "}
              {g.certificate_verified_at ? <span className="badge-verified">{t("public.verifiedBadge")}</span> : null}
            </p>
            {!g.certificate_verified_at ? (
              <Form method="post">
                <input type="hidden" name="intent" value="verifyCertificate" />
                <SubmitButton>{t("verify.verifyCertificate")}</SubmitButton>
              </Form>
            ) : null}
          </>
        ) : (
          <p className="muted">{t("verify.noCertificate")}</p>
        )}
      </div>
      <h2>{t("verify.skills")}</h2>
      {/* stacked: on a phone each skill is a card, so the verify button stays on screen (docs/decisions/032-phone-navigation-and-tables.md) */}
      <ListTable
        rows={sortByShownName(skills, lang, (s) => evidenceGroup(s.pairs))}
        empty={t("skills.none")}
        columns={[
          { header: t("skills.skill"), cell: (s) => pick(s, "name", lang) },
          { header: t("skills.level"), cell: (s) => t(`skills.level.${s.level}`) },
          { header: t("skills.evidence"), cell: (s) => <SkillEvidence pairs={fromSources(s.pairs)} /> },
          {
            header: t("common.actions"),
            // Staff verify the declared level; until they do, a higher level stays self-declared (docs/decisions/022).
            cell: (s) =>
              !s.pairs.some((p) => p.level === s.level && p.evidence === "staff") ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="verifySkill" />
                  <input type="hidden" name="skillId" value={s.id} />
                  <button type="submit" className="link-button" aria-label={`${t("verify.verifySkill")}: ${pick(s, "name", lang)}`}>
                    {t("verify.verifySkill")}
                  </button>
                </Form>
              ) : (
                <span className="badge-verified">{t("public.verifiedBadge")}</span>
              ),
          },
        ]}
      />
    </section>
  );
}
