// One database handle per process, kept on globalThis so the Express entry and the Remix
// build (two bundles) and dev rebuilds share it instead of opening the file again.
import { type Connection, type DB, openDatabase } from "@db/connection";
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
