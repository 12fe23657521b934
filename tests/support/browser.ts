// Debian's Chromium through playwright-core (no browser downloads are possible here).
import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";

// Debian's headless shell (package chromium-headless-shell, built from the same source as chromium)
// when it is installed: it renders the same pages without the full browser's UI layers, and took a
// quarter less CPU on a journey file (docs/decisions/035-test-suite-speed.md). Else the full chromium.
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");
export const hasChromium = fs.existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  // Loud on purpose: the browser tests are reported as skipped, never as passed.
  console.warn(
    `\n!!! Chromium not found at ${CHROMIUM_PATH}: BROWSER TESTS ARE SKIPPED. Install it with: apt-get install -y chromium-headless-shell (or chromium)\n`,
  );
}

/**
 * playwright-core ships no test matchers: waits (client-side navigations render a moment
 * after the URL changes) until the element's text satisfies `done`, or the timeout passes,
 * and returns what it shows.
 */
async function waitForText(locator: Locator, done: (text: string) => boolean, timeout: number): Promise<string> {
  const deadline = Date.now() + timeout;
  let text = "";
  for (;;) {
    try {
      await locator.first().waitFor({ state: "visible", timeout: Math.max(1, deadline - Date.now()) });
      text = (await locator.first().innerText()).trim();
    } catch {
      return text;
    }
    if (done(text) || Date.now() > deadline) return text;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The element's text once it is visible (or, given `expected`, once it shows exactly that). */
export async function textOf(locator: Locator, expected?: string, timeout = 10_000): Promise<string> {
  return waitForText(locator, (text) => expected === undefined || text === expected, timeout);
}

/**
 * Waits (up to the timeout) for the element to show exactly `expected`, then asserts it.
 * A revalidation or a client navigation renders a moment after its response arrives, so
 * reading once right after a submit would race the new render.
 */
export async function expectText(locator: Locator, expected: string, timeout = 10_000): Promise<void> {
  expect(await textOf(locator, expected, timeout)).toBe(expected);
}

/** As expectText, for text that contains `part` (a string) or matches it (a pattern). */
export async function expectTextContaining(locator: Locator, part: string | RegExp, timeout = 10_000): Promise<void> {
  const text = await waitForText(locator, (t) => (typeof part === "string" ? t.includes(part) : part.test(t)), timeout);
  if (typeof part === "string") expect(text).toContain(part);
  else expect(text).toMatch(part);
}

// Playwright gives every launch a fresh, empty profile of its own.
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // Every test page is on one origin (localhost): a process per site buys the tests nothing and
      // cost Chromium about a fifth of its CPU in a probe (docs/decisions/035-test-suite-speed.md).
      "--disable-features=site-per-process,IsolateOrigins",
      "--disable-site-isolation-trials",
    ],
  });
}

/** Screenshots are test artefacts (test-results/, not committed). */
export function screenshotPath(name: string): string {
  const dir = path.resolve("test-results/screenshots");
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name.replace(/[^a-z0-9-]+/gi, "_")}.png`);
}

/**
 * Opens the header's "Menu" disclosure when it is folded (phone widths); on a wide screen the
 * links show as a row and this does nothing (docs/decisions/032-phone-navigation-and-tables.md).
 */
export async function openMainMenu(page: Page): Promise<void> {
  const summary = page.locator("header .site-menu > summary");
  if (!(await summary.isVisible())) return;
  if (await page.locator("header .site-menu").evaluate((d) => (d as HTMLDetailsElement).open)) return;
  await summary.click();
}
