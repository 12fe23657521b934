// The team's private notes and 1–5 ratings on the employer's application page, and their forms
// (posted to /employer/applications/:id/notes; docs/decisions/060-notes-and-conversations.md).
import { Form } from "@remix-run/react";
import { Select, SubmitButton, TextArea } from "~/components/form";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/form-types";

export type TeamNotesView = {
  notes: { id: number; body: string; createdAt: string; author: string | null }[];
  ratings: { rater: string; rating: number; mine: boolean }[];
  average: number | null;
  myRating: number | null;
};

type Failure = { errors?: FieldErrors; values?: Record<string, string> };

export function TeamNoteForm({ applicationId, errors = {}, values = {} }: { applicationId: number } & Failure) {
  const { t } = useT();
  return (
    <Form method="post" action={`/employer/applications/${applicationId}/notes`} className="stack" noValidate>
      <input type="hidden" name="intent" value="note" />
      <TextArea
        name="body"
        id="team-note-body"
        label={t("teamNotes.note.label")}
        hint={t("teamNotes.note.hint")}
        rows={3}
        defaultValue={values.intent === "note" ? values.body : undefined}
        error={errors.body}
        required
      />
      <div className="actions">
        <SubmitButton>{t("teamNotes.note.submit")}</SubmitButton>
      </div>
    </Form>
  );
}

export function TeamRatingForm({ applicationId, myRating, errors = {}, values = {} }: { applicationId: number; myRating: number | null } & Failure) {
  const { t } = useT();
  return (
    <Form method="post" action={`/employer/applications/${applicationId}/notes`} className="stack" noValidate>
      <input type="hidden" name="intent" value="rate" />
      <Select
        name="rating"
        id="team-rating"
        label={t("teamNotes.rating.label")}
        hint={t("teamNotes.rating.hint")}
        options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }))}
        defaultValue={values.intent === "rate" ? values.rating : (myRating ?? 3)}
        error={errors.rating}
        required
      />
      <div className="actions">
        <SubmitButton>{t("teamNotes.rating.submit")}</SubmitButton>
      </div>
    </Form>
  );
}

/** The card on the employer's application page. */
export function TeamNotes({ applicationId, view }: { applicationId: number; view: TeamNotesView }) {
  const { t, lang } = useT();
  return (
    <section id="team-notes" aria-labelledby="team-notes-title" className="card stack">
      <h2 id="team-notes-title">{t("teamNotes.title")}</h2>
      <p className="small muted">{t("teamNotes.private")}</p>
      {view.average === null ? (
        <p>{t("teamNotes.noRatings")}</p>
      ) : (
        <>
          <p>
            <strong>{t("teamNotes.average", { avg: formatNumber(lang, view.average) })}</strong> · {t("teamNotes.ratingsCount", { n: view.ratings.length })}
          </p>
          <ul className="small">
            {view.ratings.map((r, i) => (
              <li key={i}>{t("teamNotes.ratingBy", { name: r.rater, rating: r.rating })}</li>
            ))}
          </ul>
        </>
      )}
      <TeamRatingForm applicationId={applicationId} myRating={view.myRating} />
      {view.notes.length ? (
        <ul className="stack">
          {view.notes.map((n) => (
            <li key={n.id}>
              <p className="small muted">
                {n.author ?? t("teamNotes.formerColleague")} · {formatDateTime(lang, n.createdAt)}
              </p>
              <p className="about">{n.body}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("teamNotes.none")}</p>
      )}
      <TeamNoteForm applicationId={applicationId} />
    </section>
  );
}
