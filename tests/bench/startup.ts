// docs/product.md §10 "server start on the large set" (issue 20 part 3; docs/decisions/070-start-in-seconds.md):
// the built server in production mode, started on a copy of the large data set, timed from the spawn
// to its first answer of /healthz (any answer: the server listens and serves), to /healthz saying
// "ok" (every in-memory view loaded), and its resident memory (VmRSS) then. /healthz is asked every
// 50 ms from the spawn on; each answer's time is its arrival. Also printed: the server's CPU time
// until the views were ready, which on a shared machine shows what waiting for a core added.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const FIRST_ANSWER_BUDGET_S = 5;
export const RESIDENT_BUDGET_MB = 1024;

export type StartupRun = {
  /** Spawn to the first answer of /healthz, any status. */
  firstAnswerS: number;
  /** The server process's CPU time until that first answer. */
  firstAnswerCpuS: number;
  /** What that first answer said ("warming up", or "ok" when the views were already loaded). */
  firstStatus: string;
  /** Spawn to /healthz saying "ok": every view loaded. */
  viewsReadyS: number;
  /** Resident memory once the views were ready. */
  residentMb: number;
  /** The server process's CPU time (user + system) until the views were ready. */
  cpuS: number;
  /** Slowest /healthz answer while the views were loading (what a page waits for a step of the load). */
  slowestWarmingAnswerMs: number;
};

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

/** /proc/PID/stat fields 14 and 15: user and system time in clock ticks (100 a second on Linux). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function residentMb(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return line ? Number(line[1]) / 1024 : NaN;
}

/**
 * One start of `entry` (build/server.js) on `databaseFile` (a copy the caller may let the server write:
 * it migrates nothing on a current set, but its outbox worker and sweeps run as in production).
 */
export async function measureStartup(databaseFile: string, entry = path.resolve("build/server.js")): Promise<StartupRun> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-startup-bench-"));
  const { SESSION_SECRET: _unused, ...inherited } = process.env;
  const spawned = performance.now();
  const child = spawn(process.execPath, [entry], {
    env: { ...inherited, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, DATABASE_PATH: databaseFile, SEED_DEMO: "0", DIGEST_HOUR: "off" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    let first: { s: number; cpuS: number; status: string } | null = null;
    let slowest = 0;
    const deadline = spawned + 600_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
      if (performance.now() > deadline) throw new Error(`the views were not ready in 10 minutes:\n${output}`);
      const asked = performance.now();
      const status = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(30_000) })
        .then(async (res) => ((await res.json()) as { status: string }).status)
        .catch(() => null); // not listening yet
      const now = performance.now();
      if (status !== null) {
        first ??= { s: (now - spawned) / 1000, cpuS: cpuSeconds(child.pid!), status };
        if (status === "ok") {
          return {
            firstAnswerS: first.s,
            firstAnswerCpuS: first.cpuS,
            firstStatus: first.status,
            viewsReadyS: (now - spawned) / 1000,
            residentMb: residentMb(child.pid!),
            cpuS: cpuSeconds(child.pid!),
            slowestWarmingAnswerMs: slowest,
          };
        }
        slowest = Math.max(slowest, now - asked);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
