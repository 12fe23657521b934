// The public outcomes page in a real browser, on the demo data: a phone, no JavaScript, no sign-in,
// Kyrgyz. The staff dashboard, its drill-down and CSV exports are in the staff journey
// (journeys/staff.test.ts), with JavaScript on and off at phone and desktop sizes.
import { describe, expect, it } from "vitest";
import { ky } from "~/i18n/messages/ky";
import { hasChromium, screenshotPath, expectText } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

const label = (template: string) => template.replace(/\{\w+\}.*$/, "").trim();

describe.skipIf(!hasChromium)("public outcomes page in a real browser", () => {
  const env = useServerAndBrowser();

  it("the public page: a phone, no JavaScript, no sign-in, Kyrgyz", async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: "ky-KG", extraHTTPHeaders: { "Accept-Language": "ky" } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/`);
    await Promise.all([page.waitForEvent("load"), page.locator("footer").getByRole("link", { name: ky["outcomes.public.nav"] }).click()]);
    expect(new URL(page.url()).pathname).toBe("/outcomes");
    await expectText(page.locator("h1"), ky["outcomes.public.title"]);
    expect(await page.locator("svg.chart[role=img] title").count()).toBe(1);
    expect(await page.locator("main table").count()).toBeGreaterThan(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator("main").innerText()).toContain(label(ky["outcomes.public.explain.employment"]));
    await page.screenshot({ path: screenshotPath("outcomes-public-360-nojs-ky"), fullPage: true });
    // +12 months on the demo data: some years are still being followed up (under 65 % reached) and say so
    // in one cell instead of rates; the page still fits the phone (the table scrolls in its own box).
    await page.goto(`${env.server.url}/outcomes?checkpoint=m12`);
    expect(await page.locator("main td.follow-up").count()).toBeGreaterThan(0);
    expect(await page.locator("main td.follow-up").first().innerText()).toContain(label(ky["outcomes.public.followUp"]));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: screenshotPath("outcomes-public-m12-360-nojs-ky"), fullPage: true });
    // The page's data request carries the same published table: no numerators, denominators or exact shares.
    // (_routes: this route's data only, not the root's message catalog, whose keys name "numerator").
    const data = await fetch(`${env.server.url}/outcomes.data?checkpoint=m12&_routes=routes%2Foutcomes`);
    expect(data.status).toBe(200);
    const body = await data.text();
    expect(body).toContain("shown");
    expect(body).not.toContain("outcomes.public.title"); // the route's data alone
    expect(body).not.toMatch(/numerator|denominator|"value"|smallN/);
    await context.close();
  });
});
