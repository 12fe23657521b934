// Throughput of every signed-out public page type against a bare route of the same server
// (docs/product.md §10: ≥ 50 % each; docs/decisions/013 and 069, the page cache). The built
// production server runs on the large data set; autocannon drives GET /healthz (the bare route:
// one SQL probe, a small JSON body), the board's default listing and a search, the home page, a
// vacancy, a company, the companies list, a portfolio and its CV, the outcome figures and the feed,
// one after another, ROUNDS times, each for SECONDS; each figure is the median requests/s over the
// rounds, so a moment of noise on a shared machine hits all alike. Requests are signed out and ask
// for no compression (identical conditions for every route; gzip is the same cost for any page).
import Database from "better-sqlite3";
import autocannon from "autocannon";
import { type RunningServer } from "../support/server";

export const THROUGHPUT_BUDGET_PERCENT = 50;
const ROUNDS = Number(process.env.BENCH_THROUGHPUT_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 5);
const CONNECTIONS = 10;

export type ThroughputRoute = { name: string; path: string };
export type Throughput = ThroughputRoute & { rps: number; rounds: number[]; errors: number };

/** The bare route first, then one page of each signed-out public type, with ids and slugs that exist in `dbFile`. */
export function throughputRoutes(dbFile: string): ThroughputRoute[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    const value = (sql: string) => {
      const found = db.prepare(sql).pluck().get() as string | number | undefined;
      if (found === undefined) throw new Error(`the data set has no row for: ${sql}`);
      return found;
    };
    const vacancy = value(
      "select v.id from vacancies v join companies c on c.id = v.company_id where v.status = 'open' and c.status = 'verified' and (v.deadline is null or v.deadline > date('now', '+7 days')) order by v.id limit 1",
    );
    const company = value(
      "select c.slug from companies c where c.status = 'verified' and exists (select 1 from vacancies v where v.company_id = c.id and v.status = 'open') order by c.id limit 1",
    );
    const graduate = value(
      "select slug from graduates where visibility = 'public' and published_at is not null and slug is not null and anonymised_at is null order by id limit 1",
    );
    return [
      { name: "bare route", path: "/healthz" },
      { name: "job board, default listing", path: "/vacancies" },
      { name: "job board, search ?q=python", path: "/vacancies?q=python" },
      { name: "home", path: "/" },
      { name: "vacancy", path: `/vacancies/${vacancy}` },
      { name: "company", path: `/companies/${company}` },
      { name: "companies list", path: "/companies" },
      { name: "portfolio", path: `/g/${graduate}` },
      { name: "CV", path: `/g/${graduate}/cv` },
      { name: "outcomes", path: "/outcomes" },
      { name: "feed", path: "/feed.xml" },
    ];
  } finally {
    db.close();
  }
}

async function hammer(url: string, duration: number): Promise<{ rps: number; errors: number }> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers: { "accept-language": "ky" } });
  const bad = result.errors + result.timeouts + result.non2xx;
  return { rps: result.requests.total / duration, errors: bad };
}

export async function measureThroughput(server: RunningServer, routes: ThroughputRoute[]): Promise<Throughput[]> {
  const rounds = new Map<string, { rps: number[]; errors: number }>(routes.map((r) => [r.path, { rps: [], errors: 0 }]));
  for (const route of routes) await hammer(`${server.url}${route.path}`, 1); // warm up
  for (let i = 0; i < ROUNDS; i++) {
    for (const route of routes) {
      const { rps, errors } = await hammer(`${server.url}${route.path}`, SECONDS);
      const r = rounds.get(route.path)!;
      r.rps.push(rps);
      r.errors += errors;
    }
  }
  return routes.map((route) => {
    const r = rounds.get(route.path)!;
    const sorted = [...r.rps].sort((a, b) => a - b);
    return { ...route, rps: sorted[Math.floor(sorted.length / 2)]!, rounds: r.rps, errors: r.errors };
  });
}
