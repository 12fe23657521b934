import type { Locator, Page } from "playwright-core";

/**
 * Clicks a submit button and waits until its result is on screen: with JavaScript off the
 * next document's load; with it on, the answer to the request and Remix becoming idle again.
 */
export async function submitForm(page: Page, js: boolean, button: string | Locator, scope: Locator = page.locator("main"), method: "GET" | "POST" = "POST") {
  const target = typeof button === "string" ? scope.getByRole("button", { name: button, exact: true }).first() : button;
  if (!js) {
    await Promise.all([page.waitForEvent("load"), target.click()]);
    return;
  }
  const answered = page.waitForResponse((r) => r.request().method() === method && !r.url().includes("/build/"), { timeout: 20_000 });
  await target.click();
  await answered;
  await page.waitForSelector('body[data-nav-state="idle"]');
}
