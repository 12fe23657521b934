// The least-recently-used map behind the prepared statements and the remembered outcome figures (db/recently-used.ts).
import { describe, expect, it } from "vitest";
import { RecentlyUsed } from "@db/recently-used";

describe("RecentlyUsed", () => {
  it("drops the entry used longest ago once it holds more than its limit", () => {
    const kept = new RecentlyUsed<string, number>(2);
    kept.set("a", 1);
    kept.set("b", 2);
    expect(kept.get("a")).toBe(1); // "a" is now the most recently used
    kept.set("c", 3);
    expect([kept.get("a"), kept.get("b"), kept.get("c")]).toEqual([1, undefined, 3]);
  });

  it("setting a kept key again replaces its value without dropping another", () => {
    const kept = new RecentlyUsed<string, number>(2);
    kept.set("a", 1);
    kept.set("b", 2);
    kept.set("a", 10);
    expect([kept.get("a"), kept.get("b")]).toEqual([10, 2]);
  });
});
