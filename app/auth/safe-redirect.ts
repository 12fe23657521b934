const DEFAULT_REDIRECT = "/";

/**
 * Only same-site paths are allowed as redirect targets ("/account", not "//evil.example"
 * or "https://evil.example"), so ?redirectTo= cannot send people elsewhere.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string = DEFAULT_REDIRECT): string {
  if (!to || typeof to !== "string") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(to)) return fallback;
  // A Location header carries bytes, not text: "/Ж" would make the response fail after the
  // session was made (issue 13, item 2). Anything outside printable ASCII goes percent-encoded.
  try {
    return to.replace(/[^\u0021-\u007e]/gu, (c) => encodeURIComponent(c));
  } catch {
    return fallback; // a lone surrogate cannot be encoded
  }
}
