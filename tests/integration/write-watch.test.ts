// The write check of hostile-input (tests/support/write-watch.ts): a request that changed a row is
// seen, one that moved SQLite's change counter but left every row as it was is not.
import { afterAll, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { DeferredWriteWatch, WriteWatch } from "../support/write-watch";

afterAll(() => closeTestDatabases());

describe("DeferredWriteWatch judges as WriteWatch does", () => {
  it("sees a changed, added or removed row and not a write that left every row as it was", async () => {
    const c: Connection = await createTestDatabase();
    const deferred = new DeferredWriteWatch(() => c);
    const rows = new WriteWatch(() => c);
    const insert = c.sqlite.prepare("insert into sign_in_failures (scope, key, created_at, updated_at) values ('address', ?, 'x', 'x')");
    const judge = (write: () => void) => {
      const [a, b] = [deferred.mark(), rows.mark()];
      write();
      return [deferred.changedSince(a), rows.changedSince(b)];
    };
    expect(judge(() => {})).toEqual([false, false]);
    expect(judge(() => insert.run("one"))).toEqual([true, true]);
    expect(judge(() => c.sqlite.prepare("update sign_in_failures set key = 'two' where key = 'one'").run())).toEqual([true, true]);
    expect(judge(() => c.sqlite.prepare("update sign_in_failures set key = key").run())).toEqual([false, false]);
    expect(judge(() => c.sqlite.prepare("delete from sign_in_failures").run())).toEqual([true, true]);
  });
});
