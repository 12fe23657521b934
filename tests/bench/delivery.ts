// Issue 17's delivery figures (docs/product.md §13, docs/decisions/051-outbox.md "Session 10: delivery rate"):
//   1. the built production server (its worker, its nodemailer pool, as app/server/main.ts wires them)
//      delivers 10,000 e-mails queued for 10,000 people to a real SMTP server; messages/s from the
//      commit of the queue to the arrival of the last one. Every message must arrive exactly once,
//      counted by Message-ID at the SMTP server, and every row must read "sent";
//   2. the median time of two signed-in pages (the job board and /me), one request at a time, alone
//      and while another 10,000 are being delivered: how much slower, in %. Alone and delivering are
//      interleaved in short windows (A B B A …: the SMTP server holds its answers in the A windows,
//      so the worker waits, unchanged), so both see the same minutes of the machine's other load;
//      the rate while pages are served is that of the delivering windows (decision 051, "Session 13").
// Three processes: this one (queues, times the pages), the server (worker and pages on one event
// loop), the SMTP server (smtp-sink.ts). Each one's CPU is counted apart; on a 2-core machine the
// SMTP server's CPU competes with the portal's, as a local mail relay's would.
import { type ChildProcess, fork } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@db/connection";
import { messageIdFor } from "~/domain/messages/outbox";
import { queueMessage } from "~/models/outbox.server";
import { demoDataCopy, type RunningServer, startServer } from "../support/server";
import type { SinkReady, SinkReport, SinkRequest } from "./smtp-sink";
import { sessionCookie } from "./slow-link";

export const DELIVERY_BUDGET_PER_S = 200;
export const PAGE_SLOWDOWN_BUDGET_PERCENT = 10;
const MESSAGES = Number(process.env.BENCH_DELIVERY_MESSAGES ?? 10_000);
const PAGES = [
  { name: "job board, signed in", path: "/vacancies" },
  { name: "graduate's home /me", path: "/me" },
] as const;
const FROM = "IT Cluster Careers <careers@portal.test>";

type Sink = { port: number; ask(type: SinkRequest["type"]): Promise<SinkReport>; stop(): void };

async function startSink(): Promise<Sink> {
  const child: ChildProcess = fork(fileURLToPath(new URL("./smtp-sink.ts", import.meta.url)), [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m: SinkReady) => resolve(m.port));
    child.once("exit", (code) => reject(new Error(`the SMTP sink exited with ${code}`)));
  });
  return {
    port,
    ask: (type) =>
      new Promise((resolve) => {
        child.once("message", (m: SinkReport) => resolve(m));
        child.send({ type } satisfies SinkRequest);
      }),
    stop: () => child.disconnect(),
  };
}

