// Online backup and restore of the portal's SQLite file (docs/product.md §9).
//
// Backup uses SQLite's online backup API (better-sqlite3's db.backup()) while the portal keeps
// serving: the whole copy is made in one step, inside one read transaction, so it is the
// database exactly as of one commit, and writers are never blocked (WAL). The copy is checked
// with PRAGMA integrity_check and switched to a self-contained rollback-journal file.
//
// Restore replaces the configured database with a checked backup, only while no process has
// the database open (the portal must be stopped), keeping the replaced file as *.before-restore.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { BACKUP_MARKER, namedUploads, STORED_NAME } from "./uploads";

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
  fs.chmodSync(partial, 0o600); // the whole database: its owner's alone, whatever the umask
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

// ---- the whole portal: database, uploads, session secret (issue 13 items 19 and 21) ----------
//
// A portal backup is a folder: portal.sqlite (the online copy above), uploads/ (exactly the files
// the copy's rows name), session-secret (0600, when the secret is kept in the data folder) and
// manifest.json (size and SHA-256 of each, checked again on restore). Stored files are never
// changed in place (a new image gets a new name, and is written whole before it is named:
// app/domain/images/store.server.ts), so a copy of a file is the file as of any moment it
// existed. While the backup runs, the portal does not delete stored files (BACKUP_MARKER), so
// every file the database copy names is still there to copy; files are copied before the
// database and the few stored in between after; files the copy does not name are left out.
// See docs/decisions/023-uploads-access-backup-and-sweep.md.

export type PortalPaths = { databasePath: string; uploadDir: string; sessionSecretFile: string };
type ManifestFile = { name: string; bytes: number; sha256: string };
export type Manifest = { format: 1; createdAt: string; database: ManifestFile; uploads: ManifestFile[]; sessionSecret: boolean; missing: string[] };
export type PortalBackupResult = { folder: string; databaseBytes: number; uploads: number; uploadBytes: number; sessionSecret: boolean; missing: string[] };

const MANIFEST = "manifest.json";
const SECRET = "session-secret";

function describeFile(file: string, name: string): ManifestFile {
  const bytes = fs.readFileSync(file);
  return { name, bytes: bytes.length, sha256: crypto.createHash("sha256").update(bytes).digest("hex") };
}

