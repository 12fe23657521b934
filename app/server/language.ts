// ?lng=ky|ru|en on any page switches the language; the choice is kept in a cookie for a year.
import type { NextFunction, Request, Response } from "express";
import { isLang, LANG_COOKIE } from "~/i18n/negotiate";

export function rememberLanguage(req: Request, res: Response, next: NextFunction): void {
  const lng = req.query.lng;
  if (typeof lng === "string" && isLang(lng)) {
    res.cookie(LANG_COOKIE, lng, { maxAge: 365 * 24 * 3600 * 1000, sameSite: "lax", httpOnly: true, secure: req.protocol === "https", path: "/" });
  }
  next();
}
