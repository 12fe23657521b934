// A typed skill line, "Skill" or "Skill: advanced", with the level named in any of the three
// languages (docs/product.md §4). Pure: app/models/vacancies.server.ts resolves the skill text.
import type { SkillLevel } from "@db/schema";

const LEVEL_WORDS: Record<string, SkillLevel> = {
  basic: "basic",
  intermediate: "intermediate",
  advanced: "advanced",
  базовый: "basic",
  средний: "intermediate",
  продвинутый: "advanced",
  базалык: "basic",
  орто: "intermediate",
  жогорку: "advanced",
};

/** One typed line: the skill text and the level after its last colon (when that names a level). */
export function parseSkillLine(line: string): { text: string; level: SkillLevel | null } {
  const m = /^(.*\S)\s*:\s*([^:]+)$/.exec(line.trim());
  const level = m ? LEVEL_WORDS[m[2]!.trim().toLowerCase()] : undefined;
  return m && level ? { text: m[1]!.trim(), level } : { text: line.trim(), level: null };
}
