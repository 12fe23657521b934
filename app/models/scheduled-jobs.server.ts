// The daily jobs' runs (migrations 0022 and 0030, docs/decisions/053-message-preferences-and-digests.md
// and 062-mail-limits-digests-and-batches.md): one row per job and Bishkek day, claimed when the run
// starts, moved on after each recipient batch, marked finished at the end. Queries only.
import type { DB } from "@db/connection";

export type JobRun = { job: string; day: string; since: string; until: string; afterUser: number; queued: number; finished: boolean };

/** The latest finished run of a job: the next run's window starts where it stopped. */
export async function lastJobRun(db: DB, job: string): Promise<{ day: string; until: string } | null> {
  const row = await db
    .selectFrom("scheduled_job_runs")
    .select(["day", "until"])
    .where("job", "=", job)
    .where("finished_at", "is not", null)
    .orderBy("day", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Today's run of a job: the one already claimed (finished, or under way and to be resumed), or a new
 * one claimed now over the window `since`–`until`. One row per job and day (the primary key).
 */
export async function claimJobRun(db: DB, run: { job: string; day: string; since: string; until: string }): Promise<JobRun> {
  const today = await db.selectFrom("scheduled_job_runs").selectAll().where("job", "=", run.job).where("day", "=", run.day).executeTakeFirst();
  if (today)
    return {
      job: today.job,
      day: today.day,
      since: today.since ?? run.since,
      until: today.until,
      afterUser: today.after_user,
      queued: today.queued,
      finished: today.finished_at !== null,
    };
  await db
    .insertInto("scheduled_job_runs")
    .values({ ...run, queued: 0, after_user: 0, finished_at: null })
    .execute();
  return { ...run, afterUser: 0, queued: 0, finished: false };
}

/** A batch committed: the run resumes after `afterUser`. */
export async function recordJobProgress(db: DB, run: { job: string; day: string }, afterUser: number, queued: number): Promise<void> {
  await db
    .updateTable("scheduled_job_runs")
    .set((eb) => ({ after_user: afterUser, queued: eb("queued", "+", queued) }))
    .where("job", "=", run.job)
    .where("day", "=", run.day)
    .execute();
}

export async function finishJobRun(db: DB, run: { job: string; day: string }, at: string): Promise<void> {
  await db.updateTable("scheduled_job_runs").set({ finished_at: at }).where("job", "=", run.job).where("day", "=", run.day).execute();
}
