// The completeness meter: what a profile has, what it still misses, and where to fix it.
export type ProfileFacts = {
  hasPhoto: boolean;
  headline: string | null;
  about: string | null;
  hasPlace: boolean;
  availableFrom: string | null;
  englishLevel: string | null;
  languageCount: number;
  skillCount: number;
  moduleCount: number;
  hasCertificate: boolean;
  projectCount: number;
  hasContact: boolean;
  visible: boolean;
};

export type CompletenessItem =
  "photo" | "headline" | "about" | "place" | "english" | "languages" | "skills" | "modules" | "certificate" | "projects" | "contact" | "visibility";

/** Where each item is edited (the /me pages). */
export const ITEM_PAGE: Record<CompletenessItem, string> = {
  photo: "/me/profile#photo",
  headline: "/me/profile",
  about: "/me/profile",
  place: "/me/profile",
  english: "/me/languages",
  languages: "/me/languages",
  skills: "/me/skills",
  modules: "/me/modules",
  certificate: "/me/modules#certificate",
  projects: "/me/projects",
  contact: "/me/profile#contacts",
  visibility: "/me/profile#visibility",
};

export const MIN_SKILLS = 3;
export const MIN_ABOUT_LENGTH = 80;

export function profileCompleteness(f: ProfileFacts): { percent: number; missing: CompletenessItem[] } {
  const checks: [CompletenessItem, boolean][] = [
    ["photo", f.hasPhoto],
    ["headline", Boolean(f.headline?.trim())],
    ["about", (f.about?.trim().length ?? 0) >= MIN_ABOUT_LENGTH],
    ["place", f.hasPlace],
    // No "when can you start": an empty date reads "Available now" on the profile, a full answer
    // the meter must not contradict (issue 14, item 13).
    ["english", Boolean(f.englishLevel)],
    ["languages", f.languageCount > 0],
    ["skills", f.skillCount >= MIN_SKILLS],
    ["modules", f.moduleCount > 0],
    ["certificate", f.hasCertificate],
    ["projects", f.projectCount > 0],
    ["contact", f.hasContact],
    ["visibility", f.visible],
  ];
  const done = checks.filter(([, ok]) => ok).length;
  return { percent: Math.round((done / checks.length) * 100), missing: checks.filter(([, ok]) => !ok).map(([item]) => item) };
}
