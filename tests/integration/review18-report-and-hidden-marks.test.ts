// REVIEW18 F4 and F5 (docs/decisions/067-data-retention.md, "Review 18"): a second report of the same
// conversation while the side's first is open adds its reason to that report (it used to answer
// "reported" and drop it); bidi and invisible format characters are dropped from typed text, so a
// note or a message cannot reverse the text its readers see. Routes called in process on a real file.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { REPORT_REASON_MAX } from "~/domain/conversations/rules";
import * as notesRoute from "~/routes/_employer.employer.applications.$id_.notes";
import * as employerMessages from "~/routes/_employer.employer.applications.$id_.messages";
import * as graduateMessages from "~/routes/me.applications.$id_.messages";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeApplication, makeCompany, makeGraduate, makeUser, makeVacancy, sessionCookieFor } from "../support/factories";
import { call, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(() => closeTestDatabases());

async function scene() {
  const owner = await makeUser(c, "employer", { name: "Азамат Бекмуратов" });
  const companyId = await makeCompany(c, owner.id, { status: "verified", name: "Ала-Тоо Софт" });
  const vacancyId = await makeVacancy(c, companyId, { title: "Junior frontend" });
  const g = await makeGraduate(c, { firstName: "Айпери", lastName: "Жумабекова", account: true });
  const applicationId = await makeApplication(c, vacancyId, g.graduateId, { status: "screening" });
  return { ownerCookie: await sessionCookieFor(owner.id), graduateCookie: await sessionCookieFor(g.userId!), applicationId };
}

const params = (id: number) => ({ id: String(id) });
const flashOf = (headers: Headers) =>
  decodeURIComponent(
    headers
      .getSetCookie()
      .find((l) => l.startsWith("flash="))
      ?.split(";")[0]
      ?.slice(6) ?? "",
  );

/** A conversation form as the page posts it (multipart, an empty file part). */
function multipart(path: string, cookie: string, fields: Record<string, string>): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new File([], "", { type: "application/octet-stream" }));
  return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: { Cookie: cookie } });
}

describe("REVIEW18 F4: a second report while one is open", () => {
  it("adds its reason to the open report (one report, both reasons, audited), says so; a reason that does not fit is a 400 with the text kept", async () => {
    const s = await scene();
    const report = (reason: string) =>
      call(
        employerMessages.action,
        multipart(`/employer/applications/${s.applicationId}/messages`, s.ownerCookie, { intent: "report", reason }),
        params(s.applicationId),
      );
    const first = await report("spam 1");
    expect(first.status).toBe(302);
    expect(flashOf(first.headers)).toBe("flash.conversationReported");
    const second = await report("spam 2");
    expect(second.status).toBe(302);
    expect(flashOf(second.headers)).toBe("retention.flash.reportAdded");
    const rows = await c.db.selectFrom("conversation_reports").select(["side", "reason", "status"]).execute();
    expect(rows).toEqual([{ side: "company", reason: "spam 1\n\nspam 2", status: "open" }]);
    const audit = await c.db.selectFrom("audit_log").select(["action", "after_json"]).where("action", "=", "conversation.report").orderBy("id").execute();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({ added: true });

    // The graduate's side has its own report: their first one is a new report, not an addition.
    const graduate = await call(
      graduateMessages.action,
      multipart(`/me/applications/${s.applicationId}/messages`, s.graduateCookie, { intent: "report", reason: "грубость" }),
      params(s.applicationId),
    );
    expect(flashOf(graduate.headers)).toBe("flash.conversationReported");
    expect(await c.db.selectFrom("conversation_reports").select("reason").orderBy("id").execute()).toEqual([
      { reason: "spam 1\n\nspam 2" },
      { reason: "грубость" },
    ]);

    // An addition that would pass the report's length is refused whole, the typed reason kept.
    const rowsBefore = async () => [
      await c.db.selectFrom("conversation_reports").selectAll().execute(),
      await c.db.selectFrom("audit_log").selectAll().execute(),
    ];
    const before = await rowsBefore();
    const long = "x".repeat(REPORT_REASON_MAX - 5);
    const full = await report(long);
    expect(full.status).toBe(400);
    expect(full.data).toMatchObject({ errors: { reason: "retention.errors.reportFull" }, values: { reason: long } });
    expect(await rowsBefore()).toEqual(before);
  });
});

describe("REVIEW18 F5: bidi and invisible characters in typed text", () => {
  it("a team note and a message lose U+202E and the other format marks; what is left is stored", async () => {
    const s = await scene();
    const note = await call(
      notesRoute.action,
      post(`/employer/applications/${s.applicationId}/notes`, { intent: "note", body: "\u202Eтекст\u2066 наоборот\u200F\u2069" }, { cookie: s.ownerCookie }),
      params(s.applicationId),
    );
    expect(note.status).toBe(302);
    expect(await c.db.selectFrom("application_notes").select("body").execute()).toEqual([{ body: "текст наоборот" }]);
    const sent = await call(
      graduateMessages.action,
      multipart(`/me/applications/${s.applicationId}/messages`, s.graduateCookie, { intent: "send", body: "\u202Dсалам\u200B\uFEFF\u061C" }),
      params(s.applicationId),
    );
    expect(sent.status).toBe(302);
    expect(await c.db.selectFrom("conversation_messages").select("body").execute()).toEqual([{ body: "салам" }]);
    // A text of format marks only is empty: required.
    const empty = await call(
      notesRoute.action,
      post(`/employer/applications/${s.applicationId}/notes`, { intent: "note", body: "\u202E\u202C\u2067" }, { cookie: s.ownerCookie }),
      params(s.applicationId),
    );
    expect(empty.status).toBe(400);
  });
});
