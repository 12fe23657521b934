// `npm run load [-- --connections 50 --duration 30 --url http://host:port]`: sustained load on
// the production build (docs/product.md §9 "under sustained concurrent load: no 5xx"). Without --url it
// starts build/server.js itself on loopback with a fresh demo database. Each client cycles
// through the main pages and one write (a graduate saving their profile), and the run reports
// throughput, latency p50/p90/p99, errors and status counts; it exits non-zero on any error,
// timeout or 5xx. `runLoad` is exported for the test suite and the benchmark.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const DEMO_PASSWORD = "demo-portal-2026";
const WRITER = "graduate2@demo.kg";

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {net.AddressInfo} */ (s.address());
      s.close(() => resolve(port));
    });
  });
}

/** Starts build/server.js with its own data folder (demo data is seeded on the first start). */
export async function startPortal(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-load-"))) {
  const entry = path.resolve("build/server.js");
  if (!fs.existsSync(entry)) throw new Error("build/server.js is missing: run `npm run build` first");
  const port = await freePort();
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the portal did not start:\n${output}`)), 120_000);
    child.stdout.on("data", () => output.includes("portal ready") && (clearTimeout(timer), resolve(undefined)));
    child.once("exit", (code) => (clearTimeout(timer), reject(new Error(`the portal exited with ${code}:\n${output}`))));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () =>
      new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : (child.once("exit", () => resolve(undefined)), child.kill("SIGTERM")))),
  };
}

async function signIn(url, email) {
  const res = await fetch(`${url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("__session="));
  if (res.status !== 302 || !cookie) throw new Error(`cannot sign in as ${email} (${res.status}): the load run needs the demo data`);
  return cookie.split(";")[0];
}

/** The request mix: four public pages and one write, cycled by every client. */
export async function requestMix(url) {
  const board = await (await fetch(`${url}/vacancies`)).text();
  const vacancy = /href="\/vacancies\/(\d+)"/.exec(board)?.[1];
  if (!vacancy) throw new Error("no open vacancy on /vacancies: the load run needs the demo data");
  const cookie = await signIn(url, WRITER);
  let n = 0;
  return [
    { kind: "home", method: "GET", path: "/" },
    { kind: "board search", method: "GET", path: "/vacancies?q=javascript&mode=remote" },
    { kind: "vacancy", method: "GET", path: `/vacancies/${vacancy}` },
    { kind: "portfolio", method: "GET", path: "/g/ayperi-zhumabekova" },
    {
      kind: "profile save",
      method: "POST",
      path: "/me/profile",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: url, cookie },
      // A fresh body per request, so each write really changes the row.
      setupRequest: (req) => ({
        ...req,
        body: new URLSearchParams({
          intent: "basics",
          headline: `Load test ${++n}`,
          about: "Written by npm run load.",
          city: "Бишкек",
          visibility: "employers",
        }).toString(),
      }),
    },
  ];
}

/**
 * Runs the load and returns its figures.
 * @param {{ url?: string, connections?: number, duration?: number, log?: boolean }} options
 */
export async function runLoad(options = {}) {
  const connections = options.connections ?? 50;
  const duration = options.duration ?? 30;
  const log = options.log ?? true;
  const portal = options.url ? null : await startPortal();
  const url = options.url ?? portal.url;
  try {
    const requests = await requestMix(url);
    if (log)
      console.log(`load: ${connections} clients for ${duration} s against ${url} (/, /vacancies?q=…, a vacancy, /g/ayperi-zhumabekova, POST /me/profile)`);
    // Latency per kind of request: with one request in flight per connection, the request a
    // client's response answers is still its current one when autocannon reports it.
    /** @type {Map<string, number[]>} */
    const perKind = new Map(requests.map((r) => [r.kind, []]));
    const instance = autocannon({ url, connections, duration, requests, timeout: 30 });
    instance.on("response", (client, _status, _bytes, ms) => perKind.get(client.requestIterator.currentRequest.kind)?.push(ms));
    const result = await instance;
    const kinds = Object.fromEntries(
      [...perKind].map(([kind, times]) => {
        times.sort((a, b) => a - b);
        const at = (q) => (times.length ? Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]) : null);
        return [kind, { requests: times.length, p50: at(0.5), p99: at(0.99) }];
      }),
    );
    const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
    const summary = {
      url,
      connections,
      duration,
      requests: result.requests.total,
      throughput: result.requests.average,
      latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      status5xx: result["5xx"],
      statuses,
      kinds,
    };
    if (log) {
      console.log(`requests:   ${summary.requests} (${summary.throughput.toFixed(1)} per second)`);
      console.log(`latency:    p50 ${summary.latency.p50} ms · p90 ${summary.latency.p90} ms · p99 ${summary.latency.p99} ms · max ${summary.latency.max} ms`);
      console.log(
        `statuses:   ${Object.entries(statuses)
          .map(([c, n]) => `${c}: ${n}`)
          .join(" · ")} (non-2xx ${summary.non2xx}; the write answers 302)`,
      );
      for (const [kind, k] of Object.entries(kinds)) console.log(`  ${kind.padEnd(13)} ${k.requests} requests · p50 ${k.p50} ms · p99 ${k.p99} ms`);
      console.log(`errors:     ${summary.errors} · timeouts ${summary.timeouts} · 5xx ${summary.status5xx}`);
    }
    return summary;
  } finally {
    await portal?.stop();
  }
}

/** A run passes when nothing failed: no connection error, no timeout, no 5xx. */
export function loadPassed(summary) {
  return summary.errors === 0 && summary.timeouts === 0 && summary.status5xx === 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { connections: { type: "string" }, duration: { type: "string" }, url: { type: "string" } } });
  const summary = await runLoad({
    url: values.url ?? process.env.LOAD_URL,
    connections: Number(values.connections ?? process.env.LOAD_CONNECTIONS ?? 50),
    duration: Number(values.duration ?? process.env.LOAD_DURATION ?? 30),
  });
  const ok = loadPassed(summary);
  console.log(ok ? "load: passed (no errors, no 5xx)" : "load: FAILED (errors, timeouts or 5xx above)");
  process.exit(ok ? 0 : 1);
}
