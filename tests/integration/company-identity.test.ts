// docs/product.md §8 (issue 13 item 12): a verified company's change of name, HTP certificate number or website
// goes back to staff review — the old values stay public until staff approve — and every request and
// decision is in the audit log. Through the real loaders and actions on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import * as companyPage from "~/routes/_employer.company";
import * as publicPage from "~/routes/companies.$slug";
import * as staffCompany from "~/routes/staff.companies.$id";
import * as staffCompanies from "~/routes/staff.companies._index";
import * as vacancyPage from "~/routes/vacancies.$id";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeCompany, makeVacancy, signedIn } from "../support/factories";
import { call, get, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

async function verifiedCompany(name: string, htp: string, website: string) {
  const owner = await signedIn(c, "employer");
  const companyId = await makeCompany(c, owner.id, "verified");
  await c.db.updateTable("companies").set({ name, htp_number: htp, website, verified_at: "2025-01-10T08:00:00.000Z" }).where("id", "=", companyId).execute();
  const vacancyId = await makeVacancy(c, companyId, { title: "Junior QA", description: "<p>QA</p>", workMode: "onsite", city: "Бишкек" });
  return { owner, companyId, vacancyId };
}

const company = (id: number) => c.db.selectFrom("companies").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const auditOf = (id: number) =>
  c.db.selectFrom("audit_log").selectAll().where("entity", "=", "company").where("entity_id", "=", String(id)).orderBy("id").execute();
const profile = (overrides: Record<string, string>) => ({
  intent: "profile",
  name: "Chong-Kemin Labs",
  htpNumber: "ПВТ-0777",
  website: "https://ck-labs.kg",
  city: "Бишкек",
  about: "",
  ...overrides,
});

describe("a verified company's identity changes wait for staff review", () => {
  it("keeps the old name, HTP number and website public, stores the request and audits it; other fields save at once", async () => {
    const victim = await verifiedCompany("Ала-Тоо Софтлаб", "ПВТ-0421", "https://alatoo.kg");
    const { owner, companyId, vacancyId } = await verifiedCompany("Chong-Kemin Labs", "ПВТ-0777", "https://ck-labs.kg");
    const res = await call(
      companyPage.action,
      post("/company", profile({ name: "Ала-Тоо Софтлаб", htpNumber: "ПВТ-0421", website: "https://alatoo.kg", city: "Каракол" }), { cookie: owner.cookie }),
    );
    expect(res.status).toBe(302);
    expect(await company(companyId)).toMatchObject({
      name: "Chong-Kemin Labs",
      htp_number: "ПВТ-0777",
      website: "https://ck-labs.kg",
      city: "Каракол",
      status: "verified",
    });

    // The public pages still show the verified identity.
    const slug = (await company(companyId)).slug;
    const pub = await call(publicPage.loader, get(`/companies/${slug}`), { slug });
    expect(JSON.stringify(pub.data)).toContain("Chong-Kemin Labs");
    expect(JSON.stringify(pub.data)).not.toContain("Ала-Тоо Софтлаб");
    const vacancy = await call(vacancyPage.loader, get(`/vacancies/${vacancyId}`), { id: String(vacancyId) });
    expect(JSON.stringify(vacancy.data)).not.toContain("Ала-Тоо Софтлаб");

    // The member sees the request waiting.
    const mine = (await call(companyPage.loader, get("/company", { cookie: owner.cookie }))).data as {
      identityChange: { name: string; htp_number: string | null; status: string } | null;
    };
    expect(mine.identityChange).toMatchObject({ name: "Ала-Тоо Софтлаб", htp_number: "ПВТ-0421", status: "pending" });

    const audit = await auditOf(companyId);
    expect(audit.map((a) => a.action)).toEqual(["company.identity-request"]);
    expect(audit[0]!.actor_user_id).toBe(owner.id);
    expect(JSON.parse(audit[0]!.before_json!)).toMatchObject({ name: "Chong-Kemin Labs", htp_number: "ПВТ-0777", website: "https://ck-labs.kg" });
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ name: "Ала-Тоо Софтлаб", htp_number: "ПВТ-0421", website: "https://alatoo.kg" });

    // Staff see it, with the company already holding that name and number named beside it.
    const staff = await signedIn(c, "staff");
    const list = (await call(staffCompanies.loader, get("/staff/companies", { cookie: staff.cookie }))).data as {
      companies: { id: number; identity_change_pending: boolean }[];
    };
    expect(list.companies.find((x) => x.id === companyId)?.identity_change_pending).toBe(true);
    expect(list.companies.find((x) => x.id === victim.companyId)?.identity_change_pending).toBe(false);
    const page = (await call(staffCompany.loader, get(`/staff/companies/${companyId}`, { cookie: staff.cookie }), { id: String(companyId) })).data as {
      identityChange: { name: string; clashes: { id: number; name: string }[] } | null;
    };
    expect(page.identityChange).toMatchObject({ name: "Ала-Тоо Софтлаб", clashes: [{ id: victim.companyId, name: "Ала-Тоо Софтлаб" }] });

    // Rejected: nothing public changes; the decision is audited and the member sees the reason.
    const reject = await call(
      staffCompany.action,
      post(
        `/staff/companies/${companyId}`,
        { intent: "rejectIdentity", identityReason: "Это название и номер ПВТ другой компании." },
        { cookie: staff.cookie },
      ),
      { id: String(companyId) },
    );
    expect(reject.status).toBe(302);
    expect(await company(companyId)).toMatchObject({ name: "Chong-Kemin Labs", htp_number: "ПВТ-0777", website: "https://ck-labs.kg" });
    expect((await auditOf(companyId)).map((a) => a.action)).toEqual(["company.identity-request", "company.identity-reject"]);
    expect(await c.db.selectFrom("notifications").select(["kind", "link"]).where("user_id", "=", owner.id).execute()).toEqual([
      { kind: "company-identity-rejected", link: "/company" },
    ]);
    const after = (await call(companyPage.loader, get("/company", { cookie: owner.cookie }))).data as {
      identityChange: { status: string; reason: string | null } | null;
    };
    expect(after.identityChange).toMatchObject({ status: "rejected", reason: "Это название и номер ПВТ другой компании." });
  });

  it("staff approval makes the new values public (job board included) and is audited", async () => {
    const { owner, companyId, vacancyId } = await verifiedCompany("Tengri Labs", "ПВТ-0100", "https://tengri.kg");
    expect(
      (
        await call(
          companyPage.action,
          post("/company", profile({ name: "Tengri Labs Group", htpNumber: "ПВТ-0100", website: "https://tengrilabs.kg" }), { cookie: owner.cookie }),
        )
      ).status,
    ).toBe(302);
    const staff = await signedIn(c, "staff");
    const approve = await call(staffCompany.action, post(`/staff/companies/${companyId}`, { intent: "approveIdentity" }, { cookie: staff.cookie }), {
      id: String(companyId),
    });
    expect(approve.status).toBe(302);
    expect(await company(companyId)).toMatchObject({ name: "Tengri Labs Group", htp_number: "ПВТ-0100", website: "https://tengrilabs.kg", status: "verified" });
    const audit = await auditOf(companyId);
    expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([
      ["company.identity-request", owner.id],
      ["company.identity-approve", staff.id],
    ]);
    const vacancy = await call(vacancyPage.loader, get(`/vacancies/${vacancyId}`), { id: String(vacancyId) });
    expect(JSON.stringify(vacancy.data)).toContain("Tengri Labs Group");
    // Nothing left to decide: a second approval is refused.
    expect(
      (
        await call(staffCompany.action, post(`/staff/companies/${companyId}`, { intent: "approveIdentity" }, { cookie: staff.cookie }), {
          id: String(companyId),
        })
      ).status,
    ).toBe(409);
  });

  it("a newer request replaces the waiting one; saving the same identity asks for nothing", async () => {
    const { owner, companyId } = await verifiedCompany("Tengri Labs", "ПВТ-0100", "https://tengri.kg");
    await call(
      companyPage.action,
      post("/company", profile({ name: "Tengri One", htpNumber: "ПВТ-0100", website: "https://tengri.kg" }), { cookie: owner.cookie }),
    );
    await call(
      companyPage.action,
      post("/company", profile({ name: "Tengri Two", htpNumber: "ПВТ-0100", website: "https://tengri.kg" }), { cookie: owner.cookie }),
    );
    const rows = await c.db.selectFrom("company_identity_changes").select(["name", "status"]).where("company_id", "=", companyId).orderBy("id").execute();
    expect(rows).toEqual([
      { name: "Tengri One", status: "replaced" },
      { name: "Tengri Two", status: "pending" },
    ]);
    const before = (await auditOf(companyId)).length;
    await call(
      companyPage.action,
      post("/company", profile({ name: "Tengri Labs", htpNumber: "ПВТ-0100", website: "https://tengri.kg", city: "Ош" }), { cookie: owner.cookie }),
    );
    // Back to the current identity: the waiting request is withdrawn, no new one is made.
    expect(await c.db.selectFrom("company_identity_changes").select(["name", "status"]).where("company_id", "=", companyId).orderBy("id").execute()).toEqual([
      { name: "Tengri One", status: "replaced" },
      { name: "Tengri Two", status: "replaced" },
    ]);
    expect((await company(companyId)).city).toBe("Ош");
    expect((await auditOf(companyId)).length).toBe(before + 1);
  });

  it("a company not yet verified saves its identity at once (staff review it when verifying), still audited", async () => {
    const owner = await signedIn(c, "employer");
    const companyId = await makeCompany(c, owner.id, "pending");
    expect((await call(companyPage.action, post("/company", profile({ name: "Нарын Код" }), { cookie: owner.cookie }))).status).toBe(302);
    expect(await company(companyId)).toMatchObject({ name: "Нарын Код", htp_number: "ПВТ-0777" });
    expect((await auditOf(companyId)).map((a) => a.action)).toEqual(["company.identity-change"]);
  });

  it("a request left waiting when the company loses its verification is dropped once the company edits its profile", async () => {
    const { owner, companyId } = await verifiedCompany("Tengri Labs", "ПВТ-0100", "https://tengri.kg");
    await call(companyPage.action, post("/company", profile({ name: "Tengri X" }), { cookie: owner.cookie }));
    const staff = await signedIn(c, "staff");
    expect(
      (
        await call(
          staffCompany.action,
          post(`/staff/companies/${companyId}`, { intent: "reject", reason: "Сертификат ПВТ истёк." }, { cookie: staff.cookie }),
          { id: String(companyId) },
        )
      ).status,
    ).toBe(302);
    await call(companyPage.action, post("/company", profile({ name: "Tengri Y" }), { cookie: owner.cookie }));
    expect((await company(companyId)).name).toBe("Tengri Y");
    expect(await c.db.selectFrom("company_identity_changes").select("status").where("company_id", "=", companyId).execute()).toEqual([{ status: "replaced" }]);
  });

  it("only staff decide, and a bad rejection gets a 400 with the field message and writes nothing", async () => {
    const { owner, companyId } = await verifiedCompany("Tengri Labs", "ПВТ-0100", "https://tengri.kg");
    await call(companyPage.action, post("/company", profile({ name: "Tengri X" }), { cookie: owner.cookie }));
    const graduate = await signedIn(c, "graduate");
    const staff = await signedIn(c, "staff");
    const before = snapshot(c);
    for (const u of [owner, graduate]) {
      expect(
        (await call(staffCompany.action, post(`/staff/companies/${companyId}`, { intent: "approveIdentity" }, { cookie: u.cookie }), { id: String(companyId) }))
          .status,
      ).toBe(403);
    }
    const bad = await call(
      staffCompany.action,
      post(`/staff/companies/${companyId}`, { intent: "rejectIdentity", identityReason: "  " }, { cookie: staff.cookie }),
      { id: String(companyId) },
    );
    expect(bad.status).toBe(400);
    expect((bad.data as { errors: Record<string, string> }).errors.identityReason).toBe("errors.required");
    expect(snapshot(c)).toEqual(before);
  });
});
