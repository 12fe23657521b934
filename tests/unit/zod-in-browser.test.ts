// The browser build's stand-in for zod (package.json "browser"; docs/decisions/033-light-first-load.md):
// module-level schemas of route files must build without error there, and any use of one must throw
// rather than pass silently. The server and these tests import the real zod.
import { describe, expect, it } from "vitest";
import { z as real } from "zod";
// Plain JavaScript (allowJs infers its types), loaded only by the browser build.
import { z } from "~/utils/zod-in-browser.js";

describe("zod in the browser bundle", () => {
  it("builds a schema as route modules do, inertly", () => {
    expect(() =>
      z.object({ code: z.string("errors.required").trim().min(1).max(40), n: z.coerce.number().int() }).refine(() => true, { path: ["code"] }),
    ).not.toThrow();
  });

  it("throws on any attempt to validate with it", () => {
    const schema = z.object({ a: z.string() });
    for (const use of ["parse", "safeParse", "parseAsync", "safeParseAsync"]) expect(() => schema[use]({ a: "x" }), use).toThrow(/server-only/);
  });

  it("is not what the server and the tests get", () => {
    expect(real.string().safeParse("x").success).toBe(true);
  });
});
