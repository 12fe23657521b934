import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Field, FormErrorSummary, Select, SubmitButton, TextArea, useFormFailure } from "~/components/form";
import { getDb, pageCommit } from "~/db.server";
import { deleteStoredImage, storeUploadedImage } from "~/domain/images/store.server";
import { readUploadForm } from "~/domain/images/upload-form.server";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { requireGraduate } from "~/auth/guards.server";
import { saveBasics, setPhoto } from "~/models/profile.server";
import { BasicsSchema } from "~/domain/profile/forms";
import { REMOTE_PREFERENCES, VISIBILITIES } from "~/domain/profile/options";
import { listRegions, regionExists } from "~/models/reference.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, rejected } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";
import { SERVER_RENDERED_ONLY } from "~/utils/hydration";
import { sortOptions } from "~/domain/search/name-order";

export async function loader({ request }: LoaderFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  // Only what the form shows (issue 13: no row spreads; no verifier ids, enrolment contacts or user ids).
  const g = graduate;
  return {
    graduate: {
      id: g.id,
      first_name: g.first_name,
      last_name: g.last_name,
      photo: g.photo,
      headline: g.headline,
      about: g.about,
      region_id: g.region_id,
      city: g.city,
      willing_to_relocate: g.willing_to_relocate,
      remote_preference: g.remote_preference,
      available_from: g.available_from,
      contact_email: g.contact_email,
      contact_phone: g.contact_phone,
      contact_telegram: g.contact_telegram,
      visibility: g.visibility,
    },
    regions: (await listRegions(getDb())).map((r) => ({ id: r.id, name_ky: r.name_ky, name_ru: r.name_ru, name_en: r.name_en })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  const db = getDb();
  // Size-limited reading: a huge body is refused (413) before it is held in memory.
  const read = await readUploadForm(request);
  if (!read.ok) return data({ ok: false as const, errors: { photo: read.reason }, values: { intent: "photo" } }, { status: read.status });
  const form = read.form;
  const intent = form.get("intent");
  if (intent === "photo") {
    const file = form.get("photo");
    if (!(file instanceof File) || file.size === 0) return invalid({ photo: "errors.required" }, form);
    const stored = await storeUploadedImage(file, { maxWidth: 480, maxHeight: 480 });
    if (!stored.ok) return invalid({ photo: stored.reason }, form);
    const previous = await setPhoto(db, graduate.id, stored.fileName);
    if (previous) await deleteStoredImage(previous);
    return redirect("/me/profile", { headers: cookieHeaders(setFlash("flash.saved")) });
  }
  if (intent === "removePhoto") {
    const previous = await setPhoto(db, graduate.id, null);
    if (previous) await deleteStoredImage(previous);
    return redirect("/me/profile", { headers: cookieHeaders(setFlash("flash.saved")) });
  }
  if (intent !== "basics") badRequest();
  const parsed = parseForm(BasicsSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const d = parsed.data;
  if (d.regionId !== null && !(await regionExists(db, d.regionId))) {
    return invalid({ regionId: "errors.invalid" }, form);
  }
  await saveBasics(
    db,
    graduate.id,
    {
      headline: d.headline,
      about: d.about,
      region_id: d.regionId,
      city: d.city,
      willing_to_relocate: d.relocate ? 1 : 0,
      remote_preference: d.remote ? (d.remote as (typeof REMOTE_PREFERENCES)[number]) : null,
      available_from: d.availableFrom || null,
      contact_email: d.contactEmail,
      contact_phone: d.contactPhone,
      contact_telegram: d.contactTelegram ? d.contactTelegram.replace(/^@?/, "@") : null,
      visibility: d.visibility as (typeof VISIBILITIES)[number],
    },
    pageCommit(),
  );
  return redirect("/me/profile", { headers: cookieHeaders(setFlash("flash.saved")) });
}

// The graduate's first pages, often opened on a slow regional link: plain HTML forms, no scripts
// (React alone would take longer than the 2 s budget at 400 kbit/s). docs/decisions/033-light-first-load.md
export const handle = SERVER_RENDERED_ONLY;

export const meta = titleMeta("profile.title", { private: true });

export default function ProfileBasicsPage() {
  const { t, lang } = useT();
  const { graduate: g, regions } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  const typed = values.intent === "basics";
  const v = (name: string, current: string | null) => (typed ? (values[name] ?? "") : (current ?? ""));
  const name = `${g.first_name} ${g.last_name}`;
  return (
    <section>
      <h1>{t("profile.title")}</h1>
      <FormErrorSummary errors={errors} />
      <div className="grid grid--2">
        <div className="card" id="photo">
          <h2>{t("profile.photo")}</h2>
          <div className="profile-head">
            {g.photo ? (
              <img className="avatar" src={`/uploads/${g.photo}`} alt={t("profile.photoAlt", { name })} width={96} height={96} />
            ) : (
              <span className="avatar avatar--placeholder" aria-hidden="true">
                {g.first_name.slice(0, 1)}
              </span>
            )}
            <strong>{name}</strong>
          </div>
          <Form method="post" encType="multipart/form-data" className="stack">
            <input type="hidden" name="intent" value="photo" />
            <Field name="photo" type="file" label={t("profile.photoUpload")} hint={t("profile.photoHint")} error={errors.photo} />
            <SubmitButton>{t("profile.photoUpload")}</SubmitButton>
          </Form>
          {g.photo ? (
            <Form method="post">
              <input type="hidden" name="intent" value="removePhoto" />
              <button type="submit" className="button button--secondary">
                {t("profile.photoRemove")}
              </button>
            </Form>
          ) : null}
        </div>
        <Form method="post" className="card stack" noValidate>
          <input type="hidden" name="intent" value="basics" />
          <h2>{t("profile.basics")}</h2>
          <Field
            name="headline"
            label={t("profile.headline")}
            hint={t("profile.headlineHint")}
            defaultValue={v("headline", g.headline)}
            error={errors.headline}
          />
          <TextArea name="about" label={t("profile.about")} hint={t("profile.aboutHint")} rows={6} defaultValue={v("about", g.about)} error={errors.about} />
          <Select
            name="regionId"
            label={t("profile.region")}
            placeholder={t("profile.noRegion")}
            options={sortOptions(regions.map((r) => ({ value: r.id, label: pick(r, "name", lang) })))}
            defaultValue={typed ? values.regionId : g.region_id}
            error={errors.regionId}
          />
          <Field name="city" label={t("profile.city")} defaultValue={v("city", g.city)} error={errors.city} autoComplete="address-level2" />
          <div className="checkbox">
            <input type="checkbox" id="f-relocate" name="relocate" defaultChecked={typed ? values.relocate === "on" : g.willing_to_relocate === 1} />
            <label htmlFor="f-relocate">{t("profile.relocate")}</label>
          </div>
          <Select
            name="remote"
            label={t("profile.remote")}
            placeholder="—"
            options={REMOTE_PREFERENCES.map((p) => ({ value: p, label: t(`profile.remote.${p}`) }))}
            defaultValue={typed ? values.remote : g.remote_preference}
            error={errors.remote}
          />
          <Field
            name="availableFrom"
            type="date"
            label={t("profile.availableFrom")}
            defaultValue={v("availableFrom", g.available_from)}
            error={errors.availableFrom}
          />
          <h3 id="contacts">{t("profile.contacts")}</h3>
          <p className="small muted">{t("profile.contactsHint")}</p>
          <Field
            name="contactEmail"
            type="email"
            label={t("profile.contactEmail")}
            defaultValue={v("contactEmail", g.contact_email)}
            error={errors.contactEmail}
            autoComplete="email"
          />
          <Field
            name="contactPhone"
            type="tel"
            label={t("profile.contactPhone")}
            defaultValue={v("contactPhone", g.contact_phone)}
            error={errors.contactPhone}
            autoComplete="tel"
          />
          <Field
            name="contactTelegram"
            label={t("profile.contactTelegram")}
            defaultValue={v("contactTelegram", g.contact_telegram)}
            error={errors.contactTelegram}
          />
          <fieldset id="visibility" className="stack">
            <legend>{t("profile.visibility")}</legend>
            {VISIBILITIES.map((option) => (
              <div className="checkbox" key={option}>
                <input
                  type="radio"
                  id={`vis-${option}`}
                  name="visibility"
                  value={option}
                  defaultChecked={(typed ? values.visibility : g.visibility) === option}
                />
                <label htmlFor={`vis-${option}`}>{t(`profile.visibility.${option}`)}</label>
              </div>
            ))}
          </fieldset>
          <SubmitButton>{t("common.save")}</SubmitButton>
        </Form>
      </div>
    </section>
  );
}
