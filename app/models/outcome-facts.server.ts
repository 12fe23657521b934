// Every graduate's outcome facts per checkpoint, kept in memory for the dashboard, its drill-down and
// the public /outcomes page (docs/product.md §10: the dashboard for all schools ≤ 200 ms at 100,000 graduates —
// the SQL read alone takes several times that). Loaded per checkpoint on first use, then kept exact
// by the trigger-fed log `outcome_changes` (migration 0008): before each use, the graduates named in
// the log since the last look are read again. One store per open connection. At start the server
// loads the default checkpoints in the background, a slice of graduates per turn of the event loop
// (warmOutcomeFacts; docs/decisions/070-start-in-seconds.md): a request that needs them meanwhile
// waits (outcomeFactsReady), and a synchronous use finishes the load on the spot.
import type { Connection } from "@db/connection";
import { RecentlyUsed } from "@db/recently-used";
import { CHECKPOINTS, FULL_TIME_HOURS, type Checkpoint, type OutcomeCode, type Relatedness } from "~/domain/outcomes/codes";
import type { DashboardFact } from "~/domain/outcomes/dashboard";
import { firstJobOf, memoisedParse } from "~/domain/outcomes/time-to-job";
import { processWide } from "~/utils/process-wide.server";
import { finishWarming, inBackground, type Warming } from "~/utils/warming.server";
import { catchUpWithLog, INCREMENTAL_LIMIT, WARM_STEP_IDS } from "./change-log.server";

export type CohortInfo = { id: number; graduation_date: string; school_id: number; region_id: number };

type State = {
  lastSeq: number;
  cohorts: Map<number, CohortInfo>;
  /** checkpoint → graduate id → fact; a checkpoint is loaded the first time it is asked for. */
  facts: Map<Checkpoint, Map<number, DashboardFact>>;
  warming?: Warming;
};
// Per connection, and one map per process: the server warms it up at start (app/server/main.ts).
const states = processWide("outcome-facts", () => new WeakMap<Connection, State>());

type OutcomeChange = { seq: number; graduate_id: number | null };

/** The cohorts (with school and region) and this checkpoint's facts, brought up to date with every committed change. */
export function outcomeFacts(
  connection: Connection,
  checkpoint: Checkpoint,
): { cohorts: ReadonlyMap<number, CohortInfo>; facts: ReadonlyMap<number, DashboardFact>; version: number } {
  let state = states.get(connection);
  if (!state) {
    state = { lastSeq: -1, cohorts: new Map(), facts: new Map() };
    states.set(connection, state);
  }
  const current = state;
  if (current.warming) finishWarming(current.warming);
  current.lastSeq = catchUpWithLog<OutcomeChange>(
    connection.sqlite,
    {
      table: "outcome_changes",
      columns: "graduate_id",
      meansEverything: (c) => c.graduate_id === null,
      reloadAll: () => {
        current.cohorts = loadCohorts(connection);
        current.facts.clear();
      },
      apply: (changes) => {
        const ids = [...new Set(changes.map((c) => c.graduate_id!))];
        for (const [loaded, facts] of current.facts) {
          for (const id of ids) facts.delete(id);
          for (const fact of loadFacts(connection, current.cohorts, loaded, ids)) facts.set(fact.graduateId, fact);
        }
      },
    },
    current.lastSeq,
  );
  let facts = current.facts.get(checkpoint);
  if (!facts) {
    facts = new Map();
    for (const fact of loadFacts(connection, current.cohorts, checkpoint, null)) facts.set(fact.graduateId, fact);
    current.facts.set(checkpoint, facts);
  }
  // The log's last sequence number is the store's version: the facts change only when it moves.
  return { cohorts: current.cohorts, facts, version: current.lastSeq };
}

// Figures worked out from one version of the facts, per connection: the yearly report asks for the same
// checkpoint's facts and tallies several times (docs/decisions/065-annual-report.md, "Session 15").
const remembered = processWide("outcome-figures", () => new WeakMap<Connection, RecentlyUsed<string, unknown>>());
/** Results kept per connection, the least recently used dropped first. */
const REMEMBERED_LIMIT = 32;

/**
 * `make()`, or what it gave for the same key at the same version of the facts. The key must name every
 * input besides the facts (checkpoint, day, schools). Results are shared: callers must not change them.
 */
