// Lists of graduates sorted by name follow the Kyrgyz alphabet — ң after н, ө after о, ү after у —
// in SQL too, where SQLite compares code points and would put them after я (docs/product.md §14,
// docs/decisions/046-small-list-search-and-kyrgyz-order.md): a stored key kept by triggers (migration 0013).
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { kyrgyzSortKey } from "~/domain/search/kyrgyz-order";
import { graduatesWithInvitations } from "~/models/csv-import.server";
import { enrolGraduate } from "~/models/invitations.server";
import { listFollowUps } from "~/models/outcomes.server";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCohort, makeUser } from "../support/factories";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

// Last names as staff type them, shuffled; the Kyrgyz order is the second list.
const TYPED = ["Үсөнов", "Яковлев", "Осмонов", "Ңурланов", "Уулу", "Өмүрбеков", "Нурланов", "Абдыкадыров"];
const KYRGYZ_ORDER = ["Абдыкадыров", "Нурланов", "Ңурланов", "Осмонов", "Өмүрбеков", "Уулу", "Үсөнов", "Яковлев"];

async function cohortOf(graduationDate: string): Promise<number> {
  const staff = await makeUser(c, "staff");
  const cohortId = await makeCohort(c, graduationDate);
  for (const last of TYPED) await enrolGraduate(c.db, { cohortId, firstName: "Айгерим", lastName: last }, staff.id);
  return cohortId;
}

describe("graduates sorted by name", () => {
  it("a cohort's list (the import and invitations pages) comes out in Kyrgyz order", async () => {
    const cohortId = await cohortOf("2026-06-30");
    expect((await graduatesWithInvitations(c.db, { cohortId })).map((g) => g.last_name)).toEqual(KYRGYZ_ORDER);
  });

  it("the follow-up list, paged in SQL, orders a cohort's graduates in Kyrgyz order", async () => {
    const cohortId = await cohortOf("2025-06-30");
    const { rows } = await listFollowUps(c.db, { schoolId: null, cohortId, page: 1 }, "2026-01-05");
    expect(rows.length).toBe(TYPED.length);
    expect(rows.map((g) => g.last_name)).toEqual(KYRGYZ_ORDER);
  });

  it("keeps the stored key equal to the name's key through inserts, renames and anonymisation, whoever writes", async () => {
    const cohortId = await cohortOf("2026-06-30");
    const keys = async () =>
      (await c.db.selectFrom("graduates").select(["first_name", "last_name", "name_sort_key"]).where("cohort_id", "=", cohortId).execute()).map((g) => [
        g.name_sort_key,
        kyrgyzSortKey(`${g.last_name} ${g.first_name}`),
      ]);
    for (const [stored, expected] of await keys()) expect(stored).toBe(expected);
    await sql`update graduates set last_name = 'Өзүбеков' where cohort_id = ${cohortId} and last_name = 'Осмонов'`.execute(c.db);
    await c.db.updateTable("graduates").set({ first_name: "", last_name: "" }).where("cohort_id", "=", cohortId).where("last_name", "=", "Уулу").execute();
    for (const [stored, expected] of await keys()) expect(stored).toBe(expected);
    // A query that pages by the key reads the index, not every row.
    const plan = (await sql<{ detail: string }>`explain query plan select id from graduates order by name_sort_key, id limit 20`.execute(c.db)).rows.map(
      (r) => r.detail,
    );
    expect(plan.join(" ")).toContain("graduates_name_sort");
  });
});
