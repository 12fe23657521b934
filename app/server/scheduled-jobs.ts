// The scheduled-jobs runner (docs/product.md §13, docs/decisions/053-message-preferences-and-digests.md):
// inside the server process, beside the outbox worker. Each daily job runs once per Bishkek day,
// from the set hour (DIGEST_HOUR, default 8). A run claims its scheduled_job_runs row, then writes
// the digests one recipient batch at a time, each batch and the row's progress in one short
// transaction, so pages that write never wait long behind it (decision 062); a restart the same day
// resumes an unfinished run after its last committed batch and runs nothing once it finished. The
// digests' own keys (`<kind>.<day>.<user>.<channel>`) would refuse a second copy anyway.
import type { DB } from "@db/connection";
import { todayInBishkek } from "~/domain/calendar";
import { dailyJobDue } from "~/domain/messages/digest";
import { applicationsDigest, type DigestJob, type DigestWindow, savedSearchDigest, staffDigest } from "~/models/digests.server";
import { RETENTION_JOBS } from "~/models/retention.server";
import { resumeSendingCampaigns } from "~/models/survey-campaigns.server";
import { claimJobRun, finishJobRun, lastJobRun, recordJobProgress } from "~/models/scheduled-jobs.server";

/**
 * A daily job: a digest, or a removal of data past its retention period (decision 067), which caps
 * its own rows per transaction (`batch`) and writes its audit row in the transaction that finishes it.
 */
export type DailyJob = DigestJob & { batch?: number; finish?(db: DB, w: DigestWindow, total: number): Promise<void> };

/** The daily digests: (a) saved searches, (b) employers' new applications, (c) what waits for staff. */
export const DAILY_JOBS: readonly DailyJob[] = [savedSearchDigest, applicationsDigest, staffDigest, ...RETENTION_JOBS];

/** Recipients per transaction: a batch of 200 saved-search digests holds the write lock some tens of milliseconds. */
export const DIGEST_BATCH = 200;

const DAY_MS = 86_400_000;

export type SchedulerOptions = {
  /** The Bishkek hour from which the daily jobs run. */
  hour: number;
  jobs?: readonly DailyJob[];
  /** How often to look whether a job is due (a minute). */
  pollMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
  /** Recipients per transaction (tests use small batches). */
  batch?: number;
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

  const batch = options.batch ?? DIGEST_BATCH;

  /** Claims or resumes today's run of the job, then writes it batch by batch; null when it had finished today already. */
  async function runJob(job: DailyJob, at: Date): Promise<number | null> {
    const day = todayInBishkek(at);
    const run = await db.transaction().execute(async (trx) => {
      const last = await lastJobRun(trx, job.name);
      if (last && last.day > day) return null;
      // From where the previous run stopped; a first run (or one after days off) looks back one day.
      const dayAgo = new Date(at.getTime() - DAY_MS).toISOString();
      const since = last && last.until > dayAgo ? last.until : dayAgo;
      return claimJobRun(trx, { job: job.name, day, since, until: at.toISOString() });
    });
    if (!run || run.finished) return null;
    const w = { day, since: run.since, until: run.until, today: day };
    let after = run.afterUser;
    let queued = run.queued;
    for (;;) {
      // Stopping between batches leaves the run unfinished: the next start resumes it.
      if (stopped) return queued;
      const step = await db.transaction().execute(async (trx) => {
        const ids = await job.recipients(trx, w, after, Math.min(batch, job.batch ?? batch));
        if (ids.length === 0) {
          await job.finish?.(trx, w, queued);
          await finishJobRun(trx, run, now().toISOString());
          return null;
        }
        const n = await job.queueFor(trx, w, ids);
        await recordJobProgress(trx, run, ids[ids.length - 1]!, n);
        return { last: ids[ids.length - 1]!, n };
      });
      if (!step) return queued;
      after = step.last;
      queued += step.n;
    }
  }

  async function check(): Promise<CheckResult> {
    const result: CheckResult = {};
    // A survey campaign a crash or a stop left half-written is finished first (decision 062).
    await resumeSendingCampaigns(db, now()).catch((error: unknown) => console.error("scheduled jobs: finishing a survey campaign failed", error));
    for (const job of jobs) {
      result[job.name] = null;
      if (stopped) break;
      const at = now();
      if (!dailyJobDue(at, options.hour)) continue;
      result[job.name] = await runJob(job, at);
      if (result[job.name] !== null) log(`scheduled: ${job.name} for ${todayInBishkek(at)}: ${result[job.name]} messages queued`);
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
