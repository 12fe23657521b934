// Online backup while another process writes, restore into a fresh path, and the CLI commands
// (npm run db:backup / db:restore) — docs/product.md §9 "online backup and restore commands".
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { backupDatabase, backupPortal, databaseInUse, restoreDatabase, restorePortal } from "@db/backup";
import { namedUploads, sweepUploads } from "@db/uploads";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";

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
  (
    db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_fts%' order by name").all() as {
      name: string;
    }[]
  ).map((t) => t.name);

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
    await waitForRows((c.sqlite.prepare("select count(*) as n from sign_in_failures").get() as { n: number }).n + 200);
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

// ---- the whole portal: database, uploads and session secret (issue 13 items 19 and 21) ----

describe("a backup of the whole portal", () => {
  const sha256 = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  /** The CLI as an operator runs it: no SESSION_SECRET in the environment (the test runner sets one). */
  function cli(args: string[], env: Record<string, string>) {
    const { SESSION_SECRET: _unused, UPLOAD_DIR: _u, DATABASE_PATH: _d, ...inherited } = process.env;
    return spawnSync(path.resolve("node_modules/.bin/tsx"), ["db/cli.ts", ...args], { env: { ...inherited, ...env }, encoding: "utf8" });
  }
  const signIn = signInOverHttp;
  async function uploadPhoto(base: string, cookie: string, colour: string) {
    const form = new FormData();
    form.append("intent", "photo");
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: colour } })
      .png()
      .toBuffer();
    form.append("photo", new File([new Uint8Array(png)], "me.png", { type: "image/png" }));
    const res = await fetch(`${base}/me/profile`, { method: "POST", redirect: "manual", headers: { Origin: base, Cookie: cookie }, body: form });
    await res.arrayBuffer();
    expect(res.status).toBe(302);
  }
  const photoOf = (db: SQLite.Database, email: string) =>
    (db.prepare("select g.photo from graduates g join users u on u.id = g.user_id where u.email = ?").get(email) as { photo: string }).photo;

  it("restores into a new data folder with every file a row names, whole, and the sessions still signed in", async () => {
    const servers: RunningServer[] = [];
    try {
      const a = await startServer();
      servers.push(a);
      const cookie = await signIn(a.url, "graduate@demo.kg");
      await uploadPhoto(a.url, cookie, "#0b5cad");
      const live = new SQLite(path.join(a.dataDir, "portal.sqlite"), { readonly: true });
      const photoAtBackup = photoOf(live, "graduate@demo.kg");
      // A file no row names (a crash's leftover) is not carried.
      const orphan = `${"e".repeat(32)}.webp`;
      fs.copyFileSync(path.join(a.dataDir, "uploads", photoAtBackup), path.join(a.dataDir, "uploads", orphan));

      // Online, while the portal runs.
      const to = path.join(dir, "portal-backup");
      const backup = cli(["backup", "--to", to], { DATA_DIR: a.dataDir });
      expect(backup.status, backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(/uploads/);
      // After the backup's moment: the photo is replaced (the old file is deleted from the live folder).
      await uploadPhoto(a.url, cookie, "#c8102e");
      expect(fs.existsSync(path.join(a.dataDir, "uploads", photoAtBackup))).toBe(false);
      const secretA = fs.readFileSync(path.join(a.dataDir, "session-secret"), "utf8");
      live.close();
      await a.stop();

      // Restore on "a new machine": an empty data folder.
      const newDir = path.join(dir, "new-machine");
      const restore = cli(["restore", "--from", to], { DATA_DIR: newDir });
      expect(restore.status, restore.stderr).toBe(0);
      const restored = new SQLite(path.join(newDir, "portal.sqlite"), { readonly: true });
      try {
        expect(photoOf(restored, "graduate@demo.kg")).toBe(photoAtBackup);
        const named = namedUploads(restored);
        expect(named.size).toBeGreaterThan(10);
        const manifest = JSON.parse(fs.readFileSync(path.join(to, "manifest.json"), "utf8")) as { uploads: { name: string; sha256: string; bytes: number }[] };
        const recorded = new Map(manifest.uploads.map((u) => [u.name, u]));
        for (const name of named) {
          const file = path.join(newDir, "uploads", name);
          expect(fs.existsSync(file), name).toBe(true);
          expect(fs.statSync(file).size, name).toBe(recorded.get(name)!.bytes);
          expect(sha256(file), name).toBe(recorded.get(name)!.sha256);
          const meta = await sharp(fs.readFileSync(file)).metadata();
          expect(meta.format, name).toBe("webp");
          // Decoding the whole image proves it is not cut short.
          await sharp(fs.readFileSync(file)).raw().toBuffer();
        }
        expect(fs.readdirSync(path.join(newDir, "uploads"))).not.toContain(orphan);
      } finally {
        restored.close();
      }
      // The session secret came with it, readable by its owner only.
      const secretFile = path.join(newDir, "session-secret");
      expect(fs.readFileSync(secretFile, "utf8")).toBe(secretA);
      expect(fs.statSync(secretFile).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(to, "session-secret")).mode & 0o777).toBe(0o600);
      // The backup holds every account's password hash and every graduate's record: its folder and its
      // database copy are its owner's alone, whatever the umask (they were 0755 and 0644).
      expect(fs.statSync(to).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(to, "portal.sqlite")).mode & 0o777).toBe(0o600);
      expect(restore.stdout).toMatch(/session secret: restored/);
      // Nothing was generated in the new folder before the restore, so nothing was set aside.
      expect(fs.existsSync(`${secretFile}.before-restore`)).toBe(false);

      // The portal on the new folder: the cookie issued before the backup still signs in, and the
      // photo of the backup's moment is served.
      const b = await startServer({}, newDir);
      servers.push(b);
      const account = await fetch(`${b.url}/account`, { redirect: "manual", headers: { Cookie: cookie } });
      await account.arrayBuffer();
      expect(account.status).toBe(200);
      const photo = await fetch(`${b.url}/uploads/${photoAtBackup}`, { headers: { Cookie: cookie } });
      expect(photo.status).toBe(200);
      expect(Buffer.from(await photo.arrayBuffer()).length).toBeGreaterThan(0);
    } finally {
      for (const s of servers) await s.stop();
    }
  }, 240_000);

  it("holds exactly the files its database moment names while another process keeps replacing an image", async () => {
    const uploads = path.join(dir, "busy-uploads");
    fs.mkdirSync(uploads);
    c.sqlite.prepare("insert into companies (name, slug, status) values ('Busy LLC', 'busy-llc', 'verified')").run();
    // The real store in another process: each new logo is written whole, then named, then the
    // replaced one is deleted (tests/support/upload-churn.ts).
    writer = spawn(path.resolve("node_modules/.bin/tsx"), ["tests/support/upload-churn.ts", file, "busy-llc"], {
      cwd: process.cwd(),
      env: { ...process.env, UPLOAD_DIR: uploads, DATA_DIR: dir },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let ticks = 0;
    writer.stdout!.on("data", (d: Buffer) => (ticks += d.length));
    const waitTicks = async (min: number) => {
      for (let i = 0; i < 800 && ticks < min; i++) await new Promise((r) => setTimeout(r, 25));
      expect(ticks).toBeGreaterThanOrEqual(min);
    };
    await waitTicks(2);
    const to = path.join(dir, "busy-backup");
    const result = await backupPortal({ databasePath: file, uploadDir: uploads, sessionSecretFile: path.join(dir, "none") }, to);
    const after = ticks;
    await waitTicks(after + 2); // the logo of the backup's moment is replaced and, the backup over, deleted
    const exited = new Promise((r) => writer!.once("exit", r));
    writer.kill("SIGTERM");
    await exited;

    expect(result.missing).toEqual([]);
    expect(result.sessionSecret).toBe(false);
    const copy = new SQLite(path.join(to, "portal.sqlite"), { readonly: true });
    const logo = (copy.prepare("select logo from companies where slug = 'busy-llc'").get() as { logo: string }).logo;
    copy.close();
    expect(fs.readdirSync(path.join(to, "uploads"))).toEqual([logo]);
    expect(fs.existsSync(path.join(uploads, ".backup-in-progress"))).toBe(false);
    // Logos replaced while the backup ran were left in place (unnamed, never served); the sweep
    // removes them once they are an hour old, leaving the one logo the live database names.
    await sweepUploads(c.sqlite, uploads, { now: Date.now() + 2 * 3_600_000 });
    const current = (c.sqlite.prepare("select logo from companies where slug = 'busy-llc'").get() as { logo: string }).logo;
    expect(fs.readdirSync(uploads)).toEqual([current]);
    const manifest = JSON.parse(fs.readFileSync(path.join(to, "manifest.json"), "utf8")) as { uploads: { name: string; sha256: string }[] };
    expect(manifest.uploads.map((u) => u.name)).toEqual([logo]);
    expect(sha256(path.join(to, "uploads", logo))).toBe(manifest.uploads[0]!.sha256);
  });

  it("refuses a backup whose upload was damaged or lost, before touching anything", async () => {
    const uploads = path.join(dir, "live-uploads");
    fs.mkdirSync(uploads);
    const webp = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#336699" } })
      .webp()
      .toBuffer();
    const name = `${"a".repeat(32)}.webp`;
    fs.writeFileSync(path.join(uploads, name), webp);
    c.sqlite.prepare("insert into companies (name, slug, status, logo) values ('Logo LLC', 'logo-llc', 'verified', ?)").run(name);
    const secret = path.join(dir, "secret");
    fs.writeFileSync(secret, "s".repeat(43), { mode: 0o600 });
    const to = path.join(dir, "b1");
    const result = await backupPortal({ databasePath: file, uploadDir: uploads, sessionSecretFile: secret }, to);
    expect(result.uploads).toBe(1);
    expect(result.missing).toEqual([]);

    const target = {
      databasePath: path.join(dir, "t", "portal.sqlite"),
      uploadDir: path.join(dir, "t", "uploads"),
      sessionSecretFile: path.join(dir, "t", "session-secret"),
    };
    const copy = path.join(to, "uploads", name);
    const good = fs.readFileSync(copy);
    fs.writeFileSync(copy, Buffer.concat([good.subarray(0, good.length - 5), Buffer.from("xxxxx")]));
    expect(() => restorePortal(to, target)).toThrow(/damaged|does not match/);
    fs.rmSync(copy);
    expect(() => restorePortal(to, target)).toThrow(/missing/);
    expect(fs.existsSync(target.databasePath)).toBe(false);
    expect(fs.existsSync(target.uploadDir)).toBe(false);
    expect(fs.existsSync(target.sessionSecretFile)).toBe(false);
    fs.writeFileSync(copy, good);
    const restored = restorePortal(to, target);
    expect(restored.uploads).toBe(1);
    expect(fs.readFileSync(path.join(target.uploadDir, name)).equals(good)).toBe(true);
  });
});