export function figuresOfVersion<T extends object>(connection: Connection, version: number, key: string, make: () => T): T {
  let memo = remembered.get(connection);
  if (!memo) remembered.set(connection, (memo = new RecentlyUsed<string, unknown>(REMEMBERED_LIMIT)));
  const full = `${version}|${key}`;
  const hit = memo.get(full) as T | undefined;
  if (hit) return hit;
  const made = make();
  memo.set(full, made);
  return made;
}

/**
 * Resolves once a background load under way has finished (at once when none is): an async caller
 * awaits it before outcomeFacts, which would otherwise finish the load on the spot, holding the event loop.
 */
export async function outcomeFactsLoaded(connection: Connection): Promise<void> {
  await states.get(connection)?.warming?.done;
}

/** True while a background load of this connection's facts is under way (/healthz says "warming up"). */
export function outcomeFactsWarming(connection: Connection): boolean {
  return states.get(connection)?.warming !== undefined;
}

/**
 * Starts loading these checkpoints' facts in the background, `stepIds` graduates per turn of the
 * event loop; resolves when they are loaded. A no-op when the store is already loaded or loading.
 */
export function warmOutcomeFacts(connection: Connection, checkpoints: readonly Checkpoint[], stepIds = WARM_STEP_IDS): Promise<void> {
  const existing = states.get(connection);
  if (existing) return existing.warming?.done ?? Promise.resolve();
  const state: State = { lastSeq: -1, cohorts: new Map(), facts: new Map() };
  states.set(connection, state);
  state.warming = inBackground(loadInSteps(connection, state, checkpoints, stepIds), () => (state.warming = undefined));
  return state.warming.done;
}

/**
 * A whole load, one slice of graduate ids a step. The log's sequence is read before the rows, so the
 * first catch-up reads again every graduate written meanwhile (and a new cohort logs a reload); more
 * written meanwhile than a catch-up takes starts the load again.
 */
function* loadInSteps(connection: Connection, state: State, checkpoints: readonly Checkpoint[], stepIds: number): Generator<void> {
  const { sqlite } = connection;
  const top = () => (sqlite.prepare("select seq from sqlite_sequence where name = 'outcome_changes'").pluck().get() as number | undefined) ?? 0;
  for (;;) {
    const seq = top();
    const cohorts = loadCohorts(connection);
    const last = (sqlite.prepare("select max(id) from graduates").pluck().get() as number | null) ?? 0;
    const loaded = new Map<Checkpoint, Map<number, DashboardFact>>();
    for (const checkpoint of checkpoints) {
      const facts = new Map<number, DashboardFact>();
      for (let from = 1; from <= last; from += stepIds) {
        yield;
        for (const fact of loadFacts(connection, cohorts, checkpoint, { from, to: from + stepIds - 1 })) facts.set(fact.graduateId, fact);
      }
      loaded.set(checkpoint, facts);
    }
    if (top() - seq <= INCREMENTAL_LIMIT) {
      Object.assign(state, { lastSeq: seq, cohorts, facts: loaded });
      return;
    }
  }
}

function loadCohorts({ sqlite }: Connection): Map<number, CohortInfo> {
  const rows = sqlite
    .prepare("select cohorts.id, cohorts.graduation_date, cohorts.school_id, schools.region_id from cohorts join schools on schools.id = cohorts.school_id")
    .all() as CohortInfo[];
  return new Map(rows.map((c) => [c.id, c]));
}

type FactRow = [
  graduateId: number,
  cohortId: number,
  sex: "f" | "m" | null,
  code: OutcomeCode | null,
  htp: number | null,
  fullTime: number | null,
  pay: number | null,
  related: Relatedness | null,
  jobRegionId: number | null,
  companyId: number | null,
  employerName: string | null,
  firstStart: string | null,
  beforeGraduation: number,
  excludedEarlier: number,
];

const NEVER = "9999-12-31";

/**
 * Each graduate with their current record at the checkpoint (`o`) and their current records at every
 * earlier checkpoint (`e0`, `e1` …): the earliest start of an employed one is the first job's, and an
 * earlier exclusion carries forward while no later record says otherwise (docs/product.md §6: an excluded
 * graduate leaves the cohort base). Each join is one seek in the partial covering index
 * outcomes_current_facts (migration 0007; `current = 1` is a literal so the index applies).
 * `ids` null = every graduate; a range reads those ids (both ends included).
 */
