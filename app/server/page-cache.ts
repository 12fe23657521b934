// A cache of the job board's rendered pages for signed-out visitors (docs/product.md §10: the board's
// throughput must reach half that of a bare route in the same server). Rendering the board
// is a search plus a full React render; most visitors are signed out and ask for the same few
// listings, so the finished HTML is kept and replayed. See docs/decisions/013-board-page-cache.md.
//
// - Only GET /vacancies with no cookie other than the language cookie (no session, no flash):
//   a signed-in page is never stored nor served from here.
// - Key: the full URL, the resolved language and whether the client is a bot (bots get the
//   document in one piece, browsers streamed).
// - Stale when vacancy data changes: the triggers of migration 0004 log every change of a
//   vacancy, its skills and languages, and a company's status (0014: job words; 0016: skill
//   names and aliases, docs/decisions/049) into match_changes, whose
//   AUTOINCREMENT counter (sqlite_sequence) only grows — one indexed read per request, and
//   edits made by any process count. Also stale after TTL_MS, since the board shows
//   relative dates and closes vacancies past their deadline when it renders.
// - The body is stored split at the request's CSP nonce and joined with the new request's
//   nonce, so header and body always agree and no nonce is ever reused. Set-Cookie is never
//   stored: a response that sets a cookie of its own is not cached at all (the language
//   cookie for ?lng= is set by rememberLanguage before this, afresh on every request).
// - Bounded: at most MAX_ENTRIES pages and MAX_BYTES of HTML, least recently used first out.
import type { NextFunction, Request, Response } from "express";
import { isbot } from "isbot";
import { LANG_COOKIE, negotiateLang } from "~/i18n/negotiate";

export const TTL_MS = 60_000;
const MAX_ENTRIES = 500;
const MAX_BYTES = 32 * 1024 * 1024;
const CACHED_PATHS = new Set(["/vacancies"]);
/** The response varies with these request headers (whether it comes from the cache or not). */
const VARY = "Accept-Language, Cookie";
/** Headers the server sets itself on every response: never stored, set afresh per request. */
const NOT_STORED = new Set(["set-cookie", "content-length", "content-encoding", "transfer-encoding", "vary", "content-security-policy"]);

/** parts: the body split at the nonce, UTF-8 encoded once, so a replay is one copy of bytes. */
type Entry = { version: number; at: number; status: number; headers: [string, string | string[]][]; parts: Buffer[]; bytes: number };

/** Whether every cookie sent is the language cookie (or there is none). */
function onlyLanguageCookie(header: string | undefined): boolean {
  if (!header) return true;
  return header.split(";").every((part) => {
    const name = part.split("=")[0]!.trim();
    return name === "" || name === LANG_COOKIE;
  });
}

export type PageCache = ((req: Request, res: Response, next: NextFunction) => void) & {
  clear(): void;
  stats(): { entries: number; bytes: number; hits: number; misses: number };
};

/**
 * @param version the current data version: a cached page made under another version is stale.
 */
export function pageCache(version: () => number, now: () => number = Date.now): PageCache {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;
  const drop = (key: string) => {
    const old = entries.get(key);
    if (old) bytes -= old.bytes;
    entries.delete(key);
  };

  const middleware = (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" || !CACHED_PATHS.has(req.path)) return next();
    res.setHeader("Vary", VARY);
    const nonce = String(res.locals.cspNonce ?? "");
    if (!nonce || !onlyLanguageCookie(req.get("cookie"))) return next();
    const lang = negotiateLang({ url: req.originalUrl, cookieHeader: req.get("cookie"), acceptLanguage: req.get("accept-language") });
    const key = `${req.originalUrl}\n${lang}\n${isbot(req.get("user-agent") ?? "") ? "bot" : "browser"}`;
    const current = version();
    const entry = entries.get(key);
    if (entry && entry.version === current && now() - entry.at < TTL_MS) {
      hits += 1;
      entries.delete(key); // most recently used goes last
      entries.set(key, entry);
      res.status(entry.status);
      for (const [name, value] of entry.headers) res.setHeader(name, value);
      const fresh = Buffer.from(nonce);
      res.end(Buffer.concat(entry.parts.flatMap((part, i) => (i === 0 ? [part] : [fresh, part]))));
      return;
    }
    if (entry) drop(key);
    misses += 1;
    capture(res, (status, headers, body) => {
      const parts = body.split(nonce).map((part) => Buffer.from(part));
      const size = parts.reduce((sum, part) => sum + part.length, 0);
      if (size > MAX_BYTES / 8) return;
      drop(key);
      entries.set(key, { version: current, at: now(), status, headers, parts, bytes: size });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (entries.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
        drop(oldest);
      }
    });
    next();
  };
  return Object.assign(middleware, {
    clear: () => {
      entries.clear();
      bytes = 0;
    },
    stats: () => ({ entries: entries.size, bytes, hits, misses }),
  });
}

/**
 * Records what the rest of the chain writes (before compression encodes it) and hands a
 * complete 200 text/html response that set no cookie of its own to `store`.
 */
function capture(res: Response, store: (status: number, headers: Entry["headers"], body: string) => void): void {
  const cookiesBefore = JSON.stringify(res.getHeader("set-cookie") ?? null);
  const before = new Set(res.getHeaderNames());
  const chunks: Buffer[] = [];
  let headers: Entry["headers"] | null = null;
  let ok = true;
  const snapshot = () => {
    if (headers) return;
    headers = Object.entries(res.getHeaders())
      .filter(([name]) => !before.has(name) && !NOT_STORED.has(name))
      .map(([name, value]) => [name, Array.isArray(value) ? value.map(String) : String(value)]);
    if (JSON.stringify(res.getHeader("set-cookie") ?? null) !== cookiesBefore) ok = false;
    if (res.statusCode !== 200 || !/^text\/html\b/.test(String(res.getHeader("content-type") ?? ""))) ok = false;
  };
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (!ok || chunk == null || typeof chunk === "function") return;
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    else ok = false;
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    snapshot();
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as Response["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    snapshot();
    keep(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as Response["end"];
  // Only a response handed over completely is kept ('finish' does not come when the client left).
  res.once("finish", () => {
    if (ok && headers) store(res.statusCode, headers, Buffer.concat(chunks).toString("utf8"));
  });
}
