// Two colleagues moving the same application (issue 18, "Bad input"; docs/decisions/059-bulk-decisions-and-undo.md):
// the form carries the stage its reader saw, so the second move is a 409 naming the stage it is at now,
// never a move from a stage its author did not see.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Connection, openDatabase } from "@db/connection";
import * as employerApplication from "~/routes/_employer.employer.applications.$id";
import { move } from "~/models/applications.server";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { addCompanyMember, makeApplication, makeCompany, makeGraduate, makeUser, makeVacancy, sessionCookieFor } from "../support/factories";
import { call, post } from "../support/remix";

let c: Connection;
let second: Connection | null = null;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(() => {
  second?.sqlite.close();
  second = null;
  closeTestDatabases();
});

async function world() {
  const a = await makeUser(c, "employer");
  const companyId = await makeCompany(c, a.id);
  const b = await makeUser(c, "employer");
  await addCompanyMember(c, companyId, b.id);
  const v = await makeVacancy(c, companyId);
  const { graduateId } = await makeGraduate(c, { account: true });
  const app = await makeApplication(c, v, graduateId, { status: "screening" });
  return { a, b, companyId, app };
}

const moveForm = (id: number, cookie: string, fields: Record<string, string>) =>
  call(employerApplication.action, post(`/employer/applications/${id}`, { intent: "move", ...fields }, { cookie }), { id: String(id) });

describe("two colleagues moving one application", () => {
  it("the second move, made from the stage it saw, is a 409 naming the current stage, and writes nothing", async () => {
    const w = await world();
    // Colleague A, on another connection (another request), moves it to the interview first.
    second = openDatabase(c.sqlite.name);
    const first = await move(
      second.db,
      w.companyId,
      w.app,
      { to: "interview", note: null, interviewAt: null, interviewPlace: null, startDate: null, monthlyPay: null, seen: "screening" },
      w.a.id,
    );
    expect(first).toEqual({ ok: true });
    const cookieB = await sessionCookieFor(w.b.id);
    const before = snapshot(c);
    // Colleague B still sees "screening" and rejects: rejecting is allowed from "interview" too, so
    // without the seen stage this would have rejected a candidate B never saw invited.
    const res = await moveForm(w.app, cookieB, { to: "rejected", seen: "screening", note: "Не подходит" });
    expect(res.status).toBe(409);
    expect(res.data).toMatchObject({ ok: false, errors: { to: "applicants.conflict.interview" }, values: { note: "Не подходит" } });
    expect(snapshot(c)).toEqual(before);
    // Seeing the new stage, B can decide again.
    const again = await moveForm(w.app, cookieB, { to: "rejected", seen: "interview" });
    expect(again.status).toBe(302);
    expect((await c.db.selectFrom("applications").select("status").where("id", "=", w.app).executeTakeFirstOrThrow()).status).toBe("rejected");
  });

  it("two colleagues posting at once from the same stage: one move is made, the other is a 409 (no lost update)", async () => {
    const w = await world();
    const [ca, cb] = [await sessionCookieFor(w.a.id), await sessionCookieFor(w.b.id)];
    const answers = await Promise.all([
      moveForm(w.app, ca, { to: "interview", seen: "screening", interviewAt: "2030-05-06T10:00", interviewPlace: "Офис" }),
      moveForm(w.app, cb, { to: "rejected", seen: "screening" }),
    ]);
    expect(answers.map((x) => x.status).sort()).toEqual([302, 409]);
    const events = await c.db
      .selectFrom("application_events")
      .select("to_status")
      .where("application_id", "=", w.app)
      .where("from_status", "=", "screening")
      .execute();
    expect(events).toHaveLength(1);
    const { status } = await c.db.selectFrom("applications").select("status").where("id", "=", w.app).executeTakeFirstOrThrow();
    expect(status).toBe(events[0]!.to_status);
  });
});
