// POST /employer/applications/:id/notes: a colleague adds a private team note or sets their 1–5
// rating (docs/product.md §15, docs/decisions/060-notes-and-conversations.md). Success goes back to
// the application page; a rejected form is shown here, with the message beside the field and the
// text kept (works without JavaScript); a GET shows the forms.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";
import { FormErrorSummary, useFormFailure } from "~/components/form";
import { requireCompanyMember } from "~/auth/guards.server";
import { TeamNoteForm, TeamRatingForm } from "~/components/team-notes";
import { SectionErrorBoundary } from "~/components/section-error";
import { getDb } from "~/db.server";
import { NoteSchema, RatingSchema } from "~/domain/conversations/rules";
import { useT } from "~/i18n/use-t";
import { addTeamNote, ownsApplication, rateApplication } from "~/models/application-notes.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { parseForm, readForm, rejected } from "~/utils/forms.server";
import { badRequest, idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

// A GET (and the render after a rejected post, which runs the loader too) shows the form page; no redirect,
// or the rejected post's error and text would be lost.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company } = await requireCompanyMember(request);
  if (!(await ownsApplication(getDb(), company.id, idParam(params.id)))) notFound();
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, company } = await requireCompanyMember(request);
  const id = idParam(params.id);
  if (!(await ownsApplication(getDb(), company.id, id))) notFound();
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "note") {
    const parsed = parseForm(NoteSchema, form);
    if (!parsed.ok) return rejected(parsed);
    const result = await addTeamNote(getDb(), company.id, id, user.id, parsed.data.body);
    if (!result.ok) notFound();
    return redirect(`/employer/applications/${id}#team-notes`, { headers: cookieHeaders(setFlash("flash.noteAdded")) });
  }
  if (intent === "rate") {
    const parsed = parseForm(RatingSchema, form);
    if (!parsed.ok) return rejected(parsed);
    const result = await rateApplication(getDb(), company.id, id, user.id, parsed.data.rating);
    if (!result.ok) notFound();
    return redirect(`/employer/applications/${id}#team-notes`, { headers: cookieHeaders(setFlash("flash.ratingSaved")) });
  }
  badRequest();
}

export const meta = titleMeta("teamNotes.title", { private: true });

/** Shown only after a rejected form: the form again, with its error and what was typed. */
export default function TeamNotesFailurePage() {
  const { t } = useT();
  const { id } = useParams();
  const { errors, values } = useFormFailure();
  return (
    <section className="narrow stack">
      <p className="small">
        <Link to={`/employer/applications/${id}`}>← {t("teamNotes.back")}</Link>
      </p>
      <h1>{errors && Object.keys(errors).length ? t("teamNotes.page.title") : t("teamNotes.title")}</h1>
      <FormErrorSummary errors={errors} />
      {values.intent === "rate" ? (
        <TeamRatingForm applicationId={Number(id)} myRating={null} errors={errors} values={values} />
      ) : (
        <TeamNoteForm applicationId={Number(id)} errors={errors} values={values} />
      )}
    </section>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
