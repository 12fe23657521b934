// The fixed choices of a profile, shared by forms (browser) and models (server).
import type { CefrLevel, RemotePreference, SkillLevel, Visibility } from "@db/schema";

export const LANGUAGE_CODES = ["ky", "ru", "en", "tr", "uz", "kk", "zh", "de", "ko", "fr"] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];
export const CEFR_LEVELS: CefrLevel[] = ["A1", "A2", "B1", "B2", "C1", "C2", "native"];
export const SKILL_LEVELS: SkillLevel[] = ["basic", "intermediate", "advanced"];
export const REMOTE_PREFERENCES: RemotePreference[] = ["onsite", "hybrid", "remote", "any"];
export const VISIBILITIES: Visibility[] = ["private", "employers", "public"];
