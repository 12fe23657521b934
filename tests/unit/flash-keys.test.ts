// Every notice a redirect sets is one the next page shows. takeFlash honours only flash keys (a planted
// cookie shows no other text); keys outside that pattern were set and silently dropped. Found by the
// hiring journey (tests/e2e/journeys/hiring.ts): the bulk rejection's "Done. You can undo it for 10
// minutes." never showed, nor the undo's, the rejection templates' "saved", the outbox's "retried" or
// the vacancy editor's "published"/"submitted"/"closed"/"filled" and the saved searches' notices.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type FlashKey, setFlash, takeFlash } from "~/utils/flash.server";
import { ROOT, sourceFiles } from "../support/source-files";

/** Every string literal written as a flash key under app/: `setFlash("…")`, and the keys handed to the helpers that call it. */
function flashKeysInTheCode(): string[] {
  const keys = new Set<string>();
  for (const file of sourceFiles("app")) {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    for (const call of text.matchAll(/setFlash\(([^()]*(?:\([^()]*\))?[^()]*)\)/g))
      for (const m of call[1]!.matchAll(/"([a-zA-Z]+\.[a-zA-Z.]+)"/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/\bflash: "([a-zA-Z.]+)"/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/, "(flash\.[a-zA-Z]+)"/g)) keys.add(m[1]!);
  }
  return [...keys].sort();
}

describe("flash notices", () => {
  it("every key the code sets as a flash is shown by the next page", () => {
    const keys = flashKeysInTheCode();
    expect(keys.length).toBeGreaterThan(20);
    const dropped = keys.filter((key) => {
      const cookie = setFlash(key as FlashKey).split(";")[0]!;
      return takeFlash(new Request("http://localhost/", { headers: { Cookie: cookie } })).flash !== key;
    });
    expect(dropped).toEqual([]);
  });

  it("a cookie naming a message that is no notice, or no message at all, shows nothing", () => {
    for (const value of ["errors.invalid", "applications.status.hired", "nope", "flash.", "<script>"]) {
      const { flash, clear } = takeFlash(new Request("http://localhost/", { headers: { Cookie: `flash=${encodeURIComponent(value)}` } }));
      expect(flash, value).toBeNull();
      expect(clear).toContain("Max-Age=0");
    }
  });
});
