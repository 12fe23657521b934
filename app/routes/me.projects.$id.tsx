import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrorSummary, SubmitButton, TextArea, useFormFailure } from "~/components/form";
import { projectCardLinks, uploadUrl, thumbnailSize } from "~/components/project-card";
import { getDb } from "~/db.server";
import { deleteStoredImage, storeUploadedImage } from "~/domain/images/store.server";
import { readUploadForm } from "~/domain/images/upload-form.server";
import type { MessageKey } from "~/i18n/messages/en";
import { useT } from "~/i18n/use-t";
import { requireGraduate } from "~/auth/guards.server";
import {
  addProjectImage,
  createProject,
  deleteImage,
  deleteProject,
  getProject,
  MAX_IMAGES_PER_PROJECT,
  moveImage,
  projectImageCount,
  updateImageAlt,
  updateProject,
} from "~/models/projects.server";
import { splitLines } from "~/domain/text/lines";
import { sortByShownName } from "~/domain/search/name-order";
import { resolveSkillTexts } from "~/models/skills.server";
import { ProjectSchema } from "~/domain/profile/project-form";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import type { FieldError, FieldErrors } from "~/utils/form-types";
import { invalid, parseForm, rejected, typedValues } from "~/utils/forms.server";
import { positiveId, requiredText } from "~/utils/fields";
import { badRequest, idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

/** Project images are kept at most this size (screenshots stay legible, pages stay light). */
const IMAGE_BOX = { maxWidth: 1600, maxHeight: 1600 };
const MAX_SKILLS = 30;

// ---- validation ----

const UploadSchema = z.object({ alt: requiredText(300) });
const ImageSchema = z.object({ imageId: positiveId });
const ImageAltSchema = z.object({ imageId: positiveId, imageAlt: requiredText(300) });
const ImageMoveSchema = z.object({ imageId: positiveId, direction: z.enum(["up", "down"]) });

/** Status codes for refused uploads: too large 413, not an image 415, others 400. */
function uploadStatus(reason: MessageKey): number {
  if (reason === "upload.tooLarge") return 413;
  if (reason === "upload.notImage") return 415;
  if (reason === "upload.saveFailed") return 503;
  return 400;
}

function refused(errors: FieldErrors, values: Record<string, string>, status: number) {
  return data({ ok: false as const, errors, values }, { status });
}

// ---- loader and action ----

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  if (params.id === "new") return { project: null, maxImages: MAX_IMAGES_PER_PROJECT };
  const project = (await getProject(getDb(), graduate.id, idParam(params.id))) ?? notFound();
  return { project, maxImages: MAX_IMAGES_PER_PROJECT };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  const db = getDb();
  const projectId = params.id === "new" ? null : idParam(params.id);
  // Ownership before the body is read: another graduate's id is a 404, whatever was sent.
  const imageCount = projectId === null ? 0 : await projectImageCount(db, graduate.id, projectId);
  if (imageCount === null) notFound();

  const read = await readUploadForm(request);
  if (!read.ok) {
    const field = read.reason === "upload.tooLarge" ? "file" : "_form";
    return refused({ [field]: read.reason }, { intent: "upload" }, read.status);
  }
  const form = read.form;
  const intent = form.get("intent");

  if (intent === "save") {
    const parsed = parseForm(ProjectSchema, form);
    if (!parsed.ok) return rejected(parsed);
    const d = parsed.data;
    const texts = splitLines(d.skills);
    if (texts.length > MAX_SKILLS) return invalid({ skills: ["portfolio.errors.tooManySkills", { max: MAX_SKILLS }] }, form);
    const skills = await resolveSkillTexts(db, texts);
    if (skills.unknown.length) return invalid({ skills: ["admin.modules.unknownSkills", { list: skills.unknown.join(", ") }] }, form);
    const input = {
      title: d.title,
      summary: d.summary,
      description: d.description,
      role: d.role,
      repoUrl: d.repoUrl,
      demoUrl: d.demoUrl,
      startedOn: d.startedOn,
      finishedOn: d.finishedOn,
      skillIds: skills.found.map((s) => s.id),
    };
    if (projectId === null) {
      const id = await createProject(db, graduate.id, input);
      return redirect(`/me/projects/${id}`, { headers: cookieHeaders(setFlash("flash.created")) });
    }
    if (!(await updateProject(db, graduate.id, projectId, input))) notFound();
    return redirect(`/me/projects/${projectId}`, { headers: cookieHeaders(setFlash("flash.saved")) });
  }

  // Everything below acts on an existing project.
  if (projectId === null) notFound();

  if (intent === "delete") {
    const files = await deleteProject(db, graduate.id, projectId);
    if (files === null) notFound();
    // The rows are gone; the files follow (a file left behind would be unreachable garbage, never a dangling row).
    await Promise.all(files.map(deleteStoredImage));
    return redirect("/me/projects", { headers: cookieHeaders(setFlash("flash.projectDeleted")) });
  }

  if (intent === "upload") {
    const values = typedValues(form);
    const parsed = parseForm(UploadSchema, form);
    const file = form.get("file");
    const hasFile = file !== null && typeof file !== "string" && file.size > 0;
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    if (imageCount >= MAX_IMAGES_PER_PROJECT) return refused({ file: ["portfolio.imagesFull", { max: MAX_IMAGES_PER_PROJECT }] }, values, 409);
    if (!hasFile) errors.file = "upload.empty";
    if (!parsed.ok || !hasFile) return refused(errors, values, 400);

    const stored = await storeUploadedImage(file, IMAGE_BOX);
    if (!stored.ok) return refused({ file: stored.reason }, values, uploadStatus(stored.reason));
    // The file exists now: it must not outlive a row that failed to be written.
    let added: Awaited<ReturnType<typeof addProjectImage>>;
    try {
      added = await addProjectImage(db, graduate.id, projectId, {
        fileName: stored.fileName,
        alt: parsed.data.alt,
        width: stored.width,
        height: stored.height,
      });
    } catch (error) {
      await deleteStoredImage(stored.fileName);
      throw error;
    }
    if (!added.ok) {
      await deleteStoredImage(stored.fileName);
      if (added.reason === "not-found") notFound();
      return refused({ file: ["portfolio.imagesFull", { max: MAX_IMAGES_PER_PROJECT }] }, values, 409);
    }
    return redirect(`/me/projects/${projectId}#images`, { headers: cookieHeaders(setFlash("flash.imageAdded")) });
  }

  if (intent === "image-alt") {
    const parsed = parseForm(ImageAltSchema, form);
    if (!parsed.ok) {
      if (parsed.errors.imageId) badRequest();
      return rejected(parsed);
    }
    if (!(await updateImageAlt(db, graduate.id, projectId, parsed.data.imageId, parsed.data.imageAlt))) notFound();
    return redirect(`/me/projects/${projectId}#image-${parsed.data.imageId}`, { headers: cookieHeaders(setFlash("flash.saved")) });
  }

  if (intent === "image-move") {
    const parsed = parseForm(ImageMoveSchema, form);
    if (!parsed.ok) badRequest();
    if (!(await moveImage(db, graduate.id, projectId, parsed.data.imageId, parsed.data.direction))) notFound();
    return redirect(`/me/projects/${projectId}#image-${parsed.data.imageId}`);
  }

  if (intent === "image-delete") {
    const parsed = parseForm(ImageSchema, form);
    if (!parsed.ok) badRequest();
    const fileName = await deleteImage(db, graduate.id, projectId, parsed.data.imageId);
    if (fileName === null) notFound();
    await deleteStoredImage(fileName);
    return redirect(`/me/projects/${projectId}#images`, { headers: cookieHeaders(setFlash("flash.imageDeleted")) });
  }

  return badRequest();
}

