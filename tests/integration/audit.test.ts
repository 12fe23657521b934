// The audit log: who may read it, its filters and pages, that nothing in the app can change it
// (no action; the database refuses UPDATE and DELETE), and that the actions docs/product.md §3 names write to it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import * as audit from "~/routes/staff.audit";
import * as join from "~/routes/join";
import * as meData from "~/routes/me.data";
import * as meDataJson from "~/routes/me.data[.json]";
import * as staffLayout from "~/routes/staff";
import { AUDIT_PAGE_SIZE, recordAudit } from "~/models/audit.server";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCompany, makeInvitation, makeUser, PASSWORD, sessionCookieFor } from "../support/factories";
import { call, get, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

type Page = {
  total: number;
  page: number;
  pages: number;
  entries: { id: number; action: string; entity: string; entity_id: string | null; actor_user_id: number | null }[];
  actors: { id: number }[];
  actions: string[];
};
const read = async (query: string, cookie: string) => {
  const res = await call(audit.loader, get(`/staff/audit${query}`, { cookie }));
  expect(res.status).toBe(200);
  return res.data as Page;
};

describe("who may read the audit log", () => {
  it("sends visitors to sign in, refuses graduates and employers, admits staff and admins", async () => {
    const visitor = await call(audit.loader, get("/staff/audit?action=x"));
    expect(visitor.status).toBe(302);
    expect(visitor.location).toBe(`/login?${new URLSearchParams({ redirectTo: "/staff/audit?action=x" })}`);
    for (const role of ["graduate", "employer"] as const) {
      const u = await makeUser(c, role);
      const cookie = await sessionCookieFor(u.id);
      expect((await call(audit.loader, get("/staff/audit", { cookie }))).status, role).toBe(403);
      expect((await call(staffLayout.loader, get("/staff/audit", { cookie }))).status, role).toBe(403);
    }
    for (const role of ["staff", "admin"] as const) {
      const u = await makeUser(c, role);
      expect((await call(audit.loader, get("/staff/audit", { cookie: await sessionCookieFor(u.id) }))).status, role).toBe(200);
    }
  });

  it("has no action: nothing on the page can write, change or remove an entry", () => {
    expect((audit as Record<string, unknown>).action).toBeUndefined();
  });
});

describe("entries cannot be edited", () => {
  it("the database refuses UPDATE and DELETE of an entry", async () => {
    const staff = await makeUser(c, "staff");
    await recordAudit(c.db, {
      actorId: staff.id,
      action: "company.verify",
      entity: "company",
      entityId: 1,
      before: { status: "pending" },
      after: { status: "verified" },
    });
    expect(() => c.sqlite.prepare("update audit_log set action = 'nothing'").run()).toThrow(/append-only/);
    expect(() => c.sqlite.prepare("update audit_log set after_json = null, actor_user_id = null").run()).toThrow(/append-only/);
    expect(() => c.sqlite.prepare("delete from audit_log").run()).toThrow(/append-only/);
    const row = c.sqlite.prepare("select action, after_json from audit_log").get();
    expect(row).toEqual({ action: "company.verify", after_json: '{"status":"verified"}' });
  });

  it("deleting an account forgets it as the actor and keeps the entry (a graduate who joined can delete their account)", async () => {
    const staff = await makeUser(c, "staff");
    const { code } = await makeInvitation(c, staff.id);
    const joined = await call(join.action, post("/join", { code, email: "aigerim@mail.kg", password: PASSWORD, passwordRepeat: PASSWORD }));
    expect(joined.status).toBe(302);
    const user = await c.db.selectFrom("users").select("id").where("email", "=", "aigerim@mail.kg").executeTakeFirstOrThrow();
    const cookie = await sessionCookieFor(user.id);
    const deleted = await call(meData.action, post("/me/data", { password: PASSWORD }, { cookie }));
    expect(deleted.status).toBe(302);
    const entries = c.sqlite.prepare("select action, actor_user_id from audit_log order by id").all();
    expect(entries).toEqual([
      { action: "graduate.enrol", actor_user_id: staff.id },
      { action: "graduate.join", actor_user_id: null },
      { action: "graduate.delete-account", actor_user_id: null },
    ]);
  });
});

describe("filters and pages", () => {
  it("filters by actor, action, entity, record and date range (Bishkek days), newest first, 50 to a page", async () => {
    const staff = await makeUser(c, "staff");
    const admin = await makeUser(c, "admin");
    const cookie = await sessionCookieFor(staff.id);
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) {
      await recordAudit(c.db, { actorId: staff.id, action: "module.verify", entity: "graduate", entityId: i % 3, after: { moduleId: i } });
    }
    await recordAudit(c.db, { actorId: admin.id, action: "company.trust", entity: "company", entityId: 7, before: { trusted: 0 }, after: { trusted: 1 } });
    // Two entries at chosen times: 2026-03-01 20:00 UTC is already 2 March in Bishkek (UTC+6).
    c.sqlite
      .prepare(
        "insert into audit_log (actor_user_id, action, entity, entity_id, created_at) values (?, 'vacancy.approve', 'vacancy', '9', '2026-03-01T20:00:00.000Z')",
      )
      .run(admin.id);
    c.sqlite
      .prepare(
        "insert into audit_log (actor_user_id, action, entity, entity_id, created_at) values (?, 'vacancy.reject', 'vacancy', '9', '2026-03-01T10:00:00.000Z')",
      )
      .run(admin.id);

    const all = await read("", cookie);
    expect(all.total).toBe(AUDIT_PAGE_SIZE + 8);
    expect(all.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(all.pages).toBe(2);
    expect(all.entries[0]!.action).toBe("company.trust");
    expect(all.actions).toEqual(["company.trust", "module.verify", "vacancy.approve", "vacancy.reject"]);
    expect(all.actors.map((a) => a.id).sort()).toEqual([staff.id, admin.id].sort());
    const second = await read("?page=2", cookie);
    expect(second.entries).toHaveLength(8);
    expect(new Set([...all.entries, ...second.entries].map((e) => e.id)).size).toBe(AUDIT_PAGE_SIZE + 8);

    expect((await read(`?actor=${admin.id}`, cookie)).total).toBe(3);
    expect((await read("?action=module.verify", cookie)).total).toBe(AUDIT_PAGE_SIZE + 5);
    expect((await read("?entity=company", cookie)).entries.map((e) => e.entity_id)).toEqual(["7"]);
    expect((await read("?entity=graduate&entityId=2", cookie)).total).toBe(18);
    expect((await read("?from=2026-03-02&to=2026-03-02", cookie)).entries.map((e) => e.action)).toEqual(["vacancy.approve"]);
    expect((await read("?from=2026-03-01&to=2026-03-01", cookie)).entries.map((e) => e.action)).toEqual(["vacancy.reject"]);
    expect((await read("?to=2026-03-02", cookie)).total).toBe(2);
    expect((await read(`?actor=${staff.id}&action=company.trust`, cookie)).total).toBe(0);
  });

  it("ignores malformed filters instead of failing", async () => {
    const staff = await makeUser(c, "staff");
    const cookie = await sessionCookieFor(staff.id);
    await recordAudit(c.db, { actorId: staff.id, action: "cohort.create", entity: "cohort", entityId: 1 });
    for (const q of ["?actor=abc", "?from=2026-13-45&to=yesterday", "?page=-1", "?page=99999999999", "?action=%00%27", `?entityId=${"x".repeat(500)}`]) {
      const page = await read(q, cookie);
      expect(page.total, q).toBe(1);
    }
  });
});

describe("what is recorded", () => {
  it("a graduate's download of their own data", async () => {
    const staff = await makeUser(c, "staff");
    const { graduateId } = await makeInvitation(c, staff.id);
    const user = await makeUser(c, "graduate");
    await c.db.updateTable("graduates").set({ user_id: user.id }).where("id", "=", graduateId).execute();
    const res = await call(meDataJson.loader, get("/me/data.json", { cookie: await sessionCookieFor(user.id) }));
    expect(res.status).toBe(200);
    const entry = c.sqlite.prepare("select actor_user_id, entity, entity_id from audit_log where action = 'personal-data.export'").get();
    expect(entry).toEqual({ actor_user_id: user.id, entity: "graduate", entity_id: String(graduateId) });
  });

  it("verification, moderation, enrolment, company verify/trust and reset links, each with who did it", async () => {
    const { verifyModule } = await import("~/models/verification.server");
    const { setCompanyTrusted, verifyCompany } = await import("~/models/companies.server");
    const { approveVacancy, rejectVacancy, saveVacancy, submitVacancy } = await import("~/models/vacancies.server");
    const { createPasswordReset } = await import("~/models/password-resets.server");
    const staff = await makeUser(c, "staff");
    const employer = await makeUser(c, "employer");
    const { graduateId } = await makeInvitation(c, staff.id);
    const module = await c.db.selectFrom("modules").select("id").orderBy("id").executeTakeFirstOrThrow();
    await verifyModule(c.db, graduateId, module.id, "2026-05-20", 90, staff.id);
    const companyId = await makeCompany(c, employer.id, "pending");
    await verifyCompany(c.db, companyId, staff.id);
    await setCompanyTrusted(c.db, companyId, staff.id, true);
    const vacancy = {
      description: "Text",
      employmentType: "full_time" as const,
      workMode: "onsite" as const,
      city: null,
      regionId: null,
      salaryMin: null,
      salaryMax: null,
      salaryHidden: false,
      openings: 1,
      deadline: null,
      languages: [],
      skills: [],
    };
    for (const [title, approve] of [
      ["First", true],
      ["Second", false],
    ] as const) {
      await setCompanyTrusted(c.db, companyId, staff.id, false);
      const saved = await saveVacancy(c.db, companyId, null, { ...vacancy, title }, employer.id);
      if (!saved.ok) throw new Error("not saved");
      await submitVacancy(c.db, companyId, saved.id);
      if (approve) await approveVacancy(c.db, saved.id, staff.id);
      else await rejectVacancy(c.db, saved.id, staff.id, "Please add the salary");
    }
    await createPasswordReset(c.db, employer.id, staff.id);
    const entries = c.sqlite.prepare("select action, actor_user_id as actor from audit_log order by id").all() as { action: string; actor: number }[];
    const actions = entries.map((e) => e.action);
    for (const expected of [
      "graduate.enrol",
      "module.verify",
      "company.verify",
      "company.trust",
      "company.untrust",
      "vacancy.approve",
      "vacancy.reject",
      "password-reset.create",
    ]) {
      expect(actions, expected).toContain(expected);
    }
    expect(entries.every((e) => e.actor === staff.id)).toBe(true);
  });

  it("staff and admin actions found in the code all name an action the page can translate", async () => {
    const { AUDIT_ACTIONS } = await import("~/domain/audit/actions");
    const fs = await import("node:fs");
    const path = await import("node:path");
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));
    const used = new Set<string>();
    for (const file of files("app").filter((f) => /\.tsx?$/.test(f))) {
      for (const m of fs.readFileSync(file, "utf8").matchAll(/action: "([a-z0-9_.-]+)"/g)) used.add(m[1]!);
      for (const m of fs.readFileSync(file, "utf8").matchAll(/AUDIT_ACTION = "([a-z0-9_.-]+)"/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(15);
    expect([...used].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
  });
});
