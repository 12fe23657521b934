// The graduate's public portfolio (/g/:slug) and CV (/g/:slug/cv): one loader for both,
// applying the visibility rules (the viewer comes from viewerOf in app/auth/guards.server.ts);
// a profile the reader may not see is a 404 (its existence is not revealed).
import type { DB } from "@db/connection";
import type { Lang } from "~/i18n/negotiate";
import { todayInBishkek } from "~/domain/calendar";
import { canSeeContacts, canSeeProfile, type Viewer } from "~/domain/visibility";
import { notFound } from "~/utils/http.server";
import { loadProfile } from "./profile.server";
import { listProjects } from "./projects.server";
import { certificateName } from "./reference.server";

export async function loadPublicProfile(db: DB, viewer: Viewer, slug: string | undefined, lang: Lang) {
  // The school decides whether a school-scoped officer answers for the graduate (decision 063).
  const row = slug
    ? await db
        .selectFrom("graduates")
        .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
        .select(["graduates.id", "graduates.visibility", "graduates.anonymised_at", "cohorts.school_id"])
        .where("graduates.slug", "=", slug)
        .executeTakeFirst()
    : undefined;
  if (!row) notFound();
  if (!canSeeProfile(viewer, row)) notFound();
  const profile = await loadProfile(db, row.id);
  if (!profile) notFound();
  const g = profile.graduate;
  const showContacts = canSeeContacts(viewer, row);
  return {
    graduate: {
      slug: g.slug!,
      name: `${g.first_name} ${g.last_name}`,
      firstName: g.first_name,
      photo: g.photo,
      headline: g.headline,
      about: g.about,
      city: g.city,
      region: { name_ky: g.region_ky, name_ru: g.region_ru, name_en: g.region_en },
      school: { name_ky: g.school_ky, name_ru: g.school_ru, name_en: g.school_en },
      graduationDate: g.graduation_date,
      willingToRelocate: g.willing_to_relocate === 1,
      remotePreference: g.remote_preference,
      availableFrom: g.available_from,
      certificate: g.certificate_number ? { number: g.certificate_number, date: g.certificate_date, verified: Boolean(g.certificate_verified_at) } : null,
      contacts: showContacts ? { email: g.contact_email, phone: g.contact_phone, telegram: g.contact_telegram } : null,
      // Only public profiles may be indexed by search engines.
      indexable: g.visibility === "public",
    },
    languages: profile.languages,
    skills: profile.skills.map(({ id, name_ky, name_ru, name_en, level, evidence, pairs }) => ({ id, name_ky, name_ru, name_en, level, evidence, pairs })),
    modules: profile.modules.filter((m) => m.completed_on),
    projects: await listProjects(db, row.id),
    certificateName: await certificateName(db, lang),
    today: todayInBishkek(),
  };
}

export type PublicProfile = Awaited<ReturnType<typeof loadPublicProfile>>;
