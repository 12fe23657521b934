// Issue 17's delivery figures (docs/product.md §13, docs/decisions/051-outbox.md "Session 10: delivery rate"):
//   1. the built production server (its worker, its nodemailer pool, as app/server/main.ts wires them)
//      delivers 10,000 e-mails queued for 10,000 people to a real SMTP server; messages/s from the
//      commit of the queue to the arrival of the last one. Every message must arrive exactly once,
//      counted by Message-ID at the SMTP server, and every row must read "sent";
//   2. the median time of two signed-in pages (the job board and /me), one request at a time, alone
//      and while another 10,000 are being delivered: how much slower, in %. The 10,000 go in CYCLES
//      parts, each after a stretch of pages alone (and one more stretch at the end), so a change in
//      the machine's other load over the minutes of the run falls on both sides alike.
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
/** Rounds of page requests (each page once) in each stretch of pages alone. */
const ALONE_ROUNDS = Number(process.env.BENCH_DELIVERY_ALONE_ROUNDS ?? 20);
/** Parts the second 10,000 are queued in, alternating with pages alone. */
const CYCLES = 4;
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

/**
 * Queues one message to each bench recipient (or the `part`th of `parts` of them) through the app's
 * own queueMessage, in one transaction; returns their Message-IDs.
 */
async function queueRound(server: RunningServer, tag: string, part = 0, parts = 1): Promise<string[]> {
  const c = openDatabase(path.join(server.dataDir, "portal.sqlite"));
  try {
    const everyone = await c.db.selectFrom("users").select("id").where("email", "like", "bench-recipient-%").orderBy("id").execute();
    const share = Math.ceil(everyone.length / parts);
    const users = everyone.slice(part * share, (part + 1) * share);
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

/** Both pages, one request at a time, alternating, `rounds` times or until `until()` says stop. */
async function pageTimes(server: RunningServer, cookie: string, rounds: number, until?: () => boolean): Promise<number[][]> {
  const times: number[][] = PAGES.map(() => []);
  for (let i = 0; until ? !until() : i < rounds; i++) for (const [j, p] of PAGES.entries()) times[j]!.push(await timed(`${server.url}${p.path}`, cookie));
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

/** Queues `MESSAGES` and waits until the SMTP server has as many; while waiting, `during` runs (the page timer) if given. */
async function deliverRound(
  server: RunningServer,
  sink: Sink,
  tag: string,
  during?: (done: () => boolean) => Promise<unknown>,
  part = 0,
  parts = 1,
): Promise<DeliveryRun> {
  await sink.ask("reset");
  const expected = await queueRound(server, tag, part, parts);
  const started = performance.now();
  const serverCpu = processCpuMs(server.process.pid!);
  const smtpCpu = (await sink.ask("count")).cpuMs;
  let arrived = 0;
  let finished = 0;
  const deadline = Date.now() + 600_000;
  const watch = (async () => {
    while (arrived < expected.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      arrived = (await sink.ask("count")).count;
    }
    finished = performance.now();
  })();
  if (during) await during(() => finished > 0);
  await watch;
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

export type DeliveryFigures = {
  alone: DeliveryRun;
  withPages: DeliveryRun;
  /** aloneRange, duringRange: the lowest and highest median of the stretches of each kind ("33–41"). */
  pages: { name: string; path: string; aloneMs: number; duringMs: number; aloneRange: string; duringRange: string; slowerPercent: number; requests: number }[];
};

export async function measureDelivery(log: (line: string) => void = console.log): Promise<DeliveryFigures> {
  const sink = await startSink();
  let server: RunningServer | undefined;
  try {
    const dir = await dataWithRecipients(MESSAGES);
    server = await startServer({ SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: FROM }, dir);
    const cookie = await sessionCookie(server.url, "graduate@demo.kg");
    await pageTimes(server, cookie, 10); // warm-up

    log(`  delivering ${MESSAGES} e-mails to the SMTP sink …`);
    const alone = await deliverRound(server, sink, "alone");
    log(
      `  ${alone.messages} in ${alone.seconds.toFixed(1)} s: ${alone.perSecond.toFixed(0)}/s; server CPU ${alone.serverCpuMs.toFixed(0)} ms, SMTP server CPU ${alone.smtpCpuMs.toFixed(0)} ms; lost ${alone.lost}, repeated ${alone.repeated}, not sent ${alone.unsent}`,
    );

    log(`  pages alone, and while delivering another ${MESSAGES} in ${CYCLES} parts, alternating …`);
    const alonePages: number[][] = PAGES.map(() => []);
    const duringPages: number[][] = PAGES.map(() => []);
    // Each stretch's own median too: how far stretches of the same kind differ shows the machine's noise.
    const stretches: { alone: boolean; medians: number[] }[] = [];
    const keep = (into: number[][], times: number[][]) => {
      times.forEach((t, j) => into[j]!.push(...t));
      stretches.push({ alone: into === alonePages, medians: times.map(median) });
    };
    const parts: DeliveryRun[] = [];
    for (let part = 0; part < CYCLES; part++) {
      keep(alonePages, await pageTimes(server, cookie, ALONE_ROUNDS));
      parts.push(await deliverRound(server, sink, `pages-${part}`, async (done) => keep(duringPages, await pageTimes(server!, cookie, 0, done)), part, CYCLES));
    }
    keep(alonePages, await pageTimes(server, cookie, ALONE_ROUNDS));
    const sum = (k: "messages" | "seconds" | "serverCpuMs" | "smtpCpuMs" | "lost" | "repeated" | "unsent") => parts.reduce((total, r) => total + r[k], 0);
    const withPages: DeliveryRun = {
      messages: sum("messages"),
      seconds: sum("seconds"),
      perSecond: sum("messages") / sum("seconds"),
      serverCpuMs: sum("serverCpuMs"),
      smtpCpuMs: sum("smtpCpuMs"),
      lost: sum("lost"),
      repeated: sum("repeated"),
      unsent: sum("unsent"),
    };
    log(
      `  ${withPages.messages} in ${withPages.seconds.toFixed(1)} s while pages were asked: ${withPages.perSecond.toFixed(0)}/s; server CPU ${withPages.serverCpuMs.toFixed(0)} ms (with the pages'); lost ${withPages.lost}, repeated ${withPages.repeated}, not sent ${withPages.unsent}`,
    );
    const pages = PAGES.map((p, j) => {
      const aloneMs = median(alonePages[j]!);
      const duringMs = median(duringPages[j]!);
      const range = (alone: boolean) => {
        const ms = stretches.filter((x) => x.alone === alone).map((x) => x.medians[j]!);
        return `${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)}`;
      };
      log(
        `  ${p.path}: alone ${aloneMs.toFixed(1)} ms (${alonePages[j]!.length} requests; stretches ${range(true)} ms), while delivering ${duringMs.toFixed(1)} ms (${duringPages[j]!.length} requests; parts ${range(false)} ms)`,
      );
      return {
        ...p,
        aloneMs,
        duringMs,
        aloneRange: range(true),
        duringRange: range(false),
        slowerPercent: (100 * (duringMs - aloneMs)) / aloneMs,
        requests: duringPages[j]!.length,
      };
    });
    return { alone, withPages, pages };
  } finally {
    await server?.stop();
    sink.stop();
  }
}
