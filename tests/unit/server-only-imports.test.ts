// Remix empties *.server modules in the browser bundle: a constant imported from one and used
// by a page component (or at module level, e.g. in a zod schema) is undefined in the browser
// and breaks the page once JavaScript runs. Shared constants live in app/domain instead.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const files = ["app/routes", "app/components"].flatMap((dir) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".tsx"))
    .map((f) => path.join(dir, f)),
);

describe("page modules", () => {
  it("use no constant imported from a .server module outside loaders and actions", () => {
    const offenders: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      const names = [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"[^"]*\.server"/g)]
        .flatMap((m) => m[1]!.split(","))
        .map((n) => n.trim())
        .filter((n) => n && !n.startsWith("type ") && /^[A-Z][A-Z0-9_]+$/.test(n));
      // Everything but the bodies of loader/action: module level and the components.
      const outsideServerCode = source.replace(/export async function (loader|action)\([\s\S]*?\n}\n/g, "");
      const withoutImports = outsideServerCode.replace(/import[\s\S]*?from\s*"[^"]*";/g, "");
      for (const name of names) if (new RegExp(`\\b${name}\\b`).test(withoutImports)) offenders.push(`${file}: ${name}`);
    }
    expect(offenders).toEqual([]);
  });
});
