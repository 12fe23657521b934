// Bulk decisions on the applicants list (issue 18 item 2, docs/decisions/059-bulk-decisions-and-undo.md):
// one transaction per action with each application's history event and message in the candidate's
// language, one audit row naming the count and ids, the undo within 10 minutes (clock injected), the
// reasons page, and bad input (4xx, nothing written). One rejection travels over real SMTP.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import type { ApplicationStatus } from "@db/schema";
import * as employerApplicants from "~/routes/_employer.employer.applicants";
import * as vacancyApplicants from "~/routes/_employer.employer.vacancies.$id_.applicants";
import * as bulkPage from "~/routes/_employer.employer.bulk-actions.$id";
import * as templatesPage from "~/routes/_employer.employer.rejection-templates";
import { BULK_UNDO_MS, DEFAULT_TEMPLATES } from "~/domain/applications/bulk";
import { bulkMove, undoBulk } from "~/models/bulk-actions.server";
import { templatesOf } from "~/models/rejection-templates.server";
import { outboxWorker, smtpTransport } from "~/server/outbox-worker";
import { DEMO_ACCOUNTS } from "@db/seed/demo";
import { closeTestDatabases, createDemoTestDatabase, createTestDatabase, snapshot } from "../support/db";
import { makeApplication, makeCompany, makeGraduate, makeUser, makeVacancy, sessionCookieFor } from "../support/factories";
import { call, get, post } from "../support/remix";
import { startTestSmtp } from "../support/smtp";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

/** Company X with a vacancy and four applicants reading ky, ru, en and (unset) the default; company Y. */
async function world() {
  const owner = await makeUser(c, "employer");
  const companyId = await makeCompany(c, owner.id, { name: "Ала-Тоо Софт" });
  const v = await makeVacancy(c, companyId, { title: "Frontend" });
  const person = async (firstName: string, locale: "ky" | "ru" | "en" | null, status: ApplicationStatus) => {
    const g = await makeGraduate(c, { firstName, lastName: "Тестова", account: true });
    await c.db.updateTable("users").set({ locale }).where("id", "=", g.userId!).execute();
    const app = await makeApplication(c, v, g.graduateId, { status });
    return { app, userId: g.userId! };
  };
  const ky = await person("Айпери", "ky", "applied");
  const ru = await person("Бакыт", "ru", "screening");
  const en = await person("Чолпон", "en", "interview");
  const done = await person("Динара", null, "rejected");
  const other = await makeUser(c, "employer");
  const otherCompany = await makeCompany(c, other.id);
  const otherVacancy = await makeVacancy(c, otherCompany);
  const stranger = await makeGraduate(c, { account: true });
  const foreignApp = await makeApplication(c, otherVacancy, stranger.graduateId);
  return {
    owner,
    companyId,
    v,
    ky,
    ru,
    en,
    done,
    cookie: await sessionCookieFor(owner.id),
    other: { ...other, companyId: otherCompany, cookie: await sessionCookieFor(other.id), app: foreignApp },
  };
}

