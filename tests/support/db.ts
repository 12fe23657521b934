// A real SQLite file per test, migrated and filled with the real reference data: a copy of one
// database migrated and seeded once per run (tests/support/templates.ts, docs/decisions/035-test-suite-speed.md).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Connection, migrateToLatest, openDatabase } from "@db/connection";
import { seedDemoData } from "@db/seed/demo";
import { seedReferenceData } from "@db/seed/reference";
import { useConnection } from "~/db.server";
import { sharedTemplate } from "./templates";

const opened: Connection[] = [];

/** The migrated database with reference data, closed (so its WAL is folded into the one file). */
function migratedTemplate(): Promise<string> {
  return sharedTemplate("migrated-db", async (dir) => {
    const template = openDatabase(path.join(dir, "portal.sqlite"));
    try {
      await migrateToLatest(template.db);
      await seedReferenceData(template.db);
    } finally {
      template.sqlite.close();
    }
  });
}

/** A new test database: a copy of a template's portal.sqlite, opened and made the app's connection. */
function openCopy(template: string): Connection {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-test-"));
  const file = path.join(dir, "portal.sqlite");
  fs.copyFileSync(path.join(template, "portal.sqlite"), file);
  const connection = openDatabase(file);
  useConnection(connection);
  opened.push(connection);
  return connection;
}

export async function createTestDatabase(): Promise<Connection> {
  return openCopy(await migratedTemplate());
}

/**
 * The migrated database after `seedDemoData(c, undefined, { uploadDir })`, with its images in `uploads/`: the 900-graduate
 * demo costs about 9 s of CPU to generate, and six in-process tests read or remove it (docs/decisions/035-test-suite-speed.md).
 */
function demoTemplate(): Promise<string> {
  return sharedTemplate("demo-db", async (dir) => {
    const file = path.join(dir, "portal.sqlite");
    fs.copyFileSync(path.join(await migratedTemplate(), "portal.sqlite"), file);
    const template = openDatabase(file);
    // The app's connection while the generator runs, as when a test seeds its own database.
    useConnection(template);
    try {
      await seedDemoData(template, undefined, { uploadDir: path.join(dir, "uploads") });
    } finally {
      template.sqlite.close();
    }
  });
}

/**
 * A test database holding the demo data as `seedDemoData(c, undefined, { uploadDir })` writes it on a new
 * test database, generated once per run and copied; its images are copied into `uploadDir` when given.
 * Its dates are those of the run's first call (minutes before, as for the server's demo folder).
 */
export async function createDemoTestDatabase(uploadDir?: string): Promise<Connection> {
  const template = await demoTemplate();
  const connection = openCopy(template);
  if (uploadDir) fs.cpSync(path.join(template, "uploads"), uploadDir, { recursive: true });
  return connection;
}

export function closeTestDatabases(): void {
  for (const c of opened.splice(0)) c.sqlite.close();
}

/** Every row of every table, to prove an action wrote nothing (or exactly what it should). */
export function snapshot(connection: Connection): Record<string, unknown[]> {
  const tables = connection.sqlite
    .prepare(
      "select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' and name not like '%_fts_%' order by name",
    )
    .all() as { name: string; sql: string }[];
  // A WITHOUT ROWID table (staff_scopes) has no rowid: its rows in primary-key order.
  const order = (sql: string) => (/without\s+rowid\s*$/i.test(sql) ? "" : " order by rowid");
  return Object.fromEntries(tables.map(({ name, sql }) => [name, connection.sqlite.prepare(`select * from "${name}"${order(sql)}`).all()]));
}
