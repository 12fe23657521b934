// The outcome dashboard in a real browser, on the demo data: staff open it (JavaScript on, desktop,
// English), change the breakdown, drill into a figure and export the list as CSV; then the same on a
// 360 px phone with JavaScript off in Russian; and the public /outcomes page on a phone in Kyrgyz.
import { describe, expect, it } from "vitest";
import { en } from "~/i18n/messages/en";
import { ky } from "~/i18n/messages/ky";
import { ru } from "~/i18n/messages/ru";
import { hasChromium, screenshotPath, textOf } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";
import { signIn, submitForm } from "../support/forms";

const label = (template: string) => template.replace(/\{\w+\}.*$/, "").trim();

describe.skipIf(!hasChromium)("outcome dashboard in a real browser", () => {
  const env = useServerAndBrowser();

  it("staff open the dashboard, drill into a figure and export it (JavaScript on, desktop, English)", async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: true, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, true, env.server.url, "staff@demo.kg", { email: en["login.email"], password: en["login.password"], submit: en["login.submit"] }, "en");
    await page.goto(`${env.server.url}/staff`);
    // First in the placement office's outcome links.
    await page.locator(".section-nav").getByRole("link", { name: en["outcomes.dashboard.nav"], exact: true }).click();
    await page.waitForURL(/\/staff\/outcomes$/);
    expect(await textOf(page.locator("h1"), en["outcomes.dashboard.title"])).toBe(en["outcomes.dashboard.title"]);
    await expect.poll(() => page.locator(".outcome-table tbody tr").count()).toBeGreaterThan(3);
    expect(await page.locator("svg.chart[role=img]").count()).toBe(2);

    await page.getByLabel(en["outcomes.dashboard.checkpoint"]).selectOption("m12");
    await page.getByLabel(en["outcomes.dashboard.by"]).selectOption("htp");
    await submitForm(page, true, en["outcomes.dashboard.show"], page.locator("main"), "GET");
    expect(new URL(page.url()).searchParams.get("by")).toBe("htp");
    expect(await textOf(page.locator(".outcome-table tbody tr th").nth(1))).toBe(en["outcomes.dashboard.group.htpYes"]);
    await page.screenshot({ path: screenshotPath("outcomes-dashboard-1280-en"), fullPage: true });

    // The employed of the total row: the figure opens to the graduates behind it.
    const employed = page.locator(".outcome-table .total-row td").nth(3).locator("a.figure");
    const share = await textOf(employed);
    expect(share).toMatch(/^\d+ %$/);
    await employed.click();
    await page.waitForURL(/\/staff\/outcomes\/graduates\?/);
    expect(await textOf(page.locator("h1"), en["outcomes.drill.title"])).toBe(en["outcomes.drill.title"]);
    const found = await textOf(page.locator("main h2").first());
    const total = Number(found.replace(/\D/g, ""));
    expect(total).toBeGreaterThan(0);
    expect(await page.locator(".drill-table tbody tr").count()).toBe(Math.min(50, total));
    await page.screenshot({ path: screenshotPath("outcomes-drill-1280-en"), fullPage: false });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: en["outcomes.drill.csv"] }).click()]);
    expect(download.suggestedFilename()).toMatch(/^outcome-graduates-m12-employed\.csv$/);
    const file = await download.path();
    const bytes = (await import("node:fs")).readFileSync(file!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trim().split("\r\n");
    expect(lines[0]).toContain(`${en["outcomes.drill.name"]};${en["outcomes.drill.school"]}`);
    expect(lines.length - 1).toBe(total);

    // A name opens the graduate's outcome history.
    await page.locator(".drill-table tbody tr a").first().click();
    await page.waitForURL(/\/staff\/outcomes\/graduates\/\d+/);
    await context.close();
  });

  it("works on a 360 px phone with JavaScript off, in Russian", async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: "ru-RU" });
    const page = await context.newPage();
    await signIn(page, false, env.server.url, "staff@demo.kg", { email: ru["login.email"], password: ru["login.password"], submit: ru["login.submit"] }, "ru");
    await page.goto(`${env.server.url}/staff/outcomes`);
    expect(await textOf(page.locator("h1"))).toBe(ru["outcomes.dashboard.title"]);
    await page.getByLabel(ru["outcomes.dashboard.by"]).selectOption("year");
    await submitForm(page, false, ru["outcomes.dashboard.show"]);
    expect(new URL(page.url()).searchParams.get("by")).toBe("year");
    // The page itself never scrolls sideways: wide tables scroll inside their frame, charts scale.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const box of await page.locator("svg.chart").evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().right))) expect(box).toBeLessThanOrEqual(360);
    await page.screenshot({ path: screenshotPath("outcomes-dashboard-360-nojs-ru"), fullPage: true });

    const csv = await page.request.get(`${env.server.url}/staff/outcomes.csv?checkpoint=m6&by=year`);
    expect(csv.status()).toBe(200);
    const text = (await csv.body()).toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(`${ru["outcomes.ind.group"]};N;`);
    expect(text).toContain(`\r\n${ru["outcomes.dashboard.total"]};`);

    // A count opens to its graduates with JavaScript off too.
    await Promise.all([page.waitForEvent("load"), page.locator(".outcome-counts a").first().click()]);
    expect(await textOf(page.locator("h1"))).toBe(ru["outcomes.drill.title"]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: screenshotPath("outcomes-drill-360-nojs-ru"), fullPage: false });
    await context.close();
  });

  it("the public page: a phone, no JavaScript, no sign-in, Kyrgyz", async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: "ky-KG", extraHTTPHeaders: { "Accept-Language": "ky" } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/`);
    await Promise.all([page.waitForEvent("load"), page.locator("footer").getByRole("link", { name: ky["outcomes.public.nav"] }).click()]);
    expect(new URL(page.url()).pathname).toBe("/outcomes");
    expect(await textOf(page.locator("h1"))).toBe(ky["outcomes.public.title"]);
    expect(await page.locator("svg.chart[role=img] title").count()).toBe(1);
    expect(await page.locator("main table").count()).toBeGreaterThan(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator("main").innerText()).toContain(label(ky["outcomes.public.explain.employment"]));
    await page.screenshot({ path: screenshotPath("outcomes-public-360-nojs-ky"), fullPage: true });
    await context.close();
  });
});
