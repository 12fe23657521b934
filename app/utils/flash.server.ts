// One-time notices after a redirect (Post/Redirect/Get): a short-lived cookie holding a message key.
import { en, type MessageKey } from "~/i18n/messages/en";
import { readCookie } from "~/i18n/negotiate";
import { isMessageKey } from "~/i18n/translate";

const FLASH_COOKIE = "flash";

/**
 * The keys a redirect may leave as a notice: `flash.*`, or an area's own `<area>.flash.*`. takeFlash
 * honours exactly these (a planted cookie shows no other text), so setFlash takes no other: a key
 * outside the pattern used to be set and silently dropped (tests/unit/flash-keys.test.ts).
 */
export type FlashKey = Extract<MessageKey, `flash.${string}` | `${string}.flash.${string}`>;
const FLASH_KEY = /^(?:[a-zA-Z]+\.)?flash\.[a-zA-Z]/;

export function setFlash(key: FlashKey): string {
  return `${FLASH_COOKIE}=${encodeURIComponent(key)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=120`;
}

/** The pending notice (only known keys are honoured) and the header that clears it. */
export function takeFlash(request: Request): { flash: MessageKey | null; clear: string | null } {
  const value = readCookie(request.headers.get("Cookie"), FLASH_COOKIE);
  if (value === null) return { flash: null, clear: null };
  const clear = `${FLASH_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  return { flash: isMessageKey(en, value) && FLASH_KEY.test(value) ? value : null, clear };
}

/** Joins several Set-Cookie values into a Headers object (each stays its own header line). */
export function cookieHeaders(...cookies: (string | null | undefined)[]): Headers {
  const headers = new Headers();
  for (const c of cookies) if (c) headers.append("Set-Cookie", c);
  return headers;
}
