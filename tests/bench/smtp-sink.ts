// The delivery bench's SMTP server (docs/decisions/051-outbox.md, "Session 10: delivery rate"): a real
// smtp-server in its own process, forked by delivery.ts, so its CPU is not the portal's nor the bench
// client's and is counted apart (process.cpuUsage, reported over IPC). It accepts every message and
// keeps only its Message-ID (read from the raw header, unfolded): the bench checks by Message-ID that
// every queued message arrived exactly once. Parsing whole messages (mailparser) is the tests' job.
// "hold" makes it keep each message's final answer (the 250 after DATA) until "flow": the portal's
// worker then waits on its SMTP connections, unchanged, with nothing to do — the bench's windows of
// pages alone, interleaved with windows of pages while delivering (decision 051, "Session 13").
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/**
 * "count": how many were accepted so far (cheap, asked often); "report": also their Message-IDs;
 * "reset": forget them; "hold": answer no message until "flow" (which answers the held ones).
 */
export type SinkRequest = { type: "count" | "report" | "reset" | "hold" | "flow" };
export type SinkReport = { type: "report"; ids: string[]; count: number; cpuMs: number };
export type SinkReady = { type: "ready"; port: number };

const ids: string[] = [];
let holding = false;
let held: (() => void)[] = [];

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  // The portal's pool keeps a few connections open for many messages.
  maxClients: 64,
  onData(stream, _session, callback) {
    // Only the header block is kept (latin1: a chunk may end inside a UTF-8 character; the header
    // is ASCII); the body is read to its end and dropped. On 2 cores the sink's CPU is the pages'.
    let head = "";
    let inHead = true;
    stream.on("data", (c: Buffer) => {
      if (!inHead) return;
      head += c.toString("latin1");
      const end = head.indexOf("\r\n\r\n");
      if (end >= 0) {
        head = head.slice(0, end);
        inHead = false;
      }
    });
    stream.on("end", () => {
      const id = /^Message-ID:\s*(\S+)/im.exec(head.replace(/\r\n[ \t]+/g, " "))?.[1] ?? "";
      const accept = () => {
        ids.push(id);
        callback();
      };
      if (holding) held.push(accept);
      else accept();
    });
  },
});
server.on("error", (error) => console.error("smtp sink:", error));
server.listen(0, "127.0.0.1", () => {
  process.send!({ type: "ready", port: (server.server.address() as AddressInfo).port } satisfies SinkReady);
});

process.on("message", (m: SinkRequest) => {
  if (m.type === "reset") ids.length = 0;
  if (m.type === "hold") holding = true;
  if (m.type === "flow") {
    holding = false;
    const answer = held;
    held = [];
    answer.forEach((accept) => accept());
  }
  const { user, system } = process.cpuUsage();
  process.send!({ type: "report", ids: m.type === "report" ? [...ids] : [], count: ids.length, cpuMs: (user + system) / 1000 } satisfies SinkReport);
});
process.on("disconnect", () => server.close(() => process.exit(0)));
