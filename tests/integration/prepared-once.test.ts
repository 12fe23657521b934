// Kysely's queries reuse one prepared statement per SQL text (db/connection.ts, decision 073
// Session 14): each call binds its own parameters, and a schema change reaches a kept statement.
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { closeTestDatabases, createTestDatabase } from "../support/db";

afterAll(() => closeTestDatabases());

describe("statements prepared once", () => {
  it("run the same query again with new parameters, and see a schema change", async () => {
    const { db } = await createTestDatabase();
    const regions = () => db.selectFrom("regions").select(["id", "code"]).orderBy("id");
    const all = await regions().execute();
    expect(all.length).toBeGreaterThan(2);
    const byId = (id: number) => db.selectFrom("regions").select("code").where("id", "=", id).executeTakeFirst();
    expect(await byId(all[0]!.id)).toEqual({ code: all[0]!.code });
    expect(await byId(all[1]!.id)).toEqual({ code: all[1]!.code });
    const seen: string[] = [];
    for await (const row of regions().stream()) seen.push(row.code);
    expect(seen).toEqual(all.map((r) => r.code));
    // Writes too: the same insert twice, each with its own values.
    const insert = (n: number) => db.insertInto("regions").values({ code: `test-${n}`, name_ky: `T${n}`, name_ru: `T${n}`, name_en: `T${n}` }).execute();
    await insert(1);
    await insert(2);
    expect((await regions().execute()).slice(-2).map((r) => r.code)).toEqual(["test-1", "test-2"]);
    // A kept "select *" after a column is added (as a migration would) returns the new column.
    const everything = () => db.selectFrom("regions").selectAll().where("code", "=", "test-1").executeTakeFirstOrThrow();
    expect(Object.keys(await everything())).not.toContain("extra");
    await sql`alter table regions add column extra text default 'x'`.execute(db);
    expect(await everything()).toMatchObject({ code: "test-1", extra: "x" });
  });
});
