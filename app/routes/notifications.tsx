import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/require-user.server";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/i18n/format";
import type { T } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";
import { readableVars } from "~/domain/messages/email";
import type { Lang } from "~/i18n/negotiate";
import { listNotifications, markAllRead } from "~/models/notifications.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { notifications: await listNotifications(getDb(), user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await markAllRead(getDb(), user.id);
  return redirect("/notifications");
}

/**
 * The notification's sentence in the reader's language. A stage move stores the status code (the
 * reader's language is not known when it is written), so the code becomes its label here; an
 * interview's time its date and Bishkek time (docs/decisions/061-interview-slots-and-offers.md).
 */
function notificationText(t: T, lang: Lang, n: { kind: string; vars: Record<string, string | number> }): string {
  // The same words as the e-mail: a stage's label, an interview's date and Bishkek time, an offer's days.
  const vars = readableVars(t, n.kind, n.vars, lang);
  const key = `notify.${n.kind}`;
  return t.has(key) ? t(key, vars) : key;
}

export const meta = titleMeta("notifications.title", { private: true });

export default function NotificationsPage() {
  const { t, lang } = useT();
  const { notifications } = useLoaderData<typeof loader>();
  const unread = notifications.some((n) => !n.read_at);
  return (
    <section className="narrow">
      <h1>{t("notifications.title")}</h1>
      {unread ? (
        <Form method="post">
          <button type="submit" className="button button--secondary">
            {t("notifications.markRead")}
          </button>
        </Form>
      ) : null}
      {notifications.length === 0 ? (
        <p className="muted">{t("notifications.none")}</p>
      ) : (
        <ul className="stack notification-list">
          {notifications.map((n) => {
            const text = notificationText(t, lang, n);
            return (
              <li key={n.id} className={`card${n.read_at ? "" : " is-unread"}`}>
                {!n.read_at ? <span className="pill pill--warn">{t("notifications.new")}</span> : null} {n.link ? <Link to={n.link}>{text}</Link> : text}
                <br />
                <span className="small muted">{formatDateTime(lang, n.created_at)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