/** User + system CPU of a whole process (all its threads) so far, in ms, from /proc (Linux). */
function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** The demo data plus `n` people with an e-mail address each (who receive the bench's messages). */
async function dataWithRecipients(n: number): Promise<string> {
  const dir = await demoDataCopy();
  const c = openDatabase(path.join(dir, "portal.sqlite"));
  try {
    const insert = c.sqlite.prepare("insert into users (email, password_hash, role, display_name, locale) values (?, 'x', 'graduate', ?, ?)");
    const langs = ["ky", "ru", "en"];
    c.sqlite.transaction(() => {
      for (let i = 0; i < n; i++) insert.run(`bench-recipient-${i}@bench.test`, `Получатель ${i}`, langs[i % 3]);
    })();
  } finally {
    c.sqlite.close();
  }
  return dir;
}

/** Queues one message to each bench recipient through the app's own queueMessage, in one transaction; returns their Message-IDs. */
async function queueRound(server: RunningServer, tag: string): Promise<string[]> {
  const c = openDatabase(path.join(server.dataDir, "portal.sqlite"));
  try {
    const users = await c.db.selectFrom("users").select("id").where("email", "like", "bench-recipient-%").orderBy("id").execute();
    await c.db.transaction().execute(async (trx) => {
      for (const u of users)
        await queueMessage(trx, {
          userId: u.id,
          kind: "application-status",
          eventKey: `bench-${tag}-${u.id}`,
          vars: { vacancy: "Junior frontend-разработчик", company: "Ала-Тоо Софт", status: "screening" },
          link: "/me/applications",
        });
    });
    const keys = await c.db.selectFrom("outbox").select("idem_key").where("idem_key", "like", `%.bench-${tag}-%`).execute();
    return keys.map((k) => messageIdFor(k.idem_key, server.url));
  } finally {
    c.sqlite.close();
  }
}

function unsentOf(server: RunningServer, tag: string): number {
  const c = openDatabase(path.join(server.dataDir, "portal.sqlite"));
  try {
    return c.sqlite.prepare("select count(*) from outbox where idem_key like ? and status != 'sent'").pluck().get(`%.bench-${tag}-%`) as number;
  } finally {
    c.sqlite.close();
  }
}

/** Lost and repeated messages: expected Message-IDs that did not arrive, and ones that arrived more than once. */
function checkArrivals(expected: string[], arrived: string[]): { lost: number; repeated: number; strangers: number } {
  const want = new Set(expected);
  const seen = new Map<string, number>();
  for (const id of arrived) seen.set(id, (seen.get(id) ?? 0) + 1);
  return {
    lost: expected.filter((id) => !seen.has(id)).length,
    repeated: [...seen.entries()].filter(([id, n]) => want.has(id) && n > 1).length,
    strangers: [...seen.keys()].filter((id) => !want.has(id)).length,
  };
}

async function timed(url: string, cookie: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url, { headers: { Cookie: cookie, "Accept-Language": "ky" } });
  await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Both pages, one request at a time, alternating, `rounds` times. */
async function pageTimes(server: RunningServer, cookie: string, rounds: number): Promise<number[][]> {
  const times: number[][] = PAGES.map(() => []);
  for (let i = 0; i < rounds; i++) for (const [j, p] of PAGES.entries()) times[j]!.push(await timed(`${server.url}${p.path}`, cookie));
  return times;
}

export type DeliveryRun = {
  messages: number;
  seconds: number;
  perSecond: number;
  serverCpuMs: number;
  smtpCpuMs: number;
  lost: number;
  repeated: number;
  unsent: number;
};

/** Queues `MESSAGES` and waits until the SMTP server has as many (no pages asked). */
async function deliverRound(server: RunningServer, sink: Sink, tag: string): Promise<DeliveryRun> {
  await sink.ask("reset");
  const expected = await queueRound(server, tag);
  const started = performance.now();
  const serverCpu = processCpuMs(server.process.pid!);
  const smtpCpu = (await sink.ask("count")).cpuMs;
  let arrived = 0;
  const deadline = Date.now() + 600_000;
  while (arrived < expected.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    arrived = (await sink.ask("count")).count;
  }
  const finished = performance.now();
  const serverCpuMs = processCpuMs(server.process.pid!) - serverCpu;
  const report = await sink.ask("report");
  const seconds = (finished - started) / 1000;
  const { lost, repeated } = checkArrivals(expected, report.ids);
  // A last settle may still be on its way to the disk when the last message arrives.
  await new Promise((r) => setTimeout(r, 500));
  return {
    messages: expected.length,
    seconds,
    perSecond: report.count / seconds,
    serverCpuMs,
    smtpCpuMs: report.cpuMs - smtpCpu,
    lost,
    repeated,
    unsent: unsentOf(server, tag),
  };
}

/** One window of pages: delivery held at the SMTP server (alone) or flowing (delivering). */
type Window = { delivering: boolean; times: number[][]; ms: number; arrived: number; mainCpuMs: number; serverCpuMs: number };

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))] ?? NaN;
};

export type PageFigure = {
  name: string;
  path: string;
  /** Medians of every request of the windows of each kind. */
  aloneMs: number;
  duringMs: number;
  /** (duringMs − aloneMs) / aloneMs, in %. */
  slowerPercent: number;
  /** Each delivering window's median against the mean of its neighbouring alone windows' medians: quartiles, in %. */
  pairedPercent: { q1: number; median: number; q3: number };
  /** The windows' own medians, lowest–highest of each kind. */
  aloneRange: string;
  duringRange: string;
  requests: { alone: number; during: number };
};

