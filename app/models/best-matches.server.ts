// The employer dashboard's "best-matching graduates who have not applied yet", per open vacancy
// (docs/product.md §15). Ranking all graduates for one vacancy is the candidates page's ~30 ms;
// fifty of them on every dashboard load would be 1.5 s. So each vacancy's head of the ranking is
// kept in memory and kept exact from the matching change log (docs/decisions/058-employer-dashboard.md):
//   - a head holds every eligible graduate ranked at or above its floor (the last one kept when it
//     was ranked); everyone outside it ranked below the floor then;
//   - a changed graduate (their profile, skills, visibility, a placement) is scored again against each
//     kept head, alone, and goes in or out by that score; a changed vacancy, a taxonomy change, a gap
//     in the log or a new Bishkek day (availability points move) ranks that vacancy again.
// The graduates who applied are left out when the head is read, so one more application needs no ranking.
import type { Connection } from "@db/connection";
import { processWide } from "~/utils/process-wide.server";
import { explainMatch, type Explanation, rankingDay } from "~/domain/matching/score";
import type { CandidateEntry, MatchIndex } from "~/domain/matching/ranker";
import { todayInBishkek } from "~/domain/calendar";
import { matchIndex } from "./matching-index.server";

/** Graduates kept beyond the applicants and the shown: room for changes before a head runs short. */
const SPARE = 20;
/** More changes than this since the last look: every head is ranked again when next read. */
const MAX_CHANGES = 500;

type Kept = { id: number; total: number };
type Head = {
  day: string;
  /** Best first (higher total, then smaller id), every eligible graduate at or above the floor. */
  kept: Kept[];
  /** The last kept graduate when ranked; null when the ranking held fewer than asked (nobody is outside). */
  floor: Kept | null;
};
type State = { seq: number; heads: Map<number, Head> };

const states = processWide("best-matches", () => new WeakMap<Connection, State>());

const before = (a: Kept, b: Kept) => a.total > b.total || (a.total === b.total && a.id < b.id);
/** The candidates page's default for an employer: no private profiles, nobody already placed. */
const eligible = (entry: CandidateEntry | undefined) => !!entry && entry.visibility !== "private" && !entry.placed;

function topSeq(connection: Connection): number {
  return (connection.sqlite.prepare("select seq from sqlite_sequence where name = 'match_changes'").pluck().get() as number | undefined) ?? 0;
}

type Change = { seq: number; kind: string; entity_id: number | null };

/** The log's entries past what the heads have seen, or "all" when every head must be ranked again. */
function readChanges(connection: Connection, state: State): { top: number; changes: Change[] | "all" } {
  const top = topSeq(connection);
  if (top === state.seq) return { top, changes: [] };
  const changes = connection.sqlite
    .prepare("select seq, kind, entity_id from match_changes where seq > ? order by seq limit ?")
    .all(state.seq, MAX_CHANGES + 1) as Change[];
  const gap = changes.length === 0 || changes[0]!.seq !== state.seq + 1;
  if (top < state.seq || gap || changes.length > MAX_CHANGES || changes.some((c) => c.kind === "all")) return { top, changes: "all" };
  return { top, changes };
}

/**
 * Brings the kept heads up to the change log: drops the ones that must be ranked again, rescores
 * changed graduates in the others. The index was brought up to date after the log was read, so it
 * holds at least these changes (a newer one is rescored again at the next look).
 */
function catchUp(index: MatchIndex, state: State, { top, changes }: ReturnType<typeof readChanges>): void {
  if (changes === "all") {
    state.heads.clear();
    state.seq = top;
    return;
  }
  const graduates = new Set<number>();
  for (const c of changes) {
    if (c.entity_id === null) continue;
    if (c.kind === "vacancy") state.heads.delete(c.entity_id);
    else graduates.add(c.entity_id);
  }
  for (const [vacancyId, head] of state.heads) {
    const vacancy = index.vacancy(vacancyId);
    if (!vacancy) {
      state.heads.delete(vacancyId);
      continue;
    }
    const prepared = index.prepare(vacancy.facts);
    const day = rankingDay(head.day);
    for (const id of graduates) {
      const at = head.kept.findIndex((k) => k.id === id);
      if (at >= 0) head.kept.splice(at, 1);
      const entry = index.candidate(id);
      if (!eligible(entry)) continue;
      const scored = { id, total: explainMatch(entry!.facts, prepared, day, false).total };
      // Outside the head before and still below its floor: nobody it could pass is outside.
      if (head.floor && before(head.floor, scored)) continue;
      let to = head.kept.length;
      while (to > 0 && before(scored, head.kept[to - 1]!)) to--;
      head.kept.splice(to, 0, scored);
    }
  }
  state.seq = top;
}

export type BestMatch = { graduateId: number; explanation: Explanation };

/**
 * Up to `limit` best-ranked graduates per vacancy who are not in `applied` (per vacancy), as the
 * employer's candidates page would list them (no private profiles, nobody placed). Only open
 * vacancies of verified companies are ranked; others get an empty list.
 */
export function bestMatchesFor(
  connection: Connection,
  vacancies: { id: number; applied: ReadonlySet<number> }[],
  limit: number,
  /** Kept beyond the applicants and the shown (tests keep none, to see a head run short and be ranked again). */
  spare = SPARE,
): Map<number, BestMatch[]> {
  let state = states.get(connection);
  if (!state) states.set(connection, (state = { seq: topSeq(connection), heads: new Map() }));
  const changes = readChanges(connection, state);
  const index = matchIndex(connection);
  catchUp(index, state, changes);
  const today = todayInBishkek();
  const day = rankingDay(today);
  const out = new Map<number, BestMatch[]>();
  for (const { id, applied } of vacancies) {
    const vacancy = index.vacancy(id);
    if (!vacancy) {
      out.set(id, []);
      continue;
    }
    let head = state.heads.get(id);
    const shown = (h: Head) => h.kept.filter((k) => !applied.has(k.id)).slice(0, limit);
    // Rank again when the day turned or the head no longer holds enough who have not applied.
    if (!head || head.day !== today || (head.floor && shown(head).length < limit)) {
      const wanted = applied.size + limit + spare;
      const page = index.rankCandidates(vacancy.facts, { employerView: true }, day, 0, wanted);
      const kept = page.items.map((r) => ({ id: r.id, total: r.total }));
      head = { day: today, kept, floor: page.count > kept.length ? kept[kept.length - 1]! : null };
      state.heads.set(id, head);
    }
    const prepared = index.prepare(vacancy.facts);
    out.set(
      id,
      // The one-line reason needs no "learn next" skills.
      shown(head).map((k) => ({ graduateId: k.id, explanation: explainMatch(index.candidate(k.id)!.facts, prepared, day, false) })),
    );
  }
  return out;
}
