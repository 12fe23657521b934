// Who may fetch a stored image (docs/product.md §8: "images of a profile are served only to those who
// may see the profile"). A name alone grants nothing: the row that names the file decides.
// See docs/decisions/023-uploads-access-backup-and-sweep.md.
import { sql } from "kysely";
import type { DB } from "@db/connection";
import type { Visibility } from "@db/schema";
import { canSeeProfile, type Viewer } from "~/domain/visibility";

export type ImageOwner =
  { kind: "logo" } | { kind: "profile"; graduate: { id: number; visibility: Visibility; anonymised_at: string | null; school_id: number } };

/** What the file belongs to: a company logo, a graduate's photo or project picture, or nothing. */
export async function imageOwner(db: DB, fileName: string): Promise<ImageOwner | null> {
  const logo = await db.selectFrom("companies").select("id").where("logo", "=", fileName).executeTakeFirst();
  if (logo) return { kind: "logo" };
  // With the school: a school-scoped officer sees private profiles of their schools only (decision 063).
  const columns = ["graduates.id", "graduates.visibility", "graduates.anonymised_at", "cohorts.school_id"] as const;
  const graduate =
    (await db
      .selectFrom("graduates")
      .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
      .select(columns)
      .where("photo", "=", fileName)
      .executeTakeFirst()) ??
    (await db
      .selectFrom("project_images")
      .innerJoin("projects", "projects.id", "project_images.project_id")
      .innerJoin("graduates", "graduates.id", "projects.graduate_id")
      .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
      .select(columns)
      .where("project_images.file_name", "=", fileName)
      .executeTakeFirst());
  return graduate ? { kind: "profile", graduate } : null;
}

/**
 * Whether the viewer may fetch the image: logos always; a profile's images when the viewer may
 * see the profile, or when the viewer's company received an application whose snapshot shows
 * the image (the application page shows what was sent, whatever the profile's visibility now).
 */
export async function canSeeImage(db: DB, viewer: Viewer, owner: ImageOwner, fileName: string): Promise<boolean> {
  if (owner.kind === "logo") return true;
  if (canSeeProfile(viewer, owner.graduate)) return true;
  if (viewer.kind !== "employer" || viewer.companyId === null) return false;
  const sent = await db
    .selectFrom("applications")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
    .select("applications.id")
    .where("applications.graduate_id", "=", owner.graduate.id)
    .where("vacancies.company_id", "=", viewer.companyId)
    .where(sql<boolean>`instr(applications.snapshot_json, ${fileName}) > 0`)
    .executeTakeFirst();
  return Boolean(sent);
}
