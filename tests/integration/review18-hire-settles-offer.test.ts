// review18 F10 (docs/decisions/061-interview-slots-and-offers.md, "Session 12"): the employer's direct
// "hired" move from "offer" left the offer open (two start dates) and a confirmed interview still to come
// standing. The hire now withdraws the open offer (the hire's own terms are the placement's) and
// cancels a future interview with its METHOD:CANCEL; the graduate's own acceptance cancels it too.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { invite, move } from "~/models/applications.server";
import { interviewForGraduate, pickSlot, proposeInterviews } from "~/models/interviews.server";
import { acceptOffer, makeOffer } from "~/models/offers.server";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCompany, makeGraduate, makeUser, makeVacancy } from "../support/factories";

/** 15 February 2027, 10:00 in Bishkek: an interview still to come. */
const AT = "2027-02-15T04:00:00.000Z";
const NOW = new Date("2027-01-10T06:00:00.000Z");

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(() => closeTestDatabases());

/** An application at "offer" with an open offer and a confirmed interview still to come. */
async function offerWithInterview() {
  const employer = await makeUser(c, "employer");
  const companyId = await makeCompany(c, employer.id, { status: "verified", name: "Ала-Тоо Софт" });
  const vacancyId = await makeVacancy(c, companyId, { title: "Junior QA" });
  const g = await makeGraduate(c, { firstName: "Айпери", lastName: "Жумабекова", account: true });
  await c.db.updateTable("graduates").set({ visibility: "employers" }).where("id", "=", g.graduateId).execute();
  const id = ((await invite(c.db, companyId, vacancyId, { id: g.graduateId }, employer.id)) as { id: number }).id;
  await c.db.updateTable("applications").set({ status: "screening" }).where("id", "=", id).execute();
  const slots = [{ start: AT, end: new Date(Date.parse(AT) + 45 * 60_000).toISOString() }];
  await proposeInterviews(c.db, companyId, [id], { slots, minutes: 45, place: "Office", reason: null }, employer.id, NOW);
  const slot = (await interviewForGraduate(c.db, g.graduateId, id, NOW))!.slots[0]!.id;
  expect(await pickSlot(c.db, g.graduateId, id, slot, g.userId!, NOW)).toEqual({ ok: true });
  const offer = await makeOffer(c.db, companyId, id, { startDate: "2027-03-01", monthlyPay: 60000, answerBy: "2027-02-20", note: null }, employer.id, NOW);
  expect(offer).toEqual({ ok: true });
  await c.db.deleteFrom("outbox").execute();
  return { employer, companyId, id, graduateId: g.graduateId, userId: g.userId! };
}

const offerStatuses = async (id: number) => (await c.db.selectFrom("offers").select("status").where("application_id", "=", id).execute()).map((r) => r.status);
const interviewStatus = async (id: number) =>
  (await c.db.selectFrom("interviews").select("status").where("application_id", "=", id).executeTakeFirstOrThrow()).status;
const graduateKinds = async (userId: number) =>
  (await c.db.selectFrom("outbox").select("kind").where("user_id", "=", userId).where("channel", "=", "email").execute()).map((r) => r.kind);

describe("review18 F10: a hire settles the offer and the interview still to come", () => {
  it("the employer's direct move offer → hired withdraws the open offer and cancels the confirmed interview with a calendar cancellation", async () => {
    const s = await offerWithInterview();
    const r = await move(
      c.db,
      s.companyId,
      s.id,
      { to: "hired", note: null, interviewAt: null, interviewPlace: null, startDate: "2027-03-15", monthlyPay: 65000, seen: "offer" },
      s.employer.id,
    );
    expect(r).toEqual({ ok: true });
    expect(await offerStatuses(s.id)).toEqual(["withdrawn"]);
    expect(await interviewStatus(s.id)).toBe("cancelled");
    const kinds = await graduateKinds(s.userId);
    expect(kinds).toContain("interview-cancelled");
    // The hire is told as the hire, not as a withdrawn offer.
    expect(kinds).not.toContain("offer-withdrawn");
  });

  it("the graduate's acceptance of the offer cancels the confirmed interview still to come", async () => {
    const s = await offerWithInterview();
    expect(await acceptOffer(c.db, s.graduateId, s.id, s.userId, NOW)).toEqual({ ok: true });
    expect(await offerStatuses(s.id)).toEqual(["accepted"]);
    expect(await interviewStatus(s.id)).toBe("cancelled");
    expect(await graduateKinds(s.userId)).toContain("interview-cancelled");
  });
});
