// One database handle per process, kept on globalThis so the Express entry and the Remix
// build (two bundles) and dev rebuilds share it instead of opening the file again.
import { type Connection, type DB, openDatabase } from "@db/connection";
import { type Commit, durableOffTheLoop, walFileOf } from "@db/durable-commit";
import { config } from "~/config.server";

const KEY = Symbol.for("htp-portal.connection");
type WithConnection = typeof globalThis & { [KEY]?: Connection };

export function useConnection(connection: Connection): void {
  (globalThis as WithConnection)[KEY] = connection;
}

export function getConnection(): Connection {
  const g = globalThis as WithConnection;
  g[KEY] ??= openDatabase(config().databasePath);
  return g[KEY];
}

export function getDb(): DB {
  return getConnection().db;
}

const commits = new WeakMap<Connection, Commit>();

/**
 * A transaction for a page's write on the hot path whose disk sync runs off the event loop: it
 * resolves once the write is as durable as a FULL commit, without holding every other request for
 * the fsync (db/durable-commit.ts, docs/decisions/073-load-budget.md).
 */
export function pageCommit(): Commit {
  const connection = getConnection();
  let commit = commits.get(connection);
  if (!commit) {
    commit = durableOffTheLoop(connection.db, walFileOf(connection));
    commits.set(connection, commit);
  }
  return commit;
}
