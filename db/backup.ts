// Online backup and restore of the portal's SQLite file (DESIGN §9).
//
// Backup uses SQLite's online backup API (better-sqlite3's db.backup()) while the portal keeps
// serving: the whole copy is made in one step, inside one read transaction, so it is the
// database exactly as of one commit, and writers are never blocked (WAL). The copy is checked
// with PRAGMA integrity_check and switched to a self-contained rollback-journal file.
//
// Restore replaces the configured database with a checked backup, only while no process has
// the database open (the portal must be stopped), keeping the replaced file as *.before-restore.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";

export class BackupError extends Error {}

function integrity(db: SQLite.Database): string {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join("; ");
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, "r+");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export type BackupResult = { file: string; bytes: number; pages: number };

/** Copies the live database at `source` to `to` (which must not exist yet). */
export async function backupDatabase(source: string, to: string): Promise<BackupResult> {
  const target = path.resolve(to);
  if (!fs.existsSync(source)) throw new BackupError(`no database at ${source}`);
  if (path.resolve(source) === target) throw new BackupError("the backup file cannot be the database itself");
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists: choose a new file name`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  const db = new SQLite(source, { fileMustExist: true });
  let pages = 0;
  try {
    db.pragma("busy_timeout = 5000");
    // After the first (empty) step, copy every remaining page in one step: one read
    // transaction, so concurrent commits cannot make the copy restart or mix two states.
    const result = await db.backup(partial, { progress: () => 0x7fffffff });
    pages = result.totalPages;
  } finally {
    db.close();
  }
  const copy = new SQLite(partial, { fileMustExist: true });
  try {
    const verdict = integrity(copy);
    if (verdict !== "ok") throw new BackupError(`the copy failed its integrity check: ${verdict}`);
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  fsyncFile(partial);
  fs.renameSync(partial, target);
  return { file: target, bytes: fs.statSync(target).size, pages };
}

/** True when another connection (a running portal, a CLI) has the database open. */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const db = new SQLite(file, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 0");
    // Every connection to a WAL database keeps a shared lock on it while open, so an exclusive
    // lock is only granted when nobody else has the file open.
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("begin exclusive; commit");
    return false;
  } catch {
    return true;
  } finally {
    db.close();
  }
}

/** Checks a backup file: a readable SQLite database of this portal that passes integrity_check. */
export function verifyBackup(file: string): { migrations: string[] } {
  if (!fs.existsSync(file)) throw new BackupError(`no backup at ${file}`);
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} is not a SQLite database: ${(error as Error).message}`);
  }
  try {
    let verdict: string;
    try {
      verdict = integrity(db);
    } catch (error) {
      throw new BackupError(`${file} cannot be read as a database: ${(error as Error).message}`);
    }
    if (verdict !== "ok") throw new BackupError(`${file} failed its integrity check: ${verdict}`);
    const hasMigrations = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
    if (!hasMigrations) throw new BackupError(`${file} is not a portal database (no migration table)`);
    const migrations = (db.prepare("select name from kysely_migration order by name").all() as { name: string }[]).map((r) => r.name);
    return { migrations };
  } finally {
    db.close();
  }
}

function asideName(target: string): string {
  let aside = `${target}.before-restore`;
  for (let n = 2; fs.existsSync(aside); n++) aside = `${target}.before-restore.${n}`;
  return aside;
}

export type RestoreResult = { file: string; keptAs: string | null; migrations: string[] };

/** Puts the backup `from` in place of the database `target` (the portal must be stopped). */
export function restoreDatabase(from: string, target: string): RestoreResult {
  const source = path.resolve(from);
  const dest = path.resolve(target);
  if (source === dest) throw new BackupError("the backup and the database are the same file");
  const { migrations } = verifyBackup(source);
  if (databaseInUse(dest)) throw new BackupError(`${dest} is in use: stop the portal (and any other process using the database) before restoring`);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const incoming = `${dest}.restoring`;
  fs.copyFileSync(source, incoming);
  fsyncFile(incoming);
  let keptAs: string | null = null;
  if (fs.existsSync(dest)) {
    // Fold the write-ahead log into the file first, so the file kept aside is complete on its own.
    const old = new SQLite(dest, { fileMustExist: true });
    try {
      old.pragma("wal_checkpoint(TRUNCATE)");
      old.pragma("journal_mode = DELETE");
    } finally {
      old.close();
    }
    keptAs = asideName(dest);
    fs.renameSync(dest, keptAs);
  }
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(`${dest}${suffix}`, { force: true });
  fs.renameSync(incoming, dest);
  return { file: dest, keptAs, migrations };
}
