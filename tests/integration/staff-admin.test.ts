import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import * as adminHome from "~/routes/admin._index";
import * as adminModule from "~/routes/admin.modules.$id";
import * as adminSchool from "~/routes/admin.schools.$id";
import * as adminSettings from "~/routes/admin.settings";
import * as adminSkill from "~/routes/admin.skills.$id";
import * as adminSkills from "~/routes/admin.skills._index";
import * as adminStaff from "~/routes/admin.staff";
import * as login from "~/routes/login";
import * as reset from "~/routes/reset.$token";
import * as staffHome from "~/routes/staff._index";
import * as staffInvitations from "~/routes/staff.invitations";
import * as staffResets from "~/routes/staff.password-resets";
import * as account from "~/routes/account";
import { resolveSkillText } from "~/models/skills.server";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeCohort, makeUser, PASSWORD, signedIn } from "../support/factories";
import { call, get, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

describe("role denials", () => {
  it("sends signed-out people to sign in, with the way back", async () => {
    const res = await call(adminHome.loader, get("/admin?x=1"));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login?redirectTo=%2Fadmin%3Fx%3D1");
  });

  it("answers 403 to the wrong role, on loaders and actions", async () => {
    const graduate = await signedIn(c, "graduate");
    const employer = await signedIn(c, "employer");
    const staff = await signedIn(c, "staff");
    expect((await call(adminHome.loader, get("/admin", { cookie: graduate.cookie }))).status).toBe(403);
    expect((await call(adminHome.loader, get("/admin", { cookie: staff.cookie }))).status).toBe(403);
    expect((await call(staffHome.loader, get("/staff", { cookie: employer.cookie }))).status).toBe(403);
    expect((await call(staffHome.loader, get("/staff", { cookie: graduate.cookie }))).status).toBe(403);
    const before = snapshot(c);
    const res = await call(adminStaff.action, post("/admin/staff", { name: "X", email: "x@x.kg", password: "long-password-1" }, { cookie: staff.cookie }));
    expect(res.status).toBe(403);
    const enrol = await call(
      staffInvitations.action,
      post("/staff/invitations", { intent: "enrol", cohortId: "1", firstName: "A", lastName: "B" }, { cookie: employer.cookie }),
    );
    expect(enrol.status).toBe(403);
    expect(snapshot(c)).toEqual(before);
  });

  it("lets staff and admins into the placement office", async () => {
    for (const role of ["staff", "admin"] as const) {
      const u = await signedIn(c, role);
      expect((await call(staffHome.loader, get("/staff", { cookie: u.cookie }))).status).toBe(200);
    }
  });
});

describe("admins create staff accounts", () => {
  it("creates a staff account that can sign in, and audits it", async () => {
    const admin = await signedIn(c, "admin");
    const res = await call(
      adminStaff.action,
      post("/admin/staff", { name: "Нургүл Абдыкадырова", email: "nurgul@agency.kg", password: "first-password-1" }, { cookie: admin.cookie }),
    );
    expect(res.status).toBe(302);
    const user = await c.db.selectFrom("users").selectAll().where("email", "=", "nurgul@agency.kg").executeTakeFirstOrThrow();
    expect(user.role).toBe("staff");
    const audit = await c.db.selectFrom("audit_log").selectAll().where("action", "=", "user.create-staff").executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(admin.id);
    expect((await call(login.action, post("/login", { email: "nurgul@agency.kg", password: "first-password-1" }))).location).toBe("/staff");
  });
});

describe("staff enrol graduates and create cohorts", () => {
  it("enrols a graduate and shows the code and link once", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    const res = await call(
      staffInvitations.action,
      post("/staff/invitations", { intent: "enrol", cohortId: String(cohortId), firstName: "Эрмек", lastName: "Токтосунов" }, { cookie: staff.cookie }),
    );
    expect(res.status).toBe(200);
    const created = (res.data as { created: { code: string; link: string } }).created;
    expect(created.code).toMatch(/^KG-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(created.link).toBe(`http://localhost/join?code=${created.code}`);
    const listed = await call(staffInvitations.loader, get("/staff/invitations", { cookie: staff.cookie }));
    expect((listed.data as { invitations: { code: string }[] }).invitations.map((i) => i.code)).toContain(created.code);
  });

  it("refuses an unknown cohort, a duplicate cohort and a bad date with 400", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c, "2026-06-30");
    const school = await c.db.selectFrom("cohorts").select("school_id").where("id", "=", cohortId).executeTakeFirstOrThrow();
    const before = snapshot(c);
    const unknown = await call(
      staffInvitations.action,
      post("/staff/invitations", { intent: "enrol", cohortId: "999999", firstName: "A", lastName: "B" }, { cookie: staff.cookie }),
    );
    expect(unknown.data).toMatchObject({ errors: { cohortId: "errors.cohortUnknown" }, values: { firstName: "A" } });
    const dup = await call(
      staffInvitations.action,
      post("/staff/invitations", { intent: "cohort", schoolId: String(school.school_id), graduationDate: "2026-06-30" }, { cookie: staff.cookie }),
    );
    expect(dup.data).toMatchObject({ errors: { graduationDate: "errors.cohortExists" } });
    const badDate = await call(
      staffInvitations.action,
      post("/staff/invitations", { intent: "cohort", schoolId: String(school.school_id), graduationDate: "2026-02-30" }, { cookie: staff.cookie }),
    );
    expect(badDate.status).toBe(400);
    expect(badDate.data).toMatchObject({ errors: { graduationDate: "errors.date" } });
    const noIntent = await call(staffInvitations.action, post("/staff/invitations", { foo: "bar" }, { cookie: staff.cookie }));
    expect(noIntent.status).toBe(400);
    expect(snapshot(c)).toEqual(before);
  });
});

