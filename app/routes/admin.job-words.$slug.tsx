// One group of the job-word table (docs/product.md §14): its words, one per line, and deleting it
// behind a confirmation that needs no JavaScript (a <details> with its own button). Admins only.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/require-user.server";
import { FormErrorSummary, SubmitButton, TextArea, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { jobWordsField } from "~/domain/search/job-word-form";
import { useT } from "~/i18n/use-t";
import { deleteJobWordClass, getJobWordClass, replaceJobWords } from "~/models/job-words.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { badRequest, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const SaveSchema = z.object({ intent: z.literal("save"), words: jobWordsField });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  const group = await getJobWordClass(getDb(), params.slug ?? "");
  if (!group) notFound();
  return { group: { slug: group.slug, words: group.words } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUser(request, { role: "admin" });
  const db = getDb();
  const slug = params.slug ?? "";
  if (!(await getJobWordClass(db, slug))) notFound();
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "delete") {
    if (!(await deleteJobWordClass(db, slug, admin.id))) notFound();
    return redirect("/admin/job-words", { headers: cookieHeaders(setFlash("flash.jobWordsDeleted")) });
  }
  if (intent !== "save") badRequest();
  const parsed = parseForm(SaveSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const result = await replaceJobWords(db, slug, parsed.data.words, admin.id);
  if (!result) notFound();
  if (!result.ok) return invalid({ [result.field]: "vars" in result ? [result.key, result.vars] : result.key }, form);
  return redirect(`/admin/job-words/${slug}`, { headers: cookieHeaders(setFlash("flash.saved")) });
}

export const meta = titleMeta("jobWords.title", { private: true });

export default function JobWordGroupPage() {
  const { t } = useT();
  const { group } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  return (
    <section className="narrow">
      <p>
        <Link to="/admin/job-words">{t("jobWords.back")}</Link>
      </p>
      <h1>{t("jobWords.edit", { slug: group.slug })}</h1>
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="save" />
        <TextArea
          name="words"
          label={t("jobWords.words")}
          hint={t("jobWords.wordsHint")}
          required
          rows={Math.min(16, Math.max(6, group.words.length + 2))}
          defaultValue={values.words ?? group.words.join("\n")}
          error={errors.words}
        />
        <SubmitButton>{t("common.save")}</SubmitButton>
      </Form>

      <details className="danger-zone card">
        <summary>{t("jobWords.delete")}</summary>
        <p>{t("jobWords.deleteWarning")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="button button--danger">
            {t("jobWords.deleteConfirm", { slug: group.slug })}
          </button>
        </Form>
      </details>
    </section>
  );
}
