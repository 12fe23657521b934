// Proves that a request wrote nothing, cheaply enough to do it thousands of times: the full
// snapshot() of every table is taken only when SQLite's total_changes() counter for the
// connection moved (no INSERT, UPDATE or DELETE ran → every row is as it was). When it did
// move, the whole database is compared with the snapshot from before.
import type { Connection } from "@db/connection";
import { snapshot } from "./db";

export type Mark = { changes: number; snapshot: string };

export class WriteWatch {
  private cached: Mark | null = null;
  constructor(private readonly connection: () => Connection) {}

  private changes(): number {
    return (this.connection().sqlite.prepare("select total_changes() as n").get() as { n: number }).n;
  }

  /** The state before a request (reused while nothing has been written since). */
  mark(): Mark {
    const changes = this.changes();
    if (!this.cached || this.cached.changes !== changes) this.cached = { changes, snapshot: JSON.stringify(snapshot(this.connection())) };
    return this.cached;
  }

  /** Whether any row of any table differs from the marked state. */
  changedSince(mark: Mark): boolean {
    const changes = this.changes();
    if (changes === mark.changes) return false;
    const now = JSON.stringify(snapshot(this.connection()));
    this.cached = { changes, snapshot: now };
    return now !== mark.snapshot;
  }

  /** Forget the cached state (after switching to another connection). */
  reset(): void {
    this.cached = null;
  }
}
