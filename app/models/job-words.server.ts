// The job-word table search uses (docs/product.md §14). Today the shipped seed; the admin-edited
// table stored with the skills taxonomy replaces it here (issue 16 item 3, in progress).
import type { DB } from "@db/connection";
import { type JobWordTable, SEED_JOB_WORDS } from "~/domain/search/job-words";

export function jobWordTableFor(_db: DB): Promise<JobWordTable> {
  return Promise.resolve(SEED_JOB_WORDS);
}
