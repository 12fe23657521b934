// A PDF over 5 MB in the conversation form (REVIEW18 F1, docs/decisions/060-notes-and-conversations.md):
// on a 360 px phone, with JavaScript on and off, the graduate gets the form again with the file's
// message beside the field and the typed text kept — never the "500" page nor a bare 413 text.
import path from "node:path";
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smallPdf } from "@db/seed/talk18";
import { hasChromium, launchBrowser } from "../support/browser";
import { expectNoSidewaysScroll, openActor, signInWithCookie } from "../support/journey-steps";
import { type RunningServer, startServer } from "../support/server";

describe.skipIf(!hasChromium)("a conversation's PDF over 5 MB", () => {
  let server: RunningServer;
  let browser: Browser;
  let appId = 0;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const db = new Database(path.join(server.dataDir, "portal.sqlite"), { readonly: true });
    appId = db
      .prepare(
        `select m.application_id from conversation_messages m join applications a on a.id = m.application_id
         join graduates g on g.id = a.graduate_id join users u on u.id = g.user_id where u.email = 'graduate@demo.kg' limit 1`,
      )
      .pluck()
      .get() as number;
    db.close();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  // A real PDF padded to 6 MB: what a graduate's scanned CV may weigh.
  const real = smallPdf(["scan"]);
  const sixMb = Buffer.concat([real.subarray(0, 9), Buffer.alloc(6 * 1024 * 1024, 0x20), real.subarray(9)]);

  for (const { js, lang } of [
    { js: true, lang: "ru" },
    { js: false, lang: "ky" },
  ] as const) {
    it(`shows the form again with the file's message and the text kept (JS ${js ? "on" : "off"}, ${lang}, 360 px)`, { timeout: 90_000 }, async () => {
      const s = await openActor(browser, server, { js, width: 360, height: 740, lang });
      try {
        await signInWithCookie(s, "graduate@demo.kg");
        await s.goto(`/me/applications/${appId}#conversation`);
        const card = s.page.locator("#conversation");
        // The native file button speaks the browser's language: the hint beside it speaks the page's (REVIEW18 F9).
        expect(await card.innerText()).toContain(s.m["fix18.file.hint"]);
        await card.getByLabel(s.m["conversations.body.label"]).fill("Менин резюмем тиркелди");
        await card.locator('input[type="file"]').setInputFiles({ name: "cv-scan.pdf", mimeType: "application/pdf", buffer: sixMb });
        await s.submit(s.m["conversations.send"], card);
        expect(new URL(s.page.url()).pathname).toBe(`/me/applications/${appId}/messages`);
        const main = s.page.locator("main");
        await expect.poll(() => main.innerText()).toContain(s.m["conversations.file.tooLarge"]);
        expect(await main.getByLabel(s.m["conversations.body.label"]).inputValue()).toBe("Менин резюмем тиркелди");
        await expectNoSidewaysScroll(s.page, `the message form after a 6 MB file (${lang})`);
        expect(s.errors.filter((e) => !/status of 413/.test(e))).toEqual([]);
      } finally {
        await s.close();
      }
    });
  }
});
