// Team notes, ratings and the conversation of an application (docs/product.md §15,
// docs/decisions/060-notes-and-conversations.md): limits, form schemas and the PDF check. Pure.
import { z } from "zod";
import type { ApplicationStatus } from "@db/schema";
import { requiredText } from "~/utils/fields";

/** The longest team note, in characters (issue 18). */
export const TEAM_NOTE_MAX = 5000;
/** The longest conversation message, in characters. */
export const MESSAGE_MAX = 5000;
/** The longest reason of a report to staff. */
export const REPORT_REASON_MAX = 2000;
/** The largest attachment: one PDF up to 5 MB. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/**
 * The conversation forms post to `…/messages?form`: a GET of the bare address goes to the application's
 * conversation (REVIEW18 F9), while the render after a rejected post (whose loader cannot tell it from a
 * GET) keeps the form and its errors (docs/decisions/060-notes-and-conversations.md, "Session 12").
 */
export const CONVERSATION_FORM_MARK = "form";
/** The longest stored file name (the name is only shown; the download's name is made from it safely). */
const FILE_NAME_MAX = 120;

export const NoteSchema = z.object({ intent: z.literal("note"), body: requiredText(TEAM_NOTE_MAX) });
export const RatingSchema = z.object({
  intent: z.literal("rate"),
  rating: z.coerce.number("errors.required").int("errors.invalid").min(1, "errors.invalid").max(5, "errors.invalid"),
});
export const MessageSchema = z.object({ intent: z.literal("send"), body: requiredText(MESSAGE_MAX) });
export const ReportSchema = z.object({ intent: z.literal("report"), reason: requiredText(REPORT_REASON_MAX) });

/** Who wrote a message, or reports a conversation. */
export type Side = "company" | "graduate";

/**
 * Both sides may write while the application is open, and after a hire; a rejected or withdrawn
 * application keeps its thread for reading only (nobody is written to after saying no).
 */
export function conversationOpen(status: ApplicationStatus): boolean {
  return status !== "rejected" && status !== "withdrawn";
}

export type PdfCheck = { ok: true } | { ok: false; reason: "conversations.file.notPdf" | "conversations.file.tooLarge" | "conversations.file.empty" };

/**
 * A PDF by its content, never by its name or the browser's type: the header "%PDF-1.x" (or 2.0) at
 * the start, and the parts every reader looks for at the end: "startxref" with an offset inside the
 * file, and "%%EOF". A renamed text file, an image or a cut-off PDF fails. It does not prove the
 * file is harmless: it is only ever served as a download (decision 060).
 */
export function checkPdf(bytes: Uint8Array): PdfCheck {
  if (bytes.length === 0) return { ok: false, reason: "conversations.file.empty" };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, reason: "conversations.file.tooLarge" };
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 16)).toString("latin1");
  if (!/^%PDF-(1\.[0-7]|2\.0)/.test(head)) return { ok: false, reason: "conversations.file.notPdf" };
  const tailStart = Math.max(0, bytes.length - 2048);
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + tailStart, bytes.length - tailStart).toString("latin1");
  const match = /startxref\s+(\d{1,10})\s+%%EOF\s*$/.exec(tail);
  if (!match) return { ok: false, reason: "conversations.file.notPdf" };
  const offset = Number(match[1]);
  if (offset <= 0 || offset >= bytes.length) return { ok: false, reason: "conversations.file.notPdf" };
  return { ok: true };
}

/** The name shown for an attachment: the base name, printable, ending in .pdf, at most 120 characters. */
export function attachmentName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069"]/g, "")
    .trim()
    .replace(/\.pdf$/i, "")
    .slice(0, FILE_NAME_MAX - 4)
    .trim();
  return `${cleaned || "document"}.pdf`;
}

/** A Content-Disposition header that always downloads, with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function downloadDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/[\\"%;]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The average of the ratings, to one decimal; null when nobody rated. */
export function averageRating(ratings: readonly number[]): number | null {
  if (!ratings.length) return null;
  return Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10;
}
