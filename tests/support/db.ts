// A real SQLite file per test, migrated and filled with the real reference data.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Connection, migrateToLatest, openDatabase } from "@db/connection";
import { seedReferenceData } from "@db/seed/reference";
import { useConnection } from "~/db.server";

const opened: Connection[] = [];

export async function createTestDatabase(): Promise<Connection> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-test-"));
  const connection = openDatabase(path.join(dir, "portal.sqlite"));
  await migrateToLatest(connection.db);
  await seedReferenceData(connection.db);
  useConnection(connection);
  opened.push(connection);
  return connection;
}

export function closeTestDatabases(): void {
  for (const c of opened.splice(0)) c.sqlite.close();
}

/** Every row of every table, to prove an action wrote nothing (or exactly what it should). */
export function snapshot(connection: Connection): Record<string, unknown[]> {
  const tables = connection.sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' and name not like '%_fts_%' order by name")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, connection.sqlite.prepare(`select * from "${name}" order by rowid`).all()]));
}
