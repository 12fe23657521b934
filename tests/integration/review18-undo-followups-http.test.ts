// What an undo of a bulk action says, over HTTP on the real build with its demo data
// (docs/decisions/059-bulk-decisions-and-undo.md, "Session 12"; REVIEW18 F2's undo part and F8):
// - a bulk rejection cancelled a confirmed interview; its undo brings the application back to
//   "interview" but not the interview: the result page tells the employer to propose a time again;
// - an application a colleague moved after the action is kept, and the result page says so;
// - the undone move and its undo read as such in both sides' histories, in their languages.
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { en } from "~/i18n/messages/en";
import { ky } from "~/i18n/messages/ky";
import { ru } from "~/i18n/messages/ru";
import { demoDataCopy, type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
});

const fill = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");
// The page's text, not its HTML: React escapes quotes, and the inline scripts carry the whole catalog.
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]*>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");

describe("the undo of a bulk action says what it kept and what it could not bring back", () => {
  it(
    "a bulk rejection's undo asks for the interview again, a colleague's move since is kept and said so, both histories show the undo",
    { timeout: 180_000 },
    async () => {
      const dataDir = await demoDataCopy();
      const db = new Database(path.join(dataDir, "portal.sqlite"), { readonly: true });
      const company = db
        .prepare(`select cm.company_id from company_members cm join users u on u.id = cm.user_id where u.email = 'employer@demo.kg'`)
        .pluck()
        .get() as number;
      const withInterview = db
        .prepare(
          `select a.id from applications a join vacancies v on v.id = a.vacancy_id join interviews i on i.application_id = a.id
           join graduates g on g.id = a.graduate_id join users u on u.id = g.user_id
           where u.email = 'graduate@demo.kg' and v.company_id = ? and a.status = 'interview' and i.status = 'confirmed' limit 1`,
        )
        .pluck()
        .get(company) as number;
      const applied = db
        .prepare(
          `select a.id from applications a join vacancies v on v.id = a.vacancy_id
           where v.company_id = ? and a.status = 'applied' and a.id <> ? order by a.id limit 1`,
        )
        .pluck()
        .get(company, withInterview) as number;
      const template = db.prepare(`select id from rejection_templates where company_id = ? order by id limit 1`).pluck().get(company) as number;
      db.close();
      expect([withInterview, applied, template].every((n) => n > 0)).toBe(true);

      server = await startServer({}, dataDir);
      const base = server.url;
      const employer = await signInOverHttp(base, "employer@demo.kg");
      const send = async (p: string, fields: [string, string][], cookie = employer) => {
        const r = await fetch(`${base}${p}`, {
          method: "POST",
          redirect: "manual",
          headers: { Origin: base, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(fields),
        });
        await r.arrayBuffer();
        return r;
      };
      const page = async (p: string, lang: string, cookie = employer) => {
        const r = await fetch(`${base}${p}${p.includes("?") ? "&" : "?"}lng=${lang}`, { headers: { Cookie: cookie } });
        expect(r.status, p).toBe(200);
        return textOf(await r.text());
      };

      // 1. A bulk rejection of the application with the confirmed interview, then its undo.
      const rejected = await send("/employer/applicants", [
        ["intent", "reject"],
        ["application", String(withInterview)],
        [`seen:${withInterview}`, "interview"],
        ["template", String(template)],
      ]);
      expect(rejected.status).toBe(302);
      const rejectPath = new URL(rejected.headers.get("location")!, base).pathname;
      expect(rejectPath).toMatch(/^\/employer\/bulk-actions\/\d+$/);
      expect((await send(rejectPath, [["intent", "undo"]])).status).toBe(302);
      const afterUndo = await page(rejectPath, "ru");
      expect(afterUndo).toContain(ru["fix18.undo.proposeAgain"]);
      expect(afterUndo).toContain(ru["interviews.propose.link"]);
      const html = await (await fetch(`${base}${rejectPath}`, { headers: { Cookie: employer } })).text();
      expect(html).toContain(`href="/employer/interviews/new?application=${withInterview}"`);

      // 2. Both histories show the undone rejection and its undo, each in the reader's language.
      const employerHistory = await page(`/employer/applications/${withInterview}`, "ky");
      expect(employerHistory).toContain(fill(ky["fix18.history.undo"], { from: ky["applications.status.rejected"], to: ky["applications.status.interview"] }));
      expect(employerHistory).toContain(`(${ky["fix18.history.undone"]})`);
      const graduate = await signInOverHttp(base, "graduate@demo.kg");
      const graduateHistory = await page(`/me/applications/${withInterview}`, "en", graduate);
      expect(graduateHistory).toContain(fill(en["fix18.history.undo"], { from: en["applications.status.rejected"], to: en["applications.status.interview"] }));
      expect(graduateHistory).toContain(`(${en["fix18.history.undone"]})`);

      // 3. A bulk move, a colleague's move since on the application's page, then the undo: kept, and said so.
      const moved = await send("/employer/applicants", [
        ["intent", "move"],
        ["to", "screening"],
        ["application", String(applied)],
        [`seen:${applied}`, "applied"],
      ]);
      expect(moved.status).toBe(302);
      const movePath = new URL(moved.headers.get("location")!, base).pathname;
      const colleague = await send(`/employer/applications/${applied}`, [
        ["intent", "move"],
        ["seen", "screening"],
        ["to", "rejected"],
      ]);
      expect(colleague.status).toBe(302);
      expect((await send(movePath, [["intent", "undo"]])).status).toBe(302);
      const kept = await page(movePath, "ky");
      expect(kept).toContain(ky["fix18.undo.kept"]);
      expect(kept).not.toContain(ky["fix18.undo.proposeAgain"]);
    },
  );
});