const postList = (cookie: string, fields: [string, string][]) => call(employerApplicants.action, post("/employer/applicants", fields, { cookie }));
const statusOf = async (id: number) => (await c.db.selectFrom("applications").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
const eventsOf = (id: number) =>
  c.db
    .selectFrom("application_events")
    .select(["id", "from_status", "to_status", "note", "undoes_event_id"])
    .where("application_id", "=", id)
    .orderBy("id")
    .execute();
const auditOf = (action: string) =>
  c.db.selectFrom("audit_log").select(["entity", "entity_id", "after_json", "actor_user_id"]).where("action", "=", action).execute();
const outboxOf = (userId: number) =>
  c.db.selectFrom("outbox").select(["id", "kind", "status", "payload_json", "last_error"]).where("user_id", "=", userId).orderBy("id").execute();

describe("bulk rejection with a reason", () => {
  it("rejects in one action: each history event, the message in each candidate's language, one audit row; a final one is skipped", async () => {
    const w = await world();
    const templates = await templatesOf(c.db, w.companyId);
    expect(templates.map((t) => t.text_en)).toEqual(DEFAULT_TEMPLATES.map((t) => t.text_en));
    const tpl = templates[0]!;
    const ids = [w.ky, w.ru, w.en, w.done].map((p) => p.app);
    const res = await postList(w.cookie, [
      ["intent", "reject"],
      ["template", String(tpl.id)],
      ...ids.map((id): [string, string] => ["application", String(id)]),
    ]);
    expect(res.status).toBe(302);
    const bulk = await c.db.selectFrom("bulk_actions").selectAll().executeTakeFirstOrThrow();
    expect(res.location).toBe(`/employer/bulk-actions/${bulk.id}`);
    expect(bulk).toMatchObject({ company_id: w.companyId, actor_user_id: w.owner.id, to_status: "rejected", reason_ru: tpl.text_ru });

    for (const p of [w.ky, w.ru, w.en]) expect(await statusOf(p.app)).toBe("rejected");
    expect(await statusOf(w.done.app)).toBe("rejected");
    // The history event carries the reason as the candidate received it.
    expect((await eventsOf(w.ky.app)).at(-1)).toMatchObject({ from_status: "applied", to_status: "rejected", note: tpl.text_ky });
    expect((await eventsOf(w.ru.app)).at(-1)).toMatchObject({ from_status: "screening", to_status: "rejected", note: tpl.text_ru });
    expect((await eventsOf(w.en.app)).at(-1)).toMatchObject({ from_status: "interview", to_status: "rejected", note: tpl.text_en });
    // Each candidate's e-mail in their language; the one already rejected gets nothing new.
    for (const [p, text] of [
      [w.ky, tpl.text_ky],
      [w.ru, tpl.text_ru],
      [w.en, tpl.text_en],
    ] as const) {
      const rows = (await outboxOf(p.userId)).filter((r) => r.kind === "application-rejected");
      expect(rows).toHaveLength(1);
      expect(JSON.parse(rows[0]!.payload_json)).toEqual({ vacancy: "Frontend", company: "Ала-Тоо Софт", reason: text });
    }
    expect((await outboxOf(w.done.userId)).filter((r) => r.kind === "application-rejected")).toEqual([]);
    // One audit row naming the count and the ids.
    const audit = await auditOf("applications.bulk-reject");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: "bulk_action", entity_id: String(bulk.id), actor_user_id: w.owner.id });
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({
      count: 3,
      applicationIds: [w.ky.app, w.ru.app, w.en.app].sort((a, b) => a - b),
      skipped: [w.done.app],
    });

    // The result page lists the moved and the skipped with its reason.
    const page = await call(bulkPage.loader, get(`/employer/bulk-actions/${bulk.id}`, { cookie: w.cookie }), { id: String(bulk.id) });
    expect(page.status).toBe(200);
    const shown = page.data as { action: { items: { id: number }[]; skipped: { id: number; reason: string; status: string }[] }; canUndo: boolean };
    expect(shown.action.items.map((i) => i.id)).toEqual([w.ky.app, w.ru.app, w.en.app].sort((a, b) => a - b));
    expect(shown.action.skipped).toEqual([{ id: w.done.app, reason: "transition", status: "rejected", name: "Динара Тестова" }]);
    expect(shown.canUndo).toBe(true);
  });

  it("delivers a rejection over real SMTP in the candidate's language", async () => {
    const w = await world();
    const smtp = await startTestSmtp();
    try {
      const tpl = (await templatesOf(c.db, w.companyId))[1]!;
      // Only this action's message is due (the world's own messages are set aside).
      await c.db.updateTable("outbox").set({ status: "not_sent", last_error: "cancelled" }).execute();
      const made = await bulkMove(c.db, w.companyId, { applicationIds: [w.ru.app], to: "rejected", templateId: tpl.id, seen: {} }, w.owner.id);
      expect(made).toMatchObject({ ok: true, moved: [w.ru.app] });
      const worker = outboxWorker(c.db, {
        email: smtpTransport({ url: smtp.url, from: "IT Cluster Careers <careers@portal.test>" }, { connectionMs: 3000, socketMs: 3000 }),
        publicUrl: "http://portal.test",
        secret: "s".repeat(40),
        now: () => new Date(Date.now() + 2000),
        log: () => undefined,
      });
      await worker.runOnce();
      const [mail] = await smtp.waitFor(1);
      const user = await c.db.selectFrom("users").select("email").where("id", "=", w.ru.userId).executeTakeFirstOrThrow();
      expect(mail!.rcpt).toEqual([user.email]);
      expect(mail!.parsed.subject).toBe("Ваш отклик на вакансию «Frontend»");
      expect(mail!.parsed.text).toContain(tpl.text_ru);
      expect(mail!.parsed.text).toContain("Ала-Тоо Софт: решение по вашему отклику на вакансию «Frontend» — в этот раз отказ.");
      await worker.stop();
    } finally {
      await smtp.close();
    }
  });
});

