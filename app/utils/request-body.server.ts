// Reads a posted form within limits set per route: total bytes, number of fields, bytes per
// text field and number of multipart parts. The body is streamed and reading stops at the byte
// limit (nothing more is buffered), and fields and parts are counted on the raw bytes before
// anything is parsed, so a huge or many-field body costs neither memory nor a frozen event loop
// (issue 13, item 11; docs/security.md "Request bodies").
//
// Reading stops without cancelling the stream: cancelling would destroy the socket before the 413
// could be sent. The Express layer closes a connection whose body was left unread
// (app/server/http-guards.ts).

export type BodyLimits = {
  /** The whole body, as sent. */
  maxBytes: number;
  /** Fields of any kind (urlencoded pairs, multipart parts). */
  maxFields: number;
  /** One text field, in UTF-8 bytes once decoded (files are bounded by maxBytes). */
  maxFieldBytes: number;
  /** Multipart parts, counted by their boundaries before parsing. */
  maxParts: number;
};

/**
 * Every signed-in form. The longest text field is 5,000 characters (≈ 15 KB in UTF-8, up to
 * 30 KB when a browser percent-encodes Cyrillic), and no form has more than a few hundred fields.
 */
export const FORM_LIMITS: BodyLimits = { maxBytes: 512 * 1024, maxFields: 1_000, maxFieldBytes: 64 * 1024, maxParts: 1_000 };

/** Forms anyone can post without an account (sign-in, sign-up, join, reset): a handful of short fields. */
export const SMALL_FORM_LIMITS: BodyLimits = { maxBytes: 16 * 1024, maxFields: 20, maxFieldBytes: 4 * 1024, maxParts: 20 };

export type BoundedForm = { ok: true; form: FormData } | { ok: false; status: 400 | 413 };

const TOO_LARGE = { ok: false, status: 413 } as const;
const UNREADABLE = { ok: false, status: 400 } as const;

/** The body's bytes, or null as soon as more than `max` arrive. */
async function readAtMost(request: Request, max: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      seen += value.byteLength;
      if (seen > max) return null;
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks);
}

function countOf(bytes: Uint8Array, needle: Buffer): number {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

export async function readBoundedForm(request: Request, limits: BodyLimits): Promise<BoundedForm> {
  const contentType = request.headers.get("Content-Type") ?? "";
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  const declared = request.headers.get("Content-Length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limits.maxBytes) return TOO_LARGE;
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") return UNREADABLE;

  let bytes: Uint8Array | null;
  try {
    bytes = await readAtMost(request, limits.maxBytes);
  } catch {
    return UNREADABLE; // the client went away mid-body
  }
  if (bytes === null) return TOO_LARGE;

  let form: FormData;
  if (type === "application/x-www-form-urlencoded") {
    if (countOf(bytes, Buffer.from("&")) + 1 > limits.maxFields) return TOO_LARGE;
    form = new FormData();
    for (const [key, value] of new URLSearchParams(new TextDecoder().decode(bytes))) form.append(key, value);
  } else {
    const boundary = boundaryOf(contentType);
    if (!boundary) return UNREADABLE;
    // Every part starts with "--boundary"; the closing delimiter adds one more.
    const parts = countOf(bytes, Buffer.from(`--${boundary}`)) - 1;
    if (parts > limits.maxParts || parts > limits.maxFields) return TOO_LARGE;
    try {
      form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "Content-Type": contentType } }).formData();
    } catch {
      return UNREADABLE;
    }
  }
  let fields = 0;
  for (const [, value] of form.entries()) {
    if (++fields > limits.maxFields) return TOO_LARGE;
    if (typeof value === "string" && Buffer.byteLength(value) > limits.maxFieldBytes) return TOO_LARGE;
  }
  return { ok: true, form };
}
