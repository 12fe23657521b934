// Guards in front of Remix (issue 13, items 2 and 11): only the methods the portal uses reach it,
// and a connection whose request body was left unread is closed after the answer.
import type { NextFunction, Request, Response } from "express";
import { httpMessages } from "~/i18n/areas/http";
import { negotiateLang } from "~/i18n/negotiate";

export const ALLOWED_METHODS = "GET, HEAD, POST, OPTIONS";

function langOfRequest(req: Request) {
  return negotiateLang({ url: req.originalUrl, cookieHeader: req.get("cookie"), acceptLanguage: req.get("accept-language") });
}

/**
 * GET, HEAD and POST go on; OPTIONS is answered here (Remix would run the action for it, and the
 * cross-site check lets OPTIONS through as a safe method); anything else — TRACE, PUT, PROPFIND …,
 * which Remix cannot even turn into a request (a 500) — is a 405 in the reader's language.
 */
export function onlyKnownMethods(req: Request, res: Response, next: NextFunction): void {
  const method = req.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "POST") return next();
  res.setHeader("Allow", ALLOWED_METHODS);
  if (method === "OPTIONS") {
    res.status(204).end();
    return;
  }
  const m = httpMessages[langOfRequest(req)];
  res.status(405).type("text/plain; charset=utf-8").send(`405 ${m["error.405.title"]}\n${m["error.405.text"]}\n`);
}

/** How long a body nobody will read may keep arriving after the answer, to be discarded. */
export const UNREAD_BODY_GRACE_MS = 1_000;

/**
 * When the answer is complete before the request body has all arrived (a body refused for its
 * size, or never read), the rest is discarded as it comes — never buffered — for a short grace
 * period so that the client, still sending, can read the answer; then the connection is cut.
 * Closing at once would reset the connection under the client's feet and lose the 413.
 */
export function closeUnreadBodies(req: Request, res: Response, next: NextFunction): void {
  if (req.method === "GET" || req.method === "HEAD") return next();
  res.once("finish", () => {
    if (req.complete) return;
    // Whoever stopped reading (readForm) leaves its listener paused: discard from here on.
    req.removeAllListeners("data");
    req.resume();
    const cut = setTimeout(() => req.socket?.destroy(), UNREAD_BODY_GRACE_MS);
    req.once("end", () => clearTimeout(cut));
    req.socket?.once("close", () => clearTimeout(cut));
  });
  next();
}

/**
 * A body declared larger than any route accepts (an image upload with its form) is refused before
 * Remix starts; smaller limits per route are applied where the form is read (readForm). `readThrough`
 * names the routes that read a somewhat larger body through to answer with their form (a
 * conversation's PDF over 5 MB: docs/decisions/060-notes-and-conversations.md).
 */
export function refuseDeclaredTooLarge(maxBytes: number, readThrough: { path: RegExp; maxBytes: number }[] = []) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const declared = req.get("content-length");
    const limit = readThrough.find((r) => r.path.test(req.path))?.maxBytes ?? maxBytes;
    if (declared === undefined || !/^\d+$/.test(declared.trim()) || Number(declared) <= limit) return next();
    const m = httpMessages[langOfRequest(req)];
    res.status(413).type("text/plain; charset=utf-8").send(`413 ${m["error.413.title"]}\n${m["error.413.text"]}\n`);
  };
}
