// The copy an application sends, made from the graduate's profile and projects as the models read
// them (docs/decisions/007-application-snapshots.md). Pure, so the apply action and the demo
// generator (db/seed/vacancies.ts) make the same copy; app/models/application-snapshot.server.ts reads the source.
import type { loadProfile } from "~/models/profile.server";
import type { listProjects } from "~/models/projects.server";
import { LANGUAGE_CODES, type LanguageCode } from "~/domain/profile/options";
import { type ApplicationSnapshot, SNAPSHOT_VERSION } from "./snapshot";

const isLanguageCode = (code: string): code is LanguageCode => (LANGUAGE_CODES as readonly string[]).includes(code);

/** What a copy is made from: the graduate's profile and projects as they are now. */
export type SnapshotSource = {
  profile: NonNullable<Awaited<ReturnType<typeof loadProfile>>>;
  projects: Awaited<ReturnType<typeof listProjects>>;
};

/** The copy of the profile and of the chosen projects, in the current snapshot version. */
export function snapshotFrom({ profile, projects }: SnapshotSource, projectIds: number[], takenAt: string): ApplicationSnapshot {
  const g = profile.graduate;
  const chosen = new Set(projectIds);
  return {
    version: SNAPSHOT_VERSION,
    takenAt,
    graduate: {
      name: `${g.first_name} ${g.last_name}`,
      slug: g.slug,
      headline: g.headline,
      about: g.about,
      city: g.city,
      school: { name_ky: g.school_ky, name_ru: g.school_ru, name_en: g.school_en },
      graduationDate: g.graduation_date,
      englishLevel: g.english_level,
      modulesCompleted: profile.modules.filter((m) => m.completed_on).length,
      modulesTotal: profile.modules.length,
      certificate: g.certificate_number ? { number: g.certificate_number, date: g.certificate_date, verified: Boolean(g.certificate_verified_at) } : null,
      contacts: { email: g.contact_email, phone: g.contact_phone, telegram: g.contact_telegram },
    },
    skills: profile.skills.map(({ id, name_ky, name_ru, name_en, level, evidence, pairs }) => ({ id, name_ky, name_ru, name_en, level, evidence, pairs })),
    languages: profile.languages.flatMap(({ language, level }) => (isLanguageCode(language) ? [{ language, level }] : [])),
    projects: projects
      .filter((p) => chosen.has(p.id))
      .map((p) => ({
        id: p.id,
        title: p.title,
        summary: p.summary,
        description: p.description,
        role: p.role,
        repo_url: p.repo_url,
        demo_url: p.demo_url,
        started_on: p.started_on,
        finished_on: p.finished_on,
        skills: p.skills.map(({ id, name_ky, name_ru, name_en }) => ({ id, name_ky, name_ru, name_en })),
        images: p.images.map(({ file_name, alt, width, height }) => ({ file_name, alt, width, height })),
      })),
  };
}
