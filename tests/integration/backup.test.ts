// Online backup while another process writes, restore into a fresh path, and the CLI commands
// (npm run db:backup / db:restore) — DESIGN §9 "online backup and restore commands".
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { backupDatabase, databaseInUse, restoreDatabase } from "@db/backup";
import { closeTestDatabases, createTestDatabase } from "../support/db";

let c: Connection;
let file: string;
let dir: string;
let writer: ChildProcess | undefined;
beforeEach(async () => {
  c = await createTestDatabase();
  file = c.sqlite.name;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-backup-"));
});
afterEach(async () => {
  if (writer && writer.exitCode === null) {
    const exited = new Promise((r) => writer!.once("exit", r));
    writer.kill("SIGTERM");
    await exited;
  }
  closeTestDatabases();
});

/** Another process inserting numbered rows, one commit each, until stopped. */
function startWriter(database: string): ChildProcess {
  const script = `
    import Database from "better-sqlite3";
    const db = new Database(${JSON.stringify(database)});
    db.pragma("busy_timeout = 5000");
    const insert = db.prepare("insert into sign_in_failures (scope, key, created_at, updated_at) values ('address', ?, ?, ?)");
    let i = 0;
    process.on("SIGTERM", () => { db.close(); process.exit(0); });
    const loop = () => { for (let k = 0; k < 20; k++) { const now = new Date().toISOString(); insert.run("load-" + ++i, now, now); } setImmediate(loop); };
    loop();`;
  return spawn(process.execPath, ["--input-type=module", "-e", script], { cwd: process.cwd(), stdio: ["ignore", "inherit", "inherit"] });
}

const rows = (db: SQLite.Database, table: string) => db.prepare(`select * from "${table}" order by rowid`).all() as Record<string, unknown>[];
const tables = (db: SQLite.Database) =>
  (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_fts%' order by name").all() as { name: string }[]).map((t) => t.name);

async function waitForRows(min: number) {
  for (let i = 0; i < 400; i++) {
    const { n } = c.sqlite.prepare("select count(*) as n from sign_in_failures").get() as { n: number };
    if (n >= min) return n;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("the writer did not write");
}

describe("online backup", () => {
  it("copies a consistent state while another process keeps writing; the restored copy equals it", async () => {
    // Some bulk so the copy takes a moment.
    const bulk = c.sqlite.prepare("insert into audit_log (action, entity, after_json) values ('bulk', 'test', ?)");
    c.sqlite.transaction(() => {
      for (let i = 0; i < 3000; i++) bulk.run(JSON.stringify({ i, text: "x".repeat(300) }));
    })();
    writer = startWriter(file);
    await waitForRows(200);
    const backupFile = path.join(dir, "mid-load.sqlite");
    const result = await backupDatabase(file, backupFile);
    await waitForRows(((c.sqlite.prepare("select count(*) as n from sign_in_failures").get() as { n: number }).n) + 200);
    const exited = new Promise((r) => writer!.once("exit", r));
    writer.kill("SIGTERM");
    await exited;

    const backup = new SQLite(result.file, { readonly: true });
    try {
      expect(backup.pragma("integrity_check", { simple: true })).toBe("ok");
      const copied = rows(backup, "sign_in_failures");
      const source = rows(c.sqlite, "sign_in_failures");
      // The writer commits one row at a time in id order: a consistent copy holds exactly the
      // first N of them (a prefix), identical to the source, and the source went on past it.
      expect(copied.length).toBeGreaterThanOrEqual(200);
      expect(source.length).toBeGreaterThan(copied.length);
      expect(copied).toEqual(source.slice(0, copied.length));
      // Every other table is identical.
      for (const t of tables(c.sqlite).filter((t) => t !== "sign_in_failures")) expect(rows(backup, t), t).toEqual(rows(c.sqlite, t));
    } finally {
      backup.close();
    }

    // Restore into a fresh path: the same rows as the backup, and a healthy database.
    const restoredPath = path.join(dir, "fresh", "portal.sqlite");
    const restored = restoreDatabase(result.file, restoredPath);
    expect(restored.keptAs).toBeNull();
    expect(restored.migrations).toContain("0001_foundation");
    const a = new SQLite(result.file, { readonly: true });
    const b = new SQLite(restoredPath, { readonly: true });
    try {
      expect(b.pragma("integrity_check", { simple: true })).toBe("ok");
      for (const t of tables(a)) expect(rows(b, t), t).toEqual(rows(a, t));
    } finally {
      a.close();
      b.close();
    }
  });

  it("refuses to overwrite an existing file", async () => {
    const target = path.join(dir, "taken.sqlite");
    fs.writeFileSync(target, "keep me");
    await expect(backupDatabase(file, target)).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(target, "utf8")).toBe("keep me");
  });
});

describe("restore", () => {
  it("refuses while the database is open, refuses a damaged backup, and keeps the replaced file aside", async () => {
    const backupFile = path.join(dir, "good.sqlite");
    await backupDatabase(file, backupFile);
    expect(databaseInUse(file)).toBe(true);
    expect(() => restoreDatabase(backupFile, file)).toThrow(/in use/);

    const damaged = path.join(dir, "damaged.sqlite");
    const bytes = fs.readFileSync(backupFile);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const garbage = path.join(dir, "garbage.sqlite");
    fs.writeFileSync(garbage, "this is not a database ".repeat(200));
    const target = path.join(dir, "live", "portal.sqlite");
    await backupDatabase(file, target); // an existing database to be replaced
    const targetBefore = fs.readFileSync(target);
    expect(() => restoreDatabase(damaged, target)).toThrow(/integrity|not a|cannot be read|malformed/i);
    expect(() => restoreDatabase(garbage, target)).toThrow();
    expect(fs.readFileSync(target).equals(targetBefore)).toBe(true);

    c.sqlite.prepare("insert into audit_log (action, entity) values ('after-backup', 'test')").run();
    const result = restoreDatabase(backupFile, target);
    expect(result.keptAs).toBe(`${target}.before-restore`);
    expect(fs.readFileSync(result.keptAs!).equals(targetBefore)).toBe(true);
  });

  it("works through npm run db:backup and db:restore", async () => {
    c.sqlite.prepare("insert into audit_log (action, entity) values ('cli-marker', 'test')").run();
    const env = { ...process.env, DATABASE_PATH: file, DATA_DIR: dir };
    const tsx = path.resolve("node_modules/.bin/tsx");
    const out = path.join(dir, "cli.sqlite");
    const backup = spawnSync(tsx, ["db/cli.ts", "backup", "--to", out], { env, encoding: "utf8" });
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/integrity ok/);
    const restoreInUse = spawnSync(tsx, ["db/cli.ts", "restore", "--from", out], { env, encoding: "utf8" });
    expect(restoreInUse.status).not.toBe(0);
    expect(restoreInUse.stderr).toMatch(/in use/);
    const target = path.join(dir, "restored", "portal.sqlite");
    const restore = spawnSync(tsx, ["db/cli.ts", "restore", "--from", out], { env: { ...env, DATABASE_PATH: target }, encoding: "utf8" });
    expect(restore.status, restore.stderr).toBe(0);
    const db = new SQLite(target, { readonly: true });
    expect(db.prepare("select count(*) as n from audit_log where action = 'cli-marker'").get()).toEqual({ n: 1 });
    db.close();
  }, 60_000);
});
