// The outcome follow-up in a real browser: staff make a one-time survey link on the follow-up
// list (JavaScript off), and a graduate answers it on a 360 px phone with JavaScript off, in
// Kyrgyz: a wrong answer comes back with messages and the typed values, the right one is
// recorded, and the link then says it was already answered (410).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en } from "~/i18n/messages/en";
import { ky } from "~/i18n/messages/ky";
import { hasChromium, screenshotPath, textOf } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";
import { signIn, submitForm } from "../support/forms";

describe.skipIf(!hasChromium)("outcome survey in a real browser", () => {
  const env = useServerAndBrowser();

  it("staff make a survey link; a graduate answers it on a phone without JavaScript", async () => {
    const staffContext = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const staff = await staffContext.newPage();
    await signIn(staff, false, env.server.url, "staff@demo.kg", { email: en["login.email"], password: en["login.password"], submit: en["login.submit"] }, "en");
    await staff.goto(`${env.server.url}/staff`);
    await Promise.all([staff.waitForEvent("load"), staff.locator(".section-nav").getByRole("link", { name: en["outcomes.followUp.nav"], exact: true }).click()]);
    expect(await textOf(staff.locator("h1"))).toBe(en["outcomes.followUp.title"]);
    const found = await textOf(staff.locator("main h2").first());
    expect(found).toMatch(/\d/);
    expect(found).not.toBe(en["outcomes.followUp.found"].replace("{n}", "0"));
    // The demo keeps a few checkpoints due (a mid-year cohort), listed before the overdue ones.
    expect(await textOf(staff.locator(".follow-up-table .pill").first())).toBe(en["outcomes.followUp.due"]);
    await submitForm(staff, false, en["outcomes.followUp.makeLink"]);
    const url = (await textOf(staff.locator(".notice .survey-link"))).trim();
    expect(url).toMatch(/\/survey\/[A-Za-z0-9_-]{43}$/);
    await staff.screenshot({ path: screenshotPath("outcomes-follow-up-1280"), fullPage: false });
    await staffContext.close();

    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: "ky-KG", extraHTTPHeaders: { "Accept-Language": "ky" } });
    const page: Page = await context.newPage();
    const first = await page.goto(url);
    expect(first?.status()).toBe(200);
    expect(await textOf(page.locator("h1"))).toBe(ky["outcomes.survey.title"]);
    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // A wrong answer: employed, but no employer and a bad pay.
    await page.getByLabel(ky["outcomes.survey.code.employed"]).check();
    await page.getByLabel(ky["outcomes.survey.jobTitle"]).fill("Верстальщик");
    await page.getByLabel(ky["outcomes.survey.hours"]).fill("40");
    await page.getByLabel(ky["outcomes.survey.monthlyPay"]).fill("көп");
    const [bad] = await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: ky["outcomes.survey.submit"] }).click()]);
    expect(bad?.status()).toBe(400);
    expect(await textOf(page.locator(".field__error").first())).not.toBe("");
    expect(await page.locator("main").innerText()).toContain(ky["outcomes.errors.pay"]);
    expect(await page.getByLabel(ky["outcomes.survey.jobTitle"]).inputValue()).toBe("Верстальщик");
    expect(await page.getByLabel(ky["outcomes.survey.code.employed"]).isChecked()).toBe(true);

    await page.getByLabel(ky["outcomes.survey.employerName"]).fill("ОсОО «Нарын Тех Сервис»");
    await page.getByLabel(ky["outcomes.survey.startDate"]).fill("2026-02-01");
    await page.getByLabel(ky["outcomes.survey.monthlyPay"]).fill("38 000");
    await page.getByLabel(ky["outcomes.related.yes"]).check();
    await page.screenshot({ path: screenshotPath("outcomes-survey-360-nojs-ky"), fullPage: true });
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: ky["outcomes.survey.submit"] }).click()]);
    expect(new URL(page.url()).pathname).toBe("/survey/thanks");
    expect(await textOf(page.locator("h1"))).toBe(ky["outcomes.survey.thanksTitle"]);

    const again = await page.goto(url);
    expect(again?.status()).toBe(410);
    expect(await textOf(page.locator("h1"))).toBe(ky["outcomes.survey.usedTitle"]);
    await page.screenshot({ path: screenshotPath("outcomes-survey-360-used"), fullPage: true });
    expect((await page.goto(`${env.server.url}/survey/nope`))?.status()).toBe(404);
    await context.close();
  });
});
