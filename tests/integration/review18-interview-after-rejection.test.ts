// review18 (an outsider's attack on issue 18): rejecting an application whose interview is confirmed
// leaves the interview "confirmed" and withdraws no calendar entry, so the rejected graduate's (and
// the colleagues') calendars keep an interview that will not happen (docs/product.md §15 "Interviews":
// a cancellation is METHOD:CANCEL; docs/decisions/061-interview-slots-and-offers.md). Expected to fail
// until the product is fixed; see /work/wt/_notes/REVIEW18.md F2.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { invite, move } from "~/models/applications.server";
import { bulkMove } from "~/models/bulk-actions.server";
import { interviewForGraduate, pickSlot, proposeInterviews } from "~/models/interviews.server";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCompany, makeGraduate, makeUser, makeVacancy } from "../support/factories";

/** 15 February 2027, 10:00 in Bishkek. */
const AT = "2027-02-15T04:00:00.000Z";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(() => closeTestDatabases());

/** A confirmed interview: proposed by the company, picked by the graduate. */
async function confirmedInterview() {
  const employer = await makeUser(c, "employer");
  const companyId = await makeCompany(c, employer.id, { status: "verified", name: "Ала-Тоо Софт" });
  const vacancyId = await makeVacancy(c, companyId, { title: "Junior QA" });
  const g = await makeGraduate(c, { firstName: "Айпери", lastName: "Жумабекова", account: true });
  await c.db.updateTable("graduates").set({ visibility: "employers" }).where("id", "=", g.graduateId).execute();
  const id = ((await invite(c.db, companyId, vacancyId, { id: g.graduateId }, employer.id)) as { id: number }).id;
  await c.db.updateTable("applications").set({ status: "screening" }).where("id", "=", id).execute();
  const slots = [{ start: AT, end: new Date(Date.parse(AT) + 45 * 60_000).toISOString() }];
  await proposeInterviews(c.db, companyId, [id], { slots, minutes: 45, place: "Office", reason: null }, employer.id);
  const slot = (await interviewForGraduate(c.db, g.graduateId, id))!.slots[0]!.id;
  expect(await pickSlot(c.db, g.graduateId, id, slot, g.userId!)).toEqual({ ok: true });
  expect((await interviewForGraduate(c.db, g.graduateId, id))!.status).toBe("confirmed");
  await c.db.deleteFrom("outbox").execute();
  return { employer, companyId, id, graduateId: g.graduateId, userId: g.userId! };
}

const graduateKinds = async (userId: number) =>
  (await c.db.selectFrom("outbox").select("kind").where("user_id", "=", userId).where("channel", "=", "email").execute()).map((r) => r.kind);

describe("review18: a rejection withdraws a confirmed interview", () => {
  it("a single move to rejected: the interview is no longer confirmed and the graduate's calendar entry is cancelled", async () => {
    const s = await confirmedInterview();
    const r = await move(
      c.db,
      s.companyId,
      s.id,
      { to: "rejected", note: null, interviewAt: null, interviewPlace: null, startDate: null, monthlyPay: null, seen: "interview" },
      s.employer.id,
    );
    expect(r).toMatchObject({ ok: true });
    expect((await interviewForGraduate(c.db, s.graduateId, s.id))!.status).not.toBe("confirmed");
    expect(await graduateKinds(s.userId)).toContain("interview-cancelled");
  });

  it("a bulk reject: the same", async () => {
    const s = await confirmedInterview();
    const tpl = { ky: "Рахмат", ru: "Спасибо", en: "Thank you" };
    const templateId = Number(
      (
        await c.db
          .insertInto("rejection_templates")
          .values({
            company_id: s.companyId,
            text_ky: tpl.ky,
            text_ru: tpl.ru,
            text_en: tpl.en,
            created_at: new Date().toISOString(),
            updated_at: new Date().toISOString(),
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
    );
    const r = await bulkMove(c.db, s.companyId, { to: "rejected", applicationIds: [s.id], templateId, seen: { [s.id]: "interview" } }, s.employer.id);
    expect(r).toMatchObject({ ok: true });
    expect((await interviewForGraduate(c.db, s.graduateId, s.id))!.status).not.toBe("confirmed");
    expect(await graduateKinds(s.userId)).toContain("interview-cancelled");
  });
});
