// The job board's query string (/vacancies?…): read tolerantly, and written back canonically for
// saved searches. Pure: the search itself is app/models/board.server.ts.
import { z } from "zod";
import { BOARD_SORTS, EMPLOYMENT_TYPES, WORK_MODES } from "./options";

/** Typed text: control characters become spaces, very long input is cut, never refused. */
const text = (max: number) =>
  z
    .string()
    .catch("")
    .transform((s) => Array.from(s.replace(/\p{Cc}+/gu, " ").trim()).slice(0, max).join("").trim());
const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined);

/** The board's query string, read tolerantly: a hand-edited or stale address shows the board, never an error. */
export const BoardParams = z.object({
  q: text(200),
  skill: text(100),
  region: id,
  city: text(100),
  mode: z.enum(WORK_MODES).optional().catch(undefined),
  type: z.enum(EMPLOYMENT_TYPES).optional().catch(undefined),
  company: id,
  salary: z.string().optional().catch(undefined).transform((v) => v === "1" || v === "on" || v === "true"),
  sort: z.enum(BOARD_SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
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
