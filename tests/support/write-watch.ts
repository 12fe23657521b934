// Proves that a request wrote nothing, cheaply enough to do it thousands of times. The state
// is every row of every table snapshot() reads (same tables, rowid order), serialized inside
// SQLite with quote() so that it costs a few milliseconds instead of ~30. It is read only
// when SQLite's total_changes() counter for the connection moved: if no INSERT, UPDATE or
// DELETE ran, every row is as it was.
import SQLite from "better-sqlite3";
import type { Connection } from "@db/connection";

export type Mark = { changes: number; state: string };

type Table = { name: string; sql: string };

export class WriteWatch {
  private cached: Mark | null = null;
  private tables: Table[] | null = null;
  constructor(private readonly connection: () => Connection) {}

  private changes(): number {
    return (this.connection().sqlite.prepare("select total_changes() as n").get() as { n: number }).n;
  }

  /** Every row of every table (as snapshot() lists them), as one string. */
  state(): string {
    const sqlite = this.connection().sqlite;
    this.tables ??= (
      sqlite
        .prepare(
          "select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' and name not like '%_fts_%' order by name",
        )
        .all() as { name: string; sql: string }[]
    ).map(({ name, sql }) => {
      const columns = (sqlite.prepare(`select name from pragma_table_info(?)`).all(name) as { name: string }[]).map((c) => `quote("${c.name}")`);
      // A WITHOUT ROWID table (staff_scopes) has no rowid: its rows in the order of every column.
      const order = /without\s+rowid\s*$/i.test(sql) ? columns.map((_, i) => i + 1).join(", ") : "rowid";
      return {
        name,
        sql: `select count(*) as n, group_concat(${columns.join(" || ',' || ")}, char(10)) as v from (select * from "${name}" order by ${order})`,
      };
    });
    return this.tables
      .map((t) => {
        const row = sqlite.prepare(t.sql).get() as { n: number; v: string | null };
        return `${t.name} ${row.n}\n${row.v ?? ""}`;
      })
      .join("\n\n");
  }

  /** The state before a request (reused while nothing has been written since). */
  mark(): Mark {
    const changes = this.changes();
    if (!this.cached || this.cached.changes !== changes) this.cached = { changes, state: this.state() };
    return this.cached;
  }

  /** Whether any row of any table differs from the marked state. */
  changedSince(mark: Mark): boolean {
    const changes = this.changes();
    if (changes === mark.changes) return false;
    const now = this.state();
    this.cached = { changes, state: now };
    return now !== mark.state;
  }

  /** Forget what is cached (after switching to another connection). */
  reset(): void {
    this.cached = null;
    this.tables = null;
  }
}

/** A moment WriteWatch.mark() keeps for DeferredWriteWatch: the database image, read into rows only if needed. */
export type ImageMark = { changes: number; image: Buffer };

/**
 * The same proof as WriteWatch (every row of every table as it was), for callers whose requests
 * mostly write and are answered 2xx (hostile-input's forms that accept what they get): the state
 * before a request is kept as the database image (sqlite3_serialize, a copy of its pages) and read
 * into rows only when a 4xx came with a moved change counter. WriteWatch reads every row before
 * each such request, which grew with the database to ~100 ms a payload.
 */
export class DeferredWriteWatch {
  private cached: ImageMark | null = null;
  constructor(private readonly connection: () => Connection) {}

  private changes(): number {
    return (this.connection().sqlite.prepare("select total_changes() as n").get() as { n: number }).n;
  }

  /** The database before a request (reused while nothing has been written since). */
  mark(): ImageMark {
    const changes = this.changes();
    if (!this.cached || this.cached.changes !== changes) this.cached = { changes, image: this.connection().sqlite.serialize() };
    return this.cached;
  }

  /** Whether any row of any table differs from the marked database (compared as WriteWatch.state() lists them). */
  changedSince(mark: ImageMark): boolean {
    if (this.changes() === mark.changes) return false;
    const image = Buffer.from(mark.image);
    // A WAL database's header says so (bytes 18 and 19 = 2); an in-memory copy must say rollback journal (1).
    image[18] = 1;
    image[19] = 1;
    const before = new SQLite(image);
    try {
      return new WriteWatch(() => ({ sqlite: before }) as unknown as Connection).state() !== new WriteWatch(this.connection).state();
    } finally {
      before.close();
    }
  }
}
