// Commits whose disk sync does not block the event loop (docs/decisions/051-outbox.md "Session 11",
// docs/decisions/073-load-budget.md). Used by the outbox worker for its delivery outcomes and by the
// pages' own writes on the hot path (a graduate saving their profile).
import fs from "node:fs";
import type SQLite from "better-sqlite3";
import { sql } from "kysely";
import type { Connection, DB } from "./connection";

export type Commit = <T>(write: (trx: DB) => Promise<T>) => Promise<T>;

/**
 * A transaction whose disk sync does not block the event loop. With synchronous = FULL a WAL commit
 * fsyncs the log inside COMMIT, on the one thread that also answers pages — 4 ms a commit (p90 8 ms,
 * 20 ms under the load run) on this loaded machine. Here the commit runs with synchronous = NORMAL
 * (written to the log, safe from a process crash) on the same held connection, which goes back to
 * FULL at once, and the promise resolves only after an fsync of the log file in libuv's thread pool:
 * when it resolves the write is as durable as a FULL commit would have made it. Other requests may
 * read the committed rows during that fsync (as SQLite's NORMAL allows); the writer is answered only
 * after it. Without a log file (not WAL) every commit is a plain FULL one.
 */
export function durableOffTheLoop(db: DB, walFile: string | null, log: (line: string) => void = console.log, sqlite: SQLite.Database | null = null): Commit {
  let fd: number | null = null;
  // With the connection's handle (the outbox worker's group commits, a few hundred a second): the two
  // pragmas, BEGIN and COMMIT as statements held here and run on the held connection, without going
  // through kysely's executor for each (decision 051, "Session 14"; since db/connection.ts keeps
  // kysely's statements by SQL text too, the saving here is kysely's per-query path, not the prepare).
  const held = sqlite && {
    normal: sqlite.prepare("pragma synchronous = NORMAL"),
    full: sqlite.prepare("pragma synchronous = FULL"),
    begin: sqlite.prepare("begin"),
    commit: sqlite.prepare("commit"),
    rollback: sqlite.prepare("rollback"),
  };
  let usable = walFile !== null;
  const plain: Commit = (write) => db.transaction().execute(write);
  // One fsync at a time: a commit made while one runs waits for the next, which covers every commit
  // before it (on a loaded machine a sync takes milliseconds, and each wakes a thread-pool thread).
  let current: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const syncLog = (file: string): Promise<void> => {
    if (!current) {
      current = new Promise<void>((resolve, reject) => {
        fd ??= fs.openSync(file, "r");
        fs.fsync(fd, (e) => (e ? reject(e) : resolve()));
      }).finally(() => (current = null));
      return current;
    }
    next ??= current
      .catch(() => undefined)
      .then(() => {
        next = null;
        return syncLog(file);
      });
    return next;
  };
  return async <T>(write: (trx: DB) => Promise<T>): Promise<T> => {
    if (!usable || !walFile) return plain(write);
    const result = await db.connection().execute(async (conn) => {
      if (held && sqlite) {
        // The connection is held: no other statement of this process runs in between.
        held.normal.run();
        try {
          held.begin.run();
          try {
            const r = await write(conn);
            held.commit.run();
            return r;
          } catch (error) {
            if (sqlite.inTransaction) held.rollback.run();
            throw error;
          }
        } finally {
          held.full.run();
        }
      }
      await sql`pragma synchronous = NORMAL`.execute(conn);
      try {
        return await conn.transaction().execute(write);
      } finally {
        await sql`pragma synchronous = FULL`.execute(conn);
      }
    });
    try {
      await syncLog(walFile);
    } catch (error) {
      // Should not happen (walFileOf names the log only in WAL mode): later commits are plain FULL
      // ones; this one fails as a dropped write would.
      usable = false;
      log(`the write-ahead log ${walFile} cannot be synced apart (${String(error)}); commits sync themselves from now on`);
      throw error;
    }
    return result;
  };
}

/** The connection's write-ahead log file, or null when it is not in WAL mode (an in-memory database). */
export function walFileOf(connection: Connection): string | null {
  return connection.sqlite.pragma("journal_mode", { simple: true }) === "wal" ? `${connection.sqlite.name}-wal` : null;
}
