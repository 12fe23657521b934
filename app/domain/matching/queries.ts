// The matching pages' query strings (/vacancies/:id/candidates, /me/jobs, /staff/skill-gap), read tolerantly: a
// stale or hand-edited query shows the list, never an error.
import { z } from "zod";
import { filterId as id, flagParam as flag, pageParam as page } from "~/utils/params";

/** Tolerant, like every list address: a stale or hand-edited query shows the list, never an error. */
export const CandidateParams = z.object({ meets: flag, school: id, region: id, available: flag, placed: flag, page });
export type CandidateQuery = z.infer<typeof CandidateParams>;
export const JobParams = z.object({ page });
export const SkillGapParams = z.object({ school: id, cohort: id });
export type SkillGapQuery = z.infer<typeof SkillGapParams>;

export function candidateQueryFrom(url: URL): CandidateQuery {
  return CandidateParams.parse(Object.fromEntries(url.searchParams));
}
