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

export type BoundedForm =
  | { ok: true; form: FormData }
  /** `textFields`: with `readThrough`, the text parts complete within the kept first maxBytes of a too-large body. */
  | { ok: false; status: 400 | 413; textFields?: FormData };

const TOO_LARGE = { ok: false, status: 413 } as const;
const UNREADABLE = { ok: false, status: 400 } as const;

/**
 * The body's first `keep` bytes and whether more came; reading stops (null) as soon as more than
 * `readThrough` arrive. Bytes past `keep` are counted and dropped, never buffered.
 */
async function readKeeping(request: Request, keep: number, readThrough: number): Promise<{ bytes: Uint8Array; over: boolean } | null> {
  if (!request.body) return { bytes: new Uint8Array(0), over: false };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const kept = Math.min(value.byteLength, Math.max(0, keep - seen));
      seen += value.byteLength;
      if (seen > readThrough) return null;
      if (kept > 0) chunks.push(kept === value.byteLength ? value : value.subarray(0, kept));
    }
  } finally {
    reader.releaseLock();
  }
  return { bytes: Buffer.concat(chunks), over: seen > keep };
}

/**
 * A body that is not a form (a JSON webhook), read within `maxBytes`: reading stops as soon as more
 * arrive (null: answer 413), so a huge or endless body is never buffered. Like every form here.
 */
export async function readBoundedBytes(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = request.headers.get("Content-Length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) return null;
  const read = await readKeeping(request, maxBytes, maxBytes);
  return read && !read.over ? read.bytes : null;
}

/**
 * The text parts of a multipart body cut off at some byte: the parts that end before the last
 * delimiter in it, closed and parsed as a form of their own (files dropped). A browser sends the
 * fields in the page's order, so the text typed above a file field arrives before the file.
 */
async function textPartsOfPrefix(bytes: Uint8Array, contentType: string, boundary: string, limits: BodyLimits): Promise<FormData | undefined> {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cut = raw.lastIndexOf(`\r\n--${boundary}`);
  if (cut === -1) return undefined;
  const closed = Buffer.concat([raw.subarray(0, cut), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  if (countOf(closed, Buffer.from(`--${boundary}`)) - 1 > Math.min(limits.maxParts, limits.maxFields)) return undefined;
  let parsed: FormData;
  try {
    parsed = await new Response(closed, { headers: { "Content-Type": contentType } }).formData();
  } catch {
    return undefined;
  }
  const text = new FormData();
  for (const [key, value] of parsed.entries()) {
    if (typeof value === "string" && Buffer.byteLength(value) <= limits.maxFieldBytes) text.append(key, value);
  }
  return text;
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

/**
 * `readThrough` (a multipart form with a file, e.g. a conversation's PDF): a body over maxBytes but
 * not over readThrough is read to its end — the first maxBytes kept, the rest dropped — and its 413
 * carries the text parts that came before the cut, so the form can be shown again with the text
 * kept. Answering before the body has all arrived would leave a slow client's upload to be cut
 * off (app/server/http-guards.ts) and show a connection error instead of the form.
 */
export async function readBoundedForm(request: Request, limits: BodyLimits, options: { readThrough?: number } = {}): Promise<BoundedForm> {
  const contentType = request.headers.get("Content-Type") ?? "";
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  const declared = request.headers.get("Content-Length");
  const readThrough = Math.max(limits.maxBytes, options.readThrough ?? 0);
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > readThrough) return TOO_LARGE;
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") return UNREADABLE;

  let read: { bytes: Uint8Array; over: boolean } | null;
  try {
    read = await readKeeping(request, limits.maxBytes, readThrough);
  } catch {
    return UNREADABLE; // the client went away mid-body
  }
  if (read === null) return TOO_LARGE;
  if (read.over) {
    const boundary = type === "multipart/form-data" ? boundaryOf(contentType) : null;
    const textFields = boundary ? await textPartsOfPrefix(read.bytes, contentType, boundary, limits) : undefined;
    return textFields ? { ok: false, status: 413, textFields } : TOO_LARGE;
  }
  const bytes = read.bytes;

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
