// The account page's "Messages" card over HTTP against the real build, with no JavaScript
// (docs/decisions/053-message-preferences-and-digests.md): rendered in ky, ru and en, saved by a
// plain form post, a refused post answered 400 in the reader's language with the ticks kept, and
// the one-click unsubscribe of an e-mail unticking the same box.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { unsubscribeToken } from "~/auth/unsubscribe-token.server";
import { demoDataCopy, type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
});

/** Whether the page's checkbox `name` with value `topic` is ticked (React renders `checked=""`). */
function ticked(html: string, name: string, topic: string): boolean | null {
  const input = new RegExp(`<input type="checkbox" name="${name}"[^>]*? value="${topic}"[^>]*>`).exec(html)?.[0];
  return input === undefined ? null : / checked=""/.test(input);
}

describe("the Messages card without JavaScript", () => {
  it(
    "renders in three languages, saves a plain post, refuses a forged value with the ticks kept, and follows the one-click unsubscribe",
    { timeout: 180_000 },
    async () => {
      const dataDir = await demoDataCopy();
      server = await startServer({}, dataDir);
      const base = server.url;
      const cookie = await signInOverHttp(base, "graduate@demo.kg");
      const page = async (lng: string) => {
        const res = await fetch(`${base}/account?lng=${lng}`, { headers: { Cookie: cookie } });
        expect(res.status).toBe(200);
        return res.text();
      };
      for (const [lng, title, topic] of [
        ["ky", "Билдирүүлөр", "Менин арыздарым"],
        ["ru", "Сообщения", "Мои отклики"],
        ["en", "Messages", "My applications"],
      ] as const) {
        const html = await page(lng);
        expect(html).toContain(`<h2>${title}</h2>`);
        expect(html).toContain(`<legend>${topic}</legend>`);
      }
      let html = await page("en");
      // The defaults (decision 053); no Telegram boxes without a bot.
      expect(ticked(html, "email", "applications")).toBe(true);
      expect(ticked(html, "digest", "saved-searches")).toBe(true);
      expect(ticked(html, "telegram", "applications")).toBeNull();
      expect(ticked(html, "digest", "applications")).toBeNull();

      const postForm = (fields: [string, string][], lng = "en") =>
        fetch(`${base}/account`, {
          method: "POST",
          redirect: "manual",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, Cookie: `${cookie}; lng=${lng}` },
          body: new URLSearchParams([["intent", "preferences"], ...fields]),
        });
      const saved = await postForm([
        ["email", "applications"],
        ["email", "interviews"],
      ]);
      await saved.arrayBuffer();
      expect(saved.status).toBe(302);
      expect(saved.headers.get("location")).toBe("/account#messages");
      html = await page("en");
      expect(ticked(html, "email", "surveys")).toBe(false);
      expect(ticked(html, "digest", "saved-searches")).toBe(false);

      const refused = await postForm(
        [
          ["email", "surveys"],
          ["email", "staff-digest"],
        ],
        "ky",
      );
      expect(refused.status).toBe(400);
      const refusedHtml = await refused.text();
      expect(refusedHtml).toContain("Сунушталган варианттардын бирин тандаңыз.");
      expect(ticked(refusedHtml, "email", "surveys")).toBe(true);
      expect(ticked(refusedHtml, "email", "applications")).toBe(false);
      expect(ticked(await page("en"), "email", "applications")).toBe(true);

      // The unsubscribe link of an e-mail about a stage move: the same box goes off.
      const secret = fs.readFileSync(path.join(dataDir, "session-secret"), "utf8").trim();
      const db = new Database(path.join(dataDir, "portal.sqlite"), { readonly: true, fileMustExist: true });
      const userId = db.prepare("select id from users where email = 'graduate@demo.kg'").pluck().get() as number;
      db.close();
      const token = unsubscribeToken({ userId, kind: "application-status", channel: "email" }, secret);
      const off = await fetch(`${base}/unsubscribe/${token}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      await off.arrayBuffer();
      expect(off.status).toBe(200);
      html = await page("en");
      expect(ticked(html, "email", "applications")).toBe(false);
      expect(ticked(html, "email", "interviews")).toBe(true);
    },
  );
});