describe("staff-issued one-time password reset links", () => {
  it("works once, sets the password and ends the account's sessions", async () => {
    const staff = await signedIn(c, "staff");
    const graduate = await signedIn(c, "graduate");
    const issued = await call(staffResets.action, post("/staff/password-resets", { email: graduate.email }, { cookie: staff.cookie }));
    expect(issued.status).toBe(200);
    const link = (issued.data as { link: string }).link;
    const token = link.split("/reset/")[1]!;
    expect((await call(reset.loader, get(`/reset/${token}`), { token })).data).toMatchObject({ email: graduate.email });

    const mismatch = await call(reset.action, post(`/reset/${token}`, { password: "new-password-1", passwordRepeat: "other-password" }), { token });
    expect(mismatch.status).toBe(400);

    const done = await call(reset.action, post(`/reset/${token}`, { password: "new-password-1", passwordRepeat: "new-password-1" }), { token });
    expect(done.status).toBe(302);
    expect((await call(account.loader, get("/account", { cookie: graduate.cookie }))).status).toBe(302);
    expect((await call(login.action, post("/login", { email: graduate.email, password: "new-password-1" }))).status).toBe(302);
    expect((await call(login.action, post("/login", { email: graduate.email, password: PASSWORD }))).status).toBe(401);

    const again = await call(reset.action, post(`/reset/${token}`, { password: "third-password", passwordRepeat: "third-password" }), { token });
    expect(again.status).toBe(400);
    expect(again.data).toMatchObject({ errors: { _form: "errors.resetInvalid" } });
    expect((await call(reset.loader, get(`/reset/${token}`), { token })).status).toBe(404);
  });

  it("only an admin may reset a staff or admin account", async () => {
    const staff = await signedIn(c, "staff");
    const admin = await signedIn(c, "admin");
    const otherStaff = await makeUser(c, "staff");
    const refused = await call(staffResets.action, post("/staff/password-resets", { email: otherStaff.email }, { cookie: staff.cookie }));
    expect(refused.status).toBe(403);
    expect(await c.db.selectFrom("password_resets").selectAll().execute()).toHaveLength(0);
    const allowed = await call(staffResets.action, post("/staff/password-resets", { email: otherStaff.email }, { cookie: admin.cookie }));
    expect(allowed.status).toBe(200);
  });

  it("says so when no account has the email", async () => {
    const staff = await signedIn(c, "staff");
    const res = await call(staffResets.action, post("/staff/password-resets", { email: "ghost@nowhere.kg" }, { cookie: staff.cookie }));
    expect(res.data).toMatchObject({ errors: { email: "errors.userNotFound" } });
  });
});

