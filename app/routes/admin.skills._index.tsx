import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { pageParam } from "~/utils/params";
import { requireUser } from "~/auth/require-user.server";
import { Field, FormErrorSummary, Notice, Select, SubmitButton, useFormFailure } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { formatNumber } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { createCategory, listCategories, listSkills, mergeSkills, resolveSkillText } from "~/models/skills.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { requiredText, slug } from "~/utils/fields";
import { badRequest } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const PAGE_SIZE = 40;

const ListQuery = z.object({
  q: z.string().trim().max(100).catch(""),
  category: z.coerce.number().int().positive().optional().catch(undefined),
  page: pageParam,
});

const MergeSchema = z.object({ intent: z.literal("merge"), from: requiredText(100), into: requiredText(100) });
const CategorySchema = z.object({
  intent: z.literal("category"),
  categorySlug: slug,
  category_ky: requiredText(100),
  category_ru: requiredText(100),
  category_en: requiredText(100),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  const db = getDb();
  const url = new URL(request.url);
  const query = ListQuery.parse(Object.fromEntries(url.searchParams));
  const [{ items, total }, categories, resolved] = await Promise.all([
    listSkills(db, { q: query.q, categoryId: query.category, page: query.page, pageSize: PAGE_SIZE }),
    listCategories(db),
    query.q ? resolveSkillText(db, query.q) : Promise.resolve(null),
  ]);
  return { query, items, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), categories, resolved };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, { role: "admin" });
  const form = await readForm(request);
  const db = getDb();
  const intent = form.get("intent");
  if (intent === "merge") {
    const parsed = parseForm(MergeSchema, form);
    if (!parsed.ok) return rejected(parsed);
    const [from, into] = await Promise.all([resolveSkillText(db, parsed.data.from), resolveSkillText(db, parsed.data.into)]);
    if (!from) return invalid({ from: ["admin.modules.unknownSkills", { list: parsed.data.from }] }, form);
    if (!into) return invalid({ into: ["admin.modules.unknownSkills", { list: parsed.data.into }] }, form);
    if (from.id === into.id) return invalid({ into: "errors.mergeSame" }, form);
    await mergeSkills(db, from.id, into.id, admin.id);
    return redirect(`/admin/skills/${into.id}`, { headers: cookieHeaders(setFlash("flash.merged")) });
  }
  if (intent === "category") {
    const parsed = parseForm(CategorySchema, form);
    if (!parsed.ok) return rejected(parsed);
    const d = parsed.data;
    const created = await createCategory(db, { slug: d.categorySlug, name_ky: d.category_ky, name_ru: d.category_ru, name_en: d.category_en }, admin.id);
    if (!created.ok) return invalid({ categorySlug: created.key }, form);
    return redirect("/admin/skills", { headers: cookieHeaders(setFlash("flash.created")) });
  }
  badRequest();
}

export const meta = titleMeta("admin.skills", { private: true });

export default function SkillsPage() {
  const { t, lang } = useT();
  const { query, items, total, pages, categories, resolved } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  const categoryName = new Map(categories.map((c) => [c.id, pick(c, "name", lang)]));
  return (
    <section>
      <h1>{t("admin.skills")}</h1>
      <p className="lead">{t("admin.skills.lead")}</p>
      <Form method="get" className="filters" role="search">
        <Field name="q" type="search" label={t("admin.skills.search")} defaultValue={query.q} />
        <Select
          name="category"
          label={t("admin.skills.category")}
          placeholder={t("admin.skills.allCategories")}
          options={categories.map((c) => ({ value: c.id, label: pick(c, "name", lang) }))}
          defaultValue={query.category ?? ""}
        />
        <SubmitButton>{t("admin.skills.searchSubmit")}</SubmitButton>
      </Form>
      {resolved ? <Notice kind="info">{t("admin.skills.resolved", { q: query.q, skill: pick(resolved, "name", lang) })}</Notice> : null}
      <div className="actions">
        <p>{t("admin.skills.count", { n: formatNumber(lang, total) })}</p>
        <Link className="button" to="/admin/skills/new">
          {t("admin.skills.add")}
        </Link>
      </div>
      {/* Not stacked: no actions or statuses to keep on screen (docs/decisions/032-phone-navigation-and-tables.md). */}
      <ListTable
        rows={items}
        stacked={false}
        page={query.page}
        pages={pages}
        columns={[
          { header: t("admin.skills.name"), cell: (s) => <Link to={`/admin/skills/${s.id}`}>{pick(s, "name", lang)}</Link> },
          { header: t("admin.skills.category"), cell: (s) => categoryName.get(s.category_id) },
          { header: t("admin.skills.aliases"), className: "small", cell: (s) => s.aliases },
        ]}
      />

      <FormErrorSummary errors={errors} />
      <div className="grid grid--2">
        <div className="card">
          <h2>{t("admin.skills.merge")}</h2>
          <p className="small">{t("admin.skills.mergeLead")}</p>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="merge" />
            <Field name="from" label={t("admin.skills.mergeFrom")} required defaultValue={values.from} error={errors.from} />
            <Field name="into" label={t("admin.skills.mergeInto")} required defaultValue={values.into} error={errors.into} />
            <SubmitButton>{t("admin.skills.mergeSubmit")}</SubmitButton>
          </Form>
        </div>
        <div className="card">
          <h2>{t("admin.skills.addCategory")}</h2>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="category" />
            <Field name="categorySlug" label={t("admin.schools.slug")} required defaultValue={values.categorySlug} error={errors.categorySlug} />
            <Field name="category_ky" label={t("admin.schools.nameKy")} required defaultValue={values.category_ky} error={errors.category_ky} />
            <Field name="category_ru" label={t("admin.schools.nameRu")} required defaultValue={values.category_ru} error={errors.category_ru} />
            <Field name="category_en" label={t("admin.schools.nameEn")} required defaultValue={values.category_en} error={errors.category_en} />
            <SubmitButton>{t("common.create")}</SubmitButton>
          </Form>
        </div>
      </div>
    </section>
  );
}
