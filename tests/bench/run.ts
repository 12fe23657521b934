// `npm run bench`: builds the large data set if it is missing (100,000 graduates, 20,000
// open vacancies), then measures each DESIGN §10 figure that exists so far as the median
// of repeated runs, prints one table with budgets and ratios, and exits non-zero when a
// budget is missed. Loaders are called in-process, so "server time" excludes the network.
import fs from "node:fs";
import path from "node:path";
import { migrateToLatest, openDatabase } from "@db/connection";
import { seedIfEmpty } from "@db/seed/index";
import { useConnection } from "~/db.server";
import { matchIndex } from "~/models/matching-index.server";
import { outcomeFacts } from "~/models/outcome-facts.server";
import { cases } from "./cases";
import { HTML_CSS_BUDGET_KB, JS_BUDGET_KB, measurePageWeights } from "./page-weight";
import { hasChromium } from "../support/browser";
import { startServer } from "../support/server";

const file = path.resolve(process.env.BENCH_DB ?? "data/bench/portal.sqlite");
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

/** A set built before the generator made outcome histories is rebuilt, or the dashboard figure would be empty. */
async function outdated(): Promise<boolean> {
  const probe = openDatabase(file);
  try {
    await migrateToLatest(probe.db);
    return (probe.sqlite.prepare("select count(*) from outcomes").pluck().get() as number) === 0;
  } finally {
    probe.sqlite.close();
  }
}

async function main(): Promise<void> {
  if (fs.existsSync(file) && (await outdated())) {
    console.log(`${file} has no outcome records (made by an older generator): building it again`);
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  }
  const fresh = !fs.existsSync(file);
  const connection = openDatabase(file);
  await migrateToLatest(connection.db);
  if (fresh) {
    const started = Date.now();
    console.log(`building the benchmark data set in ${file} …`);
    await seedIfEmpty(connection, { demo: true, size: { graduates: 100_000, openVacancies: 20_000 } });
    console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  connection.sqlite.pragma("optimize");
  useConnection(connection);
  const building = performance.now();
  matchIndex(connection);
  console.log(`matching index: built in ${((performance.now() - building) / 1000).toFixed(1)} s (once per process, then kept current from the change log)`);
  const loadingFacts = performance.now();
  outcomeFacts(connection, "m6");
  console.log(`outcome facts (m6): loaded in ${((performance.now() - loadingFacts) / 1000).toFixed(1)} s (once per process and checkpoint, then kept current from the change log)`);

  const rows: { figure: string; median: number; budget: number | null; ratio: number | null }[] = [];
  // BENCH_ONLY=matching measures only the figures whose name contains it.
  const only = process.env.BENCH_ONLY;
  for (const c of cases.filter((c) => !only || c.figure.includes(only))) {
    for (let i = 0; i < 3; i++) await c.run(); // warm caches and the query planner
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await c.run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    rows.push({ figure: c.figure, median, budget: c.budgetMs, ratio: c.budgetMs === null ? null : median / c.budgetMs });
  }

  const width = Math.max(...rows.map((r) => r.figure.length), 6);
  console.log(`\n${"figure".padEnd(width)}  median ms  budget ms  ratio  verdict`);
  for (const r of rows) {
    const verdict = r.ratio === null ? "(no budget)" : r.ratio <= 1 ? "ok" : "OVER BUDGET";
    console.log(`${r.figure.padEnd(width)}  ${r.median.toFixed(2).padStart(9)}  ${String(r.budget ?? "—").padStart(9)}  ${(r.ratio?.toFixed(2) ?? "—").padStart(5)}  ${verdict}`);
  }
  const missed: { ratio: number | null }[] = rows.filter((r) => r.ratio !== null && r.ratio > 1);
  connection.sqlite.close();
  if (!only || "page weights".includes(only)) missed.push(...(await pageWeights()));
  if (missed.length) {
    console.log(`\n${missed.length} budget(s) missed`);
    process.exit(1);
  }
  console.log("\nall budgets met");
}

/**
 * Page weights of the public pages (DESIGN §10), measured on the built production server with
 * its demo data in Chromium (gzip sizes of first-load JavaScript, and of HTML + CSS).
 */
async function pageWeights(): Promise<{ ratio: number }[]> {
  console.log("\npage weights (public pages, gzip, Chromium with JavaScript on)");
  if (!hasChromium) {
    console.log("  SKIPPED: Chromium is missing (apt-get install -y chromium)");
    return [];
  }
  if (!fs.existsSync(path.resolve("build/server.js"))) {
    console.log("  SKIPPED: build/server.js is missing (npm run build)");
    return [];
  }
  const server = await startServer();
  const out: { ratio: number }[] = [];
  try {
    const weights = await measurePageWeights(server.url);
    const width = Math.max(...weights.map((w) => w.path.length), 4);
    console.log(`${"page".padEnd(width)}  JS KB  budget  ratio  HTML+CSS KB  budget  ratio  verdict`);
    for (const w of weights) {
      const js = w.jsKb / JS_BUDGET_KB;
      const hc = w.htmlCssKb / HTML_CSS_BUDGET_KB;
      out.push({ ratio: js }, { ratio: hc });
      console.log(`${w.path.padEnd(width)}  ${w.jsKb.toFixed(1).padStart(5)}  ${String(JS_BUDGET_KB).padStart(6)}  ${js.toFixed(2).padStart(5)}  ${w.htmlCssKb.toFixed(1).padStart(11)}  ${String(HTML_CSS_BUDGET_KB).padStart(6)}  ${hc.toFixed(2).padStart(5)}  ${js <= 1 && hc <= 1 ? "ok" : "OVER BUDGET"}`);
    }
  } finally {
    await server.stop();
  }
  return out.filter((r) => r.ratio > 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
