import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrorSummary, Select, SubmitButton, useFormFailure } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { fromSources, SkillEvidence } from "~/components/skill-evidence";
import { getDb } from "~/db.server";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { requireGraduate } from "~/auth/guards.server";
import { addSkillClaim, loadProfile, removeSkillClaim, setSkillLevel } from "~/models/profile.server";
import { SKILL_LEVELS } from "~/domain/skills/levels";
import { evidenceGroup } from "~/domain/profile/skill-evidence";
import { sortByShownName } from "~/domain/search/name-order";
import { resolveSkillText } from "~/models/skills.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { positiveId, requiredText } from "~/utils/fields";
import { badRequest } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const level = z.enum(SKILL_LEVELS, "errors.invalid");
const AddSchema = z.object({ intent: z.literal("add"), skill: requiredText(100), level });
const LevelSchema = z.object({ intent: z.literal("level"), skillId: positiveId, level });
const RemoveSchema = z.object({ intent: z.literal("remove"), skillId: positiveId });

export async function loader({ request }: LoaderFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  const profile = await loadProfile(getDb(), graduate.id);
  return { skills: profile!.skills };
}

export async function action({ request }: ActionFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  const db = getDb();
  const form = await readForm(request);
  const done = () => redirect("/me/skills", { headers: cookieHeaders(setFlash("flash.saved")) });
  switch (form.get("intent")) {
    case "add": {
      const parsed = parseForm(AddSchema, form);
      if (!parsed.ok) return rejected(parsed);
      const skill = await resolveSkillText(db, parsed.data.skill);
      if (!skill) return invalid({ skill: ["skills.unknown", { text: parsed.data.skill }] }, form);
      const result = await addSkillClaim(db, graduate.id, skill.id, parsed.data.level);
      if (result === "exists") return invalid({ skill: "skills.already" }, form);
      return done();
    }
    case "level": {
      const parsed = parseForm(LevelSchema, form);
      if (!parsed.ok) return rejected(parsed);
      await setSkillLevel(db, graduate.id, parsed.data.skillId, parsed.data.level);
      return done();
    }
    case "remove": {
      const parsed = parseForm(RemoveSchema, form);
      if (!parsed.ok) return rejected(parsed);
      await removeSkillClaim(db, graduate.id, parsed.data.skillId);
      return done();
    }
    default:
      badRequest();
  }
}

export const meta = titleMeta("skills.title", { private: true });

export default function SkillsPage() {
  const { t, lang } = useT();
  const { skills } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  // Keyed by the location: after a skill is added (JavaScript on) the form starts empty again; after a
  // refusal the typed values come back through defaultValue (docs/decisions/026-application-page-state.md).
  const { key: formKey } = useLocation();
  const levelOptions = SKILL_LEVELS.map((l) => ({ value: l, label: t(`skills.level.${l}`) }));
  return (
    <section>
      <h1>{t("skills.title")}</h1>
      <p>{t("skills.lead")}</p>
      <FormErrorSummary errors={errors} />
      <Form method="post" className="card filters" noValidate key={formKey}>
        <input type="hidden" name="intent" value="add" />
        <Field
          name="skill"
          label={t("skills.skill")}
          required
          defaultValue={values.intent === "add" ? values.skill : ""}
          error={errors.skill}
          autoComplete="off"
        />
        <Select name="level" label={t("skills.level")} options={levelOptions} defaultValue={values.level ?? "basic"} error={errors.level} />
        <SubmitButton>{t("skills.add")}</SubmitButton>
      </Form>
      {/* stacked: on a phone each skill is a card, so the level and delete stay on screen (docs/decisions/032-phone-navigation-and-tables.md) */}
      <ListTable
        rows={sortByShownName(skills, lang, (s) => evidenceGroup(s.pairs))}
        empty={t("skills.none")}
        columns={[
          { header: t("skills.skill"), cell: (s) => pick(s, "name", lang) },
          { header: t("skills.evidence"), cell: (s) => <SkillEvidence pairs={fromSources(s.pairs)} /> },
          {
            header: t("skills.level"),
            cell: (s) => (
              <Form method="post" className="row-form">
                <input type="hidden" name="intent" value="level" />
                <input type="hidden" name="skillId" value={s.id} />
                <select name="level" defaultValue={s.level} aria-label={`${t("skills.level")}: ${pick(s, "name", lang)}`}>
                  {levelOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
                <button type="submit" className="button button--secondary">
                  {t("skills.update")}
                </button>
              </Form>
            ),
          },
          {
            header: t("common.actions"),
            cell: (s) => (
              <Form method="post" className="row-form">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="skillId" value={s.id} />
                <button type="submit" className="link-button" aria-label={`${t("skills.remove")}: ${pick(s, "name", lang)}`}>
                  {t("skills.remove")}
                </button>
              </Form>
            ),
          },
        ]}
      />
    </section>
  );
}
