// LOAD (docs/product.md §9 "under sustained concurrent load: no 5xx"): a short run of the same load as
// `npm run load` (scripts/load.mjs) — 10 clients for 3 s over the main pages and a write.
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPassed, runLoad } from "../../scripts/load.mjs";
import { type RunningServer, startServer } from "../support/server";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe("load", () => {
  it("10 clients for 3 s: no errors, no timeouts, no 5xx, and the writes landed", async () => {
    const summary = await runLoad({ url: server.url, connections: 10, duration: 3, log: false });
    expect(summary.requests).toBeGreaterThan(10);
    expect(summary.errors).toBe(0);
    expect(summary.timeouts).toBe(0);
    expect(summary.status5xx).toBe(0);
    expect(loadPassed(summary)).toBe(true);
    // Only the pages' 200 and the write's 302 (a redirect back to the profile, not to sign-in).
    expect(Object.keys(summary.statuses).sort()).toEqual(["200", "302"]);
    const db = new Database(path.join(server.dataDir, "portal.sqlite"), { readonly: true });
    try {
      const row = db.prepare("select g.headline from graduates g join users u on u.id = g.user_id where u.email = 'graduate2@demo.kg'").get() as {
        headline: string;
      };
      expect(row.headline).toMatch(/^Load test \d+$/);
    } finally {
      db.close();
    }
    expect(server.output()).not.toMatch(/database is locked|SQLITE_BUSY/i);
  }, 60_000);
});
