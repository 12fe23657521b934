// /employer/rejection-templates — the company's reasons for a bulk rejection, each in Kyrgyz, Russian
// and English (the candidate receives the text in their language): add, edit, delete
// (docs/product.md §15, docs/decisions/059-bulk-decisions-and-undo.md). Members of a verified company;
// another company's template is a 404. Bad input: 400 with the message beside the field, values kept.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrorSummary, SubmitButton, TextArea, useFormFailure } from "~/components/form";
import { SectionErrorBoundary } from "~/components/section-error";
import { getDb } from "~/db.server";
import { TEMPLATE_MAX } from "~/domain/applications/bulk";
import { useT } from "~/i18n/use-t";
import { requireCompanyMember } from "~/auth/guards.server";
import { addTemplate, deleteTemplate, saveTemplate, templatesOf } from "~/models/rejection-templates.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { parseForm, readForm, rejected } from "~/utils/forms.server";
import { positiveId, requiredText } from "~/utils/fields";
import { badRequest, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const Texts = z.object({ text_ky: requiredText(TEMPLATE_MAX), text_ru: requiredText(TEMPLATE_MAX), text_en: requiredText(TEMPLATE_MAX) });
const AddSchema = Texts.extend({ intent: z.literal("add") });
const SaveSchema = Texts.extend({ intent: z.literal("save"), id: positiveId });
const DeleteSchema = z.object({ intent: z.literal("delete"), id: positiveId });

export async function loader({ request }: LoaderFunctionArgs) {
  const { company } = await requireCompanyMember(request);
  return { company: { name: company.name }, templates: await templatesOf(getDb(), company.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, company } = await requireCompanyMember(request);
  const form = await readForm(request);
  const db = getDb();
  const done = () => redirect("/employer/rejection-templates", { headers: cookieHeaders(setFlash("applicants.flash.templatesSaved")) });
  switch (form.get("intent")) {
    case "add": {
      const parsed = parseForm(AddSchema, form);
      if (!parsed.ok) return rejected(parsed);
      const { intent: _, ...texts } = parsed.data;
      await addTemplate(db, company.id, texts, user.id);
      return done();
    }
    case "save": {
      const parsed = parseForm(SaveSchema, form);
      if (!parsed.ok) return rejected(parsed);
      const { intent: _, id, ...texts } = parsed.data;
      if (!(await saveTemplate(db, company.id, id, texts, user.id))) notFound();
      return done();
    }
    case "delete": {
      const parsed = parseForm(DeleteSchema, form);
      if (!parsed.ok) badRequest();
      if (!(await deleteTemplate(db, company.id, parsed.data.id, user.id))) notFound();
      return done();
    }
    default:
      badRequest();
  }
}

export const meta = titleMeta("applicants.templates.title", { private: true });

function TemplateFields({
  prefix,
  values,
  errors,
}: {
  prefix: string;
  values: Record<string, string | undefined>;
  errors: ReturnType<typeof useFormFailure>["errors"];
}) {
  const { t } = useT();
  return (
    <>
      <TextArea
        id={`${prefix}-ky`}
        name="text_ky"
        label={t("applicants.templates.textKy")}
        rows={2}
        defaultValue={values.text_ky}
        error={errors.text_ky}
        required
      />
      <TextArea
        id={`${prefix}-ru`}
        name="text_ru"
        label={t("applicants.templates.textRu")}
        rows={2}
        defaultValue={values.text_ru}
        error={errors.text_ru}
        required
      />
      <TextArea
        id={`${prefix}-en`}
        name="text_en"
        label={t("applicants.templates.textEn")}
        rows={2}
        defaultValue={values.text_en}
        error={errors.text_en}
        required
      />
    </>
  );
}

export default function RejectionTemplatesPage() {
  const { t } = useT();
  const { company, templates } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  // A rejected form shows its errors and typed values beside itself only.
  const failedOn = values.intent === "save" ? `save:${values.id}` : values.intent === "add" ? "add" : null;
  return (
    <section className="stack">
      <p className="small">
        <Link to="/employer/applicants">← {t("applications.applicants.all")}</Link>
      </p>
      <h1>{t("applicants.templates.title")}</h1>
      <p className="muted">{company.name}</p>
      <p>{t("applicants.templates.lead")}</p>
      {templates.length === 0 ? <p className="muted">{t("applicants.templates.none")}</p> : null}
      {templates.map((tpl, n) => {
        const mine = failedOn === `save:${tpl.id}`;
        return (
          <Form
            key={`${tpl.id}:${tpl.text_ky}:${tpl.text_ru}:${tpl.text_en}`}
            method="post"
            className="card stack"
            noValidate
            aria-label={t("applicants.templates.number", { n: n + 1 })}
          >
            <h2>{t("applicants.templates.number", { n: n + 1 })}</h2>
            {mine ? <FormErrorSummary errors={errors} /> : null}
            <input type="hidden" name="id" value={tpl.id} />
            <TemplateFields
              prefix={`tpl-${tpl.id}`}
              values={mine ? values : { text_ky: tpl.text_ky, text_ru: tpl.text_ru, text_en: tpl.text_en }}
              errors={mine ? errors : {}}
            />
            <div className="actions">
              <SubmitButton name="intent" value="save">
                {t("applicants.templates.save")}
              </SubmitButton>
              <button type="submit" className="button button--danger" name="intent" value="delete" formNoValidate>
                {t("applicants.templates.delete")}
              </button>
            </div>
          </Form>
        );
      })}
      <Form method="post" className="card stack" noValidate aria-labelledby="tpl-add-title">
        <h2 id="tpl-add-title">{t("applicants.templates.add")}</h2>
        {failedOn === "add" ? <FormErrorSummary errors={errors} /> : null}
        <input type="hidden" name="intent" value="add" />
        <TemplateFields prefix="tpl-new" values={failedOn === "add" ? values : {}} errors={failedOn === "add" ? errors : {}} />
        <div className="actions">
          <SubmitButton>{t("applicants.templates.addSubmit")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
