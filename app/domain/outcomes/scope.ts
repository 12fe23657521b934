// The outcome pages' filters within a staff scope (docs/product.md §16, docs/decisions/063-staff-scope.md
// "Outcome pages"): a school outside the scope in the address is dropped, never an error, and "all
// schools" means all of the scope's. Plain TypeScript: the routes narrow the query before the model reads.
import { schoolIdsOf, schoolInScope, type StaffScope } from "~/domain/staff/scope";

/** No school has this id: a scope of no schools (never made by staffScopeOf) then reads nothing, not everything. */
const NO_SCHOOL = 0;

/** The schools the figures read: the chosen ones within the scope; none chosen (or none left) = every school of the scope. */
export function schoolsToRead(scope: StaffScope, chosen: readonly number[]): number[] {
  const mine = schoolIdsOf(scope);
  if (mine === null) return [...chosen];
  const kept = chosen.filter((id) => mine.includes(id));
  if (kept.length) return kept;
  return mine.length ? [...mine] : [NO_SCHOOL];
}

/** The chosen schools the page shows as ticked: those within the scope. */
export function chosenWithin(scope: StaffScope, chosen: readonly number[]): number[] {
  return chosen.filter((id) => schoolInScope(scope, id));
}

/** One chosen school (the follow-up list, the skill gap): kept when within the scope, else no filter (= the scope's schools). */
export function schoolWithin(scope: StaffScope, schoolId: number | null): number | null {
  return schoolId !== null && schoolInScope(scope, schoolId) ? schoolId : null;
}

/** The schools a filter offers: the scope's only. */
export function schoolsOffered<S extends { id: number }>(scope: StaffScope, schools: readonly S[]): S[] {
  return schools.filter((s) => schoolInScope(scope, s.id));
}

/** Cohorts offered: those of the scope's schools (and of the chosen school, when one is). */
export function cohortsOffered<C extends { school_id: number }>(scope: StaffScope, cohorts: readonly C[], schoolId: number | null): C[] {
  return cohorts.filter((c) => schoolInScope(scope, c.school_id) && (schoolId === null || c.school_id === schoolId));
}
