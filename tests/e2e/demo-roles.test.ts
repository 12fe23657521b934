// Each demo role signs in, switches language and signs out, in a real browser, with
// JavaScript on and off, on a 360 px phone and on a desktop.
import type { Page } from "playwright-core";
import { describe, expect, it, onTestFailed } from "vitest";
import { en } from "~/i18n/messages/en";
import { ky } from "~/i18n/messages/ky";
import { ru } from "~/i18n/messages/ru";
import { hasChromium, screenshotPath, expectText, openMainMenu } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";
import { saveScreenshot } from "../support/journey-steps";

const catalogs = { ky, ru, en };
const ROLES = [
  { email: "admin@demo.kg", home: "/admin", heading: "admin.title" },
  { email: "staff@demo.kg", home: "/staff", heading: "staff.title" },
  { email: "employer@demo.kg", home: "/employer", heading: "vacancies.dashboard" },
  { email: "graduate@demo.kg", home: "/me/profile", heading: "profile.title" },
] as const;
const VARIANTS = [
  { js: true, width: 360, height: 740, from: "ru", to: "ky" },
  { js: false, width: 1280, height: 800, from: "en", to: "ru" },
  { js: false, width: 360, height: 740, from: "ky", to: "en" },
  { js: true, width: 1280, height: 800, from: "ky", to: "ru" },
] as const;

const allKeys = new Set(Object.keys(en));

async function expectNoRawKeys(page: Page) {
  const text = await page.locator("body").innerText();
  const raw = text.split(/\s+/).filter((w) => allKeys.has(w.replace(/[.,:;]$/, "")));
  expect(raw, "message keys shown instead of text").toEqual([]);
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "page wider than the screen").toBeLessThanOrEqual(0);
}

describe.skipIf(!hasChromium)("demo roles in a real browser", () => {
  const env = useServerAndBrowser();

  for (const variant of VARIANTS) {
    for (const role of ROLES) {
      const label = `${role.email}, JS ${variant.js ? "on" : "off"}, ${variant.width}px, ${variant.from}→${variant.to}`;
      it(label, async () => {
        const context = await env.browser.newContext({ javaScriptEnabled: variant.js, viewport: { width: variant.width, height: variant.height } });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        page.on("console", (m) => {
          if (m.type() === "error") errors.push(m.text());
        });
        const from = catalogs[variant.from];
        const to = catalogs[variant.to];
        // Screenshots are for people, never a check: written with SCREENSHOTS=1, and for the page a
        // failing test stopped on (docs/decisions/035-test-suite-speed.md).
        const name = (step: string) => `roles-${role.email}-${variant.js ? "js" : "nojs"}-${variant.width}-${step}`;
        let lastStep = "start";
        onTestFailed(async () => {
          if (!page.isClosed()) await page.screenshot({ path: screenshotPath(name(`${lastStep}-then-failed`)), fullPage: true }).catch(() => undefined);
        });
        const shot = async (step: string) => {
          lastStep = step;
          await saveScreenshot(page, name(step));
        };

        await page.goto(`${env.server.url}/login?lng=${variant.from}`);
        await expectText(page.locator("main h1"), from["login.title"]);
        await page.getByLabel(from["login.email"]).fill(role.email);
        await page.getByLabel(from["login.password"]).fill("demo-portal-2026");
        await Promise.all([page.waitForURL(`${env.server.url}${role.home}`), page.locator("main").getByRole("button", { name: from["login.submit"] }).click()]);
        await expectText(page.locator("main h1"), from[role.heading]);
        await expectNoRawKeys(page);
        await expectNoHorizontalScroll(page);
        await shot("signed-in");

        // Switch language from the header; the choice sticks on the next page.
        await Promise.all([
          page.waitForURL((u) => u.searchParams.get("lng") === variant.to),
          page
            .getByRole("navigation", { name: from["nav.language"] })
            .getByRole("link", { name: to[`lang.${variant.to}`] })
            .click(),
        ]);
        await expectText(page.locator("main h1"), to[role.heading]);
        expect(await page.getAttribute("html", "lang")).toBe(variant.to);
        await page.goto(`${env.server.url}/account`);
        await expectText(page.locator("main h1"), to["account.title"]);
        await expectNoRawKeys(page);
        await shot("switched");

        await openMainMenu(page);
        await Promise.all([page.waitForURL(`${env.server.url}/`), page.getByRole("button", { name: to["nav.signOut"] }).click()]);
        await expectText(page.getByRole("status"), to["flash.signedOut"]);
        await openMainMenu(page);
        await expectText(page.getByRole("link", { name: to["nav.signIn"], exact: true }), to["nav.signIn"]);
        await page.goto(`${env.server.url}${role.home}`);
        expect(new URL(page.url()).pathname).toBe("/login");
        await shot("signed-out");
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
});
