// The scheduled-jobs runner (docs/product.md §13, docs/decisions/053-message-preferences-and-digests.md):
// inside the server process, beside the outbox worker. Each daily job runs once per Bishkek day,
// from the set hour (DIGEST_HOUR, default 8). A run writes its outbox rows and its
// scheduled_job_runs row in one transaction, so a restart the same day finds the row and runs
// nothing; a crash mid-run leaves neither, and the next check runs it whole. The digests' own keys
// (`<kind>.<day>.<user>.<channel>`) would refuse a second copy anyway.
import type { DB } from "@db/connection";
import { todayInBishkek } from "~/domain/calendar";
import { dailyJobDue } from "~/domain/messages/digest";
import { type DigestWindow, queueApplicationsDigests, queueSavedSearchDigests, queueStaffDigests } from "~/models/digests.server";
import { lastJobRun, recordJobRun } from "~/models/scheduled-jobs.server";

export type DailyJob = { name: string; run(db: DB, w: DigestWindow): Promise<number> };

/** The daily digests: (a) saved searches, (b) employers' new applications, (c) what waits for staff. */
export const DAILY_JOBS: readonly DailyJob[] = [
  { name: "saved-search-digest", run: queueSavedSearchDigests },
  { name: "applications-digest", run: queueApplicationsDigests },
  { name: "staff-digest", run: queueStaffDigests },
];

const DAY_MS = 86_400_000;

export type SchedulerOptions = {
  /** The Bishkek hour from which the daily jobs run. */
  hour: number;
  jobs?: readonly DailyJob[];
  /** How often to look whether a job is due (a minute). */
  pollMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
};

/** What a check did: per job, how many messages it queued, or null when it was not due or had run already today. */
export type CheckResult = Record<string, number | null>;

export function scheduledJobs(db: DB, options: SchedulerOptions) {
  const jobs = options.jobs ?? DAILY_JOBS;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  const pollMs = options.pollMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<CheckResult> | undefined;
  let stopped = false;

  async function check(): Promise<CheckResult> {
    const result: CheckResult = {};
    for (const job of jobs) {
      result[job.name] = null;
      if (stopped) break;
      const at = now();
      if (!dailyJobDue(at, options.hour)) continue;
      const day = todayInBishkek(at);
      const until = at.toISOString();
      result[job.name] = await db.transaction().execute(async (trx) => {
        const last = await lastJobRun(trx, job.name);
        if (last && last.day >= day) return null;
        // From where the previous run stopped; a first run (or one after days off) looks back one day.
        const dayAgo = new Date(at.getTime() - DAY_MS).toISOString();
        const since = last && last.until > dayAgo ? last.until : dayAgo;
        const queued = await job.run(trx, { day, since, until, today: day });
        await recordJobRun(trx, { job: job.name, day, until, queued });
        return queued;
      });
      if (result[job.name] !== null) log(`scheduled: ${job.name} for ${day}: ${result[job.name]} messages queued`);
    }
    return result;
  }

  function runDue(): Promise<CheckResult> {
    if (running) return running;
    running = check().finally(() => (running = undefined));
    return running;
  }

  function schedule(delay: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      runDue().then(
        () => schedule(pollMs),
        (error: unknown) => {
          console.error("scheduled jobs: a daily job failed; trying again at the next check", error);
          schedule(pollMs);
        },
      );
    }, delay);
    timer.unref();
  }

  return {
    /** Runs every job that is due and has not run today. */
    runDue,
    start: () => schedule(0),
    /** Stops checking and waits for a run in progress (its transaction commits or rolls back whole). */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
