// The outbox worker's own thread (docs/decisions/051-outbox.md, "Session 10: delivery rate"), started
// by app/server/main.ts through startOutboxThread (outbox-worker.ts) and bundled as build/outbox-thread.js.
// Composing e-mails, the SMTP conversations and the disk syncs of the outcomes run here, on their own
// event loop and SQLite connection, so delivering thousands of messages does not wait in line with the
// pages on the main thread. The thread exits when the server asks it to stop.
import fs from "node:fs";
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "@db/connection";
import { type OutboxThreadData, outboxWorker, smtpTransport } from "./outbox-worker";
import { telegramApi, telegramTransport } from "./telegram-bot";

// Pages first: on Linux this thread alone runs at a lower priority (nice +10) than the pages' main
// thread, so when every core is busy the scheduler serves the pages first; an idle core still
// delivers at full speed (decision 051, "Session 10: delivery rate"). Elsewhere it keeps the process's.
try {
  const threadId = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
  if (threadId > 0) {
    os.setPriority(threadId, Math.min(19, os.getPriority(threadId) + 10));
    // Which thread of the process delivers (its CPU: /proc/<pid>/task/<tid>/stat; npm run bench reads it).
    console.log(`outbox: delivering in thread ${threadId} at nice ${os.getPriority(threadId)}`);
  }
} catch {
  // no /proc/thread-self, or not allowed: the thread runs at the process's priority
}

const data = workerData as OutboxThreadData;
const connection = openDatabase(data.databasePath);
const worker = outboxWorker(connection.db, {
  email: data.smtp ? smtpTransport(data.smtp) : null,
  telegram: data.telegram ? telegramTransport(telegramApi(data.telegram)) : null,
  publicUrl: data.publicUrl,
  secret: data.secret,
  leaseMs: data.leaseMs,
});
worker.start();
parentPort!.on("message", (message: "stop") => {
  if (message !== "stop") return;
  // The deliveries in hand finish and are recorded; the rest stay leased and come back after the lease.
  void worker.stop().finally(() => {
    connection.sqlite.close();
    process.exit(0); // in a worker thread: ends this thread only
  });
});
