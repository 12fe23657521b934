// What the files that drive the production build over HTTP with a real SMTP server share
// (tests/support/server.ts, tests/support/smtp.ts): the servers and SMTP servers a test starts,
// stopped after it; polling until the server's background work shows in its database; reading that
// database beside the running server (docs/decisions/035-test-suite-speed.md, session 11).
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach } from "vitest";
import { type RunningServer, startServer } from "./server";
import { type SmtpBehaviour, startTestSmtp, type TestSmtp } from "./smtp";

export const MAIL_FROM = "IT Cluster Careers <careers@portal.test>";

/** Polls `check` every 100 ms until it holds; after `timeoutMs` fails with what the servers printed. */
export async function until(what: string, check: () => boolean, options: { timeoutMs?: number; servers?: readonly RunningServer[] } = {}): Promise<void> {
  const end = Date.now() + (options.timeoutMs ?? 30_000);
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}:\n${(options.servers ?? []).map((s) => s.output()).join("\n---\n")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The server's database opened read-only beside it (WAL: the server's commits are seen at each read). */
export const readOnly = (dataDir: string) => new Database(path.join(dataDir, "portal.sqlite"), { readonly: true, fileMustExist: true });

/**
 * What several tests of a file share (a server whose setup each test leaves as the next needs it): made
 * by the first test that asks, so that any one test also runs alone (-t), and ended after the file.
 */
export function sharedByFile<T>(make: () => Promise<T>, end: (made: T) => Promise<void>): () => Promise<T> {
  let made: Promise<T> | undefined;
  afterAll(async () => {
    const value = await made?.catch(() => undefined);
    if (value !== undefined) await end(value);
  });
  return () => (made ??= make());
}

export type TestServers = {
  /** The servers this test started, in order. */
  readonly servers: readonly RunningServer[];
  /** The SMTP server this test started last. */
  readonly smtp: TestSmtp;
  /** A production server for this test (stopped after it). */
  start(env?: Record<string, string>, dataDir?: string): Promise<RunningServer>;
  /** A real SMTP server for this test (closed after it, after the servers that send to it). */
  startSmtp(behaviour?: SmtpBehaviour): Promise<TestSmtp>;
  /** `until` with this test's servers' output on a timeout. */
  until(what: string, check: () => boolean, timeoutMs?: number): Promise<void>;
};

/** Registers this file's afterEach/afterAll and returns what its tests start servers with. */
export function useTestServers(options: { untilMs?: number } = {}): TestServers {
  let servers: RunningServer[] = [];
  let smtps: TestSmtp[] = [];
  const stopAll = async () => {
    for (const s of servers.splice(0)) await s.stop();
    for (const s of smtps.splice(0)) await s.close();
  };
  afterEach(stopAll);
  afterAll(stopAll);
  return {
    get servers() {
      return servers;
    },
    get smtp() {
      const last = smtps.at(-1);
      if (!last) throw new Error("no SMTP server started in this test");
      return last;
    },
    async start(env = {}, dataDir) {
      const server = await startServer(env, dataDir);
      servers = [...servers, server];
      return server;
    },
    async startSmtp(behaviour = {}) {
      const smtp = await startTestSmtp(behaviour);
      smtps = [...smtps, smtp];
      return smtp;
    },
    until: (what, check, timeoutMs = options.untilMs) => until(what, check, { timeoutMs, servers }),
  };
}
