// Two-step sign-in in a real browser on the built server (docs/decisions/066-two-step-sign-in.md), on a
// 360 px phone with JavaScript off, in Kyrgyz, Russian and English: the admin sets the grace period to 0
// on /admin/settings; a new staff member who signs in is sent to the set-up page, scans nothing but reads
// the key, switches it on with a code and sees ten recovery codes; the next sign-in asks for a code
// (a wrong one is refused in the page's language) and lets them in with the next one. No page is wider
// than the phone. The demo admin signs in without a code (demo accounts skip it).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeAt } from "~/domain/two-step/totp";
import { hasChromium, launchBrowser } from "../support/browser";
import { catalogs, expectNoSidewaysScroll, openActor, signInAs, signInWithCookie } from "../support/journey-steps";
import { type RunningServer, startServer } from "../support/server";

const PASSWORD = "officer-pass-2026";

describe.skipIf(!hasChromium)("two-step sign-in in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the admin sets the grace period to 0 on /admin/settings (JS off, 360 px) and adds three staff accounts", async () => {
    const admin = await openActor(browser, server, { js: false, width: 360, height: 740, lang: "en" });
    await signInAs(admin, "admin@demo.kg");
    await admin.goto("/admin/settings");
    const card = admin.page.locator("#two-step");
    await card.getByLabel(admin.m["admin.twoStep.days"]).fill("400");
    await admin.submit(admin.m["common.save"], card);
    expect(await admin.page.locator("body").innerText()).toContain(admin.m["errors.graceDays"]);
    await admin.page.getByLabel(admin.m["admin.twoStep.days"]).fill("0");
    await admin.submit(admin.m["common.save"]);
    expect(new URL(admin.page.url()).pathname).toBe("/admin/settings");
    expect(await admin.page.locator("body").innerText()).toContain(admin.m["twoStep.flash.graceSaved"]);
    await expectNoSidewaysScroll(admin.page, "the settings page with the grace period");
    for (const lang of ["ky", "ru", "en"] as const) {
      await admin.goto("/admin/staff");
      await admin.page.getByLabel(admin.m["admin.staff.name"]).fill(`Officer ${lang}`);
      await admin.page.getByLabel(admin.m["admin.staff.email"]).fill(`officer-${lang}@school.kg`);
      await admin.page.getByLabel(admin.m["admin.staff.password"]).fill(PASSWORD);
      await admin.submit(admin.m["admin.staff.submit"]);
    }
    await expectNoSidewaysScroll(admin.page, "the staff list with the reset buttons");
    expect(admin.errors).toEqual([]);
    await admin.close();
  });

  for (const lang of ["ky", "ru", "en"] as const) {
    it(`a staff member past the grace period sets it up and signs in with a code on a 360 px phone, JS off (${lang})`, { timeout: 120_000 }, async () => {
      const s = await openActor(browser, server, { js: false, width: 360, height: 740, lang });
      const { m, page } = s;
      const email = `officer-${lang}@school.kg`;
      await signInAs(s, email, PASSWORD);
      expect(new URL(page.url()).pathname).toBe("/account/two-step");
      expect(await page.locator("body").innerText()).toContain(m["twoStep.mustSetUp"]);
      // Every other page sends them back here.
      await s.goto("/staff");
      expect(new URL(page.url()).pathname).toBe("/account/two-step");

      await s.submit(m["twoStep.start"]);
      const qr = page.getByRole("img", { name: m["twoStep.qrLabel"] });
      const box = await qr.boundingBox();
      expect(box!.width).toBeGreaterThan(150);
      expect(box!.width).toBeLessThanOrEqual(360);
      await expectNoSidewaysScroll(page, `the set-up page with the QR code (${lang})`);
      const secret = (await page.locator(".two-step-secret").innerText()).replace(/\s/g, "");
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);

      await page.getByLabel(m["twoStep.code"]).fill("000000");
      await s.submit(m["twoStep.confirm"]);
      expect(await page.locator("body").innerText()).toContain(m["errors.twoStepCode"]);
      await page.getByLabel(m["twoStep.code"]).fill(codeAt(secret, new Date()));
      await s.submit(m["twoStep.confirm"]);
      expect(await page.locator("h1").innerText()).toBe(m["twoStep.codesTitle"]);
      const codes = await page.locator(".recovery-codes li").allInnerTexts();
      expect(codes).toHaveLength(10);
      await expectNoSidewaysScroll(page, `the recovery codes (${lang})`);

      // Signed out (the header's menu is not the subject here): a new sign-in from the start.
      await s.context.clearCookies();
      await signInAs(s, email, PASSWORD);
      expect(new URL(page.url()).pathname).toBe("/login/code");
      expect(await page.locator("h1").innerText()).toBe(m["login.code.title"]);
      await expectNoSidewaysScroll(page, `the code step (${lang})`);
      await page.getByLabel(m["login.code.field"]).fill("123456");
      await s.submit(m["login.code.submit"]);
      expect(await page.locator("body").innerText()).toContain(m["errors.twoStepCode"]);
      // The step used to switch it on is spent; the next one (inside the ±1 window) lets them in.
      await page.getByLabel(m["login.code.field"]).fill(codeAt(secret, new Date(Date.now() + 30_000)));
      await s.submit(m["login.code.submit"]);
      expect(new URL(page.url()).pathname).toBe("/staff");
      expect(await page.locator("body").innerText()).not.toContain(m["twoStep.reminderLink"]);
      expect(s.errors).toEqual([]);
      await s.close();
    });
  }

  it("a demo account signs in without a code, and its account page says why (ru)", async () => {
    const s = await openActor(browser, server, { js: false, width: 360, height: 740, lang: "ru" });
    await signInWithCookie(s, "staff@demo.kg");
    await s.goto("/account");
    expect(await s.page.locator("#two-step").innerText()).toContain(catalogs.ru["twoStep.demo"]);
    await expectNoSidewaysScroll(s.page, "the account page's two-step card");
    await s.close();
  });
});