function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies one stored file, or returns false when it is not (or no longer) there. */
function copyUpload(fromDir: string, toDir: string, name: string): boolean {
  try {
    fs.copyFileSync(path.join(fromDir, name), path.join(toDir, name));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/** Writes a portal backup into the folder `to` (which must not exist yet), while the portal runs. */
export async function backupPortal(paths: PortalPaths, to: string): Promise<PortalBackupResult> {
  const folder = path.resolve(to);
  if (fs.existsSync(folder)) throw new BackupError(`${folder} already exists: choose a new folder name`);
  const partial = `${folder}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  const uploadsOut = path.join(partial, "uploads");
  fs.mkdirSync(uploadsOut, { recursive: true });
  // Every password hash and graduate record is in it: its owner's alone, whatever the umask (docs/security.md).
  fs.chmodSync(partial, 0o700);
  // From here on, the portal leaves replaced and deleted images in place (db/uploads.ts).
  const marker = path.join(paths.uploadDir, BACKUP_MARKER);
  fs.mkdirSync(paths.uploadDir, { recursive: true });
  fs.writeFileSync(marker, `${process.pid} ${new Date().toISOString()}\n`);
  fsyncFile(marker);
  fsyncDir(paths.uploadDir);
  try {
    // 1. Every stored file there is now.
    const copied = new Set<string>();
    const present = fs.existsSync(paths.uploadDir) ? fs.readdirSync(paths.uploadDir).filter((n) => STORED_NAME.test(n)) : [];
    for (const name of present) if (copyUpload(paths.uploadDir, uploadsOut, name)) copied.add(name);
    // 2. The database as of one moment; 3. the files it names that were stored after step 1.
    const dbFile = path.join(partial, "portal.sqlite");
    let named = new Set<string>();
    let missing: string[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      fs.rmSync(dbFile, { force: true });
      await backupDatabase(paths.databasePath, dbFile);
      const copy = new SQLite(dbFile, { readonly: true, fileMustExist: true });
      try {
        named = namedUploads(copy);
      } finally {
        copy.close();
      }
      for (const name of named) if (!copied.has(name) && copyUpload(paths.uploadDir, uploadsOut, name)) copied.add(name);
      missing = [...named].filter((n) => !copied.has(n)).sort();
      // Only a process that ignores the marker (an older portal) can delete a named file now:
      // take a newer moment.
      if (missing.length === 0) break;
    }
    // Files the copy does not name (stored after its moment, or left by a crash) stay out.
    for (const name of copied) if (!named.has(name)) fs.rmSync(path.join(uploadsOut, name));
    const uploads = [...named]
      .filter((n) => copied.has(n))
      .sort()
      .map((n) => describeFile(path.join(uploadsOut, n), n));
    for (const u of uploads) fsyncFile(path.join(uploadsOut, u.name));
    fsyncDir(uploadsOut);
    // 4. The session secret, when it lives in the data folder, readable by its owner only.
    const sessionSecret = fs.existsSync(paths.sessionSecretFile);
    if (sessionSecret) {
      const out = path.join(partial, SECRET);
      fs.copyFileSync(paths.sessionSecretFile, out);
      fs.chmodSync(out, 0o600);
      fsyncFile(out);
    }
    const manifest: Manifest = {
      format: 1,
      createdAt: new Date().toISOString(),
      database: describeFile(dbFile, "portal.sqlite"),
      uploads,
      sessionSecret,
      missing,
    };
    fs.writeFileSync(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
    fsyncFile(path.join(partial, MANIFEST));
    fsyncDir(partial);
    fs.renameSync(partial, folder);
    fsyncDir(path.dirname(folder));
    return {
      folder,
      databaseBytes: manifest.database.bytes,
      uploads: uploads.length,
      uploadBytes: uploads.reduce((sum, u) => sum + u.bytes, 0),
      sessionSecret,
      missing,
    };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  } finally {
    fs.rmSync(marker, { force: true });
  }
}

/** Reads and checks a portal backup folder: the manifest, the database, every upload's hash. */
export function verifyPortalBackup(folder: string): Manifest & { migrations: string[] } {
  const manifestFile = path.join(folder, MANIFEST);
  if (!fs.existsSync(manifestFile)) throw new BackupError(`${folder} is not a portal backup (no ${MANIFEST})`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
  } catch (error) {
    throw new BackupError(`${manifestFile} cannot be read: ${(error as Error).message}`);
  }
  if (manifest.format !== 1 || !Array.isArray(manifest.uploads)) throw new BackupError(`${manifestFile} is not a manifest this portal knows`);
  const check = (file: string, expected: ManifestFile) => {
    if (!fs.existsSync(file)) throw new BackupError(`the backup is missing ${expected.name}`);
    const actual = describeFile(file, expected.name);
    if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256)
      throw new BackupError(`${expected.name} in the backup is damaged (its contents do not match the manifest)`);
  };
  check(path.join(folder, "portal.sqlite"), manifest.database);
  for (const u of manifest.uploads) {
    if (!STORED_NAME.test(u.name)) throw new BackupError(`the manifest names ${JSON.stringify(u.name)}, which is not a stored file name`);
    check(path.join(folder, "uploads", u.name), u);
  }
  if (manifest.sessionSecret && !fs.existsSync(path.join(folder, SECRET))) throw new BackupError(`the backup is missing ${SECRET}`);
  const { migrations } = verifyBackup(path.join(folder, "portal.sqlite"));
  return { ...manifest, migrations };
}

export type PortalRestoreResult = RestoreResult & {
  uploads: number;
  sessionSecret: "restored" | "unchanged" | "not in backup";
  secretKeptAs: string | null;
  missing: string[];
};

/** Writes `bytes` to `file` through a temporary name, flushed, so a crash leaves the old or the new. */
function replaceFile(file: string, bytes: Buffer, mode: number): void {
  const temp = `${file}.restoring`;
  fs.writeFileSync(temp, bytes, { mode });
  fs.chmodSync(temp, mode);
  fsyncFile(temp);
  fs.renameSync(temp, file);
}

/**
 * Puts a portal backup folder in place (the portal must be stopped): the uploads it carries, the
 * session secret (the one it replaces is kept beside it), then the database, the commit point.
 * Everything is checked before anything is written.
 */
export function restorePortal(from: string, target: PortalPaths): PortalRestoreResult {
  const folder = path.resolve(from);
  const manifest = verifyPortalBackup(folder);
  const dest = path.resolve(target.databasePath);
  if (databaseInUse(dest)) throw new BackupError(`${dest} is in use: stop the portal (and any other process using the database) before restoring`);

  fs.mkdirSync(target.uploadDir, { recursive: true });
  for (const u of manifest.uploads) {
    const out = path.join(target.uploadDir, u.name);
    // Names are random and never reused: a file already there under the name is the same image,
    // unless it was damaged, which its hash tells.
    if (fs.existsSync(out) && describeFile(out, u.name).sha256 === u.sha256) continue;
    replaceFile(out, fs.readFileSync(path.join(folder, "uploads", u.name)), 0o644);
  }
  fsyncDir(target.uploadDir);

  let sessionSecret: PortalRestoreResult["sessionSecret"] = "not in backup";
  let secretKeptAs: string | null = null;
  if (manifest.sessionSecret) {
    const incoming = fs.readFileSync(path.join(folder, SECRET));
    fs.mkdirSync(path.dirname(target.sessionSecretFile), { recursive: true });
    if (fs.existsSync(target.sessionSecretFile) && fs.readFileSync(target.sessionSecretFile).equals(incoming)) {
      sessionSecret = "unchanged";
    } else {
      if (fs.existsSync(target.sessionSecretFile)) {
        secretKeptAs = asideName(target.sessionSecretFile);
        fs.renameSync(target.sessionSecretFile, secretKeptAs);
      }
      replaceFile(target.sessionSecretFile, incoming, 0o600);
      sessionSecret = "restored";
    }
  }

  const restored = restoreDatabase(path.join(folder, "portal.sqlite"), dest);
  return { ...restored, uploads: manifest.uploads.length, sessionSecret, secretKeptAs, missing: manifest.missing ?? [] };
}
