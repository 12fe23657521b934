// Companies: the member's profile page, logo upload, colleague invitations and sign-up with
// them, staff verification / rejection / trust, and the public company page — through the
// real loaders and actions on a real SQLite file, with every denial.
import fs from "node:fs";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import * as companyPage from "~/routes/_employer.company";
import * as publicPage from "~/routes/companies.$slug";
import * as signup from "~/routes/signup";
import * as staffCompany from "~/routes/staff.companies.$id";
import * as staffCompanies from "~/routes/staff.companies._index";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { addCompanyMember, makeCompany, makeUser, makeVacancy, sessionCookieFor, signedIn } from "../support/factories";
import { call, get, post } from "../support/remix";
import { useUploadDir } from "../support/upload-dir";

const UPLOAD_DIR = useUploadDir("company-uploads");

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

/** An employer who is a member of a company with the given status. */
async function member(status: "pending" | "verified" = "pending") {
  const user = await signedIn(c, "employer");
  const companyId = await makeCompany(c, user.id, status);
  return { ...user, companyId };
}

const profile = (overrides: Record<string, string> = {}) => ({
  intent: "profile",
  name: "Ала-Тоо Софт",
  htpNumber: "ПВТ-0421",
  website: "https://alatoo.kg",
  city: "Бишкек",
  about: "Мобилдик тиркемелер жана веб-сервистер. Бүтүрүүчүлөр үчүн стажировка.",
  ...overrides,
});

function multipart(path: string, fields: Record<string, string | File>, cookie: string): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: { Cookie: cookie } });
}

const company = (id: number) => c.db.selectFrom("companies").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const auditOf = (id: number) =>
  c.db.selectFrom("audit_log").selectAll().where("entity", "=", "company").where("entity_id", "=", String(id)).orderBy("id").execute();
const notificationsOf = (userId: number) => c.db.selectFrom("notifications").selectAll().where("user_id", "=", userId).orderBy("id").execute();

const addVacancy = async (companyId: number, title: string, status: "open" | "draft") => ({
  id: await makeVacancy(c, companyId, { title, description: "<p>x</p>", city: "Бишкек", deadline: "2026-12-31", status }),
});

