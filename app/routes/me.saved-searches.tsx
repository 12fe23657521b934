// /me/saved-searches: a graduate's saved job-board searches, each with its private feed address.
// The board's "Save this search" form posts here (intent=create).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { publicOrigin } from "~/config.server";
import { requireUser } from "~/auth/require-user.server";
import { getDb } from "~/db.server";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { createSavedSearch, deleteSavedSearch, listSavedSearches } from "~/models/saved-searches.server";
import { parseBoardQuery } from "~/domain/vacancies/board-query";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { parseForm, readForm } from "~/utils/forms.server";
import { optionalText, positiveId } from "~/utils/fields";
import { badRequest, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const MAX_SAVED = 50;
const CreateSchema = z.object({
  query: z
    .string()
    .max(2000)
    .optional()
    .transform((v) => (v ?? "").replace(/^\?/, "")),
  name: optionalText(100),
});
const DeleteSchema = z.object({ id: positiveId });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { role: "graduate" });
  const origin = publicOrigin();
  const searches = await listSavedSearches(getDb(), user.id);
  // The feed token travels only inside the address the page shows (issue 13: named shapes).
  return {
    searches: searches.map((s) => ({ id: s.id, name: s.name, query: s.query, created_at: s.created_at, feedUrl: `${origin}/saved/${s.feed_token}/feed.xml` })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { role: "graduate" });
  const db = getDb();
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "create") {
    const parsed = parseForm(CreateSchema, form);
    if (!parsed.ok) badRequest();
    const count = (await listSavedSearches(db, user.id)).length;
    if (count >= MAX_SAVED) return redirect("/me/saved-searches", { headers: cookieHeaders(setFlash("vacancies.flash.tooManySaved")) });
    // Stored in its canonical form (parsed like the board reads it), never as typed.
    await createSavedSearch(db, user.id, parseBoardQuery(parsed.data.query), parsed.data.name);
    return redirect("/me/saved-searches", { headers: cookieHeaders(setFlash("vacancies.flash.searchSaved")) });
  }
  if (intent === "delete") {
    const parsed = parseForm(DeleteSchema, form);
    if (!parsed.ok) badRequest();
    if (!(await deleteSavedSearch(db, user.id, parsed.data.id))) notFound();
    return redirect("/me/saved-searches", { headers: cookieHeaders(setFlash("vacancies.flash.searchDeleted")) });
  }
  return badRequest();
}

export const meta = titleMeta("vacancies.savedTitle", { private: true });

export default function SavedSearches() {
  const { t, lang } = useT();
  const { searches } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("vacancies.savedTitle")}</h1>
      <p className="lead">{t("vacancies.savedLead")}</p>
      {searches.length === 0 ? (
        <p className="muted">
          {t("vacancies.savedNone")} <Link to="/vacancies">{t("vacancies.nav")}</Link>
        </p>
      ) : (
        <ul className="stack saved-searches">
          {searches.map((s) => (
            <li key={s.id} className="card stack">
              <h2>
                <Link to={`/vacancies${s.query ? `?${s.query}` : ""}`}>{s.name}</Link>
              </h2>
              <p className="small muted">{t("vacancies.savedOn", { date: formatDate(lang, s.created_at) })}</p>
              <div className="field">
                <label htmlFor={`feed-${s.id}`}>{t("vacancies.privateFeed")}</label>
                <input id={`feed-${s.id}`} className="feed-url" readOnly value={s.feedUrl} aria-describedby={`feed-${s.id}-hint`} />
                <p className="field__hint" id={`feed-${s.id}-hint`}>
                  {t("vacancies.privateFeedHint")}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="id" value={s.id} />
                <button type="submit" className="button button--danger">
                  {t("vacancies.deleteSearch")}
                  <span className="visually-hidden"> ({s.name})</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
