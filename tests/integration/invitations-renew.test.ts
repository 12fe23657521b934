// Issue 14, item 4: staff renew an expired invitation code (same code, new expiry) or reissue it
// (a new code; the old one stops working), and "Enrol" warns before adding a second person of the
// same name to a cohort, as the CSV import does.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { invitationProblem } from "~/domain/invitations";
import { findInvitation } from "~/models/invitations.server";
import * as cohortPage from "~/routes/staff.cohorts.$id.invitations";
import * as invitationsPage from "~/routes/staff.invitations";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeCohort, makeInvitation, makeUser, sessionCookieFor } from "../support/factories";
import { call, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

async function staff() {
  const user = await makeUser(c, "staff");
  return { user, cookie: await sessionCookieFor(user.id) };
}

async function expiredInvitation(staffId: number) {
  const { graduateId, code } = await makeInvitation(c, staffId, { firstName: "Самат", lastName: "Акматов" });
  await c.db.updateTable("invitations").set({ expires_at: "2025-01-01T00:00:00.000Z" }).where("graduate_id", "=", graduateId).execute();
  const cohortId = await makeCohort(c);
  return { graduateId, code, cohortId };
}

const act = (cohortId: number, fields: Record<string, string>, cookie?: string) =>
  call(cohortPage.action, post(`/staff/cohorts/${cohortId}/invitations`, fields, { cookie }), { id: String(cohortId) });

describe("renewing and reissuing invitation codes", () => {
  it("renews an expired code: the same code works again for 120 days, audited", async () => {
    const s = await staff();
    const inv = await expiredInvitation(s.user.id);
    expect(invitationProblem(await findInvitation(c.db, inv.code))).toBe("errors.inviteExpired");
    const res = await act(inv.cohortId, { intent: "renew", graduateId: String(inv.graduateId) }, s.cookie);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ ok: true, renewed: { graduateId: inv.graduateId, code: inv.code } });
    const found = await findInvitation(c.db, inv.code);
    expect(invitationProblem(found)).toBeNull();
    expect(Date.parse(found!.expires_at) - Date.now()).toBeGreaterThan(119 * 86_400_000);
    const audit = await c.db.selectFrom("audit_log").selectAll().where("action", "=", "invitation.renew").execute();
    expect(audit.map((a) => [a.actor_user_id, a.entity_id])).toEqual([[s.user.id, String(inv.graduateId)]]);
  });

  it("reissues a code: a new code works, the old one is unknown", async () => {
    const s = await staff();
    const inv = await expiredInvitation(s.user.id);
    const res = await act(inv.cohortId, { intent: "reissue", graduateId: String(inv.graduateId) }, s.cookie);
    expect(res.status).toBe(200);
    const code = (res.data as { renewed: { code: string } }).renewed.code;
    expect(code).not.toBe(inv.code);
    expect(invitationProblem(await findInvitation(c.db, code))).toBeNull();
    expect(invitationProblem(await findInvitation(c.db, inv.code))).toBe("errors.inviteUnknown");
    expect(await c.db.selectFrom("audit_log").select("id").where("action", "=", "invitation.reissue").execute()).toHaveLength(1);
  });

  it("refuses a graduate who already joined, one of another cohort, junk and other roles, writing nothing", async () => {
    const s = await staff();
    const inv = await expiredInvitation(s.user.id);
    const joined = await makeInvitation(c, s.user.id, { firstName: "Айгерим", lastName: "Осмонова" });
    const user = await makeUser(c, "graduate");
    await c.db.updateTable("graduates").set({ user_id: user.id }).where("id", "=", joined.graduateId).execute();
    const other = await makeCohort(c, "2025-06-30");
    const graduateCookie = await sessionCookieFor(user.id);
    const before = snapshot(c);
    const refusedJoined = await act(inv.cohortId, { intent: "renew", graduateId: String(joined.graduateId) }, s.cookie);
    expect(refusedJoined.status).toBe(400);
    expect(refusedJoined.data).toMatchObject({ errors: { _form: "invite.renew.joined" } });
    expect((await act(other, { intent: "renew", graduateId: String(inv.graduateId) }, s.cookie)).status).toBe(404);
    expect((await act(inv.cohortId, { intent: "renew", graduateId: "abc" }, s.cookie)).status).toBe(400);
    expect((await act(inv.cohortId, { intent: "bogus", graduateId: String(inv.graduateId) }, s.cookie)).status).toBe(400);
    expect((await act(inv.cohortId, { intent: "renew", graduateId: String(inv.graduateId) })).status).toBe(302);
    expect((await act(inv.cohortId, { intent: "renew", graduateId: String(inv.graduateId) }, graduateCookie)).status).toBe(403);
    expect(snapshot(c)).toEqual(before);
  });
});

describe("enrolling a name the cohort already has", () => {
  it("warns and writes nothing; enrols a namesake only when staff confirm", async () => {
    const s = await staff();
    const cohortId = await makeCohort(c);
    const enrol = (fields: Record<string, string>) =>
      call(invitationsPage.action, post("/staff/invitations", { intent: "enrol", cohortId: String(cohortId), ...fields }, { cookie: s.cookie }));
    expect((await enrol({ firstName: "Самат", lastName: "Акматов" })).status).toBe(200);
    const before = snapshot(c);
    // Another spelling of the same name (case, spacing) is the same person to the CSV import too.
    const again = await enrol({ firstName: "самат ", lastName: "АКМАТОВ" });
    expect(again.status).toBe(400);
    expect(again.data).toMatchObject({ errors: { _form: "invite.duplicateInCohort" }, values: { firstName: "самат ", lastName: "АКМАТОВ" } });
    expect(snapshot(c)).toEqual(before);
    const confirmed = await enrol({ firstName: "Самат", lastName: "Акматов", confirmDuplicate: "on" });
    expect(confirmed.status).toBe(200);
    expect(await c.db.selectFrom("graduates").select("id").where("cohort_id", "=", cohortId).execute()).toHaveLength(2);
  });
});
