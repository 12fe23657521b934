// Data retention (issue 19 item 5; docs/decisions/067-data-retention.md): the admin's periods and the
// daily removal, on a real SQLite file with a fixed clock. Per kind: kept before its period, removed
// after (the boundary is the start of the Bishkek day N months back); the outcome figures (dashboard
// and public page) are the same after a run; the audit log gets counts, not contents; the jobs run once
// per Bishkek day, batch by batch, and a run that fails mid-way resumes. The admin form refuses bad
// periods with 400, values kept, nothing written.
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { smallPdf } from "@db/seed/talk18";
import { dashboardQueryFrom } from "~/domain/outcomes/dashboard";
import { retentionCutoff } from "~/domain/retention";
import { outcomeDashboard, publicOutcomes } from "~/models/outcome-dashboard.server";
import { conversationFor } from "~/models/conversations.server";
import { messageRetention, RETENTION_JOBS, retentionSettings, saveRetentionSettings } from "~/models/retention.server";
import * as retentionRoute from "~/routes/admin.settings_.retention";
import * as settingsRoute from "~/routes/admin.settings";
import * as myData from "~/routes/me.data";
import { scheduledJobs } from "~/server/scheduled-jobs";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeApplication, makeCohort, makeCompany, makeGraduate, makeUser, makeVacancy, sessionCookieFor } from "../support/factories";
import { call, get, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(() => closeTestDatabases());

/** The run: 10 March 2027, 10:00 in Bishkek. Kept 6 months, what was written before 10 September 2026 (Bishkek) goes. */
const RUN = new Date("2027-03-10T04:00:00.000Z");
const CUTOFF = "2026-09-09T18:00:00.000Z";
const OLD = "2026-09-09T17:59:59.999Z"; // 23:59 on 9 September in Bishkek: past the period
const NEW = CUTOFF; // 00:00 on 10 September in Bishkek: still within it

const runner = (at: () => Date = () => RUN, batch?: number) =>
  scheduledJobs(c.db, { hour: 8, now: at, jobs: RETENTION_JOBS, log: () => undefined, ...(batch ? { batch } : {}) });

const count = async (table: "conversation_messages" | "conversation_attachments" | "applications") =>
  Number(
    (
      await c.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

const removalAudit = () =>
  c.db
    .selectFrom("audit_log")
    .select(["actor_user_id", "entity", "after_json"])
    .where("action", "=", "retention.removed")
    .orderBy("id")
    .execute()
    .then((rows) => rows.map((r) => ({ actor: r.actor_user_id, entity: r.entity, after: JSON.parse(r.after_json!) as unknown })));

async function company() {
  const owner = await makeUser(c, "employer", { name: "Азамат Бекмуратов" });
  const companyId = await makeCompany(c, owner.id, { status: "verified", name: "Ала-Тоо Софт" });
  const vacancyId = await makeVacancy(c, companyId, { title: "Junior frontend" });
  return { owner, companyId, vacancyId };
}

async function setPeriods(surveyText: number | null, messages: number | null, rejected: number | null) {
  const admin = await makeUser(c, "admin");
  await saveRetentionSettings(c.db, { surveyText, messages, rejected }, admin.id);
  return admin;
}

describe("the cut-off", () => {
  it("is the start of the Bishkek day N calendar months back, the same for every instant of the run's day", () => {
    expect(retentionCutoff(RUN, 6)).toBe(CUTOFF);
    expect(retentionCutoff(new Date("2027-03-09T18:00:00.000Z"), 6)).toBe(CUTOFF); // 00:00 on 10 March in Bishkek
    expect(retentionCutoff(new Date("2027-03-10T17:59:59.000Z"), 6)).toBe(CUTOFF);
    // 31 August minus 6 months clamps to the end of February.
    expect(retentionCutoff(new Date("2027-08-31T06:00:00.000Z"), 6)).toBe("2027-02-27T18:00:00.000Z");
  });
});

describe("survey answers' typed job title", () => {
  it("goes after its period while every figure of the answers stays: the dashboard and the public page read the same; staff records keep theirs", async () => {
    const cohortId = await makeCohort(c, "2025-06-30");
    const { companyId } = await company();
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) {
      const g = await makeGraduate(c, { cohortId, sex: i % 2 ? "f" : "m" });
      const at = i < 6 ? OLD : NEW;
      const employed = i % 3 !== 2;
      const { id } = await c.db
        .insertInto("outcomes")
        .values({
          graduate_id: g.graduateId,
          checkpoint: "m6",
          code: employed ? "employed" : "seeking",
          as_of: "2026-01-10",
          source: i === 0 ? "staff" : "survey",
          employment_kind: employed ? "employee" : null,
          hours_per_week: employed ? 40 : null,
          company_id: employed && i % 2 ? companyId : null,
          company_htp_resident: employed && i % 2 ? 1 : null,
          employer_name: employed ? (i % 2 ? "Ала-Тоо Софт" : "Дядин магазин") : null,
          job_title: employed ? `Тестировщик ${i}` : null,
          start_date: employed ? "2025-12-01" : null,
          monthly_pay: employed ? 30_000 + i * 1000 : null,
          related: employed ? (i % 2 ? "yes" : "no") : null,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.push(id);
    }
    const figures = async () => {
      const out: unknown[] = [];
      for (const by of ["total", "employer", "school", "sex"] as const)
        out.push(await outcomeDashboard(c, dashboardQueryFrom(new URL(`http://x/staff/outcomes?checkpoint=m6&by=${by}`)), "2026-12-01"));
      out.push(await publicOutcomes(c, "m6", "2026-12-01"));
      return JSON.stringify(out);
    };
    const before = await figures();
    expect(before).toContain("Дядин магазин");
    await setPeriods(6, null, null);

    // A day before the period has passed for the oldest answers: nothing goes.
    expect(await runner(() => new Date("2027-03-09T04:00:00.000Z")).runDue()).toEqual({
      "retention-survey-text": 0,
      "retention-messages": 0,
      "retention-rejected": 0,
    });
    expect((await c.db.selectFrom("outcomes").select("job_title").where("job_title", "is not", null).execute()).length).toBe(8);

    expect(await runner().runDue()).toMatchObject({ "retention-survey-text": 3 });
    const rows = await c.db.selectFrom("outcomes").select(["id", "job_title", "employer_name", "monthly_pay", "code"]).orderBy("id").execute();
    // Old survey answers (1, 3, 4) lost their title; the staff record (0) and the newer answers kept theirs; employers and pay stay.
    expect(rows.map((r) => r.job_title)).toEqual([
      "Тестировщик 0",
      null,
      null,
      null,
      null,
      null,
      "Тестировщик 6",
      "Тестировщик 7",
      null,
      "Тестировщик 9",
      "Тестировщик 10",
      null,
    ]);
    expect(rows.filter((r) => r.code === "employed").every((r) => r.employer_name !== null && r.monthly_pay !== null)).toBe(true);
    expect(await figures()).toBe(before);
    expect(await removalAudit()).toEqual([{ actor: null, entity: "survey_answer", after: { total: 3, months: 6 } }]);

    // Outcome records stay append-only otherwise (migration 0033 lets only a survey title become null).
    await expect(c.db.updateTable("outcomes").set({ job_title: null }).where("id", "=", ids[0]!).execute()).rejects.toThrow(/append-only/);
    await expect(c.db.updateTable("outcomes").set({ monthly_pay: 1 }).where("id", "=", ids[1]!).execute()).rejects.toThrow(/append-only/);
    await expect(c.db.updateTable("outcomes").set({ job_title: "x" }).where("id", "=", ids[1]!).execute()).rejects.toThrow(/append-only/);
  });
});

describe("conversation messages", () => {
  it("go with their attachments after the period; the thread stays and says so; a conversation with an open report keeps them", async () => {
    const { owner, vacancyId } = await company();
    const g = await makeGraduate(c, { account: true });
    const g2 = await makeGraduate(c, { account: true });
    const applicationId = await makeApplication(c, vacancyId, g.graduateId, { status: "screening" });
    const reportedId = await makeApplication(c, vacancyId, g2.graduateId, { status: "screening" });
    const message = async (application: number, at: string, body: string, pdf = false) => {
      const { id } = await c.db
        .insertInto("conversation_messages")
        .values({ application_id: application, side: "company", author_user_id: owner.id, body, created_at: at, updated_at: at })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (pdf) {
        const data = Buffer.from(smallPdf(["Задание"]));
        await c.db.insertInto("conversation_attachments").values({ message_id: id, file_name: "task.pdf", size: data.length, data }).execute();
      }
    };
    await message(applicationId, OLD, "Старое сообщение", true);
    await message(applicationId, OLD, "Ещё одно старое");
    await message(applicationId, NEW, "Свежее сообщение", true);
    await message(reportedId, OLD, "Старое, но под жалобой");
    await c.db
      .insertInto("conversation_reports")
      .values({ application_id: reportedId, side: "graduate", reporter_user_id: g2.userId, reason: "Грубость" })
      .execute();
    await setPeriods(null, 6, null);

    const scope = { side: "graduate" as const, graduateId: g.graduateId };
    expect((await conversationFor(c.db, scope, applicationId))?.keptMonths).toBe(6);
    expect(await runner().runDue()).toMatchObject({ "retention-messages": 2 });
    expect((await c.db.selectFrom("conversation_messages").select("body").orderBy("id").execute()).map((m) => m.body)).toEqual([
      "Свежее сообщение",
      "Старое, но под жалобой",
    ]);
    expect(await count("conversation_attachments")).toBe(1);
    const thread = await conversationFor(c.db, scope, applicationId);
    expect(thread?.messages.map((m) => m.body)).toEqual(["Свежее сообщение"]);
    expect(await count("applications")).toBe(2);
    expect(await removalAudit()).toEqual([{ actor: null, entity: "conversation_message", after: { total: 2, months: 6 } }]);
  });
});

describe("rejected applications", () => {
  it("go after the period with every row that references them; a recent rejection, another stage, a hire and a reported conversation stay", async () => {
    const { owner, companyId, vacancyId } = await company();
    const graduate = async () => (await makeGraduate(c, { account: true })).graduateId;
    const oldRejected = await makeApplication(c, vacancyId, await graduate(), { status: "rejected" });
    const newRejected = await makeApplication(c, vacancyId, await graduate(), { status: "rejected" });
    const screening = await makeApplication(c, vacancyId, await graduate(), { status: "screening" });
    const hired = await makeApplication(c, vacancyId, await graduate(), { status: "hired", startDate: "2026-06-01" });
    const reported = await makeApplication(c, vacancyId, await graduate(), { status: "rejected" });
    // Every old thing is dated before the period; the hire is forced to "rejected" to prove a placement is never removed.
    for (const id of [oldRejected, screening, hired, reported])
      await c.db.updateTable("application_events").set({ created_at: OLD }).where("application_id", "=", id).execute();
    await c.db.updateTable("applications").set({ created_at: OLD, updated_at: OLD }).where("id", "in", [oldRejected, screening, hired, reported]).execute();
    await c.db.updateTable("applications").set({ status: "rejected" }).where("id", "=", hired).execute();
    await c.db
      .insertInto("conversation_reports")
      .values({ application_id: reported, side: "graduate", reporter_user_id: null, reason: "Проверьте, пожалуйста" })
      .execute();

    // Everything that can hang on an application, on the old rejected one.
    const event = await c.db
      .selectFrom("application_events")
      .select("id")
      .where("application_id", "=", oldRejected)
      .where("to_status", "=", "rejected")
      .executeTakeFirstOrThrow();
    await c.db
      .insertInto("application_notes")
      .values({ application_id: oldRejected, company_id: companyId, author_user_id: owner.id, body: "Слабое портфолио" })
      .execute();
    await c.db.insertInto("application_ratings").values({ application_id: oldRejected, rater_user_id: owner.id, company_id: companyId, rating: 2 }).execute();
    const { id: messageId } = await c.db
      .insertInto("conversation_messages")
      .values({ application_id: oldRejected, side: "company", author_user_id: owner.id, body: "Спасибо за отклик", created_at: NEW, updated_at: NEW })
      .returning("id")
      .executeTakeFirstOrThrow();
    const pdf = Buffer.from(smallPdf(["CV"]));
    await c.db.insertInto("conversation_attachments").values({ message_id: messageId, file_name: "cv.pdf", size: pdf.length, data: pdf }).execute();
    await c.db
      .insertInto("conversation_reports")
      .values({ application_id: oldRejected, side: "company", reporter_user_id: owner.id, reason: "Спам", status: "closed" })
      .execute();
    const { id: interviewId } = await c.db
      .insertInto("interviews")
      .values({ application_id: oldRejected, status: "cancelled", minutes: 30, place: "Бишкек", starts_at: null, created_by: owner.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    await c.db
      .insertInto("interview_slots")
      .values({ interview_id: interviewId, starts_at: "2026-08-01T04:00:00.000Z", ends_at: "2026-08-01T04:30:00.000Z" })
      .execute();
    await c.db
      .insertInto("offers")
      .values({ application_id: oldRejected, status: "withdrawn", start_date: "2026-09-01", answer_by: "2026-08-20", created_by: owner.id })
      .execute();
    const { id: bulkId } = await c.db
      .insertInto("bulk_actions")
      .values({ company_id: companyId, actor_user_id: owner.id, to_status: "rejected", undo_until: OLD })
      .returning("id")
      .executeTakeFirstOrThrow();
    await c.db
      .insertInto("bulk_action_items")
      .values({ bulk_action_id: bulkId, application_id: oldRejected, from_status: "applied", event_id: event.id })
      .execute();

    const referencing = async () => {
      const out: Record<string, number> = {};
      for (const t of [
        "application_events",
        "application_notes",
        "application_ratings",
        "conversation_messages",
        "conversation_reports",
        "interviews",
        "offers",
        "bulk_action_items",
      ] as const)
        out[t] = Number(
          (
            await c.db
              .selectFrom(t)
              .select((eb) => eb.fn.countAll().as("n"))
              .where("application_id", "=", oldRejected)
              .executeTakeFirstOrThrow()
          ).n,
        );
      return out;
    };
    expect(Object.values(await referencing()).every((n) => n > 0)).toBe(true);
    const placementsBefore = await c.db.selectFrom("placements").select(["id", "application_id"]).execute();
    expect(placementsBefore).toHaveLength(1);

    await setPeriods(null, null, 6);
    expect(await runner().runDue()).toMatchObject({ "retention-rejected": 1 });
    expect((await c.db.selectFrom("applications").select("id").orderBy("id").execute()).map((a) => a.id)).toEqual([newRejected, screening, hired, reported]);
    expect(Object.values(await referencing()).every((n) => n === 0)).toBe(true);
    expect(await c.db.selectFrom("interview_slots").select("id").execute()).toEqual([]);
    expect(await c.db.selectFrom("conversation_attachments").select("id").execute()).toEqual([]);
    expect(await c.db.selectFrom("bulk_actions").select("id").execute()).toHaveLength(1);
    expect(await c.db.selectFrom("placements").select(["id", "application_id"]).execute()).toEqual(placementsBefore);
    expect((await sql`pragma foreign_key_check`.execute(c.db)).rows).toEqual([]);
    expect(await removalAudit()).toEqual([{ actor: null, entity: "application", after: { total: 1, months: 6 } }]);
  });

  it("every foreign key to an application removes its row with it (a new table that does not is caught here), except the placement, which the rule keeps", async () => {
    const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(c.db)).rows;
    const refs: string[] = [];
    for (const { name } of tables) {
      const fks = (await sql<{ table: string; from: string; on_delete: string }>`select * from pragma_foreign_key_list(${name})`.execute(c.db)).rows;
      for (const fk of fks)
        if (["applications", "application_events", "interviews", "conversation_messages"].includes(fk.table)) refs.push(`${name}.${fk.from} ${fk.on_delete}`);
    }
    expect(refs.filter((r) => !/ (CASCADE|SET NULL)$/.test(r))).toEqual([]);
    expect(refs).toContain("placements.application_id CASCADE");
    // Outcome records point at placements without a cascade: a placement is never removed (the rule skips hires).
    const outcomeFks = (await sql<{ table: string; from: string }>`select * from pragma_foreign_key_list('outcomes')`.execute(c.db)).rows;
    expect(outcomeFks.map((f) => `${f.from}->${f.table}`)).toContain("placement_id->placements");
  });
});

describe("the daily runs", () => {
  it("run once per Bishkek day; a second check and a restart write nothing; with every period 'keep' nothing goes and nothing is audited", async () => {
    const { owner, vacancyId } = await company();
    const g = await makeGraduate(c, { account: true });
    const applicationId = await makeApplication(c, vacancyId, g.graduateId, { status: "screening" });
    await c.db
      .insertInto("conversation_messages")
      .values({ application_id: applicationId, side: "company", author_user_id: owner.id, body: "Старое", created_at: OLD, updated_at: OLD })
      .execute();
    expect(await runner().runDue()).toEqual({ "retention-survey-text": 0, "retention-messages": 0, "retention-rejected": 0 });
    expect(await count("conversation_messages")).toBe(1);
    expect(await removalAudit()).toEqual([]);

    // Periods set later the same day: today's runs have finished, so nothing goes until tomorrow.
    await setPeriods(6, 6, 6);
    expect(await runner(() => new Date("2027-03-10T10:00:00.000Z")).runDue()).toEqual({
      "retention-survey-text": null,
      "retention-messages": null,
      "retention-rejected": null,
    });
    expect(await count("conversation_messages")).toBe(1);
    const tomorrow = runner(() => new Date("2027-03-11T04:00:00.000Z"));
    expect(await tomorrow.runDue()).toMatchObject({ "retention-messages": 1 });
    expect(await tomorrow.runDue()).toMatchObject({ "retention-messages": null });
    expect(await count("conversation_messages")).toBe(0);
    expect(await removalAudit()).toEqual([{ actor: null, entity: "conversation_message", after: { total: 1, months: 6 } }]);
  });

  it("remove batch by batch; a run that fails mid-way keeps its committed batches and resumes after them the same day, with one audit row for the whole run", async () => {
    const { vacancyId } = await company();
    const g = await makeGraduate(c, { account: true });
    const applicationId = await makeApplication(c, vacancyId, g.graduateId, { status: "screening" });
    for (let i = 0; i < 5; i++)
      await c.db
        .insertInto("conversation_messages")
        .values({ application_id: applicationId, side: "graduate", author_user_id: g.userId, body: `Сообщение ${i}`, created_at: OLD, updated_at: OLD })
        .execute();
    await setPeriods(null, 6, null);
    let batches = 0;
    let failAt: number | null = 2;
    const flaky = {
      ...messageRetention,
      queueFor: async (...args: Parameters<typeof messageRetention.queueFor>) => {
        batches++;
        const n = await messageRetention.queueFor(...args);
        if (batches === failAt) throw new Error("disk full");
        return n;
      },
    };
    const r = scheduledJobs(c.db, { hour: 8, now: () => RUN, jobs: [flaky], log: () => undefined, batch: 2 });
    await expect(r.runDue()).rejects.toThrow("disk full");
    expect(await count("conversation_messages")).toBe(3);
    expect(await c.db.selectFrom("scheduled_job_runs").select(["job", "day", "queued", "finished_at"]).execute()).toEqual([
      { job: "retention-messages", day: "2027-03-10", queued: 2, finished_at: null },
    ]);
    expect(await removalAudit()).toEqual([]);
    failAt = null;
    expect(await r.runDue()).toEqual({ "retention-messages": 5 });
    expect(await count("conversation_messages")).toBe(0);
    expect(await r.runDue()).toEqual({ "retention-messages": null });
    expect(await removalAudit()).toEqual([{ actor: null, entity: "conversation_message", after: { total: 5, months: 6 } }]);
  });
});

describe("the admin's form and the personal-data page", () => {
  it("saves whole months 1–120 or empty (kept for good), audited; refuses anything else with 400, values kept, nothing written; only admins", async () => {
    const admin = await makeUser(c, "admin");
    const cookie = await sessionCookieFor(admin.id);
    const send = (fields: Record<string, string>, who = cookie) => call(retentionRoute.action, post("/admin/settings/retention", fields, { cookie: who }));
    const settingsRows = () => c.db.selectFrom("settings").select(["key", "value"]).where("key", "like", "retention.%").orderBy("key").execute();

    for (const bad of ["0", "121", "1.5", "1e1", "-3", "abc", "12 месяцев", "٣"]) {
      const res = await send({ surveyText: "12", messages: bad, rejected: "" });
      expect(res.status, bad).toBe(400);
      expect(res.data, bad).toMatchObject({ errors: { messages: "retention.errors.months" }, values: { surveyText: "12", messages: bad, rejected: "" } });
    }
    expect(await settingsRows()).toEqual([]);
    expect(await c.db.selectFrom("audit_log").select("id").where("action", "=", "retention.settings").execute()).toEqual([]);

    for (const role of ["staff", "employer", "graduate"] as const) {
      const u = await makeUser(c, role);
      expect((await send({ surveyText: "1" }, await sessionCookieFor(u.id))).status, role).toBe(403);
    }
    expect(await settingsRows()).toEqual([]);

    const saved = await send({ surveyText: " 24 ", messages: "120", rejected: "" });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/admin/settings#retention");
    expect(await retentionSettings(c.db)).toEqual({ surveyText: 24, messages: 120, rejected: null });
    const audit = await c.db
      .selectFrom("audit_log")
      .select(["actor_user_id", "before_json", "after_json"])
      .where("action", "=", "retention.settings")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_user_id).toBe(admin.id);
    expect(JSON.parse(audit[0]!.before_json!)).toEqual({ survey_text_months: "keep", message_months: "keep", rejected_months: "keep" });
    expect(JSON.parse(audit[0]!.after_json!)).toEqual({ survey_text_months: "24", message_months: "120", rejected_months: "keep" });

    const page = await call(settingsRoute.loader, get("/admin/settings", { cookie }));
    expect(page.data).toMatchObject({ retention: { surveyText: 24, messages: 120, rejected: null } });
    expect((await call(retentionRoute.loader, get("/admin/settings/retention", { cookie }))).data).toEqual({
      settings: { surveyText: 24, messages: 120, rejected: null },
    });

    // The graduate's personal-data page says the same periods.
    const g = await makeGraduate(c, { account: true });
    const data = await call(myData.loader, get("/me/data", { cookie: await sessionCookieFor(g.userId!) }));
    expect(data.data).toEqual({ retention: { surveyText: 24, messages: 120, rejected: null } });
  });
});
