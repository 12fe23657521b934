// Starts the real production server (build/server.js) on a free port with its own data folder.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

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

export async function startServer(env: Record<string, string> = {}, dataDir?: string): Promise<RunningServer> {
  const entry = path.resolve("build/server.js");
  if (!fs.existsSync(entry)) throw new Error("build/server.js is missing: run `npm run build` first (npm test does it)");
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "portal-server-"));
  const port = await freePort();
  // Without SESSION_SECRET the server generates one in its data folder, as on a fresh install.
  const { SESSION_SECRET: _unused, ...inherited } = process.env;
  const child = spawn(process.execPath, [entry], {
    // PUBLIC_URL is where this server is really reached, so the links it makes (survey, reset, feed) work.
    env: { ...inherited, NODE_ENV: "production", PORT: String(port), DATA_DIR: dir, PUBLIC_URL: `http://127.0.0.1:${port}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    // Generous: on the 100,000-graduate bench set the server loads its in-memory views before it listens.
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 180_000);
    const check = () => {
      if (output.includes("portal ready")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
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
