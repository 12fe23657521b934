// The staff graduate list (/staff/graduates, findGraduatesForStaff): staff find a graduate by
// name in the search tiers of graduates_fts or by invitation code, in one query that finds the
// ids first (docs/decisions/048-directory-and-skill-gap-speed.md, Session 9). The count is the
// number of different graduates found, each listed once, a code's graduate first.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { findGraduatesForStaff } from "~/models/verification.server";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCohort, makeGraduate } from "../support/factories";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

const ids = (r: { graduates: { id: number }[] }) => r.graduates.map((g) => g.id);

describe("the staff graduate list", () => {
  it("finds graduates by name and by invitation code typed in any case; the count equals the rows", async () => {
    const cohortId = await makeCohort(c);
    const a = await makeGraduate(c, { cohortId, firstName: "Айбек", lastName: "Токтогулов" });
    const b = await makeGraduate(c, { cohortId, firstName: "Нурлан", lastName: "Токтогулов", account: true });
    const other = await makeGraduate(c, { cohortId, firstName: "Айгерим", lastName: "Осмонова" });

    const byName = await findGraduatesForStaff(c.db, "Токтогулов");
    expect(ids(byName).sort()).toEqual([a.graduateId, b.graduateId].sort());
    expect(byName.total).toBe(2);
    expect(byName.graduates.find((g) => g.id === a.graduateId)?.code).toBe(a.code);

    const byCode = await findGraduatesForStaff(c.db, ` ${other.code.toLowerCase()} `);
    expect(ids(byCode)).toEqual([other.graduateId]);
    expect(byCode.total).toBe(1);
    expect(byCode.suggestion).toBeNull();

    const nobody = await findGraduatesForStaff(c.db, "KG-ZZZZ-ZZZZ");
    expect(nobody.graduates).toEqual([]);
    expect(nobody.total).toBe(0);
  });

  it("counts a graduate the code and the name both find once, lists it first, whatever the page size", async () => {
    const cohortId = await makeCohort(c);
    // An invitation code that is also a name search: the code's graduate is among the name's hits too.
    const byCode = await makeGraduate(c, { cohortId, firstName: "Айбек Мырзабек уулу", lastName: "Токтогулов", invitation: { code: "TOKTOGULOV" } });
    const alsoNamed = await makeGraduate(c, { cohortId, firstName: "Нурлан", lastName: "Токтогулов" });
    const third = await makeGraduate(c, { cohortId, firstName: "Бакыт", lastName: "Токтогулов" });

    const all = await findGraduatesForStaff(c.db, "toktogulov");
    expect(ids(all)[0]).toBe(byCode.graduateId);
    expect(ids(all).sort()).toEqual([byCode.graduateId, alsoNamed.graduateId, third.graduateId].sort());
    expect(all.total).toBe(3);

    for (const limit of [1, 2]) {
      const page = await findGraduatesForStaff(c.db, "toktogulov", limit);
      expect(ids(page)[0], `limit ${limit}`).toBe(byCode.graduateId);
      expect(page.graduates, `limit ${limit}`).toHaveLength(limit);
      expect(page.total, `limit ${limit}`).toBe(3);
    }
  });

  it("leaves out anonymised graduates, found by code or by name", async () => {
    const cohortId = await makeCohort(c);
    const gone = await makeGraduate(c, { cohortId, firstName: "Айбек", lastName: "Токтогулов" });
    const kept = await makeGraduate(c, { cohortId, firstName: "Нурлан", lastName: "Токтогулов" });
    await c.db.updateTable("graduates").set({ anonymised_at: new Date().toISOString() }).where("id", "=", gone.graduateId).execute();

    const byName = await findGraduatesForStaff(c.db, "Токтогулов");
    expect(ids(byName)).toEqual([kept.graduateId]);
    expect(byName.total).toBe(1);
    const byCode = await findGraduatesForStaff(c.db, gone.code);
    expect(byCode.graduates).toEqual([]);
    expect(byCode.total).toBe(0);
  });
});