describe("bulk move", () => {
  it("moves only what the pipeline allows, skips a colleague's move since, and reports both", async () => {
    const w = await world();
    // Айпери applied → screening is allowed; Чолпон at interview cannot go to screening; Бакыт was seen at
    // "applied" but is at "screening" now (a colleague's move).
    const res = await postList(w.cookie, [
      ["intent", "move"],
      ["to", "screening"],
      ["application", String(w.ky.app)],
      ["application", String(w.en.app)],
      ["application", String(w.ru.app)],
      [`seen:${w.ky.app}`, "applied"],
      [`seen:${w.ru.app}`, "applied"],
      [`seen:${w.en.app}`, "interview"],
    ]);
    expect(res.status).toBe(302);
    expect(await statusOf(w.ky.app)).toBe("screening");
    expect(await statusOf(w.ru.app)).toBe("screening");
    expect(await statusOf(w.en.app)).toBe("interview");
    const bulk = await c.db.selectFrom("bulk_actions").select(["id", "skipped_json"]).executeTakeFirstOrThrow();
    expect(JSON.parse(bulk.skipped_json)).toEqual([
      { applicationId: w.ru.app, reason: "conflict", status: "screening" },
      { applicationId: w.en.app, reason: "transition", status: "interview" },
    ]);
    const status = (await outboxOf(w.ky.userId)).filter((r) => r.kind === "application-status");
    expect(JSON.parse(status.at(-1)!.payload_json)).toMatchObject({ status: "screening" });
    expect(JSON.parse((await auditOf("applications.bulk-move"))[0]!.after_json!)).toMatchObject({ count: 1, applicationIds: [w.ky.app] });
  });

  it("when nothing can move: a 409 saying why for each, nothing written", async () => {
    const w = await world();
    const before = snapshot(c);
    const res = await postList(w.cookie, [
      ["intent", "move"],
      ["to", "offer"],
      ["application", String(w.ky.app)],
      ["application", String(w.done.app)],
    ]);
    expect(res.status).toBe(409);
    expect(res.data).toMatchObject({ errors: { _form: "applicants.bulk.errors.nothing" }, checked: [String(w.ky.app), String(w.done.app)] });
    expect((res.data as { skipped: unknown[] }).skipped).toHaveLength(2);
    expect(snapshot(c)).toEqual(before);
  });
});

