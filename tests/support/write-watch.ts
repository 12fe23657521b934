// Proves that a request wrote nothing, cheaply enough to do it thousands of times. The state
// is every row of every table snapshot() reads (same tables, rowid order), serialized inside
// SQLite with quote() so that it costs a few milliseconds instead of ~30. It is read only
// when SQLite's total_changes() counter for the connection moved: if no INSERT, UPDATE or
// DELETE ran, every row is as it was.
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
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' and name not like '%_fts_%' order by name",
        )
        .all() as { name: string }[]
    ).map(({ name }) => {
      const columns = (sqlite.prepare(`select name from pragma_table_info(?)`).all(name) as { name: string }[]).map((c) => `quote("${c.name}")`);
      return { name, sql: `select count(*) as n, group_concat(${columns.join(" || ',' || ")}, char(10)) as v from (select * from "${name}" order by rowid)` };
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
