import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, type SqliteDatabase } from "kysely";
import { kyrgyzSortKey } from "../app/domain/search/kyrgyz-order";
import { migrations } from "./migrations/index";
import { RecentlyUsed } from "./recently-used";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

export type Connection = { db: DB; sqlite: SQLite.Database };

/** The better-sqlite3 handle under each DB that openDatabase made. */
const handles = new WeakMap<DB, SQLite.Database>();

/**
 * The better-sqlite3 handle under a DB opened by openDatabase: for the few statements the outbox
 * worker prepares once and runs while it holds the connection (docs/decisions/051-outbox.md,
 * "Session 14"). Throws for anything else (a transaction's DB, a DB made elsewhere).
 */
export function sqliteOf(db: DB): SQLite.Database {
  const sqlite = handles.get(db);
  if (!sqlite) throw new Error("sqliteOf: not a database opened by openDatabase");
  return sqlite;
}

/** Opens (creating if needed) the SQLite file with the pragmas the portal relies on. */
export function openDatabase(file: string): Connection {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  // FULL makes every acknowledged commit durable even if the process is killed (docs/product.md §9).
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  // Concurrent writers wait instead of surfacing "database is locked" to a user.
  sqlite.pragma("busy_timeout = 5000");
  // Names sort in the Kyrgyz alphabet by a stored key that triggers fill with this function
  // (migration 0013, docs/decisions/046-small-list-search-and-kyrgyz-order.md): every connection
  // that writes a graduate's name needs it, so it is registered here, where every connection opens.
  sqlite.function("kyrgyz_sort_key", { deterministic: true }, (name: unknown) => kyrgyzSortKey(typeof name === "string" ? name : ""));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: preparedOnce(sqlite) }) });
  handles.set(db, sqlite);
  return { db, sqlite };
}

/** How many distinct SQL texts keep their prepared statement (the app has a few hundred queries; lists of ids vary). */
const STATEMENTS_KEPT = 1000;

/**
 * The connection as kysely sees it, with each SQL text prepared once. Kysely's SQLite driver prepares
 * every query anew: 5.6 % of the main thread in the mixed load's profile (docs/decisions/073-load-budget.md,
 * Session 14). A statement is reused only when it is not in the middle of an iteration (a streamed
 * query); otherwise that call gets a fresh one. Least recently used texts are forgotten first.
 */
function preparedOnce(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new RecentlyUsed<string, SQLite.Statement>(STATEMENTS_KEPT);
  return {
    close: () => sqlite.close(),
    prepare(source: string) {
      const statement = kept.get(source);
      if (statement) return statement.busy ? sqlite.prepare(source) : statement;
      const fresh = sqlite.prepare(source);
      kept.set(source, fresh);
      return fresh;
    },
  };
}

/** Applies every pending migration; throws when one fails. */
export async function migrateToLatest(db: DB): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error("migration failed", { cause: error });
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
