// A write the page cache is not told of (docs/decisions/069-public-page-cache.md): the cache's triggers on
// the table (migration 0035, named page_…) are dropped and made again in the same transaction, so no row
// reaches page_changes. A signed-out page that still lacks the change afterwards was replayed from the cache.
import type Database from "better-sqlite3";
import { expect } from "vitest";

export function unloggedWrite(db: Database.Database, table: string, sql: string, ...params: unknown[]): void {
  const triggers = db
    .prepare("select name, sql from sqlite_master where type = 'trigger' and tbl_name = ? and name like 'page\\_%' escape '\\'")
    .all(table) as { name: string; sql: string }[];
  expect(triggers.length, `page cache triggers on ${table}`).toBeGreaterThan(0);
  db.transaction(() => {
    for (const t of triggers) db.exec(`drop trigger ${t.name}`);
    db.prepare(sql).run(...params);
    for (const t of triggers) db.exec(t.sql);
  })();
}
