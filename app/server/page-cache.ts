// A cache of the rendered signed-out public pages (docs/product.md §10: each public page's throughput
// must reach half that of a bare route in the same server): the job board, the home page, a vacancy,
// a company and the list of companies, a portfolio and its CV, the outcome figures and the feed.
// Rendering one is queries plus a full React render; most visitors are signed out and ask for the
// same pages, so the finished document is kept and replayed. See docs/decisions/013-board-page-cache.md
// and docs/decisions/069-public-page-cache.md.
//
// - Only GET of CACHED_PATHS with no cookie other than the language cookie (no session, no flash):
//   a signed-in page is never stored nor served from here.
// - Key: the full URL, the resolved language and whether the client is a bot (bots get the
//   document in one piece, browsers streamed).
// - What a page depends on is named by its loaders (app/utils/page-pieces.server.ts): a render
//   whose loaders named nothing is not stored. The triggers of migration 0035 log every change of
//   a piece into page_changes, in the writer's transaction, whichever process wrote; pageChanges
//   reads the table's AUTOINCREMENT counter (sqlite_sequence) once per request and, only when it
//   moved, the new rows — a page is stale when a piece it named changed after it was rendered.
//   Also stale after TTL_MS, since these pages show relative dates and close vacancies past their
//   deadline when they render.
// - The body is stored split at the request's CSP nonce and joined with the new request's
//   nonce, so header and body always agree and no nonce is ever reused. Set-Cookie is never
//   stored: a response that sets a cookie of its own is not cached at all (the language
//   cookie for ?lng= is set by rememberLanguage before this, afresh on every request).
// - Bounded: at most MAX_ENTRIES pages and MAX_BYTES of HTML, least recently used first out.
import type { Database } from "better-sqlite3";
import type { NextFunction, Request, Response } from "express";
import { isbot } from "isbot";
import { LANG_COOKIE, negotiateLang } from "~/i18n/negotiate";
import { catchUpWithLog, type ChangeLog } from "~/models/change-log.server";

export const TTL_MS = 60_000;
const MAX_ENTRIES = 500;
const MAX_BYTES = 32 * 1024 * 1024;
/** The signed-out public pages: the board, home, a vacancy, the companies and one, a portfolio and its CV, outcomes, the feed. */
const CACHED_PATHS = /^\/(?:|vacancies|vacancies\/\d{1,12}|companies|companies\/[^/]+|g\/[^/]+|g\/[^/]+\/cv|outcomes|feed\.xml)$/;
/** What may be stored: a page, or the feed. */
const CACHED_TYPES = /^(?:text\/html|application\/rss\+xml)\b/;
/** More pieces changed than this since the oldest page was made: start afresh rather than grow. */
const MAX_PIECES = 100_000;
/** The response varies with these request headers (whether it comes from the cache or not). */
const VARY = "Accept-Language, Cookie";
/** Headers the server sets itself on every response: never stored, set afresh per request. */
const NOT_STORED = new Set(["set-cookie", "content-length", "content-encoding", "transfer-encoding", "vary", "content-security-policy"]);

/** parts: the body split at the nonce, UTF-8 encoded once, so a replay is one copy of bytes. */
type Entry = { since: number; deps: string[]; at: number; status: number; headers: [string, string | string[]][]; parts: Buffer[]; bytes: number };

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

/** Which pieces of data changed when, as the page cache needs it. */
export type PageChanges = {
  /** The newest change seen, after catching up with the log (one indexed read when nothing changed). */
  current(): number;
  /** Whether a page rendered when `since` was current, showing `deps`, still shows what the database holds. */
  fresh(since: number, deps: readonly string[]): boolean;
};

/**
 * Follows page_changes (migration 0035) with the change-log helper that the in-memory views use:
 * remembers, per piece, the last change seen; a gap in the log, too many changes at once or a change
 * of reference data ("*") makes every page made before it stale.
 */
