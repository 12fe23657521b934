// The account page's Telegram card in a real browser (docs/decisions/052-telegram-channel.md): on a
// 360 px phone with JavaScript off, in Kyrgyz, Russian and English, "Link Telegram" shows the
// one-time deep link without widening the page; in Kyrgyz the chat's /start (through the webhook)
// links it and "Unlink Telegram" unlinks it. The server runs with the Bot API stand-in.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchBrowser } from "../support/browser";
import { expectNoSidewaysScroll, openActor, signInAs } from "../support/journey-steps";
import { type RunningServer, startServer } from "../support/server";
import { STAND_IN_BOT, STAND_IN_TOKEN, startTelegramStandIn, type TelegramStandIn, textUpdate } from "../support/telegram-api";

const SECRET = "e2e-webhook-secret-0123456789-abcdefghij";

describe.skipIf(!hasChromium)("the Telegram card of the account page", () => {
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

  for (const lang of ["ky", "ru", "en"] as const) {
    it(`shows the deep link on a 360 px phone, JS off (${lang})${lang === "ky" ? "; links by /start and unlinks by the button" : ""}`, async () => {
      const s = await openActor(browser, server, { js: false, width: 360, height: 740, lang });
      await signInAs(s, lang === "en" ? "graduate2@demo.kg" : "graduate@demo.kg");
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
