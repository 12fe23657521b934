// A real SMTP server in the test process (smtp-server), whose behaviour a test sets: accept,
// refuse a recipient (5xx or 4xx), drop the connection during DATA, or answer slowly. What it
// accepts is parsed with mailparser, as a mail client would read it.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpBehaviour = {
  /** Answer RCPT TO with this code (550: the address bounces; 451: try later). */
  refuseRecipient?: { code: number; text: string } | null;
  /** Drop the connection this many times when a message's data has arrived, before answering. */
  dropAfterData?: number;
  /** Wait this long before answering the data. */
  slowMs?: number;
};

export type Received = { parsed: ParsedMail; raw: string; messageId: string; rcpt: string[] };

export type TestSmtp = {
  url: string;
  port: number;
  behaviour: SmtpBehaviour;
  received: Received[];
  /** RCPT TO commands seen (also refused ones): how often delivery was tried. */
  rcptAttempts: string[];
  /** The most messages whose data had arrived and were not yet answered, at any one time. */
  readonly maxInFlight: number;
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
};

export async function startTestSmtp(behaviour: SmtpBehaviour = {}): Promise<TestSmtp> {
  const received: Received[] = [];
  const rcptAttempts: string[] = [];
  const state = { behaviour, inFlight: 0, maxInFlight: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      rcptAttempts.push(address.address);
      const refuse = state.behaviour.refuseRecipient;
      if (refuse) return callback(Object.assign(new Error(refuse.text), { responseCode: refuse.code }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if ((state.behaviour.dropAfterData ?? 0) > 0) {
          state.behaviour.dropAfterData!--;
          for (const c of server.connections) c._socket.destroy();
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        state.maxInFlight = Math.max(state.maxInFlight, ++state.inFlight);
        const finish = () => {
          void simpleParser(raw).then(
            (parsed) => {
              received.push({ parsed, raw, messageId: parsed.messageId ?? "", rcpt: session.envelope.rcptTo.map((r) => r.address) });
              state.inFlight--;
              callback();
            },
            (error: Error) => {
              state.inFlight--;
              callback(error);
            },
          );
        };
        if (state.behaviour.slowMs) setTimeout(finish, state.behaviour.slowMs);
        else finish();
      });
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    get behaviour() {
      return state.behaviour;
    },
    set behaviour(b: SmtpBehaviour) {
      state.behaviour = b;
    },
    received,
    rcptAttempts,
    get maxInFlight() {
      return state.maxInFlight;
    },
    async waitFor(n, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} messages at the test SMTP server, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
