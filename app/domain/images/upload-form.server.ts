// Reads a posted form (multipart or urlencoded) without ever holding more than a set number
// of bytes: a body that declares, or turns out to carry, more is refused before it is all
// buffered. Request.formData() alone would read any size into memory first.
import type { MessageKey } from "~/i18n/messages/en";
import { MAX_UPLOAD_BYTES } from "./store.server";

/** One image at the upload limit, plus room for the form's text fields and boundaries. */
export const MAX_FORM_BYTES = MAX_UPLOAD_BYTES + 256 * 1024;

export type UploadFormResult = { ok: true; form: FormData } | { ok: false; status: 400 | 413; reason: MessageKey };

const TOO_LARGE = { ok: false, status: 413, reason: "upload.tooLarge" } as const;
const UNREADABLE = { ok: false, status: 400, reason: "upload.badForm" } as const;

export async function readUploadForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<UploadFormResult> {
  const declared = request.headers.get("Content-Length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) return TOO_LARGE;
  if (!request.body) {
    try {
      return { ok: true, form: await request.formData() };
    } catch {
      return UNREADABLE;
    }
  }

  let seen = 0;
  let over = false;
  const reader = request.body.getReader();
  const limited = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      seen += value.byteLength;
      if (seen > maxBytes) {
        over = true;
        await reader.cancel().catch(() => undefined);
        controller.error(new Error("request body over the limit"));
        return;
      }
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const bounded = new Request(request.url, { method: request.method, headers: request.headers, body: limited, duplex: "half" } as RequestInit & { duplex: "half" });
  try {
    return { ok: true, form: await bounded.formData() };
  } catch {
    return over ? TOO_LARGE : UNREADABLE;
  }
}