describe("the member's company page", () => {
  it("shows the member's own company and saves its profile", async () => {
    const m = await member();
    const page = await call(companyPage.loader, get("/company", { cookie: m.cookie }));
    expect(page.status).toBe(200);
    const data = page.data as { company: { id: number; status: string }; members: { email: string }[] };
    expect(data.company).toMatchObject({ id: m.companyId, status: "pending" });
    expect(data.members.map((x) => x.email)).toEqual([m.email]);

    const res = await call(companyPage.action, post("/company", profile(), { cookie: m.cookie }));
    expect(res.status).toBe(302);
    expect(await company(m.companyId)).toMatchObject({
      name: "Ала-Тоо Софт",
      htp_number: "ПВТ-0421",
      website: "https://alatoo.kg",
      city: "Бишкек",
      status: "pending",
    });
  });

  it("answers bad input with 400 and field messages, keeps what was typed, writes nothing", async () => {
    const m = await member();
    const before = snapshot(c);
    for (const website of ["javascript:alert(1)", "ftp://alatoo.kg", "alatoo"]) {
      const res = await call(companyPage.action, post("/company", profile({ website, name: "  ", about: "x".repeat(6000) }), { cookie: m.cookie }));
      expect(res.status).toBe(400);
      const body = res.data as { errors: Record<string, unknown>; values: Record<string, string> };
      expect(body.errors).toMatchObject({ website: "companies.errors.website", name: "errors.required", about: "errors.tooLong" });
      expect(body.values.city).toBe("Бишкек");
      expect(body.values.website).toBe(website);
    }
    expect(snapshot(c)).toEqual(before);
  });

  it("uploads a logo (re-encoded, at most 256 px), refuses a text file, and removes it", async () => {
    const m = await member();
    const png = await sharp({ create: { width: 800, height: 400, channels: 3, background: { r: 11, g: 92, b: 173 } } })
      .png()
      .toBuffer();
    const res = await call(
      companyPage.action,
      multipart("/company", { intent: "logo", logo: new File([new Uint8Array(png)], "logo.png", { type: "image/png" }) }, m.cookie),
    );
    expect(res.status).toBe(302);
    const { logo } = await company(m.companyId);
    expect(logo).toMatch(/^[a-f0-9]{32}\.webp$/);
    const meta = await sharp(fs.readFileSync(`${UPLOAD_DIR}/${logo}`)).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.width).toBe(256);
    expect(meta.height).toBe(128);

    const before = snapshot(c);
    const text = new File(["not an image at all"], "logo.png", { type: "image/png" });
    const refused = await call(companyPage.action, multipart("/company", { intent: "logo", logo: text }, m.cookie));
    expect(refused.status).toBe(400);
    expect((refused.data as { errors: Record<string, unknown> }).errors.logo).toBe("upload.notImage");
    expect(snapshot(c)).toEqual(before);

    expect((await call(companyPage.action, post("/company", { intent: "removeLogo" }, { cookie: m.cookie }))).status).toBe(302);
    expect((await company(m.companyId)).logo).toBeNull();
    expect(fs.existsSync(`${UPLOAD_DIR}/${logo}`)).toBe(false);
  });

  it("lets a rejected company edit and ask again (back to pending)", async () => {
    const m = await member();
    await c.db.updateTable("companies").set({ status: "rejected", reject_reason: "No HTP number" }).where("id", "=", m.companyId).execute();
    expect((await call(companyPage.action, post("/company", profile(), { cookie: m.cookie }))).status).toBe(302);
    expect((await call(companyPage.action, post("/company", { intent: "resubmit" }, { cookie: m.cookie }))).status).toBe(302);
    expect(await company(m.companyId)).toMatchObject({ status: "pending", reject_reason: null });
  });

  it("refuses visitors, graduates, staff, and employers without a company; never touches another company", async () => {
    const visitor = await call(companyPage.loader, get("/company"));
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/login\?redirectTo=%2Fcompany/);
    for (const role of ["graduate", "staff"] as const) {
      const u = await signedIn(c, role);
      expect((await call(companyPage.loader, get("/company", { cookie: u.cookie }))).status).toBe(403);
      expect((await call(companyPage.action, post("/company", profile(), { cookie: u.cookie }))).status).toBe(403);
    }
    const loner = await signedIn(c, "employer");
    expect((await call(companyPage.loader, get("/company", { cookie: loner.cookie }))).status).toBe(403);
    expect((await call(companyPage.action, post("/company", profile(), { cookie: loner.cookie }))).status).toBe(403);

    // Two companies: B's member only ever sees and edits B; A's invitation ids do nothing for B.
    const a = await member();
    const b = await member();
    const aInvite = await call(companyPage.action, post("/company", { intent: "invite" }, { cookie: a.cookie }));
    expect(aInvite.status).toBe(200);
    const pageB = await call(companyPage.loader, get("/company", { cookie: b.cookie }));
    expect((pageB.data as { company: { id: number } }).company.id).toBe(b.companyId);
    expect((pageB.data as { invites: unknown[] }).invites).toEqual([]);
    const aBefore = await company(a.companyId);
    const invitesBefore = await c.db.selectFrom("company_invites").selectAll().execute();
    const inviteId = String(invitesBefore[0]!.id);
    expect((await call(companyPage.action, post("/company", { intent: "revoke", inviteId }, { cookie: b.cookie }))).status).toBe(302);
    expect(await c.db.selectFrom("company_invites").selectAll().execute()).toEqual(invitesBefore);
    // A posted companyId is ignored: the profile saved is always the member's own.
    await call(
      companyPage.action,
      post("/company", { ...profile({ name: "B renamed" }), companyId: String(a.companyId), id: String(a.companyId) }, { cookie: b.cookie }),
    );
    expect(await company(a.companyId)).toEqual(aBefore);
    expect((await company(b.companyId)).name).toBe("B renamed");
    // A's own member can revoke it.
    expect((await call(companyPage.action, post("/company", { intent: "revoke", inviteId }, { cookie: a.cookie }))).status).toBe(302);
    expect(await c.db.selectFrom("company_invites").selectAll().execute()).toEqual([]);
  });
});

