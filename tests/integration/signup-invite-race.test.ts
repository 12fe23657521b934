// Two people signing up with one colleague invitation at once: the model claims the invitation
// before creating the account, so exactly one joins and the other gets a result (not an
// exception) with nothing written (docs/decisions/037-thin-routes-and-employer-layout.md).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { createCompanyInvite, signUpWithCompanyInvite } from "~/models/companies.server";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCompany, makeUser, PASSWORD } from "../support/factories";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

describe("employer sign-up with a colleague's invitation", () => {
  it("lets one of two simultaneous sign-ups join; the other is told the code is used and nothing of it is kept", async () => {
    const owner = await makeUser(c, "employer");
    const companyId = await makeCompany(c, owner.id);
    const invite = await createCompanyInvite(c.db, companyId, owner.id);
    const users = async () => (await c.db.selectFrom("users").select("email").execute()).map((u) => u.email);
    const before = await users();

    const results = await Promise.all(
      ["first@alatoo.kg", "second@alatoo.kg"].map((email) => signUpWithCompanyInvite(c.db, invite.id, { email, password: PASSWORD, name: "Name" })),
    );

    const joined = results.filter((r) => r.ok);
    expect(joined).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, problem: "companies.inviteUsed" }]);
    const after = await users();
    expect(after).toHaveLength(before.length + 1);
    const members = await c.db.selectFrom("company_members").select("user_id").where("company_id", "=", companyId).execute();
    expect(members.map((m) => m.user_id).sort()).toEqual([owner.id, joined[0]!.ok ? joined[0]!.userId : -1].sort());
  });

  it("refuses an expired invitation without creating the account", async () => {
    const owner = await makeUser(c, "employer");
    const companyId = await makeCompany(c, owner.id);
    const invite = await createCompanyInvite(c.db, companyId, owner.id, Date.now() - 30 * 24 * 3600 * 1000);
    const result = await signUpWithCompanyInvite(c.db, invite.id, { email: "late@alatoo.kg", password: PASSWORD, name: "Late" });
    expect(result).toEqual({ ok: false, problem: "companies.inviteUsed" });
    expect(await c.db.selectFrom("users").select("id").where("email", "=", "late@alatoo.kg").executeTakeFirst()).toBeUndefined();
  });
});
