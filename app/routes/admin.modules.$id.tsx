import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/require-user.server";
import { Field, FormErrorSummary, SubmitButton, TextArea, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { sortByShownName } from "~/domain/search/name-order";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { listModulesWithSkills, saveModule } from "~/models/modules.server";
import { splitLines } from "~/domain/text/lines";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { optionalText, requiredText } from "~/utils/fields";
import { idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const ModuleSchema = z.object({
  title_ky: requiredText(200),
  title_ru: requiredText(200),
  title_en: requiredText(200),
  skills: optionalText(4000),
});

async function moduleFromParam(id: string | undefined) {
  const moduleId = idParam(id);
  const found = (await listModulesWithSkills(getDb())).find((m) => m.id === moduleId);
  return found ?? notFound();
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return { module: await moduleFromParam(params.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUser(request, { role: "admin" });
  const module = await moduleFromParam(params.id);
  const form = await readForm(request);
  const parsed = parseForm(ModuleSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const { skills, ...titles } = parsed.data;
  const result = await saveModule(getDb(), module.id, { ...titles, skills: splitLines(skills) }, admin.id);
  if (!result.ok) return invalid({ skills: ["admin.modules.unknownSkills", { list: result.unknown.join(", ") }] }, form);
  return redirect("/admin/modules", { headers: cookieHeaders(setFlash("flash.saved")) });
}

export const meta = titleMeta("admin.modules", { private: true });

export default function ModuleFormPage() {
  const { t, lang } = useT();
  const { module } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  return (
    <section className="narrow">
      <h1>{t("admin.modules.number", { n: module.number })}</h1>
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        <Field name="title_ky" label={t("admin.modules.titleKy")} required defaultValue={values.title_ky ?? module.title_ky} error={errors.title_ky} />
        <Field name="title_ru" label={t("admin.modules.titleRu")} required defaultValue={values.title_ru ?? module.title_ru} error={errors.title_ru} />
        <Field name="title_en" label={t("admin.modules.titleEn")} required defaultValue={values.title_en ?? module.title_en} error={errors.title_en} />
        <TextArea
          name="skills"
          label={t("admin.modules.skills")}
          hint={t("admin.modules.skillsHint")}
          rows={6}
          defaultValue={
            values.skills ??
            sortByShownName(module.skills, lang)
              .map((s) => pick(s, "name", lang))
              .join("\n")
          }
          error={errors.skills}
        />
        <SubmitButton>{t("common.save")}</SubmitButton>
      </Form>
    </section>
  );
}
