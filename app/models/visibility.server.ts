// Who may see a graduate's profile and contact details (docs/product.md §3, §8). One place, so the
// directory, the public page, the CV and the portfolio all apply the same rules.
import type { Visibility } from "@db/schema";
import { getUser } from "~/auth/require-user.server";
import { getDb } from "~/db.server";
import { companyOfUser } from "./companies.server";

export type Viewer =
  | { kind: "visitor" }
  | { kind: "graduate"; userId: number; graduateId: number | null }
  | { kind: "employer"; userId: number; companyId: number | null; verified: boolean }
  | { kind: "staff"; userId: number };

export async function viewerOf(request: Request): Promise<Viewer> {
  const user = await getUser(request);
  if (!user) return { kind: "visitor" };
  const db = getDb();
  if (user.role === "staff" || user.role === "admin") return { kind: "staff", userId: user.id };
  if (user.role === "employer") {
    const company = await companyOfUser(db, user.id);
    return { kind: "employer", userId: user.id, companyId: company?.id ?? null, verified: company?.status === "verified" };
  }
  const graduate = await db.selectFrom("graduates").select("id").where("user_id", "=", user.id).executeTakeFirst();
  return { kind: "graduate", userId: user.id, graduateId: graduate?.id ?? null };
}

type Subject = { id: number; visibility: Visibility; anonymised_at?: string | null };

const isSelf = (viewer: Viewer, subject: Subject) => viewer.kind === "graduate" && viewer.graduateId === subject.id;
const isVerifiedEmployer = (viewer: Viewer) => viewer.kind === "employer" && viewer.verified;

export function canSeeProfile(viewer: Viewer, subject: Subject): boolean {
  if (subject.anonymised_at) return false;
  if (viewer.kind === "staff" || isSelf(viewer, subject)) return true;
  if (subject.visibility === "public") return true;
  return subject.visibility === "employers" && isVerifiedEmployer(viewer);
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
  return viewer.kind === "staff" ? ["private", "employers", "public"] : ["employers", "public"];
}
