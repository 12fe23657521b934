const DEFAULT_REDIRECT = "/";

/**
 * Only same-site paths are allowed as redirect targets ("/account", not "//evil.example"
 * or "https://evil.example"), so ?redirectTo= cannot send people elsewhere.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string = DEFAULT_REDIRECT): string {
  if (!to || typeof to !== "string") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(to)) return fallback;
  return to;
}
