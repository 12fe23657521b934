// Issue 19 item 1 (docs/product.md §16, docs/decisions/063-staff-scope.md): a placement officer
// scoped to the Naryn lyceum sees Naryn's graduates on every staff page but the outcome pages
// (those: tests of scopeout19) — the landing page's counts, the graduate list and its search, the
// graduate page, cohorts and invitations, the CSV import, password resets, the audit view, reported
// conversations, a private profile — and an admin sets the scope on /admin/staff (audited; bad
// ticks are a 400 with the ticks kept). Real SQLite files; the routes' loaders and actions as Remix calls them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import * as directoryPage from "~/routes/_employer.graduates._index";
import * as adminStaff from "~/routes/admin.staff";
import * as gSlug from "~/routes/g.$slug";
import * as staffAudit from "~/routes/staff.audit";
import * as staffConversations from "~/routes/staff.conversations._index";
import * as staffGraduate from "~/routes/staff.graduates.$id";
import * as staffGraduates from "~/routes/staff.graduates._index";
import * as staffImport from "~/routes/staff.import._index";
import * as staffHome from "~/routes/staff._index";
import * as staffInvitations from "~/routes/staff.invitations";
import * as staffLayout from "~/routes/staff";
import * as staffResets from "~/routes/staff.password-resets";
import { recordAudit } from "~/models/audit.server";
import { reportConversation, sendConversationMessage } from "~/models/conversations.server";
import { setStaffScope, staffScopeOf } from "~/models/staff-scopes.server";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeApplication, makeCohort, makeCompany, makeGraduate, makeUser, makeVacancy, sessionCookieFor } from "../support/factories";
import { call, get, post } from "../support/remix";

let c: Connection;
let naryn: number;
let karakol: number;
let narynCohort: number;
let karakolCohort: number;
let narynOfficer: { id: number; cookie: string };
let agencyStaff: { id: number; cookie: string };
let admin: { id: number; cookie: string };

async function signedIn(role: "staff" | "admin") {
  const user = await makeUser(c, role);
  return { id: user.id, cookie: await sessionCookieFor(user.id) };
}

