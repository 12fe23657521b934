// How the portal starts, as the README says to start it: production mode, the public address
// (PUBLIC_URL) in every absolute link whatever the Host header says, and demo accounts never on a
// public address unless asked (docs/decisions/018-public-url-and-demo-data.md).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, demoDataCopy, startServer } from "../support/server";

type Launched = {
  child: ChildProcess;
  url: string;
  dataDir: string;
  output: () => string;
  ready: Promise<void>;
  exited: Promise<number | null>;
  stop: () => Promise<void>;
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

const started: Launched[] = [];
afterAll(async () => {
  for (const l of started) await l.stop();
});

/**
 * Runs a command in the project folder with a clean environment of our choosing: no NODE_ENV
 * (vitest sets it to "test"), no SESSION_SECRET, nothing else of the test runner's.
 */
async function launch(command: string, args: string[], env: Record<string, string>, dataDir?: string): Promise<Launched> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "portal-startup-"));
  const port = await freePort();
  const child = spawn(command, args, {
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? os.tmpdir(),
      PORT: String(port),
      DATA_DIR: dir,
      ...env,
    } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: `npm start` runs node under a shell, and stop() ends the whole group.
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in time:\n${output}`)), 120_000);
    const check = () => {
      if (output.includes("portal ready")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
  ready.catch(() => {});
  const launched: Launched = {
    child,
    url: `http://127.0.0.1:${port}`,
    dataDir: dir,
    output: () => output,
    ready,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        return;
      }
      await exited;
    },
  };
  started.push(launched);
  return launched;
}

const preload = path.resolve("tests/support/report-react-files.cjs");

describe("npm start", () => {
  it("renders with React's production build, NODE_ENV unset as on a fresh machine", async () => {
    // On a copy of the run's demo data: which React files load does not depend on the data, and seeding anew costs
    // several seconds of CPU (the first start's seeding is under test below). docs/decisions/035-test-suite-speed.md
    const server = await launch("npm", ["start", "--silent"], { NODE_OPTIONS: `--require ${preload}` }, await demoDataCopy());
    await server.ready;
    const res = await fetch(`${server.url}/vacancies`);
    expect(res.status).toBe(200);
    await res.text();
    const files = [...server.output().matchAll(/\[react-file\] (\S+)/g)].map((m) => path.basename(m[1]!));
    expect(files).toEqual(expect.arrayContaining([expect.stringMatching(/^react-dom-server\.node\.production/), expect.stringMatching(/^react\.production/)]));
    expect(files.filter((f) => f.includes("development"))).toEqual([]);
    await server.stop();
  }, 120_000);
});

/** A request with headers fetch() will not send as given (Host); the body is a URL-encoded form. */
function raw(base: string, method: string, pathname: string, options: { headers?: Record<string, string>; form?: Record<string, string> } = {}) {
  const target = new URL(pathname, base);
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        method,
        path: target.pathname + target.search,
        headers: {
          ...(body ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)) } : {}),
          ...options.headers,
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

