import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrorSummary, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { requireGraduate } from "~/auth/guards.server";
import { languageLevels, saveLanguages } from "~/models/profile.server";
import { LANGUAGE_CODES } from "~/domain/profile/options";
import { CEFR_LEVELS } from "~/domain/skills/levels";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { parseForm, readForm, rejected } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";

// One select per language (name "lang-<code>"); empty means "does not speak it".
const LanguagesSchema = z.object(
  Object.fromEntries(LANGUAGE_CODES.map((code) => [`lang-${code}`, z.union([z.enum(CEFR_LEVELS, "errors.invalid"), z.literal("")]).optional()])),
);

export async function loader({ request }: LoaderFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  return { levels: await languageLevels(getDb(), graduate.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  const form = await readForm(request);
  const parsed = parseForm(LanguagesSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const levels = LANGUAGE_CODES.flatMap((code) => {
    const level = parsed.data[`lang-${code}`];
    return level ? [{ language: code, level }] : [];
  });
  await saveLanguages(getDb(), graduate.id, levels);
  return redirect("/me/languages", { headers: cookieHeaders(setFlash("flash.saved")) });
}

export const meta = titleMeta("languages.title", { private: true });

export default function LanguagesPage() {
  const { t } = useT();
  const { levels } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  return (
    <section className="narrow">
      <h1>{t("languages.title")}</h1>
      <p>{t("languages.lead")}</p>
      <FormErrorSummary errors={errors} />
      <Form method="post" className="card stack">
        {LANGUAGE_CODES.map((code) => {
          const name = `lang-${code}`;
          return (
            <div className="field" key={code}>
              <label htmlFor={`f-${name}`}>{t(`language.${code}`)}</label>
              <select id={`f-${name}`} name={name} defaultValue={values[name] ?? levels[code] ?? ""} aria-invalid={errors[name] ? true : undefined}>
                <option value="">{t("languages.none")}</option>
                {CEFR_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {l === "native" ? t("languages.native") : l}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        <SubmitButton>{t("common.save")}</SubmitButton>
      </Form>
    </section>
  );
}
