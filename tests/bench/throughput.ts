// Job-board throughput against a bare route of the same server (docs/product.md §10: ≥ 50 %). The built
// production server runs on the large data set; autocannon drives GET /healthz (the bare route:
// one SQL probe, a small JSON body), the default board listing and a board search, one after
// another, ROUNDS times, each for SECONDS; each figure is the median requests/s over the rounds,
// so a moment of noise on a shared machine hits all three alike. Requests are signed out and ask
// for no compression (identical conditions for every route; gzip is the same cost for any page).
import autocannon from "autocannon";
import { type RunningServer } from "../support/server";

export const THROUGHPUT_BUDGET_PERCENT = 50;
const ROUNDS = Number(process.env.BENCH_THROUGHPUT_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 5);
const CONNECTIONS = 10;

export const THROUGHPUT_ROUTES = [
  { name: "bare route", path: "/healthz" },
  { name: "job board, default listing", path: "/vacancies" },
  { name: "job board, search", path: "/vacancies?q=python" },
] as const;

export type Throughput = { name: string; path: string; rps: number; rounds: number[]; errors: number };

async function hammer(url: string, duration: number): Promise<{ rps: number; errors: number }> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers: { "accept-language": "ky" } });
  const bad = result.errors + result.timeouts + result.non2xx;
  return { rps: result.requests.total / duration, errors: bad };
}

export async function measureThroughput(server: RunningServer): Promise<Throughput[]> {
  const rounds = new Map<string, { rps: number[]; errors: number }>(THROUGHPUT_ROUTES.map((r) => [r.path, { rps: [], errors: 0 }]));
  for (const route of THROUGHPUT_ROUTES) await hammer(`${server.url}${route.path}`, 1); // warm up
  for (let i = 0; i < ROUNDS; i++) {
    for (const route of THROUGHPUT_ROUTES) {
      const { rps, errors } = await hammer(`${server.url}${route.path}`, SECONDS);
      const r = rounds.get(route.path)!;
      r.rps.push(rps);
      r.errors += errors;
    }
  }
  return THROUGHPUT_ROUTES.map((route) => {
    const r = rounds.get(route.path)!;
    const sorted = [...r.rps].sort((a, b) => a - b);
    return { ...route, rps: sorted[Math.floor(sorted.length / 2)]!, rounds: r.rps, errors: r.errors };
  });
}