beforeEach(async () => {
  c = await createTestDatabase();
  const school = async (slug: string) => (await c.db.selectFrom("schools").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
  naryn = await school("pl-87-naryn");
  karakol = await school("pl-14-karakol");
  narynCohort = await makeCohort(c, "2026-06-30", naryn);
  karakolCohort = await makeCohort(c, "2026-06-30", karakol);
  agencyStaff = await signedIn("staff");
  narynOfficer = await signedIn("staff");
  admin = await signedIn("admin");
  await setStaffScope(c.db, narynOfficer.id, [naryn]);
});
afterEach(closeTestDatabases);

/** Three Naryn graduates (two joined) and two Karakol ones (one joined), all named Токтогулов for the search. */
async function graduates() {
  const n1 = await makeGraduate(c, { cohortId: narynCohort, firstName: "Айбек", lastName: "Токтогулов", account: true, staffId: agencyStaff.id });
  const n2 = await makeGraduate(c, { cohortId: narynCohort, firstName: "Нурлан", lastName: "Токтогулов", account: true, staffId: agencyStaff.id });
  const n3 = await makeGraduate(c, { cohortId: narynCohort, firstName: "Асель", lastName: "Токтогулова", staffId: agencyStaff.id });
  const k1 = await makeGraduate(c, { cohortId: karakolCohort, firstName: "Бакыт", lastName: "Токтогулов", account: true, staffId: agencyStaff.id });
  const k2 = await makeGraduate(c, { cohortId: karakolCohort, firstName: "Жибек", lastName: "Токтогулова", staffId: agencyStaff.id });
  return { n1, n2, n3, k1, k2 };
}

type Loaded<T> = T extends (...args: never[]) => Promise<infer R> ? R : never;

describe("a Naryn-scoped officer's staff pages", () => {
  it("the landing page counts the scope's graduates and the navigation names the scope; Agency-wide staff see every school", async () => {
    await graduates();
    const scoped = await call(staffHome.loader, get("/staff", { cookie: narynOfficer.cookie }));
    expect((scoped.data as Loaded<typeof staffHome.loader>).counts).toEqual({ enrolled: 3, joined: 2 });
    const agency = await call(staffHome.loader, get("/staff", { cookie: agencyStaff.cookie }));
    expect((agency.data as Loaded<typeof staffHome.loader>).counts).toEqual({ enrolled: 5, joined: 3 });

    const layout = (await call(staffLayout.loader, get("/staff", { cookie: narynOfficer.cookie }))).data as Loaded<typeof staffLayout.loader>;
    expect(layout.agencyWide).toBe(false);
    expect(layout.schools.map((s) => s.name_en)).toEqual(["Professional Lyceum No. 87"]);
    const wide = (await call(staffLayout.loader, get("/staff", { cookie: agencyStaff.cookie }))).data as Loaded<typeof staffLayout.loader>;
    expect(wide).toEqual({ agencyWide: true, schools: [] });
  });

  it("the graduate list and its search find Naryn's graduates only, with Naryn's count", async () => {
    const { n1, n2, n3 } = await graduates();
    const search = await call(staffGraduates.loader, get(`/staff/graduates?q=${encodeURIComponent("Токтогулов")}`, { cookie: narynOfficer.cookie }));
    const found = search.data as Loaded<typeof staffGraduates.loader>;
    expect(found.graduates.map((g) => g.id).sort()).toEqual([n1.graduateId, n2.graduateId, n3.graduateId].sort());
    expect(found.total).toBe(3);
    // Without a query: the joined graduates of the scope.
    const list = (await call(staffGraduates.loader, get("/staff/graduates", { cookie: narynOfficer.cookie }))).data as Loaded<typeof staffGraduates.loader>;
    expect(list.graduates.map((g) => g.id).sort()).toEqual([n1.graduateId, n2.graduateId].sort());
    const wide = (await call(staffGraduates.loader, get(`/staff/graduates?q=${encodeURIComponent("Токтогулов")}`, { cookie: agencyStaff.cookie })))
      .data as Loaded<typeof staffGraduates.loader>;
    expect(wide.total).toBe(5);
  });

  it("a Karakol graduate's page is 404 for the Naryn officer (loader and action, nothing written), 200 for Agency staff", async () => {
    const { n1, k1 } = await graduates();
    const url = (id: number) => `/staff/graduates/${id}`;
    expect((await call(staffGraduate.loader, get(url(k1.graduateId), { cookie: narynOfficer.cookie }), { id: String(k1.graduateId) })).status).toBe(404);
    expect((await call(staffGraduate.loader, get(url(n1.graduateId), { cookie: narynOfficer.cookie }), { id: String(n1.graduateId) })).status).toBe(200);
    expect((await call(staffGraduate.loader, get(url(k1.graduateId), { cookie: agencyStaff.cookie }), { id: String(k1.graduateId) })).status).toBe(200);
    await c.db.updateTable("graduates").set({ certificate_number: "ISDEL-1", certificate_date: "2026-06-01" }).where("id", "=", k1.graduateId).execute();
    const before = snapshot(c);
    const verify = await call(staffGraduate.action, post(url(k1.graduateId), { intent: "verifyCertificate" }, { cookie: narynOfficer.cookie }), {
      id: String(k1.graduateId),
    });
    expect(verify.status).toBe(404);
    expect(snapshot(c)).toEqual(before);
  });

  it("cohorts, invitations and the CSV import offer the scope's cohorts; enrolling or importing into another school's cohort is a 400 writing nothing", async () => {
    const { n1, k1 } = await graduates();
    const page = (await call(staffInvitations.loader, get("/staff/invitations", { cookie: narynOfficer.cookie }))).data as Loaded<
      typeof staffInvitations.loader
    >;
    expect(page.schools.map((s) => s.id)).toEqual([naryn]);
    expect(page.cohorts.map((x) => x.id)).toEqual([narynCohort]);
    expect(page.invitations.map((i) => i.graduate_id)).toContain(n1.graduateId);
    expect(page.invitations.map((i) => i.graduate_id)).not.toContain(k1.graduateId);

    const before = snapshot(c);
    const enrol = await call(
      staffInvitations.action,
      post(
        "/staff/invitations",
        { intent: "enrol", cohortId: String(karakolCohort), firstName: "Айдай", lastName: "Сыдыкова" },
        { cookie: narynOfficer.cookie },
      ),
    );
    expect(enrol.status).toBe(400);
    expect((enrol.data as { errors: Record<string, string>; values: Record<string, string> }).errors.cohortId).toBe("errors.cohortUnknown");
    expect((enrol.data as { values: Record<string, string> }).values.firstName).toBe("Айдай");
    const cohort = await call(
      staffInvitations.action,
      post("/staff/invitations", { intent: "cohort", schoolId: String(karakol), graduationDate: "2027-06-30" }, { cookie: narynOfficer.cookie }),
    );
    expect(cohort.status).toBe(400);

    const imports = (await call(staffImport.loader, get("/staff/import", { cookie: narynOfficer.cookie }))).data as Loaded<typeof staffImport.loader>;
    expect(imports.cohorts.map((x) => x.id)).toEqual([narynCohort]);
    const form = new FormData();
    form.append("cohortId", String(karakolCohort));
    form.append("file", new File([Buffer.from("first_name,last_name\nАйдай,Сыдыкова\n")], "list.csv", { type: "text/csv" }));
    const upload = await call(
      staffImport.action,
      new Request("http://localhost/staff/import", { method: "POST", body: form, headers: { Cookie: narynOfficer.cookie } }),
    );
    expect(upload.status).toBe(400);
    expect((upload.data as { errors: Record<string, string> }).errors.cohortId).toBe("errors.cohortUnknown");
    expect(snapshot(c)).toEqual(before);
  });

  it("a reset link only for the scope's graduates: another school's graduate or a staff account reads as no such account", async () => {
    const { n1, k1 } = await graduates();
    const email = async (userId: number | null) => (await c.db.selectFrom("users").select("email").where("id", "=", userId!).executeTakeFirstOrThrow()).email;
    const before = snapshot(c);
    for (const target of [await email(k1.userId), await email(agencyStaff.id)]) {
      const refused = await call(staffResets.action, post("/staff/password-resets", { email: target }, { cookie: narynOfficer.cookie }));
      expect(refused.status).toBe(400);
      expect((refused.data as { errors: Record<string, string> }).errors.email).toBe("errors.userNotFound");
    }
    expect(snapshot(c)).toEqual(before);
    const made = await call(staffResets.action, post("/staff/password-resets", { email: await email(n1.userId) }, { cookie: narynOfficer.cookie }));
    expect(made.status).toBe(200);
    expect((made.data as { ok: boolean }).ok).toBe(true);
  });

  it("the audit view: entries about Naryn's graduates and cohorts and the officer's own actions; not Karakol's", async () => {
    const { n1, k1 } = await graduates();
    await recordAudit(c.db, { actorId: agencyStaff.id, action: "certificate.verify", entity: "graduate", entityId: n1.graduateId });
    await recordAudit(c.db, { actorId: agencyStaff.id, action: "certificate.verify", entity: "graduate", entityId: k1.graduateId });
    await recordAudit(c.db, { actorId: agencyStaff.id, action: "cohort.create", entity: "cohort", entityId: karakolCohort });
    await recordAudit(c.db, { actorId: agencyStaff.id, action: "cohort.create", entity: "cohort", entityId: narynCohort });
    await recordAudit(c.db, { actorId: narynOfficer.id, action: "password-reset.create", entity: "user", entityId: 999 });
    await recordAudit(c.db, { actorId: agencyStaff.id, action: "company.verify", entity: "company", entityId: 1 });
    const scoped = (await call(staffAudit.loader, get("/staff/audit", { cookie: narynOfficer.cookie }))).data as Loaded<typeof staffAudit.loader>;
    const seen = scoped.entries.map((e) => `${e.entity}:${e.entity_id}`).sort();
    expect(seen).toEqual([`cohort:${narynCohort}`, `graduate:${n1.graduateId}`, "user:999"].sort());
    expect(scoped.total).toBe(3);
    // The filter menus list only what the officer may read.
    expect(scoped.actions).not.toContain("company.verify");
    const wide = (await call(staffAudit.loader, get("/staff/audit", { cookie: agencyStaff.cookie }))).data as Loaded<typeof staffAudit.loader>;
    expect(wide.total).toBeGreaterThanOrEqual(6);
  });

  it("reported conversations: only those of the scope's graduates", async () => {
    const { n1, k1 } = await graduates();
    const owner = await makeUser(c, "employer");
    const companyId = await makeCompany(c, owner.id, "verified");
    const vacancyId = await makeVacancy(c, companyId, { status: "open" });
    const onNaryn = await makeApplication(c, vacancyId, n1.graduateId);
    const onKarakol = await makeApplication(c, vacancyId, k1.graduateId);
    for (const applicationId of [onNaryn, onKarakol]) {
      await sendConversationMessage(c.db, { side: "company", companyId }, applicationId, owner.id, "Hello", null);
      const reported = await reportConversation(c.db, { side: "company", companyId }, applicationId, owner.id, "Rude");
      expect(reported.ok).toBe(true);
    }
    const scoped = (await call(staffConversations.loader, get("/staff/conversations", { cookie: narynOfficer.cookie }))).data as Loaded<
      typeof staffConversations.loader
    >;
    expect(scoped.reports.map((r) => r.applicationId)).toEqual([onNaryn]);
    const wide = (await call(staffConversations.loader, get("/staff/conversations", { cookie: agencyStaff.cookie }))).data as Loaded<
      typeof staffConversations.loader
    >;
    expect(wide.reports.map((r) => r.applicationId).sort()).toEqual([onNaryn, onKarakol].sort());
  });

  it("a private profile: the officer of its school sees it, the officer of another school gets 404, Agency staff see it; the directory lists no private profile to a scoped officer", async () => {
    const { n1, k1 } = await graduates();
    for (const [g, slug] of [
      [n1, "naryn-private"],
      [k1, "karakol-private"],
    ] as const)
      await c.db.updateTable("graduates").set({ slug, visibility: "private", published_at: new Date().toISOString() }).where("id", "=", g.graduateId).execute();
    const page = (slug: string, cookie: string) => call(gSlug.loader, get(`/g/${slug}`, { cookie }), { slug });
    expect((await page("naryn-private", narynOfficer.cookie)).status).toBe(200);
    expect((await page("karakol-private", narynOfficer.cookie)).status).toBe(404);
    expect((await page("karakol-private", agencyStaff.cookie)).status).toBe(200);
    // The directory spans every school: a scoped officer lists no private profile there (decision 063).
    const directory = async (cookie: string) =>
      ((await call(directoryPage.loader, get("/graduates", { cookie }))).data as Loaded<typeof directoryPage.loader>).result.items.map((g) => g.slug);
    expect(await directory(agencyStaff.cookie)).toEqual(expect.arrayContaining(["naryn-private", "karakol-private"]));
    expect(await directory(narynOfficer.cookie)).toEqual([]);
  });

  it("company and vacancy work is the whole Agency's: the scoped officer gets 403", async () => {
    const companies = await import("~/routes/staff.companies._index");
    const vacancies = await import("~/routes/staff.vacancies._index");
    expect((await call(companies.loader, get("/staff/companies", { cookie: narynOfficer.cookie }))).status).toBe(403);
    expect((await call(vacancies.loader, get("/staff/vacancies", { cookie: narynOfficer.cookie }))).status).toBe(403);
    expect((await call(companies.loader, get("/staff/companies", { cookie: agencyStaff.cookie }))).status).toBe(200);
  });
});

describe("an admin sets a staff account's scope on /admin/staff", () => {
  const scopeForm = (userId: number, scope: string, schools: string[]): [string, string][] => [
    ["intent", "scope"],
    ["userId", String(userId)],
    ["scope", scope],
    ...schools.map((s): [string, string] => ["school", s]),
  ];

  it("saves the ticked schools with an audit entry (before and after), and back to the whole Agency", async () => {
    const saved = await call(
      adminStaff.action,
      post("/admin/staff", scopeForm(agencyStaff.id, "schools", [String(naryn), String(karakol)]), { cookie: admin.cookie }),
    );
    expect(saved.status).toBe(302);
    expect(await staffScopeOf(c.db, { id: agencyStaff.id, role: "staff" })).toEqual({ kind: "schools", schoolIds: [naryn, karakol].sort((a, b) => a - b) });
    const entry = await c.db.selectFrom("audit_log").selectAll().where("action", "=", "staff.scope").executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_user_id: admin.id, entity: "user", entity_id: String(agencyStaff.id) });
    expect(JSON.parse(entry.before_json!)).toEqual({ school_ids: [] });
    expect(JSON.parse(entry.after_json!)).toEqual({ school_ids: [naryn, karakol].sort((a, b) => a - b) });

    const cleared = await call(adminStaff.action, post("/admin/staff", scopeForm(agencyStaff.id, "agency", []), { cookie: admin.cookie }));
    expect(cleared.status).toBe(302);
    expect(await staffScopeOf(c.db, { id: agencyStaff.id, role: "staff" })).toEqual({ kind: "agency" });

    const list = (await call(adminStaff.loader, get("/admin/staff", { cookie: admin.cookie }))).data as Loaded<typeof adminStaff.loader>;
    expect(list.people.find((p) => p.id === narynOfficer.id)?.schoolIds).toEqual([naryn]);
    expect(list.people.find((p) => p.id === agencyStaff.id)?.schoolIds).toEqual([]);
  });

  it("a school that does not exist, a forged value or no tick is a 400 with the ticks kept, nothing written", async () => {
    const before = snapshot(c);
    const cases: [string, string[], string][] = [
      ["schools", [String(naryn), "999999"], "adminScope.errors.unknownSchool"],
      ["schools", [String(naryn), "1 or 1=1"], "adminScope.errors.unknownSchool"],
      ["schools", [], "adminScope.errors.noSchool"],
      ["everything", [String(naryn)], "adminScope.errors.noSchool"],
    ];
    for (const [scope, schools, error] of cases) {
      const refused = await call(adminStaff.action, post("/admin/staff", scopeForm(narynOfficer.id, scope, schools), { cookie: admin.cookie }));
      expect(refused.status, `${scope} ${schools.join(",")}`).toBe(400);
      expect((refused.data as { scopeFailure: unknown }).scopeFailure).toEqual({ userId: narynOfficer.id, scope, schools, error });
    }
    expect(snapshot(c)).toEqual(before);
  });

  it("a new staff account may carry its scope (audited); a forged tick is a 400 keeping the form, and no account is made", async () => {
    const fields = (email: string, schools: string[]): [string, string][] => [
      ["name", "Жылдыз Сооронбаева"],
      ["email", email],
      ["password", "another-horse-42"],
      ["scope", "schools"],
      ...schools.map((s): [string, string] => ["school", s]),
    ];
    const before = snapshot(c);
    const refused = await call(adminStaff.action, post("/admin/staff", fields("new1@test.kg", [String(naryn), "abc"]), { cookie: admin.cookie }));
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({
      errors: { scope: "adminScope.errors.unknownSchool" },
      values: { email: "new1@test.kg" },
      createScope: "schools",
      createTicks: [String(naryn), "abc"],
    });
    expect(snapshot(c)).toEqual(before);

    const made = await call(adminStaff.action, post("/admin/staff", fields("new2@test.kg", [String(naryn)]), { cookie: admin.cookie }));
    expect(made.status).toBe(302);
    const user = await c.db.selectFrom("users").select(["id", "role"]).where("email", "=", "new2@test.kg").executeTakeFirstOrThrow();
    expect(await staffScopeOf(c.db, user)).toEqual({ kind: "schools", schoolIds: [naryn] });
    const entry = await c.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "staff.scope")
      .where("entity_id", "=", String(user.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json!)).toEqual({ school_ids: [naryn] });
  });

  it("an admin's or an unknown account's id is a 404, and staff cannot set scopes at all", async () => {
    const before = snapshot(c);
    for (const userId of [admin.id, 999999])
      expect((await call(adminStaff.action, post("/admin/staff", scopeForm(userId, "schools", [String(naryn)]), { cookie: admin.cookie }))).status).toBe(404);
    expect((await call(adminStaff.action, post("/admin/staff", scopeForm(narynOfficer.id, "agency", []), { cookie: agencyStaff.cookie }))).status).toBe(403);
    expect(snapshot(c)).toEqual(before);
  });
});
