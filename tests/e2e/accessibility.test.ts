// WCAG 2.1 AA in a real browser: axe-core (WCAG 2.0/2.1 A and AA rules) finds no violation on
// any page type, at 360 px in Kyrgyz and at 1280 px in Russian and English; a form's errors are
// announced (JavaScript off); focus is visible; and part of the graduate journey works with the
// keyboard alone.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ru } from "~/i18n/messages/ru";
import { hasChromium, expectText } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";
import { saveScreenshot, tabTo as tabToLocator } from "../support/journey-steps";
import { addAxeToContext, axeViolations, describeViolations, usePageTour, withLang } from "../support/page-tour";

// Two views keep the run short (axe takes 2–6 s a page on a 2-core machine); the language
// test visits every page type in all three languages.
const VIEWS = [
  { width: 360, height: 740, lang: "ky" },
  { width: 1280, height: 800, lang: "ru" },
] as const;

/** Presses Tab until the focused element matches the selector. */
const tabTo = (page: Page, selector: string, what: string) => tabToLocator(page, page.locator(selector), what);

describe.skipIf(!hasChromium)("accessibility in a real browser", () => {
  const env = useServerAndBrowser();
  const tour = usePageTour(env);

  for (const view of VIEWS) {
    it(`axe finds no WCAG 2.1 A/AA violation on any page type (${view.width}px, ${view.lang})`, async () => {
      const problems: string[] = [];
      // One context and one tab per role, each page loaded into the same tab (a new tab per page
      // costs the browser a renderer start; the page's document is new either way), axe given
      // to every document of the context once.
      const tabs = new Map<string, Page>();
      for (const p of tour.pages) {
        let page = tabs.get(p.role);
        if (!page) {
          const context = await env.browser.newContext({
            viewport: { width: view.width, height: view.height },
            storageState: tour.sessions[p.role],
            bypassCSP: true,
          });
          await addAxeToContext(context);
          page = await context.newPage();
          tabs.set(p.role, page);
        }
        const response = await page.goto(`${env.server.url}${withLang(p.path, view.lang)}`);
        expect(response?.status(), p.name).toBe(p.status ?? 200);
        const t0 = Date.now();
        const found = describeViolations(`${p.name} ${p.path}`, await axeViolations(page));
        if (process.env.A11Y_DEBUG) console.log("visit", view.lang, p.name, Date.now() - t0, "ms\n" + found.join("\n"));
        problems.push(...found);
      }
      for (const page of tabs.values()) await page.context().close();
      expect(problems).toEqual([]);
    }, 600_000);
  }

  it("a form's errors are announced without JavaScript: an alert, and fields marked invalid and described", async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/signup?lng=ru`);
    const [answer] = await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: ru["signup.submit"], exact: true }).click()]);
    expect(answer?.status()).toBe(400);
    const alert = page.locator('main [role="alert"], main [aria-live="assertive"]');
    await expectText(alert, ru["errors.formTitle"]);
    const name = page.getByLabel(ru["signup.name"]);
    expect(await name.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await name.getAttribute("aria-describedby")) ?? "";
    const described = await Promise.all(
      describedBy
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => page.locator(`#${id}`).innerText()),
    );
    expect(described.join(" ")).toContain(ru["errors.required"]);
    await saveScreenshot(page, "a11y-signup-errors-360-nojs-ru");
    await context.close();
  });

  it("focus is visible: a focused link and button draw an outline", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/login?lng=en`);
    const outline = () =>
      page.evaluate(() => {
        const s = getComputedStyle(document.activeElement!);
        return { matches: document.activeElement!.matches(":focus-visible"), style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
    await tabTo(page, "a.skip-link", "the skip link");
    const link = await outline();
    expect(link.matches).toBe(true);
    expect(link.style).not.toBe("none");
    expect(link.width).toBeGreaterThanOrEqual(2);
    await tabTo(page, 'main button[type="submit"]', "the sign-in button");
    const button = await outline();
    expect(button.matches).toBe(true);
    expect(button.style).not.toBe("none");
    expect(button.width).toBeGreaterThanOrEqual(2);
    await saveScreenshot(page, "a11y-focus-button-1280-en", false);
    await context.close();
  });

  it("keyboard only: sign in with Tab, typing and Enter, then add a skill", async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/login?lng=ky`);
    await tabTo(page, 'main input[type="email"], main input[name="email"]', "the email field");
    await page.keyboard.type("graduate2@demo.kg");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe("password");
    await page.keyboard.type("demo-portal-2026");
    await Promise.all([page.waitForURL((u) => u.pathname !== "/login"), page.keyboard.press("Enter")]);
    await page.waitForSelector('body[data-nav-state="idle"]');

    // To the skills page through the menu and the profile's section links, by keyboard.
    // At 360 px the header's links are folded into the "Menu" disclosure: open it with Enter first.
    await tabTo(page, "header .site-menu > summary", "the menu");
    await page.keyboard.press("Enter");
    await tabTo(page, 'header a[href="/me/profile"]', "the profile link");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === "/me/profile");
    await page.waitForSelector('body[data-nav-state="idle"]');
    // …and the area's sections, folded into their own disclosure at 360 px.
    await tabTo(page, "main .section-nav__menu > summary", "the sections menu");
    await page.keyboard.press("Enter");
    await tabTo(page, 'main .section-nav__list a[href="/me/skills"]', "the skills link");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === "/me/skills");
    await page.waitForSelector('body[data-nav-state="idle"]');
    await tabTo(page, 'input[name="skill"]', "the skill field");
    await page.keyboard.type("Kubernetes");
    const answered = page.waitForResponse((r) => r.request().method() === "POST");
    await page.keyboard.press("Enter");
    await answered;
    await page.waitForSelector('body[data-nav-state="idle"]');
    expect(await page.locator("main table").innerText()).toContain("Kubernetes");
    expect(await page.locator('input[name="skill"]').inputValue(), "the add form starts empty after a skill is added").toBe("");
    await saveScreenshot(page, "a11y-keyboard-skill-360-ky");
    await context.close();
  });
});