describe("undo within 10 minutes", () => {
  it("restores each stage with an undo event, cancels unsent messages and corrects a sent one", async () => {
    const w = await world();
    const tpl = (await templatesOf(c.db, w.companyId))[0]!;
    const t0 = new Date();
    const made = await bulkMove(
      c.db,
      w.companyId,
      { applicationIds: [w.ky.app, w.ru.app, w.en.app], to: "rejected", templateId: tpl.id, seen: {} },
      w.owner.id,
      t0,
    );
    if (!made.ok || made.bulkId === null) throw new Error("bulk refused");
    // Бакыт's rejection already went out by e-mail; the others wait in the outbox.
    const sent = (await outboxOf(w.ru.userId)).find((r) => r.kind === "application-rejected")!;
    await c.db.updateTable("outbox").set({ status: "sent", sent_at: t0.toISOString() }).where("id", "=", sent.id).execute();
    const rejectEvent = (await eventsOf(w.ky.app)).at(-1)!;

    const undone = await undoBulk(c.db, w.companyId, made.bulkId, w.owner.id, new Date(t0.getTime() + BULK_UNDO_MS - 1000));
    expect(undone).toEqual({ ok: true, restored: [w.ky.app, w.ru.app, w.en.app].sort((a, b) => a - b), kept: [] });
    expect(await statusOf(w.ky.app)).toBe("applied");
    expect(await statusOf(w.ru.app)).toBe("screening");
    expect(await statusOf(w.en.app)).toBe("interview");
    expect((await eventsOf(w.ky.app)).at(-1)).toMatchObject({ from_status: "rejected", to_status: "applied", undoes_event_id: rejectEvent.id });
    // Unsent: cancelled, no correction e-mail. Sent: a correction queued after it.
    const ky = await outboxOf(w.ky.userId);
    expect(ky.find((r) => r.kind === "application-rejected")).toMatchObject({ status: "not_sent", last_error: "undone" });
    expect(ky.filter((r) => r.kind === "application-correction")).toEqual([]);
    const ru = await outboxOf(w.ru.userId);
    expect(ru.find((r) => r.kind === "application-rejected")).toMatchObject({ status: "sent" });
    expect(ru.filter((r) => r.kind === "application-correction").map((r) => r.status)).toEqual(["queued"]);
    // The in-portal notice of the correction follows every first one.
    for (const p of [w.ky, w.ru, w.en]) {
      const kinds = (await c.db.selectFrom("notifications").select("kind").where("user_id", "=", p.userId).execute()).map((n) => n.kind);
      expect(kinds.filter((k) => k === "application-correction")).toHaveLength(1);
    }
    expect(JSON.parse((await auditOf("applications.bulk-undo"))[0]!.after_json!)).toMatchObject({ count: 3 });
    // Twice: refused, nothing written.
    const before = snapshot(c);
    expect(await undoBulk(c.db, w.companyId, made.bulkId, w.owner.id, new Date(t0.getTime() + 60_000))).toEqual({ ok: false, reason: "already" });
    expect(snapshot(c)).toEqual(before);
  });

  it("keeps an application moved on since the action", async () => {
    const w = await world();
    const made = await bulkMove(c.db, w.companyId, { applicationIds: [w.ky.app, w.ru.app], to: "interview", templateId: null, seen: {} }, w.owner.id);
    expect(made).toMatchObject({ ok: true, moved: [w.ru.app], skipped: [{ applicationId: w.ky.app, reason: "transition" }] });
    if (!made.ok || made.bulkId === null) throw new Error("bulk refused");
    // A colleague moves Бакыт on to the offer on the application page.
    await c.db.updateTable("applications").set({ status: "offer" }).where("id", "=", w.ru.app).execute();
    await c.db
      .insertInto("application_events")
      .values({ application_id: w.ru.app, from_status: "interview", to_status: "offer", actor_user_id: w.owner.id, note: null })
      .execute();
    expect(await undoBulk(c.db, w.companyId, made.bulkId, w.owner.id)).toEqual({ ok: true, restored: [], kept: [w.ru.app] });
    expect(await statusOf(w.ru.app)).toBe("offer");
  });

  it("after 10 minutes, or by another company, the undo is a 4xx and writes nothing", async () => {
    const w = await world();
    const t0 = new Date();
    const made = await bulkMove(c.db, w.companyId, { applicationIds: [w.ky.app], to: "screening", templateId: null, seen: {} }, w.owner.id, t0);
    if (!made.ok || made.bulkId === null) throw new Error("bulk refused");
    const before = snapshot(c);
    expect(await undoBulk(c.db, w.companyId, made.bulkId, w.owner.id, new Date(t0.getTime() + BULK_UNDO_MS + 1))).toEqual({ ok: false, reason: "expired" });
    const undo = (cookie: string) =>
      call(bulkPage.action, post(`/employer/bulk-actions/${made.bulkId}`, { intent: "undo" }, { cookie }), { id: String(made.bulkId) });
    expect((await undo(w.other.cookie)).status).toBe(404);
    expect((await call(bulkPage.loader, get(`/employer/bulk-actions/${made.bulkId}`, { cookie: w.other.cookie }), { id: String(made.bulkId) })).status).toBe(
      404,
    );
    expect(snapshot(c)).toEqual(before);
    // The page's own clock: its 10 minutes moved into the past.
    await c.db
      .updateTable("bulk_actions")
      .set({ undo_until: new Date(Date.now() - 1000).toISOString() })
      .execute();
    const late = snapshot(c);
    const res = await undo(w.cookie);
    expect(res.status).toBe(409);
    expect(res.data).toMatchObject({ errors: { _form: "applicants.undo.expired" } });
    expect(snapshot(c)).toEqual(late);
    expect(await statusOf(w.ky.app)).toBe("screening");
  });

  it("the list offers the undo while it lasts", async () => {
    const w = await world();
    const made = await bulkMove(c.db, w.companyId, { applicationIds: [w.ky.app], to: "screening", templateId: null, seen: {} }, w.owner.id);
    if (!made.ok || made.bulkId === null) throw new Error("bulk refused");
    const list = await call(employerApplicants.loader, get("/employer/applicants", { cookie: w.cookie }));
    expect((list.data as { undoable: { id: number; count: number }[] }).undoable).toEqual([
      { id: made.bulkId, to_status: "screening", undo_until: expect.any(String), count: 1 },
    ]);
    const theirs = await call(employerApplicants.loader, get("/employer/applicants", { cookie: w.other.cookie }));
    expect((theirs.data as { undoable: unknown[] }).undoable).toEqual([]);
  });
});

