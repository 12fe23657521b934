// One-click unsubscribe from an e-mail (RFC 8058; docs/product.md §13, docs/decisions/051-outbox.md).
// The signed link is the credential: no sign-in. GET only asks (mail scanners open links; a GET
// must change nothing); POST — from this page's button, or the mail client's one-click
// "List-Unsubscribe=One-Click" — turns that kind of message off for that person on that channel.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { readUnsubscribeToken } from "~/auth/unsubscribe-token.server";
import { Notice, SubmitButton } from "~/components/form";
import { SectionErrorBoundary } from "~/components/section-error";
import { getDb } from "~/db.server";
import { topicOf } from "~/domain/messages/kinds";
import type { T } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";
import { optOut, unsubscribeState } from "~/models/outbox.server";
import { readForm } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";
import { SMALL_FORM_LIMITS } from "~/utils/request-body.server";
import { passOnHeaders } from "~/utils/route-headers";

type State = { state: "invalid" | "on" | "off" | "required"; kind: string | null };

const invalid = () => data<State>({ state: "invalid", kind: null }, { status: 404 });

export async function loader({ params }: LoaderFunctionArgs) {
  const target = readUnsubscribeToken(params.token ?? "");
  if (!target) return invalid();
  const state = await unsubscribeState(getDb(), target.userId, target.kind, target.channel);
  if (state === "gone") return invalid();
  // The address is the person's signed link: kept by no cache.
  return data<State>({ state, kind: target.kind }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  // The body says only "List-Unsubscribe=One-Click": read within small limits, nothing in it is needed.
  await readForm(request, SMALL_FORM_LIMITS);
  const target = readUnsubscribeToken(params.token ?? "");
  if (!target) return invalid();
  const db = getDb();
  // A password reset and account warnings cannot be turned off (docs/decisions/053-message-preferences-and-digests.md).
  const state = await unsubscribeState(db, target.userId, target.kind, target.channel);
  if (state === "gone") return invalid();
  if (state === "required") return data<State>({ state, kind: target.kind });
  if (!(await optOut(db, target.userId, target.kind, target.channel))) return invalid();
  return data<State>({ state: "off", kind: target.kind });
}

export const ErrorBoundary = SectionErrorBoundary;

export const meta = titleMeta("unsubscribe.title", { private: true });

// No-store (and no Referer) from the loader reach the document answer too.
export const headers = passOnHeaders;

/** The link turns off the kind's whole topic (the setting the account page shows), so the page names the topic. */
function kindLabel(t: T, kind: string | null): string {
  const key = kind ? `messageTopic.${topicOf(kind)}` : "";
  return t.has(key) ? t(key) : t("messageKind.other");
}

export default function UnsubscribePage() {
  const { t } = useT();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const { state, kind } = acted ?? loaded;
  return (
    <section className="narrow">
      <h1>{t("unsubscribe.title")}</h1>
      {state === "invalid" ? (
        <Notice kind="error">{t("unsubscribe.invalid")}</Notice>
      ) : state === "required" ? (
        <Notice kind="info">{t("unsubscribe.required")}</Notice>
      ) : state === "off" ? (
        <Notice>{t("unsubscribe.done", { kind: kindLabel(t, kind) })}</Notice>
      ) : (
        <Form method="post" className="stack">
          <p>{t("unsubscribe.question", { kind: kindLabel(t, kind) })}</p>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <SubmitButton>{t("unsubscribe.confirm")}</SubmitButton>
        </Form>
      )}
    </section>
  );
}
