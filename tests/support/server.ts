// Starts the real production server (build/server.js) on a free port with its own data folder.
// The demo data the server seeds on its first start is seeded once per run and copied into each
// new data folder (docs/decisions/035-test-suite-speed.md); `{ freshData: true }` seeds anew.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { sharedTemplate } from "./templates";

export type RunningServer = { url: string; dataDir: string; process: ChildProcess; output: () => string; stop: () => Promise<void> };

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

export type StartOptions = {
  /** Let the server migrate and seed an empty folder itself (tests of the first start), instead of copying the run's demo folder. */
  freshData?: boolean;
};

/** Settings that change what the first start writes: with any of them the folder is seeded by the server itself. */
const SEEDING_SETTINGS = ["DATA_DIR", "DATABASE_PATH", "UPLOAD_DIR", "PUBLIC_URL", "SESSION_SECRET"];

/**
 * A data folder exactly as the real server leaves it after its first start on loopback (migrated,
 * reference and demo data, uploads), stopped cleanly so the database is one file. Its session secret
 * is left out: every server copied from it generates its own, as on a fresh install.
 */
function demoDataTemplate(entry: string): Promise<string> {
  return sharedTemplate("demo-data", async (dir) => {
    const server = await launch(entry, {}, dir);
    await server.stop();
    if (server.process.exitCode !== 0) throw new Error(`the demo template server stopped with ${server.process.exitCode}:\n${server.output()}`);
    fs.rmSync(path.join(dir, "session-secret"), { force: true });
  });
}

/**
 * A new data folder holding a copy of the run's demo data (as startServer() copies it), for a
 * server whose settings make startServer() seed anew although what it tests is not the seeding
 * (e.g. a public PUBLIC_URL with SEED_DEMO=1: the seed is the same, only the address differs).
 */
export async function demoDataCopy(): Promise<string> {
  const entry = path.resolve("build/server.js");
  if (!fs.existsSync(entry)) throw new Error("build/server.js is missing: run `npm run build` first (npm test does it)");
  const template = await demoDataTemplate(entry);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-server-"));
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

export async function startServer(env: Record<string, string> = {}, dataDir?: string, options: StartOptions = {}): Promise<RunningServer> {
  const entry = path.resolve("build/server.js");
  if (!fs.existsSync(entry)) throw new Error("build/server.js is missing: run `npm run build` first (npm test does it)");
  let dir = dataDir;
  // SEED_DEMO=1 on loopback seeds the same demo data as the default; SEED_DEMO=0 seeds none.
  const seedsTheDefault = !SEEDING_SETTINGS.some((k) => k in env) && (env.SEED_DEMO === undefined || env.SEED_DEMO === "1");
  if (!dir && !options.freshData && seedsTheDefault) {
    const template = await demoDataTemplate(entry);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-server-"));
    fs.cpSync(template, dir, { recursive: true });
  }
  return launch(entry, env, dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "portal-server-")));
}

/**
 * Files run in parallel: the free port found can be taken by another server before this one binds
 * it. Then it starts again on another port (its output keeps the first attempt's lines, such as "demo data seeded").
 */
async function launch(entry: string, env: Record<string, string>, dir: string): Promise<RunningServer> {
  let earlier = "";
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchOnce(entry, env, dir, earlier);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= 3 || !message.includes("EADDRINUSE")) throw error;
      earlier = (error as Error & { output?: string }).output ?? "";
    }
  }
}

async function launchOnce(entry: string, env: Record<string, string>, dir: string, earlier: string): Promise<RunningServer> {
  const port = await freePort();
  // Without SESSION_SECRET the server generates one in its data folder, as on a fresh install.
  const { SESSION_SECRET: _unused, ...inherited } = process.env;
  const child = spawn(process.execPath, [entry], {
    // PUBLIC_URL is where this server is really reached, so the links it makes (survey, reset, feed) work.
    // DIGEST_HOUR=off: no daily digest joins the messages a test counts, whatever the hour it runs (a test may set one).
    env: { ...inherited, NODE_ENV: "production", PORT: String(port), DATA_DIR: dir, PUBLIC_URL: `http://127.0.0.1:${port}`, DIGEST_HOUR: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = earlier;
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    // Generous: on the 100,000-graduate bench set the views take a minute or more to load on a busy machine.
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 180_000);
    // "portal ready": the server answers; "views ready": its in-memory views are loaded too (a few ms on
    // the demo data, docs/decisions/070), so a test's first /healthz says "ok" and no load runs beside a measurement.
    const check = () => {
      if (output.includes("portal ready") && output.includes("views ready")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`server exited with ${code}:\n${output}`), { output }));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir: dir,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
