// How the portal starts, as the README says to start it: production mode, the public address
// (PUBLIC_URL) in every absolute link whatever the Host header says, and demo accounts never on a
// public address unless asked (docs/decisions/018-public-url-and-demo-data.md).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

type Launched = { child: ChildProcess; url: string; dataDir: string; output: () => string; ready: Promise<void>; exited: Promise<number | null>; stop: () => Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const started: Launched[] = [];
afterAll(async () => {
  for (const l of started) await l.stop();
});

/**
 * Runs a command in the project folder with a clean environment of our choosing: no NODE_ENV
 * (vitest sets it to "test"), no SESSION_SECRET, nothing else of the test runner's.
 */
async function launch(command: string, args: string[], env: Record<string, string>, dataDir?: string): Promise<Launched> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "portal-startup-"));
  const port = await freePort();
  const child = spawn(command, args, {
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? os.tmpdir(), PORT: String(port), DATA_DIR: dir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: `npm start` runs node under a shell, and stop() ends the whole group.
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in time:\n${output}`)), 120_000);
    const check = () => {
      if (output.includes("portal ready")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
  ready.catch(() => {});
  const launched: Launched = {
    child,
    url: `http://127.0.0.1:${port}`,
    dataDir: dir,
    output: () => output,
    ready,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        return;
      }
      await exited;
    },
  };
  started.push(launched);
  return launched;
}

const preload = path.resolve("tests/support/report-react-files.cjs");

describe("npm start", () => {
  it("renders with React's production build, NODE_ENV unset as on a fresh machine", async () => {
    const server = await launch("npm", ["start", "--silent"], { NODE_OPTIONS: `--require ${preload}` });
    await server.ready;
    const res = await fetch(`${server.url}/vacancies`);
    expect(res.status).toBe(200);
    await res.text();
    const files = [...server.output().matchAll(/\[react-file\] (\S+)/g)].map((m) => path.basename(m[1]!));
    expect(files).toEqual(expect.arrayContaining([expect.stringMatching(/^react-dom-server\.node\.production/), expect.stringMatching(/^react\.production/)]));
    expect(files.filter((f) => f.includes("development"))).toEqual([]);
    await server.stop();
  });
});
