import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/require-user.server";
import { Field, FormErrorSummary, Select, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { getSchool, listRegions, saveSchool } from "~/models/reference.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { positiveId, requiredText, slug } from "~/utils/fields";
import { idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";
import { sortOptions } from "~/domain/search/name-order";

const SchoolSchema = z.object({
  slug,
  regionId: positiveId,
  name_ky: requiredText(160),
  name_ru: requiredText(160),
  name_en: requiredText(160),
  city_ky: requiredText(80),
  city_ru: requiredText(80),
  city_en: requiredText(80),
});

/** "new" adds a school; a number edits that one; anything else is a 404. */
async function schoolFromParam(id: string | undefined) {
  if (id === "new") return null;
  const school = await getSchool(getDb(), idParam(id));
  return school ?? notFound();
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  const s = await schoolFromParam(params.id);
  // The form's fields; the whole row stays on the server (it is the audit's "before").
  const school = s
    ? {
        id: s.id,
        slug: s.slug,
        region_id: s.region_id,
        name_ky: s.name_ky,
        name_ru: s.name_ru,
        name_en: s.name_en,
        city_ky: s.city_ky,
        city_ru: s.city_ru,
        city_en: s.city_en,
      }
    : null;
  return { school, regions: (await listRegions(getDb())).map((r) => ({ id: r.id, name_ky: r.name_ky, name_ru: r.name_ru, name_en: r.name_en })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUser(request, { role: "admin" });
  const school = await schoolFromParam(params.id);
  const form = await readForm(request);
  const parsed = parseForm(SchoolSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const { regionId, ...fields } = parsed.data;
  const result = await saveSchool(getDb(), school, { ...fields, region_id: regionId }, admin.id);
  if (!result.ok) return invalid({ [result.field]: result.key }, form);
  return redirect("/admin/schools", { headers: cookieHeaders(setFlash("flash.saved")) });
}

export const meta = titleMeta("admin.schools.edit", { private: true });

export default function SchoolFormPage() {
  const { t, lang } = useT();
  const { school, regions } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  const value = (name: keyof NonNullable<typeof school>) => values[name] ?? (school ? String(school[name]) : "");
  return (
    <section className="narrow">
      <h1>{school ? t("admin.schools.edit") : t("admin.schools.add")}</h1>
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        <Field name="slug" label={t("admin.schools.slug")} hint={t("errors.slugFormat")} required defaultValue={value("slug")} error={errors.slug} />
        <Select
          name="regionId"
          label={t("admin.schools.region")}
          required
          placeholder=""
          options={sortOptions(regions.map((r) => ({ value: r.id, label: pick(r, "name", lang) })))}
          defaultValue={values.regionId ?? school?.region_id}
          error={errors.regionId}
        />
        <Field name="name_ky" label={t("admin.schools.nameKy")} required defaultValue={value("name_ky")} error={errors.name_ky} />
        <Field name="name_ru" label={t("admin.schools.nameRu")} required defaultValue={value("name_ru")} error={errors.name_ru} />
        <Field name="name_en" label={t("admin.schools.nameEn")} required defaultValue={value("name_en")} error={errors.name_en} />
        <Field name="city_ky" label={t("admin.schools.cityKy")} required defaultValue={value("city_ky")} error={errors.city_ky} />
        <Field name="city_ru" label={t("admin.schools.cityRu")} required defaultValue={value("city_ru")} error={errors.city_ru} />
        <Field name="city_en" label={t("admin.schools.cityEn")} required defaultValue={value("city_en")} error={errors.city_en} />
        <SubmitButton>{t("common.save")}</SubmitButton>
      </Form>
    </section>
  );
}
