// How both sides' conversation routes answer a post (docs/decisions/060-notes-and-conversations.md): the
// form read and checked, then a report or a message written; back to the application page with a flash,
// 404 when the application is not the poster's, 409 when its conversation is closed, 400/413 with the
// message beside the field and the text kept. The routes differ only in who the poster is.
import { data, redirect } from "@remix-run/node";
import { readConversationForm } from "~/domain/conversations/message-form.server";
import { CONVERSATION_FORM_MARK } from "~/domain/conversations/rules";
import { type ConversationScope, reachesApplication, reportConversation, sendConversationMessage } from "~/models/conversations.server";
import { getDb } from "~/db.server";
import { cookieHeaders, setFlash } from "./flash.server";
import { typedValues } from "./forms.server";
import { notFound } from "./http.server";

/**
 * A GET of a messages route: 404 when the application is not the reader's, else to the application's
 * conversation — unless it is the render after a rejected post, which runs the loader too and keeps the
 * form with its errors and text (REVIEW18 F9). That render is known by the forms' `?form` address (with
 * JavaScript on it is a separate request) or, for a post to the bare address, by the post's Content-Type
 * that Remix copies onto the loader's request (a browser's GET has none).
 */
export async function answerConversationGet(request: Request, scope: ConversationScope, applicationId: number, back: string) {
  if (!(await reachesApplication(getDb(), scope, applicationId))) notFound();
  const afterPost = new URL(request.url).searchParams.has(CONVERSATION_FORM_MARK) || request.headers.has("Content-Type");
  if (!afterPost) throw redirect(back);
  return null;
}

export async function answerConversationPost(request: Request, scope: ConversationScope, applicationId: number, userId: number, back: string) {
  if (!(await reachesApplication(getDb(), scope, applicationId))) notFound();
  const read = await readConversationForm(request);
  if (!read.ok) return data({ ok: false as const, errors: read.errors, values: read.values }, { status: read.status });
  if (read.intent === "report") {
    const result = await reportConversation(getDb(), scope, applicationId, userId, read.reason);
    if (!result.ok && result.reason === "full")
      return data({ ok: false as const, errors: { reason: "retention.errors.reportFull" as const }, values: typedValues(read.form) }, { status: 400 });
    if (!result.ok) notFound();
    // A second report while the side's first is open adds to it (REVIEW18 F4): the notice says so.
    return redirect(back, { headers: cookieHeaders(setFlash(result.added ? "retention.flash.reportAdded" : "flash.conversationReported")) });
  }
  const result = await sendConversationMessage(getDb(), scope, applicationId, userId, read.body, read.attachment);
  if (!result.ok) {
    if (result.reason === "not-found") notFound();
    return data({ ok: false as const, errors: { _form: "conversations.errors.closed" as const }, values: typedValues(read.form) }, { status: 409 });
  }
  return redirect(back, { headers: cookieHeaders(setFlash("flash.messageSent")) });
}
