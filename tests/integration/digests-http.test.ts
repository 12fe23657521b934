// The scheduled-jobs runner inside the production server (docs/decisions/053-message-preferences-and-digests.md):
// started beside the outbox worker, it writes the day's digests once; a restart the same day writes
// none again. DIGEST_HOUR=0 makes the jobs due at any hour the test runs.
import { afterEach, describe, expect, it } from "vitest";
import { demoDataCopy, type RunningServer, startServer } from "../support/server";
import { readOnly, until } from "../support/server-harness";

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const DIGEST_KINDS = "('saved-search-digest', 'applications-digest', 'staff-digest')";

function read<T>(dataDir: string, query: string): T {
  const db = readOnly(dataDir);
  try {
    return db.prepare(query).all() as T;
  } finally {
    db.close();
  }
}

describe("the daily digests in the production server", () => {
  it("the server writes the day's digests once; after a restart the same day it writes none", { timeout: 180_000 }, async () => {
    const dataDir = await demoDataCopy();
    server = await startServer({ DIGEST_HOUR: "0" }, dataDir);
    // The digests' runs (the daily retention jobs of decision 067 run beside them).
    const runs = () => read<{ job: string; day: string }[]>(dataDir, "select job, day from scheduled_job_runs where job like '%-digest' order by job");
    await until("the three daily jobs", () => runs().length === 3, { servers: [server] });
    expect(runs().map((r) => r.job)).toEqual(["applications-digest", "saved-search-digest", "staff-digest"]);
    const digests = () => read<{ idem_key: string }[]>(dataDir, `select idem_key from outbox where kind in ${DIGEST_KINDS} order by id`).map((r) => r.idem_key);
    const first = digests();
    // The demo has companies and vacancies waiting for staff: the staff's digest is among them.
    expect(first.some((k) => k.startsWith("staff-digest."))).toBe(true);
    expect(server.output()).toMatch(/scheduled: staff-digest for \d{4}-\d{2}-\d{2}: \d+ messages queued/);
    await server.stop();

    server = await startServer({ DIGEST_HOUR: "0" }, dataDir);
    // The runner checks at start; give it the time of a few checks' worth of work.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(runs()).toHaveLength(3);
    expect(digests()).toEqual(first);
    expect(server.output()).not.toMatch(/scheduled: /);
  });
});