export function pageChanges(sqlite: Database): PageChanges {
  const top = sqlite.prepare("select seq from sqlite_sequence where name = 'page_changes'").pluck();
  const changed = new Map<string, number>();
  let seen = -1;
  let floor = Number.POSITIVE_INFINITY;
  let everything = false;
  const log: ChangeLog<{ seq: number; piece: string }> = {
    table: "page_changes",
    columns: "piece",
    meansEverything: (entry) => entry.piece === "*",
    reloadAll: () => {
      everything = true;
    },
    apply: (entries) => {
      for (const { seq, piece } of entries) changed.set(piece, seq);
    },
  };
  return {
    current() {
      const newest = Number(top.get() ?? 0);
      if (newest === seen) return seen;
      everything = false;
      seen = catchUpWithLog(sqlite, log, seen);
      if (everything || changed.size > MAX_PIECES) {
        changed.clear();
        floor = seen;
      }
      return seen;
    },
    fresh: (since, deps) => since >= floor && deps.every((piece) => (changed.get(piece) ?? 0) <= since),
  };
}

/**
 * @param changes what changed since a page was made: a page showing a changed piece is stale.
 */
export function pageCache(changes: PageChanges, now: () => number = Date.now): PageCache {
  const entries = new Map<string, Entry>();
  /** The renders under way, by key: a request for the same page waits for them (serve). */
  const rendering = new Map<string, Promise<void>>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;
  const drop = (key: string) => {
    const old = entries.get(key);
    if (old) bytes -= old.bytes;
    entries.delete(key);
  };

  const middleware = (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" || !CACHED_PATHS.test(req.path)) return next();
    res.setHeader("Vary", VARY);
    const nonce = String(res.locals.cspNonce ?? "");
    if (!nonce || !onlyLanguageCookie(req.get("cookie"))) return next();
    const lang = negotiateLang({ url: req.originalUrl, cookieHeader: req.get("cookie"), acceptLanguage: req.get("accept-language") });
    const key = `${req.originalUrl}\n${lang}\n${isbot(req.get("user-agent") ?? "") ? "bot" : "browser"}`;
    serve(key, nonce, res, next, true);
  };

  /** Replays the stored page, waits for the render of it already under way, or renders it and stores it. */
  const serve = (key: string, nonce: string, res: Response, next: NextFunction, mayWait: boolean): void => {
    const current = changes.current();
    const entry = entries.get(key);
    if (entry && now() - entry.at < TTL_MS && changes.fresh(entry.since, entry.deps)) {
      hits += 1;
      entries.delete(key); // most recently used goes last
      entries.set(key, entry);
      res.status(entry.status);
      for (const [name, value] of entry.headers) res.setHeader(name, value);
      const fresh = Buffer.from(nonce);
      res.end(Buffer.concat(entry.parts.flatMap((part, i) => (i === 0 ? [part] : [fresh, part]))));
      return;
    }
    // A spike of visitors to one page that is not stored (cold, expired or just changed): one render,
    // the others wait for it and replay its copy instead of rendering the same page side by side.
    // A wait happens once: if that render stored nothing fresh, this request renders its own.
    const underWay = rendering.get(key);
    if (underWay && mayWait) {
      void underWay.then(() => serve(key, nonce, res, next, false));
      return;
    }
    if (entry) drop(key);
    misses += 1;
    // The loaders name what the page shows here (getLoadContext hands this array to them).
    const deps: string[] = [];
    res.locals.pageDeps = deps;
    let finished!: () => void;
    const render = new Promise<void>((resolve) => (finished = resolve));
    if (!underWay) rendering.set(key, render);
    capture(res, (status, headers, body) => {
      if (deps.length === 0) return;
      const parts = body.split(nonce).map((part) => Buffer.from(part));
      const size = parts.reduce((sum, part) => sum + part.length, 0);
      if (size > MAX_BYTES / 8) return;
      drop(key);
      entries.set(key, { since: current, deps: [...new Set(deps)], at: now(), status, headers, parts, bytes: size });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (entries.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
        drop(oldest);
      }
    });
    // After capture's own "finish" listener has stored the page; "close" also comes when the client left.
    const settle = () => {
      if (rendering.get(key) === render) rendering.delete(key);
      finished();
    };
    res.once("finish", settle);
    res.once("close", settle);
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
 * complete 200 page (or feed) response that set no cookie of its own to `store`.
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
    if (res.statusCode !== 200 || !CACHED_TYPES.test(String(res.getHeader("content-type") ?? ""))) ok = false;
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
