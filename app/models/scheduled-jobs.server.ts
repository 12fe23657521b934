// The daily jobs' finished runs (migration 0022, docs/decisions/053-message-preferences-and-digests.md):
// one row per job and Bishkek day, written in the run's own transaction. Queries only.
import type { DB } from "@db/connection";

export async function lastJobRun(db: DB, job: string): Promise<{ day: string; until: string } | null> {
  const row = await db.selectFrom("scheduled_job_runs").select(["day", "until"]).where("job", "=", job).orderBy("day", "desc").limit(1).executeTakeFirst();
  return row ?? null;
}

export async function recordJobRun(db: DB, run: { job: string; day: string; until: string; queued: number }): Promise<void> {
  await db.insertInto("scheduled_job_runs").values(run).execute();
}
