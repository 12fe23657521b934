import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { todayInBishkek } from "~/domain/calendar";
import { Field, FormErrorSummary, Notice, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { formatDate } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { requireGraduate } from "~/auth/guards.server";
import { moduleExists } from "~/models/modules.server";
import { declareModule, loadProfile, saveCertificate } from "~/models/profile.server";
import { certificateName } from "~/models/reference.server";
import { langOf } from "~/i18n/negotiate";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { isoDate, moduleScore, optionalText, positiveId } from "~/utils/fields";
import { badRequest } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const today = () => todayInBishkek();
const notInFuture = isoDate.refine((d) => d <= today(), "errors.date");
const ModuleSchema = z.object({
  intent: z.literal("module"),
  moduleId: positiveId,
  // An empty date says what is missing, not that the format is wrong (issue 14, item 6).
  completedOn: z.string().trim().min(1, "modules.dateMissing").pipe(notInFuture),
  score: moduleScore,
});
const CertificateSchema = z.object({
  intent: z.literal("certificate"),
  number: optionalText(60),
  date: z.union([notInFuture, z.literal("")]).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  const db = getDb();
  const profile = await loadProfile(db, graduate.id);
  return {
    modules: profile!.modules,
    certificate: { number: graduate.certificate_number, date: graduate.certificate_date, verified: Boolean(graduate.certificate_verified_at) },
    certificateName: await certificateName(db, langOf(request)),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  const db = getDb();
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "module") {
    const parsed = parseForm(ModuleSchema, form);
    if (!parsed.ok) return rejected(parsed);
    if (!(await moduleExists(db, parsed.data.moduleId))) return invalid({ moduleId: "errors.invalid" }, form);
    const result = await declareModule(db, graduate.id, parsed.data.moduleId, parsed.data.completedOn, parsed.data.score);
    if (result === "verified") return invalid({ _form: "error.403.text" }, form);
  } else if (intent === "certificate") {
    const parsed = parseForm(CertificateSchema, form);
    if (!parsed.ok) return rejected(parsed);
    const number = parsed.data.number;
    const date = parsed.data.date || null;
    if (Boolean(number) !== Boolean(date)) return invalid(number ? { date: "errors.required" } : { number: "errors.required" }, form);
    await saveCertificate(db, graduate.id, number, date);
  } else {
    badRequest();
  }
  return redirect("/me/modules", { headers: cookieHeaders(setFlash("flash.saved")) });
}

export const meta = titleMeta("modules.title", { private: true });

export default function ModulesPage() {
  const { t, lang } = useT();
  const { modules, certificate, certificateName: certName } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  const completed = modules.filter((m) => m.completed_on).length;
  return (
    <section>
      <h1>{t("modules.title")}</h1>
      <p>{t("modules.lead")}</p>
      <p>
        <strong>{t("modules.covered", { n: completed })}</strong>
      </p>
      {values.intent !== "module" ? <FormErrorSummary errors={errors} /> : null}
      <ol className="stack module-list">
        {modules.map((m) => {
          const typed = values.intent === "module" && values.moduleId === String(m.id);
          return (
            <li key={m.id} id={`module-${m.id}`} className="card">
              <h2 className="h3">
                {t("admin.modules.number", { n: m.number })}: {pick(m, "title", lang)}
              </h2>
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
              {!m.verified_at ? (
                // The #fragment brings a no-JavaScript browser back to this card, where the
                // errors are; with JavaScript the summary takes focus (components/form.tsx).
                <Form method="post" action={`/me/modules#module-${m.id}`} className="filters" noValidate>
                  {typed ? <FormErrorSummary errors={errors} title={t("modules.errorsHere")} /> : null}
                  <input type="hidden" name="intent" value="module" />
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
                    hint={t("modules.scoreHint")}
                    defaultValue={typed ? values.score : m.score?.toString()}
                    error={typed ? errors.score : undefined}
                  />
                  <SubmitButton>{t("modules.mark")}</SubmitButton>
                </Form>
              ) : null}
            </li>
          );
        })}
      </ol>
      <h2 id="certificate">{t("public.certificate", { name: certName })}</h2>
      {certificate.number ? (
        <Notice kind={certificate.verified ? "ok" : "info"}>{certificate.verified ? t("certificate.verified") : t("certificate.notVerified")}</Notice>
      ) : null}
      <Form method="post" className="card stack narrow" noValidate>
        <input type="hidden" name="intent" value="certificate" />
        <Field
          name="number"
          label={t("certificate.number")}
          defaultValue={values.intent === "certificate" ? values.number : certificate.number}
          error={errors.number}
        />
        <Field
          name="date"
          type="date"
          label={t("certificate.date")}
          defaultValue={values.intent === "certificate" ? values.date : certificate.date}
          error={errors.date}
        />
        <SubmitButton>{t("certificate.save")}</SubmitButton>
      </Form>
    </section>
  );
}