type Scope = readonly number[] | { from: number; to: number } | null;
function factsQuery(checkpoint: Checkpoint, ids: Scope): { text: string; params: unknown[] } {
  const earlier = CHECKPOINTS.slice(0, CHECKPOINTS.indexOf(checkpoint));
  const joins = earlier.map(
    (_, i) => `left join outcomes e${i} indexed by outcomes_current_facts on e${i}.graduate_id = g.id and e${i}.current = 1 and e${i}.checkpoint = ?`,
  );
  const starts = [
    "case when o.code = 'employed' then o.start_date end",
    ...earlier.map((_, i) => `case when e${i}.code = 'employed' then e${i}.start_date end`),
  ].map((x) => `coalesce(${x}, '${NEVER}')`);
  const before = [
    "case when o.code = 'employed' then o.started_before_graduation end",
    ...earlier.map((_, i) => `case when e${i}.code = 'employed' then e${i}.started_before_graduation end`),
  ].map((x) => `coalesce(${x}, 0)`);
  // At graduation there is no earlier checkpoint: a lone max(0) would be the aggregate and fold every
  // graduate into one row, so each list keeps at least two arguments.
  const excluded = [...earlier.map((_, i) => `coalesce(e${i}.code = 'excluded', 0)`), "0"];
  // Two or more arguments make min() and max() the scalar functions, not the aggregates.
  const text = `select g.id, g.cohort_id, g.sex, o.code, o.company_htp_resident, o.hours_per_week >= ${FULL_TIME_HOURS}, o.monthly_pay, o.related, o.job_region_id, o.company_id, o.employer_name,
      nullif(min(${[...starts, `'${NEVER}'`].join(", ")}), '${NEVER}'), max(${[...before, "0"].join(", ")}), max(${[...excluded, "0"].join(", ")})
    from graduates g
    left join outcomes o indexed by outcomes_current_facts on o.graduate_id = g.id and o.current = 1 and o.checkpoint = ?
    ${joins.join("\n    ")}
    ${ids === null ? "" : isList(ids) ? "where g.id in (select value from json_each(?))" : "where g.id between ? and ?"}`;
  const scope = ids === null ? [] : isList(ids) ? [JSON.stringify(ids)] : [ids.from, ids.to];
  return { text, params: [checkpoint, ...earlier, ...scope] };
}

const isList = (ids: Scope): ids is readonly number[] => Array.isArray(ids);

function loadFacts({ sqlite }: Connection, cohorts: ReadonlyMap<number, CohortInfo>, checkpoint: Checkpoint, ids: Scope): DashboardFact[] {
  const { text, params } = factsQuery(checkpoint, ids);
  const rows = sqlite
    .prepare(text)
    .raw(true)
    .all(...params) as FactRow[];
  const facts: DashboardFact[] = [];
  const parse = memoisedParse();
  for (const [
    graduateId,
    cohortId,
    sex,
    code,
    htp,
    fullTime,
    pay,
    related,
    jobRegionId,
    companyId,
    employerName,
    firstStart,
    beforeGraduation,
    excludedEarlier,
  ] of rows) {
    const cohort = cohorts.get(cohortId);
    if (!cohort) continue; // a cohort added after the last reload: its insert logged a reload, seen on the next look
    const outcome: OutcomeCode = code ?? (excludedEarlier === 1 ? "excluded" : "unknown");
    const employed = outcome === "employed";
    const firstJob = { graduationDate: cohort.graduation_date, firstJobStart: firstStart, startedBeforeGraduation: beforeGraduation === 1 };
    facts.push({
      graduateId,
      outcome,
      employment: employed ? { htpResident: htp === 1, related: related ?? "unknown", fullTime: fullTime === 1, monthlyPay: pay } : undefined,
      ...firstJob,
      // Worked out once here rather than on every dashboard request.
      firstJob: firstJobOf(firstJob, parse),
      cohortId,
      schoolId: cohort.school_id,
      schoolRegionId: cohort.region_id,
      year: Number(cohort.graduation_date.slice(0, 4)),
      sex,
      jobRegionId: employed ? jobRegionId : null,
      employerKey: !employed ? null : companyId !== null ? `c:${companyId}` : employerName ? `n:${employerName}` : null,
    });
  }
  return facts;
}
