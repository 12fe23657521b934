// The interview and offer forms as the routes answer them (docs/product.md §15, docs/decisions/061-interview-slots-and-offers.md),
// called in process on a real SQLite file: bad input is a 4xx with the message beside its field and
// the typed values kept, nothing written; a slot picked after the interview changed is a 409; an
// offer past its answer-by day a 410; another company's application a 404; success goes back to the
// application page. (Who may call each route at all: tests/integration/authorization-matrix.test.ts.)
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import * as propose from "~/routes/_employer.employer.interviews.new";
import * as employerInterview from "~/routes/_employer.employer.applications.$id_.interview";
import * as employerOffer from "~/routes/_employer.employer.applications.$id_.offer";
import * as myInterview from "~/routes/me.applications.$id_.interview";
import * as myOffer from "~/routes/me.applications.$id_.offer";
import { todayInBishkek } from "~/domain/calendar";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeApplication, makeCompany, makeGraduate, makeUser, makeVacancy, sessionCookieFor } from "../support/factories";
import { call, get, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(() => closeTestDatabases());

/** Bishkek wall clock `days` ahead at `hour`:00, as a datetime-local field holds it. */
function slotIn(days: number, hour = 10): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${todayInBishkek(d)}T${String(hour).padStart(2, "0")}:00`;
}

async function scene() {
  const employer = await makeUser(c, "employer");
  const companyId = await makeCompany(c, employer.id, { status: "verified", name: "Ала-Тоо Софт" });
  const vacancyId = await makeVacancy(c, companyId, { title: "Junior QA" });
  const g = await makeGraduate(c, { account: true });
  const applicationId = await makeApplication(c, vacancyId, g.graduateId, { status: "screening" });
  const other = await makeUser(c, "employer");
  await makeCompany(c, other.id, { status: "verified", name: "Другая" });
  return {
    applicationId,
    employer: await sessionCookieFor(employer.id),
    otherEmployer: await sessionCookieFor(other.id),
    graduate: await sessionCookieFor(g.userId!),
  };
}

const proposeAt = (s: Awaited<ReturnType<typeof scene>>, fields: Record<string, string>, cookie = s.employer) =>
  call(propose.action, post(`/employer/interviews/new?application=${s.applicationId}`, fields, { cookie }));

describe("the slot form", () => {
  it.each([
    ["a slot in the past", { slot1: "2020-01-10T10:00", minutes: "60", place: "Офис" }, "slot1", "interviews.errors.past"],
    ["two overlapping slots", { slot1: slotIn(10, 10), slot2: slotIn(10, 10), minutes: "60", place: "Офис" }, "slot2", "interviews.errors.overlap"],
    ["a length out of range", { slot1: slotIn(10), minutes: "600", place: "Офис" }, "minutes", "interviews.errors.minutes"],
    ["no slot at all", { minutes: "60", place: "Офис" }, "slot1", "errors.required"],
    ["no place", { slot1: slotIn(10), minutes: "60", place: " " }, "place", "errors.required"],
    [
      "a fourth slot",
      { slot1: slotIn(10, 9), slot2: slotIn(10, 11), slot3: slotIn(10, 13), slot4: slotIn(10, 15), minutes: "60", place: "Офис" },
      "_form",
      "interviews.errors.tooMany",
    ],
  ])("%s: 400 beside the field, the typed values kept, nothing written", async (_title, fields, field, key) => {
    const s = await scene();
    const before = snapshot(c);
    const o = await proposeAt(s, fields as Record<string, string>);
    expect(o.status).toBe(400);
    const data = o.data as { errors: Record<string, string>; values: Record<string, string> };
    expect(data.errors[field]).toBe(key);
    expect(data.values.place).toBe((fields as Record<string, string>).place);
    expect(snapshot(c)).toEqual(before);
  });

  it("valid slots go back to the application page; the page lists the application, another company's member sees nothing of it and gets 404 posting", async () => {
    const s = await scene();
    const page = await call(propose.loader, get(`/employer/interviews/new?application=${s.applicationId}`, { cookie: s.employer }));
    expect((page.data as { applications: { id: number }[] }).applications.map((a) => a.id)).toEqual([s.applicationId]);
    const theirs = await call(propose.loader, get(`/employer/interviews/new?application=${s.applicationId}`, { cookie: s.otherEmployer }));
    expect((theirs.data as { applications: unknown[] }).applications).toEqual([]);
    const before = snapshot(c);
    expect((await proposeAt(s, { slot1: slotIn(10), minutes: "60", place: "Офис" }, s.otherEmployer)).status).toBe(404);
    expect(snapshot(c)).toEqual(before);
    const o = await proposeAt(s, { slot1: slotIn(10), slot2: slotIn(11), minutes: "45", place: "https://meet.example.kg/qa" });
    expect([o.status, o.location]).toEqual([302, `/employer/applications/${s.applicationId}`]);
  });

  it("moving a confirmed interview without a reason: 400 beside the reason", async () => {
    const s = await scene();
    await proposeAt(s, { slot1: slotIn(10), minutes: "60", place: "Офис" });
    const view = await call(myInterview.loader, get(`/me/applications/${s.applicationId}/interview`, { cookie: s.graduate }), { id: String(s.applicationId) });
    const slot = (view.data as { interview: { slots: { id: number }[] } }).interview.slots[0]!.id;
    const picked = await call(
      myInterview.action,
      post(`/me/applications/${s.applicationId}/interview`, { intent: "pick", slot: String(slot) }, { cookie: s.graduate }),
      {
        id: String(s.applicationId),
      },
    );
    expect([picked.status, picked.location]).toEqual([302, `/me/applications/${s.applicationId}`]);
    const before = snapshot(c);
    const o = await proposeAt(s, { slot1: slotIn(12), minutes: "60", place: "Офис" });
    expect([o.status, (o.data as { errors: Record<string, string> }).errors.reason]).toEqual([400, "interviews.errors.reason"]);
    expect(snapshot(c)).toEqual(before);
    // A second pick of the now confirmed interview: 409, nothing written.
    const again = await call(
      myInterview.action,
      post(`/me/applications/${s.applicationId}/interview`, { intent: "pick", slot: String(slot) }, { cookie: s.graduate }),
      {
        id: String(s.applicationId),
      },
    );
    expect([again.status, (again.data as { errors: Record<string, string> }).errors.slot]).toEqual([409, "interviews.errors.changed"]);
    expect(snapshot(c)).toEqual(before);
  });
});

describe("the graduate's and the employer's steps", () => {
  it("ask for another time needs a message; cancel needs a reason; the outcome waits for the time to pass", async () => {
    const s = await scene();
    await proposeAt(s, { slot1: slotIn(10), minutes: "60", place: "Офис" });
    const params = { id: String(s.applicationId) };
    const before = snapshot(c);
    const noMessage = await call(
      myInterview.action,
      post(`/me/applications/${s.applicationId}/interview`, { intent: "another-time", message: "" }, { cookie: s.graduate }),
      params,
    );
    expect([noMessage.status, (noMessage.data as { errors: Record<string, string> }).errors.message]).toEqual([400, "errors.required"]);
    const noReason = await call(
      employerInterview.action,
      post(`/employer/applications/${s.applicationId}/interview`, { intent: "cancel", reason: "" }, { cookie: s.employer }),
      params,
    );
    expect([noReason.status, (noReason.data as { errors: Record<string, string> }).errors.reason]).toEqual([400, "errors.required"]);
    const early = await call(
      employerInterview.action,
      post(`/employer/applications/${s.applicationId}/interview`, { intent: "outcome", outcome: "passed" }, { cookie: s.employer }),
      params,
    );
    expect(early.status).toBe(409); // nothing confirmed yet
    const foreign = await call(
      employerInterview.action,
      post(`/employer/applications/${s.applicationId}/interview`, { intent: "cancel", reason: "x" }, { cookie: s.otherEmployer }),
      params,
    );
    expect(foreign.status).toBe(404);
    expect(snapshot(c)).toEqual(before);
    const asked = await call(
      myInterview.action,
      post(`/me/applications/${s.applicationId}/interview`, { intent: "another-time", message: "После 16:00" }, { cookie: s.graduate }),
      params,
    );
    expect([asked.status, asked.location]).toEqual([302, `/me/applications/${s.applicationId}`]);
  });

  it("an offer's answer-by day before today is refused beside the field; past it the graduate's accept is a 410, and the page still shows the terms", async () => {
    const s = await scene();
    const params = { id: String(s.applicationId) };
    await proposeAt(s, { slot1: slotIn(10), minutes: "60", place: "Офис" });
    const before = snapshot(c);
    const past = await call(
      employerOffer.action,
      post(
        `/employer/applications/${s.applicationId}/offer`,
        { intent: "make", startDate: "2027-03-01", answerBy: "2020-01-01", monthlyPay: "" },
        { cookie: s.employer },
      ),
      params,
    );
    expect([past.status, (past.data as { errors: Record<string, string> }).errors.answerBy]).toEqual([400, "offers.errors.answerByPast"]);
    expect((past.data as { values: Record<string, string> }).values.startDate).toBe("2027-03-01");
    expect(snapshot(c)).toEqual(before);
    const today = todayInBishkek();
    const made = await call(
      employerOffer.action,
      post(
        `/employer/applications/${s.applicationId}/offer`,
        { intent: "make", startDate: "2027-03-01", answerBy: today, monthlyPay: "40000" },
        { cookie: s.employer },
      ),
      params,
    );
    expect([made.status, made.location]).toEqual([302, `/employer/applications/${s.applicationId}`]);
    // The answer-by day ends: the offer row says so as the clock would (c.f. offers' own test for the exact midnight).
    await c.db.updateTable("offers").set({ answer_by: "2020-01-01" }).execute();
    const late = snapshot(c);
    const accept = await call(myOffer.action, post(`/me/applications/${s.applicationId}/offer`, { intent: "accept" }, { cookie: s.graduate }), params);
    expect([accept.status, (accept.data as { errors: Record<string, string> }).errors._form]).toEqual([410, "offers.errors.expired"]);
    expect(snapshot(c)).toEqual(late);
    const page = await call(employerOffer.loader, get(`/employer/applications/${s.applicationId}/offer`, { cookie: s.employer }), params);
    expect((page.data as { offer: { expired: boolean } }).offer.expired).toBe(true);
  });

  it("the graduate accepts an open offer: back to the application, which is hired", async () => {
    const s = await scene();
    const params = { id: String(s.applicationId) };
    await proposeAt(s, { slot1: slotIn(10), minutes: "60", place: "Офис" });
    await call(
      employerOffer.action,
      post(
        `/employer/applications/${s.applicationId}/offer`,
        { intent: "make", startDate: "2027-03-01", answerBy: todayInBishkek(Date.now() + 7 * 86_400_000) },
        { cookie: s.employer },
      ),
      params,
    );
    const accept = await call(myOffer.action, post(`/me/applications/${s.applicationId}/offer`, { intent: "accept" }, { cookie: s.graduate }), params);
    expect([accept.status, accept.location]).toEqual([302, `/me/applications/${s.applicationId}`]);
    const app = await c.db.selectFrom("applications").select("status").where("id", "=", s.applicationId).executeTakeFirstOrThrow();
    expect(app.status).toBe("hired");
  });
});
