// Issue 14, item 5: the moderation queue shows each vacancy's deadline; a vacancy past its
// deadline is approved only with a new one (never published and closed at once); a vacancy of
// an unverified company is offered no "Approve"; an approval is confirmed where it happened.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { todayInBishkek } from "~/domain/calendar";
import { addDays } from "~/domain/outcomes/checkpoint-dates";
import { closeExpiredVacancies, saveVacancy, submitVacancy } from "~/models/vacancies.server";
import * as moderation from "~/routes/staff.vacancies._index";
import * as vacancyPage from "~/routes/vacancies.$id";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeCompany, makeUser, sessionCookieFor } from "../support/factories";
import { call, get, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

const inDays = (n: number) => addDays(todayInBishkek(), n);

async function submitted(status: "pending" | "verified", deadline: string | null, title = "Junior QA") {
  const owner = await makeUser(c, "employer");
  const companyId = await makeCompany(c, owner.id, status);
  const saved = await saveVacancy(
    c.db,
    companyId,
    null,
    {
      title,
      description: "Text",
      employmentType: "full_time",
      workMode: "onsite",
      city: null,
      regionId: null,
      salaryMin: null,
      salaryMax: null,
      salaryHidden: false,
      openings: 1,
      deadline,
      languages: [],
      skills: [],
    },
    owner.id,
  );
  if (!saved.ok) throw new Error("not saved");
  // Saved with a future deadline, then the days pass while it waits in the queue.
  await submitVacancy(c.db, companyId, saved.id);
  return saved.id;
}

type QueueItem = { id: number; deadline: string | null; deadlinePassed: boolean; canApprove: boolean };

describe("the moderation queue", () => {
  it("shows deadlines, marks the passed ones, and offers Approve only for verified companies", async () => {
    const staff = await makeUser(c, "staff");
    const cookie = await sessionCookieFor(staff.id);
    const future = await submitted("verified", inDays(20), "Future");
    const past = await submitted("verified", inDays(20), "Past");
    await c.db
      .updateTable("vacancies")
      .set({ deadline: inDays(-3) })
      .where("id", "=", past)
      .execute();
    const pending = await submitted("pending", inDays(20), "Pending company");
    const page = await call(moderation.loader, get("/staff/vacancies", { cookie }));
    const queue = (page.data as { queue: QueueItem[] }).queue;
    const byId = (id: number) => queue.find((q) => q.id === id)!;
    expect(byId(future)).toMatchObject({ deadline: inDays(20), deadlinePassed: false, canApprove: true });
    expect(byId(past)).toMatchObject({ deadline: inDays(-3), deadlinePassed: true, canApprove: true });
    expect(byId(pending)).toMatchObject({ canApprove: false });
  });

  it("refuses to publish a vacancy past its deadline without a new one; with one it stays open", async () => {
    const staff = await makeUser(c, "staff");
    const cookie = await sessionCookieFor(staff.id);
    const past = await submitted("verified", inDays(20));
    await c.db
      .updateTable("vacancies")
      .set({ deadline: inDays(-3) })
      .where("id", "=", past)
      .execute();
    const approve = (fields: Record<string, string>) =>
      call(moderation.action, post("/staff/vacancies", { intent: "approve", vacancyId: String(past), ...fields }, { cookie }));
    const before = snapshot(c);
    const refused = await approve({});
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({ errors: { deadline: "moderation.deadlinePassed" }, values: { vacancyId: String(past) } });
    const early = await approve({ deadline: inDays(-1) });
    expect(early.status).toBe(400);
    expect(early.data).toMatchObject({ errors: { deadline: "moderation.deadlineTooEarly" } });
    const badFormat = await approve({ deadline: "31.12.2030" });
    expect(badFormat.status).toBe(400);
    expect(badFormat.data).toMatchObject({ errors: { deadline: "errors.date" } });
    expect(snapshot(c)).toEqual(before);

    const ok = await approve({ deadline: inDays(14) });
    expect(ok.status).toBe(200);
    expect(ok.data).toMatchObject({ ok: true, done: { id: past, kind: "approved" } });
    await closeExpiredVacancies(c.db);
    const row = await c.db.selectFrom("vacancies").select(["status", "deadline"]).where("id", "=", past).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "open", deadline: inDays(14) });
    expect((await call(vacancyPage.loader, get(`/vacancies/${past}`), { id: String(past) })).status).toBe(200);
  });

  it("confirms an approval in place: the answer names the vacancy and the one that followed it", async () => {
    const staff = await makeUser(c, "staff");
    const cookie = await sessionCookieFor(staff.id);
    const first = await submitted("verified", inDays(20), "First");
    const second = await submitted("verified", inDays(20), "Second");
    const third = await submitted("verified", null, "Third");
    const ok = await call(moderation.action, post("/staff/vacancies", { intent: "approve", vacancyId: String(second) }, { cookie }));
    expect(ok.status).toBe(200);
    expect(ok.data).toMatchObject({ ok: true, done: { id: second, title: "Second", kind: "approved", nextId: third } });
    const last = await call(moderation.action, post("/staff/vacancies", { intent: "approve", vacancyId: String(third) }, { cookie }));
    expect(last.data).toMatchObject({ done: { id: third, nextId: null } });
    expect(first).toBeGreaterThan(0);
  });
});