describe("bad input: a 4xx, nothing written", () => {
  it("no rows checked, an unknown or foreign template, another company's application, a stage a bulk move cannot take", async () => {
    const w = await world();
    await templatesOf(c.db, w.companyId);
    const foreignTemplate = (await templatesOf(c.db, w.other.companyId))[0]!;
    const before = snapshot(c);
    const cases: [[string, string][], number, Record<string, unknown>][] = [
      [
        [
          ["intent", "reject"],
          ["template", "1"],
        ],
        400,
        { application: "applicants.bulk.errors.none" },
      ],
      [
        [
          ["intent", "move"],
          ["to", "screening"],
        ],
        400,
        { application: "applicants.bulk.errors.none" },
      ],
      [
        [
          ["intent", "reject"],
          ["application", String(w.ky.app)],
        ],
        400,
        { template: "errors.required" },
      ],
      [
        [
          ["intent", "reject"],
          ["template", "999999"],
          ["application", String(w.ky.app)],
        ],
        400,
        { template: "applicants.bulk.errors.template" },
      ],
      [
        [
          ["intent", "reject"],
          ["template", String(foreignTemplate.id)],
          ["application", String(w.ky.app)],
        ],
        400,
        { template: "applicants.bulk.errors.template" },
      ],
      [
        [
          ["intent", "reject"],
          ["template", "abc"],
          ["application", String(w.ky.app)],
        ],
        400,
        { template: "applicants.bulk.errors.template" },
      ],
      [
        [
          ["intent", "move"],
          ["to", "hired"],
          ["application", String(w.ky.app)],
        ],
        400,
        { to: "errors.invalid" },
      ],
      [
        [
          ["intent", "move"],
          ["to", "screening"],
          ["application", "x1"],
        ],
        400,
        { application: "errors.invalid" },
      ],
      [
        [
          ["intent", "nonsense"],
          ["application", String(w.ky.app)],
        ],
        400,
        { _form: "errors.invalid" },
      ],
    ];
    for (const [fields, status, errors] of cases) {
      const res = await postList(w.cookie, fields);
      expect([fields, res.status]).toEqual([fields, status]);
      expect(res.data).toMatchObject({ errors });
    }
    // An id of another company among ours: 404, and not even ours moved.
    const foreign = await postList(w.cookie, [
      ["intent", "move"],
      ["to", "screening"],
      ["application", String(w.ky.app)],
      ["application", String(w.other.app)],
    ]);
    expect(foreign.status).toBe(404);
    const viaVacancy = await call(
      vacancyApplicants.action,
      post(
        `/employer/vacancies/${w.v}/applicants`,
        [
          ["intent", "move"],
          ["to", "screening"],
          ["application", String(w.other.app)],
        ],
        { cookie: w.cookie },
      ),
      { id: String(w.v) },
    );
    expect(viaVacancy.status).toBe(404);
    // Another company's vacancy page: 404 before anything is read.
    expect(
      (
        await call(vacancyApplicants.action, post(`/employer/vacancies/${w.v}/applicants`, [["intent", "move"]], { cookie: w.other.cookie }), {
          id: String(w.v),
        })
      ).status,
    ).toBe(404);
    expect(snapshot(c)).toEqual(before);
  });
});

