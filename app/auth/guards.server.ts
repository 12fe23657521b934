// The guards that take a Request: who is asking, and may they pass (docs/decisions/036). They
// sit beside requireUser and read the database through the models; the models themselves only
// take the database, so seeds, scripts and tests use them without a request.
import { requireUser, getUser, STAFF_ROLES, type SessionUser } from "~/auth/require-user.server";
import { getDb } from "~/db.server";
import { isAgencyWide, schoolIdsOf, type StaffScope } from "~/domain/staff/scope";
import type { Viewer } from "~/domain/visibility";
import { companyOfUser } from "~/models/companies.server";
import { graduateOfUser, type GraduateRow } from "~/models/graduates.server";
import { staffScopeOf } from "~/models/staff-scopes.server";
import { candidateVacancy } from "~/models/vacancies.server";
import { forbidden, notFound } from "~/utils/http.server";

/** Who is looking, for the visibility rules of app/domain/visibility.ts. */
export async function viewerOf(request: Request): Promise<Viewer> {
  const user = await getUser(request);
  if (!user) return { kind: "visitor" };
  const db = getDb();
  // A school-scoped officer sees private profiles of their own schools only (docs/decisions/063-staff-scope.md).
  if (user.role === "staff" || user.role === "admin") return { kind: "staff", userId: user.id, schoolIds: schoolIdsOf(await staffScopeOf(db, user)) };
  if (user.role === "employer") {
    const company = await companyOfUser(db, user.id);
    return { kind: "employer", userId: user.id, companyId: company?.id ?? null, verified: company?.status === "verified" };
  }
  const graduate = await db.selectFrom("graduates").select("id").where("user_id", "=", user.id).executeTakeFirst();
  return { kind: "graduate", userId: user.id, graduateId: graduate?.id ?? null };
}

/**
 * For placement-office pages: a staff member or admin, with the schools they may see
 * (docs/decisions/063-staff-scope.md). Every staff loader and action starts here and limits what
 * it reads by the scope: a graduate, cohort or record outside it answers 404.
 */
export async function requireStaff(request: Request): Promise<{ user: SessionUser; scope: StaffScope }> {
  const user = await requireUser(request, { role: STAFF_ROLES });
  return { user, scope: await staffScopeOf(getDb(), user) };
}

/**
 * For the Agency's work that belongs to no school — company verification and identity changes,
 * vacancy moderation: the whole-Agency staff only; a school-scoped officer gets 403 (decision 063).
 */
export async function requireAgencyStaff(request: Request): Promise<{ user: SessionUser; scope: StaffScope }> {
  const staff = await requireStaff(request);
  if (!isAgencyWide(staff.scope)) forbidden();
  return staff;
}

/** For /me pages: the signed-in graduate and their own record (403 when there is none). */
export async function requireGraduate(request: Request): Promise<{ user: SessionUser; graduate: GraduateRow }> {
  const user = await requireUser(request, { role: "graduate" });
  const graduate = await graduateOfUser(getDb(), user.id);
  if (!graduate) forbidden();
  return { user, graduate };
}

/**
 * For the employer's applicant pages: a member of a verified company (403 otherwise — a
 * pending company has no public vacancies and so no applicants). Ownership of each vacancy
 * or application is checked by the scoped queries of the models (404).
 */
export async function requireCompanyMember(request: Request): Promise<{ user: SessionUser; company: { id: number; name: string; slug: string } }> {
  const user = await requireUser(request, { role: "employer" });
  const company = await companyOfUser(getDb(), user.id);
  if (!company || company.status !== "verified") forbidden();
  return { user, company: { id: company.id, name: company.name, slug: company.slug } };
}

/** The vacancy as the guard reads it, once: the page's heading and the ranking both use it. */
export type CandidateVacancy = NonNullable<Awaited<ReturnType<typeof candidateVacancy>>>;

export type CandidateViewer =
  | { kind: "staff"; userId: number; vacancy: CandidateVacancy; agencyWide: boolean }
  | { kind: "employer"; userId: number; companyId: number; vacancy: CandidateVacancy };

/**
 * How a candidate list is ranked for this viewer: a school-scoped officer sees it as an employer
 * does (no private profiles), since candidates come from every school (decision 063).
 */
export function candidateView(viewer: CandidateViewer): "employer" | "staff" {
  return viewer.kind === "staff" && viewer.agencyWide ? "staff" : "employer";
}

/**
 * Candidates of a vacancy: staff, or a member of the verified company that owns it.
 * Signed out → sign-in; graduates and members of pending companies → 403; another
 * company's vacancy (or none) → 404, so ids reveal nothing.
 */
export async function requireCandidateViewer(request: Request, vacancyId: number): Promise<CandidateViewer> {
  const user = await requireUser(request, { role: ["employer", ...STAFF_ROLES] });
  const vacancy = await candidateVacancy(getDb(), vacancyId);
  if (user.role !== "employer") {
    if (!vacancy) notFound();
    return { kind: "staff", userId: user.id, vacancy, agencyWide: isAgencyWide(await staffScopeOf(getDb(), user)) };
  }
  const { company } = await requireCompanyMember(request);
  if (!vacancy || vacancy.company_id !== company.id) notFound();
  return { kind: "employer", userId: user.id, companyId: company.id, vacancy };
}
