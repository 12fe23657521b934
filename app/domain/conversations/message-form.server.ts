// Reads a posted conversation form (a message with an optional PDF, or a report) within its byte
// limit: one PDF of 5 MB plus room for the text; past it a 413 that keeps the text typed before the
// file, without buffering more (app/utils/request-body.server.ts). The PDF is checked by its content (rules.ts#checkPdf).
import type { FieldErrors } from "~/utils/form-types";
import { parseForm, typedValues } from "~/utils/forms.server";
import { type BodyLimits, readBoundedForm } from "~/utils/request-body.server";
import { attachmentName, checkPdf, MAX_ATTACHMENT_BYTES, MessageSchema, ReportSchema } from "./rules";

/** One attachment at the limit, plus room for the message and the multipart boundaries. */
/**
 * A body up to this size is read through so that a PDF a little over 5 MB gets the form back with the
 * text kept (REVIEW18 F1, decision 060); a larger one is refused unread (app/server/main.ts).
 */
export const CONVERSATION_BODY_CEILING = 16 * 1024 * 1024;
/** Both sides' message routes (and their single-fetch .data form), which read up to the ceiling. */
export const CONVERSATION_POST_PATH = /^\/(?:employer|me)\/applications\/\d+\/messages(?:\.data)?$/;
export const CONVERSATION_FORM_LIMITS: BodyLimits = { maxBytes: MAX_ATTACHMENT_BYTES + 64 * 1024, maxFields: 10, maxFieldBytes: 64 * 1024, maxParts: 10 };

export type ConversationForm =
  | { ok: true; intent: "send"; body: string; attachment: { fileName: string; bytes: Uint8Array } | null; form: FormData }
  | { ok: true; intent: "report"; reason: string; form: FormData }
  | { ok: false; status: 400 | 413; errors: FieldErrors; values: Record<string, string> };

export async function readConversationForm(request: Request): Promise<ConversationForm> {
  const read = await readBoundedForm(request, CONVERSATION_FORM_LIMITS, { readThrough: CONVERSATION_BODY_CEILING });
  if (!read.ok) {
    const errors: FieldErrors = read.status === 413 ? { file: "conversations.file.tooLarge" } : { _form: "errors.invalid" };
    return { ok: false, status: read.status, errors, values: read.textFields ? typedValues(read.textFields) : {} };
  }
  const form = read.form;
  const intent = form.get("intent");
  if (intent === "report") {
    const parsed = parseForm(ReportSchema, form);
    if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors, values: parsed.values };
    return { ok: true, intent: "report", reason: parsed.data.reason, form };
  }
  if (intent !== "send") return { ok: false, status: 400, errors: { _form: "errors.invalid" }, values: typedValues(form) };
  const file = form.get("file");
  const parsed = parseForm(MessageSchema, form);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  // A form sent without choosing a file carries an empty, unnamed part: no attachment.
  let attachment: { fileName: string; bytes: Uint8Array } | null = null;
  if (file !== null && typeof file !== "string" && (file.size > 0 || file.name !== "")) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const check = checkPdf(bytes);
    if (check.ok) attachment = { fileName: attachmentName(file.name), bytes };
    else errors.file = check.reason;
  }
  if (!parsed.ok || errors.file) return { ok: false, status: 400, errors, values: typedValues(form) };
  return { ok: true, intent: "send", body: parsed.data.body, attachment, form };
}
