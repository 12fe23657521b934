// Which language a request is served in: ?lng= beats the saved cookie, which beats
// Accept-Language. Shared by the Express layer (which saves the cookie) and loaders.
export const LANGS = ["ky", "ru", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "ky";
export const LANG_COOKIE = "lng";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** Parses Accept-Language into languages ordered by preference (q), keeping header order on ties. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((x) => x.tag && x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((x) => x.tag);
}

export function langFromAcceptLanguage(header: string | null | undefined): Lang | null {
  for (const tag of parseAcceptLanguage(header)) {
    const primary = tag.split("-")[0];
    if (isLang(primary)) return primary;
    // Kyrgyz is sometimes sent as "kir"/"kgz" by older systems.
    if (primary === "kir") return "ky";
  }
  return null;
}

export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function negotiateLang(input: { url: string; cookieHeader?: string | null; acceptLanguage?: string | null }): Lang {
  const fromQuery = new URL(input.url, "http://x").searchParams.get("lng");
  if (isLang(fromQuery)) return fromQuery;
  const fromCookie = readCookie(input.cookieHeader, LANG_COOKIE);
  if (isLang(fromCookie)) return fromCookie;
  return langFromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LANG;
}

export function langOf(request: Request): Lang {
  return negotiateLang({
    url: request.url,
    cookieHeader: request.headers.get("Cookie"),
    acceptLanguage: request.headers.get("Accept-Language"),
  });
}

/** BCP 47 locale used with Intl for each interface language. */
export const INTL_LOCALE: Record<Lang, string> = { ky: "ky-KG", ru: "ru-KG", en: "en-GB" };
