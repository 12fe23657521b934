// The SMTP side of e-mail delivery in its own thread (docs/decisions/051-outbox.md, "Session 10:
// delivery rate" and "Session 14"): composing each e-mail in its reader's language, building its MIME
// message and talking SMTP over the pooled connections is most of a message's CPU, and here it does
// not wait in line with the pages. Every database read and
// write stays with the worker on the main thread and its one connection (a second connection's
// commits made pages' transactions fail with SQLITE_BUSY). Bundled as build/smtp-thread.js.
import { parentPort, workerData } from "node:worker_threads";
import type { SmtpSettings } from "~/config.server";
import { type EmailRequest, smtpTransport } from "./outbox-worker";

export type SmtpThreadRequest = { id: number; mail: EmailRequest };
/** error: the fields classifySmtpFailure reads, copied from nodemailer's error. */
export type SmtpThreadReply = { id: number; error?: { responseCode?: number; code?: string; response?: string; message: string } };

const { settings, timeouts } = workerData as { settings: SmtpSettings; timeouts: { connectionMs?: number; socketMs?: number } };
const transport = smtpTransport(settings, timeouts);
parentPort!.on("message", (request: SmtpThreadRequest | "close") => {
  if (request === "close") {
    transport.close();
    process.exit(0); // in a worker thread: ends this thread only
  }
  transport.send(request.mail).then(
    () => parentPort!.postMessage({ id: request.id } satisfies SmtpThreadReply),
    (e: { responseCode?: unknown; code?: unknown; response?: unknown; message?: unknown }) =>
      parentPort!.postMessage({
        id: request.id,
        error: {
          responseCode: typeof e.responseCode === "number" ? e.responseCode : undefined,
          code: typeof e.code === "string" ? e.code : undefined,
          response: typeof e.response === "string" ? e.response : undefined,
          message: typeof e.message === "string" ? e.message : "unknown error",
        },
      } satisfies SmtpThreadReply),
  );
});
