// The fixed choices of a profile, shared by forms (browser) and models (server).
import type { RemotePreference, Visibility } from "@db/schema";
import type { T } from "~/i18n/translate";

export const LANGUAGE_CODES = ["ky", "ru", "en", "tr", "uz", "kk", "zh", "de", "ko", "fr"] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export function isLanguageCode(code: string): code is LanguageCode {
  return (LANGUAGE_CODES as readonly string[]).includes(code);
}

/** A language's name in the reader's language (tsc proves every code has one); an unknown stored code as it is. */
export function languageName(t: T, code: string): string {
  return isLanguageCode(code) ? t(`language.${code}`) : code;
}
export const REMOTE_PREFERENCES: RemotePreference[] = ["onsite", "hybrid", "remote", "any"];
export const VISIBILITIES: Visibility[] = ["private", "employers", "public"];
