// The graduate's consent to outcome tracking (docs/product.md §8), dated; withdrawal allowed and dated too.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "~/components/form";
import { getDb } from "~/db.server";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { requireGraduate } from "~/auth/guards.server";
import { consentHistory, setConsent } from "~/models/outcomes.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { readForm } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  return { history: await consentHistory(getDb(), graduate.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, graduate } = await requireGraduate(request);
  const db = getDb();
  const intent = (await readForm(request)).get("intent");
  if (intent !== "give" && intent !== "withdraw") badRequest();
  await setConsent(db, graduate.id, intent === "give", user.id);
  return redirect("/me/outcomes", { headers: cookieHeaders(setFlash(intent === "give" ? "flash.consentGiven" : "flash.consentWithdrawn")) });
}

export const meta = titleMeta("outcomes.consent.title", { private: true });

export default function MyOutcomesPage() {
  const { t, lang } = useT();
  const { history } = useLoaderData<typeof loader>();
  const latest = history[0] ?? null;
  return (
    <section className="narrow">
      <h1>{t("outcomes.consent.title")}</h1>
      <p>{t("outcomes.consent.lead")}</p>
      <p>
        <strong>
          {latest
            ? t(latest.given ? "outcomes.consent.given" : "outcomes.consent.withdrawn", { date: formatDate(lang, latest.created_at) })
            : t("outcomes.consent.none")}
        </strong>
      </p>
      <Form method="post">
        {latest?.given ? (
          <SubmitButton name="intent" value="withdraw">
            {t("outcomes.consent.withdraw")}
          </SubmitButton>
        ) : (
          <SubmitButton name="intent" value="give">
            {t("outcomes.consent.give")}
          </SubmitButton>
        )}
      </Form>
      {history.length ? (
        <>
          <h2>{t("outcomes.consent.history")}</h2>
          <ul className="link-list">
            {history.map((h) => (
              <li key={h.id}>{t(h.given ? "outcomes.consent.historyGiven" : "outcomes.consent.historyWithdrawn", { date: formatDate(lang, h.created_at) })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