describe("colleague invitations and sign-up", () => {
  const fields = { name: "Бермет Асанова", email: "Bermet@AlaToo.kg", password: "long-enough-pass", passwordRepeat: "long-enough-pass" };

  async function inviteLink(m: { cookie: string }) {
    const res = await call(companyPage.action, post("/company", { intent: "invite" }, { cookie: m.cookie }));
    expect(res.status).toBe(200);
    const link = (res.data as { invite: { link: string; expiresAt: string } }).invite.link;
    expect(link).toMatch(/^http:\/\/localhost\/signup\?invite=[A-Za-z0-9_-]+$/);
    return { link, code: new URL(link).searchParams.get("invite")! };
  }

  it("creates a 14-day one-time code (stored hashed) and signs the colleague up as a member", async () => {
    const m = await member();
    const { code } = await inviteLink(m);
    const stored = await c.db.selectFrom("company_invites").selectAll().executeTakeFirstOrThrow();
    expect(stored.code).not.toBe(code);
    const days = (Date.parse(stored.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    const page = await call(signup.loader, get(`/signup?invite=${code}`));
    expect(page.data).toMatchObject({ invite: { company: (await company(m.companyId)).name, problem: null } });

    const companiesBefore = (await c.db.selectFrom("companies").select("id").execute()).length;
    const res = await call(signup.action, post(`/signup?invite=${code}`, { ...fields, invite: code }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login");
    const user = await c.db.selectFrom("users").selectAll().where("email", "=", "bermet@alatoo.kg").executeTakeFirstOrThrow();
    expect(user.role).toBe("employer");
    const memberships = await c.db.selectFrom("company_members").selectAll().where("user_id", "=", user.id).execute();
    expect(memberships.map((x) => x.company_id)).toEqual([m.companyId]);
    expect((await c.db.selectFrom("companies").select("id").execute()).length).toBe(companiesBefore);
    expect((await c.db.selectFrom("company_invites").selectAll().executeTakeFirstOrThrow()).used_at).not.toBeNull();

    // The new member's /company is the same company.
    const theirs = await call(companyPage.loader, get("/company", { cookie: await sessionCookieFor(user.id) }));
    expect((theirs.data as { company: { id: number } }).company.id).toBe(m.companyId);

    // The code cannot be used again.
    const before = snapshot(c);
    const again = await call(signup.action, post(`/signup?invite=${code}`, { ...fields, email: "second@alatoo.kg", invite: code }));
    expect(again.status).toBe(400);
    expect((again.data as { errors: Record<string, unknown> }).errors.invite).toBe("companies.inviteUsed");
    expect((again.data as { values: Record<string, string> }).values.name).toBe(fields.name);
    expect(snapshot(c)).toEqual(before);
    expect((await call(signup.loader, get(`/signup?invite=${code}`))).data).toMatchObject({ invite: { company: null, problem: "companies.inviteUsed" } });
  });

  it("refuses expired, unknown and revoked codes, keeping what was typed and writing nothing", async () => {
    const m = await member();
    const { code } = await inviteLink(m);
    await c.db
      .updateTable("company_invites")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    const before = snapshot(c);
    const expired = await call(signup.action, post(`/signup?invite=${code}`, { ...fields, invite: code }));
    expect(expired.status).toBe(400);
    expect(expired.data).toMatchObject({ errors: { invite: "companies.inviteExpired" }, values: { name: fields.name, email: fields.email } });
    const unknown = await call(signup.action, post("/signup?invite=nope", { ...fields, invite: "nope" }));
    expect(unknown.data).toMatchObject({ errors: { invite: "companies.inviteUnknown" } });
    // Bad other fields and a bad code: both are reported at once.
    const both = await call(signup.action, post("/signup", { ...fields, email: "x", invite: "nope" }));
    expect(both.data).toMatchObject({ errors: { invite: "companies.inviteUnknown", email: "errors.email" } });
    expect(snapshot(c)).toEqual(before);
  });

  it("keeps the plain employer sign-up creating a pending company", async () => {
    const res = await call(signup.action, post("/signup", { ...fields, company: "Жаңы Компания" }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login");
    expect(await c.db.selectFrom("companies").select(["name", "status"]).execute()).toEqual([{ name: "Жаңы Компания", status: "pending" }]);
  });
});

describe("staff verification", () => {
  it("lists companies pending first, with members' emails, and filters by status", async () => {
    const staff = await signedIn(c, "staff");
    const v = await member("verified");
    const p = await member("pending");
    const list = await call(staffCompanies.loader, get("/staff/companies", { cookie: staff.cookie }));
    const rows = (list.data as { companies: { id: number; status: string; emails: string[] }[] }).companies;
    expect(rows[0]).toMatchObject({ id: p.companyId, status: "pending", emails: [p.email] });
    expect(rows.map((r) => r.id)).toContain(v.companyId);
    const verifiedOnly = await call(staffCompanies.loader, get("/staff/companies?status=verified", { cookie: staff.cookie }));
    expect((verifiedOnly.data as { companies: { id: number }[] }).companies.map((r) => r.id)).toEqual([v.companyId]);
  });

  it("verifies, rejects with a required reason, trusts and untrusts — audited, members notified", async () => {
    const staff = await signedIn(c, "staff");
    const m = await member();
    const colleague = await makeUser(c, "employer");
    await addCompanyMember(c, m.companyId, colleague.id);
    const params = { id: String(m.companyId) };
    const act = (fields: Record<string, string>) =>
      call(staffCompany.action, post(`/staff/companies/${m.companyId}`, fields, { cookie: staff.cookie }), params);

    const before = snapshot(c);
    const noReason = await act({ intent: "reject", reason: "   " });
    expect(noReason.status).toBe(400);
    expect(noReason.data).toMatchObject({ errors: { reason: "errors.required" } });
    expect(snapshot(c)).toEqual(before);

    expect((await act({ intent: "reject", reason: "Нет номера резидента ПВТ" })).status).toBe(302);
    expect(await company(m.companyId)).toMatchObject({ status: "rejected", reject_reason: "Нет номера резидента ПВТ" });
    for (const userId of [m.id, colleague.id]) {
      const [n] = await notificationsOf(userId);
      expect(n).toMatchObject({ kind: "company-rejected" });
      expect(JSON.parse(n!.payload_json)).toMatchObject({ reason: "Нет номера резидента ПВТ" });
    }

    expect((await act({ intent: "verify" })).status).toBe(302);
    const verified = await company(m.companyId);
    expect(verified).toMatchObject({ status: "verified", verified_by: staff.id, reject_reason: null });
    expect(verified.verified_at).not.toBeNull();
    expect((await notificationsOf(colleague.id)).map((n) => n.kind)).toEqual(["company-rejected", "company-verified"]);
    expect((await act({ intent: "verify" })).status).toBe(302); // repeated: nothing new
    expect(await notificationsOf(colleague.id)).toHaveLength(2);

    expect((await act({ intent: "trust" })).status).toBe(302);
    expect((await company(m.companyId)).trusted).toBe(1);
    expect((await act({ intent: "untrust" })).status).toBe(302);
    expect((await company(m.companyId)).trusted).toBe(0);

    const audit = await auditOf(m.companyId);
    expect(audit.map((a) => a.action)).toEqual(["company.reject", "company.verify", "company.trust", "company.untrust"]);
    expect(audit.every((a) => a.actor_user_id === staff.id)).toBe(true);

    expect((await act({ intent: "explode" })).status).toBe(400);
    const detail = await call(staffCompany.loader, get(`/staff/companies/${m.companyId}`, { cookie: staff.cookie }), params);
    expect((detail.data as { members: unknown[] }).members).toHaveLength(2);
    expect((await call(staffCompany.loader, get("/staff/companies/999999", { cookie: staff.cookie }), { id: "999999" })).status).toBe(404);
  });

  it("refuses employers, graduates and visitors", async () => {
    const m = await member();
    const params = { id: String(m.companyId) };
    const graduate = await signedIn(c, "graduate");
    const before = snapshot(c);
    for (const u of [m, graduate]) {
      expect((await call(staffCompanies.loader, get("/staff/companies", { cookie: u.cookie }))).status).toBe(403);
      expect((await call(staffCompany.loader, get(`/staff/companies/${m.companyId}`, { cookie: u.cookie }), params)).status).toBe(403);
      expect((await call(staffCompany.action, post(`/staff/companies/${m.companyId}`, { intent: "verify" }, { cookie: u.cookie }), params)).status).toBe(403);
    }
    const visitor = await call(staffCompany.action, post(`/staff/companies/${m.companyId}`, { intent: "trust" }), params);
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/login/);
    expect(snapshot(c)).toEqual(before);
  });
});

describe("the public company page", () => {
  it("shows a verified company with its open vacancies only", async () => {
    const m = await member("verified");
    await c.db
      .updateTable("companies")
      .set({ htp_number: "0421", website: "https://alatoo.kg", about: "Мобилдик тиркемелер." })
      .where("id", "=", m.companyId)
      .execute();
    const open = await addVacancy(m.companyId, "Junior React developer", "open");
    await addVacancy(m.companyId, "Draft QA", "draft");
    const { slug } = await company(m.companyId);
    const res = await call(publicPage.loader, get(`/companies/${slug}`), { slug });
    expect(res.status).toBe(200);
    const data = res.data as { company: { htp_number: string }; vacancies: { id: number; title: string; work_mode: string; deadline: string }[] };
    expect(data.company.htp_number).toBe("0421");
    expect(data.vacancies).toEqual([expect.objectContaining({ id: open.id, title: "Junior React developer", work_mode: "hybrid", deadline: "2026-12-31" })]);
    // Private columns are not sent.
    expect(Object.keys(data.company)).not.toContain("reject_reason");
    expect(Object.keys(data.company)).not.toContain("trusted");
  });

  it("is a 404 for pending, rejected and unknown companies", async () => {
    const p = await member("pending");
    const r = await member("verified");
    await c.db.updateTable("companies").set({ status: "rejected", reject_reason: "x" }).where("id", "=", r.companyId).execute();
    for (const id of [p.companyId, r.companyId]) {
      const { slug } = await company(id);
      expect((await call(publicPage.loader, get(`/companies/${slug}`), { slug })).status).toBe(404);
    }
    expect((await call(publicPage.loader, get("/companies/no-such"), { slug: "no-such" })).status).toBe(404);
  });
});
