// What a staff account may see (docs/product.md §16, docs/decisions/063-staff-scope.md): the whole
// Agency, or the graduates of some schools. Every staff loader, action, figure and export takes the
// scope from requireStaff (app/auth/guards.server.ts) and filters by schoolIdsOf(scope).
export type StaffScope = { kind: "agency" } | { kind: "schools"; schoolIds: readonly number[] };

export const AGENCY_SCOPE: StaffScope = { kind: "agency" };

/** The schools a query must be limited to, or null for no limit (the whole Agency). */
export function schoolIdsOf(scope: StaffScope): readonly number[] | null {
  return scope.kind === "agency" ? null : scope.schoolIds;
}

/** Whether a graduate, cohort or figure of this school is within the scope. */
export function schoolInScope(scope: StaffScope, schoolId: number): boolean {
  return scope.kind === "agency" || scope.schoolIds.includes(schoolId);
}

/** Agency-wide work that belongs to no school (company verification, vacancy moderation) needs this. */
export function isAgencyWide(scope: StaffScope): boolean {
  return scope.kind === "agency";
}

/** A scope's schools for an SQL `in (…)`: never empty (an empty list is not SQL; an empty scope is the whole Agency). */
export function schoolIdList(schoolIds: readonly number[]): number[] {
  return schoolIds.length > 0 ? [...schoolIds] : [0];
}
