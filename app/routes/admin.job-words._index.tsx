// The job-word table (docs/product.md §14, docs/decisions/047-job-words-stored.md): every group of
// job-title words with its words, and a form to add a group. Admins only.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/require-user.server";
import { Field, FormErrorSummary, SubmitButton, TextArea, useFormFailure } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { jobWordsField } from "~/domain/search/job-word-form";
import { useT } from "~/i18n/use-t";
import { createJobWordClass, listJobWordClasses } from "~/models/job-words.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { slug } from "~/utils/fields";
import { badRequest } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const CreateSchema = z.object({ intent: z.literal("create"), slug, words: jobWordsField });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return { groups: await listJobWordClasses(getDb()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, { role: "admin" });
  const form = await readForm(request);
  if (form.get("intent") !== "create") badRequest();
  const parsed = parseForm(CreateSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const result = await createJobWordClass(getDb(), { slug: parsed.data.slug, words: parsed.data.words }, admin.id);
  if (!result.ok) return invalid({ [result.field]: "vars" in result ? [result.key, result.vars] : result.key }, form);
  return redirect(`/admin/job-words/${result.slug}`, { headers: cookieHeaders(setFlash("flash.created")) });
}

export const meta = titleMeta("jobWords.title", { private: true });

export default function JobWordsPage() {
  const { t } = useT();
  const { groups } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  return (
    <section>
      <h1>{t("jobWords.title")}</h1>
      <p className="lead">{t("jobWords.lead")}</p>
      {/* Two columns of text: no actions to keep on screen, so not stacked (docs/decisions/032-phone-navigation-and-tables.md). */}
      <ListTable
        rows={groups}
        stacked={false}
        empty={t("jobWords.empty")}
        columns={[
          { header: t("jobWords.group"), cell: (g) => <Link to={`/admin/job-words/${g.slug}`}>{g.slug}</Link> },
          { header: t("jobWords.words"), cell: (g) => g.words.join(", ") },
        ]}
      />

      <div className="card">
        <h2 id="add">{t("jobWords.add")}</h2>
        <p className="small">{t("jobWords.addLead")}</p>
        <FormErrorSummary errors={errors} />
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="create" />
          <Field name="slug" label={t("admin.schools.slug")} hint={t("jobWords.slugHint")} required defaultValue={values.slug} error={errors.slug} />
          <TextArea
            name="words"
            label={t("jobWords.words")}
            hint={t("jobWords.wordsHint")}
            required
            rows={6}
            defaultValue={values.words}
            error={errors.words}
          />
          <SubmitButton>{t("jobWords.add")}</SubmitButton>
        </Form>
      </div>
    </section>
  );
}
