// The fixed choices of a profile, shared by forms (browser) and models (server).
import type { RemotePreference, Visibility } from "@db/schema";

export const LANGUAGE_CODES = ["ky", "ru", "en", "tr", "uz", "kk", "zh", "de", "ko", "fr"] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];
export const REMOTE_PREFERENCES: RemotePreference[] = ["onsite", "hybrid", "remote", "any"];
export const VISIBILITIES: Visibility[] = ["private", "employers", "public"];
