// The outbox's kept-open SMTP connections (app/server/smtp-connections.ts, docs/decisions/076-smtp-connections.md)
// against a real SMTP server (smtp-server) in this process: reuse, refusals, AUTH, a server that hangs
// up, a server that is not there.
import net, { type AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { classifySmtpFailure } from "~/domain/messages/outbox";
import { smtpConnections } from "~/server/smtp-connections";

type Server = { url: string; port: number; connections: number; sockets: net.Socket[]; data: string[]; close(): Promise<void> };

async function server(options: Partial<SMTPServerOptions> = {}): Promise<Server> {
  const state: Server = { url: "", port: 0, connections: 0, sockets: [], data: [], close: async () => undefined };
  const s = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onConnect(session, callback) {
      state.connections++;
      callback();
    },
    onData(stream, _session, callback) {
      let text = "";
      stream.on("data", (c: Buffer) => (text += c.toString("utf8")));
      stream.on("end", () => {
        state.data.push(text);
        callback();
      });
    },
    ...options,
  });
  s.on("error", () => undefined);
  s.server.on("connection", (socket: net.Socket) => state.sockets.push(socket));
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  state.port = (s.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  state.close = () => new Promise<void>((resolve) => s.close(() => resolve()));
  return state;
}

const limits = { size: 3, maxMessages: 1000, connectionTimeout: 3000, greetingTimeout: 3000, socketTimeout: 3000 };
const message = (n: number) => Buffer.from(`Subject: test ${n}\r\nMessage-ID: <m${n}@portal.test>\r\n\r\nbody ${n}\r\n.leading dot\r\n`);
const envelope = (to = "someone@portal.test") => ({ from: "careers@portal.test", to: [to] });

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe("smtpConnections", () => {
  it("sends many messages over at most `size` connections, each as written (dots stuffed and unstuffed)", async () => {
    const s = await server();
    const pool = smtpConnections(s.url, limits);
    cleanup.push(
      () => s.close(),
      () => pool.close(),
    );
    await Promise.all(Array.from({ length: 12 }, (_, i) => pool.send(envelope(), message(i))));
    await Promise.all(Array.from({ length: 6 }, (_, i) => pool.send(envelope(), message(12 + i))));
    expect(s.data).toHaveLength(18);
    expect(s.connections).toBeLessThanOrEqual(3);
    expect(s.data.find((d) => d.includes("test 7"))).toBe(message(7).toString("utf8"));
  });

  it("a refused recipient rejects with the server's code, and the connection is kept for the next message", async () => {
    const s = await server({
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith("bounce")) return callback(Object.assign(new Error("no such user"), { responseCode: 550 }));
        callback();
      },
    });
    const pool = smtpConnections(s.url, { ...limits, size: 1 });
    cleanup.push(
      () => s.close(),
      () => pool.close(),
    );
    await pool.send(envelope(), message(1));
    await expect(pool.send(envelope("bounce@portal.test"), message(2))).rejects.toMatchObject({ responseCode: 550, code: "EENVELOPE" });
    await pool.send(envelope(), message(3));
    expect(s.data).toHaveLength(2);
    expect(s.connections).toBe(1);
  });

  it("logs in with the URL's user and password; a wrong password rejects, it does not hang", async () => {
    const s = await server({
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      authOptional: false,
      onAuth(auth, _session, callback) {
        if (auth.username === "portal" && auth.password === "s3cret") return callback(null, { user: auth.username });
        callback(Object.assign(new Error("bad credentials"), { responseCode: 535 }));
      },
    });
    const good = smtpConnections(`smtp://portal:s3cret@127.0.0.1:${s.port}`, limits);
    const bad = smtpConnections(`smtp://portal:wrong@127.0.0.1:${s.port}`, limits);
    cleanup.push(
      () => s.close(),
      () => good.close(),
      () => bad.close(),
    );
    await good.send(envelope(), message(1));
    await expect(bad.send(envelope(), message(2))).rejects.toMatchObject({ code: "EAUTH" });
    expect(s.data).toHaveLength(1);
  });

  it("a connection the server closed while idle is replaced; the next message goes out", async () => {
    const s = await server();
    const pool = smtpConnections(s.url, limits);
    cleanup.push(
      () => s.close(),
      () => pool.close(),
    );
    await pool.send(envelope(), message(1));
    for (const socket of s.sockets) socket.destroy();
    await new Promise((r) => setTimeout(r, 100));
    await pool.send(envelope(), message(2));
    expect(s.data).toHaveLength(2);
    expect(s.connections).toBe(2);
  });

  it("a connection is closed after maxMessages and another opened", async () => {
    const s = await server();
    const pool = smtpConnections(s.url, { ...limits, size: 1, maxMessages: 2 });
    cleanup.push(
      () => s.close(),
      () => pool.close(),
    );
    for (let i = 0; i < 5; i++) await pool.send(envelope(), message(i));
    expect(s.data).toHaveLength(5);
    expect(s.connections).toBe(3);
  });

  it("with no server listening every waiting send rejects (no hang), and sends work once it is there", async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const pool = smtpConnections(`smtp://127.0.0.1:${port}`, { ...limits, size: 2 });
    cleanup.push(() => pool.close());
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => pool.send(envelope(), message(i))));
    expect(results.map((r) => r.status)).toEqual(Array(5).fill("rejected"));
    // nodemailer's code for a refused connection, as its pool reported it: a transient failure, tried again later.
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: "ESOCKET" });
    expect(classifySmtpFailure((results[4] as PromiseRejectedResult).reason as Record<string, unknown>).permanent).toBe(false);
    const s = await server();
    const again = smtpConnections(s.url, limits);
    cleanup.push(
      () => s.close(),
      () => again.close(),
    );
    await again.send(envelope(), message(9));
    expect(s.data).toHaveLength(1);
  });

  it("after close, a send rejects at once", async () => {
    const s = await server();
    const pool = smtpConnections(s.url, limits);
    cleanup.push(() => s.close());
    await pool.send(envelope(), message(1));
    pool.close();
    await expect(pool.send(envelope(), message(2))).rejects.toMatchObject({ code: "ECONNECTION" });
  });
});