export const meta: MetaFunction<typeof loader> = (args) =>
  titleMeta(args.data?.project ? "portfolio.editTitle" : "portfolio.new", { private: true })(args as Parameters<ReturnType<typeof titleMeta>>[0]);
export const links = projectCardLinks;

// ---- page ----

function useErrorText() {
  const { t } = useT();
  return (error: FieldError | undefined) => (error === undefined ? undefined : typeof error === "string" ? t(error) : t(error[0], error[1]));
}

export default function ProjectPage() {
  const { t, lang } = useT();
  const { project, maxImages } = useLoaderData<typeof loader>();
  const failure = useFormFailure();
  // Several forms share this page: each shows only the errors of the one that was sent.
  const failedIntent = failure.values.intent ?? (Object.keys(failure.errors).length ? "save" : undefined);
  const forIntent = (intent: string) => (failedIntent === intent ? failure : { errors: {}, values: {} as Record<string, string> });
  const save = forIntent("save");
  const v = save.values;

  return (
    <section>
      <p className="small">
        <Link to="/me/projects">← {t("portfolio.back")}</Link>
      </p>
      <h1>{project ? project.title : t("portfolio.new")}</h1>

      <div className="card">
        <h2>{t("portfolio.details")}</h2>
        <FormErrorSummary errors={save.errors} />
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="save" />
          <Field name="title" label={t("portfolio.field.title")} required defaultValue={v.title ?? project?.title} error={save.errors.title} />
          <TextArea
            name="summary"
            label={t("portfolio.field.summary")}
            hint={t("portfolio.field.summaryHint")}
            optional
            rows={2}
            defaultValue={v.summary ?? project?.summary}
            error={save.errors.summary}
          />
          <TextArea
            name="description"
            label={t("portfolio.field.description")}
            hint={t("portfolio.field.descriptionHint")}
            optional
            rows={8}
            defaultValue={v.description ?? project?.description}
            error={save.errors.description}
          />
          <Field
            name="role"
            label={t("portfolio.field.role")}
            hint={t("portfolio.field.roleHint")}
            optional
            defaultValue={v.role ?? project?.role}
            error={save.errors.role}
          />
          <TextArea
            name="skills"
            label={t("portfolio.field.skills")}
            hint={t("portfolio.field.skillsHint")}
            optional
            rows={5}
            defaultValue={
              v.skills ??
              (project
                ? sortByShownName(project.skills, lang)
                    .map((s) => s[`name_${lang}`])
                    .join("\n")
                : undefined)
            }
            error={save.errors.skills}
          />
          <Field
            name="repoUrl"
            type="url"
            label={t("portfolio.field.repoUrl")}
            hint={t("portfolio.field.urlHint")}
            optional
            defaultValue={v.repoUrl ?? project?.repo_url}
            error={save.errors.repoUrl}
          />
          <Field
            name="demoUrl"
            type="url"
            label={t("portfolio.field.demoUrl")}
            hint={t("portfolio.field.urlHint")}
            optional
            defaultValue={v.demoUrl ?? project?.demo_url}
            error={save.errors.demoUrl}
          />
          <div className="grid grid--2">
            <Field
              name="startedOn"
              type="month"
              label={t("portfolio.field.startedOn")}
              hint={t("portfolio.field.monthHint")}
              optional
              defaultValue={v.startedOn ?? project?.started_on}
              error={save.errors.startedOn}
            />
            <Field
              name="finishedOn"
              type="month"
              label={t("portfolio.field.finishedOn")}
              hint={t("portfolio.field.finishedHint")}
              optional
              defaultValue={v.finishedOn ?? project?.finished_on}
              error={save.errors.finishedOn}
            />
          </div>
          <SubmitButton>{project ? t("portfolio.save") : t("portfolio.create")}</SubmitButton>
        </Form>
      </div>

      {project ? (
        <>
          <ImagesSection project={project} maxImages={maxImages} failure={failure} failedIntent={failedIntent} />
          <details className="danger-zone card">
            <summary>{t("portfolio.delete")}</summary>
            <p>{t("portfolio.deleteWarning")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <button type="submit" className="button button--danger">
                {t("portfolio.deleteConfirm")}
              </button>
            </Form>
          </details>
        </>
      ) : (
        <p className="notice notice--info">{t("portfolio.imagesAfterCreate")}</p>
      )}
    </section>
  );
}

type LoadedProject = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["project"]>;

function ImagesSection({
  project,
  maxImages,
  failure,
  failedIntent,
}: {
  project: LoadedProject;
  maxImages: number;
  failure: { errors: FieldErrors; values: Record<string, string> };
  failedIntent: string | undefined;
}) {
  const { t } = useT();
  const errorText = useErrorText();
  const upload = failedIntent === "upload" ? failure : { errors: {} as FieldErrors, values: {} as Record<string, string> };
  const altFailure = failedIntent === "image-alt" ? failure : null;
  const full = project.images.length >= maxImages;
  const fileError = errorText(upload.errors.file);
  const count = project.images.length;

  return (
    <div className="card" id="images">
      <h2>{t("portfolio.images")}</h2>
      <p className="muted">{t("portfolio.imagesLead", { max: maxImages })}</p>
      {count === 0 ? <p>{t("portfolio.noImages")}</p> : null}
      {count > 0 ? (
        <ol className="image-editor">
          {project.images.map((image, index) => {
            const label = t("portfolio.imageNumber", { n: index + 1 });
            const size = thumbnailSize(image);
            const mine = altFailure && altFailure.values.imageId === String(image.id) ? altFailure : null;
            const altError = errorText(mine?.errors.imageAlt);
            const altId = `image-alt-${image.id}`;
            return (
              <li key={`${image.id}:${image.alt}`} id={`image-${image.id}`}>
                <strong>{label}</strong>
                <a href={uploadUrl(image.file_name)}>
                  <img src={uploadUrl(image.file_name)} alt={image.alt} width={size.width} height={size.height} loading="lazy" decoding="async" />
                </a>
                <Form method="post" className="stack" noValidate>
                  <input type="hidden" name="intent" value="image-alt" />
                  <input type="hidden" name="imageId" value={image.id} />
                  <div className={`field${altError ? " field--invalid" : ""}`}>
                    <label htmlFor={altId}>{t("portfolio.alt")}</label>
                    <input
                      id={altId}
                      name="imageAlt"
                      required
                      maxLength={300}
                      defaultValue={mine?.values.imageAlt ?? image.alt}
                      aria-invalid={altError ? true : undefined}
                      aria-describedby={altError ? `${altId}-error` : undefined}
                    />
                    {altError ? (
                      <p className="field__error" id={`${altId}-error`}>
                        {altError}
                      </p>
                    ) : null}
                  </div>
                  <button type="submit" className="button button--secondary">
                    {t("portfolio.saveAlt")}
                  </button>
                </Form>
                <div className="actions">
                  {count > 1 ? (
                    <Form method="post" className="order-form">
                      <input type="hidden" name="intent" value="image-move" />
                      <input type="hidden" name="imageId" value={image.id} />
                      {index > 0 ? (
                        <button type="submit" name="direction" value="up" className="button button--secondary">
                          <span aria-hidden="true">← </span>
                          {t("portfolio.imageEarlier")}
                          <span className="project-card__sr"> ({label})</span>
                        </button>
                      ) : null}
                      {index < count - 1 ? (
                        <button type="submit" name="direction" value="down" className="button button--secondary">
                          {t("portfolio.imageLater")}
                          <span className="project-card__sr"> ({label})</span>
                          <span aria-hidden="true"> →</span>
                        </button>
                      ) : null}
                    </Form>
                  ) : null}
                  <Form method="post" className="order-form">
                    <input type="hidden" name="intent" value="image-delete" />
                    <input type="hidden" name="imageId" value={image.id} />
                    <button type="submit" className="button button--danger">
                      {t("portfolio.deleteImage")}
                      <span className="project-card__sr"> ({label})</span>
                    </button>
                  </Form>
                </div>
              </li>
            );
          })}
        </ol>
      ) : null}

      <h3>{t("portfolio.upload")}</h3>
      {full ? (
        <p className="notice notice--info" role={fileError ? "alert" : undefined}>
          {t("portfolio.imagesFull", { max: maxImages })}
        </p>
      ) : (
        // Remounted after each upload, so a sent file is not sent again by mistake.
        <Form key={count} method="post" encType="multipart/form-data" className="stack" noValidate>
          <FormErrorSummary errors={upload.errors} />
          <input type="hidden" name="intent" value="upload" />
          <Field
            name="file"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            label={t("portfolio.file")}
            hint={t("portfolio.fileHint")}
            required
            error={upload.errors.file}
          />
          <Field name="alt" label={t("portfolio.alt")} hint={t("portfolio.altHint")} required defaultValue={upload.values.alt} error={upload.errors.alt} />
          <SubmitButton>{t("portfolio.uploadSubmit")}</SubmitButton>
        </Form>
      )}
    </div>
  );
}
