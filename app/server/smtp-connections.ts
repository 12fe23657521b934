// Kept-open SMTP connections that send messages already written out (docs/decisions/076-smtp-connections.md).
// nodemailer's pool takes a message only through `sendMail`, which builds a MIME tree, a Message-ID,
// parsed addresses and a chain of streams for every message even when the message is handed over
// `raw`: a fifth of the SMTP thread's CPU a message (decision 051, "Session 15"). The outbox writes its
// messages itself (app/server/mime.ts) and retries what fails, so it needs only this: nodemailer's own
// SMTPConnection (the protocol, STARTTLS, AUTH, timeouts, its errors with their responseCode), a few
// of them kept open, each taking the next message when it is free.
import SMTPConnection from "nodemailer/lib/smtp-connection";
import { parseConnectionUrl } from "nodemailer/lib/shared";

export type SmtpConnectionsOptions = {
  /** Connections kept open at most (one per message in flight). */
  size: number;
  /** Messages a connection sends before it is closed and another is opened. */
  maxMessages: number;
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
};

type Connection = { smtp: SMTPConnection; sent: number; gone: boolean };
type SmtpError = Error & { code?: string; responseCode?: number };

export type SmtpConnections = {
  /** Resolves once the server accepted the message; rejects with SMTPConnection's error otherwise. */
  send(envelope: { from: string; to: string[] }, message: Buffer): Promise<void>;
  close(): void;
};

export function smtpConnections(url: string, options: SmtpConnectionsOptions): SmtpConnections {
  const { auth, ...parsed } = parseConnectionUrl(url) as { auth?: { user?: string; pass?: string } } & Record<string, unknown>;
  const settings = {
    ...parsed,
    connectionTimeout: options.connectionTimeout,
    greetingTimeout: options.greetingTimeout,
    socketTimeout: options.socketTimeout,
  };
  const credentials = auth && (auth.user || auth.pass) ? { credentials: { user: auth.user ?? "", pass: auth.pass ?? "" } } : null;
  const idle: Connection[] = [];
  /** Sends waiting for a connection to be free. */
  const queue: { take: (c: Connection) => void; fail: (e: unknown) => void }[] = [];
  let open = 0;
  let closed = false;

  /** Gone: closed by the server while idle, failed, or used up. Its place is free for a new one. */
  function drop(c: Connection): void {
    if (c.gone) return;
    c.gone = true;
    open--;
    const i = idle.indexOf(c);
    if (i >= 0) idle.splice(i, 1);
    c.smtp.close();
    if (queue.length && !closed) openOne();
  }

  function openOne(): void {
    open++;
    const c: Connection = { smtp: new SMTPConnection(settings), sent: 0, gone: false };
    let ready = false;
    const failed = (e: unknown) => {
      if (c.gone) return;
      // A connection that could not be opened fails the oldest waiting send (retried by the outbox);
      // the next waiting one, if any, gets a new attempt.
      const waiting = ready ? undefined : queue.shift();
      drop(c);
      waiting?.fail(e);
    };
    // Errors while idle (the server hung up) only drop it; during a send, the send's callback has the error.
    c.smtp.on("error", failed);
    c.smtp.once("end", () => failed(Object.assign(new Error("the SMTP server closed the connection"), { code: "ECONNECTION" })));
    c.smtp.connect((e) => {
      if (e) return failed(e);
      if (c.gone) return;
      if (!credentials || !c.smtp.allowsAuth) return void ((ready = true), release(c));
      c.smtp.login(credentials, (e) => {
        if (e) return failed(e);
        ready = true;
        release(c);
      });
    });
  }

  /** A connection is free: to the oldest waiting send, or kept idle. */
  function release(c: Connection): void {
    if (c.gone) return;
    if (c.sent >= options.maxMessages || closed) return drop(c);
    const next = queue.shift();
    if (next) next.take(c);
    else idle.push(c);
  }

  function acquire(): Promise<Connection> {
    const c = idle.pop();
    if (c) return Promise.resolve(c);
    return new Promise((take, fail) => {
      queue.push({ take, fail });
      if (open < options.size) openOne();
    });
  }

  return {
    async send(envelope, message) {
      if (closed) throw Object.assign(new Error("the SMTP connections are closed"), { code: "ECONNECTION" });
      const c = await acquire();
      await new Promise<void>((resolve, reject) =>
        c.smtp.send(envelope, message, (e) => {
          c.sent++;
          if (!e) {
            release(c);
            return resolve();
          }
          const error = e as SmtpError;
          // The server refused this message (an address, the size), the connection itself is fine:
          // reset the session and keep it, as nodemailer's pool does. Otherwise it is closed.
          if ((error.code === "EENVELOPE" || error.code === "EMESSAGE") && error.responseCode !== 421 && !c.gone)
            c.smtp.reset((resetError) => (resetError ? drop(c) : release(c)));
          else drop(c);
          reject(error);
        }),
      );
    },
    close() {
      closed = true;
      for (const c of [...idle]) drop(c);
      for (const w of queue.splice(0)) w.fail(Object.assign(new Error("the SMTP connections are closed"), { code: "ECONNECTION" }));
    },
  };
}
