// Where a delivered e-mail's CPU goes (docs/decisions/051-outbox.md, "Session 11"): the built
// server delivers BENCH_DELIVERY_MESSAGES (5,000) e-mails to the bench's SMTP sink with no pages asked,
// and this prints the CPU per 1,000 messages of each thread of the server (/proc/<pid>/task), of the
// SMTP sink and of this process. PROFILE_DIR=… also writes V8 CPU profiles (--cpu-prof) of the
// server's threads and of the sink there. Run: `npm run build && tsx tests/bench/delivery-profile.ts`.
import { type ChildProcess, fork, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@db/connection";
import { queueMessage } from "~/models/outbox.server";
import { demoDataCopy } from "../support/server";
import type { SinkReady, SinkReport, SinkRequest } from "./smtp-sink";

const MESSAGES = Number(process.env.BENCH_DELIVERY_MESSAGES ?? 5000);
const PROFILE_DIR = process.env.PROFILE_DIR;

/** CPU ms of each thread of a process, by "name#tid". */
function threadsCpuMs(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(`${name}#${tid}`, ((Number(f[11]) + Number(f[12])) * 1000) / 100);
    } catch {
      // the thread ended
    }
  }
  return out;
}

async function main() {
  const profArgs = PROFILE_DIR ? [`--cpu-prof`, `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child: ChildProcess = fork(fileURLToPath(new URL("./smtp-sink.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx", ...profArgs],
    stdio: "inherit",
  });
  const port = await new Promise<number>((resolve) => child.once("message", (m: SinkReady) => resolve(m.port)));
  const ask = (type: SinkRequest["type"]) =>
    new Promise<SinkReport>((resolve) => {
      child.once("message", (m: SinkReport) => resolve(m));
      child.send({ type } satisfies SinkRequest);
    });
  const dir = await demoDataCopy();
  const c = openDatabase(path.join(dir, "portal.sqlite"));
  const insert = c.sqlite.prepare("insert into users (email, password_hash, role, display_name, locale) values (?, 'x', 'graduate', ?, ?)");
  c.sqlite.transaction(() => {
    for (let i = 0; i < MESSAGES; i++) insert.run(`bench-recipient-${i}@bench.test`, `Получатель ${i}`, ["ky", "ru", "en"][i % 3]);
  })();
  c.sqlite.close();
  // Started here rather than by startServer: --cpu-prof is refused in NODE_OPTIONS.
  const serverPort = 20000 + Math.floor(Math.random() * 20000);
  const { SESSION_SECRET: _unused, ...inherited } = process.env;
  const server = spawn(process.execPath, [...profArgs, path.resolve("build/server.js")], {
    env: {
      ...inherited,
      NODE_ENV: "production",
      PORT: String(serverPort),
      DATA_DIR: dir,
      PUBLIC_URL: `http://127.0.0.1:${serverPort}`,
      DIGEST_HOUR: "off",
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: "IT Cluster Careers <careers@portal.test>",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => server.stdout!.on("data", (d: Buffer) => d.toString().includes("portal ready") && resolve()));
  const pid = server.pid!;
  const db = openDatabase(path.join(dir, "portal.sqlite"));
  const users = await db.db.selectFrom("users").select("id").where("email", "like", "bench-recipient-%").execute();
  const before = threadsCpuMs(pid);
  const sinkBefore = (await ask("count")).cpuMs;
  const meBefore = process.cpuUsage();
  const t0 = performance.now();
  await db.db.transaction().execute(async (trx) => {
    for (const u of users)
      await queueMessage(trx, {
        userId: u.id,
        kind: "application-status",
        eventKey: `prof-${u.id}`,
        vars: { vacancy: "Junior frontend-разработчик", company: "Ала-Тоо Софт", status: "screening" },
        link: "/me/applications",
      });
  });
  db.sqlite.close();
  let n = 0;
  while (n < users.length) {
    await new Promise((r) => setTimeout(r, 50));
    n = (await ask("count")).count;
  }
  const seconds = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 300));
  const after = threadsCpuMs(pid);
  const sink = (await ask("count")).cpuMs - sinkBefore;
  const me = process.cpuUsage(meBefore);
  const per1000 = (ms: number) => ((ms * 1000) / n).toFixed(0);
  console.log(
    `${n} messages in ${seconds.toFixed(1)} s: ${(n / seconds).toFixed(0)}/s (load average ${fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")})`,
  );
  let total = 0;
  for (const [k, v] of after) {
    const d = v - (before.get(k) ?? 0);
    total += d;
    if (d > 0) console.log(`  server thread ${k}: ${per1000(d)} ms CPU / 1,000 messages`);
  }
  console.log(`  server, all threads: ${per1000(total)} ms / 1,000`);
  console.log(`  SMTP sink: ${per1000(sink)} ms / 1,000`);
  console.log(`  this process (queueing, polling): ${per1000((me.user + me.system) / 1000)} ms / 1,000`);
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  child.disconnect();
}

await main();