export type DeliveryFigures = {
  alone: DeliveryRun;
  /** The interleaved windows' delivery: messages and seconds of the delivering windows only. */
  withPages: DeliveryRun & { windows: { alone: number; delivering: number } };
  /** Main-thread CPU a message: alone (no pages), and while pages are served (the pages' own share, from the alone windows, taken out). */
  mainCpuPerMsg: { alone: number; withPages: number };
  pages: PageFigure[];
  loadAverage: string;
};

/** User + system CPU of the server's main thread (its event loop: the pages and the worker), in ms. */
function mainThreadCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const loadAverage = () => fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

/** Pause after switching delivery on or off before a window is timed: the messages in hand settle. */
const SWITCH_MS = 150;
/** Rounds of page requests (each page once) in a window. */
const WINDOW_ROUNDS = Number(process.env.BENCH_DELIVERY_WINDOW_ROUNDS ?? 8);

/**
 * The pages alone and while delivering, interleaved (decision 051, "Session 13"): `MESSAGES` are
 * queued at once, and windows of WINDOW_ROUNDS rounds of pages alternate A B B A A B B A … — A with the
 * SMTP server holding its answers (the worker waits, unchanged, with nothing to do), B with it
 * answering — until the queue is delivered. Both kinds of window see the same minutes of the
 * machine's other load; the spread of the paired windows says how far one comparison can be trusted.
 */
async function interleaved(server: RunningServer, sink: Sink, cookie: string): Promise<{ windows: Window[]; lost: number; repeated: number; unsent: number }> {
  await sink.ask("reset");
  await sink.ask("hold");
  const expected = await queueRound(server, "pages");
  const pid = server.process.pid!;
  const windows: Window[] = [];
  let arrived = 0;
  try {
    const stopAt = Date.now() + 1_800_000; // a stalled delivery ends the run (and shows as lost messages)
    for (let i = 0; arrived < expected.length && Date.now() < stopAt; i++) {
      const delivering = i % 4 === 1 || i % 4 === 2;
      await sink.ask(delivering ? "flow" : "hold");
      await new Promise((r) => setTimeout(r, SWITCH_MS));
      const before = { count: (await sink.ask("count")).count, main: mainThreadCpuMs(pid), server: processCpuMs(pid), t: performance.now() };
      const times = await pageTimes(server, cookie, WINDOW_ROUNDS);
      const ms = performance.now() - before.t;
      const main = mainThreadCpuMs(pid) - before.main;
      const serverCpu = processCpuMs(pid) - before.server;
      arrived = (await sink.ask("count")).count;
      // A delivering window in which the queue ran out is not one: left out.
      if (delivering && arrived >= expected.length) break;
      windows.push({ delivering, times, ms, arrived: arrived - before.count, mainCpuMs: main, serverCpuMs: serverCpu });
    }
  } finally {
    await sink.ask("flow");
  }
  const deadline = Date.now() + 600_000;
  while (arrived < expected.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    arrived = (await sink.ask("count")).count;
  }
  await new Promise((r) => setTimeout(r, 500));
  const { lost, repeated } = checkArrivals(expected, (await sink.ask("report")).ids);
  return { windows, lost, repeated, unsent: unsentOf(server, "pages") };
}

