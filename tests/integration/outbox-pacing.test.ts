// The worker's session-11 changes keep what decision 051 promises (docs/decisions/051-outbox.md,
// "Session 11"): outcomes synced off the event loop leave the pages' connection as it was; a batch's
// recipients read at once still stop at a bounced address; and while pages are answered, e-mails
// start no faster than the paced rate, in ticks whose slots share a commit (Session 13). Real SQLite
// files and a real SMTP server.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { Connection } from "@db/connection";
import { queueMessage } from "~/models/outbox.server";
import { pageActivity, QUIET_AFTER_MS } from "~/server/page-activity";
import { type OutboxWorker, outboxWorker, smtpTransport, type WorkerOptions } from "~/server/outbox-worker";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeUser } from "../support/factories";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

const FROM = "IT Cluster Careers <careers@portal.test>";

let c: Connection;
let smtp: TestSmtp;
let worker: OutboxWorker | undefined;

beforeEach(async () => {
  c = await createTestDatabase();
  smtp = await startTestSmtp();
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await smtp.close();
  closeTestDatabases();
});

function startWorker(extra: Partial<WorkerOptions> = {}): OutboxWorker {
  worker = outboxWorker(c.db, {
    email: smtpTransport({ url: smtp.url, from: FROM }, { connectionMs: 3000, socketMs: 3000 }),
    publicUrl: "http://portal.test",
    secret: "s".repeat(40),
    log: () => undefined,
    ...extra,
  });
  return worker;
}

async function queueFor(userIds: number[], tag: string) {
  await c.db.transaction().execute(async (trx) => {
    for (const [i, userId] of userIds.entries())
      await queueMessage(trx, {
        userId,
        kind: "application-status",
        eventKey: `${tag}-${i}`,
        vars: { vacancy: "V", company: "C", status: "screening" },
        link: null,
      });
  });
}

const statuses = async () =>
  (await c.db.selectFrom("outbox").select(["status", "last_error"]).orderBy("id").execute()).map((r) => `${r.status}:${r.last_error ?? ""}`);

describe("the outbox worker since session 11", () => {
  it("outcomes synced off the event loop: all recorded, and the connection's synchronous = FULL is back for the pages", async () => {
    const users = await Promise.all(Array.from({ length: 12 }, () => makeUser(c, "graduate")));
    await queueFor(
      users.map((u) => u.id),
      "wal",
    );
    const file = c.sqlite.name;
    expect(c.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    const r = await startWorker({ walFile: `${file}-wal` }).runOnce();
    expect(r.sent).toBe(12);
    expect(await statuses()).toEqual(Array(12).fill("sent:"));
    expect(smtp.received).toHaveLength(12);
    // 2 = FULL: a page's commit after a delivery still waits for the disk.
    expect((await sql<{ synchronous: number }>`pragma synchronous`.execute(c.db)).rows).toEqual([{ synchronous: 2 }]);
  });

  it("a log file that cannot be synced: that group's rows stay leased (sent again after the lease), later groups commit with FULL", async () => {
    const users = await Promise.all(Array.from({ length: 3 }, () => makeUser(c, "graduate")));
    await queueFor(
      users.map((u) => u.id),
      "nowal",
    );
    const lines: string[] = [];
    const w = startWorker({ walFile: "/nonexistent/portal.sqlite-wal", emailsInFlight: 1, log: (l) => lines.push(l) });
    await expect(w.runOnce()).rejects.toThrow(/ENOENT/);
    expect(lines.join("\n")).toContain("cannot be synced apart");
    // Nothing is lost: the committed outcome stands, the rest are still leased for the next try.
    expect((await statuses()).filter((s) => s === "sent:")).toHaveLength(1);
    await c.db
      .updateTable("outbox")
      .set({ next_attempt_at: new Date(0).toISOString() })
      .where("status", "=", "queued")
      .execute();
    const again = await w.runOnce();
    expect(again.sent).toBe(2);
    expect(await statuses()).toEqual(Array(3).fill("sent:"));
    expect((await sql<{ synchronous: number }>`pragma synchronous`.execute(c.db)).rows).toEqual([{ synchronous: 2 }]);
  });

  it("recipients read once per batch: after a bounce, the same person's next message in the batch is not sent", async () => {
    const u = await makeUser(c, "graduate");
    await queueFor([u.id, u.id, u.id], "bounce");
    smtp.behaviour.refuseRecipient = { code: 550, text: "No such user" };
    const r = await startWorker({ emailsInFlight: 1 }).runOnce();
    expect(r).toMatchObject({ claimed: 3, failed: 1, notSent: 2, sent: 0 });
    const [first, ...rest] = await statuses();
    expect(first).toMatch(/^failed:.*550/);
    expect(rest).toEqual(["not_sent:channel-failing", "not_sent:channel-failing"]);
    expect(smtp.rcptAttempts).toHaveLength(1);
  });

  it("while pages are answered, e-mails start at most at the paced rate; all arrive once", async () => {
    const users = await Promise.all(Array.from({ length: 24 }, () => makeUser(c, "graduate")));
    await queueFor(
      users.map((u) => u.id),
      "paced",
    );
    const started = performance.now();
    const r = await startWorker({ busy: () => true, emailsPerSecondWhileBusy: 40 }).runOnce();
    const ms = performance.now() - started;
    expect(r.sent).toBe(24);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(24);
    // 24 starts at 40 a second, the first four (one per slot) without waiting: at least 20 gaps of 25 ms.
    expect(ms).toBeGreaterThanOrEqual(20 * 25 - 5);
  });

  it("paced: the slots start together each tick and share one group commit (decision 051, Session 13)", async () => {
    const users = await Promise.all(Array.from({ length: 24 }, () => makeUser(c, "graduate")));
    await queueFor(
      users.map((u) => u.id),
      "ticks",
    );
    // 40 a second in ticks of 4 starts: one tick every 100 ms, far longer than a local SMTP round trip.
    const r = await startWorker({ busy: () => true, emailsPerSecondWhileBusy: 40, walFile: `${c.sqlite.name}-wal` }).runOnce();
    expect(r.sent).toBe(24);
    expect(await statuses()).toEqual(Array(24).fill("sent:"));
    // A group's sent rows get one sent_at. Ticks make 6 groups; one start every 25 ms (session 11's
    // pacing) made 13 to 24 here, fewer only as the machine's load made round trips longer.
    const groups = c.sqlite.prepare("select count(distinct sent_at) from outbox").pluck().get() as number;
    expect(groups).toBeLessThanOrEqual(9);
    expect((await sql<{ synchronous: number }>`pragma synchronous`.execute(c.db)).rows).toEqual([{ synchronous: 2 }]);
  });

  it("page activity: busy while a request is open and for a moment after it ends", () => {
    let now = 0;
    const activity = pageActivity(() => now);
    expect(activity.busy()).toBe(false);
    const listeners: (() => void)[] = [];
    const res = { once: (_e: string, f: () => void) => listeners.push(f) } as unknown as Parameters<typeof activity.track>[1];
    let nexted = false;
    activity.track({} as Parameters<typeof activity.track>[0], res, () => (nexted = true));
    expect(nexted).toBe(true);
    now = 60_000;
    expect(activity.busy()).toBe(true); // still open
    listeners.forEach((f) => f());
    expect(activity.busy()).toBe(true);
    now += QUIET_AFTER_MS;
    expect(activity.busy()).toBe(false);
  });
});
