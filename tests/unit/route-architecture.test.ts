// Route modules stay thin (docs/decisions/037-thin-routes-and-employer-layout.md): they parse,
// authorize, call one model or domain function and shape the response. Queries and transactions
// live in app/models, so a route never imports kysely or builds a query of its own.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = "app/routes";
const files = fs.readdirSync(dir).filter((f) => /\.tsx?$/.test(f));

const forbidden: [string, RegExp][] = [
  ['imports "kysely"', /from\s*["']kysely["']/],
  ["builds a query (selectFrom/insertInto/updateTable/deleteFrom)", /\.\s*(selectFrom|insertInto|updateTable|deleteFrom)\s*\(/],
  ["runs a transaction", /\.\s*transaction\s*\(/],
];

function offendersIn(name: string, source: string): string[] {
  return forbidden.filter(([, re]) => re.test(source)).map(([what]) => `${name}: ${what}`);
}

describe("route modules", () => {
  it("the check recognises a query, a transaction and a kysely import", () => {
    expect(offendersIn("x.tsx", 'import { sql } from "kysely";')).toHaveLength(1);
    expect(offendersIn("x.tsx", 'await getDb().selectFrom("users").selectAll().execute();')).toHaveLength(1);
    expect(offendersIn("x.tsx", 'const db = getDb();\nawait db\n  .updateTable("users")')).toHaveLength(1);
    expect(offendersIn("x.tsx", "await db.transaction().execute(async (trx) => {})")).toHaveLength(1);
    expect(offendersIn("x.tsx", "const r = await listUsers(getDb());")).toEqual([]);
  });

  it("run no Kysely queries or transactions of their own", () => {
    const offenders = files.flatMap((f) => offendersIn(f, fs.readFileSync(path.join(dir, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});