export async function measureDelivery(log: (line: string) => void = console.log): Promise<DeliveryFigures> {
  const sink = await startSink();
  let server: RunningServer | undefined;
  try {
    const dir = await dataWithRecipients(MESSAGES);
    server = await startServer({ SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: FROM }, dir);
    const pid = server.process.pid!;
    const cookie = await sessionCookie(server.url, "graduate@demo.kg");
    await pageTimes(server, cookie, 10); // warm-up

    log(`  delivering ${MESSAGES} e-mails to the SMTP sink … (load average ${loadAverage()})`);
    const mainBefore = mainThreadCpuMs(pid);
    const alone = await deliverRound(server, sink, "alone");
    const mainAlone = (mainThreadCpuMs(pid) - mainBefore) / alone.messages;
    log(
      `  ${alone.messages} in ${alone.seconds.toFixed(1)} s: ${alone.perSecond.toFixed(0)}/s; server CPU ${alone.serverCpuMs.toFixed(0)} ms (main thread ${mainAlone.toFixed(2)} ms/msg), SMTP server CPU ${alone.smtpCpuMs.toFixed(0)} ms; lost ${alone.lost}, repeated ${alone.repeated}, not sent ${alone.unsent}`,
    );

    log(`  pages in windows of ${WINDOW_ROUNDS} rounds, alone and while delivering another ${MESSAGES}, interleaved A B B A …`);
    const smtpBefore = (await sink.ask("count")).cpuMs;
    const { windows, ...faults } = await interleaved(server, sink, cookie);
    const smtpCpuMs = (await sink.ask("count")).cpuMs - smtpBefore;
    const A = windows.filter((w) => !w.delivering);
    const B = windows.filter((w) => w.delivering);
    const total = (ws: Window[], f: (w: Window) => number) => ws.reduce((t, w) => t + f(w), 0);
    const requests = (ws: Window[]) => total(ws, (w) => w.times.flat().length);
    const messages = total(B, (w) => w.arrived);
    const seconds = total(B, (w) => w.ms) / 1000;
    // The pages' own CPU a request, from the alone windows, taken out of the delivering windows'.
    const perRequest = (f: (w: Window) => number) => total(A, f) / requests(A);
    const deliveryShare = (f: (w: Window) => number) => total(B, f) - perRequest(f) * requests(B);
    const withPages = {
      messages,
      seconds,
      perSecond: messages / seconds,
      serverCpuMs: deliveryShare((w) => w.serverCpuMs),
      smtpCpuMs,
      lost: faults.lost,
      repeated: faults.repeated,
      unsent: faults.unsent,
      windows: { alone: A.length, delivering: B.length },
    };
    const mainWithPages = deliveryShare((w) => w.mainCpuMs) / Math.max(messages, 1);
    log(
      `  ${messages} delivered in ${B.length} delivering windows (${seconds.toFixed(1)} s): ${withPages.perSecond.toFixed(0)}/s; beyond the pages' own CPU: server ${(withPages.serverCpuMs / messages).toFixed(2)} ms/msg, main thread ${mainWithPages.toFixed(2)} ms/msg; ${A.length} windows alone; lost ${faults.lost}, repeated ${faults.repeated}, not sent ${faults.unsent} (load average ${loadAverage()})`,
    );
    const pages = PAGES.map((p, j): PageFigure => {
      const all = (ws: Window[]) => ws.flatMap((w) => w.times[j]!);
      const aloneMs = median(all(A));
      const duringMs = median(all(B));
      // Each delivering window against the alone windows next to it (A B B A: one before or after each).
      const paired = windows.flatMap((w, i) => {
        if (!w.delivering) return [];
        const near = [windows[i - 1], windows[i + 1], windows[i - 2], windows[i + 2]].filter((x): x is Window => !!x && !x.delivering).slice(0, 2);
        if (!near.length) return [];
        const base = near.reduce((t, x) => t + median(x.times[j]!), 0) / near.length;
        return [(100 * (median(w.times[j]!) - base)) / base];
      });
      const range = (ws: Window[]) => {
        const ms = ws.map((w) => median(w.times[j]!));
        return `${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)}`;
      };
      const figure: PageFigure = {
        ...p,
        aloneMs,
        duringMs,
        slowerPercent: (100 * (duringMs - aloneMs)) / aloneMs,
        pairedPercent: { q1: quantile(paired, 0.25), median: quantile(paired, 0.5), q3: quantile(paired, 0.75) },
        aloneRange: range(A),
        duringRange: range(B),
        requests: { alone: all(A).length, during: all(B).length },
      };
      log(
        `  ${p.path}: alone ${aloneMs.toFixed(1)} ms (${figure.requests.alone} requests; windows ${figure.aloneRange} ms), while delivering ${duringMs.toFixed(1)} ms (${figure.requests.during}; windows ${figure.duringRange} ms): ${figure.slowerPercent >= 0 ? "+" : ""}${figure.slowerPercent.toFixed(1)} %; window by window ${figure.pairedPercent.q1.toFixed(0)} / ${figure.pairedPercent.median.toFixed(0)} / ${figure.pairedPercent.q3.toFixed(0)} % (quartiles)`,
      );
      return figure;
    });
    return { alone, withPages, mainCpuPerMsg: { alone: mainAlone, withPages: mainWithPages }, pages, loadAverage: loadAverage() };
  } finally {
    await server?.stop();
    sink.stop();
  }
}
