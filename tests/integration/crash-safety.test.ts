// CRASH SAFETY (docs/product.md §9 "an acknowledged write survives kill -9"): the real production server
// takes concurrent writes (employers saving vacancy drafts, an ordinary form post), is killed
// with SIGKILL at random moments in several rounds and restarted on the same data folder; every
// write that was answered with success must be there, and the database must pass integrity_check.
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";

const ROUNDS = 4;
const WRITERS = 6;

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
});

const signIn = signInOverHttp;

function killHard(s: RunningServer): Promise<void> {
  return new Promise((resolve) => {
    if (s.process.exitCode !== null || s.process.signalCode !== null) return resolve();
    s.process.once("exit", () => resolve());
    s.process.kill("SIGKILL");
  });
}

describe("crash safety (SIGKILL during writes)", () => {
  it(`keeps every acknowledged write through ${ROUNDS} kill -9 rounds, and the database stays intact`, async () => {
    server = await startServer();
    const dataDir = server.dataDir;
    const cookies = [await signIn(server.url, "employer@demo.kg"), await signIn(server.url, "employer2@demo.kg")];
    const acknowledged = new Map<string, number>(); // title → vacancy id from the success redirect
    let attempted = 0;

    for (let round = 1; round <= ROUNDS; round++) {
      if (round > 1) server = await startServer({}, dataDir);
      const base = server.url;
      let running = true;
      const writer = async (w: number) => {
        for (let n = 0; running; n++) {
          const title = `crash r${round} w${w} n${n}`;
          attempted++;
          try {
            const res = await fetch(`${base}/employer/vacancies/new`, {
              method: "POST",
              redirect: "manual",
              headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, Cookie: cookies[w % cookies.length]! },
              body: new URLSearchParams({
                intent: "save",
                title,
                description: "A draft written during the crash test.",
                employmentType: "full_time",
                workMode: "remote",
              }),
            });
            await res.arrayBuffer();
            const id = /^\/employer\/vacancies\/(\d+)$/.exec(res.headers.get("location") ?? "")?.[1];
            if (res.status === 302 && id) acknowledged.set(title, Number(id));
            else if (running) throw new Error(`unexpected answer ${res.status} for ${title}`);
          } catch (error) {
            if (running) throw error;
            return; // the server died under this request: not acknowledged, nothing to check
          }
        }
      };
      const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
      // Let some writes through, then kill at a random moment.
      await new Promise((r) => setTimeout(r, 500 + Math.floor(Math.random() * 1500)));
      const before = acknowledged.size;
      running = false; // from here on, a failed request is one the kill cut off
      await killHard(server);
      await Promise.all(writers);
      expect(server.process.signalCode).toBe("SIGKILL");
      expect(acknowledged.size, `round ${round} acknowledged nothing`).toBeGreaterThan(0);
      expect(acknowledged.size).toBeGreaterThanOrEqual(before);
    }

    // Restart once more: the portal comes up on the crashed files (WAL recovery), then stops.
    server = await startServer({}, dataDir);
    expect(server.output()).not.toContain("demo data seeded");
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ status: "ok", database: "ok" });
    await server.stop();

    const db = new Database(path.join(dataDir, "portal.sqlite"), { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("foreign_key_check")).toEqual([]);
      const rows = db.prepare("select id, title, status from vacancies where title like 'crash r%'").all() as { id: number; title: string; status: string }[];
      const stored = new Map(rows.map((r) => [r.title, r]));
      const missing = [...acknowledged].filter(([title, id]) => stored.get(title)?.id !== id);
      expect(missing, `${missing.length} of ${acknowledged.size} acknowledged writes lost`).toEqual([]);
      for (const r of rows) expect(r.status).toBe("draft");
      // Unacknowledged writes may or may not have landed; nothing else appeared.
      expect(rows.length).toBeLessThanOrEqual(attempted);
    } finally {
      db.close();
    }
  }, 120_000);
});

// Uploads under kill -9 (issue 13 item 20): graduates keep replacing their photo while the server
// is killed. A file under a stored name is always whole (it is written under a temporary name
// and named only when flushed), every file a row names is there, and what a kill leaves behind
// (a temporary file, a file whose row was never written) is removed by the sweep once an hour old.
describe("crash safety of uploads (SIGKILL during photo uploads)", () => {
  it("never leaves a partial file under a stored name, and the sweep removes what a kill left", async () => {
    const { STORED_NAME, namedUploads, sweepUploads } = await import("@db/uploads");
    const { default: fs } = await import("node:fs");
    const { default: sharp } = await import("sharp");
    server = await startServer();
    const dataDir = server.dataDir;
    const uploads = path.join(dataDir, "uploads");
    const login = async (email: string) => {
      const res = await fetch(`${server!.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server!.url },
        body: new URLSearchParams({ email, password: "demo-portal-2026" }),
      });
      await res.arrayBuffer();
      return res.headers
        .getSetCookie()
        .find((c) => c.startsWith("__session="))!
        .split(";")[0]!;
    };
    const cookies = [await login("graduate@demo.kg"), await login("graduate2@demo.kg")];
    const png = await sharp({ create: { width: 600, height: 600, channels: 3, background: "#0b5cad" } })
      .png()
      .toBuffer();
    let acknowledged = 0;

    for (let round = 1; round <= 3; round++) {
      if (round > 1) server = await startServer({}, dataDir);
      const base = server.url;
      let running = true;
      const writer = async (w: number) => {
        while (running) {
          const form = new FormData();
          form.append("intent", "photo");
          form.append("photo", new File([new Uint8Array(png)], "me.png", { type: "image/png" }));
          try {
            const res = await fetch(`${base}/me/profile`, {
              method: "POST",
              redirect: "manual",
              headers: { Origin: base, Cookie: cookies[w % 2]! },
              body: form,
            });
            await res.arrayBuffer();
            if (res.status === 302) acknowledged++;
            else if (running) throw new Error(`unexpected answer ${res.status}`);
          } catch (error) {
            if (running) throw error;
            return;
          }
        }
      };
      const before = acknowledged;
      const writers = Array.from({ length: 4 }, (_, w) => writer(w));
      // Let some uploads through (each takes a few hundred ms here), then kill at a random moment.
      for (let i = 0; i < 300 && acknowledged === before; i++) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 1000)));
      running = false;
      await killHard(server);
      await Promise.all(writers);

      // Right after the kill, before anything sweeps: every stored name holds a whole image.
      for (const name of fs.readdirSync(uploads).filter((n) => STORED_NAME.test(n))) {
        const bytes = fs.readFileSync(path.join(uploads, name));
        expect(bytes.length, name).toBeGreaterThan(0);
        await expect(sharp(bytes).raw().toBuffer(), name).resolves.toBeInstanceOf(Buffer);
      }
    }
    expect(acknowledged).toBeGreaterThan(0);

    const db = new Database(path.join(dataDir, "portal.sqlite"));
    try {
      const named = namedUploads(db);
      for (const name of named) expect(fs.existsSync(path.join(uploads, name)), name).toBe(true);
      // An hour on, the sweep leaves exactly the named files (and nothing of ours besides).
      await sweepUploads(db, uploads, { now: Date.now() + 2 * 3_600_000 });
      const left = fs.readdirSync(uploads).filter((n) => n.startsWith(".") || STORED_NAME.test(n));
      expect(left.sort()).toEqual([...named].sort());
    } finally {
      db.close();
    }
  }, 180_000);
});