describe("skills taxonomy", () => {
  it("resolves names and aliases in three languages, jargon and spellings, to one skill", async () => {
    const js = await resolveSkillText(c.db, "JavaScript");
    for (const typed of ["js", "ДЖАВАСКРИПТ", "ecmascript"]) expect((await resolveSkillText(c.db, typed))?.id, typed).toBe(js?.id);
    const layout = await resolveSkillText(c.db, "вёрстка");
    expect(layout).not.toBeNull();
    expect((await resolveSkillText(c.db, "верстка"))?.id).toBe(layout?.id);
    expect(await resolveSkillText(c.db, "бэкенд")).not.toBeNull();
    expect((await resolveSkillText(c.db, "питон"))?.slug).toBe("python");
    const count = Number(
      (
        await c.db
          .selectFrom("skills")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(count).toBeGreaterThanOrEqual(150);
  });

  it("creates a skill with aliases and related skills, and refuses an alias another skill owns", async () => {
    const admin = await signedIn(c, "admin");
    const category = await c.db.selectFrom("skill_categories").select("id").where("slug", "=", "backend").executeTakeFirstOrThrow();
    const fields = {
      slug: "htmx",
      categoryId: String(category.id),
      name_ky: "htmx",
      name_ru: "htmx",
      name_en: "htmx",
      aliases: "эйчтиэмикс\nhtmx.org",
      related: "JavaScript\nHTML",
    };
    const res = await call(adminSkill.action, post("/admin/skills/new", fields, { cookie: admin.cookie }), { id: "new" });
    expect(res.status).toBe(302);
    const created = await resolveSkillText(c.db, "Эйчтиэмикс");
    expect(created?.slug).toBe("htmx");
    const related = await c.db.selectFrom("skill_relations").select("related_skill_id").where("skill_id", "=", created!.id).execute();
    expect(related).toHaveLength(2);

    const before = snapshot(c);
    const clash = await call(
      adminSkill.action,
      post(
        "/admin/skills/new",
        { ...fields, slug: "htmx-2", name_ky: "HTMX two", name_ru: "HTMX two", name_en: "HTMX two", aliases: "JS", related: "" },
        { cookie: admin.cookie },
      ),
      { id: "new" },
    );
    expect(clash.status).toBe(400);
    expect((clash.data as { errors: { aliases: unknown } }).errors.aliases).toEqual(["errors.aliasTaken", { alias: "JS", skill: "JavaScript" }]);
    expect((clash.data as { values: Record<string, string> }).values.name_en).toBe("HTMX two");
    expect(snapshot(c)).toEqual(before);
  });

  it("merges a duplicate without losing anyone's claims", async () => {
    const admin = await signedIn(c, "admin");
    const category = await c.db.selectFrom("skill_categories").select("id").orderBy("id").executeTakeFirstOrThrow();
    await call(
      adminSkill.action,
      post(
        "/admin/skills/new",
        { slug: "reactjs-dup", categoryId: String(category.id), name_ky: "Реакт жс", name_ru: "Реакт жс", name_en: "React JS (dup)", aliases: "", related: "" },
        { cookie: admin.cookie },
      ),
      { id: "new" },
    );
    const dup = (await resolveSkillText(c.db, "React JS (dup)"))!;
    const react = (await resolveSkillText(c.db, "React"))!;
    // Module 12 teaches the duplicate, module 8 (React) teaches both.
    const m12 = await c.db.selectFrom("modules").select("id").where("number", "=", 12).executeTakeFirstOrThrow();
    const m8 = await c.db.selectFrom("modules").select("id").where("number", "=", 8).executeTakeFirstOrThrow();
    await c.db
      .insertInto("module_skills")
      .values([
        { module_id: m12.id, skill_id: dup.id },
        { module_id: m8.id, skill_id: dup.id },
      ])
      .execute();

    const res = await call(adminSkills.action, post("/admin/skills", { intent: "merge", from: "React JS (dup)", into: "react" }, { cookie: admin.cookie }));
    expect(res.status).toBe(302);
    expect(await c.db.selectFrom("skills").select("id").where("id", "=", dup.id).executeTakeFirst()).toBeUndefined();
    expect((await resolveSkillText(c.db, "Реакт жс"))?.id).toBe(react.id);
    const teaching = await c.db.selectFrom("module_skills").select("module_id").where("skill_id", "=", react.id).execute();
    expect(teaching.map((t) => t.module_id).sort()).toEqual([m8.id, m12.id].sort());
    expect(await c.db.selectFrom("audit_log").select("action").where("action", "=", "skill.merge").executeTakeFirst()).toBeDefined();
  });

  it("refuses merging a skill into itself or an unknown one", async () => {
    const admin = await signedIn(c, "admin");
    const same = await call(adminSkills.action, post("/admin/skills", { intent: "merge", from: "JS", into: "JavaScript" }, { cookie: admin.cookie }));
    expect(same.data).toMatchObject({ errors: { into: "errors.mergeSame" } });
    const unknown = await call(
      adminSkills.action,
      post("/admin/skills", { intent: "merge", from: "no-such-skill-xyz", into: "JavaScript" }, { cookie: admin.cookie }),
    );
    expect(unknown.status).toBe(400);
  });

  it("filters and pages the list through the query string, tolerating nonsense", async () => {
    const admin = await signedIn(c, "admin");
    const res = await call(adminSkills.loader, get("/admin/skills?q=%D0%B1%D1%8D%D0%BA%D0%B5%D0%BD%D0%B4&page=-4&category=abc", { cookie: admin.cookie }));
    expect(res.status).toBe(200);
    const d = res.data as { items: { slug: string }[]; resolved: { slug: string } | null; query: { page: number } };
    expect(d.query.page).toBe(1);
    expect(d.resolved).not.toBeNull();
    expect(d.items.length).toBeGreaterThan(0);
  });
});

describe("modules, schools and the certificate name", () => {
  it("edits a module's titles and skills; unknown skills are refused and nothing is written", async () => {
    const admin = await signedIn(c, "admin");
    const m = await c.db.selectFrom("modules").select("id").where("number", "=", 4).executeTakeFirstOrThrow();
    const before = snapshot(c);
    const bad = await call(
      adminModule.action,
      post(`/admin/modules/${m.id}`, { title_ky: "a", title_ru: "b", title_en: "c", skills: "HTML\nквантовая вёрстка" }, { cookie: admin.cookie }),
      { id: String(m.id) },
    );
    expect(bad.status).toBe(400);
    expect((bad.data as { errors: { skills: unknown } }).errors.skills).toEqual(["admin.modules.unknownSkills", { list: "квантовая вёрстка" }]);
    expect(snapshot(c)).toEqual(before);
    const ok = await call(
      adminModule.action,
      post(`/admin/modules/${m.id}`, { title_ky: "Вёрстка", title_ru: "Вёрстка", title_en: "Layout", skills: "html\nCSS\nSass" }, { cookie: admin.cookie }),
      { id: String(m.id) },
    );
    expect(ok.status).toBe(302);
    const skills = await c.db
      .selectFrom("module_skills")
      .innerJoin("skills", "skills.id", "module_skills.skill_id")
      .select("skills.slug")
      .where("module_id", "=", m.id)
      .execute();
    expect(skills.map((s) => s.slug).sort()).toEqual(["css", "html", "sass"]);
  });

  it("answers 404 to a module or school that does not exist", async () => {
    const admin = await signedIn(c, "admin");
    expect((await call(adminModule.loader, get("/admin/modules/77", { cookie: admin.cookie }), { id: "77" })).status).toBe(404);
    expect((await call(adminSchool.loader, get("/admin/schools/x1", { cookie: admin.cookie }), { id: "x1" })).status).toBe(404);
  });

  it("edits a school and refuses a slug another school has", async () => {
    const admin = await signedIn(c, "admin");
    const [a, b] = await c.db.selectFrom("schools").selectAll().orderBy("id").limit(2).execute();
    const fields = {
      slug: b!.slug,
      regionId: String(a!.region_id),
      name_ky: "Жаңы",
      name_ru: "Новый",
      name_en: "New",
      city_ky: "Көк-Ой",
      city_ru: "Кок-Ой",
      city_en: "Kok-Oy",
    };
    const clash = await call(adminSchool.action, post(`/admin/schools/${a!.id}`, fields, { cookie: admin.cookie }), { id: String(a!.id) });
    expect(clash.data).toMatchObject({ errors: { slug: "errors.slugTaken" } });
    const ok = await call(adminSchool.action, post(`/admin/schools/${a!.id}`, { ...fields, slug: a!.slug }, { cookie: admin.cookie }), { id: String(a!.id) });
    expect(ok.status).toBe(302);
    expect((await c.db.selectFrom("schools").select("name_en").where("id", "=", a!.id).executeTakeFirstOrThrow()).name_en).toBe("New");
  });

  it("renames the certificate in three languages", async () => {
    const admin = await signedIn(c, "admin");
    const res = await call(
      adminSettings.action,
      post("/admin/settings", { certificate_name_ky: "ICDL", certificate_name_ru: "ICDL", certificate_name_en: "ICDL" }, { cookie: admin.cookie }),
    );
    expect(res.status).toBe(302);
    const rows = await c.db.selectFrom("settings").select("value").where("key", "like", "certificate_name_%").execute();
    expect(rows.map((r) => r.value)).toEqual(["ICDL", "ICDL", "ICDL"]);
    const empty = await call(
      adminSettings.action,
      post("/admin/settings", { certificate_name_ky: "", certificate_name_ru: "x", certificate_name_en: "x" }, { cookie: admin.cookie }),
    );
    expect(empty.data).toMatchObject({ errors: { certificate_name_ky: "errors.required" } });
  });

  it("the audit log refuses edits and deletions", async () => {
    const admin = await signedIn(c, "admin");
    await call(
      adminSettings.action,
      post("/admin/settings", { certificate_name_ky: "A", certificate_name_ru: "B", certificate_name_en: "C" }, { cookie: admin.cookie }),
    );
    expect(() => c.sqlite.prepare("update audit_log set action = 'x'").run()).toThrow(/append-only/);
    expect(() => c.sqlite.prepare("delete from audit_log").run()).toThrow(/append-only/);
  });
});