describe("absolute links come from PUBLIC_URL, never from the Host header", () => {
  const PUBLIC = "https://careers.example.kg";
  // Both headers an attacker can send: Remix's express adapter builds request.url from X-Forwarded-Host first.
  const spoofed = { Host: "evil.example", "X-Forwarded-Host": "evil2.example" };
  let server: RunningServer;
  let database: Database.Database;

  beforeAll(async () => {
    // A public address: demo accounts are there only because SEED_DEMO=1 says so (item 16). The run's
    // demo folder is copied: the links are what is under test here; the public first start is the next describe's.
    server = await startServer({ PUBLIC_URL: PUBLIC, SEED_DEMO: "1" }, await demoDataCopy());
    database = new Database(path.join(server.dataDir, "portal.sqlite"), { readonly: true });
  });
  afterAll(async () => {
    database?.close();
    await server?.stop();
  });

  async function signIn(email: string): Promise<string> {
    const res = await raw(server.url, "POST", "/login", { headers: spoofed, form: { email, password: "demo-portal-2026" } });
    expect(res.status).toBe(302);
    const cookie = ([] as string[]).concat(res.headers["set-cookie"] ?? []).find((c) => c.startsWith("__session="));
    return cookie!.split(";")[0]!;
  }
  /**
   * Every absolute http(s) link of a text, after checking that none names the host the request
   * came to (the spoofed names, or the loopback address the test connects to). Other sites'
   * addresses (a company's website, schema.org) may appear; links to the portal are checked by the callers.
   */
  function expectOnlyPublicLinks(text: string, label: string): string[] {
    const links = [...text.matchAll(/https?:\/\/[^\s"'<>&\\]+/g)].map((m) => m[0]);
    const fromRequest = links.filter((l) => /^https?:\/\/(evil2?\.example|127\.0\.0\.1|localhost)\b/.test(l));
    expect(fromRequest, label).toEqual([]);
    expect(text.includes("evil.example") || text.includes("evil2.example"), `${label} names a spoofed host`).toBe(false);
    return links;
  }

  it("the public feed and a vacancy's JSON-LD", async () => {
    const feed = await raw(server.url, "GET", "/feed.xml", { headers: spoofed });
    expect(feed.status).toBe(200);
    expect(expectOnlyPublicLinks(feed.body, "/feed.xml")).toContain(`${PUBLIC}/feed.xml`);
    const { id } = database.prepare("select id from vacancies where status = 'open' order by id limit 1").get() as { id: number };
    const page = await raw(server.url, "GET", `/vacancies/${id}`, { headers: spoofed });
    expect(page.status).toBe(200);
    const jsonLd = /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(page.body)?.[1];
    expect(jsonLd).toBeTruthy();
    expect(JSON.parse(jsonLd!).url).toBe(`${PUBLIC}/vacancies/${id}`);
    expectOnlyPublicLinks(page.body, `/vacancies/${id}`);
  });

  it("reset, invitation and survey links shown to staff, and a company's colleague invitation", async () => {
    const staff = await signIn("staff@demo.kg");
    const headers = { ...spoofed, Cookie: staff };
    const reset = await raw(server.url, "POST", "/staff/password-resets", { headers, form: { email: "graduate2@demo.kg" } });
    expect(reset.status).toBe(200);
    expect(expectOnlyPublicLinks(reset.body, "reset").some((l) => l.startsWith(`${PUBLIC}/reset/`))).toBe(true);

    const { id: cohortId } = database.prepare("select id from cohorts order by id desc limit 1").get() as { id: number };
    const enrol = await raw(server.url, "POST", "/staff/invitations", {
      headers,
      form: { intent: "enrol", cohortId: String(cohortId), firstName: "Нурлан", lastName: "Осмонов" },
    });
    expect(enrol.status).toBe(200);
    expect(expectOnlyPublicLinks(enrol.body, "enrol").some((l) => l.startsWith(`${PUBLIC}/join?code=`))).toBe(true);
    const list = await raw(server.url, "GET", `/staff/cohorts/${cohortId}/invitations`, { headers });
    expect(list.status).toBe(200);
    expect(expectOnlyPublicLinks(list.body, "cohort invitations").some((l) => l.startsWith(`${PUBLIC}/join`))).toBe(true);

    const { id: graduateId } = database
      .prepare(
        "select g.id from graduates g where g.anonymised_at is null and not exists (select 1 from outcome_consents c where c.graduate_id = g.id) order by g.id limit 1",
      )
      .get() as { id: number };
    const survey = await raw(server.url, "POST", "/staff/outcomes/follow-up", {
      headers,
      form: { intent: "survey", graduateId: String(graduateId), checkpoint: "m12" },
    });
    expect(survey.status).toBe(200);
    expect(expectOnlyPublicLinks(survey.body, "follow-up survey").some((l) => l.startsWith(`${PUBLIC}/survey/`))).toBe(true);
    const single = await raw(server.url, "POST", `/staff/outcomes/graduates/${graduateId}`, { headers, form: { intent: "survey", checkpoint: "m6" } });
    expect(single.status).toBe(200);
    expect(expectOnlyPublicLinks(single.body, "graduate survey").some((l) => l.startsWith(`${PUBLIC}/survey/`))).toBe(true);

    const employer = await signIn("employer@demo.kg");
    const invite = await raw(server.url, "POST", "/company", { headers: { ...spoofed, Cookie: employer }, form: { intent: "invite" } });
    expect(invite.status).toBe(200);
    expect(expectOnlyPublicLinks(invite.body, "company invite").some((l) => l.startsWith(`${PUBLIC}/signup?invite=`))).toBe(true);
  });

  it("a saved search's private feed, on the page and in the feed itself", async () => {
    const graduate = await signIn("graduate2@demo.kg");
    const headers = { ...spoofed, Cookie: graduate };
    const saved = await raw(server.url, "POST", "/me/saved-searches", { headers, form: { intent: "create", query: "q=python", name: "python" } });
    expect(saved.status).toBeLessThan(400);
    const page = await raw(server.url, "GET", "/me/saved-searches", { headers });
    const feedUrl = expectOnlyPublicLinks(page.body, "/me/saved-searches").find((l) => l.endsWith("/feed.xml"));
    expect(feedUrl).toBeTruthy();
    const feed = await raw(server.url, "GET", new URL(feedUrl!).pathname, { headers: spoofed });
    expect(feed.status).toBe(200);
    expectOnlyPublicLinks(feed.body, "saved feed");
  });
});

describe("demo accounts are never on a public address unasked", () => {
  const PUBLIC = "https://careers.example.kg";
  const node = (env: Record<string, string>, dataDir?: string) => launch(process.execPath, ["build/server.js"], env, dataDir);
  const users = (dataDir: string) => {
    const db = new Database(path.join(dataDir, "portal.sqlite"), { readonly: true });
    try {
      return db.prepare("select email from users order by id").pluck().all() as string[];
    } finally {
      db.close();
    }
  };

  it("on a public address an empty database gets no demo data unless SEED_DEMO=1", async () => {
    const server = await node({ PUBLIC_URL: PUBLIC });
    await server.ready;
    expect(server.output()).not.toContain("demo data seeded");
    expect(server.output()).not.toContain("DEMO ACCOUNTS PRESENT");
    await server.stop();
    expect(users(server.dataDir)).toEqual([]);
  });

  it("says so loudly on every start with demo accounts; refuses a public address unless SEED_DEMO=1; db:remove-demo ends it", async () => {
    const local = await node({});
    await local.ready;
    expect(local.output()).toContain("demo data seeded");
    expect(local.output()).toMatch(/!!! DEMO ACCOUNTS PRESENT: admin@demo\.kg, staff@demo\.kg/);
    await local.stop();

    const refused = await node({ PUBLIC_URL: PUBLIC }, local.dataDir);
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain("REFUSING TO START");
    expect(refused.output()).toContain(`PUBLIC_URL (${PUBLIC}) is not this machine`);
    expect(refused.output()).toContain("npm run db:remove-demo");
    expect(refused.output()).not.toContain("portal ready");

    const asked = await node({ PUBLIC_URL: PUBLIC, SEED_DEMO: "1" }, local.dataDir);
    await asked.ready;
    expect(asked.output()).toContain("DEMO ACCOUNTS PRESENT");
    await asked.stop();

    const removal = await launch("npm", ["run", "--silent", "db:remove-demo"], {}, local.dataDir);
    expect(await removal.exited, removal.output()).toBe(0);
    expect(removal.output()).toMatch(/demo data removed from .*: \d+ accounts, 40 companies/);
    expect(users(local.dataDir)).toEqual([]);

    const clean = await node({ PUBLIC_URL: PUBLIC }, local.dataDir);
    await clean.ready;
    expect(clean.output()).not.toContain("DEMO ACCOUNTS PRESENT");
    expect(clean.output()).not.toContain("demo data seeded");
    await clean.stop();
  }, 240_000);
});
