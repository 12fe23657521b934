// docs/product.md §6 as-of rule: a record at a checkpoint describes the graduate on that checkpoint's date. A hire
// whose job starts after a checkpoint fills only a later checkpoint and never replaces a recorded past
// one, so published figures and time to first job of earlier checkpoints do not move.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { CHECKPOINTS, type Checkpoint, type OutcomeCode } from "~/domain/outcomes/codes";
import { checkpointDate, computeIndicators } from "~/domain/outcomes/indicators";
import { move } from "~/models/applications.server";
import { enrolGraduate } from "~/models/invitations.server";
import { dashboardFacts } from "~/models/outcome-dashboard.server";
import { createSurveyLink, recordOutcomeByStaff } from "~/models/outcomes.server";
import * as graduateOutcomes from "~/routes/staff.outcomes.graduates.$id";
import * as survey from "~/routes/survey.$token";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeCohort, makeCompany, makeUser, makeVacancy, sessionCookieFor } from "../support/factories";
import { call, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

const NO_MOVE = { note: null, interviewAt: null, interviewPlace: null, startDate: null, monthlyPay: null };

async function hire(graduateId: number, companyId: number, actorId: number, startDate: string) {
  const region = await c.db.selectFrom("regions").select("id").where("code", "=", "bishkek").executeTakeFirstOrThrow();
  const vacancyId = await makeVacancy(c, companyId, { description: "<p>Code</p>", workMode: "onsite", region: String(region.id) });
  const { id } = await c.db
    .insertInto("applications")
    .values({ vacancy_id: vacancyId, graduate_id: graduateId, status: "offer" })
    .returning("id")
    .executeTakeFirstOrThrow();
  expect(await move(c.db, companyId, id, { ...NO_MOVE, to: "hired", startDate, monthlyPay: 50000 }, actorId)).toEqual({ ok: true });
}

const seeking = (graduateId: number, checkpoint: Checkpoint, asOf: string, staffId: number) =>
  recordOutcomeByStaff(c.db, {
    graduateId,
    checkpoint,
    code: "seeking",
    asOf,
    recordedBy: staffId,
    employment: null,
    notSeekingReason: null,
    excludedReason: null,
  });

describe("a later hire never rewrites an earlier checkpoint", () => {
  it("a 2024 graduate hired to start 10 Jan 2027 keeps the +12 months survey record; the hire fills +36 months", async () => {
    const staff = await makeUser(c, "staff");
    const cohortId = await makeCohort(c, "2024-06-30");
    const { graduateId } = await enrolGraduate(c.db, { cohortId, firstName: "Айпери", lastName: "Жумабекова" }, staff.id);
    const m12 = await seeking(graduateId, "m12", "2025-06-30", staff.id);
    expect(m12.ok).toBe(true);
    const employer = await makeUser(c, "employer");
    const companyId = await makeCompany(c, employer.id);
    await hire(graduateId, companyId, employer.id, "2027-01-10");

    const current = await c.db
      .selectFrom("outcomes")
      .select(["checkpoint", "code", "as_of", "source"])
      .where("graduate_id", "=", graduateId)
      .where("current", "=", 1)
      .orderBy("checkpoint")
      .execute();
    expect(current).toEqual([
      { checkpoint: "m12", code: "seeking", as_of: "2025-06-30", source: "staff" },
      { checkpoint: "m36", code: "employed", as_of: "2027-01-10", source: "application" },
    ]);
  });

  it("a job starting the day after a checkpoint fills the next one; one starting on the checkpoint's date fills that one", async () => {
    const staff = await makeUser(c, "staff");
    const cohortId = await makeCohort(c, "2025-08-31");
    const a = (await enrolGraduate(c.db, { cohortId, firstName: "Бакыт", lastName: "Асанов" }, staff.id)).graduateId;
    const b = (await enrolGraduate(c.db, { cohortId, firstName: "Нурай", lastName: "Токтосунова" }, staff.id)).graduateId;
    const employer = await makeUser(c, "employer");
    const companyId = await makeCompany(c, employer.id);
    // +6 months of 2025-08-31 is 2026-02-28.
    await hire(a, companyId, employer.id, "2026-03-01");
    await hire(b, companyId, employer.id, "2026-02-28");
    const rows = await c.db.selectFrom("outcomes").select(["graduate_id", "checkpoint"]).where("current", "=", 1).orderBy("graduate_id").execute();
    expect(rows).toEqual([
      { graduate_id: a, checkpoint: "m12" },
      { graduate_id: b, checkpoint: "m6" },
    ]);
  });

  it("the facts of the graduation checkpoint hold every graduate, one each (no checkpoint is read as a single aggregate row)", async () => {
    const staff = await makeUser(c, "staff");
    for (const graduation of ["2022-06-30", "2023-08-31"]) {
      const cohortId = await makeCohort(c, graduation);
      for (let i = 0; i < 3; i++) await enrolGraduate(c.db, { cohortId, firstName: "Г", lastName: `${graduation}-${i}` }, staff.id);
    }
    for (const checkpoint of CHECKPOINTS)
      expect(
        dashboardFacts(c, checkpoint, [], "2031-01-01")
          .facts.map((f) => f.graduateId)
          .sort((a, b) => a - b),
        checkpoint,
      ).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("property: recording a hire never changes any indicator (time to first job included) of a checkpoint before its start", async () => {
    let seed = 20261206;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const staff = await makeUser(c, "staff");
    const employer = await makeUser(c, "employer");
    const companyId = await makeCompany(c, employer.id);
    const graduations = ["2022-06-30", "2023-08-31", "2024-06-30"];
    const graduates: { id: number; graduation: string }[] = [];
    for (const graduation of graduations) {
      const cohortId = await makeCohort(c, graduation);
      for (let i = 0; i < 8; i++)
        graduates.push({ id: (await enrolGraduate(c.db, { cohortId, firstName: "Г", lastName: `${graduation}-${i}` }, staff.id)).graduateId, graduation });
    }
    // Random earlier records at every checkpoint, some employed with a start date.
    const codes: OutcomeCode[] = ["seeking", "education", "not_seeking", "unknown", "employed", "military"];
    for (const g of graduates) {
      for (const checkpoint of CHECKPOINTS) {
        if (random() < 0.3) continue;
        const code = pick(codes);
        const at = checkpointDate(g.graduation, checkpoint);
        await recordOutcomeByStaff(c.db, {
          graduateId: g.id,
          checkpoint,
          code,
          asOf: at,
          recordedBy: staff.id,
          notSeekingReason: null,
          excludedReason: null,
          employment:
            code === "employed"
              ? {
                  kind: "employee",
                  hours: 40,
                  companyId: null,
                  employerName: "Bishkek Soft",
                  jobTitle: "Dev",
                  startDate: at,
                  monthlyPay: 30000,
                  related: "yes",
                  regionId: null,
                }
              : null,
        });
      }
    }
    const FAR = "2031-01-01";
    const indicatorsAt = (checkpoint: Checkpoint) => JSON.stringify(computeIndicators(dashboardFacts(c, checkpoint, [], FAR).facts, { checkpoint }));
    for (let round = 0; round < 25; round++) {
      const g = pick(graduates);
      // A start date anywhere from before graduation to past +36 months.
      const offsetDays = Math.floor(random() * 1300) - 60;
      const start = new Date(Date.parse(`${g.graduation}T00:00:00Z`) + offsetDays * 86_400_000).toISOString().slice(0, 10);
      const earlier = CHECKPOINTS.filter((k) => checkpointDate(g.graduation, k) < start);
      const before = new Map(earlier.map((k) => [k, indicatorsAt(k)]));
      const recordsBefore = await c.db.selectFrom("outcomes").select(["id", "checkpoint"]).where("graduate_id", "=", g.id).where("current", "=", 1).execute();
      await hire(g.id, companyId, employer.id, start);
      for (const k of earlier) expect(indicatorsAt(k), `round ${round}: start ${start}, checkpoint ${k}`).toBe(before.get(k));
      const recordsAfter = await c.db.selectFrom("outcomes").select(["id", "checkpoint"]).where("graduate_id", "=", g.id).where("current", "=", 1).execute();
      for (const k of earlier) expect(recordsAfter.find((r) => r.checkpoint === k)).toEqual(recordsBefore.find((r) => r.checkpoint === k));
      await c.db.updateTable("applications").set({ status: "withdrawn" }).where("graduate_id", "=", g.id).where("status", "=", "hired").execute();
    }
  });

  it("staff cannot record a job at a checkpoint before it started: 400 on the start date, nothing written", async () => {
    const staff = await makeUser(c, "staff");
    const cookie = await sessionCookieFor(staff.id);
    const { graduateId } = await enrolGraduate(c.db, { cohortId: await makeCohort(c, "2025-08-31"), firstName: "Бакыт", lastName: "Асанов" }, staff.id);
    const before = snapshot(c);
    // +6 months is 2026-02-28; a job from 2026-03-02 did not exist on that date.
    const res = await call(
      graduateOutcomes.action,
      post(
        `/staff/outcomes/graduates/${graduateId}`,
        {
          intent: "record",
          checkpoint: "m6",
          code: "employed",
          asOf: "2026-04-01",
          kind: "employee",
          hours: "40",
          companyId: "",
          employerName: "Bishkek Soft",
          jobTitle: "Dev",
          startDate: "2026-03-02",
          monthlyPay: "",
          related: "yes",
          regionId: "",
        },
        { cookie },
      ),
      { id: String(graduateId) },
    );
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ errors: { startDate: "outcomes.errors.startAfterCheckpoint" }, values: { startDate: "2026-03-02" } });
    expect(snapshot(c)).toEqual(before);
  });

  it("a late survey answer about a job begun after the link's checkpoint fills the checkpoint the job belongs to, not the past one", async () => {
    const staff = await makeUser(c, "staff");
    const { graduateId } = await enrolGraduate(c.db, { cohortId: await makeCohort(c, "2025-08-31"), firstName: "Нурай", lastName: "Токтосунова" }, staff.id);
    const { token } = await createSurveyLink(c.db, graduateId, "m6", staff.id);
    const res = await call(
      survey.action,
      post(`/survey/${token}`, {
        code: "employed",
        employerName: "Bishkek Soft",
        jobTitle: "Dev",
        startDate: "2026-03-02",
        hours: "40",
        monthlyPay: "",
        related: "yes",
      }),
      { token },
    );
    expect(res.status).toBe(302);
    const rows = await c.db.selectFrom("outcomes").select(["checkpoint", "code", "source"]).where("graduate_id", "=", graduateId).execute();
    expect(rows).toEqual([{ checkpoint: "m12", code: "employed", source: "survey" }]);
  });
});
