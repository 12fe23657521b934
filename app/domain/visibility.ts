// Who may see a graduate's profile and contact details (docs/product.md §3, §8). One place, so the
// directory, the public page, the CV and the portfolio all apply the same rules. Pure: the
// viewer is worked out from the request by viewerOf (app/auth/guards.server.ts).
import type { Visibility } from "@db/schema";

export type Viewer =
  | { kind: "visitor" }
  | { kind: "graduate"; userId: number; graduateId: number | null }
  | { kind: "employer"; userId: number; companyId: number | null; verified: boolean }
  /** schoolIds: the staff scope (null = the whole Agency, docs/decisions/063-staff-scope.md). */
  | { kind: "staff"; userId: number; schoolIds: readonly number[] | null };

/** school_id: the graduate's school; without it a school-scoped officer is treated as out of scope. */
type Subject = { id: number; visibility: Visibility; anonymised_at?: string | null; school_id?: number };

/** Staff who answer for this graduate: the whole Agency, or an officer of the graduate's school. */
const isResponsibleStaff = (viewer: Viewer, subject: Subject) =>
  viewer.kind === "staff" && (viewer.schoolIds === null || (subject.school_id !== undefined && viewer.schoolIds.includes(subject.school_id)));

const isSelf = (viewer: Viewer, subject: Subject) => viewer.kind === "graduate" && viewer.graduateId === subject.id;
const isVerifiedEmployer = (viewer: Viewer) => viewer.kind === "employer" && viewer.verified;

export function canSeeProfile(viewer: Viewer, subject: Subject): boolean {
  if (subject.anonymised_at) return false;
  if (isResponsibleStaff(viewer, subject) || isSelf(viewer, subject)) return true;
  if (subject.visibility === "public") return true;
  // Staff of other schools see what a verified employer sees, never a private profile.
  return subject.visibility === "employers" && (isVerifiedEmployer(viewer) || viewer.kind === "staff");
}

/** Contact details: never public; signed-in verified employers and staff (and the graduate). */
export function canSeeContacts(viewer: Viewer, subject: Subject): boolean {
  if (!canSeeProfile(viewer, subject)) return false;
  return viewer.kind === "staff" || isSelf(viewer, subject) || isVerifiedEmployer(viewer);
}

/** Directory access: staff and verified employers only. */
export function canUseDirectory(viewer: Viewer): boolean {
  return viewer.kind === "staff" || isVerifiedEmployer(viewer);
}

/** Visibilities a directory viewer may list. */
export function listableVisibilities(viewer: Viewer): Visibility[] {
  // The directory spans every school: a school-scoped officer lists what employers list (decision 063).
  return viewer.kind === "staff" && viewer.schoolIds === null ? ["private", "employers", "public"] : ["employers", "public"];
}
