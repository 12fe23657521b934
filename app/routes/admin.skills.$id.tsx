import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/require-user.server";
import { Field, FormErrorSummary, Select, SubmitButton, TextArea, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { splitLines } from "~/domain/text/lines";
import { reindexSkillHoldersInBackground } from "~/models/search-index.server";
import { categoryExists, getSkillForEdit, listCategories, saveSkill } from "~/models/skills.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { optionalText, positiveId, requiredText, slug } from "~/utils/fields";
import { idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";
import { sortByShownName, sortOptions } from "~/domain/search/name-order";

const SkillSchema = z.object({
  slug,
  categoryId: positiveId,
  name_ky: requiredText(100),
  name_ru: requiredText(100),
  name_en: requiredText(100),
  aliases: optionalText(4000),
  related: optionalText(4000),
});

/** "new" adds a skill; a number edits that one; anything else is a 404. */
async function skillFromParam(id: string | undefined) {
  if (id === "new") return null;
  return (await getSkillForEdit(getDb(), idParam(id))) ?? notFound();
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return { current: await skillFromParam(params.id), categories: await listCategories(getDb()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUser(request, { role: "admin" });
  const current = await skillFromParam(params.id);
  const form = await readForm(request);
  const parsed = parseForm(SkillSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const db = getDb();
  const d = parsed.data;
  if (!(await categoryExists(db, d.categoryId))) {
    return invalid({ categoryId: "errors.invalid" }, form);
  }
  const result = await saveSkill(
    db,
    current?.skill.id ?? null,
    {
      slug: d.slug,
      categoryId: d.categoryId,
      name_ky: d.name_ky,
      name_ru: d.name_ru,
      name_en: d.name_en,
      aliases: splitLines(d.aliases),
      related: splitLines(d.related),
    },
    admin.id,
  );
  if (!result.ok) return invalid({ [result.field]: result.vars ? [result.key, result.vars] : result.key }, form);
  // Changed names or aliases: the holders' search rows are rewritten after the answer (decision 078).
  reindexSkillHoldersInBackground(db);
  return redirect(`/admin/skills/${result.id}`, { headers: cookieHeaders(setFlash("flash.saved")) });
}

export const meta = titleMeta("admin.skills.edit", { private: true });

export default function SkillFormPage() {
  const { t, lang } = useT();
  const { current, categories } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  const skill = current?.skill;
  return (
    <section className="narrow">
      <h1>{skill ? pick(skill, "name", lang) : t("admin.skills.add")}</h1>
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        <Field
          name="slug"
          label={t("admin.schools.slug")}
          hint={t("errors.slugFormat")}
          required
          defaultValue={values.slug ?? skill?.slug}
          error={errors.slug}
        />
        <Select
          name="categoryId"
          label={t("admin.skills.category")}
          required
          placeholder=""
          options={sortOptions(categories.map((c) => ({ value: c.id, label: pick(c, "name", lang) })))}
          defaultValue={values.categoryId ?? skill?.category_id}
          error={errors.categoryId}
        />
        <Field name="name_ky" label={t("admin.schools.nameKy")} required defaultValue={values.name_ky ?? skill?.name_ky} error={errors.name_ky} />
        <Field name="name_ru" label={t("admin.schools.nameRu")} required defaultValue={values.name_ru ?? skill?.name_ru} error={errors.name_ru} />
        <Field name="name_en" label={t("admin.schools.nameEn")} required defaultValue={values.name_en ?? skill?.name_en} error={errors.name_en} />
        <TextArea
          name="aliases"
          label={t("admin.skills.aliases")}
          hint={t("admin.skills.aliasesHint")}
          rows={5}
          defaultValue={values.aliases ?? current?.aliases.join("\n")}
          error={errors.aliases}
        />
        <TextArea
          name="related"
          label={t("admin.skills.related")}
          hint={t("admin.skills.relatedHint")}
          rows={4}
          defaultValue={
            values.related ??
            (current
              ? sortByShownName(current.related, "en")
                  .map((r) => r.name_en)
                  .join("\n")
              : undefined)
          }
          error={errors.related}
        />
        <SubmitButton>{t("common.save")}</SubmitButton>
      </Form>
    </section>
  );
}
