// The job board's query string (/vacancies?…): read tolerantly, and written back canonically for
// saved searches. Pure: the search itself is app/models/board.server.ts.
import { z } from "zod";
import { filterId as id, flagParam, pageParam, searchText as text } from "~/utils/params";
import { BOARD_SORTS, EMPLOYMENT_TYPES, WORK_MODES } from "./options";

/** The board's query string, read tolerantly: a hand-edited or stale address shows the board, never an error. */
export const BoardParams = z.object({
  q: text(200),
  skill: text(100),
  region: id,
  city: text(100),
  mode: z.enum(WORK_MODES).optional().catch(undefined),
  type: z.enum(EMPLOYMENT_TYPES).optional().catch(undefined),
  company: id,
  salary: flagParam,
  sort: z.enum(BOARD_SORTS).optional().catch(undefined),
  page: pageParam,
});
export type BoardQuery = z.output<typeof BoardParams>;

export function parseBoardQuery(search: URLSearchParams | string): BoardQuery {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  return BoardParams.parse(Object.fromEntries(params));
}

/** The canonical query string of a search (no page, no empty values): what a saved search stores. */
export function boardQueryString(q: BoardQuery): string {
  const params = new URLSearchParams();
  if (q.q) params.set("q", q.q);
  if (q.skill) params.set("skill", q.skill);
  if (q.region) params.set("region", String(q.region));
  if (q.city) params.set("city", q.city);
  if (q.mode) params.set("mode", q.mode);
  if (q.type) params.set("type", q.type);
  if (q.company) params.set("company", String(q.company));
  if (q.salary) params.set("salary", "1");
  if (q.sort) params.set("sort", q.sort);
  return params.toString();
}
