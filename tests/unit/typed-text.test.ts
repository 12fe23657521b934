// Typed text loses control characters before its checks (app/utils/fields.ts): a body of NULs is
// "required" (SQLite's length() stops at a NUL, so it would otherwise reach a CHECK as empty: a 500).
import { describe, expect, it } from "vitest";
import { optionalText, requiredText } from "~/utils/fields";

describe("typed text", () => {
  it("a text of control characters only is empty: required fails, optional is null", () => {
    const r = requiredText(5000).safeParse("\u0000\u0000\u0007\u001f");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("errors.required");
    expect(optionalText(100).parse("\u0000\u007f")).toBeNull();
  });
  it("keeps line breaks and tabs, drops the rest, then trims and counts", () => {
    expect(requiredText(50).parse("  Жакшы\u0000 портфолио\n\tкийинки этап  ")).toBe("Жакшы портфолио\n\tкийинки этап");
    expect(requiredText(3).safeParse("a\u0000b\u0000c\u0000d").success).toBe(false);
    expect(requiredText(3).parse("a\u0000b\u0000c")).toBe("abc");
  });
});
