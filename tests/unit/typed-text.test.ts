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
  it("drops bidi controls and invisible format marks (U+202A–E, U+2066–9, U+200E/F, U+061C, U+200B, U+2060, U+FEFF, soft hyphen), keeps ZWJ and ZWNJ", () => {
    const marks = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF\u00AD\u0085\u009F";
    expect(requiredText(50).parse(`а${marks}б`)).toBe("аб");
    expect(requiredText(50).safeParse(marks).success).toBe(false);
    expect(optionalText(50).parse(marks)).toBeNull();
    // ZWJ joins emoji sequences and ZWNJ is spelling in Persian script: both stay.
    expect(requiredText(50).parse("👩\u200D💻 می\u200Cخواهم")).toBe("👩\u200D💻 می\u200Cخواهم");
  });
});
