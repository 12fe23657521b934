// The upload folder seen from the database: which stored files rows name, and the sweep that
// removes files no row names. Used by the server (at start and daily), by backup and restore
// (db/backup.ts) and by their tests. No app imports, so the CLI can use it as it is.
// See docs/decisions/023-uploads-access-backup-and-sweep.md.
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type SQLite from "better-sqlite3";

/** Stored names: 32 random hex digits and the extension of the format the store writes. */
export const STORED_NAME = /^[a-f0-9]{32}\.webp$/;
/** A file being written: hidden, and never a stored name, so nothing can serve or name it. */
export const TEMP_NAME = /^\.[a-f0-9]{32}\.webp\.tmp$/;
export const tempNameFor = (fileName: string) => `.${fileName}.tmp`;

/** How old an unnamed file must be before the sweep removes it: a file is stored a moment
 * before the row naming it is written, and that moment must never be swept away. */
export const SWEEP_MIN_AGE_MS = 60 * 60 * 1000;

/**
 * Every upload a row names. Every column that holds a stored file name belongs here: the
 * backup copies exactly these files and the sweep keeps exactly these.
 */
export function namedUploads(sqlite: SQLite.Database): Set<string> {
  const rows = sqlite
    .prepare(
      `select photo as name from graduates where photo is not null
       union select logo from companies where logo is not null
       union select file_name from project_images`,
    )
    .pluck()
    .all() as string[];
  return new Set(rows);
}

/**
 * While a backup runs it keeps this file in the upload folder, and stored files are not deleted
 * (deleteStoredImage leaves them to the sweep): a file the backup's database moment names must
 * still be there when the backup copies it, even if its row changed a moment later. The app
 * deletes a file only after the commit that stops naming it, so every deletion that could
 * matter starts after the marker exists. A marker older than this is a crashed backup's, ignored.
 */
export const BACKUP_MARKER = ".backup-in-progress";
const MARKER_MAX_AGE_MS = 60 * 60 * 1000;

export function backupInProgress(uploadDir: string, now = Date.now()): boolean {
  try {
    return now - fsSync.statSync(path.join(uploadDir, BACKUP_MARKER)).mtimeMs < MARKER_MAX_AGE_MS;
  } catch {
    return false;
  }
}

export type SweepResult = { removed: string[] };

/**
 * Removes stored files that no row names and temporary files, both only when older than
 * `minAgeMs`; files of any other name are never touched.
 */
export async function sweepUploads(sqlite: SQLite.Database, uploadDir: string, options: { now?: number; minAgeMs?: number } = {}): Promise<SweepResult> {
  const now = options.now ?? Date.now();
  const minAge = options.minAgeMs ?? SWEEP_MIN_AGE_MS;
  // A running backup may still need a file its database copy names: sweep another time.
  if (backupInProgress(uploadDir)) return { removed: [] };
  let entries: string[];
  try {
    entries = await fs.readdir(uploadDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { removed: [] };
    throw error;
  }
  // Names are read after the folder is listed, so every listed file existed before the names
  // were read; one whose row comes later is younger than minAge and is kept.
  const named = namedUploads(sqlite);
  const removed: string[] = [];
  for (const entry of entries) {
    const candidate = (STORED_NAME.test(entry) && !named.has(entry)) || TEMP_NAME.test(entry);
    if (!candidate) continue;
    const file = path.join(uploadDir, entry);
    try {
      const stat = await fs.lstat(file);
      if (!stat.isFile() || now - stat.mtimeMs < minAge) continue;
      await fs.rm(file, { force: true });
      removed.push(entry);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return { removed };
}
