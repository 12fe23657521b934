// HTTP-level protections applied to every response and every state-changing request.
import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery: a state-changing request must come from our own pages.
 * Browsers send Origin on every POST (and Sec-Fetch-Site); a request whose Origin, or
 * failing that Referer, names another site is refused, as is one marked cross-site.
 * Together with SameSite=Lax session cookies this covers forms with JavaScript off too.
 */
export function isCrossSiteWrite(req: { method: string; protocol: string; get(name: string): string | undefined }): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return false;
  const host = req.get("host");
  if (!host) return true;
  const expected = `${req.protocol}://${host}`.toLowerCase();
  if (req.get("sec-fetch-site") === "cross-site") return true;
  const origin = req.get("origin");
  if (origin) return origin.toLowerCase() !== expected;
  const referer = req.get("referer");
  if (referer) {
    try {
      return new URL(referer).origin.toLowerCase() !== expected;
    } catch {
      return true;
    }
  }
  // No Origin and no Referer: not a browser form post (browsers send Origin on POST), so no ambient credentials are at stake.
  return false;
}

export function rejectCrossSiteWrites(req: Request, res: Response, next: NextFunction): void {
  if (isCrossSiteWrite(req)) {
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send("403 Forbidden: cross-site request refused / Сайттар аралык суроо четке кагылды / Межсайтовый запрос отклонён");
    return;
  }
  next();
}

/**
 * Security headers on every response; the CSP nonce is handed to Remix for its inline scripts.
 * Cross-Origin-Opener-Policy is a per-document choice, made where the page is known: see
 * isolateFromOpeners, applied in entry.server.tsx.
 */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  const upload = req.path.startsWith("/uploads/");
  // The uploads route sets nosniff itself (on its 404s too); setting it here as well doubles it.
  if (!upload) res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (req.protocol === "https") res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  // Stored images carry their own, stricter policy (routes/uploads.$file.ts: default-src 'none';
  // sandbox); a page policy with a nonce means nothing for an image.
  if (upload) return next();
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  next();
}

/**
 * Whether a rendered page is sent with `Cross-Origin-Opener-Policy: same-origin`, which cuts
 * any window reference a page on another site holds to ours (window.open, window.opener) and
 * so closes the cross-window leaks of what a signed-in user sees. It is sent on every page but
 * one kind: a signed-out visit to a page that ships no JavaScript (decision 015: home, board,
 * vacancy, portfolio, company, public outcomes). Those hold nothing of anyone's — the same
 * bytes go to every visitor — so there is nothing to leak, while the policy makes Chromium move
 * each arrival into a fresh renderer process whose start-up, on a phone, lands on the page's
 * own main thread (decision 016). Every page with a session, or with a form and script, keeps it.
 */
export function isolateFromOpeners(page: { serverRenderedOnly: boolean; signedIn: boolean }): boolean {
  return page.signedIn || !page.serverRenderedOnly;
}
