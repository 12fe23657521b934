// Reads a posted form (multipart or urlencoded) without ever holding more than a set number
// of bytes: a body that declares, or turns out to carry, more is refused before it is all
// buffered (and too many parts before they are parsed). Request.formData() alone would read any
// size into memory first.
import type { MessageKey } from "~/i18n/messages/en";
import { type BodyLimits, readBoundedForm } from "~/utils/request-body.server";
import { MAX_UPLOAD_BYTES } from "./store.server";

/** One image at the upload limit, plus room for the form's text fields and boundaries. */
export const MAX_FORM_BYTES = MAX_UPLOAD_BYTES + 256 * 1024;

export type UploadFormResult = { ok: true; form: FormData } | { ok: false; status: 400 | 413; reason: MessageKey };

const TOO_LARGE = { ok: false, status: 413, reason: "upload.tooLarge" } as const;
const UNREADABLE = { ok: false, status: 400, reason: "upload.badForm" } as const;

/** Uploads keep their larger byte limit; fields and parts are counted as for any form. */
export const UPLOAD_LIMITS: BodyLimits = { maxBytes: MAX_FORM_BYTES, maxFields: 50, maxFieldBytes: 64 * 1024, maxParts: 50 };

export async function readUploadForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<UploadFormResult> {
  const read = await readBoundedForm(request, { ...UPLOAD_LIMITS, maxBytes });
  if (read.ok) return read;
  return read.status === 413 ? TOO_LARGE : UNREADABLE;
}
