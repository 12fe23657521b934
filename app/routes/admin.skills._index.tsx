import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { pageParam, searchText } from "~/utils/params";
import { requireUser } from "~/auth/require-user.server";
import { Field, FormErrorSummary, Notice, Select, SubmitButton, useFormFailure } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { formatNumber } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { MarkedText } from "~/components/marked-text";
import { SearchNotes } from "~/components/search-results";
import { pageOf } from "~/domain/paging";
import { correctedSearchHref } from "~/domain/search/full-text";
import { sortByKyrgyzName } from "~/domain/search/kyrgyz-order";
import { markMatches, MAX_QUERY_LENGTH, rankByQuery } from "~/domain/search/rank";
import { normalizeSkillText } from "~/domain/skills/normalize";
import { langOf } from "~/i18n/negotiate";
import { reindexSkillHoldersInBackground } from "~/models/search-index.server";
import { createCategory, listCategories, listSkillsForAdmin, mergeSkills, resolveSkillText } from "~/models/skills.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { requiredText, slug } from "~/utils/fields";
import { badRequest } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const PAGE_SIZE = 40;

const ListQuery = z.object({
  q: searchText(MAX_QUERY_LENGTH),
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
  const lang = langOf(request);
  const [skills, categories, resolved] = await Promise.all([
    listSkillsForAdmin(db, query.category),
    listCategories(db),
    query.q ? resolveSkillText(db, query.q) : Promise.resolve(null),
  ]);
  // A few hundred skills: found by any name or alias and ordered in memory, by the name this page
  // shows in the Kyrgyz alphabet (docs/decisions/046-small-list-search-and-kyrgyz-order.md).
  const nameOf = (s: { name_ky: string; name_ru: string; name_en: string }) => pick(s, "name", lang);
  const ranked = rankByQuery(skills, query.q, (s) => [nameOf(s), s.name_ky, s.name_ru, s.name_en].concat(s.aliases), { nameOf });
  const { items, page, pages } = pageOf(ranked.hits, query.page, PAGE_SIZE);
  return {
    query: { q: query.q, category: query.category, page },
    total: ranked.hits.length,
    pages,
    searched: ranked.searched,
    suggestion: ranked.suggestion,
    // "Did you mean" keeps the category, from the first page (docs/product.md §14).
    suggestionHref: correctedSearchHref("/admin/skills", new URLSearchParams(query.category ? { category: String(query.category) } : {}), ranked.suggestion),
    categories: sortByKyrgyzName(categories, nameOf).map((c) => ({ id: c.id, name: nameOf(c) })),
    resolved: resolved ? nameOf(resolved) : null,
    items: items.map(({ item: s, tier }) => {
      const names = new Set([s.name_ky, s.name_ru, s.name_en].map(normalizeSkillText));
      return {
        id: s.id,
        name: markMatches(nameOf(s), query.q),
        category_id: s.category_id,
        aliases: markMatches(s.aliases.filter((a) => !names.has(normalizeSkillText(a))).join(", "), query.q),
        typo: tier === "typo",
      };
    }),
  };
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
    // The kept skill's holders' search rows are rewritten after the answer (decision 078).
    reindexSkillHoldersInBackground(db);
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
  const { query, items, total, pages, searched, suggestion, suggestionHref, categories, resolved } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  const again = (q: string) => `/admin/skills?${new URLSearchParams({ ...(q ? { q } : {}), ...(query.category ? { category: String(query.category) } : {}) })}`;
  return (
    <section>
      <h1>{t("admin.skills")}</h1>
      <p className="lead">{t("admin.skills.lead")}</p>
      <Form method="get" className="filters" role="search">
        <Field name="q" type="search" label={t("admin.skills.search")} hint={t("listSearch.skills.hint")} defaultValue={query.q} />
        <Select
          name="category"
          label={t("admin.skills.category")}
          placeholder={t("admin.skills.allCategories")}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
          defaultValue={query.category ?? ""}
        />
        <SubmitButton>{t("admin.skills.searchSubmit")}</SubmitButton>
      </Form>
      {resolved ? <Notice kind="info">{t("admin.skills.resolved", { q: query.q, skill: resolved })}</Notice> : null}
      <SearchNotes suggestion={suggestion} suggestionHref={suggestionHref} />
      {/* actions--after-form: the add button had the filter's select 2 px above it at 360 px (polish). */}
      <div className="actions actions--after-form">
        <p role={searched ? "status" : undefined}>
          {searched && total === 0 ? t("listSearch.skills.none", { q: query.q }) : t("admin.skills.count", { n: formatNumber(lang, total) })}
          {searched ? (
            <>
              {" "}
              <Link to={again("")}>{t("listSearch.showAll")}</Link>
            </>
          ) : null}
        </p>
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
          {
            header: t("admin.skills.name"),
            cell: (s) => (
              <>
                <Link to={`/admin/skills/${s.id}`}>
                  <MarkedText segments={s.name} />
                </Link>
                {s.typo ? <span className="small muted"> · {t("listSearch.typoTier")}</span> : null}
              </>
            ),
          },
          { header: t("admin.skills.category"), cell: (s) => categoryName.get(s.category_id) },
          { header: t("admin.skills.aliases"), className: "small", cell: (s) => <MarkedText segments={s.aliases} /> },
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