describe("the reasons page", () => {
  it("adds, edits and deletes the company's reasons in three languages; bad input is a 400 beside the field; another company's is a 404", async () => {
    const w = await world();
    const page = await call(templatesPage.loader, get("/employer/rejection-templates", { cookie: w.cookie }));
    expect((page.data as { templates: unknown[] }).templates).toHaveLength(3);
    const send = (cookie: string, fields: Record<string, string>) => call(templatesPage.action, post("/employer/rejection-templates", fields, { cookie }));
    expect((await send(w.cookie, { intent: "add", text_ky: "Кыргызча себеп", text_ru: "Причина", text_en: "A reason" })).status).toBe(302);
    const [first, , , added] = await templatesOf(c.db, w.companyId);
    expect(added).toMatchObject({ text_ky: "Кыргызча себеп", text_ru: "Причина", text_en: "A reason" });
    const before = snapshot(c);
    const bad = await send(w.cookie, { intent: "save", id: String(first!.id), text_ky: "", text_ru: "Новая", text_en: "x".repeat(1001) });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ errors: { text_ky: "errors.required", text_en: "errors.tooLong" }, values: { text_ru: "Новая" } });
    const theirs = await send(w.other.cookie, { intent: "save", id: String(first!.id), text_ky: "a", text_ru: "b", text_en: "c" });
    expect(theirs.status).toBe(404);
    expect((await send(w.other.cookie, { intent: "delete", id: String(first!.id) })).status).toBe(404);
    expect(snapshot(c)).toEqual(before);
    expect((await send(w.cookie, { intent: "save", id: String(first!.id), text_ky: "Жаңы", text_ru: "Новая", text_en: "New" })).status).toBe(302);
    expect((await send(w.cookie, { intent: "delete", id: String(added!.id) })).status).toBe(302);
    expect((await templatesOf(c.db, w.companyId)).map((t) => t.text_en)).toEqual(["New", DEFAULT_TEMPLATES[1]!.text_en, DEFAULT_TEMPLATES[2]!.text_en]);
    expect(await auditOf("rejection-template.edit")).toHaveLength(1);
    // Deleting every reason does not bring the defaults back.
    for (const t of await templatesOf(c.db, w.companyId)) await send(w.cookie, { intent: "delete", id: String(t.id) });
    expect(await templatesOf(c.db, w.companyId)).toEqual([]);
  });
});

describe("the demo", () => {
  it("the demo company has its reasons and a bulk rejection in its applications' history, its messages never e-mailed", async () => {
    closeTestDatabases();
    c = await createDemoTestDatabase();
    const company = await c.db
      .selectFrom("company_members")
      .innerJoin("users", "users.id", "company_members.user_id")
      .select("company_members.company_id")
      .where("users.email", "=", DEMO_ACCOUNTS.employer)
      .executeTakeFirstOrThrow();
    expect(await c.db.selectFrom("rejection_templates").select("id").where("company_id", "=", company.company_id).execute()).toHaveLength(4);
    const bulk = await c.db
      .selectFrom("bulk_actions")
      .select(["id", "to_status", "undo_until"])
      .where("company_id", "=", company.company_id)
      .executeTakeFirstOrThrow();
    expect(bulk.to_status).toBe("rejected");
    expect(bulk.undo_until < new Date().toISOString()).toBe(true);
    const items = await c.db.selectFrom("bulk_action_items").select(["application_id", "event_id"]).where("bulk_action_id", "=", bulk.id).execute();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const last = await c.db
        .selectFrom("application_events")
        .select(["id", "to_status"])
        .where("application_id", "=", item.application_id)
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      expect(last).toEqual({ id: item.event_id, to_status: "rejected" });
    }
    expect(await c.db.selectFrom("outbox").select("id").where("kind", "=", "application-rejected").where("status", "=", "queued").execute()).toEqual([]);
  });
});
