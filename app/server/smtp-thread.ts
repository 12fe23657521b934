// The SMTP side of e-mail delivery in its own thread (docs/decisions/051-outbox.md, "Session 10:
// delivery rate", "Session 14" and "Session 15"): composing each e-mail in its reader's language,
// building its MIME message and talking SMTP over the pooled connections is most of a message's CPU,
// and here it does not wait in line with the pages. Every database read and
// write stays with the worker on the main thread and its one connection (a second connection's
// commits made pages' transactions fail with SQLITE_BUSY). Bundled as build/smtp-thread.js.
import fs from "node:fs";
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { SmtpSettings } from "~/config.server";
import { type EmailRequest, smtpTransport } from "./outbox-worker";

export type SmtpThreadRequest = { id: number; mail: EmailRequest };
/** error: the fields classifySmtpFailure reads, copied from nodemailer's error. */
export type SmtpThreadReply = { id: number; error?: { responseCode?: number; code?: string; response?: string; message: string } };

// The lowest priority for this thread alone (on Linux a thread has its own nice value): the pages'
// thread comes first when both want a core (decision 051, "Session 15").
try {
  os.setPriority(Number(fs.readlinkSync("/proc/thread-self").split("/").pop()), 19);
} catch {
  // not Linux, or not allowed: the thread runs at the process's priority
}

const { settings, timeouts } = workerData as { settings: SmtpSettings; timeouts: { connectionMs?: number; socketMs?: number } };
const transport = smtpTransport(settings, timeouts);

// Replies go back in batches, one message per turn of this thread's event loop: the deliveries
// that end together (their SMTP answers read in one poll) cost one postMessage, one wake-up of the
// main thread and one group commit there (decision 051, "Session 15").
let replies: SmtpThreadReply[] = [];
function reply(r: SmtpThreadReply): void {
  if (!replies.length)
    setImmediate(() => {
      const batch = replies;
      replies = [];
      parentPort!.postMessage(batch);
    });
  replies.push(r);
}

parentPort!.on("message", (requests: SmtpThreadRequest[] | "close") => {
  if (requests === "close") {
    transport.close();
    process.exit(0); // in a worker thread: ends this thread only
  }
  for (const request of requests)
    transport.send(request.mail).then(
      () => reply({ id: request.id }),
      (e: { responseCode?: unknown; code?: unknown; response?: unknown; message?: unknown }) =>
        reply({
          id: request.id,
          error: {
            responseCode: typeof e.responseCode === "number" ? e.responseCode : undefined,
            code: typeof e.code === "string" ? e.code : undefined,
            response: typeof e.response === "string" ? e.response : undefined,
            message: typeof e.message === "string" ? e.message : "unknown error",
          },
        }),
    );
});
