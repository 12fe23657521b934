// The account page's Telegram card and "Messages" card in a real browser, on one server with the
// Bot API stand-in (docs/decisions/052-telegram-channel.md, 053-message-preferences-and-digests.md),
// on a 360 px phone with JavaScript off, in Kyrgyz, Russian and English:
// - the Telegram card: "Link Telegram" shows the one-time deep link without widening the page; in
//   Kyrgyz the chat's /start (through the webhook) links it and "Unlink Telegram" unlinks it;
// - the Messages card: a person with a linked chat sees e-mail and Telegram boxes and the digest
//   choice, saves a change, and the page shows it without widening; staff see only their digest.
// The Telegram card's tests run first: they expect graduate2@demo.kg not linked yet. The sign-in form is
// not the subject (journeys and demo roles test it): each person's session is made over HTTP.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchBrowser } from "../support/browser";
import { expectNoSidewaysScroll, openActor, signInWithCookie } from "../support/journey-steps";
import { type RunningServer, startServer } from "../support/server";
import { STAND_IN_BOT, STAND_IN_TOKEN, startTelegramStandIn, type TelegramStandIn, textUpdate } from "../support/telegram-api";

const SECRET = "e2e-webhook-secret-0123456789-abcdefghij";

describe.skipIf(!hasChromium)("the account page's Telegram and Messages cards", () => {
  let api: TelegramStandIn;
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    api = await startTelegramStandIn();
    [server, browser] = await Promise.all([
      startServer({ TELEGRAM_BOT_TOKEN: STAND_IN_TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: api.url }),
      launchBrowser(),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await api?.close();
  });

  describe("the Telegram card", () => {
    for (const lang of ["ky", "ru", "en"] as const) {
      it(`shows the deep link on a 360 px phone, JS off (${lang})${lang === "ky" ? "; links by /start and unlinks by the button" : ""}`, async () => {
        const s = await openActor(browser, server, { js: false, width: 360, height: 740, lang });
        await signInWithCookie(s, lang === "en" ? "graduate2@demo.kg" : "graduate@demo.kg");
        await s.goto("/account");
        const card = s.page.locator("#telegram");
        await expect.poll(() => card.innerText()).toContain(s.m["account.telegram.notLinked"]);
        await s.submit(s.m["account.telegram.link"], card);
        const href = await card.getByRole("link", { name: s.m["account.telegram.openLink"] }).getAttribute("href");
        expect(href).toMatch(new RegExp(`^https://t\\.me/${STAND_IN_BOT}\\?start=[A-Za-z0-9_-]{43}$`));
        await expectNoSidewaysScroll(s.page, `the account page with the deep link (${lang})`);
        if (lang === "ky") {
          const token = new URL(href!).searchParams.get("start")!;
          const res = await fetch(`${server.url}/telegram/webhook`, {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
            body: JSON.stringify({ update_id: 1, ...textUpdate(777001, `/start ${token}`, "ky") }),
          });
          expect(res.status).toBe(200);
          await s.goto("/account");
          await expect.poll(() => card.innerText()).toContain(s.m["account.telegram.linked"]);
          await s.submit(s.m["account.telegram.unlink"], card);
          expect(await card.innerText()).toContain(s.m["account.telegram.notLinked"]);
          expect(await s.page.locator("body").innerText()).toContain(s.m["flash.telegramUnlinked"]);
          await expectNoSidewaysScroll(s.page, "the account page after unlinking");
        }
        expect(s.errors).toEqual([]);
        await s.close();
      });
    }
  });

  describe("the Messages card", () => {
    // Two graduates and an employer: a topic that is never a digest, and one that may be (with its default).
    const people = {
      ky: { email: "graduate@demo.kg", plain: "prefs.topic.applications", choice: "prefs.topic.saved-searches", digest: true },
      ru: { email: "graduate2@demo.kg", plain: "prefs.topic.applications", choice: "prefs.topic.saved-searches", digest: true },
      en: { email: "employer@demo.kg", plain: "prefs.topic.reviews", choice: "prefs.topic.new-applications", digest: false },
    } as const;
    for (const lang of ["ky", "ru", "en"] as const) {
      it(`a person with Telegram linked chooses per topic and channel on a 360 px phone, JS off (${lang})`, async () => {
        const who = people[lang];
        const s = await openActor(browser, server, { js: false, width: 360, height: 740, lang });
        await signInWithCookie(s, who.email);
        await s.goto("/account");
        // Link the chat the way the Telegram card does, so the Telegram boxes appear.
        await s.submit(s.m["account.telegram.link"], s.page.locator("#telegram"));
        const href = await s.page.locator("#telegram").getByRole("link", { name: s.m["account.telegram.openLink"] }).getAttribute("href");
        const token = new URL(href!).searchParams.get("start")!;
        const res = await fetch(`${server.url}/telegram/webhook`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
          body: JSON.stringify({ update_id: 1, ...textUpdate(778000 + ["ky", "ru", "en"].indexOf(lang), `/start ${token}`, lang) }),
        });
        expect(res.status).toBe(200);
        await s.goto("/account");
        const card = s.page.locator("#messages");
        const applications = card.locator("fieldset", { hasText: s.m[who.plain] });
        const saved = card.locator("fieldset", { hasText: s.m[who.choice] });
        await expect.poll(() => applications.getByLabel(s.m["prefs.channel.telegram"]).isChecked()).toBe(true);
        expect(await applications.getByLabel(s.m["prefs.channel.email"]).isChecked()).toBe(true);
        expect(await saved.getByRole("checkbox").count()).toBe(3);
        expect(await saved.getByRole("checkbox").nth(2).isChecked()).toBe(who.digest);
        await expectNoSidewaysScroll(s.page, `the Messages card (${lang})`);

        await applications.getByLabel(s.m["prefs.channel.email"]).uncheck();
        await saved.getByRole("checkbox").nth(2).setChecked(!who.digest); // the other of at once and the daily digest
        await s.submit(s.m["prefs.save"], card);
        expect(await s.page.locator("body").innerText()).toContain(s.m["flash.preferencesSaved"]);
        expect(await applications.getByLabel(s.m["prefs.channel.email"]).isChecked()).toBe(false);
        expect(await applications.getByLabel(s.m["prefs.channel.telegram"]).isChecked()).toBe(true);
        expect(await saved.getByRole("checkbox").nth(2).isChecked()).toBe(!who.digest);
        await expectNoSidewaysScroll(s.page, `the Messages card after saving (${lang})`);
        expect(s.errors).toEqual([]);
        await s.close();
      });
    }

    it("staff see only the daily digest of what waits for them", async () => {
      const s = await openActor(browser, server, { js: false, width: 360, height: 740, lang: "ru" });
      await signInWithCookie(s, "staff@demo.kg");
      await s.goto("/account");
      const legends = await s.page.locator("#messages legend").allInnerTexts();
      expect(legends).toEqual([s.m["prefs.topic.staff-digest"]]);
      await expectNoSidewaysScroll(s.page, "the staff's Messages card");
      await s.close();
    });
  });
});
