// The delivery bench's SMTP server (docs/decisions/051-outbox.md, "Session 10: delivery rate"): a real
// smtp-server in its own process, forked by delivery.ts, so its CPU is not the portal's nor the bench
// client's and is counted apart (process.cpuUsage, reported over IPC). It accepts every message and
// keeps only its Message-ID (read from the raw header, unfolded): the bench checks by Message-ID that
// every queued message arrived exactly once. Parsing whole messages (mailparser) is the tests' job.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** "count": how many arrived so far (cheap, asked often); "report": also their Message-IDs; "reset": forget them. */
export type SinkRequest = { type: "count" | "report" | "reset" };
export type SinkReport = { type: "report"; ids: string[]; count: number; cpuMs: number };
export type SinkReady = { type: "ready"; port: number };

const ids: string[] = [];

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
      ids.push(id);
      callback();
    });
  },
});
server.on("error", (error) => console.error("smtp sink:", error));
server.listen(0, "127.0.0.1", () => {
  process.send!({ type: "ready", port: (server.server.address() as AddressInfo).port } satisfies SinkReady);
});

process.on("message", (m: SinkRequest) => {
  if (m.type === "reset") ids.length = 0;
  const { user, system } = process.cpuUsage();
  process.send!({ type: "report", ids: m.type === "report" ? [...ids] : [], count: ids.length, cpuMs: (user + system) / 1000 } satisfies SinkReport);
});
process.on("disconnect", () => server.close(() => process.exit(0)));
