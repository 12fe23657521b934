// Making the copy an application sends (docs/decisions/007-application-snapshots.md). The apply
// action and the demo generator (db/seed/vacancies.ts) both make copies here, so a stored copy
// always has the shape app/domain/applications/snapshot.ts checks.
import type { DB } from "@db/connection";
import { type ApplicationSnapshot, SNAPSHOT_VERSION } from "~/domain/applications/snapshot";
import { LANGUAGE_CODES, type LanguageCode } from "~/domain/profile/options";
import { loadProfile } from "./profile.server";
import { listProjects } from "./projects.server";

const isLanguageCode = (code: string): code is LanguageCode => (LANGUAGE_CODES as readonly string[]).includes(code);

/** What a copy is made from: the graduate's profile and projects as they are now. */
export type SnapshotSource = {
  profile: NonNullable<Awaited<ReturnType<typeof loadProfile>>>;
  projects: Awaited<ReturnType<typeof listProjects>>;
};

export async function snapshotSource(db: DB, graduateId: number): Promise<SnapshotSource> {
  const profile = await loadProfile(db, graduateId);
  if (!profile) throw new Error(`no profile for graduate ${graduateId}`);
  return { profile, projects: await listProjects(db, graduateId) };
}

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
    projects: projects.filter((p) => chosen.has(p.id)).map((p) => ({
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

export async function takeSnapshot(db: DB, graduateId: number, projectIds: number[], takenAt = new Date().toISOString()): Promise<ApplicationSnapshot> {
  return snapshotFrom(await snapshotSource(db, graduateId), projectIds, takenAt);
}
